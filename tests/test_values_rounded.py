"""Rounded numbers and who says a statement, in `newsdesk.brief.values.agree` (the test
the facts and the summary's citations use)."""

from __future__ import annotations

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.conflicts import parse_of
from newsdesk.brief.values import DocumentValues, Values, agree
from newsdesk.registry import build_pipeline


def values(text: str, backend: SpacyBackend) -> Values:
    doc = Document("v", text)
    [doc] = build_pipeline(("parse", "entities", "dates"), backend=backend)([doc])
    return DocumentValues(doc, parse_of(doc)).within(0, len(text))


def values_agree(a: str, b: str, backend: SpacyBackend) -> bool:
    return agree(values(a, backend), values(b, backend))


def test_a_rounded_number_agrees_with_one_near_it(backend: SpacyBackend) -> None:
    """ "About 600 metres" is what "609 metres" rounds to; an exact figure is not."""
    assert values("The climber fell about 600 metres.", backend).approximate == {600.0}
    assert values_agree(
        "The climber fell about 600 metres.", "The climber fell 609 metres.", backend
    )
    assert values_agree("Nearly 100 people were arrested.", "Police arrested 94 people.", backend)
    assert not values_agree("The climber fell 600 metres.", "The climber fell 609 metres.", backend)
    assert not values_agree(
        "About 600 people were arrested.", "Police arrested 400 people.", backend
    )


def test_who_says_it_is_no_person_of_the_statement(backend: SpacyBackend) -> None:
    """The speaker of "Inspector Dana Wick said ..." is not who the statement is about;
    two speakers' words about no one named are two statements."""
    said = values("Inspector Dana Wick said the climber fell on Saturday.", backend)
    assert said.speakers == {"wick"} and not said.people
    assert values_agree(
        "Inspector Dana Wick said the climber fell on Saturday.",
        "Tom Ferris, a climber from Leeds, fell on Saturday.",
        backend,
    )
    assert not values_agree(
        "Mayor Dana Wick said she would resign.", "Senator Ana Lenz said she would resign.", backend
    )
    assert values_agree(
        "Mayor Dana Wick said Tom Ferris would resign.",
        "Senator Ana Lenz said Tom Ferris would resign.",
        backend,
    )
