"""Sentences: the span a time expression's tense is read in and the event it dates, from
the one splitter (`newsdesk.sentences`): the parse's sentences, else the rule; and the
thing a date written before a noun dates (`dated_noun_phrase`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsdesk.annotate.nlp import text_of
from newsdesk.lang.en.calendar import TIME_NOUNS
from newsdesk.sentences import sentence_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (the one splitter, `newsdesk.sentences`)."""
    return sentence_spans(text)


def parsed_sentences(parsed: Doc) -> list[tuple[int, int]]:
    """Sentence spans of a spaCy parse."""
    return sentence_spans(text_of(parsed), parsed)


def sentence_of(
    sentences: Sequence[tuple[int, int]], position: int, length: int
) -> tuple[int, int]:
    """The sentence holding ``position`` (the last one past the end; the whole text of
    ``length`` characters when there are no sentences)."""
    if not sentences:
        return 0, length
    return sentences[_sentence_index(sentences, position)]


PRENOMINAL = frozenset({"compound", "nummod", "amod", "poss"})
"""Dependencies of a date written before the noun it modifies ("the 1996 elections",
"Friday's bombing", "an October interview")."""


def dated_noun_phrase(parsed: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The character span of the noun phrase that the date at ``start:end`` is written
    before and modifies ("the 1973 law", "Friday's bombing", "her 1999 role in the
    film"): the date is that thing's, not the time of its sentence's event ("Kempthorne
    said he would not let the 1973 law be used ..." happened no earlier than the story).
    None for any other date, or one of a noun for a time ("the 2004 season")."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root, head = span.root, span.root.head
    if root.dep_ not in PRENOMINAL or head.pos_ != "NOUN" or head.i < span.end:
        return None
    if head.lemma_.lower() in TIME_NOUNS:
        return None
    last = head.right_edge
    return head.left_edge.idx, last.idx + len(last)


def _sentence_index(sentences: Sequence[tuple[int, int]], position: int) -> int:
    """The index of the sentence holding ``position``."""
    for i, (s, e) in enumerate(sentences):
        if s <= position < e:
            return i
    return max(0, len(sentences) - 1)
