"""Ranges and lists of numbers are no value (newsdesk.brief.number_words.in_range), whether
or not a currency is written before each end.

Texts are fictional, written for these tests; parsed with the real spaCy model.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.conflicts import story_slots
from newsdesk.registry import build_pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def backend() -> Iterator[SpacyBackend]:
    yield SpacyBackend()


def values(backend: SpacyBackend, text: str) -> list[tuple[tuple[str, ...], float | str]]:
    """The sums, measures and counts of one sentence, as (key, value) (a count of one
    read from an article left out)."""
    pipeline = build_pipeline(("parse", "entities"), backend=backend)
    parsed = list(pipeline([Document("d1", text)]))
    return [
        (s.key, s.value)
        for s in story_slots(parsed)
        if s.key[0] in {"money", "measure", "count"} and not s.implied
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a range of sums: neither end is the sum paid
        "The Orvale council sold the old mill for between $500,000 and $1 million.",
        "Brenner said the price would be between dlrs 300,000 and dlrs 2 million for a seat.",
        # a range of counts, as before
        "Between six and 75 people were hurt when the Tessel bridge gave way.",
    ],
)
def test_quantities_range_ends_are_no_value(backend: SpacyBackend, text: str) -> None:
    assert values(backend, text) == []


def test_quantities_sum_alone_is_read(backend: SpacyBackend) -> None:
    assert values(backend, "The Orvale council sold the old mill for $500,000 on Monday.") == [
        (("money", "dollars"), 500000.0)
    ]
