"""Words of the date grammar: month, weekday, season and part-of-day names, and number
words, with the readers that turn matched text ("twenty-first", "nineteen ninety-six",
"Sept.") into numbers."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
UNITS_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "TMO",
    "afternoon": "TAF",
    "evening": "TEV",
    "night": "TNI",
    "tonight": "TNI",
}


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
