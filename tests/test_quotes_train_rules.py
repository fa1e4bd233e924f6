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
