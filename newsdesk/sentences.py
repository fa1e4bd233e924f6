"""Sentences: the one splitter every stage uses, with exact character offsets.

`split_sentences` cuts a clean text into `Sentence` records whose ``start:end`` index the
text itself (no normalisation), so a summary can cite the exact characters it took. A
boundary is a ``.``, ``!`` or ``?`` (optionally followed by closing quotes or brackets),
then whitespace, then something that can open a sentence (a capital, a digit, an opening
quote). A full stop after an abbreviation ("Mr.", "Adm.", "Oct. 12"), an initial ("John
F. Kennedy"), a decimal the copy spaced out ("a 6. 1 magnitude", `spaced_decimal`) or a
dotted acronym ("U.S. Navy") is not a boundary, unless the next word is
a function word that typically opens a sentence ("... in the U.S. The ..."). A blank line
always ends a sentence; a single line break does too unless it sits inside a wrapped
sentence (a lowercase letter or comma before it and a lowercase letter after it, and the
next line is no furniture such as a time stamp: `newsdesk.layout.line_kind`).

`sentences_of` gives the sentences of a parsed text from its parse (spaCy's sentence
boundaries, cut again at hard line breaks) and falls back on the rule when there is no
parse. The parser itself is told where the rule starts sentences and where it never does
(`parse_hints`, read by `newsdesk.annotate.nlp`), so "said Sgt. Tim Vale" is one sentence
in both. The abbreviations are language data (`newsdesk.lang.en.abbreviations`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.annotate.nlp import text_of
from newsdesk.lang.en.abbreviations import (
    AMBIGUOUS,
    NO_BREAK,
    SENTENCE_STARTERS,
)
from newsdesk.lang.en.calendar import MONTH_ABBREVIATIONS
from newsdesk.layout import line_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Sentence",
    "ends_sentence",
    "parse_hints",
    "sentence_mark",
    "sentence_spans",
    "sentences_of",
    "spaced_decimal",
    "split_sentences",
    "word_count",
]


def word_count(text: str) -> int:
    """Words as ROUGE and the word cap count them: runs of non-whitespace."""
    return len(text.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == source[start:end]`` of the text it was split from."""

    start: int
    end: int
    text: str


_BOUNDARY = re.compile(r"[.!?]+(?:''|[\"'\u201d\u2019\u00bb)\]])*(?=\s)")
_OPENERS = "\"'`\u201c\u2018\u00ab([" + "0123456789"
_WORD_BEFORE = re.compile(r"(\S+)$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")
# A word inside a line that no sentence can start: in lowercase, or right after another
# word ("Attorney | General Ana Berg"); a sentence starts after punctuation or a line.
_INNER_WORD = re.compile(r"(?<=\s)[a-z]|(?<=\w )\w")


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with offsets into it (whitespace-trimmed, none empty)."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        start = block_start
        for cut in _cuts(text, block_start, block_end):
            _add(text, start, cut, sentences)
            start = cut
        _add(text, start, block_end, sentences)
    return sentences


_CLOSERS = "\"'\u201d\u2019)] "  # closing quotes and brackets, and space between them


def sentence_mark(text: str) -> str:
    """The last character of ``text`` inside its closing quotes and brackets ("." of
    '... said "no."'; "" for an empty text)."""
    return text.rstrip().rstrip(_CLOSERS)[-1:]


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends as a sentence does: with ".", "!" or "?", maybe inside closing
    quotes or brackets ('... said "no."', '(... in 2009).'). A heading ends otherwise, even
    in a quote mark ("Ross to direct ‘Catching Fire’"). A comma inside a closing quote
    ends a line the copy broke inside a quoted sentence ('... the show "Taradise,"')."""
    last = sentence_mark(text)
    return last in {".", "!", "?"} or (last == "," and text.rstrip()[-1:] in "\"'\u201d\u2019")


def parse_hints(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """What the parser is told of the rule (`newsdesk.annotate.nlp`), as offsets of
    ``text``: where a sentence always starts (each line of the rule: after a blank line, or
    a line break that does not sit inside a wrapped sentence), and where none ever does
    (the word after a full stop the rule keeps inside a sentence, "said Sgt. *Tim* Vale",
    "John F. *Kennedy*"; a lowercase word inside a line, "Ross doesn ’ *t* have"; a word
    right after another, "Attorney *General*")."""
    starts: set[int] = set()
    stops: set[int] = set()
    for n, (block_start, block_end) in enumerate(_blocks(text)):
        block = text[block_start:block_end]
        if n and block.strip():
            starts.add(block_start + len(block) - len(block.lstrip()))
        stops.update(m.start() for m in _INNER_WORD.finditer(text, block_start + 1, block_end))
        stops.update(nxt for nxt, cut in _full_stops(text, block_start, block_end) if not cut)
    return frozenset(starts), frozenset(stops)


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))


def _blocks(text: str) -> list[tuple[int, int]]:
    """Character ranges between hard line breaks."""
    blocks: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"[ \t\r\f\v]*\n\s*", text):
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        blank = match.group().count("\n") >= 2
        wrapped = (
            (before.islower() or before in ",;-")
            and after.islower()
            and line_kind(_line_at(text, match.end())) is None  # "posted Apr 24, 2026"
        )
        if blank or not wrapped:
            blocks.append((start, match.start()))
            start = match.end()
    blocks.append((start, len(text)))
    return blocks


def _line_at(text: str, start: int) -> str:
    """The line of ``text`` that begins at ``start``."""
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def _cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets inside ``text[start:end]`` where a new sentence begins."""
    return [nxt for nxt, cut in _full_stops(text, start, end) if cut]


def _full_stops(text: str, start: int, end: int) -> Iterator[tuple[int, bool]]:
    """For each sentence mark inside ``text[start:end]`` with a word after it: where that
    word starts, and whether the rule starts a sentence there (`_is_boundary`)."""
    for match in _BOUNDARY.finditer(text, start, end):
        nxt = match.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            return
        yield nxt, _is_boundary(text, start, match.start(), match.end(), nxt, end)


_DECIMAL_BEFORE = re.compile(r"[$£€]?\d{1,3}")
_DECIMAL_AFTER = re.compile(r"\d{1,2}(?![\d,])")


def spaced_decimal(before: str, space: str, after: str) -> bool:
    """Whether a full stop between ``before`` and ``after`` is the point of a decimal the
    copy spaced out ("6. 1", "$1. 29"), not the end of a sentence ending in a number
    ("in 2003. 5 people died", "rose to 26. 300 more were hurt")."""
    return (
        space == " "
        and _DECIMAL_BEFORE.fullmatch(before) is not None
        and _DECIMAL_AFTER.match(after) is not None
    )


def _is_boundary(text: str, block: int, mark: int, mark_end: int, nxt: int, end: int) -> bool:
    first = text[nxt]
    if not (first.isupper() or first in _OPENERS):
        return False
    punct = text[mark:mark_end]
    if punct != ".":
        return True  # "!", "?", "...", or a full stop followed by a closing quote
    word_match = _WORD_BEFORE.search(text, block, mark_end)
    word = word_match.group(1) if word_match else ""
    word = word.lstrip("\"'`(\u201c\u2018[")
    bare = word[:-1].lower()
    next_word = re.match(r"[\w']+", text[nxt:end])
    starter = bool(next_word) and next_word.group().lower() in SENTENCE_STARTERS  # type: ignore[union-attr]
    if bare in NO_BREAK or spaced_decimal(bare, text[mark_end:nxt], text[nxt : nxt + 3]):
        return False  # "Adm. Vale"; a decimal the copy spaced out, "a 6. 1 magnitude"
    if bare in MONTH_ABBREVIATIONS:
        return not first.isdigit() and starter
    if _INITIAL.match(word):
        return False
    if _DOTTED.match(word) or bare in AMBIGUOUS:
        return starter
    return True


_KEY = "newsdesk.sentences"  # where a parse keeps its sentences once cut


def sentences_of(text: str, parsed: Doc | None = None) -> list[Sentence]:
    """The sentences of ``text``: from its parse when given (cut again where the rule
    sees a hard line break: a headline or a time stamp above the first sentence is no
    part of it), else by the rule."""
    if parsed is None or text_of(parsed) != text:
        return split_sentences(text)
    known = parsed.user_data.get(_KEY)
    if known is not None:
        return list(known)  # computed once per parse: summary and facts both ask
    blocks = _blocks(text)
    starts = [a for a, _ in blocks]
    found: list[Sentence] = []
    for sent in parsed.sents:
        i = max(0, bisect_right(starts, sent.start_char) - 1)
        while i < len(blocks) and blocks[i][0] < sent.end_char:  # cut at hard line breaks
            _add(text, max(blocks[i][0], sent.start_char), min(blocks[i][1], sent.end_char), found)
            i += 1
    parsed.user_data[_KEY] = tuple(found)
    return found


def sentence_spans(text: str, parsed: Doc | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (see `sentences_of`)."""
    return [(s.start, s.end) for s in sentences_of(text, parsed)]
