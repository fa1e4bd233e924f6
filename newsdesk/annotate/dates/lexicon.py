"""Readers that turn the words of the date grammar ("twenty-first", "nineteen
ninety-six", "Sept.") into numbers. The words themselves are language data:
`newsdesk.lang.en.calendar` and `newsdesk.lang.en.numbers`."""

from __future__ import annotations

import re

from newsdesk.lang.en.calendar import MONTHS, PARTS_OF_DAY, SEASON_START, SEASONS, WEEKDAYS
from newsdesk.lang.en.numbers import NUMBER_WORDS, ORDINALS

__all__ = [
    "MONTHS",
    "ORDINALS",
    "PARTS_OF_DAY",
    "SEASONS",
    "SEASON_START",
    "UNITS_WORDS",
    "WEEKDAYS",
    "month_number",
    "read_number",
    "read_ordinal",
    "read_year",
]

# Number words a count in a date may be written with ("a week", "twenty-one days").
UNITS_WORDS: dict[str, int] = {"a": 1, "an": 1, **{w: n for w, n in NUMBER_WORDS.items() if n}}


def read_number(word: str) -> int | None:
    """``12``, ``twelve``, ``twenty-one``, ``a`` → an int; vague counts → None."""
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    parts = re.split(r"[- ]", word)
    if all(p in UNITS_WORDS for p in parts) and len(parts) <= 2:
        return sum(UNITS_WORDS[p] for p in parts)
    return None


def read_ordinal(word: str) -> int | None:
    """``12th``, ``twelfth``, ``twenty-first`` → an int."""
    word = word.lower().strip()
    digits = re.match(r"(\d+)(?:st|nd|rd|th)?$", word)
    if digits:
        return int(digits.group(1))
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in ("twenty", "thirty") and parts[1] in ORDINALS:
        return UNITS_WORDS[parts[0]] + ORDINALS[parts[1]]
    return ORDINALS.get(word)


def _spoken_year(words: str) -> int | None:
    """``nineteen ninety-six`` → 1996, ``two thousand one`` → 2001."""
    words = words.lower()
    if words.startswith("two thousand"):
        remainder = words.removeprefix("two thousand").replace(" and ", " ").strip()
        return 2000 + ((read_number(remainder) or 0) if remainder else 0)
    head, _, tail = words.replace("-", " ").partition(" ")
    century = UNITS_WORDS.get(head)
    last_two = read_number(tail.removeprefix("oh ").strip())
    if century is None or last_two is None:
        return None
    return century * 100 + last_two


def read_year(token: str) -> int | None:
    """A year written in digits or words."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    return _spoken_year(token)


def month_number(token: str) -> int:
    """The number of a month name or abbreviation."""
    return MONTHS[token.lower().rstrip(".")]
