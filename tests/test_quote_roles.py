"""A speaker's role is read as the entities read a person's roles (`newsdesk.annotate.roles`,
through `quotes.people.roles`), on fictional text parsed by the real spaCy model."""

from __future__ import annotations

import pytest

from newsdesk.annotate.nlp import SpacyBackend
from tests.test_quotes import direct, quotes_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (  # an apposition ends before its relative clause
            '"We will appeal," said Ana Brandt, a lawyer who represents the dock workers.',
            "a lawyer",
        ),
        (  # a company's name may open it
            'Ivo Lenz, Norcom\'s chief financial officer, said: "The deal is done."',
            "Norcom's chief financial officer",
        ),
        (  # a qualifier of the title and its rank are one title
            '"The road is closed," said Valmont County Sheriff Ivo Lenz.',
            "Valmont County Sheriff",
        ),
        (  # a plural beside one name describes no one
            'Instead it was, according to Ana Brandt, the offices that burned. "It is '
            'gone," Brandt said.',
            None,
        ),
    ],
)
def test_quote_roles_as_the_entities_read_them(
    backend: SpacyBackend, text: str, role: str | None
) -> None:
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker is not None
    assert quote.speaker_role == role
