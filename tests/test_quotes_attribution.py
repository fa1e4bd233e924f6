"""Speaker attribution rules that read the parse around a quote: one test per rule, on
fictional text.

The texts name fictional people, organisations and outlets only. Each test parses with the
real spaCy model (the session's `backend`, parses cached) and asserts the exact speakers.
"""

from __future__ import annotations

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.quotes import extract_quotes
from newsdesk.model import Document


def speakers(backend: SpacyBackend, text: str) -> dict[str, str | None]:
    """Quote text → speaker, for every direct quote of ``text``."""
    found = extract_quotes(Document(id="t", text=text), backend(text))
    return {q.text: q.speaker for q in found if q.direct}


def test_quotes_dash_parsed_as_subject_leaves_the_agent_the_speaker(
    backend: SpacyBackend,
) -> None:
    """A dash written "_" that the parse takes for a subject is no subject: "described as
    '...' by port officials" stays the unnamed officials' word, not the outer speaker's."""
    text = (
        "Harbour master Ilse Brandt said the new levy _ described as ``a fair share'' by "
        "port officials _ amounted to a ``tax on sailors.''"
    )
    found = speakers(backend, text)
    assert found["a fair share"] is None
    assert found["tax on sailors."] == "Ilse Brandt"
