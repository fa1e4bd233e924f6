"""Days of an activity in progress: hand-written cases.

A day on which something was going on ("police were searching Wednesday") is a day
inside an activity that may run over several, not the day of an event: another report's
day for it ("searching Friday") does not disagree. A clock time in the progressive ("was
driving … at about 1:30 a.m.") is a moment and still compared. These tests parse with the
real spaCy model.
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


def test_conflicts_days_of_an_activity_in_progress(backend: SpacyBackend) -> None:
    docs = story(
        backend,
        "Varro police were searching Wednesday for the bodies of the four missing hikers.",
        "Varro rescue teams were searching Friday for the bodies of the four missing hikers.",
    )
    assert find_conflicts(docs) == ()


def test_conflicts_days_of_an_event_still_compared(backend: SpacyBackend) -> None:
    docs = story(
        backend,
        "Varro police searched the hut of the four missing hikers on Wednesday.",
        "Varro police searched the hut of the four missing hikers on Friday.",
    )
    [conflict] = find_conflicts(docs)
    assert [v.value for v in conflict.values] == ["Wednesday", "Friday"]
