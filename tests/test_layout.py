"""The one layout pass: furniture lines, inline credits, datelines, headlines."""

from __future__ import annotations

import pytest

from newsdesk.cluster.records import representative_title, story_title
from newsdesk.layout import (
    credit_regions,
    dateline_end,
    headline,
    is_furniture,
    line_kind,
    nonbody_regions,
    tells_a_story,
)
from newsdesk.model import Document

PAGE = (
    "Harbour crane collapses at Skerrholm quay\n"
    "By Lise Marten\n"
    "SKERRHOLM (Meridian Wire) - A crane collapsed onto the north quay on Tuesday, "
    "injuring two dock workers.\n"
    "Rescuers at the quay. (Photo: Jan Berg / Meridian Wire)\n"
    "You can add location information to your Tweets, such as your city or precise location.\n"
    "Read more: Port strike ends after nine days\n"
    "The harbour authority said the crane had passed its inspection in March."
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Read more: Port strike ends after nine days", "navigation"),
        ("Sign up for our morning newsletter", "navigation"),
        ("Photo: Jan Berg", "credit"),
        ("Jan Berg / Meridian Wire", "credit"),
        ("· Updated 19:05 UTC", "stamp"),
        ("Rescuers at the quay. (Photo: Jan Berg / Meridian Wire)", "caption"),
        ("Email tips@northshore.example or call the desk", "prompt"),
        ("You can add location information to your Tweets, such as your city.", "embed"),
        ("By Lise Marten", "byline"),
        ("The harbour authority said the crane had passed its inspection.", None),
        ("Related talks between the unions resumed on Monday after a long pause.", None),
    ],
)
def test_layout_line_kind(line: str, kind: str | None) -> None:
    assert line_kind(line) == kind


def test_layout_nonbody_regions_mark_furniture_and_keep_the_story() -> None:
    regions = nonbody_regions(PAGE)
    marked = {PAGE[r.start : r.end]: r.kind for r in regions}
    assert marked["By Lise Marten"] == "byline"
    assert marked["SKERRHOLM (Meridian Wire) - "] == "dateline"
    assert marked["Read more: Port strike ends after nine days"] == "navigation"
    assert any(k == "embed" for k in marked.values())
    body = "The harbour authority said the crane had passed its inspection in March."
    start = PAGE.index(body)
    assert not any(r.start < start + len(body) and start < r.end for r in regions)
    assert all(r.start < r.end for r in regions)


def test_layout_dateline_needs_a_sentence_after_it() -> None:
    text = "VALMONT (Meridian Wire) - The ferry left at dawn with 40 people."
    assert text[dateline_end(text) :].startswith("The ferry")
    assert dateline_end("US - UK talks resume on Monday.") == 0
    assert dateline_end("NATO") == 0


def test_layout_inline_credit() -> None:
    text = "The bow was crushed (Photo: Jan Berg / Meridian Wire) in the fog."
    [(a, b)] = credit_regions(text)
    assert text[a:b] == "(Photo: Jan Berg / Meridian Wire)"


def test_layout_is_furniture() -> None:
    assert is_furniture("Copyright 2026 Meridian Wire. All rights reserved.")
    assert is_furniture("WRECKED: the bow of the ferry after the collision.")
    assert not is_furniture("The ferry was carrying 164 people when it ran aground.")


def test_layout_a_heading_in_title_case_is_furniture_yet_a_headline() -> None:
    heading = "Deckhand Convicted Of Sinking Tessel Harbour Ferry."
    assert is_furniture(heading)
    assert not is_furniture("Inga Solberg of the Tessel Port Authority spoke.")
    assert not is_furniture("Tessel Port Authority Chief Inga Solberg Resigned.")
    text = f"{heading[:-1]}\nA court in Tessel convicted a deckhand of sinking the ferry in June."
    assert headline(text) == heading[:-1]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (PAGE, "Harbour crane collapses at Skerrholm quay"),
        ("Crane falls\nA crane fell onto the quay on Tuesday, hurting two workers.", "Crane falls"),
        ("A crane fell onto the quay.\nTwo workers were hurt and taken to hospital today.", None),
        ("One line only, no body", None),
        ("Read more: the strike\nA crane fell onto the quay on Tuesday, hurting two men.", None),
        (
            "PUBLISHED FRIDAY, MARCH 6, 2026 AT 9:40 AM\nCrane falls at Skerrholm\n"
            "A crane fell onto the quay on Tuesday, hurting two workers.",
            "Crane falls at Skerrholm",
        ),
        (
            "Friday, March 06, 2026\nSkerrholm: crane down, 2 hurt\n"
            "A crane fell onto the quay on Tuesday, hurting two workers.",
            "Skerrholm: crane down, 2 hurt",
        ),
    ],
)
def test_layout_headline_is_the_first_line_when_it_reads_as_one(
    text: str, title: str | None
) -> None:
    assert headline(text) == title


def test_titles_are_real_headlines_never_ids() -> None:
    crane = Document(id="doc_0193", text=PAGE)
    notice = Document(
        id="arc_7",
        text="The page you requested was archived by the Wayback Machine on May 3.\n"
        "Nothing else is on this page at all, except for the notice above it.",
    )
    untitled = Document(id="u_1", text="Two dock workers were hurt when a crane fell at Skerrholm.")
    assert story_title(crane) == "Harbour crane collapses at Skerrholm quay"
    assert representative_title([notice, crane, untitled]) == (
        "Harbour crane collapses at Skerrholm quay"
    )
    only_text = representative_title([untitled, Document(id="u_2", text="A crane fell.")])
    assert only_text not in {"u_1", "u_2"} and "crane" in only_text


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("November 20, 2026 - 11:28 GMT", "stamp"),
        ("Tuesday, Nov. 17, 2026", "stamp"),
        ("2026-11-19T08:57:40+01:00", "stamp"),
        ("Posted on: 19.11.2026 08:57", "stamp"),
        ("on July 13, 2026 at 10: 50 AM, updated July 29, 2026 at 12: 16 PM", "stamp"),
        ("on July 13, 2026 at 10:50 AM", "stamp"),
        ("on July 13, 2026 and on July 29, 2026", None),  # two dates, no stamp verb
        ("4:14 p.m.", None),  # a time alone heads an update in a live story
        ("29 November 2026 | 20 January 2027", None),  # a span of dates is information
        ("US 2026", None),
        ("The vote is on Nov. 3.", None),
        ("https://quillmouth-post.example/news/pier", "navigation"),
        ("Follow the Quillmouth Post on Instagram and Facebook.", "prompt"),
        ("Follow @quillpost for live updates from the harbour", "prompt"),
        ("Harbour Briefing newsletter", "prompt"),
        ("Get the day's harbour news in your inbox. Subscribe to our newsletters.", "prompt"),
        ("Thanks for signing up!", "prompt"),
        ("The ferry company's newsletter, read by 3,000 commuters, announced the closure.", None),
        ("Additional reporting by Tomas Riel", "byline"),
        ("Writing by Ada Brun; Editing by Ilse Varga", "byline"),
        ("SOURCE: Meridian Wire", "byline"),
        ("Source: the harbour board said the pier would reopen in April after repairs.", None),
        ("— Ilse Varga (@ilsevarga) November 18, 2026", "embed"),
        ("© 2026 Quillmouth Post", "credit"),
        ("Copyright Quillmouth Post 2026 - all reproduction forbidden", "credit"),
        ("Copyright lawyers for the harbour board said the logo belonged to the town.", None),
    ],
)
def test_layout_line_kind_stamps_prompts_and_contributors(line: str, kind: str | None) -> None:
    assert line_kind(line) == kind


def test_layout_embedded_post_and_its_signature_are_non_body() -> None:
    post = "The pier is closed again, third time this year: https://t.co/abc123"
    text = (
        "The harbour board closed the pier on Tuesday.\n\n"
        f"{post}\n\n"
        "— Ilse Varga (@ilsevarga) November 18, 2026\n\n"
        "Repairs will take the winter, the board said."
    )
    marked = {text[r.start : r.end]: r.kind for r in nonbody_regions(text)}
    assert marked == {post: "embed", "— Ilse Varga (@ilsevarga) November 18, 2026": "embed"}


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("Tomas Vale, 32, was convicted of two counts of arson at the Skerrholm depot.", True),
        ("Harbour Fire\nTomas Vale, 32, was convicted of arson on Friday.", True),
        ("June 6, 2026\nTomas Vale convicted of arson at 32", False),
        ("Skerrholm Ferry Terminal Destroyed In Overnight Harbour Fire", False),
        ("Read more: Port strike ends after nine days\nPhoto: Jan Berg / Meridian Wire", False),
        (
            "You can add location information to your Tweets, such as your city or precise "
            "location, from the web and via third-party applications.\nLearn more",
            False,
        ),
        (PAGE, True),
    ],
)
def test_layout_a_one_sentence_brief_tells_a_story_a_notice_does_not(
    text: str, story: bool
) -> None:
    """A news brief of one sentence is a source; a headline, stamp, credit or notice alone
    is not."""
    assert tells_a_story(text) is story
