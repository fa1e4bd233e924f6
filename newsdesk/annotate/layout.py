"""Names read from the layout of news copy: all-caps lines, datelines, results lines.

- *caps lines*: lines whose words are all in capitals (headlines, tables, datelines); the
  model's guesses there need confirming elsewhere;
- *datelines*: an all-caps place opening a line before "(", ",", a date or a dash + prose
  ("VALMONT (Meridian Wire) -"), with the agency in brackets;
- *results lines*: teams ("Haitai 2 Samsung 0", "Surrey v Kent", standings rows) and
  competitors followed by their country ("Jansher Khan ( Pakistan )").
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX, IS_SPACE
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from newsdesk.annotate.names import DASHES, SPLIT_WORDS, has_digit, is_country
from newsdesk.annotate.ner_fixes import Cand
from newsdesk.annotate.nlp import text_of
from newsdesk.annotate.roles import Ranges


def caps_tokens(parsed: SpacyDoc) -> set[int]:
    """Tokens on lines whose words are all in capitals (headlines, tables, datelines)."""
    caps: set[int] = set()
    for start, end in _lines(parsed):
        words = [t for t in parsed[start:end] if t.is_alpha and len(t.text) > 1]
        if words and all(t.is_upper for t in words):
            caps.update(range(start, end))
    return caps


def datelines(parsed: SpacyDoc) -> list[Cand]:
    """All-caps place names opening a line before "(", ",", a date or a dash + prose."""
    found: list[Cand] = []
    for start in _line_starts(parsed):
        end = start
        while end < len(parsed) and end - start < 4 and _caps_word(parsed[end]):
            end += 1
        if end == start or end >= len(parsed):
            continue
        nxt = parsed[end]
        if nxt.text in {"(", ","} or has_digit(nxt.text):
            found.append(Cand(start, end, "GPE", True))
            close = next((k for k in range(end + 1, end + 6) if parsed[k : k + 1].text == ")"), 0)
            if nxt.text == "(" and close > end + 1 and parsed[close + 1 : close + 2].text in DASHES:
                found.append(Cand(end + 1, close, "ORG", True))  # "(Meridian Wire) -"
        elif nxt.text in DASHES and end + 1 < len(parsed) and not _caps_word(parsed[end + 1]):
            found.append(Cand(start, end, "GPE", True))
    return found


def _caps_word(tok: Token) -> bool:
    """An all-caps word of a dateline ("VALMONT", "ST.", "URUS-MARTAN")."""
    text = tok.text.rstrip(".")
    return len(text) > 1 and text.replace("-", "").isalpha() and text.isupper()


def _line_starts(parsed: SpacyDoc) -> list[int]:
    """Indexes of the first token of each line: the first token, and every token that is
    not whitespace with a line break between the previous token's start and its own (read
    from the token offsets as an array, without making a Python object per token)."""
    if len(parsed) == 0:
        return []
    offsets = parsed.to_array([IDX, IS_SPACE])
    breaks = np.array([m.start() for m in re.finditer("\n", text_of(parsed))], dtype=np.int64)
    before = np.searchsorted(breaks, offsets[:, 0])  # line breaks before each token's start
    crossed = np.concatenate(([True], before[1:] > before[:-1]))
    return [int(i) for i in np.flatnonzero(crossed & (offsets[:, 1] == 0))]


def _lines(parsed: SpacyDoc) -> Ranges:
    """Token ranges of the lines, each from its first token to the next line's."""
    starts = _line_starts(parsed) + [len(parsed)]
    return list(zip(starts, starts[1:], strict=False))


def results(parsed: SpacyDoc) -> list[Cand]:
    """Sports results lines: teams ("Haitai 2 Samsung 0", "Surrey v Kent", standings rows)
    and competitors followed by their country ("Jansher Khan ( Pakistan )")."""
    found: list[Cand] = []
    for a, b in _lines(parsed):
        items = _line_items(parsed, a, b)
        shape = "".join(kind for kind, _, _ in items)
        names = [(s, e) for kind, s, e in items if kind == "N"]
        team = re.fullmatch(r"N#+N#*|NvN#*|N###+", shape)
        golfer = (
            shape.startswith("N###")
            and names[0][1] - names[0][0] > 1
            and all(t.ent_type_ == "PERSON" for t in parsed[names[0][0] : names[0][1]])
        )
        if team and not golfer:
            found += [
                Cand(s, e, "GPE" if is_country(parsed[s:e].text) else "ORG", True) for s, e in names
            ]
        for kind, s, e in items:
            if kind == "N" and e - s > 1 and _country_follows(parsed, e):
                found.append(Cand(s, e, "PERSON", True))
    return found


def _line_items(parsed: SpacyDoc, a: int, b: int) -> list[tuple[str, int, int]]:
    """A line as items: N name run, # number, v "v"/"at", o anything else (punct skipped)."""
    items: list[tuple[str, int, int]] = []
    i = a
    while i < b:
        tok = parsed[i]
        if tok.text[0].isupper() and tok.text[0].isalpha() and tok.lower_ not in SPLIT_WORDS:
            j = i + 1
            while j < b and parsed[j].text[0].isupper() and parsed[j].lower_ not in SPLIT_WORDS:
                j += 1
            items.append(("N", i, j))
            i = j
            continue
        if has_digit(tok.text):
            items.append(("#", i, i + 1))
        elif tok.lower_ in SPLIT_WORDS:
            items.append(("v", i, i + 1))
        elif not (tok.is_punct or tok.is_space):
            items.append(("o", i, i + 1))
        i += 1
    return items


def _country_follows(parsed: SpacyDoc, end: int) -> bool:
    """Whether "( Country )" follows token ``end``."""
    if end >= len(parsed) or parsed[end].text != "(":
        return False
    for close in range(end + 2, min(end + 5, len(parsed))):
        if parsed[close].text == ")":
            return is_country(parsed[end + 1 : close].text)
    return False
