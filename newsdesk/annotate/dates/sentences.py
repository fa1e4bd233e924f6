"""Sentences: the span a time expression's tense is read in and the event it dates, from
the one splitter (`newsdesk.sentences`): the parse's sentences, else the rule."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsdesk.annotate.nlp import text_of
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


def _sentence_index(sentences: Sequence[tuple[int, int]], position: int) -> int:
    """The index of the sentence holding ``position``."""
    for i, (s, e) in enumerate(sentences):
        if s <= position < e:
            return i
    return max(0, len(sentences) - 1)
