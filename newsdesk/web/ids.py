"""Identifiers that appear in URLs, and the checks they pass before any lookup.

Story and document ids come from the store (and, for documents, from whoever wrote the
input; `newsdesk.ids` says which ids are valid), so every id is named in a URL by
its key (`url_key`): a plain id (letters, digits and ``. _ : @ + -``, starting with a
letter or digit, not ending in ``.json``) is its own key; any other id, such as
``../../etc/passwd`` or ``a/b/c``, is ``~`` and the base64url of its UTF-8 bytes. Keys never
hold ``/``, spaces or ``%``, so every stored id has a working page, and a key names at most
one id. Entities have no id of their own across stories: they are keyed by (type,
canonical name) and named in URLs by a short hash of that key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re

_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@+-]{0,199}")
_ENTITY_ID = re.compile(r"e-[0-9a-f]{12}")
_JOB_ID = re.compile(r"[0-9a-f]{16}")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_ENCODED = "~"


def plain_id(value: str) -> bool:
    """True when ``value`` may name a story or document in a URL."""
    return _PLAIN_ID.fullmatch(value) is not None


def url_key(value: str) -> str:
    """How the story or document id ``value`` is named in a URL path."""
    if plain_id(value) and not value.endswith(".json"):
        return value
    encoded = base64.urlsafe_b64encode(value.encode("utf-8", "surrogatepass"))
    return _ENCODED + encoded.decode("ascii").rstrip("=")


def id_from_key(key: str) -> str | None:
    """The id a URL key names (None when no id has this key)."""
    if not key.startswith(_ENCODED):
        return key if plain_id(key) and not key.endswith(".json") else None
    body = key[len(_ENCODED) :]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        value = raw.decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    return value if url_key(value) == key else None


def entity_id(type_: str, name: str) -> str:
    """The URL id of the entity keyed by (type, canonical name)."""
    digest = hashlib.sha1(f"{type_}\t{name}".encode()).hexdigest()
    return f"e-{digest[:12]}"


def valid_entity_id(value: str) -> bool:
    """True when ``value`` has the shape `entity_id` gives."""
    return _ENTITY_ID.fullmatch(value) is not None


def valid_job_id(value: str) -> bool:
    """True when ``value`` has the shape of an ingest job id."""
    return _JOB_ID.fullmatch(value) is not None


def valid_date(value: str) -> bool:
    """True for ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    return _DATE.fullmatch(value) is not None


def slug(text: str, limit: int = 60) -> str:
    """A plain id made from free text (a file name, a title); empty when nothing is left."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-._")
    return cleaned[:limit].rstrip("-._")
