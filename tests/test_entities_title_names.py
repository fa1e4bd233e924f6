"""Entities: names written around titles and layout that the model runs together with
other words (a title's "of" complement before a name). Fictional texts, real parses."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc as SpacyDoc

from newsdesk.annotate.entities import extract_entities, merge_entities
from newsdesk.annotate.ner_fixes import Cand
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.organisations import acronym_people
from newsdesk.model import Entity, Mention, Span, TextSpan
from tests.conftest import make_document


def annotate(backend: SpacyBackend, text: str) -> dict[str, str]:
    """Name → type of the entities of one document."""
    entities: tuple[Entity, ...] = extract_entities(make_document(text), backend(text))
    return {e.name: e.type for e in entities}


@pytest.mark.parametrize(
    ("text", "name", "junk"),
    [
        (
            '"The rules stand," said Secretary of the Harbours Dorrit Vanhaelen. '
            "Vanhaelen left early.",
            "Dorrit Vanhaelen",
            "Harbours Dorrit Vanhaelen",
        ),
        (
            "Lenz will oversee the film for the studio along with Orsk Pictures' Director "
            "of Production Gillian Trunvald.",
            "Gillian Trunvald",
            "Production Gillian Trunvald",
        ),
    ],
)
def test_entities_title_complement_is_not_a_name_word(
    backend: SpacyBackend, text: str, name: str, junk: str
) -> None:
    found = annotate(backend, text)
    assert found.get(name) == "PERSON"
    assert junk not in found


def test_entities_place_after_a_persons_of_takes_no_apposition(backend: SpacyBackend) -> None:
    # the apposition describes the representative, not the place he is from
    found = annotate(
        backend,
        "The Valmont Post reports that Rep. Ivo Brandt (D) of West Norland, the chairman of "
        "the House Harbour Committee, said the rule could be reversed.",
    )
    assert found["Ivo Brandt"] == "PERSON"
    assert found["West Norland"] == "GPE"


@pytest.mark.parametrize("paper", ["Independent", "Gazette"])
def test_entities_name_glued_to_a_credit_is_dropped(backend: SpacyBackend, paper: str) -> None:
    # a caption run together with its credit, taken for a name by the model or widened to
    # the glued word: no "GazetteScott Lusk", no "IndependentScott Lusk"
    text = (
        "Lusk was visibly shaken as he described his friend this morning.\n"
        f"Courtesy of The Valmont {paper}Scott Lusk, Valmont Police Chief\n"
        "Valmont Police Chief Scott Lusk received critical injuries and was taken to "
        "Tessel Hospital, according to VSP Lt. Ivo Brandt.\nChief Lusk is in stable condition."
    )
    found = annotate(backend, text)
    assert found["Scott Lusk"] == "PERSON"
    assert not any(paper in name for name in found)


@pytest.mark.parametrize("name", ["Ivo McKay", "LeBron Orsk", "Tana DeShawn"])
def test_entities_name_with_an_inner_capital_stays(backend: SpacyBackend, name: str) -> None:
    assert name in annotate(backend, f"{name} said the ferry was late. {name} left.")


def _cand(parsed: SpacyDoc, text: str, label: str, nth: int = 0) -> Cand:
    """The candidate over the ``nth`` occurrence of ``text`` in the parse."""
    starts = [i for i, t in enumerate(parsed) if parsed[i : i + len(text.split())].text == text]
    return Cand(starts[nth], starts[nth] + len(text.split()), label)


def test_entities_acronym_of_an_organisation_is_no_person(backend: SpacyBackend) -> None:
    # the model took the company's short name for a person; its name opens with it
    text = "Valtrix will buy KVR Harbour Systems Inc. (KVR HS). KVR HS has 350 staff."
    parsed = backend(text)
    company = _cand(parsed, "KVR Harbour Systems Inc.", "ORG")
    short = [_cand(parsed, "KVR HS", "PERSON", n) for n in (0, 1)]
    acronym_people(parsed, [company, *short], caps=set())
    assert [c.label for c in short] == ["ORG", "ORG"]


def test_entities_person_after_an_acronym_stays(backend: SpacyBackend) -> None:
    # no organisation's name opens with "CEO"
    text = "Valtrix named CEO Lund on Monday. CEO Lund said the deal was done."
    parsed = backend(text)
    person = _cand(parsed, "CEO Lund", "PERSON")
    acronym_people(parsed, [person, _cand(parsed, "Valtrix", "ORG")], caps=set())
    assert person.label == "PERSON"


BODY = (
    "\nNovember 12, 2011\nValtrix has signed a definitive agreement to acquire Orsk Harbour "
    "Design Facilities Inc., one of the leading design firms, the company said on Monday."
)


@pytest.mark.parametrize(
    "headline",
    [
        "Release Date For Moonfall Sequel May Be Pushed Back",  # a modal and verbs
        "Valtrix Snaps Up Harbour Design Consulting Firm",  # words the body writes in lowercase
    ],
)
def test_entities_headline_clause_is_no_organisation(backend: SpacyBackend, headline: str) -> None:
    found = annotate(backend, headline + BODY)
    assert not [name for name in found if name in headline and len(name.split()) > 2]
    assert found["Orsk Harbour Design Facilities Inc."] == "ORG"


def test_entities_organisation_in_the_headline_written_in_the_body_stays(
    backend: SpacyBackend,
) -> None:
    found = annotate(backend, "Valtrix Acquires Orsk Harbour Design Facilities" + BODY)
    assert found["Orsk Harbour Design Facilities"] == "ORG"


@pytest.mark.parametrize(
    "text",
    [
        "Police said April Renn, 32, was arrested on Monday. Renn was released later.",
        "The film stars April Renn and Ivo Lenz.",
    ],
)
def test_entities_month_named_person_keeps_her_given_name(backend: SpacyBackend, text: str) -> None:
    found = annotate(backend, text)
    assert found.get("April Renn") == "PERSON"
    assert "Renn" not in found


def test_entities_month_after_a_preposition_is_no_given_name(backend: SpacyBackend) -> None:
    assert "April Renn" not in annotate(backend, "In April Renn said she would appeal.")


def test_entities_word_used_before_a_full_name_and_a_surname_is_a_title(
    backend: SpacyBackend,
) -> None:
    # "Trooper" is no known title; the copy uses it as one, so "Trooper Brandt" is Brandt
    found = annotate(
        backend,
        "Capt. Dan Orsk and Senior Trooper Peter Brandt, both 51, died at the scene. Captain "
        "Orsk was a 28-year veteran of the Valmont Police Department, and Trooper Brandt, a "
        "bomb technician, had been with the force for 11 years.",
    )
    assert found.get("Peter Brandt") == "PERSON"
    assert not any(name.startswith("Trooper") for name in found)


def _one(doc: str, name: str, kind: str, role: str | None = None) -> Entity:
    """An entity of one mention, with a role if given, built by hand."""
    roles = (TextSpan(Span(doc, 20, 20 + len(role)), role),) if role else ()
    return Entity(
        f"{doc}:e1", name, kind, (), roles, (Mention(Span(doc, 0, len(name)), name, kind),)
    )


def test_merge_entities_tie_goes_to_the_person_a_title_shows() -> None:
    # "the Vale administration" (ORG) in one report, "President Vale" in another
    merged, _ = merge_entities(
        [
            _one("a", "Ivo Vale", "PERSON"),
            _one("b", "Vale", "ORG"),
            _one("c", "Vale", "PERSON", "President"),
        ]
    )
    assert [(e.name, e.type) for e in merged] == [("Ivo Vale", "PERSON")]


def test_merge_entities_tie_without_a_title_keeps_the_first_type() -> None:
    merged, _ = merge_entities([_one("b", "Vale", "ORG"), _one("c", "Vale", "PERSON")])
    assert [e.type for e in merged] == ["ORG"]


def test_entities_product_named_after_a_brand_is_no_person(backend: SpacyBackend) -> None:
    # the model says PERSON for "FrostBerry Maps"; "FrostBerry" is an organisation here
    found = annotate(
        backend,
        "Of course, the phone will include FrostBerry software, including full HTML Web "
        "browsing, FrostBerry Maps, an enhanced media player, as well as access to "
        "corporate mail. FrostBerry maker Orsk said the phone ships in March.",
    )
    assert found["FrostBerry Maps"] == "ORG"
