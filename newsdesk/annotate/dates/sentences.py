"""Sentences: the span a time expression's tense is read in and the event it dates.
Split with a small rule (`split_sentences`) or taken from a spaCy parse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ABBREVIATIONS = (
    "mr mrs ms dr st jr sr inc corp co ltd no vs gen gov sen rep lt col capt sgt prof "
    "jan feb mar apr aug sep sept oct nov dec u.s u.n u.k a.m p.m e.g i.e"
).split()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences: a full stop, ? or ! before a capital, or a blank line."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n", text):
        before = text[max(start, m.start() - 6) : m.start()].lower()
        word = re.split(r"[\s(\"']", before)[-1]
        if m.group(0)[0] == "." and (word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word)):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [s for s in spans if text[s[0] : s[1]].strip()]


def parsed_sentences(parsed: Doc) -> list[tuple[int, int]]:
    """Sentence spans of a spaCy parse."""
    return [(s.start_char, s.end_char) for s in parsed.sents]


def sentence_of(
    sentences: Sequence[tuple[int, int]], position: int, length: int
) -> tuple[int, int]:
    """The sentence holding ``position`` (the last one past the end; the whole text of
    ``length`` characters when there are no sentences)."""
    if not sentences:
        return 0, length
    return sentences[_sentence_index(sentences, position)]


def _sentence_index(sentences: Sequence[tuple[int, int]], position: int) -> int:
    """The index of the sentence holding ``position``."""
    for i, (s, e) in enumerate(sentences):
        if s <= position < e:
            return i
    return max(0, len(sentences) - 1)
