"""Relations: kinship, employment, membership and place patterns, with their evidence."""

from __future__ import annotations

import pytest

from newsdesk.annotate.entities import extract_entities
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.relations import extract_relations
from newsdesk.model import Document, Entity, Relation
from tests.conftest import make_document


def relate(backend: SpacyBackend, text: str) -> tuple[Document, dict[str, str], list[Relation]]:
    """Entities then relations of one text; names by entity id."""
    doc = make_document(text)
    parsed = backend(text)
    entities: tuple[Entity, ...] = extract_entities(doc, parsed)
    relations = list(extract_relations(doc, parsed, entities))
    return doc, {e.id: e.name for e in entities}, relations


def triples(backend: SpacyBackend, text: str) -> list[tuple[str, str, str]]:
    _, names, relations = relate(backend, text)
    return [(names[r.subject], r.predicate, names[r.object]) for r in relations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tobias Wren, the son of the late shipowner Pavel Markov, spoke on Monday.",
            [("Tobias Wren", "child_of", "Pavel Markov")],
        ),
        (
            "Councillor Tobias Wren, son of the late former mayor Aldous Wren, led the opposition.",
            [("Tobias Wren", "child_of", "Aldous Wren")],
        ),
        (
            "The ferry's captain, Henrik Maalstad, 54, has sailed for Kessary Lines for more "
            "than two decades and is the son of the late Jorund Maalstad, who founded the "
            "company in 1978.",
            [("Henrik Maalstad", "child_of", "Jorund Maalstad")],
        ),
        (
            "Pavel Markov, the father of Tobias Wren, died in 2010.",
            [("Pavel Markov", "parent_of", "Tobias Wren")],
        ),
    ],
)
def test_relations_parentage(
    backend: SpacyBackend, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert triples(backend, text) == expected


def test_relations_spouse_by_pronoun(backend: SpacyBackend) -> None:
    text = (
        "Henrik Maalstad said he had not slept since the accident. "
        "His wife, Marit Maalstad, sat beside him."
    )
    doc, names, relations = relate(backend, text)
    assert [(names[r.subject], r.predicate, names[r.object]) for r in relations] == [
        ("Marit Maalstad", "spouse_of", "Henrik Maalstad")
    ]
    span = relations[0].span
    assert doc.text[span.start : span.end] == "His wife, Marit Maalstad, sat beside him."


def test_relations_spouse_by_possessive_name(backend: SpacyBackend) -> None:
    text = (
        "Captain Henrik Maalstad spoke to the Northshore Post. "
        "Henrik Maalstad's wife, Marit Maalstad, sat beside him."
    )
    assert ("Marit Maalstad", "spouse_of", "Henrik Maalstad") in triples(backend, text)


def test_relations_spouse_by_whose(backend: SpacyBackend) -> None:
    text = (
        "Councillor Jorun Hale, whose husband, Per Hale, runs a freight forwarding company at "
        "the port, has said she will abstain."
    )
    assert triples(backend, text) == [("Per Hale", "spouse_of", "Jorun Hale")]


def test_relations_pronoun_owner_is_the_subject_not_a_name_in_passing(
    backend: SpacyBackend,
) -> None:
    text = (
        "Veteran skipper Henrik Maalstad, 58, whose late father Jorund founded Kessary Lines "
        "in 1978, was said by friends to be in pieces. His wife, Marit, told the Clarion he "
        "was devastated."
    )
    assert ("Marit", "spouse_of", "Henrik Maalstad") in triples(backend, text)
    assert not [t for t in triples(backend, text) if t[0] == "Marit" and t[2] == "Jorund"]


def test_relations_relative_and_works_for(backend: SpacyBackend) -> None:
    text = (
        "Arvid Lunde, 31, a deckhand on the Aster Grace, was killed in the collision. "
        "His sister, Ida Lunde, who works for Kessary Lines as a ticket agent in Skerrholm, "
        "said the family had been told of his death."
    )
    assert triples(backend, text) == [
        ("Ida Lunde", "relative_of", "Arvid Lunde"),
        ("Ida Lunde", "employed_by", "Kessary Lines"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dmitri Alenko, a professor of maritime law at Tessel University, said the "
            "shortcut existed in a legal grey zone.",
            [("Dmitri Alenko", "employed_by", "Tessel University")],
        ),
        (
            "Lucan Ferreira, a minister at the embassy of Pelloria, said the crew were "
            "cooperating.",
            [("Lucan Ferreira", "employed_by", "Pelloria")],
        ),
        (
            "Edvin Marsh, chief executive of the Valmont Port Authority, welcomed the result.",
            [("Edvin Marsh", "employed_by", "Valmont Port Authority")],
        ),
        (
            "Rasmus Heller, a spokesperson for the Kessary Coast Guard, declined to comment.",
            [("Rasmus Heller", "employed_by", "Kessary Coast Guard")],
        ),
        (
            "Nadia Kessel, who works for Kessary Lines as head of fleet safety, said the "
            "company had renewed the certificate.",
            [("Nadia Kessel", "employed_by", "Kessary Lines")],
        ),
        (
            "Anna Berg, a member of the Valmont Harbour Board, voted against the plan.",
            [("Anna Berg", "member_of", "Valmont Harbour Board")],
        ),
    ],
)
def test_relations_employment(
    backend: SpacyBackend, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert triples(backend, text) == expected


def test_relations_based_in(backend: SpacyBackend) -> None:
    doc, names, relations = relate(
        backend, "Valmont-based Kessary Lines cancelled all crossings on Tuesday."
    )
    assert [(names[r.subject], r.predicate, names[r.object]) for r in relations] == [
        ("Kessary Lines", "located_in", "Valmont")
    ]
    assert relations[0].subject.startswith("d1:e")
    assert doc.text[relations[0].span.start : relations[0].span.end] == doc.text


def test_relations_org_in_place(backend: SpacyBackend) -> None:
    text = "Shares of Kessary Lines in Valmont fell sharply after the collision."
    assert triples(backend, text) == [("Kessary Lines", "located_in", "Valmont")]


def test_relations_precision_no_guessing(backend: SpacyBackend) -> None:
    text = (
        "Jorun Hale, whose husband runs a freight company, abstained. "
        "Rosa Lindgren, a retired teacher from Valmont, said the crew were calm. "
        "Kessary Lines said in Valmont that crossings would resume. "
        "Mayor Anika Brandt met Dr. Felix Brandt at the hospital."
    )
    assert triples(backend, text) == []


def test_relations_ids_are_document_entities(backend: SpacyBackend) -> None:
    _, names, relations = relate(
        backend, "Dmitri Alenko, a professor of maritime law at Tessel University, spoke."
    )
    assert relations
    assert all(r.subject in names and r.object in names for r in relations)


def test_relations_no_entities(backend: SpacyBackend) -> None:
    text = "the ferry was late again today."
    doc = make_document(text)
    assert extract_relations(doc, backend(text), ()) == ()


def test_relations_employer_after_the_job_wins_over_a_modifier(backend: SpacyBackend) -> None:
    # the place before the post says where he serves; the coalition is whom he works for
    found = triples(
        backend,
        "Consulting biologists matters, said Ivo Lenz, Norland state representative of the "
        "Harbour Species Coalition, a group of 40 clubs.",
    )
    assert ("Ivo Lenz", "employed_by", "Harbour Species Coalition") in found
    assert ("Ivo Lenz", "employed_by", "Norland") not in found


def test_relations_kin_coordinated_with_a_name_is_that_persons(backend: SpacyBackend) -> None:
    # "her" of "Ana Vale and her husband" is Vale's, not the subject Ivo Brandt's
    text = (
        "Ivo Brandt, who has vowed to fight extradition, had drinks with Lady Ana Vale and "
        "her husband, Marek, in their home in Valmont four days before."
    )
    assert triples(backend, text) == [("Marek", "spouse_of", "Ana Vale")]
