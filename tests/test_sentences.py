"""Sentence splitting (exact offsets), boilerplate detection and lead trimming."""

from __future__ import annotations

import pytest

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.sentences import (
    Sentence,
    concepts,
    dice,
    is_boilerplate,
    lead_trim,
    split_sentences,
    stem,
    unquoted_words,
    word_count,
)
from newsdesk.sentences import ends_sentence, sentences_of


def texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    return [s.text for s in sentences]


def test_sentences_offsets_exact() -> None:
    text = "  The ferry sank.  Nobody was hurt!\n\nWhy?  "
    assert split_sentences(text) == [
        Sentence(2, 17, "The ferry sank."),
        Sentence(19, 35, "Nobody was hurt!"),
        Sentence(37, 41, "Why?"),
    ]


def test_sentences_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Alenko met Adm. Holt on Oct. 12 in the harbour. They spoke briefly.",
            ["Mr. Alenko met Adm. Holt on Oct. 12 in the harbour.", "They spoke briefly."],
        ),
        (
            "The U.S. Navy sent a tug. It arrived at 5 p.m. Monday.",
            ["The U.S. Navy sent a tug.", "It arrived at 5 p.m. Monday."],
        ),
        (
            "The ship was registered in the U.S. The crew was Norwegian.",
            ["The ship was registered in the U.S.", "The crew was Norwegian."],
        ),
        (
            "Captain John F. Berg steered at 12.5 knots. The sea was calm.",
            ["Captain John F. Berg steered at 12.5 knots.", "The sea was calm."],
        ),
        (
            '"We were lucky," he said. "It was dark." Police arrived at 8.',
            ['"We were lucky," he said.', '"It was dark."', "Police arrived at 8."],
        ),
        (
            "``It could have been far worse,'' Solberg said. ``We hit the wall.'' She left.",
            [
                "``It could have been far worse,'' Solberg said.",
                "``We hit the wall.''",
                "She left.",
            ],
        ),
        (
            'Was it the fog?" asked one passenger. Nobody knew.',
            ['Was it the fog?" asked one passenger.', "Nobody knew."],
        ),
        (
            "Tessel Lines Inc. owns the ferry. Tessel Lines Inc. The Aurora is new.",
            ["Tessel Lines Inc. owns the ferry.", "Tessel Lines Inc.", "The Aurora is new."],
        ),
        (  # a decimal the copy spaced out is no sentence end; a count before a word is
            "The 5. 8 - magnitude quake hit Orsa. It lasted 12. Nobody was hurt.",
            ["The 5. 8 - magnitude quake hit Orsa.", "It lasted 12.", "Nobody was hurt."],
        ),
        (  # a year or a count of three digits after the stop: two sentences
            "He left in 2003. 5 people died later. The toll rose to 26. 300 more were hurt.",
            [
                "He left in 2003.",
                "5 people died later.",
                "The toll rose to 26.",
                "300 more were hurt.",
            ],
        ),
    ],
)
def test_sentences_abbreviations_and_quotes(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_sentences_line_breaks() -> None:
    wrapped = "The ferry was carrying\ntwelve cars when it struck the wall.\nPolice came."
    assert texts(wrapped) == [
        "The ferry was carrying\ntwelve cars when it struck the wall.",
        "Police came.",
    ]
    assert texts("Ferry hits wall\nThe Aurora struck the wall.") == [
        "Ferry hits wall",
        "The Aurora struck the wall.",
    ]


def test_sentences_word_count() -> None:
    assert word_count("  The ferry  sank. ") == 3


@pytest.mark.parametrize(
    "sentence",
    [
        "(Photo: Jan Olsen/Meridian)",
        "Photo: Jan Olsen/Meridian Wire via Getty Images.",
        "The Aurora in port on Monday. (Photo: Jan Olsen/Meridian)",
        "READ MORE: Ferry safety in the strait under scrutiny",
        "Read related articles about the Tessel Strait ferry line.",
        "By Anna Berg",
        "TESSEL, Oct 12 (Meridian Wire) -",
        "Copyright 2026 Harbour Herald. All rights reserved.",
        "Sign up for our newsletter to get the morning briefing.",
        '"It could have been far worse."',
        "``No one should sail in that fog,'' he said.",
        "The ferry sank.",
        "and then the ferry sank into the dark water.",
        "Ferry collision in the Tessel Strait",
    ],
)
def test_sentences_boilerplate(sentence: str) -> None:
    assert is_boilerplate(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The passenger ferry Aurora struck a harbour wall on Monday, injuring twelve people.",
        '"We were lucky the tide was low," Deputy Harbour Master Inga Solberg told reporters.',
        "The coast guard said the ferry had been ``travelling too fast'' for the fog.",
        "Adm. J. R. Holt said the inquiry would report by the end of November.",
    ],
)
def test_sentences_not_boilerplate(sentence: str) -> None:
    assert not is_boilerplate(sentence)


def test_sentences_unquoted_words() -> None:
    assert unquoted_words('"We were lucky," Inga Solberg told reporters.') == 4
    assert unquoted_words("It could have been worse,'' he said.") == 2
    assert unquoted_words("``It was dark and the sea was rough.") == 0


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        (
            "TESSEL, Oct 12 (Meridian Wire) - The ferry Aurora struck a harbour wall.",
            "The ferry Aurora struck a harbour wall.",
        ),
        (
            "WASHINGTON (AP) _ The Navy sent two tugs to the strait.",
            "The Navy sent two tugs to the strait.",
        ),
        (
            "But Inga Solberg said the tide was low on Monday.",
            "Inga Solberg said the tide was low on Monday.",
        ),
        (
            "Meanwhile, Tessel Lines suspended its ferry service.",
            "Tessel Lines suspended its ferry service.",
        ),
        ("But the tide was low on Monday morning.", "But the tide was low on Monday morning."),
        ("The ferry Aurora struck a harbour wall.", "The ferry Aurora struck a harbour wall."),
    ],
)
def test_sentences_lead_trim(sentence: str, kept: str) -> None:
    assert sentence[lead_trim(sentence) :] == kept


@pytest.mark.parametrize(
    "variants",
    [("injured", "injuring", "injures"), ("ferry", "ferries"), ("collided", "collides", "collide")],
)
def test_sentences_stem_merges_variants(variants: tuple[str, ...]) -> None:
    assert len({stem(word) for word in variants}) == 1


def test_sentences_concepts_drop_stopword_pairs() -> None:
    found = concepts("The ferries collided in the strait.")
    assert ("ferry", "collid") in found
    assert ("in", "the") not in found
    assert ("strait", "") not in found
    assert dice(found, concepts("The ferry collided in the strait")) == 1.0
    assert dice(found, frozenset()) == 0.0


def test_sentences_of_a_parse_cut_at_hard_line_breaks(backend: SpacyBackend) -> None:
    """spaCy runs a headline and a time stamp into the first sentence; the one splitter
    cuts them off as the rule does."""
    text = "Ferry hits pier in fog\nPublished March 3, 2026\nA ferry struck the pier at dawn."
    found = [s.text for s in sentences_of(text, backend(text))]
    assert found == [
        "Ferry hits pier in fog",
        "Published March 3, 2026",
        "A ferry struck the pier at dawn.",
    ]


def test_sentences_of_a_parse_whole_after_an_abbreviation(backend: SpacyBackend) -> None:
    """The plain model cuts after "Sgt."; the fitted parser keeps a title abbreviation
    inside its sentence, as the rule does (and still cuts after an acronym that ends one)."""
    text = (
        "The men were arrested this morning, said Sgt. Tim Vale, a spokesman for the "
        "police.\nThe men were held in the U.S. The court met on Oct. 12 in Dunmore."
    )
    assert [s.text for s in sentences_of(text, backend(text))] == [
        "The men were arrested this morning, said Sgt. Tim Vale, a spokesman for the police.",
        "The men were held in the U.S.",
        "The court met on Oct. 12 in Dunmore.",
    ]


@pytest.mark.slow
def test_text_of_a_parse_is_built_once(backend: SpacyBackend) -> None:
    from newsdesk.annotate.nlp import text_of

    text = "The ferry Aurora struck the harbour wall.\nNobody was hurt."
    parsed = backend(text)
    assert text_of(parsed) == parsed.text == text
    parsed.user_data["newsdesk.text"] = "remembered"  # read from the parse's memory after
    assert text_of(parsed) == "remembered"


def test_a_line_is_not_wrapped_into_a_time_stamp_under_it() -> None:
    """A lowercase letter on both sides of a line break wraps a sentence, unless the next
    line is furniture: the stamp under a headline is no part of it."""
    text = (
        "Dunmore Ferries will add sailings, bookings open from the spring\n"
        "posted Oct. 14, 2026 at 12:28 PM\n"
        "The ferry left the pier at dawn and\nreturned at noon."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Dunmore Ferries will add sailings, bookings open from the spring",
        "posted Oct. 14, 2026 at 12:28 PM",
        "The ferry left the pier at dawn and\nreturned at noon.",
    ]


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("The ferry sailed at dawn.", True),
        ('"We will reopen in April," the chair said "at the latest."', True),
        ("The pier reopened (after repairs in 2026).", True),
        ("Did the ferry sail?", True),
        ("``We are ready.''", True),
        ('Her films include the comedy "Harbour Lights,"', True),  # a line broken in a quote
        ("Director Ada Renn to shoot ‘ Ember ’ sequel ‘ Ash ’", False),  # a heading
        ('Ferry firm calls the closure "a disgrace"', False),
        ("Dunmore Ferries (DFR)", False),
        ("The ferry sailed at dawn,", False),
    ],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends
