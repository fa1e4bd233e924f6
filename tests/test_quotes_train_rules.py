"""Speakers found by the rules fitted on PolNeAR train (half a): one test per rule, on
fictional text.

The texts name fictional people, places and outlets only. Each test parses with the real
spaCy model (the session's `backend`, parses cached) and asserts the exact speakers; each
fails without its rule.
"""

from __future__ import annotations

from newsdesk.annotate.nlp import SpacyBackend
from tests.test_quotes_attribution import speakers


def test_quotes_as_clause_after_a_quote_names_its_speaker(backend: SpacyBackend) -> None:
    """ "..., as Brandt said on Tuesday": a clause of comment, not of time; the quote is
    what Brandt said."""
    text = (
        "Harbour master Ilse Brandt spoke to the council on Monday.\n\n"
        'Still, the fact that the ferry "is a lost cause right now," as Brandt said on '
        "Kestrel Radio on Tuesday, only raises the stakes for the town."
    )
    assert speakers(backend, text) == {"is a lost cause right now": "Ilse Brandt"}


def test_quotes_pronoun_finds_a_surname_the_parse_took_for_a_noun(
    backend: SpacyBackend,
) -> None:
    """ "Banks said ..." with "Banks" tagged a common noun (a PERSON of the model and a
    person of the resolver): the "he" of the next sentence is Ivo Banks, not the man
    named before him."""
    text = (
        "Councillor Ivo Banks opposes the new toll.\n\nMayor Otto Lind backs it.\n\n"
        'To a question on the "future of the '
        'old bridge," Banks said private contractors can be more expensive than town '
        'workers and cited the decision to use town crews after the 2019 storm. "While '
        'this system is not perfect," he said, "I think most people would agree that the '
        'bridge is safer today."'
    )
    found = speakers(backend, text)
    assert found["While this system is not perfect"] == "Ivo Banks"
    assert found["I think most people would agree that the bridge is safer today."] == ("Ivo Banks")


def test_quotes_paragraph_of_quote_alone_takes_a_person_the_model_tagged_otherwise(
    backend: SpacyBackend,
) -> None:
    """A quote alone in its paragraph after a paragraph whose last sentence has a person
    as the subject of a clause ("since Mason spoke only in vague terms"): Mason, whom the
    model tagged as an organisation there but the resolver holds as a person."""
    text = (
        'Councillor Ivo Mason told Kestrel Radio that his plan would merely be "to fix the '
        'bridge" if he wins the vote.\n\n'
        'What "fix the bridge" actually means is left to the imagination of voters, since '
        "Mason spoke only in vague terms during the interview.\n\n"
        '"We have to do something and it is the only way we stop the decay."'
    )
    found = speakers(backend, text)
    assert found["We have to do something and it is the only way we stop the decay."] == (
        "Ivo Mason"
    )


def test_a_quote_a_noun_holds_is_not_the_subjects(backend: SpacyBackend) -> None:
    """ "He left the court to chants of '...'": the crowd chanted, not the player the
    sentence is about; "his promise of '...'" stays his."""
    text = (
        "Mark Brandt scored 23 points and grabbed 7 rebounds in 35 minutes.\n"
        "He left the court to chants of “ONE MORE YEAR! ONE MORE YEAR!”\nIndeed.\n"
    )
    assert speakers(backend, text) == {"ONE MORE YEAR! ONE MORE YEAR!": None}


def test_quotes_dash_label_before_a_colon_signs_the_quote(backend: SpacyBackend) -> None:
    """A digest signs each quote it collects with a name between a spaced dash and the
    colon ('Pollsters agree - Ana Ruiz: "..."'), a space or two before the mark
    allowed; a name the model tags as nothing still signs."""
    text = (
        "Turnout records fell across the county on Tuesday.\n\n"
        "HIGHER TURNOUT IN KESTREL DOES NOT RAISE HOPES ELSEWHERE - Ivo P. Marsh:  “At long "
        "last the contests have finally started with the first vote, and the count is in.” "
        "[Kestrel Wire.]\n\n"
        "Pollsters agree - Ana Ruiz: “One of the biggest lessons was a simple one: keep "
        "calling voters as late as possible.” [Kestrel Wire.]\n\n"
        "But polls did predict the ferry vote - KestrelPoll: “While the count provided an "
        "upset on one side, most pollsters got the other side right.” [Kestrel Wire.]"
    )
    assert list(speakers(backend, text).values()) == ["Ivo P. Marsh", "Ana Ruiz", "KestrelPoll"]


def test_quotes_colon_intro_by_a_named_organisation(backend: SpacyBackend) -> None:
    """ "The Kestrel Board of Harbours was conclusive in its findings: '...'": the board,
    an organisation subject of the clause before the colon, speaks."""
    text = (
        "As if addressing the mayor directly, the Kestrel Board of Harbours was conclusive "
        "in its findings: “Further discussion on this issue is unnecessary.”"
    )
    assert speakers(backend, text) == {
        "Further discussion on this issue is unnecessary.": "Kestrel Board of Harbours"
    }


def test_quotes_speech_noun_judged_in_another_cue_is_not_its_owners(
    backend: SpacyBackend,
) -> None:
    """ "The board released a statement, saying Brandt's comments are '...'": the quote
    is what the board says of the comments, not Brandt's comments; "Brandt's remarks
    were '...,' Ruiz said" stays Ruiz's."""
    text = (
        "Mayor Ivo Brandt spoke on Tuesday.\n\nThe Kestrel Harbour Board released a statement "
        "Wednesday evening, saying Brandt’s comments are “another example of his reckless "
        "and divisive talk about the port.”\n\n"
        'Brandt\'s remarks were "a disgrace to the whole town and its harbour," Ana Ruiz said.'
    )
    found = speakers(backend, text)
    assert found["another example of his reckless and divisive talk about the port."] != (
        "Ivo Brandt"
    )
    assert found["a disgrace to the whole town and its harbour"] == "Ana Ruiz"


def test_quotes_according_to_a_work_by_a_named_author(backend: SpacyBackend) -> None:
    """ "according to calculations by Ana Ruiz": the author of the work speaks."""
    text = (
        "Fares rose again.\n\nA “fair fare” for a single adult in Kestria is about $3 a "
        "ride, according to calculations by Ana Ruiz of the Kestrel Institute of Transport."
    )
    assert speakers(backend, text) == {"fair fare": "Ana Ruiz"}


def test_a_member_of_a_party_with_the_names_nobody(backend: SpacyBackend) -> None:
    """ "said the Democrat who ...": an unnamed source, not a speaker called "Democrat"
    (as "a Texas Republican" already was)."""
    text = "“Ana Vale is the first choice,” said the Democrat who knows the talks."
    assert speakers(backend, text) == {"Ana Vale is the first choice": None}
