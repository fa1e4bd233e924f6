"""Speakers that went missing: quotes whose speaker the text gives, one test per rule, on
fictional text.

The texts name fictional people, organisations and places only. Each test parses with the
real spaCy model (the session's `backend`, parses cached) and asserts the exact speakers.
"""

from __future__ import annotations

from newsdesk.annotate.nlp import SpacyBackend
from tests.test_quotes_attribution import speakers


def test_quotes_pronoun_looks_back_sentences_where_each_sentence_is_a_line(
    backend: SpacyBackend,
) -> None:
    """A text written one sentence per line: "she said" six lines after the name still
    finds her (three lines back are three sentences, not three paragraphs)."""
    text = (
        "Harbour master Ilse Brandt opened the new pier in Kestrel on Monday.\n"
        "The pier cost four million crowns.\n"
        "It took three years to build.\n"
        "Work was delayed by two storms last winter.\n"
        "The old pier was closed in 2019.\n"
        "Fishing boats had moored at the beach since then.\n"
        '"This is a great day for the town," she said.'
    )
    assert speakers(backend, text) == {"This is a great day for the town": "Ilse Brandt"}


def test_quotes_pronoun_does_not_look_back_past_the_sentence_limit(
    backend: SpacyBackend,
) -> None:
    """Far beyond both limits (three paragraphs, six sentences) nobody is found: the
    speaker stays unknown rather than a person named long before."""
    filler = "".join(f"The pier has {n} lamps on its east side.\n" for n in range(3, 12))
    text = (
        "Harbour master Ilse Brandt opened the new pier in Kestrel on Monday.\n"
        + filler
        + '"This is a great day for the town," she said.'
    )
    assert speakers(backend, text) == {"This is a great day for the town": None}


def test_quotes_report_by_an_organisation_described_by_its_name_words(
    backend: SpacyBackend,
) -> None:
    """ "The report by the Kestrel-based coastal safety organization says": the one
    organisation named before with "Coastal Safety" in its name, tagged or not."""
    text = (
        "On Sunday, the Coastal Safety Watch said the port authority had ignored safety "
        "rules for years. The report by the Kestrel-based coastal safety organization says "
        "the authority bears ``the primary responsibility for the collapse.''"
    )
    assert speakers(backend, text) == {
        "the primary responsibility for the collapse.": "Coastal Safety Watch"
    }


def test_quotes_organisation_description_matching_two_names_is_nobody(
    backend: SpacyBackend,
) -> None:
    """Two organisations named with the description's words: neither is the speaker."""
    text = (
        "On Sunday, the Coastal Safety Watch and the Coastal Safety League said the port "
        "authority had ignored safety rules for years. The report by the coastal safety "
        "organization says the authority bears ``the primary responsibility for the "
        "collapse.''"
    )
    assert speakers(backend, text) == {"the primary responsibility for the collapse.": None}
