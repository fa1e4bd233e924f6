"""Resolvers for periods and offsets: ``this week``, ``the third quarter``, ``the first
half``, ``last fall``, ``three years ago``, ``that day``, and the vague references
(``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``). Each takes a grammar match and returns a
TIMEX3 value, or None."""

from __future__ import annotations

import re

from newsdesk.annotate.dates.anchoring import (
    add_months,
    pick_year_for_month,
    quarter_of,
    quarter_value,
    season_year,
    shift_value,
    unit_value,
    weekend,
)
from newsdesk.annotate.dates.context import Context, group
from newsdesk.annotate.dates.lexicon import SEASONS, month_number, read_number, read_ordinal
from newsdesk.annotate.dates.tense import Tense

LOOKING_BACK: tuple[Tense, ...] = ("past", "reported")
RELATIVE_OFFSETS: dict[str, int] = {
    "this": 0,
    "current": 0,
    "the": 0,
    "last": -1,
    "this past": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
    "this coming": 1,
}


def this_unit(m: re.Match[str], ctx: Context) -> str | None:
    """``this year``, ``last month``, ``next week``, ``the weekend``, ``the end of the month``."""
    rel = re.sub(r"\s+", " ", group(m, "rel").lower()).removeprefix("the ").strip()
    unit = group(m, "unit").lower()
    if ctx.anchor is None:
        return None
    if unit == "weekend":
        offset = RELATIVE_OFFSETS.get(rel) if rel not in ("this", "the") else None
        return weekend(ctx.anchor, offset, ctx.tense_of(m.start(), m.end()))
    return unit_value(ctx.anchor, unit, RELATIVE_OFFSETS.get(rel, 0))


def year_end(m: re.Match[str], ctx: Context) -> str | None:
    """``year-end``, ``the end of the year``: the anchor's year."""
    if ctx.anchor is None:
        return None
    return f"{ctx.anchor.year:04d}"


def the_year(m: re.Match[str], ctx: Context) -> str | None:
    """``the fiscal year``, ``the full year``, ``earlier in the year``: the anchor's year."""
    which = re.sub(r"\s+", " ", group(m, "q").lower())
    if which == "same":
        return ctx.ref[:4] if ctx.ref else None
    if ctx.anchor is None:
        return None
    if which in ("latest fiscal", "previous fiscal", "previous", "prior"):
        return f"{ctx.anchor.year - 1:04d}"
    return f"{ctx.anchor.year:04d}"


_EVENT_AFTER = re.compile(r"\s+(?:(?:the|a|an|his|her|its|their|our)\b|[A-Z][a-z])")


def ago(m: re.Match[str], ctx: Context) -> str | None:
    """``three years ago``, ``a year earlier``, ``two weeks later``. A span before an
    event the sentence names ("three weeks before the film's release", "a day before
    Easter") counts back from that event, not from the page's date: unresolved."""
    if ctx.anchor is None:
        return None
    if group(m, "dir").lower() == "before" and _EVENT_AFTER.match(m.string, m.end()):
        return None
    count = read_number(group(m, "n"))
    unit = group(m, "unit").lower().rstrip("s")
    direction = group(m, "dir").lower()
    sign = 1 if direction in ("later", "from now", "hence", "after") else -1
    if count is None:
        return "PAST_REF" if sign < 0 and direction == "ago" else None
    base = ctx.anchor
    quarter = ctx.last_ref("-Q")
    if unit == "year" and quarter and direction in ("ago", "earlier", "before"):
        return shift_value(quarter, "year", -count)
    if direction in ("earlier", "later", "before", "after") and ctx.ref and unit != "year":
        return shift_value(ctx.ref, unit, sign * count) or unit_value(base, unit, sign * count)
    if unit == "decade":
        return unit_value(base, "year", -10 * count)
    return unit_value(base, unit, sign * count)


def quarter(m: re.Match[str], ctx: Context) -> str | None:
    """A named quarter, with a year before it (``the 1988 third quarter``)."""
    qyear = group(m, "qyear")
    value = _quarter_named(m, ctx)
    if value and qyear and not group(m, "year"):
        return qyear + value[4:]
    return value


def _quarter_named(m: re.Match[str], ctx: Context) -> str | None:
    """``the third quarter``, ``fourth-quarter``, ``the first quarter of 1990``."""
    number = read_ordinal(group(m, "q"))
    if number is None or not 1 <= number <= 4:
        return None
    explicit = group(m, "year")
    if explicit:
        return f"{int(explicit):04d}-Q{number}"
    if ctx.anchor is None:
        return None
    owner = group(m, "owner").lower()
    year = ctx.anchor.year
    current = quarter_of(ctx.anchor.month)
    if owner.startswith("last"):
        year -= 1
    elif owner.startswith("next"):
        year += 1
    elif not owner.startswith("this") and number > current:
        if ctx.tense_of(m.start(), m.end()) in LOOKING_BACK or number - 1 > current:
            year -= 1
    return f"{year:04d}-Q{number}"


def half(m: re.Match[str], ctx: Context) -> str | None:
    """``the second half of 1989``, ``the first half of the year``, ``last year's second
    half``. A bare "the first half" is no date: it is as often a game's or a match's half
    as a half year, and which year is a guess."""
    number = 1 if group(m, "h").lower() == "first" else 2
    explicit = group(m, "year")
    if explicit:
        return f"{int(explicit):04d}-H{number}"
    rel = group(m, "rel").lower()
    if ctx.anchor is None or not (rel or re.search(r"\bof\s", m.group(), re.I)):
        return None
    year = ctx.anchor.year
    if rel == "last":
        year -= 1
    elif rel == "next":
        year += 1
    elif number == 2 and ctx.anchor.month <= 6 and ctx.tense_of(m.start(), m.end()) in LOOKING_BACK:
        year -= 1
    return f"{year:04d}-H{number}"


def the_quarter(m: re.Match[str], ctx: Context) -> str | None:
    """``the quarter``, ``the latest quarter``: the quarter last mentioned, else the last one."""
    if ctx.anchor is None:
        return None
    word = group(m, "which").lower()
    if group(m, "mon"):
        # "the quarter ended Sept. 30": the calendar quarter holding most of its months
        month = month_number(group(m, "mon"))
        year = pick_year_for_month(month, None, ctx.anchor, "past")
        return quarter_value(*add_months(year, month, -1))
    if word == "current":
        return quarter_value(ctx.anchor.year, ctx.anchor.month)
    if (
        word in ("latest", "most recent", "recent", "just-ended", "just ended")
        or "latest" in m.group(0).lower()
    ):
        return unit_value(ctx.anchor, "quarter", -1)
    return ctx.last_ref("-Q") or unit_value(ctx.anchor, "quarter", -1)


def year_earlier_period(m: re.Match[str], ctx: Context) -> str | None:
    """``the year-earlier quarter``, ``year-ago``: the reference period a year before."""
    if ctx.anchor is None:
        return None
    explicit = group(m, "year")
    period = ctx.last_ref("-Q", "-H")
    if period is not None:
        return explicit + period[4:] if explicit else shift_value(period, "year", -1)
    if explicit:
        return explicit
    return unit_value(ctx.anchor, "quarter", -5)


def that_unit(m: re.Match[str], ctx: Context) -> str | None:
    """``that day``, ``the same year``, ``the following month``: from the last mention."""
    unit = group(m, "unit").lower()
    rel = group(m, "rel").lower()
    offset = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(rel, 0)
    ref = ctx.ref
    if ref is None:
        return None
    granularity = {"day": 10, "month": 7, "year": 4}[unit]
    if len(ref) < granularity or not re.fullmatch(r"\d{4}(-\d{2}){0,2}", ref[:granularity]):
        return None
    base = ref[:granularity]
    return shift_value(base, unit, offset) if offset else base


def season(m: re.Match[str], ctx: Context) -> str | None:
    """``last fall``, ``this summer``, ``the winter of 1998``."""
    name = SEASONS[group(m, "season").lower()]
    explicit = group(m, "year")
    if explicit:
        return f"{int(explicit):04d}-{name}"
    if ctx.anchor is None:
        return None
    shift = group(m, "shift").lower()
    shift = (
        "last"
        if shift in ("last", "this past", "past")
        else "next"
        if "next" in shift or "coming" in shift
        else ""
    )
    if group(m, "shift").lower() == "this":
        year = ctx.anchor.year - (1 if name == "WI" and ctx.anchor.month < 3 else 0)
        return f"{year:04d}-{name}"
    tense = ctx.tense_of(m.start(), m.end()) if not shift else None
    return f"{season_year(name, ctx.anchor, shift, tense):04d}-{name}"


def season_unless_name(m: re.Match[str], ctx: Context) -> str | None:
    """A season, unless it is capitalised after a determiner (a name)."""
    shift = group(m, "shift").lower()
    if shift in ("early", "late", "the", "in") and group(m, "season")[0].isupper():
        return None
    return season(m, ctx)


def present_ref(m: re.Match[str], ctx: Context) -> str | None:
    """ "now", "currently", "current" → PRESENT_REF; "then-current" → PAST_REF."""
    return "PAST_REF" if m.group(0).lower().startswith("then") else "PRESENT_REF"


def past_ref(m: re.Match[str], ctx: Context) -> str | None:
    """``recently``, ``in the past``: PAST_REF."""
    return "PAST_REF"


def future_ref(m: re.Match[str], ctx: Context) -> str | None:
    """``soon``, ``the future``, ``in coming months``: FUTURE_REF."""
    return "FUTURE_REF"
