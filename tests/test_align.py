"""Claims aligned across documents by meaning and by value (newsdesk.brief.align).

Texts are fictional, written for these tests; parsed with the real spaCy model.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.align import supported
from newsdesk.brief.conflicts import find_conflicts
from newsdesk.brief.slots import read_slots
from newsdesk.model import Span, SummaryItem, TimeExpression
from newsdesk.registry import build_pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def backend() -> Iterator[SpacyBackend]:
    yield SpacyBackend()


def docs(backend: SpacyBackend, *texts: str) -> list[Document]:
    return [
        dataclasses.replace(Document(f"d{i}", t), parse=backend(t)) for i, t in enumerate(texts, 1)
    ]


def values(backend: SpacyBackend, *texts: str) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """Each conflict as (attribute, [(value, [documents giving it])])."""
    return [
        (c.about, [(v.value, [x.span.doc for x in v.claims]) for v in c.values])
        for c in find_conflicts(docs(backend, *texts))
    ]


@pytest.mark.parametrize(
    ("texts", "attribute", "shown"),
    [
        (
            (
                "The tremor near Valmont had a depth of 1.2 miles, the survey said.",
                "The tremor near Valmont had a depth of 12 miles, according to the survey.",
            ),
            "depth (length)",
            ["1.2 miles", "12 miles"],
        ),
        (
            (
                "The epicentre was 40 kilometres west of Skerrholm, officials said.",
                "The epicentre lay 40 kilometres south of Skerrholm, officials said.",
            ),
            "direction from Skerrholm",
            ["west of Skerrholm", "south of Skerrholm"],
        ),
        (
            (
                "The councillor was struck by a silver Varro sedan on Tessel Road.",
                "The councillor was struck by a red Varro sedan on Tessel Road.",
            ),
            "colour of the sedan",
            ["silver", "red"],
        ),
        (
            (
                "Brann served four and a half months in prison for the fraud.",
                "Brann was released after serving more than four years for the fraud.",
            ),
            "serve (duration)",
            ["four months", "four years"],
        ),
        (
            (
                "The port authority set up a fund of $500,000 for the families.",
                "The port authority paid nearly $400,000 to the families from its fund.",
            ),
            "fund (dollars)",
            ["$500,000", "$400,000"],
        ),
    ],
)
def test_align_conflict_values_grouped_by_document(
    backend: SpacyBackend, texts: tuple[str, str], attribute: str, shown: list[str]
) -> None:
    [(about, found)] = values(backend, *texts)
    assert about.split(" (")[-1] == attribute.split(" (")[-1]
    assert [(v.split()[0], d) for v, d in found] == [
        (shown[0].split()[0], ["d1"]),
        (shown[1].split()[0], ["d2"]),
    ]


@pytest.mark.parametrize(
    "texts",
    [
        # rounding an editor accepts is agreement, not a conflict
        (
            "The clinic raised $972,814 for the new ward, its director said.",
            "The clinic raised nearly $1 million for the new ward, its director said.",
        ),
        # the same measure in other units
        (
            "The crane fell 30 metres onto the quay at Skerrholm.",
            "The crane fell about 100 feet onto the quay at Skerrholm.",
        ),
        # an age is not a duration
        (
            "The 59-year-old pilot landed the plane at Tessel.",
            "The pilot, who has flown for 30 years, landed the plane at Tessel.",
        ),
        # a colour describing a person is no thing's colour
        (
            "Police said the suspect was a white male who fled the Tessel depot on foot.",
            "Police said the suspect was a black male who fled the Tessel depot on foot.",
        ),
        # background: a sentence about another year of the story
        (
            "The 2026 flood at Valmont killed three people, officials said on Monday 2026.",
            "The 2011 flood at Valmont killed 40 people. In 2026 the river rose again.",
        ),
    ],
)
def test_align_no_conflict(backend: SpacyBackend, texts: tuple[str, str]) -> None:
    assert values(backend, *texts) == []


def test_align_summary_never_cites_a_disagreeing_span(backend: SpacyBackend) -> None:
    story = docs(
        backend,
        "The tremor near Valmont had a depth of 1.2 miles, the survey said.",
        "The tremor near Valmont had a depth of 12 miles, according to the survey.",
        "The tremor near Valmont had a depth of 1.2 miles, the regional office said.",
    )
    conflicts = find_conflicts(story)
    assert len(conflicts) == 1
    whole = [Span(d.id, 0, len(d.text) - 1) for d in story]
    [item] = supported([SummaryItem(story[0].text, tuple(whole))], conflicts)
    assert [c.doc for c in item.citations] == ["d1", "d3"]
    assert item.disputed and item.conflicts == (0,)


def _dated(backend: SpacyBackend, *items: tuple[str, str]) -> list[Document]:
    """Documents d1, d2 ... with their publication dates, parsed, with entities and a
    timeline (the parse kept)."""
    pipeline = build_pipeline(("parse", "entities", "dates"), backend=backend)
    return list(
        pipeline(Document(f"d{i}", text, published=day) for i, (day, text) in enumerate(items, 1))
    )


def test_align_a_value_that_changes_over_days_is_an_update(backend: SpacyBackend) -> None:
    """A toll rising between reports of different days is an update, in time order."""
    found = find_conflicts(
        _dated(
            backend,
            ("2026-03-03", "The earthquake killed 40 people in the mountain town."),
            ("2026-03-01", "The earthquake killed 12 people in the mountain town."),
        )
    )
    assert [(c.kind, [v.value for v in c.values]) for c in found] == [
        ("update", ["12 people", "40 people"])
    ]
    line = SummaryItem("The earthquake killed 12 people.", (Span("d2", 0, 20),))
    [kept] = supported([line], found)
    assert kept.conflicts == ()  # an earlier figure is no disputed one


def test_align_values_of_one_day_are_a_conflict(backend: SpacyBackend) -> None:
    found = find_conflicts(
        _dated(
            backend,
            ("2026-03-01", "The earthquake killed 40 people in the mountain town."),
            ("2026-03-01", "The earthquake killed 12 people in the mountain town."),
        )
    )
    assert [c.kind for c in found] == ["conflict"]


def test_align_a_time_expression_across_a_sentence_break_gives_a_valid_claim(
    backend: SpacyBackend,
) -> None:
    """A timeline item that runs over a sentence break (a bad span from any reader) gives
    a claim inside the text, never an out-of-range one."""
    text = "The ferry sank near the island on Friday. Monday crews searched the wreck."
    start = text.index(". Monday")
    item = TimeExpression(Span("d1", start, start + 8), ". Monday", "2026-03-09", "")
    doc = dataclasses.replace(Document("d1", text), parse=backend(text), timeline=(item,))
    for slot in read_slots(doc, doc.parse):
        span = slot.claim.span
        assert 0 <= span.start < span.end <= len(text)
        assert slot.claim.text == text[span.start : span.end]


def test_align_a_day_far_from_the_story_is_another_event(backend: SpacyBackend) -> None:
    """Reports of early July: "On April 6" dates another quake, not this one."""
    texts = (
        ("2026-07-02", "On April 6, an earthquake struck the island of Sora, officials said."),
        ("2026-07-02", "On June 30, an earthquake struck the island of Sora, officials said."),
    )
    assert find_conflicts(_dated(backend, *texts)) == ()
    near = (texts[0][0], texts[0][1].replace("April 6", "June 29"))
    assert [c.kind for c in find_conflicts(_dated(backend, near, texts[1]))] == ["conflict"]


def test_align_a_rounded_sum_is_a_minor_difference(backend: SpacyBackend) -> None:
    """ "$972,814" and "$973,000": agreement, shown as a minor difference; no dispute,
    support kept."""
    found = find_conflicts(
        docs(
            backend,
            "The city fund paid $972,814 to the families of the victims.",
            "The city fund paid $973,000 to the families of the victims.",
        )
    )
    assert [(c.kind, [v.value for v in c.values]) for c in found] == [
        ("minor", ["$972,814", "$973,000"])
    ]
    line = SummaryItem("The city fund paid $972,814.", (Span("d1", 0, 20), Span("d2", 0, 20)))
    [kept] = supported([line], found)
    assert kept.citations == line.citations and kept.conflicts == ()


def test_align_a_value_stated_again_later_makes_no_update(backend: SpacyBackend) -> None:
    """12, then 14, then 12 again: the sources disagree; nothing was updated."""
    found = find_conflicts(
        _dated(
            backend,
            ("2026-03-01", "The earthquake killed 12 people in the mountain town."),
            ("2026-03-02", "The earthquake killed 14 people in the mountain town."),
            ("2026-03-03", "Hospital staff in the capital said 12 people had died."),
        )
    )
    assert [c.kind for c in found] == ["conflict"]


def test_align_a_month_far_from_the_story_dates_another_event(backend: SpacyBackend) -> None:
    """Issue 10: in reports of November, a quake "in February" is another quake; its
    magnitude does not contradict this one's."""
    texts = (
        (
            "2026-11-27",
            "A 6.4-magnitude quake hit the town of Sora in February, killing 40 people.",
        ),
        ("2026-11-27", "A 5.9-magnitude quake hit the town of Sora, killing ten people."),
    )
    assert find_conflicts(_dated(backend, *texts)) == ()
    near = (texts[0][0], texts[0][1].replace("in February", "in November"))
    assert [c.about for c in find_conflicts(_dated(backend, near, texts[1]))] == [
        "magnitude",
        "number of people (kill)",
    ]


def test_slot_conflicts_need_values_a_reader_can_tell_apart() -> None:
    """ "today" in two pages of two days resolves to two dates, each true of its page: the
    same words on both sides are no conflict."""
    from newsdesk.brief.align import slot_conflicts
    from newsdesk.brief.slots import Slot
    from newsdesk.model import TextSpan

    words = frozenset({"varro", "open", "bridge"})

    def slot(doc: str, day: str, shown: str) -> Slot:
        claim = TextSpan(Span(doc, 0, 20), "open the bridge " + shown)
        return Slot(("date", "open"), "date (open)", day, shown, False, claim, words, frozenset())

    pages = [Document("d1", "x" * 40), Document("d2", "x" * 40)]
    same = [slot("d1", "2026-03-03", "today"), slot("d2", "2026-03-05", "today")]
    assert slot_conflicts(pages, same) == ()
    told = [slot("d1", "2026-03-03", "Tuesday"), slot("d2", "2026-03-05", "Thursday")]
    [conflict] = slot_conflicts(pages, told)
    assert [v.value for v in conflict.values] == ["Tuesday", "Thursday"]


def test_slot_agreements_need_one_value_not_compatible_ones() -> None:
    """Agreement is the same value: a weekday never matches a date (it may or may not
    fall on it), a hedged sum never matches the exact one it rounds, and a month matches
    a day inside it."""
    from newsdesk.brief.align import agree, same_value, slot_agreements
    from newsdesk.brief.slots import Slot
    from newsdesk.model import TextSpan

    words = frozenset({"toll", "bridge", "open"})

    def slot(doc: str, key: str, value: float | str, approx: bool = False) -> Slot:
        claim = TextSpan(Span(doc, 0, 20), f"the bridge toll {value}")
        return Slot((key, "open"), key, value, str(value), approx, claim, words, frozenset())

    tuesday, day = slot("d1", "date", "weekday tuesday"), slot("d2", "date", "2026-03-03")
    assert agree(tuesday, day) and not same_value(tuesday, day)
    assert same_value(slot("d1", "date", "2026-03"), day)
    exact, nearly = slot("d1", "money", 972_814.0), slot("d2", "money", 1_000_000.0, True)
    assert agree(exact, nearly) and not same_value(exact, nearly)
    assert same_value(exact, slot("d2", "money", 973_000.0))
    assert slot_agreements([exact, nearly]) == []
    three = [exact, slot("d2", "money", 973_000.0), slot("d3", "money", 972_814.0)]
    assert [[s.claim.span.doc for s in group] for group in slot_agreements(three)] == [
        ["d1", "d2", "d3"]
    ]
    # a person's post is the person's (who is who), not a fact
    posts = [slot("d1", "title", "mayor"), slot("d2", "title", "mayor")]
    assert slot_agreements(posts) == []


def test_slots_a_colour_word_in_a_name_is_no_colour(backend: SpacyBackend) -> None:
    [navy, van] = docs(
        backend,
        "An Indian navy ship escorted the tanker through the strait on Monday.",
        "Witnesses saw a white van leave the harbour before dawn.",
    )
    assert [s.key for s in read_slots(navy, navy.parse) if s.key[0] == "colour"] == []
    assert [(s.key, s.value) for s in read_slots(van, van.parse) if s.key[0] == "colour"] == [
        (("colour", "van"), "white")
    ]


def test_slots_a_long_claim_is_cut_between_words(backend: SpacyBackend) -> None:
    filler = ", ".join(f"the {w} quay" for w in "north south east west old new upper lower".split())
    text = (
        f"Dockers who had worked at {filler} and the harbour stores walked out, and "
        f"the bitter strike, which the union called after talks with the port board failed, "
        f"has now cost the port 4.5 million dollars in lost fees, {filler}, officials said."
    )
    [doc] = docs(backend, text)
    [money] = [s for s in read_slots(doc, doc.parse) if s.key[0] == "money"]
    start, end = money.claim.span.start, money.claim.span.end
    assert end - start <= 240 and "4.5 million dollars" in money.claim.text
    assert text[start - 1] == " " and text[end] in " ,"


def test_align_a_line_stating_no_value_keeps_one_side_of_a_conflict(
    backend: SpacyBackend,
) -> None:
    """A summary line that states neither value of a conflict is supported by one side:
    of two citations that disagree with each other, the later is dropped."""
    texts = (
        "Rescuers searched the harbour after the ferry sank.",
        "The ferry sank on Wednesday near the island.",
        "The ferry sank on Thursday near the island.",
    )
    found = find_conflicts(_dated(backend, *(("2026-03-06", t) for t in texts)))
    assert [c.about for c in found] == ["date (sink)"]
    cited = (Span("d1", 0, 20), Span("d2", 0, 20), Span("d3", 0, 20))
    [kept] = supported([SummaryItem("Rescuers searched the harbour.", cited)], found)
    assert kept.citations == cited[:2]


@pytest.mark.parametrize(
    "text",
    [
        "The strike has cost the port 4.5 million dollars in lost fees.",
        "The club paid 40 million euros for the striker.",
        "The club paid $40 million for the striker.",
    ],
)
def test_slots_a_sum_is_written_as_its_slot_keys_it(backend: SpacyBackend, text: str) -> None:
    """The numbers a document writes anywhere (`written_numbers`, for the values it gives
    outside any slot) read a sum's currency as its slot does: "40 million euros" is a sum
    in euros, not a count of euros (regression: only the word either side was looked up,
    as written, so a plural currency word counted the currency)."""
    from newsdesk.brief.quantities import written_numbers

    [doc] = docs(backend, text)
    [money] = [s for s in read_slots(doc, doc.parse) if s.key[0] == "money"]
    assert (money.key[:2], money.value) in written_numbers(doc.parse)
