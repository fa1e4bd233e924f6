"""Quote-mark pairing: paragraphs, quote marks, and the quoted regions between them.

Marks are paired *within each paragraph* (a line of the text), so one unbalanced mark, or
markup such as ``<tweet author="...">`` (masked), costs at most its own paragraph. Curly
marks, straight marks (opening or closing by context) and the NYT ``''...''`` are read.
A paragraph that opens a quote without closing it continues into the next one when that
paragraph reopens with a mark (multi-paragraph quotes), or closes it; text written one
sentence per line may hold a few lines with no mark in between. Double marks are paired when a
paragraph has any, single marks only in paragraphs without double marks, so inner single
quotes stay part of the outer quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

OPEN_CONTEXT = frozenset(" \t([{—–-/:;,")
MARKUP = re.compile(r"<[^<>\n]{0,2000}>")
DOUBLE_MARKS = frozenset('"“”„')
SINGLE_MARKS = frozenset("'‘’")
SHORT_WORDS = 4  # a region of fewer words is a fragment: needs a cue and a speaker
MAX_BARE_LINES = 4  # lines without marks a quote written one sentence per line runs over


@dataclass(frozen=True, slots=True)
class Region:
    """Characters between a pair of quote marks (``end`` is exclusive)."""

    start: int
    end: int
    para: int
    # index of the opening mark; for a quote carried over from the previous paragraph
    # without a mark of its own, the line break before this paragraph, where it goes on
    opener: int
    close: int  # index of the closing mark; -1: runs on into the next paragraph
    continues: bool = False  # True: continues the open region of the previous paragraph


def word_count(text: str) -> int:
    return len(text.split())


def is_fragment(text: str, region: Region) -> bool:
    """The region holds fewer than ``SHORT_WORDS`` words."""
    return word_count(text[region.start : region.end]) < SHORT_WORDS


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as ``(start, end)``, trailing whitespace excluded."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if line.strip():
            spans.append((match.start(), match.start() + len(line.rstrip())))
    return spans


def _mark_kind(text: str, i: int, lo: int, hi: int) -> str:
    """'o' (opening), 'c' (closing), 'a' (either) or 'x' (no mark) for ``text[i]``."""
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if ch == "“":  # also written for a closing mark: '... 51 percent.“'
        return "a" if prev in ".,!?" and not nxt.isalnum() else "o"
    if ch in "‘„":
        return "o"
    if ch == "’":
        return "x" if prev.isalnum() and nxt.isalnum() else "c"
    if ch == "”":  # also written for an opening mark: '”Fear. I am afraid ...”'
        return "a" if prev.isspace() and nxt.isalnum() else "c"
    if prev.isspace() and nxt.isspace():
        return "a"
    opening = prev in OPEN_CONTEXT or prev in "“‘\"'"
    closing = not prev.isspace() and (not nxt.isalnum())
    if ch == "'":
        if prev.isalnum() and nxt.isalnum():
            return "x"  # apostrophe: don't, Alenko's
        if opening and nxt.isalpha():
            return "o"
        if closing and prev not in "([{/" and not prev.isdigit():
            return "c"
        return "x"
    if opening and not closing:
        return "o"
    if closing and not opening:
        return "c"
    return "a"


def _closes_before_cue(text: str, i: int, lo: int, hi: int, last: bool = False) -> bool:
    """A straight mark typed with its space on the wrong side closes an open quote: after
    the quote's own comma and before a lowercase word ('"... he delivers, "said Ana Ruiz'),
    where an opening mark would start a quote with a small letter right after a comma;
    before a capital too when no mark after it could close it (``last``: '"... the
    league, "Ruiz said as he left.'), where an opening mark would leave the quote before
    it stray and its own quote unclosed."""
    nxt = text[i + 1] if i + 1 < hi else ""
    if text[i] != '"' or not (nxt.islower() or last and nxt.isupper()):
        return False
    before = text[lo:i].rstrip()
    return len(before) < i - lo and before[-1:] == ","


def _masked_marks(text: str, lo: int, hi: int, marks: frozenset[str]) -> list[int]:
    """Positions of ``marks`` in ``text[lo:hi]`` outside markup tags."""
    masked = [(m.start() + lo, m.end() + lo) for m in MARKUP.finditer(text[lo:hi])]
    return [i for i in range(lo, hi) if text[i] in marks and not any(s <= i < e for s, e in masked)]


def _pair(text: str, lo: int, hi: int, positions: list[int]) -> tuple[list[tuple[int, int]], int]:
    """Pair marks in one paragraph; returns the pairs and an unclosed opener (or -1)."""
    pairs: list[tuple[int, int]] = []
    opened = -1
    for n, pos in enumerate(positions):
        kind = _mark_kind(text, pos, lo, hi)
        if kind == "x":
            continue
        if opened < 0:
            if kind in "oa":
                opened = pos
        elif kind in "ca" or _closes_before_cue(text, pos, lo, hi, n == len(positions) - 1):
            pairs.append((opened, pos))
            opened = -1
        else:
            opened = pos  # two openers: the first was stray
    return pairs, opened


def _paragraph_marks(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int]], int]:
    """Quote pairs of one paragraph: double marks if any, else single marks."""
    doubles = _masked_marks(text, lo, hi, DOUBLE_MARKS)
    if doubles:
        return _pair(text, lo, hi, doubles)
    return _pair(text, lo, hi, _masked_marks(text, lo, hi, SINGLE_MARKS))


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and a trailing comma from ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _first_closes(text: str, lo: int, hi: int) -> int:
    """The position of a closing mark that ends a quote carried into the line ``lo:hi``
    unopened: the line's first double mark, when it can close and the line's double
    marks are odd in number ('I'm satisfied," Alenko said.'); -1 when there is none."""
    marks = _masked_marks(text, lo, hi, DOUBLE_MARKS)
    if len(marks) % 2 == 0 or _mark_kind(text, marks[0], lo, hi) not in "ca":
        return -1
    return marks[0]


def _runs_through(text: str, paragraphs: Sequence[tuple[int, int]], index: int) -> int:
    """The last of the lines without any double mark after line ``index``, whose quote
    opened the line and did not close, when the line after them goes on with it (it
    reopens with a mark, or closes it first): a quote written one sentence per line ('"He
    is placed in a bunk.' / 'He cannot sleep.' / 'The jails are full."'). -1 otherwise."""
    last = index
    while last + 1 < len(paragraphs) and last - index < MAX_BARE_LINES:
        if _masked_marks(text, *paragraphs[last + 1], DOUBLE_MARKS):
            break
        last += 1
    if last == index or last + 1 >= len(paragraphs):
        return -1
    lo, hi = paragraphs[last + 1]
    return last if text[lo] in '“"' or _first_closes(text, lo, hi) >= 0 else -1


def _opens_run(text: str, opened: int, lo: int, hi: int) -> bool:
    """A double mark left open at the end of its line that may open a quote written one
    sentence per line: it opens the line, or it can only open ('The manager said, "They
    poured in.' / 'It was insane."'), or a colon announces it ('He added: " We ...'),
    unlike an inch mark ('a 15" screen')."""
    if text[opened] not in DOUBLE_MARKS:
        return False
    kind = _mark_kind(text, opened, lo, hi)  # spaced both sides ("a") in tokenised copy
    return opened == lo or kind == "o" or kind == "a" and text[lo:opened].rstrip()[-1:] == ":"


def find_regions(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Region]:
    """Every quoted region of the text, paired paragraph by paragraph.

    A quote left open at the end of a line runs on into the next when that line reopens
    with a mark (a multi-paragraph quote), or when it closes the quote without reopening
    it: texts written one sentence per line ('"Thompson was hard to box.' / 'I'm
    satisfied," Alenko said.'). A quote that opens its line, or opens inside it after
    its cue ('The manager said, "They poured in.'), also runs over up to
    ``MAX_BARE_LINES`` lines without any mark to a line that goes on with it.
    """
    regions: list[Region] = []
    # two apostrophes or backquotes (NYT style ''…'') are a double mark; same length
    text = text.replace("''", '" ').replace("``", '" ')
    pending = False  # the previous paragraph left a quote open
    carried = False  # ... and this paragraph closes it without reopening it
    bare_until = -1  # lines without marks up to this index run on in an open quote
    for index, (lo, hi) in enumerate(paragraphs):
        start = lo
        if index <= bare_until:
            regions.append(Region(*_inner(text, lo, hi), index, lo - 1, -1, True))
            if index == bare_until:  # the next line closes it, or reopens it
                carried = text[paragraphs[index + 1][0]] not in "“\"‘'"
            continue
        if carried:
            close = _first_closes(text, lo, hi)
            s, e = _inner(text, lo, close)
            if e > s:
                regions.append(Region(s, e, index, lo - 1, close, True))
            start = close + 1
        pairs, opened = _paragraph_marks(text, start, hi)
        for n, (a, b) in enumerate(pairs):
            s, e = _inner(text, a + 1, b)
            if e > s:
                cont = pending and not carried and n == 0 and a == lo
                regions.append(Region(s, e, index, a, b, cont))
        follows = pending and not carried
        pending = carried = False
        if opened >= 0:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            reopens = nxt is not None and text[nxt[0]] in "“\"‘'"
            if nxt is not None and not reopens and text[opened] in DOUBLE_MARKS:
                carried = _first_closes(text, *nxt) >= 0
            if not reopens and not carried and _opens_run(text, opened, lo, hi):
                bare_until = _runs_through(text, paragraphs, index)
            if reopens or carried or bare_until > index:
                s, e = _inner(text, opened + 1, hi)
                if e > s:
                    regions.append(Region(s, e, index, opened, -1, follows and opened == lo))
                pending = True
    return regions
