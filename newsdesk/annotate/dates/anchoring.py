"""Calendar arithmetic behind the resolvers: the anchor, TIMEX3 value shapes, moving by
months, quarters and weeks, and picking which occurrence of a repeating date (weekday,
month, season, weekend) the text means."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from newsdesk.annotate.dates.lexicon import SEASON_START
from newsdesk.annotate.dates.tense import Tense


def parse_anchor(anchor: str | None) -> date | None:
    """The calendar date of an ISO date/datetime string (``2026-10-14T08:00Z``), or None."""
    if not anchor:
        return None
    m = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})", anchor)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------
# TIMEX3 value shapes


def day_value(d: date) -> str:
    """A day value, ``YYYY-MM-DD``."""
    return d.isoformat()


def safe_day_value(year: int, month: int, day: int) -> str | None:
    """A day value, or None when the day does not exist."""
    found = safe_date(year, month, day)
    return day_value(found) if found else None


def month_value(year: int, month: int) -> str:
    """A month value, ``YYYY-MM``."""
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    """The ISO week value of a day, ``YYYY-Wnn``."""
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(month: int) -> int:
    """The quarter (1-4) a month falls in."""
    return (month - 1) // 3 + 1


def quarter_value(year: int, month: int) -> str:
    """The quarter value of a month, ``YYYY-Qn``."""
    return f"{year:04d}-Q{quarter_of(month)}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def unit_value(anchor: date, unit: str, offset: int) -> str:
    """The calendar unit (year, quarter, month, week, day) ``offset`` units from the anchor."""
    if unit == "year":
        return f"{anchor.year + offset:04d}"
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, offset))
    if unit == "quarter":
        return quarter_value(*add_months(anchor.year, anchor.month, 3 * offset))
    if unit == "week":
        return week_value(anchor + timedelta(weeks=offset))
    if unit == "day":
        return day_value(anchor + timedelta(days=offset))
    if unit == "decade":
        return f"{(anchor.year + 10 * offset) // 10:03d}X"
    return f"{anchor.year + offset:04d}"


def shift_value(value: str, unit: str, offset: int) -> str | None:
    """Move a TIMEX3 calendar value by whole units, keeping its granularity."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:-Q(\d))?(?:-W(\d{2}))?", value)
    if not m:
        return None
    year = int(m.group(1))
    if unit == "year":
        return f"{year + offset:04d}" + value[4:]
    if unit == "quarter" and m.group(4):
        q = year * 4 + int(m.group(4)) - 1 + offset
        return f"{q // 4:04d}-Q{q % 4 + 1}"
    if m.group(3) and unit in ("day", "week", "month"):
        base = date(year, int(m.group(2)), int(m.group(3)))
        if unit == "month":
            return safe_day_value(*add_months(year, base.month, offset), min(base.day, 28))
        return day_value(base + timedelta(days=offset * (7 if unit == "week" else 1)))
    if m.group(2) and unit == "month":
        return month_value(*add_months(year, int(m.group(2)), offset))
    return None


# ---------------------------------------------------------------------------------------
# Direction: which occurrence of a repeating date (weekday, month, season) is meant


FORWARD_BIAS: dict[Tense | None, float] = {
    "present": 2.0,
    "reported": 3.0,
    "past": math.inf,
    None: 3.0,
}
WEEKDAY_FORWARD_TENSES: tuple[Tense, ...] = ("future", "present")


def pick_year_for_month(month: int, day: int | None, anchor: date, tense: Tense | None) -> int:
    """The year of ``month`` (``day``) named without one, from the anchor and the tense.

    The same month (day) as the anchor is the anchor's year. A future clause takes the
    next occurrence, a past one ("the factory closed in December") the previous one.
    When the nearest verb is a reporting verb ("said", "announced") or there is none,
    the previous occurrence is taken unless the next one is under a third as far
    ("the company said the dividend is payable Dec. 15", written in late October);
    in the present tense, under half as far.
    """
    year = anchor.year
    distances = _distances(month, day, anchor)
    if distances is None or 0 in distances:
        return year
    forward, back = distances
    just_passed = day is not None and back <= 7
    if tense == "future":
        go_forward = not just_passed
    else:
        go_forward = FORWARD_BIAS[tense] * forward < back
    target_month_index = (anchor.year * 12 + anchor.month - 1) + (
        _months_between(anchor, month, day, forward=go_forward)
    )
    return target_month_index // 12


def _distances(month: int, day: int | None, anchor: date) -> tuple[int, int] | None:
    """(forward, back): months (or days, with ``day``) to the next and the previous
    occurrence of ``month``/``day`` around the anchor; None for an impossible day."""
    if day is None:
        forward = (month - anchor.month) % 12
        return forward, (12 - forward) % 12
    this_year = safe_date(anchor.year, month, min(day, 29) if month == 2 else day)
    if this_year is None:
        return None
    forward = (this_year - anchor).days
    if forward < 0:
        forward = (_shift_year(this_year, 1) - anchor).days
    back = (anchor - this_year).days
    if back < 0:
        back = (anchor - _shift_year(this_year, -1)).days
    return forward, back


def _shift_year(d: date, years: int) -> date:
    """The same day ``years`` later (28 February for a missing 29th)."""
    return safe_date(d.year + years, d.month, d.day) or date(d.year + years, d.month, 28)


def _months_between(anchor: date, month: int, day: int | None, forward: bool) -> int:
    """Signed number of months from the anchor's month to the chosen ``month``."""
    delta = month - anchor.month
    if forward:
        if delta < 0 or (delta == 0 and day is not None and day < anchor.day):
            delta += 12
    elif delta > 0 or (delta == 0 and day is not None and day > anchor.day):
        delta -= 12
    return delta


def weekday_date(weekday: int, anchor: date, tense: Tense | None, shift: str) -> date:
    """The date of a weekday: ``shift`` is ``last``, ``next`` or '' (tense decides)."""
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if shift == "last":
        return anchor - timedelta(days=back or 7)
    if shift == "next":
        return anchor + timedelta(days=forward or 7)
    if back == 0:
        return anchor
    if tense in WEEKDAY_FORWARD_TENSES:
        return anchor + timedelta(days=forward)
    return anchor - timedelta(days=back)


def weekend(anchor: date, offset: int | None, tense: Tense | None) -> str:
    """The ISO week of a weekend (``1990-W32-WE``); ``offset`` None = "the weekend":
    the current one on a weekend, else the next or the last one by tense."""
    if offset is None:
        if anchor.weekday() >= 5:
            return week_value(anchor) + "-WE"
        offset = 1 if tense == "future" else -1
    saturday = anchor + timedelta(days=5 - anchor.weekday())
    if offset < 0:
        saturday -= timedelta(days=7)
    elif offset > 0 and anchor.weekday() >= 5:
        saturday += timedelta(days=7)
    return week_value(saturday) + "-WE"


def season_year(season: str, anchor: date, shift: str, tense: Tense | None) -> int:
    """Year of a season: ``last`` = the latest one already over, ``next`` = the next to begin."""
    start = SEASON_START[season]
    # index seasons by the month they start in; winter belongs to the year it starts in
    starts = [
        date(y, start, 1) for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)
    ]
    ends = [_season_end(s) for s in starts]
    if shift == "last":
        return max(s.year for s, e in zip(starts, ends, strict=True) if e <= anchor)
    if shift == "next":
        return min(s.year for s in starts if s > anchor)
    current = [s.year for s, e in zip(starts, ends, strict=True) if s <= anchor < e]
    if current:
        return current[0]
    if tense in ("future", "present"):
        return min(s.year for s in starts if s > anchor)
    return max(s.year for s, e in zip(starts, ends, strict=True) if e <= anchor)


def _season_end(start: date) -> date:
    """The first day after a season that starts on ``start``."""
    year, month = add_months(start.year, start.month, 3)
    return date(year, month, 1)
