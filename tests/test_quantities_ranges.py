"""Ranges and lists of numbers are no value (newsdesk.brief.number_words.in_range), whether
or not a currency is written before each end.

Texts are fictional, written for these tests; parsed with the real spaCy model.
"""

from __future__ import annotations

import pytest

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.conflicts import story_slots
from tests.conftest import parsed_documents

pytestmark = pytest.mark.slow


def values(backend: SpacyBackend, text: str) -> list[tuple[tuple[str, ...], float | str]]:
    """The sums, measures and counts of one sentence, as (key, value) (a count of one
    read from an article left out)."""
    parsed = parsed_documents(backend, text)
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
