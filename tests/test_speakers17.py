"""Speakers the text gives that went missing on unseen news clusters (bench/quote_audit.py,
tuning half), one test per general cause, on fictional text: a straight closing mark typed
with its space before the speaker's name, a statement announced as "by" a person, and a
description or an age that varies on the last sentence's subject ("the former trader
warned", "the 55-year-old said").

The texts name fictional people, organisations and places only. Each test parses with the
real spaCy model (the session's `backend`) and asserts the exact speakers.
"""

from __future__ import annotations

from newsdesk.annotate.nlp import SpacyBackend
from tests.test_quotes_attribution import speakers


def test_speakers17_closing_mark_typed_before_a_capitalised_name(backend: SpacyBackend) -> None:
    """'"... the league, "Halvorsen said': the last mark of the line, after the quote's
    comma, closes the quote (read as an opening mark it left both quotes without a cue)."""
    text = (
        '"I never dreamed I\'d be here and be the leading scorer in the league, "Halvorsen '
        "said as he stood at midcourt.\n"
        '"This is a great honour to be here and to play for you every night."'
    )
    assert speakers(backend, text) == {
        "I never dreamed I'd be here and be the leading scorer in the league": "Halvorsen",
        "This is a great honour to be here and to play for you every night.": "Halvorsen",
    }


def test_speakers17_statement_by_a_person_announced_by_a_colon_line(
    backend: SpacyBackend,
) -> None:
    """'Below is a statement by X, director of ...:' and the quote below it, over two
    paragraphs: X spoke; "A statement from X said" names X too."""
    text = (
        "The Kestrel Union welcomed the ruling on Tuesday.\n"
        "Below is a statement by Mirela Vostok, director of the union's river programme:\n"
        '"The ruling restores the checks that protect the river and its fish for years.\n'
        'We thank every member who wrote to the court."'
    )
    assert set(speakers(backend, text).values()) == {"Mirela Vostok"}
    text = (
        'A statement from Mirela Vostok said: "The ruling restores the checks that protect '
        'the river for years."'
    )
    assert set(speakers(backend, text).values()) == {"Mirela Vostok"}


def test_speakers17_description_varies_on_the_last_subject(backend: SpacyBackend) -> None:
    """'Brandt acknowledged ... But the former trader, burned by ..., warned "..."': the
    description said for the first time, right after a sentence whose subject is one
    named person, is that person; "the Kestrian leader" of "Kestrian President Ana Ruiz"
    too (a post, with every word before it in her post)."""
    text = (
        "Finance Secretary Ivo Brandt said markets had calmed. Always careful with markets, "
        'Brandt acknowledged that "there have been a number of positive developments." But '
        'the former trader, burned by many false rallies, warned that "serious issues remain" '
        "in the region."
    )
    assert speakers(backend, text)["serious issues remain"] == "Ivo Brandt"
    text = (
        "Kestrian President Ana Ruiz met the envoy on Monday. Ruiz was apparently accusing "
        'Tomas Berg of supporting the rebels. The Kestrian leader added that "for more than '
        'seven days there have been no skirmishes."'
    )
    assert set(speakers(backend, text).values()) == {"Ana Ruiz"}


def test_speakers17_description_that_is_somebody_else_names_nobody(
    backend: SpacyBackend,
) -> None:
    """No variation on the last subject for a post the person is not given ("the mayor"
    after police spokesman Brandt), a person brought in before unnamed ("a police
    spokesman said ... The spokesman said"), a body ("the government"), a relation ("said
    the friend") or a name written with a capital ("The Reporter said", a paper)."""
    quote = '"We will reopen it on Friday, when the repairs are done."'
    text = f"Police spokesman Ivo Brandt said the road was closed. The mayor said: {quote}"
    assert speakers(backend, text)[quote.strip('"')] is None
    text = (
        "A police spokesman said the road was closed. Ivo Brandt, the driver, left the "
        f"scene. The spokesman said: {quote}"
    )
    assert speakers(backend, text)[quote.strip('"')] is None
    text = (
        "Ivo Brandt wrote that the cell was in danger. The government has asserted that "
        '"one of his duties was to prepare and send reports" to the leaders.'
    )
    assert speakers(backend, text)["one of his duties was to prepare and send reports"] is None
    text = (
        'Lena Brandt stayed in Valmont to finish her studies. "She was a happy girl with '
        'the world in front of her," said the close friend.'
    )
    assert speakers(backend, text)["She was a happy girl with the world in front of her"] is None
    text = (
        "Director Lena Brandt could not reach a deal. The Reporter said "
        '"the sequel, with a larger budget, is planned for a late release next year."'
    )
    found = speakers(backend, text)
    assert found["the sequel, with a larger budget, is planned for a late release next year."] != (
        "Lena Brandt"
    )


def test_speakers17_age_said_for_the_last_subject(backend: SpacyBackend) -> None:
    """'Brandt ... revealed ... In a statement, the 55-year-old said: "..."': the person
    said by their age is the last sentence's named subject; "the 16-year-old" after "a
    16-year-old was arrested" is the unnamed one brought in then."""
    text = (
        "The actor Ivo Brandt will join the cast for the eighth series. Brandt, a long-time "
        "fan of the show, revealed that he had been cast while filming in Valmont.\n"
        'In a statement, the 55 - year - old said: "Being asked to play the captain is an '
        'amazing privilege."'
    )
    assert speakers(backend, text) == {
        "Being asked to play the captain is an amazing privilege.": "Ivo Brandt"
    }
    text = (
        "A 16-year-old was arrested near the harbour. Ivo Brandt said the boy ran. The "
        '16-year-old said: "I was only walking home from the match with my friends."'
    )
    assert speakers(backend, text) == {
        "I was only walking home from the match with my friends.": None
    }
