"""Who an event is about, as conflicts compare it: hand-written cases.

A value's own phrase names nobody who acts ("dlrs 400,000", which the parse heads by the
currency), and a number right after a proper noun is part of the name ("Orbis 7" is not
"Orbis 8"). These tests parse with the real spaCy model.
"""

from __future__ import annotations

import pytest

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.conflicts import find_conflicts
from newsdesk.registry import build_pipeline

pytestmark = pytest.mark.slow


def story(backend: SpacyBackend, *texts: str) -> list[Document]:
    """One parsed document per text, ids d1, d2, ..., with entities and timeline."""
    pipeline = build_pipeline(("parse", "entities", "dates"), backend=backend)
    return [d for i, t in enumerate(texts, 1) for d in pipeline([Document(f"d{i}", t)])]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the sum is the subject: "dlrs" is no one who spent it
        (
            "Dlrs 400,000 was spent on scholarships for the students, the committee said.",
            "Ingrid Rask spent $600,000 on scholarships for the students, the committee said.",
        ),
        # the sum is the object: "dlrs" is no one it was given to
        (
            "The Varro committee provided nearly dlrs 400,000 in scholarships for the students.",
            "The Varro committee paid $600,000 to Halvorsen University for the scholarships.",
        ),
    ],
)
def test_conflicts_currency_word_is_no_participant(
    backend: SpacyBackend, first: str, second: str
) -> None:
    [conflict] = find_conflicts(story(backend, first, second))
    assert [(v.value, [c.span.doc for c in v.claims]) for v in conflict.values] == [
        (first.split(" 4")[0].split()[-1] + " 400,000", ["d1"]),
        ("$600,000", ["d2"]),
    ]


def test_conflicts_numbered_names_are_two_things(backend: SpacyBackend) -> None:
    """Two releases of one product line are two subjects: their dates do not disagree."""
    docs = story(
        backend,
        "The firm was going to place its service on the screen of Orbis 7, which was "
        "introduced in August.",
        "The Trade Office and the states filed their suit in May to move before the firm's "
        "new operating system, Orbis 8, was introduced in June.",
    )
    assert find_conflicts(docs) == ()
