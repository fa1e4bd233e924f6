"""What `newsdesk.brief.values.agree` (the test the facts and the summary's citations use)
reads: rounded numbers, who says a statement, "one of" as a count, numbers that name."""

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


def test_one_of_counts_what_a_verb_does(backend: SpacyBackend) -> None:
    """ "Detained one of Vale's aides" is not "detained two of Vale's aides"; "one of the
    biggest heists" and "Lenz, one of 40 suspects" count nothing."""
    assert not values_agree(
        "Police detained one of Vale's aides on Sunday.",
        "Police detained two of Vale's aides on Sunday.",
        backend,
    )
    assert values("It was one of the biggest heists in Orsa.", backend).numbers == set()
    assert values("Lenz, one of 40 suspects, was freed.", backend).numbers == {40.0}


def test_a_number_that_names_is_no_count(backend: SpacyBackend) -> None:
    """The 1 of "the No. 1 Court" names the court: it is not "one of Vale's aides"."""
    assert values("Aides rallied outside the No. 1 Court in Orsa.", backend).numbers == set()
    assert not values_agree(
        "Police detained one of Vale's aides to stop him reaching the No. 1 Court.",
        "Police detained two of Vale's aides to stop them reaching the No. 1 Court.",
        backend,
    )


def test_a_number_the_copy_spaced_out_is_read_whole(backend: SpacyBackend) -> None:
    """Copy that spaces out punctuation ("120, 000", "a 6. 1 magnitude") states one number
    where the parse sees two; a clock time ("1: 53") is no number of the statement."""
    text = "The 6. 1 - magnitude quake hit Orsa, home to 120, 000 people, at 1: 53 p. m."
    assert values(text, backend).numbers == {6.1, 120_000.0}
    assert values_agree(
        "The 6. 1 - magnitude quake hit Orsa.", "A 6.1 magnitude quake hit Orsa.", backend
    )


def test_nearly_a_round_sum_agrees_with_the_exact_one(backend: SpacyBackend) -> None:
    """ "Nearly $1 million" is the $972,814 another report gives: the hedge is read on the
    whole number phrase, not only its last word."""
    assert values_agree(
        "The charity paid nearly $1 million to Orsa.", "The charity paid $972,814 to Orsa.", backend
    )


def test_a_rounded_number_is_what_the_exact_one_rounds_to(backend: SpacyBackend) -> None:
    """ "About 80" is not 70, though within 15% of it: 70 does not round to 80."""
    assert not values_agree(
        "About 80 people were hurt in Orsa.", "Seventy people were hurt in Orsa.", backend
    )
    assert values_agree(
        "About 80 people were hurt in Orsa.", "82 people were hurt in Orsa.", backend
    )


def test_a_numbered_post_is_a_rank(backend: SpacyBackend) -> None:
    """ "The No. 2 official" and "the No. 3 official" rank two posts."""
    assert not values_agree(
        "Vale, the No. 2 official of the party, resigned.",
        "Vale, the No. 3 official of the party, resigned.",
        backend,
    )
