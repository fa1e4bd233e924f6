"""Entities: people the model labels as something else, found by how the copy uses the name
(an age after it, a list of people, "Ms." before its surname). Fictional texts, real parses."""

from __future__ import annotations

import pytest

from newsdesk.annotate.entities import extract_entities, merge_entities
from newsdesk.annotate.ner_fixes import pieces
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.model import Entity, Mention, Span, TextSpan
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
        # speaking, described by a nationality
        ('"We will stay," said Tarek Hadib, a Palestinian standing near the gate.', "Tarek Hadib"),
        # speaking of itself as "I" (the model says ORG)
        ("“My shop is gone,” Jahenns Trelvar said.", "Jahenns Trelvar"),
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


def test_entities_a_name_speaking_as_we_keeps_its_label(backend: SpacyBackend) -> None:
    # an organisation speaks as "we"
    found = annotate(backend, "“The shop is ours,” Jahenns Trelvar said.")
    assert found["Jahenns Trelvar"] == "ORG"


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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # after a title, the model labelling nothing
        (
            "The sailor was taken to safety by Senior Constable Tarvo Quillan, who dropped "
            "into the swell to reach him.",
            "Tarvo Quillan",
        ),
        # opening with a given name, the subject of "said"
        (
            "Alexis Tambor Quillan, one of the organisers, said the march would go ahead.",
            "Alexis Tambor Quillan",
        ),
        # opening with a given name, "who" after it
        ("The boat was found by Gwen Tavistrand, who called the coastguard.", "Gwen Tavistrand"),
    ],
)
def test_entities_name_the_model_missed_is_found(
    backend: SpacyBackend, text: str, name: str
) -> None:
    assert annotate(backend, text)[name] == "PERSON"


def test_entities_team_after_a_title_word_is_no_person(backend: SpacyBackend) -> None:
    # "Duke" may be a title, but "Blue Devils" is a plural: a team
    text = "The second-ranked Duke Blue Devils beat Valmont on Sunday. Duke had lost to Orsk."
    assert "Blue Devils" not in annotate(backend, text)


def test_entities_body_that_speaks_is_no_person(backend: SpacyBackend) -> None:
    # no given name opens it
    assert annotate(backend, "Mission Control said the crew was safe.") == {}


def test_entities_name_with_a_spaced_particle_hyphen_is_one_name(backend: SpacyBackend) -> None:
    # "Al - Quttawi": a hyphen written with spaces after a particle, inside the name
    text = (
        "In a statement, Mahmoud Al - Quttawi, a member of the authority's board of "
        "directors, said the cable was cut."
    )
    assert annotate(backend, text) == {"Mahmoud Al - Quttawi": "PERSON"}


def _entity(id: str, name: str, role: str) -> Entity:
    roles = (TextSpan(Span(id, 20, 20 + len(role)), role),)
    return Entity(id, name, "PERSON", (), roles, (Mention(Span(id, 0, len(name)), name, "PERSON"),))


@pytest.mark.parametrize(
    ("role", "person"),
    [
        ("his parents", True),  # the plural of a family word
        ("a member of the board of directors", True),  # the plural of a title
        ("the rebel stronghold", False),
    ],
)
def test_merge_entities_one_word_name_shown_by_a_plural_role(role: str, person: bool) -> None:
    """A one-word "person" whose role is a person's only in the plural ("his parents,
    Dennet and Ilse Vale") is still a person; one described as a place is not."""
    [merged], _ = merge_entities([_entity("a:e1", "Dennet", role)])
    assert (merged.type == "PERSON") is person


def test_entities_labs_end_a_companys_name(backend: SpacyBackend) -> None:
    # "Labs" is a trade word: "Quillon Labs" taken for a person is a company
    text = "Engineers at Quillon Labs said the patch was ready."
    parsed = backend(text)
    [piece] = pieces(parsed, 2, 4, "PERSON")
    assert (piece.text(parsed), piece.label) == ("Quillon Labs", "ORG")


def test_entities_title_before_a_joiner_is_someone_elses(backend: SpacyBackend) -> None:
    # "lawyer for Oskar Vinterberg" is the lawyer's title; Vinterberg is its complement
    text = "Oskar Vinterberg, 23, was arrested. Marek Hale, lawyer for Oskar Vinterberg, said so."
    doc = make_document(text)
    roles = {e.name: [r.text for r in e.roles] for e in extract_entities(doc, backend(text))}
    assert roles["Oskar Vinterberg"] == []
    assert roles["Marek Hale"] == ["lawyer for Oskar Vinterberg"]


def test_entities_given_name_described_as_a_relative_is_another_person(
    backend: SpacyBackend,
) -> None:
    # "Varga's son, Aurelio" is not Aurelio Varga, whose given name he shares
    text = (
        "Former dictator Aurelio Varga was arrested in Valmont on Friday. Any legal defense "
        "would be up to Varga's family. Varga's son, Aurelio, said the family would hire "
        '"the best legal team available."'
    )
    doc = make_document(text)
    mentions = {e.name: [m.text for m in e.mentions] for e in extract_entities(doc, backend(text))}
    assert mentions["Aurelio Varga"] == ["Aurelio Varga", "Varga", "Varga"]
    assert mentions["Aurelio"] == ["Aurelio"]


@pytest.mark.parametrize("place", ["Lausanne", "Korvado"])
def test_entities_place_opening_the_sentence_takes_no_apposition(
    backend: SpacyBackend, place: str
) -> None:
    # "In X, a public prosecutor, Y, said": the prosecutor is Y, the sentence's subject
    text = f"In {place}, a public prosecutor, Marek Hale, said Monday that he had issued a warrant."
    doc = make_document(text)
    found = {
        e.name: (e.type, [r.text for r in e.roles]) for e in extract_entities(doc, backend(text))
    }
    assert found[place] == ("GPE", [])
    assert found["Marek Hale"] == ("PERSON", ["a public prosecutor"])


def test_entities_name_inside_the_opening_phrase_takes_no_apposition(
    backend: SpacyBackend,
) -> None:
    # the riots are the subject of "have erupted", not a description of the teenager
    text = (
        "In the week following the fatal shooting of 16-year-old Marek Hale, several "
        "protests and riots have erupted in the teen's Valmont neighborhood."
    )
    doc = make_document(text)
    roles = {e.name: [r.text for r in e.roles] for e in extract_entities(doc, backend(text))}
    assert roles["Marek Hale"] == []
