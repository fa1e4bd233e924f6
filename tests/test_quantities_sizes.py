"""Sizes written as a number-noun compound before the noun they describe
(newsdesk.brief.quantities: "the 3,500-page report", "a six-year term").

Texts are fictional, written for these tests; parsed with the real spaCy model.
"""

from __future__ import annotations

import pytest

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.align import slot_agreements
from newsdesk.brief.conflicts import find_conflicts, story_slots
from tests.conftest import parsed_documents

pytestmark = pytest.mark.slow


def docs(backend: SpacyBackend, *texts: str) -> list[Document]:
    """Documents d1, d2 ... parsed, with their entities (the parse kept)."""
    return parsed_documents(backend, *texts)


def sizes(backend: SpacyBackend, text: str) -> list[tuple[tuple[str, ...], float | str]]:
    """The measure and count slots of one sentence, as (key, value) (a count of one read
    from an article left out)."""
    return [
        (s.key, s.value)
        for s in story_slots(docs(backend, text))
        if s.key[0] in {"measure", "count"} and not s.implied
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The 3,500-page report by the Orvale commission was published on Monday.",
            [(("count", "page", "report"), 3500.0)],
        ),
        (
            "The engineers tested the 50-foot robot arm at the Tessel yard.",
            [(("measure", "length", "arm"), pytest.approx(15.24))],
        ),
        (
            "Mara Lenz is to be sworn in for a six-year term at the Varro hall.",
            [(("measure", "duration", "term"), pytest.approx(6 * 365.25))],
        ),
    ],
)
def test_quantities_size_of_the_noun_a_compound_describes(
    backend: SpacyBackend, text: str, expected: list[tuple[tuple[str, ...], float]]
) -> None:
    assert sizes(backend, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an age is a person's (read by posts), not the size of the actress
        "The 33-year-old actress Mara Lenz left the Varro clinic.",
        # a value on a scale is read as such
        "A 6.1-magnitude quake shook the town of Skerrholm.",
        # a verb's indefinite object names a kind of thing, not one thing's size
        "The firm sold a 15-inch laptop to the council for the office.",
        # a modal: no size stated yet
        "Holt could face a 10-year sentence at the Varro court.",
        # a count of one is a kind ("one-way"), not a count
        "The police station at Tessel has one-way mirrors in the hall.",
    ],
)
def test_quantities_no_size_read(backend: SpacyBackend, text: str) -> None:
    assert sizes(backend, text) == []


def test_quantities_sizes_of_one_term_agree_and_conflict(backend: SpacyBackend) -> None:
    same = docs(
        backend,
        "Mara Lenz is to be sworn in for a six-year term at the Varro hall on Friday.",
        "The council will be led by Mara Lenz during her six-year term, the Varro paper said.",
    )
    agreed = [[s.claim.span.doc for s in a] for a in slot_agreements(story_slots(same))]
    assert agreed == [["d1", "d2"]]
    differ = docs(
        backend,
        "Mara Lenz is to be sworn in for a six-year term at the Varro hall on Friday.",
        "Mara Lenz is to be sworn in for a seven-year term at the Varro hall on Friday.",
    )
    assert [c.about for c in find_conflicts(differ)] == ["term (duration)"]


def test_quantities_sizes_of_two_owners_terms_are_two_things(backend: SpacyBackend) -> None:
    texts = docs(
        backend,
        "The Varro council met on Friday to discuss Mara Lenz's six-year term.",
        "The Varro council met on Friday to discuss Tom Holt's seven-year term.",
    )
    assert find_conflicts(texts) == ()
