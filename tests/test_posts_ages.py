"""A person's age written after the possessive of the name ("Mira Lenz's, 33, career")
(newsdesk.brief.posts).

Texts are fictional, written for these tests; parsed with the real spaCy model.
"""

from __future__ import annotations

import pytest

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.conflicts import story_slots
from tests.conftest import parsed_documents

pytestmark = pytest.mark.slow


def ages(backend: SpacyBackend, text: str) -> list[tuple[tuple[str, ...], float | str]]:
    """The age slots of one sentence, as (key, value)."""
    parsed = parsed_documents(backend, text)
    return [(s.key, s.value) for s in story_slots(parsed) if s.key[0] == "age"]


@pytest.mark.parametrize(
    "text",
    [
        "Mira Lenz's, 33, acting career had stalled before she left Tessel.",
        "Mira Lenz, 33, left the Varro clinic on Monday.",
    ],
)
def test_posts_age_after_the_name_or_its_possessive(backend: SpacyBackend, text: str) -> None:
    assert ages(backend, text) == [(("age", "Mira Lenz"), "33")]


def test_posts_possessive_count_is_no_age(backend: SpacyBackend) -> None:
    assert ages(backend, "Mira Lenz's 33 films were shown in Tessel last week.") == []
