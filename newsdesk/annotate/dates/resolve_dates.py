"""Resolvers for calendar dates: days, weekdays, holidays, months, years, decades and
centuries. Each takes a grammar match and returns a TIMEX3 value, or None when there is
no anchor for a relative expression or the text cannot be read."""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsdesk.annotate.dates.anchoring import (
    day_value,
    month_value,
    pick_year_for_month,
    safe_day_value,
    week_value,
    weekday_date,
)
from newsdesk.annotate.dates.context import Context, group
from newsdesk.annotate.dates.lexicon import (
    PARTS_OF_DAY,
    WEEKDAYS,
    month_number,
    read_ordinal,
    read_year,
)
from newsdesk.annotate.dates.tense import Tense
from newsdesk.lang.en.calendar import WEEKDAY_ABBREVIATIONS

KEEP_PART_OF_DAY = False
"""Keep TIMEX3's part-of-day suffix ("Friday night" → ``…TNI``) instead of the plain day."""


def full_date(m: re.Match[str], ctx: Context) -> str | None:
    """``Oct. 12, 1998``, ``12 October 1998``: an absolute day."""
    year = read_year(group(m, "year"))
    day = read_ordinal(group(m, "day"))
    if year is None or day is None:
        return None
    return safe_day_value(year, month_number(group(m, "mon")), day)


def numeric_date(m: re.Match[str], ctx: Context) -> str | None:
    """``1998-10-12``: an absolute day."""
    return safe_day_value(int(group(m, "year")), int(group(m, "mon")), int(group(m, "day")))


def slash_date(m: re.Match[str], ctx: Context) -> str | None:
    """``10/12/1998``, ``15 / 09 / 2013``: an absolute day whose order (month or day
    first) is decided, never guessed: by a part above 12, else by the weekday written
    before it ("Tue, 02/07/2013"), else by the page's other slash dates that a part above
    12 decides (all in one order). Undecided: None."""
    year = int(group(m, "year"))
    if year < 100:
        year += 1900 if year >= 50 else 2000
    a, b = int(group(m, "a")), int(group(m, "b"))
    readings = [r for r in ((a, b), (b, a)) if safe_day_value(year, *r) is not None]
    if len({safe_day_value(year, *r) for r in readings}) == 1:
        return safe_day_value(year, *readings[0])  # one reading, or "05/05/2013"
    weekday = _weekday_before(ctx.text, m.start())
    if weekday is not None:
        readings = [r for r in readings if date(year, *r).weekday() == weekday]
    else:
        orders = {_slash_order(o) for o in m.re.finditer(ctx.text)} - {None}
        if len(orders) == 1:
            readings = [readings[0] if orders == {"month"} else readings[-1]]
    return safe_day_value(year, *readings[0]) if len(readings) == 1 else None


def _slash_order(m: re.Match[str]) -> str | None:
    """Which part comes first in a slash date a part above 12 decides: "month" or "day"."""
    a, b = int(group(m, "a")), int(group(m, "b"))
    if 0 < a <= 12 < b <= 31:
        return "month"
    if 0 < b <= 12 < a <= 31:
        return "day"
    return None


_WEEKDAY_BEFORE = re.compile(r"\b([A-Za-z]{3,9})\.?,?\s*$")


def _weekday_before(text: str, start: int) -> int | None:
    """The weekday named right before ``start`` ("Tue, ", "Tuesday "), if any."""
    found = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
    if found is None:
        return None
    word = found.group(1).lower()
    return WEEKDAYS.get(word, WEEKDAY_ABBREVIATIONS.get(word))


def month_day(m: re.Match[str], ctx: Context) -> str | None:
    """``Oct. 12``, ``3 October``: a day whose year the anchor and tense give."""
    if ctx.anchor is None:
        return None
    month = month_number(group(m, "mon"))
    day = read_ordinal(group(m, "day"))
    if day is None:
        return None
    shift = group(m, "shift").lower()
    if "coming" in shift or shift == "next":
        tense: Tense | None = "future"
    elif "past" in shift or shift == "last":
        tense = "past"
    else:
        tense = ctx.tense_of(m.start(), m.end())
    year = pick_year_for_month(month, day, ctx.anchor, tense)
    return safe_day_value(year, month, day)


def week_of(m: re.Match[str], ctx: Context) -> str | None:
    """``the week of March 6``: the ISO week holding that day."""
    day = month_day(m, ctx)
    return week_value(date.fromisoformat(day)) if day else None


def month_year(m: re.Match[str], ctx: Context) -> str | None:
    """``August 1988``: an absolute month."""
    year = read_year(group(m, "year"))
    if year is None:
        return None
    return month_value(year, month_number(group(m, "mon")))


def month_rel_year(m: re.Match[str], ctx: Context) -> str | None:
    """``January this year``, ``June last year``."""
    if ctx.anchor is None:
        return None
    shift = {"this": 0, "last": -1, "next": 1}[group(m, "rel").lower()]
    return month_value(ctx.anchor.year + shift, month_number(group(m, "mon")))


def month_only(m: re.Match[str], ctx: Context) -> str | None:
    """``December``, ``last November``, ``early March``: a month near the anchor."""
    if ctx.anchor is None:
        return None
    month = month_number(group(m, "mon"))
    shift = group(m, "shift").lower()
    year = ctx.anchor.year
    if shift in ("last", "this past"):
        year = year if month < ctx.anchor.month else year - 1
    elif shift in ("next", "this coming"):
        year = year if month > ctx.anchor.month else year + 1
    elif shift != "this":
        year = pick_year_for_month(month, None, ctx.anchor, ctx.tense_of(m.start(), m.end()))
    return month_value(year, month)


def year_only(m: re.Match[str], ctx: Context) -> str | None:
    """``1998``, ``fiscal 1989``, ``mid-1996``, ``the second half of 1989``."""
    year = read_year(group(m, "year"))
    if year is None:
        return None
    half = group(m, "half").lower()
    if half:
        return f"{year:04d}-H{1 if half.startswith(('first', 'early')) else 2}"
    return f"{year:04d}"


def decade(m: re.Match[str], ctx: Context) -> str | None:
    """``the 1990s``, ``the '80s``: ``199X``, ``198X``."""
    if m.group("dec2"):
        digits = m.group("dec2")
        prefix = "19" if ctx.anchor is None or int(digits) > ctx.anchor.year % 100 else "20"
        return f"{prefix}{digits[0]}X"
    return f"{group(m, 'cent')}{group(m, 'dec')[0]}X"


def century(m: re.Match[str], ctx: Context) -> str | None:
    """``the 20th century`` gives ``19``."""
    number = read_ordinal(group(m, "n"))
    return f"{number - 1:02d}" if number else None


def relative_day(m: re.Match[str], ctx: Context) -> str | None:
    """``today``, ``yesterday``, ``tomorrow``, ``tonight``."""
    if ctx.anchor is None:
        return None
    word = group(m, "word").lower()
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(word)
    if word.startswith("the day before"):
        offset = -2
    elif word.startswith("the day after"):
        offset = 2
    assert offset is not None
    value = day_value(ctx.anchor + timedelta(days=offset))
    part = group(m, "part").lower() or ("tonight" if word == "tonight" else "")
    return _with_part(value, part)


def weekday(m: re.Match[str], ctx: Context) -> str | None:
    """``Tuesday``, ``last Friday``, ``next Monday``, ``Monday's``."""
    if ctx.anchor is None:
        return None
    shift = group(m, "shift").lower()
    if "coming" in shift:
        shift = "next"
    elif "past" in shift:
        shift = "last"
    elif shift not in ("last", "next"):
        shift = ""
    tense = ctx.tense_of(m.start(), m.end()) if not shift else None
    if ctx.text[m.end() : m.end() + 2] in ("'s", "’s"):
        tense = "past"
    found = weekday_date(WEEKDAYS[group(m, "wd").lower()], ctx.anchor, tense, shift)
    part = group(m, "part").lower()
    return _with_part(day_value(found), part)


def _with_part(day: str, part: str) -> str:
    """A day with a part of the day: TIMEX3 allows ``1998-10-23TNI``, but newswire gold
    mostly keeps the plain date for "Friday night", so the part is only kept when
    ``KEEP_PART_OF_DAY`` is set."""
    if part and KEEP_PART_OF_DAY:
        return day + PARTS_OF_DAY[part]
    return day


FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
}


def holiday_date(name: str, year: int) -> date:
    """The date of a (United States) holiday in ``year``."""
    name = re.sub(r"\s+", " ", name.lower())
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("labor"):
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if name.startswith("memorial"):
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    month, day = FIXED_HOLIDAYS.get(name, (12, 25))
    return date(year, month, day)


def holiday(m: re.Match[str], ctx: Context) -> str | None:
    """``Thanksgiving``, ``Christmas``: the occurrence the tense points to."""
    if ctx.anchor is None:
        return None
    name = group(m, "h")
    this_year = holiday_date(name, ctx.anchor.year)
    tense = ctx.tense_of(m.start(), m.end())
    year = pick_year_for_month(this_year.month, this_year.day, ctx.anchor, tense)
    return day_value(holiday_date(name, year))
