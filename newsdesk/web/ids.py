"""Identifiers that appear in URLs, and the checks they pass before any lookup.

Story and document ids come from the store (and, for documents, from whoever wrote the
input), so a URL only reaches a query when its id matches a plain pattern: letters,
digits and ``. _ : @ + -``, starting with a letter or digit (no ``/``, no ``..`` at the
start, no spaces). Entities have no id of their own across stories: they are keyed by
(type, canonical name) and named in URLs by a short hash of that key.
"""

from __future__ import annotations

import hashlib
import re

_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@+-]{0,199}")
_ENTITY_ID = re.compile(r"e-[0-9a-f]{12}")
_JOB_ID = re.compile(r"[0-9a-f]{16}")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def plain_id(value: str) -> bool:
    """True when ``value`` may name a story or document in a URL."""
    return _PLAIN_ID.fullmatch(value) is not None


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
