"""Reading numbers in a dependency parse: digit strings and number words as values.

``number_value`` reads the words of one number ("2.4 million", "twenty - one", "a
dozen"); ``numbers_in`` finds the numbers written in a stretch of a parse. The phrase
helpers (``number_tops``, ``number_phrase``, ``approximate``, and the tests of what
stands around a number: ``joined_number``, ``converted``, ``in_range``,
``duration_offset``, ``rate``, ``currency``) are what the conflict readers build their
count claims from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newsdesk.lang.en.calendar import MONTHS, RECENT_SPANS, TIME_NOUNS, TIME_OFFSETS, WEEKDAYS
from newsdesk.lang.en.measures import CURRENCIES, UNITS
from newsdesk.lang.en.numbers import (
    APPROXIMATORS,
    JOINED_SUM_SUFFIXES,
    NEGATORS,
    NUMBER_WORDS,
    ORDINALS,
    RANGE_STARTS,
    SCALES,
    SUM_SUFFIXES,
)
from newsdesk.sentences import spaced_decimal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "approximate",
    "rank_of",
    "converted",
    "currency",
    "duration_offset",
    "in_range",
    "is_number",
    "close",
    "joined_number",
    "whole_number",
    "number_phrase",
    "number_tops",
    "number_value",
    "numbers_at",
    "numbers_in",
    "ordinals_at",
    "rate",
    "sum_scale",
]

_UNITS = {w: n for w, n in NUMBER_WORDS.items() if n < 20}
_TENS = {w: n for w, n in NUMBER_WORDS.items() if n >= 20}
_FILLERS = {"a", "an", "and", "-"}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(mn|bn)$")


def number_value(words: Sequence[str]) -> float | None:
    """The value of a number written in ``words`` ("2.4 million", "twenty - one", "a dozen").

    None when a word is not part of a number, no number word is present, or two numbers
    written in digits follow each other ("28 of 41" parsed as one phrase is no 69).
    """
    total, current, seen, digits = 0.0, 0.0, False, False
    last = ""  # the digits just read, if the word before was digits
    for raw in words:
        w = raw.lower()
        suffixed = _SUFFIXED.match(w)
        if suffixed and not digits:  # "2.5bn": one word
            current += float(suffixed[1]) * SUM_SUFFIXES[suffixed[2]]
            digits, last, seen = True, "", True
            continue
        if _DIGITS.match(w):
            if digits:  # a group of three may be "170, 000" written apart: 170,000
                if not _thousands_group(last, w):
                    return None
                current = current * 1000 + float(w)
            else:
                current += float(w.replace(",", ""))
            digits, last, seen = True, w, True
            continue
        last = ""
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0.0
        elif w in _FILLERS:
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def _thousands_group(before: str, group: str) -> bool:
    """Whether ``group`` is the next group of three digits of the number ``before`` ends
    ("120, 000" with the comma split off, "1, 400, 000"): three plain digits after a
    number of one to three digits or after another such group."""
    return len(group) == 3 and group.isdigit() and 1 <= len(before) <= 3 and before.isdigit()


_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(SCALES) | {"dozen", "hundred"}


def is_number(token: Token) -> bool:
    """A digit string or a number word ("12", "1,200", "twelve", "million", "dozen",
    "2.5bn")."""
    return (
        token.lower_ in _NUMBER_WORDS
        or bool(_DIGITS.match(token.lower_))
        or bool(_SUFFIXED.match(token.lower_))
    )


def sum_scale(chain: list[Token]) -> tuple[float, int]:
    """The scale a sum's short suffix after its digits gives ("$35m": a million, "$40
    bn": a billion) and the index of the last token it is written to; (1.0, the
    chain's last index) when none."""
    last = chain[-1]
    doc = last.doc
    if last.i + 1 < len(doc) and last.text[-1:].isdigit():
        suffix = doc[last.i + 1]
        scale = SUM_SUFFIXES.get(suffix.lower_)
        if scale is not None and (not last.whitespace_ or suffix.lower_ not in JOINED_SUM_SUFFIXES):
            return scale, suffix.i
    return 1.0, last.i


def _chain(top: Token) -> list[Token]:
    """The tokens of the number phrase headed by ``top`` ("2.4 million", "a dozen")."""
    tokens = [top]
    stack = [top]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in {"compound", "quantmod", "nummod", "punct", "det"} and (
                is_number(child) or child.lower_ in _FILLERS
            ):
                tokens.append(child)
                stack.append(child)
    return sorted(tokens, key=lambda t: t.i)


def number_phrase(top: Token) -> tuple[list[Token], float | None]:
    """The tokens of the number phrase headed by ``top``, in text order, and its value."""
    chain = _chain(top)
    return chain, number_value([t.text for t in chain])


APPROX_TOLERANCE = 0.15  # a hedged value agrees with one within 15%
ROUNDING_TOLERANCE = 0.01  # "973,000" against "972,814": a minor difference


def close(x: float, y: float, approx: bool) -> bool:
    """Whether two numbers agree up to rounding: within `ROUNDING_TOLERANCE` of the larger,
    or `APPROX_TOLERANCE` where one is hedged (``approx``: "nearly $1 million", "about
    600")."""
    tolerance = APPROX_TOLERANCE if approx else ROUNDING_TOLERANCE
    return abs(x - y) <= tolerance * max(abs(x), abs(y))


def whole_number(top: Token) -> tuple[int, float] | None:
    """The number phrase headed by ``top`` read whole where the copy spaced it out
    ("230, 000", "$1, 099", "a 6. 1 magnitude", which the parse splits): the index of its
    first token and its value. None for no number, and for a piece of a number written so
    ("230" of "230, 000", "6" of "6. 1") or of a clock time ("2: 09")."""
    chain, value = number_phrase(top)
    if value is None:
        return None
    doc = top.doc
    if joined_number(doc, chain[-1].i + 1):
        return None  # "6" of "6. 1", "2" of "2: 09", "1" of "1, 099": read whole below
    first = chain[0].i
    scale, alone = 1000.0, len(chain) == 1 and top.text.isdigit()
    while first >= 2 and doc[first - 1].text == "," and joined_number(doc, first - 1):
        if not alone:
            return None
        value += float(doc[first - 2].text) * scale  # the groups before "400" of "1, 400"
        scale *= 1000
        first -= 2
    if first >= 2 and doc[first - 1].text in {".", ":"} and joined_number(doc, first - 1):
        if doc[first - 1].text == ":" or not doc[first].text.isdigit():
            return None  # a clock time: "2: 09"
        scale = value / float(doc[first].text) if float(doc[first].text) else 1.0
        value = float(f"{doc[first - 2].text}.{doc[first].text}") * scale  # "1. 2 million"
        first -= 2
    return first, value


def number_tops(parse: Doc | Span) -> Iterator[Token]:
    """The last token of every number phrase (the one attached outside the phrase) of a
    parse or of one of its sentences."""
    for token in parse:
        if not is_number(token) or token.ent_type_ in {"PERCENT", "ORDINAL"}:
            continue
        if token.dep_ in {"compound", "quantmod", "nummod"} and is_number(token.head):
            continue
        yield token


def approximate(chain: list[Token]) -> bool:
    """Whether the number is hedged ("about 12", "more than 200", "an estimated 41m")
    or negated ("no one hurt")."""
    doc = chain[0].doc
    left = doc[max(0, chain[0].i - 2) : chain[0].i]
    if any(t.lower_ in APPROXIMATORS or t.lower_ in NEGATORS for t in left):
        return True
    return any(c.lower_ in APPROXIMATORS for t in chain for c in t.children)


_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def rank_of(superlative: Token) -> int | None:
    """The rank an ordinal written before a superlative gives ("ninth-largest": 9,
    "3rd-biggest": 3), or None."""
    doc = superlative.doc
    i = superlative.i - 1
    if i >= 1 and doc[i].text == "-":
        i -= 1
    if i < 0 or doc[i].head.i != superlative.i:
        return None
    word = doc[i].lower_
    digits = _ORDINAL_DIGITS.match(word)
    return int(digits[1]) if digits else ORDINALS.get(word)


def numbers_in(parse: Doc, start: int, end: int) -> list[tuple[int, float]]:
    """The numbers written between characters ``start`` and ``end`` of ``parse``.

    Each is (character offset of its last word, value), in text order; a number the
    copy spaced out ("120, 000", "6. 1") is read whole (`whole_number`).
    """
    found = []
    for top in number_tops(parse):
        if start <= top.idx < end and (whole := whole_number(top)) is not None:
            found.append((top.idx, whole[1]))
    return found


_NUMBER_IN_TEXT = re.compile(
    r"\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\b|\b(?:"
    + "|".join(sorted(set(_UNITS) | set(_TENS) | {"dozen"}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_MONTH_NAMES = sorted({m for m in MONTHS if len(m) > 3 or m == "may"}, key=len, reverse=True)
_MONTH = "|".join(_MONTH_NAMES)
_YEAR = r"(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?"
_DAY_IN_TEXT = re.compile(
    r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b"
    r"|\b(?P<day>\d{1,2})\s+(?P<month>"
    + _MONTH
    + r")\b"
    + _YEAR
    + r"|\b(?P<month2>"
    + _MONTH
    + r")\.?\s+(?P<day2>\d{1,2})(?![\d,.]\d)\b"
    + _YEAR.replace("year", "year2")
    + r"|\b(?P<month3>"
    + _MONTH
    + r")\s+(?P<year3>(?:1[89]|20)\d\d)\b",
    re.IGNORECASE,
)
# A month named alone, capitalised ("in December"); "May" not opening a sentence (the verb).
_MONTH_IN_TEXT = re.compile(
    r"(?<![.!?]\s)(?<!^)\bMay\b|\b(?:"
    + "|".join(m.capitalize() for m in _MONTH_NAMES if m != "may")
    + r")\b"
)


def numbers_at(text: str) -> list[tuple[int, float]]:
    """The numbers written in ``text``, read from its words (no parse): (character offset,
    value), in text order."""
    found = []
    for m in _NUMBER_IN_TEXT.finditer(text):
        value = number_value(m.group().replace(",", "").split())
        if value is not None:
            found.append((m.start(), value))
    return found


_ORDINAL_IN_TEXT = re.compile(
    r"\b(?:(?P<digits>\d{1,3})(?:st|nd|rd|th)|(?P<word>"
    + "|".join(sorted((w for w in ORDINALS if w != "first"), key=len, reverse=True))
    + r"))\s+(?P<noun>[a-z]+)\b",
    re.IGNORECASE,
)


_NUMBERED_RANK = re.compile(r"\bNo\.\s?(?P<n>\d{1,3})\s+(?P<noun>[A-Za-z]+)")


def ordinals_at(text: str) -> frozenset[tuple[str, int]]:
    """The ordinals written in ``text`` with the word they rank ("the 11th round":
    ("round", 11); "the sixth round"; "the No. 2 official": ("official", 2)), not "first",
    which is as often "at first" or "first reported" as a rank."""
    ranks = {
        (m["noun"].lower(), int(m["digits"]) if m["digits"] else ORDINALS[m["word"].lower()])
        for m in _ORDINAL_IN_TEXT.finditer(text)
    }
    ranks.update((m["noun"].lower(), int(m["n"])) for m in _NUMBERED_RANK.finditer(text))
    return frozenset(ranks)


def days_of(text: str) -> frozenset[str]:
    """The weekdays, days and months written in ``text``: weekdays as "friday", dates in
    ISO 8601 or its truncated forms (`same_date`): "--10-12" ("12 October", "October 12"
    and "Oct. 12" alike), "2008-10-12", "1998-06", "--10" (a month named alone)."""
    found: set[str] = set()
    dated: list[tuple[int, int]] = []
    for m in _DAY_IN_TEXT.finditer(text):
        if m["weekday"]:
            found.add(m["weekday"].lower())
            continue
        month = _month(m["month"] or m["month2"] or m["month3"])
        day = m["day"] or m["day2"]
        year = m["year"] or m["year2"] or m["year3"]
        found.add(f"{year or '-'}-{month}" + (f"-{int(day):02d}" if day else ""))
        dated.append(m.span())
    found.update(
        f"--{_month(m.group())}"
        for m in _MONTH_IN_TEXT.finditer(text)
        if not any(a <= m.start() < b for a, b in dated)
    )
    return frozenset(found)


def _month(name: str) -> str:
    """A month's two-digit number ("Sept", "September" -> "09")."""
    return f"{MONTHS[name.lower().rstrip('.')]:02d}"


def same_date(a: str, b: str) -> bool:
    """Whether two dates in ISO 8601 or its truncated forms ("2026-10-12", "2026-10",
    "--10-12", "--10") can be one day: a day or month without its year fits that day or
    month of any year; a month fits each of its days."""
    return all(x is None or y is None or x == y for x, y in zip(_parts(a), _parts(b), strict=True))


def _parts(value: str) -> tuple[str | None, str | None, str | None]:
    """Year, month and day of "2026-10-12", "2026-10", "--10-12" or "--10" (None where
    not given)."""
    year, rest = (None, value[2:]) if value.startswith("--") else (value[:4], value[5:])
    month, _, day = rest.partition("-")
    return year, month or None, day or None


def duration_offset(counted: Token) -> bool:
    """Whether a duration is an offset from another time ("17 hours after the attack",
    "two days later", "19 seconds from blastoff") or the time left ("two seconds
    remaining", "4 minutes to go"), not how long its event lasted."""
    doc = counted.doc
    following = doc[counted.i + 1] if counted.i + 1 < len(doc) else None
    return (
        counted.head.lower_ in TIME_OFFSETS
        or any(c.lower_ in TIME_OFFSETS for c in counted.children)
        # "two seconds remaining", "with 4 minutes to go": the time left
        or any(c.dep_ == "acl" for c in counted.children)
        or (counted.dep_ == "pobj" and counted.head.lower_ == "with")
        # "two minutes after she walked in", "19 seconds from liftoff", however parsed:
        # the time since or until a point
        or (following is not None and following.lower_ in TIME_OFFSETS | {"from"})
        or _window(counted)
    )


def _window(counted: Token) -> bool:
    """Whether a duration is a window reaching back from now that events fall in, after
    a preposition other than "for" ("signed two treaties over the past two years", "in
    the last 15 months"; not "has served for the past 12 years"): reports that count
    what happened in different windows do not disagree on how long anything lasted."""
    return (
        counted.dep_ == "pobj"
        and counted.head.lower_ != "for"
        and any(c.dep_ == "amod" and c.lower_ in RECENT_SPANS for c in counted.children)
    )


def rate(chain: list[Token]) -> str:
    """The time a sum is paid for ("$4 million a year", "$500 per week"): "a year";
    empty for a sum paid once."""
    for tok in chain:
        for c in tok.children:
            noun = c if c.dep_ == "npadvmod" else next(iter(c.children), None)
            if c.dep_ not in {"npadvmod", "prep"} or (c.dep_ == "prep" and c.lower_ != "per"):
                continue
            if noun is not None and noun.lemma_.lower() in TIME_NOUNS:
                return f"a {noun.lemma_.lower()}"
    return ""


def currency(chain: list[Token]) -> str | None:
    """The currency written with the number phrase ``chain`` ("$500,000", "dlrs 400,000",
    "40 million euros"): a currency word either side of it, among its words' dependents,
    or the word it modifies."""
    doc = chain[0].doc
    around = [doc[i] for i in (chain[0].i - 1, chain[-1].i + 1) if 0 <= i < len(doc)]
    around += [c for t in chain for c in t.children] + [chain[-1].head]
    for tok in around:
        name = CURRENCIES.get(tok.lower_) or CURRENCIES.get(tok.lemma_.lower())
        if name is not None:
            return name
    return None


def converted(doc: Doc, first: int, unit: int) -> bool:
    """Whether a measure is written with its conversion in brackets, either side ("10
    metres (35 feet)", "35 feet (10 metres)"): a conversion is rounded, so both are
    approximate."""
    after = doc[unit + 1 : unit + 3]
    if len(after) == 2 and after[0].text == "(" and after[1].like_num:
        return True
    before = doc[max(0, first - 3) : first]
    return len(before) >= 2 and before[-1].text == "(" and before[-2].lemma_.lower() in UNITS


def in_range(top: Token, first: int) -> bool:
    """Whether a number is one end of a range or a list ("between six and 75", "six or
    seven", "from 140 to 150")."""
    doc = top.doc
    if first > 0 and doc[first - 1].lower_ in RANGE_STARTS:
        return True
    if any(c.lower_ == "to" and c.i > 0 and is_number(doc[c.i - 1]) for c in top.children):
        return True  # "72 to 120 hours", which the parse attaches as one number
    return any(c.dep_ == "conj" and c.pos_ == "NUM" for c in top.children)


def joined_number(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the "." or ":" inside a number written with a space after
    it ("1. 2", "2: 09"), or the "," of thousands written so ("230, 000", "$1, 099": not
    read, as the parse splits it)."""
    if not (0 < i < len(doc) - 1 and doc[i - 1].text.isdigit() and doc[i + 1].text.isdigit()):
        return False
    if doc[i].text == ",":
        day = i >= 2 and doc[i - 2].lower_.rstrip(".") in MONTHS  # "On Oct. 5, 200 people"
        return (
            not day
            and not doc[i - 1].whitespace_
            and len(doc[i - 1].text) <= 3
            and len(doc[i + 1].text) == 3
        )
    if doc[i].text == ".":  # "6. 1", "$1. 29"; not "in 2003. 5 people", "26. 300 more"
        return spaced_decimal(doc[i - 1].text, doc[i].whitespace_, doc[i + 1].text)
    return doc[i].text == ":"
