"""Reported speech stays on its cue's line: the parse starts a sentence at each line.

Fictional text; the real model (the session's `backend`, parses cached).
"""

from __future__ import annotations

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.quotes import extract_quotes
from newsdesk.model import Document, Quote


def reported(backend: SpacyBackend, text: str) -> list[Quote]:
    return [q for q in extract_quotes(Document(id="t", text=text), backend(text)) if not q.direct]


def test_a_press_release_heading_is_not_reported_speech(backend: SpacyBackend) -> None:
    """The plain parse ran the heading lines into the lede's clause, "said" by the chair."""
    text = (
        "THE HARBOUR BOARD\nOffice of the Chair\nFOR IMMEDIATE RELEASE March 3, 2026\n"
        "Chair Announces Pier Closure\nToday, Chair Ada Renn announced that the northern pier "
        "will close for repairs until April."
    )
    [quote] = reported(backend, text)
    assert quote.text == "the northern pier will close for repairs until April"
    assert quote.speaker == "Ada Renn"


def test_the_next_line_is_nobody_s_reported_speech(backend: SpacyBackend) -> None:
    """A cue's clause never runs into the next line: the plain parse gave the chair the
    ferry company's line, alone or joined to her own words."""
    bare = (
        "The harbour board met on Monday.\nAt the meeting, Chair Ada Renn said\n"
        "The ferry company has moved its morning sailings to the southern quay since Monday."
    )
    assert reported(backend, bare) == []
    joined = (
        "The harbour board met on Monday.\n"
        "Ada Renn, the chair, said on Monday that the northern pier would close\n"
        "The ferry company has moved its morning sailings to the southern quay since Monday."
    )
    [quote] = reported(backend, joined)
    assert (quote.text, quote.speaker) == ("the northern pier would close", "Ada Renn")


def test_a_cue_set_off_at_the_end_reports_the_sentence_before_it(backend: SpacyBackend) -> None:
    """ "X asked Y to serve, a senior aide said": the parse hangs "said" on "asked" as its
    clause; on a real page the asker was given the words "a senior ... said on Tuesday"."""
    said = (
        "President-elect Ivo Vale has asked neurosurgeon and radio correspondent Dr. Ana Lenz "
        "to be Tessel surgeon general"
    )
    quotes = reported(backend, f"{said}, a senior aide said on Tuesday.")
    assert [(q.text, q.speaker) for q in quotes] == [(said, None)]  # "a senior aide"
