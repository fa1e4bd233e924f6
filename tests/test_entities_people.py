"""Entities: people the model labels as something else, found by how the copy uses the name
(an age after it, a list of people, "Ms." before its surname). Fictional texts, real parses."""

from __future__ import annotations

import pytest

from newsdesk.annotate.entities import extract_entities
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.model import Entity
from tests.conftest import make_document


def annotate(backend: SpacyBackend, text: str) -> dict[str, str]:
    """Name → type of the entities of one document."""
    entities: tuple[Entity, ...] = extract_entities(make_document(text), backend(text))
    return {e.name: e.type for e in entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an age after a comma (the model says ORG)
        ("Marit Olszewska, 20, was charged on Monday with arson.", "Marit Olszewska"),
        ("Police charged Marit Olszewska, 20, on Monday.", "Marit Olszewska"),
        # listed with a person's full name
        (
            "The clinic has treated Britta Quenneville and Lindsay Kestrel in the past.",
            "Britta Quenneville",
        ),
        # the surname written after "Ms." elsewhere in the document
        (
            "Kristel Annika Vosberg won the race. Ms. Vosberg said she was tired.",
            "Kristel Annika Vosberg",
        ),
    ],
)
def test_entities_name_used_as_a_persons_is_person(
    backend: SpacyBackend, text: str, name: str
) -> None:
    assert annotate(backend, text)[name] == "PERSON"


def test_entities_team_listed_with_a_person_keeps_its_label(backend: SpacyBackend) -> None:
    # "the" before it: a team, not a person, though listed with one
    found = annotate(backend, "The Harbour Lions and Lindsay Kestrel were thanked by the mayor.")
    assert found["Harbour Lions"] == "ORG"
    assert found["Lindsay Kestrel"] == "PERSON"


def test_entities_place_listed_with_a_person_keeps_its_label(backend: SpacyBackend) -> None:
    # its first word is a place of the document
    found = annotate(
        backend, "Fans in Valmont cheered as Valmont City and Lindsay Kestrel were honoured."
    )
    assert found["Valmont City"] == "GPE"
