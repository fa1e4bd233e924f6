"""Slots issue 10 added for where sources differ: durations the entity recogniser tags
as times, and what a duration is not (an offset, the time left, a range).

Texts are fictional, written for these tests; parsed with the real spaCy model.
"""

from __future__ import annotations

import pytest

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.conflicts import find_conflicts, story_slots
from tests.conftest import parsed_documents

pytestmark = pytest.mark.slow


def durations(backend: SpacyBackend, text: str) -> list[tuple[tuple[str, ...], float | str]]:
    """The duration slots of one text, as (key, value in days)."""
    return [
        (s.key, s.value)
        for s in story_slots(parsed_documents(backend, text))
        if s.key[:2] == ("measure", "duration")
    ]


def conflicts(backend: SpacyBackend, *texts: str) -> list[tuple[str, list[str]]]:
    docs: list[Document] = parsed_documents(backend, *texts)
    return [(c.attribute, [v.value for v in c.values]) for c in find_conflicts(docs)]


def test_conflicts_duration_tagged_as_a_time_is_read(backend: SpacyBackend) -> None:
    assert durations(backend, "The talks in Varro lasted five hours on Monday.") == [
        (("measure", "duration", "last"), pytest.approx(5 / 24))
    ]


def test_conflicts_durations_tagged_as_times_differ(backend: SpacyBackend) -> None:
    found = conflicts(
        backend,
        "The talks between the Orvale unions and the Varro port lasted five hours on Monday.",
        "On Monday the talks between the Orvale unions and the Varro port lasted two hours.",
    )
    assert found == [("last (duration)", ["five hours", "two hours"])]


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brell stopped Ivo Kast with two seconds remaining of the sixth round.",
        "The alarm went off with just four minutes to go in the Varro countdown.",
        "So the Varro countdown was halted just 19 seconds from liftoff.",
        "Edda Lund left the Orvale hall two minutes after she walked in.",
        "The Dunmore port was closed for 72 to 120 hours.",
    ],
)
def test_conflicts_no_duration_of_an_offset_time_left_or_range(
    backend: SpacyBackend, text: str
) -> None:
    assert durations(backend, text) == []
