"""The briefing summary: cap, citations, corroboration, order, boilerplate; and the DUC gate."""

from __future__ import annotations

import json
import re

import pytest

from newsdesk.brief.summary import summarize
from newsdesk.embed import HashingEmbedder
from newsdesk.model import Document, SummaryItem
from tests.conftest import ROOT, bench_module, require_shared_data

# A fictional ferry collision told by three outlets.
WIRE = (
    "TESSEL, Oct 12 (Meridian Wire) - The passenger ferry Aurora collided with the cargo ship "
    "Baltic Star in the Tessel Strait on Monday, injuring twelve people, the coast guard said.\n\n"
    "(Photo: Jan Olsen/Meridian)\n\n"
    "The Aurora was carrying 240 passengers from Tessel to Vardby when it struck the cargo "
    "ship in thick fog shortly after 7 a.m.\n\n"
    '"We were lucky the tide was low," Deputy Harbour Master Inga Solberg told reporters. '
    '"It could have been far worse."\n\n'
    "READ MORE: Ferry safety in the strait under scrutiny\n\n"
    "The Tessel Lines Inc. ferry returned to port under its own power, and the injured "
    "passengers were taken to St. Olav hospital."
)
HERALD = (
    "By Anna Berg\n\n"
    "Twelve people were injured on Monday when the passenger ferry Aurora collided with the "
    "cargo ship Baltic Star in the Tessel Strait, the coast guard said.\n\n"
    "Thick fog covered the strait at the time of the collision, according to Adm. J. R. Holt "
    "of the coast guard.\n\n"
    "The Aurora, carrying 240 passengers from Tessel to Vardby, returned to port under its "
    "own power.\n\n"
    "Copyright 2026 Harbour Herald. All rights reserved."
)
TIMES = (
    "The coast guard opened an inquiry on Tuesday into the collision between the ferry Aurora "
    "and the cargo ship Baltic Star in the Tessel Strait.\n\n"
    "Twelve people were injured when the ferry Aurora collided with the cargo ship Baltic Star "
    "on Monday, the coast guard said.\n\n"
    "(Photo: Strait Times/Erik Dahl)\n"
    "Investigators will examine the radar logs of both ships, Adm. J. R. Holt said on Tuesday.\n\n"
    "The inquiry into the ferry collision is expected to report by the end of November."
)
BOILERPLATE = ("(Photo", "READ MORE", "Copyright", "By Anna Berg", "It could have been")


def story() -> list[Document]:
    return [
        Document(id="times", text=TIMES, outlet="Strait Times", published="2026-10-13"),
        Document(id="wire", text=WIRE, outlet="Meridian Wire", published="2026-10-12T08:00"),
        Document(id="herald", text=HERALD, outlet="Harbour Herald", published="2026-10-12T10:30"),
    ]


def brief(words: int = 120, docs: list[Document] | None = None) -> tuple[SummaryItem, ...]:
    return summarize(docs if docs is not None else story(), words, HashingEmbedder())


def check_citations(docs: list[Document], items: tuple[SummaryItem, ...]) -> None:
    """Each text is its first citation's text; every citation is a valid span."""
    by_id = {d.id: d for d in docs}
    for item in items:
        first = item.citations[0]
        assert by_id[first.doc].text_of(first) == item.text
        for cite in item.citations:
            assert by_id[cite.doc].text_of(cite)


def test_summary_empty_input() -> None:
    assert summarize([], 100, HashingEmbedder()) == ()
    assert brief(0) == ()
    only_noise = Document(id="x", text="(Photo: Jan Olsen/Meridian)\nREAD MORE: Ferry news")
    assert brief(100, [only_noise]) == ()


@pytest.mark.parametrize("words", [20, 40, 60, 120, 400])
def test_summary_word_cap(words: int) -> None:
    items = brief(words)
    assert items
    assert sum(len(item.text.split()) for item in items) <= words
    check_citations(story(), items)


def test_summary_text_in_cited_span() -> None:
    check_citations(story(), brief(120))


def test_summary_trims_dateline() -> None:
    docs = [Document(id="wire", text=WIRE)]
    items = summarize(docs, 120, HashingEmbedder())
    check_citations(docs, items)
    lead = [i for i in items if "injuring" in i.text]
    assert lead
    # the text and its citation start at the kept words, after the dateline
    assert lead[0].text.startswith("The passenger ferry Aurora collided")
    assert lead[0].citations[0].start == WIRE.index("The passenger ferry")


@pytest.mark.parametrize("words", [40, 120, 400])
def test_summary_boilerplate_never_selected(words: int) -> None:
    for item in brief(words):
        assert not any(mark in item.text for mark in BOILERPLATE), item.text


def test_summary_takes_no_heading_ending_in_a_quoted_title() -> None:
    """A heading ends in a quote mark without a full stop: no summary line."""
    heading = "Tessel Lines to review ferry ‘ Aurora ’ after collision with ‘ Baltic Star ’"
    docs = [
        Document(id="post", text=f"{heading}\n{TIMES}", outlet="Quay Post", published="2026-10-13"),
        *story(),
    ]
    for words in (40, 120, 400):
        assert heading not in [item.text for item in summarize(docs, words, HashingEmbedder())]


def test_summary_takes_no_headline() -> None:
    """A document's headline (its first line, read by the layout) is not what happened,
    however many outlets share its words."""
    heading = (
        "Twelve injured as ferry Aurora and Baltic Star collide in Tessel Strait: fog to blame?"
    )
    docs = [
        Document(id="post", text=f"{heading}\n{TIMES}", outlet="Quay Post", published="2026-10-13"),
        *story(),
    ]
    for words in (40, 120, 400):
        assert heading not in [item.text for item in summarize(docs, words, HashingEmbedder())]


def test_summary_corroboration_cites_other_outlets() -> None:
    docs = story()
    by_id = {d.id: d for d in docs}
    items = brief(120)
    injured = [i for i in items if "welve" in i.text]
    assert len(injured) == 1
    cited = {c.doc: by_id[c.doc].text_of(c) for c in injured[0].citations}
    assert set(cited) == {"wire", "herald", "times"}
    assert cited["wire"].startswith("The passenger ferry Aurora collided")
    assert cited["herald"].startswith("Twelve people were injured on Monday when the passenger")
    assert cited["times"].startswith("Twelve people were injured when the ferry Aurora")
    for item in items:  # at most one citation per document
        assert len({c.doc for c in item.citations}) == len(item.citations)


def test_summary_no_repetition() -> None:
    items = brief(400)
    injured = [i for i in items if re.search(r"[Tt]welve", i.text)]
    assert len(injured) == 1, [i.text for i in items]


def test_summary_order_by_publication_date() -> None:
    docs = story()
    items = brief(400)
    rank = {"wire": 0, "herald": 1, "times": 2}
    keys = [(rank[i.citations[0].doc], i.citations[0].start) for i in items]
    assert keys == sorted(keys)
    undated = [Document(id=d.id, text=d.text) for d in docs]
    items = summarize(undated, 400, HashingEmbedder())
    support = [len(i.citations) for i in items]
    assert support == sorted(support, reverse=True)  # what most documents state first
    assert support[0] > support[-1]
    same = [i for i in items if len(i.citations) == support[-1]]
    rank = {"times": 0, "wire": 1, "herald": 2}  # then source order: times first
    keys = [(rank[i.citations[0].doc], i.citations[0].start) for i in same]
    assert keys == sorted(keys)


def test_summary_cuts_only_when_no_sentence_fits() -> None:
    items = brief(6)
    assert len(items) == 1
    item = items[0]
    assert len(item.text.split()) == 6
    check_citations(story(), items)
    doc = {d.id: d for d in story()}[item.citations[0].doc]
    assert doc.text_of(item.citations[0]) == item.text


def test_summary_resends_do_not_corroborate() -> None:
    docs = [Document(id="a", text=HERALD), Document(id="b", text=HERALD)]
    items = summarize(docs, 60, HashingEmbedder())
    assert items
    assert all(len(i.citations) == 1 for i in items)


def test_summary_without_embedder_is_lexical() -> None:
    items = summarize(story(), 120)
    check_citations(story(), items)
    assert any(len(i.citations) > 1 for i in items)


# ---------------------------------------------------------------------------------------------
# The quality gate on DUC 2004 (real MiniLM, all 50 clusters).


def test_summary_never_opens_with_a_dangling_pronoun() -> None:
    extra = (
        "She also said the collision between the ferry Aurora and the cargo ship Baltic Star "
        "in the Tessel Strait injured twelve people on Monday."
    )
    docs = [*story(), Document(id="echo", text=extra, published="2026-10-12T09:00")]
    items = brief(400, docs)
    assert items and not any(i.text.startswith("She ") for i in items)
    check_citations(docs, items)


def test_summary_takes_no_line_from_opinion_when_reports_exist() -> None:
    editorial = (
        "The collision between the ferry Aurora and the cargo ship Baltic Star in the Tessel "
        "Strait on Monday was a disgrace that injured twelve people and we must act now."
    )
    docs = [*story(), Document(id="op", text=editorial, genre="opinion", published="2026-10-12")]
    items = brief(400, docs)
    assert items and all(c.doc != "op" for i in items for c in i.citations[:1])
    only_opinion = brief(400, [docs[-1]])
    assert [i.citations[0].doc for i in only_opinion] == ["op"]


@pytest.mark.slow
def test_summary_gate_duc2004() -> None:
    duc2004 = bench_module("duc2004")
    require_shared_data(duc2004.DATA / "clusters.jsonl")
    floors = json.loads((ROOT / "bench" / "floors" / "summary.json").read_text())
    from newsdesk.embed import Embedder

    clusters = duc2004.load_clusters()
    scores, _, cited = duc2004.run_newsdesk(clusters, duc2004.Scorer(), Embedder())
    assert cited, "a summary sentence is not the text of the span it cites"
    assert scores["rouge2"] >= floors["duc2004_rouge2"]
    assert scores["rouge1"] >= floors["duc2004_rouge1"]


def test_summary_a_sentence_giving_another_number_or_day_is_no_support() -> None:
    """Paraphrases that differ in a number or a day do not corroborate each other, even
    where no conflict was read (no parse here)."""
    base = (
        "The passenger ferry Aurora sank near the island of Sora on Monday with {} people aboard."
    )
    docs = [
        Document("a", base.format(40), published="2026-03-03"),
        Document("b", base.format(40), published="2026-03-03"),
        Document("c", base.format(44), published="2026-03-03"),
        Document("d", base.format(40).replace("Monday", "Sunday"), published="2026-03-03"),
    ]
    docs[1] = Document(
        "b", docs[1].text.replace("The passenger", "A passenger"), published="2026-03-03"
    )
    [item] = summarize(docs, words=30)
    assert {c.doc for c in item.citations} == {"a", "b"}


def test_summary_citations_agree_with_each_other() -> None:
    """A line that names no day may be said by outlets that give different days: it
    cites one side only (support means agreement, among the citations too)."""
    line = (
        "The singer Mara Voss checked into a clinic in Halden to be treated for exhaustion, "
        "her agent told reporters."
    )
    docs = [
        Document("a", line, published="2026-03-03"),
        Document("a2", line.replace("The singer", "Singer"), published="2026-03-03"),
        Document("b", "On Tuesday the singer Mara Voss checked into a clinic in Halden."),
        Document("c", "On Friday the singer Mara Voss checked into a clinic in Halden."),
    ]
    [item] = summarize(docs, words=30)
    assert item.text == line
    cited = {c.doc for c in item.citations}
    assert {"a", "a2"} <= cited
    assert len(cited & {"b", "c"}) == 1
