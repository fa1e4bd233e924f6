"""Claims: one document's value for one key, and the readings every kind of claim shares.

A ``Claim`` carries the characters that state it (``token_span``). Whether a predicate
is hedged (``hedged``), whether a sentence may be about another event (``elsewhere``)
and the synonym tables (``inverse``) are used by the count and the event-date readers
alike.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.model import Document, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["Claim", "elsewhere", "hedged", "inverse", "token_span"]

_ELSEWHERE = frozenset("another previous earlier ago former separate".split())
_MODALS = frozenset("can could might may would should must will shall 'll 'd to".split())


@dataclass(frozen=True, slots=True)
class Claim:
    """One document's value for one key, with the characters that state it."""

    key: tuple[str, ...]
    label: str
    value: Hashable
    claim: TextSpan
    note: str = ""  # e.g. the object a value belongs to, to name the conflict


def token_span(doc: Document, tokens: Sequence[Token], limit: int = 160) -> TextSpan:
    """The claim text from the first to the last of ``tokens`` (the head tokens if long)."""
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    if last.idx + len(last.text) - first.idx > limit:
        last = max(tokens[:2], key=lambda t: t.i)
        first = min(tokens[:2], key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    return TextSpan(doc.span(start, end), doc.text[start:end])


def inverse(table: dict[str, str]) -> dict[str, str]:
    """``{"injured": "injure hurt"}`` -> ``{"injure": "injured", "hurt": "injured"}``."""
    return {word: name for name, words in table.items() for word in words.split()}


def hedged(predicate: Token) -> bool:
    """Negated, modal or infinitive ("no one was hurt", "could have killed", "licensed to
    carry 400 passengers")."""
    return any(
        c.dep_ == "neg" or (c.dep_ in {"aux", "auxpass"} and c.lower_ in _MODALS)
        for c in predicate.children
    )


def elsewhere(sentence: SpacySpan) -> bool:
    """Whether a sentence may be about another event ("another ferry", "a year ago")."""
    return any(t.lower_ in _ELSEWHERE for t in sentence)
