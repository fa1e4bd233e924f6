"""The document id rule, applied when any input is read and again when a document is stored.

An id is any text of 1 to `MAX_ID_CHARS` characters with no control character (NUL,
newline, tab, DEL, the C1 range), no line or paragraph separator and no lone surrogate,
and not blank. Everything else is allowed: ``../../etc/passwd``, ``a/b/c``, spaces and any
script are ids like others. An id is data, never a path: the web app names documents in
URLs through `newsdesk.web.ids.url_key`, which gives every valid id a working page.
"""

from __future__ import annotations

import unicodedata

from newsdesk.errors import InputError

MAX_ID_CHARS = 256
_BAD_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def id_problem(value: str) -> str | None:
    """Why ``value`` cannot be a document id (None: it can)."""
    if not value.strip():
        return "empty id"
    if len(value) > MAX_ID_CHARS:
        return f"id too long ({len(value)} characters; at most {MAX_ID_CHARS})"
    for i, char in enumerate(value):
        if unicodedata.category(char) in _BAD_CATEGORIES:
            return f"id has a control character (U+{ord(char):04X} at character {i})"
    return None


def check_id(value: str) -> str:
    """``value`` when it is a valid id; `InputError` saying why otherwise."""
    problem = id_problem(value)
    if problem is not None:
        raise InputError(f"{problem}: {value[:60]!r}")
    return value
