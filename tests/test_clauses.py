"""Clauses of a parsed sentence (`newsdesk.brief.clauses`), on the real English model."""

from __future__ import annotations

import pytest

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.clauses import clauses


def clause_texts(backend: SpacyBackend, text: str) -> list[str]:
    return [c.text for c in clauses(backend(text)[:])]


def test_clauses_relative_coordinated_and_main(backend: SpacyBackend) -> None:
    """A relative clause is said of its noun, a coordinated verb shares its head's
    subject, and the rest is the main clause."""
    found = clause_texts(
        backend,
        "Tova Brandt, who has coached the Orsk Rovers since 2019, was fined on Friday "
        "and will appeal the ruling.",
    )
    assert found == [
        "Tova Brandt who has coached the Orsk Rovers since 2019",
        "Tova Brandt will appeal the ruling",
        "Tova Brandt was fined on Friday",
    ]


def test_clauses_keep_offsets(backend: SpacyBackend) -> None:
    """Each clause covers its own characters: the noun and the relative clause, not the
    commas and words between them and the rest."""
    text = "The ferry, which was carrying 40 passengers from Orsk, ran aground on Sunday."
    [relative, main] = clauses(backend(text)[:])
    assert [text[s:e] for s, e in relative.parts] == [
        "ferry",
        "which was carrying 40 passengers from Orsk",
    ]
    assert [text[s:e] for s, e in main.parts] == ["The ferry", "ran aground on Sunday"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an infinitive states no fact yet
        (
            "The council met on Monday to discuss the budget of the harbour.",
            ["The council met on Monday"],
        ),
        # nor does a hedged clause
        (
            "The ferry ran aground on Sunday, and the captain may lose his licence.",
            ["The ferry ran aground on Sunday"],
        ),
        # a clause of stop words says little
        (
            "The ferry ran aground on Sunday, and it was very late.",
            ["The ferry ran aground on Sunday"],
        ),
        # "police said" only says who said the rest
        (
            "Police said the ferry captain was arrested at the harbour on Sunday.",
            ["the ferry captain was arrested at the harbour on Sunday"],
        ),
    ],
)
def test_clauses_state_facts_only(backend: SpacyBackend, text: str, expected: list[str]) -> None:
    assert clause_texts(backend, text) == expected


def test_clauses_none_in_a_sentence_of_one_clause(backend: SpacyBackend) -> None:
    assert clause_texts(backend, "The ferry ran aground near Orsk on Sunday.") == []
