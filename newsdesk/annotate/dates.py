"""Time expressions, normalised against the publication date (TIMEX3 conventions).

A compact regular grammar finds the expressions; small resolvers turn each one into a
TIMEX3 ``value`` relative to the anchor (the document creation time, normally
``Document.published``). The TIMEX3 value is kept internally (`Timex.value`: ``1998-10-12``,
``1998-10``, ``1998``, ``1998-Q3``, ``1998-W43``, ``1998-SU``, ``199X``, ``PRESENT_REF`` …)
so it can be scored against TimeML gold; `contract_date` maps it to the ``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD`` shape of `TimeExpression.date`, or None.

Conventions (TempEval-3 / TIMEX3 newswire practice):

* A bare weekday is the most recent such day before the anchor (the anchor itself if it
  is that weekday: the TempEval gold does this), or the next one when its clause is in
  the future or present tense ("meet Monday"), or follows "until"/"as early as".
  ``last Tuesday`` is always strictly before the anchor, ``next Tuesday`` strictly after;
  a possessive (``Monday's ruling``) looks back.
* A month or month-day without a year is the anchor's month (day) in the anchor's year;
  otherwise a future clause takes the next occurrence and a past one the previous one
  ("the factory closed in December", written in March). When the nearest verb only
  reports ("said", "announced") or there is none, the previous occurrence is taken
  unless the next one is under a third as far: newswire reports scheduled events in
  the past tense ("declared a dividend payable Dec. 15", written in late October).
* "Friday night" is the date of that Friday (``KEEP_PART_OF_DAY`` switches to TIMEX3's
  ``TNI``/``TMO`` suffixes, which the TempEval DATE gold uses only half the time).
* ``this/last/next week`` are ISO weeks (``1998-W08``); in `TimeExpression.date` a week
  becomes the month (``YYYY-MM``) of its Thursday, the day that fixes which year and
  month ISO weeks belong to. A weekend is the month of its Saturday.
* Quarters, halves and seasons (``1989-Q3``, ``1989-H2``, ``1989-SU``) become their year
  in `TimeExpression.date`; decades (``199X``), centuries and the vague references
  (``PRESENT_REF`` for "now", ``PAST_REF`` for "recently", ``FUTURE_REF`` for "soon")
  have no date. `extract_times` leaves the vague references out of the timeline.
* Without an anchor, relative expressions ("last year", "on Tuesday", "3 October") get
  no date, never today's date; absolute ones ("12 October 2026", "1998") still resolve.
* ``a year earlier``, ``the quarter``, ``that day`` refer to the last expression the text
  mentioned (TIMEX3 ``anchorTimeID``), falling back on the anchor.

dateparser is not used: it misses "last November" and "earlier this year", reads a
weekday named on that weekday as a week earlier, and cannot give quarters, weeks or the
vague references (see ``bench/dates.py`` for the comparison).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from newsdesk.model import Document, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

Tense = Literal["past", "present", "future", "reported"]

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
REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
LOOKING_BACK: tuple[Tense, ...] = ("past", "reported")
KEEP_PART_OF_DAY = False

# ---------------------------------------------------------------------------------------
# Lexical building blocks of the grammar

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORDWORD = (
    r"(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    r"|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_YEAR = (
    rf"(?:(?:nineteen|eighteen)[- ](?:{_TENS}(?:[- ]{_ONES})?|{_TEENS}|oh[- ]{_ONES})"
    rf"|two thousand(?:(?: and)? {_ONES})?)"
)
_NUM = rf"(?:\d+|{_TENS}(?:[- ]{_ONES})?|{_TEENS}|{_ONES}|a|an|a few|several)"
_PART = r"(?:morning|afternoon|evening|night)"
_EDGE = r"(?:early|late|mid|earlier|later)"
_QUARTER_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"

COUNT_NOUNS = frozenset(
    "percent people troops soldiers men women children jobs shares workers employees miles "
    "feet meters metres tons points barrels units cars homes votes dollars yen pounds "
    "students members acres passengers police officers residents refugees deaths cases "
    "seats rooms ships planes aircraft guns rounds times pages words".split()
)
FUTURE_MARKERS = frozenset(
    "will 'll shall wo gonna would can may might must should tomorrow next upcoming "
    "scheduled slated".split()
)
FUTURE_IF_TO = frozenset(
    "expected expects expect due hopes hope aims aim set going intends intend plans plan "
    "planned planning".split()
)
PAST_IRREGULAR = frozenset(
    "was were had did said told rose fell took made came went got gave saw began became "
    "left met held won lost sold bought paid sent spent found thought brought struck led "
    "ran wrote spoke broke chose drove flew grew knew threw wore ate fought caught taught "
    "sought meant felt kept slept stood understood heard built sat shot fled ago earlier "
    "yesterday last".split()
)
PAST_IRREGULAR = PAST_IRREGULAR - {"last"} | frozenset("arrived rolled announced".split())
PRESENT_WORDS = frozenset("is are has have does do says say now".split())
NOT_PAST_ED = frozenset(
    "need feed seed speed bed red shed indeed proceed exceed breed succeed heed bleed embed "
    "hundred kindred sacred naked wicked ragged rugged preferred limited related based "
    "advanced detailed experienced supposed so-called united concerned interested listed "
    "skilled armed qualified married retired registered talented renewed".split()
)
PASSIVE_AUX = frozenset("be been being".split())
REPORTING_PAST = frozenset(
    "said told announced reported informed added stated noted declared disclosed".split()
)


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression found in a text: offsets, text, TIMEX3 value and grammar rule."""

    start: int
    end: int
    text: str
    value: str | None
    rule: str

    @property
    def date(self) -> str | None:
        """The value in the contract's ``YYYY[-MM[-DD]]`` shape, or None."""
        return contract_date(self.value)


@dataclass(slots=True)
class _Context:
    """What a resolver needs: the text, the anchor, tense and the last mentioned time."""

    text: str
    anchor: date | None
    tense_of: Callable[[int, int], Tense | None]
    ref: str | None = None
    refs: list[str] = field(default_factory=list)

    def remember(self, value: str | None) -> None:
        """Make a resolved calendar value the reference time for later expressions."""
        if value and value[:1].isdigit() and "X" not in value:
            self.ref = value
            self.refs.append(value)


Resolver = Callable[[re.Match[str], _Context], str | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver


# ---------------------------------------------------------------------------------------
# Calendar helpers


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


def contract_date(value: str | None) -> str | None:
    """Map a TIMEX3 value to ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (None if it does not fit).

    Days and times keep their date; weeks become the month of their Thursday, weekends
    the month of their Saturday; quarters, halves and seasons their year.
    """
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(-\d{2})?(-\d{2})?(T[\w:]+)?", value)
    if m:
        return m.group(1) + (m.group(2) or "") + (m.group(3) or "")
    m = re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", value)
    if m:
        weekday = 6 if m.group(3) else 4
        try:
            day = date.fromisocalendar(int(m.group(1)), int(m.group(2)), weekday)
        except ValueError:
            return None
        return f"{day.year:04d}-{day.month:02d}"
    m = re.fullmatch(r"(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI)", value)
    if m:
        return m.group(1)
    return None


def _day(d: date) -> str:
    """A day value, ``YYYY-MM-DD``."""
    return d.isoformat()


def _month(year: int, month: int) -> str:
    """A month value, ``YYYY-MM``."""
    return f"{year:04d}-{month:02d}"


def _week(d: date) -> str:
    """The ISO week value of a day, ``YYYY-Wnn``."""
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _quarter(d: date) -> str:
    """The quarter value of a day, ``YYYY-Qn``."""
    return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _number(word: str) -> int | None:
    """``12``, ``twelve``, ``twenty-one``, ``a`` → an int; vague counts → None."""
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    parts = re.split(r"[- ]", word)
    if all(p in UNITS_WORDS for p in parts) and len(parts) <= 2:
        return sum(UNITS_WORDS[p] for p in parts)
    return None


def _ordinal(word: str) -> int | None:
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
        return 2000 + ((_number(remainder) or 0) if remainder else 0)
    head, _, tail = words.replace("-", " ").partition(" ")
    century = UNITS_WORDS.get(head)
    last_two = _number(tail.removeprefix("oh ").strip())
    if century is None or last_two is None:
        return None
    return century * 100 + last_two


def _year_of(token: str) -> int | None:
    """A year written in digits or words."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    return _spoken_year(token)


def _month_of(token: str) -> int:
    """The number of a month name or abbreviation."""
    return MONTHS[token.lower().rstrip(".")]


# ---------------------------------------------------------------------------------------
# Direction: which occurrence of a repeating date (weekday, month, season) is meant


FORWARD_BIAS: dict[Tense | None, float] = {
    "present": 2.0,
    "reported": 3.0,
    "past": math.inf,
    None: 3.0,
}
WEEKDAY_FORWARD_TENSES: tuple[Tense, ...] = ("future", "present")


def _pick_year_for_month(month: int, day: int | None, anchor: date, tense: Tense | None) -> int:
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
    this_year = _safe_date(anchor.year, month, min(day, 29) if month == 2 else day)
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
    return _safe_date(d.year + years, d.month, d.day) or date(d.year + years, d.month, 28)


def _months_between(anchor: date, month: int, day: int | None, forward: bool) -> int:
    """Signed number of months from the anchor's month to the chosen ``month``."""
    delta = month - anchor.month
    if forward:
        if delta < 0 or (delta == 0 and day is not None and day < anchor.day):
            delta += 12
    elif delta > 0 or (delta == 0 and day is not None and day > anchor.day):
        delta -= 12
    return delta


def _weekday_date(weekday: int, anchor: date, tense: Tense | None, shift: str) -> date:
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


# ---------------------------------------------------------------------------------------
# Resolvers: one per rule; each returns a TIMEX3 value or None (no anchor / cannot tell)


def _g(m: re.Match[str], name: str) -> str:
    """A named group's text ('' when it did not take part in the match)."""
    if name not in m.re.groupindex:
        return ""
    return m.group(name) or ""


def _full_date(m: re.Match[str], ctx: _Context) -> str | None:
    """``Oct. 12, 1998``, ``12 October 1998``: an absolute day."""
    year = _year_of(_g(m, "year"))
    day = _ordinal(_g(m, "day"))
    if year is None or day is None:
        return None
    found = _safe_date(year, _month_of(_g(m, "mon")), day)
    return _day(found) if found else None


def _numeric_date(m: re.Match[str], ctx: _Context) -> str | None:
    """``1998-10-12``, ``10/12/1998``: an absolute day (US order)."""
    year = int(_g(m, "year"))
    if year < 100:
        year += 1900 if year >= 50 else 2000
    found = _safe_date(year, int(_g(m, "mon")), int(_g(m, "day")))
    return _day(found) if found else None


def _month_day(m: re.Match[str], ctx: _Context) -> str | None:
    """``Oct. 12``, ``3 October``: a day whose year the anchor and tense give."""
    if ctx.anchor is None:
        return None
    month = _month_of(_g(m, "mon"))
    day = _ordinal(_g(m, "day"))
    if day is None:
        return None
    shift = _g(m, "shift").lower()
    if "coming" in shift or shift == "next":
        tense: Tense | None = "future"
    elif "past" in shift or shift == "last":
        tense = "past"
    else:
        tense = ctx.tense_of(m.start(), m.end())
    year = _pick_year_for_month(month, day, ctx.anchor, tense)
    found = _safe_date(year, month, day)
    return _day(found) if found else None


def _month_year(m: re.Match[str], ctx: _Context) -> str | None:
    """``August 1988``: an absolute month."""
    year = _year_of(_g(m, "year"))
    if year is None:
        return None
    return _month(year, _month_of(_g(m, "mon")))


def _month_rel_year(m: re.Match[str], ctx: _Context) -> str | None:
    """``January this year``, ``June last year``."""
    if ctx.anchor is None:
        return None
    shift = {"this": 0, "last": -1, "next": 1}[_g(m, "rel").lower()]
    return _month(ctx.anchor.year + shift, _month_of(_g(m, "mon")))


def _month_only(m: re.Match[str], ctx: _Context) -> str | None:
    """``December``, ``last November``, ``early March``: a month near the anchor."""
    if ctx.anchor is None:
        return None
    month = _month_of(_g(m, "mon"))
    shift = _g(m, "shift").lower()
    year = ctx.anchor.year
    if shift in ("last", "this past"):
        year = year if month < ctx.anchor.month else year - 1
    elif shift in ("next", "this coming"):
        year = year if month > ctx.anchor.month else year + 1
    elif shift != "this":
        year = _pick_year_for_month(month, None, ctx.anchor, ctx.tense_of(m.start(), m.end()))
    return _month(year, month)


def _year_only(m: re.Match[str], ctx: _Context) -> str | None:
    """``1998``, ``fiscal 1989``, ``mid-1996``, ``the second half of 1989``."""
    year = _year_of(_g(m, "year"))
    if year is None:
        return None
    half = _g(m, "half").lower()
    if half:
        return f"{year:04d}-H{1 if half.startswith(('first', 'early')) else 2}"
    return f"{year:04d}"


def _century(m: re.Match[str], ctx: _Context) -> str | None:
    """``the 20th century`` gives ``19``."""
    number = _ordinal(_g(m, "n"))
    return f"{number - 1:02d}" if number else None


def _relative_day(m: re.Match[str], ctx: _Context) -> str | None:
    """``today``, ``yesterday``, ``tomorrow``, ``tonight``."""
    if ctx.anchor is None:
        return None
    word = _g(m, "word").lower()
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(word)
    if word.startswith("the day before"):
        offset = -2
    elif word.startswith("the day after"):
        offset = 2
    assert offset is not None
    value = _day(ctx.anchor + timedelta(days=offset))
    part = _g(m, "part").lower() or ("tonight" if word == "tonight" else "")
    return _with_part(value, part)


def _weekday(m: re.Match[str], ctx: _Context) -> str | None:
    """``Tuesday``, ``last Friday``, ``next Monday``, ``Monday's``."""
    if ctx.anchor is None:
        return None
    shift = _g(m, "shift").lower()
    if "coming" in shift:
        shift = "next"
    elif "past" in shift:
        shift = "last"
    elif shift not in ("last", "next"):
        shift = ""
    tense = ctx.tense_of(m.start(), m.end()) if not shift else None
    if ctx.text[m.end() : m.end() + 2] in ("'s", "’s"):
        tense = "past"
    found = _weekday_date(WEEKDAYS[_g(m, "wd").lower()], ctx.anchor, tense, shift)
    part = _g(m, "part").lower()
    return _with_part(_day(found), part)


def _with_part(day: str, part: str) -> str:
    """A day with a part of the day: TIMEX3 allows ``1998-10-23TNI``, but newswire gold
    mostly keeps the plain date for "Friday night", so the part is only kept when
    ``KEEP_PART_OF_DAY`` is set."""
    if part and KEEP_PART_OF_DAY:
        return day + PARTS_OF_DAY[part]
    return day


def _unit_value(anchor: date, unit: str, offset: int) -> str:
    """The calendar unit (year, quarter, month, week, day) ``offset`` units from the anchor."""
    if unit == "year":
        return f"{anchor.year + offset:04d}"
    if unit == "month":
        return _month(*_add_months(anchor.year, anchor.month, offset))
    if unit == "quarter":
        year, month = _add_months(anchor.year, anchor.month, 3 * offset)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "week":
        return _week(anchor + timedelta(weeks=offset))
    if unit == "day":
        return _day(anchor + timedelta(days=offset))
    if unit == "decade":
        return f"{(anchor.year + 10 * offset) // 10:03d}X"
    return f"{anchor.year + offset:04d}"


def _year_end(m: re.Match[str], ctx: _Context) -> str | None:
    """``year-end``, ``the end of the year``: the anchor's year."""
    if ctx.anchor is None:
        return None
    return f"{ctx.anchor.year:04d}"


def _ago(m: re.Match[str], ctx: _Context) -> str | None:
    """``three years ago``, ``a year earlier``, ``two weeks later``."""
    if ctx.anchor is None:
        return None
    count = _number(_g(m, "n"))
    unit = _g(m, "unit").lower().rstrip("s")
    direction = _g(m, "dir").lower()
    sign = 1 if direction in ("later", "from now", "hence", "after") else -1
    if count is None:
        return "PAST_REF" if sign < 0 and direction == "ago" else None
    base = ctx.anchor
    quarter = next((v for v in reversed(ctx.refs) if "-Q" in v), None)
    if unit == "year" and quarter and direction in ("ago", "earlier", "before"):
        return _shift_value(quarter, "year", -count)
    if direction in ("earlier", "later", "before", "after") and ctx.ref and unit != "year":
        return _shift_value(ctx.ref, unit, sign * count) or _unit_value(base, unit, sign * count)
    if unit == "decade":
        return _unit_value(base, "year", -10 * count)
    return _unit_value(base, unit, sign * count)


def _shift_value(value: str, unit: str, offset: int) -> str | None:
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
            y, mo = _add_months(year, base.month, offset)
            shifted = _safe_date(y, mo, min(base.day, 28))
            return _day(shifted) if shifted else None
        return _day(base + timedelta(days=offset * (7 if unit == "week" else 1)))
    if m.group(2) and unit == "month":
        return _month(*_add_months(year, int(m.group(2)), offset))
    return None


def _quarter_named(m: re.Match[str], ctx: _Context) -> str | None:
    """``the third quarter``, ``fourth-quarter``, ``the first quarter of 1990``."""
    number = _ordinal(_g(m, "q"))
    if number is None or not 1 <= number <= 4:
        return None
    explicit = _g(m, "year")
    if explicit:
        return f"{int(explicit):04d}-Q{number}"
    if ctx.anchor is None:
        return None
    owner = _g(m, "owner").lower()
    year = ctx.anchor.year
    if owner.startswith("last"):
        year -= 1
    elif owner.startswith("next"):
        year += 1
    elif not owner.startswith("this") and number > (ctx.anchor.month - 1) // 3 + 1:
        if (
            ctx.tense_of(m.start(), m.end()) in LOOKING_BACK
            or number - 1 > (ctx.anchor.month - 1) // 3 + 1
        ):
            year -= 1
    return f"{year:04d}-Q{number}"


def _half_named(m: re.Match[str], ctx: _Context) -> str | None:
    """``the first half``, ``the second half of 1989``."""
    number = 1 if _g(m, "h").lower() == "first" else 2
    explicit = _g(m, "year")
    if explicit:
        return f"{int(explicit):04d}-H{number}"
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year
    if _g(m, "rel").lower() == "last":
        year -= 1
    elif _g(m, "rel").lower() == "next":
        year += 1
    elif number == 2 and ctx.anchor.month <= 6 and ctx.tense_of(m.start(), m.end()) in LOOKING_BACK:
        year -= 1
    return f"{year:04d}-H{number}"


def _the_quarter(m: re.Match[str], ctx: _Context) -> str | None:
    """``the quarter``, ``the latest quarter``: the quarter last mentioned, else the last one."""
    if ctx.anchor is None:
        return None
    word = _g(m, "which").lower()
    if _g(m, "mon"):
        # "the quarter ended Sept. 30": the calendar quarter holding most of its months
        month = _month_of(_g(m, "mon"))
        year = _pick_year_for_month(month, None, ctx.anchor, "past")
        middle = _add_months(year, month, -1)
        return f"{middle[0]:04d}-Q{(middle[1] - 1) // 3 + 1}"
    if word == "current":
        return _quarter(ctx.anchor)
    if (
        word in ("latest", "most recent", "recent", "just-ended", "just ended")
        or "latest" in m.group(0).lower()
    ):
        return _unit_value(ctx.anchor, "quarter", -1)
    for value in reversed(ctx.refs):
        if "-Q" in value:
            return value
    return _unit_value(ctx.anchor, "quarter", -1)


def _year_earlier_period(m: re.Match[str], ctx: _Context) -> str | None:
    """``the year-earlier quarter``, ``year-ago``: the reference period a year before."""
    if ctx.anchor is None:
        return None
    explicit = _g(m, "year")
    for value in reversed(ctx.refs):
        if "-Q" in value or "-H" in value:
            shifted = value if explicit else _shift_value(value, "year", -1)
            if explicit and shifted:
                shifted = explicit + shifted[4:]
            return shifted
    if explicit:
        return explicit
    return _unit_value(ctx.anchor, "quarter", -5)


def _that_unit(m: re.Match[str], ctx: _Context) -> str | None:
    """``that day``, ``the same year``, ``the following month``: from the last mention."""
    unit = _g(m, "unit").lower()
    rel = _g(m, "rel").lower()
    offset = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(rel, 0)
    ref = ctx.ref
    if ref is None:
        return None
    granularity = {"day": 10, "month": 7, "year": 4}[unit]
    if len(ref) < granularity or not re.fullmatch(r"\d{4}(-\d{2}){0,2}", ref[:granularity]):
        return None
    base = ref[:granularity]
    return _shift_value(base, unit, offset) if offset else base


def _season(m: re.Match[str], ctx: _Context) -> str | None:
    """``last fall``, ``this summer``, ``the winter of 1998``."""
    season = SEASONS[_g(m, "season").lower()]
    explicit = _g(m, "year")
    if explicit:
        return f"{int(explicit):04d}-{season}"
    if ctx.anchor is None:
        return None
    shift = _g(m, "shift").lower()
    shift = (
        "last"
        if shift in ("last", "this past", "past")
        else "next"
        if "next" in shift or "coming" in shift
        else ""
    )
    if _g(m, "shift").lower() == "this":
        year = ctx.anchor.year - (1 if season == "WI" and ctx.anchor.month < 3 else 0)
        return f"{year:04d}-{season}"
    tense = ctx.tense_of(m.start(), m.end()) if not shift else None
    return f"{_season_year_simple(season, ctx.anchor, shift, tense):04d}-{season}"


def _season_year_simple(season: str, anchor: date, shift: str, tense: Tense | None) -> int:
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
    year, month = _add_months(start.year, start.month, 3)
    return date(year, month, 1)


# ---------------------------------------------------------------------------------------
# The grammar. Longer matches win; on equal length, the earlier rule wins.


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile one grammar pattern."""
    return re.compile(pattern, flags)


_I = re.IGNORECASE
_MOD = rf"(?:(?:the\s+)?(?:very\s+)?(?:{_EDGE}|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)"
_SHIFT_WD = r"(?:(?P<shift>last|next|this(?:\s+(?:coming|past))?|early|late|earlier|later)\s+)"

RULES: tuple[_Rule, ...] = (
    _Rule(
        "full_date",
        _rx(
            rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<mon>{_MONTH})\s+(?P<day>{_DAY}|{_ORDWORD})"
            rf",?\s+(?:(?:in|of)\s+)?(?P<year>{_YEAR}|{_SPOKEN_YEAR})\b(?!\s*(?:%|percent))"
        ),
        _full_date,
    ),
    _Rule(
        "full_date_dmy",
        _rx(
            rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAY}|{_ORDWORD})\s+(?:of\s+)?"
            rf"(?P<mon>{_MONTH}),?\s+(?P<year>{_YEAR}|{_SPOKEN_YEAR})\b"
        ),
        _full_date,
    ),
    _Rule("iso_date", _rx(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"), _numeric_date),
    _Rule(
        "us_date",
        _rx(
            r"(?<![\d/])(?P<mon>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>\d{4}|\d{2})(?![\d/])"
        ),
        _numeric_date,
    ),
    _Rule(
        "month_day",
        _rx(
            rf"\b(?:(?P<shift>[Tt]his coming|[Tt]his past|[Tt]his|[Nn]ext|[Ll]ast)\s+)?"
            rf"(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s+(?P<day>{_DAY}|{_ORDWORD})\b"
            rf"(?!\s*(?:%|percent|,\s*\d|\d|-\w))"
        ),
        _month_day,
    ),
    _Rule(
        "day_month",
        _rx(
            rf"\b(?:(?P<shift>[Tt]his coming|[Tt]his past|[Tt]his|[Nn]ext|[Ll]ast)\s+)?"
            rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAY}|{_ORDWORD})\s+(?:of\s+)?(?P<mon>{_MONTH})(?!\w)"
        ),
        _month_day,
    ),
    _Rule(
        "month_year",
        _rx(
            rf"\b(?:{_MOD})?(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?:the\s+year\s+)?"
            rf"(?P<year>{_YEAR}|{_SPOKEN_YEAR})\b(?!\s*(?:%|percent))"
        ),
        _month_year,
    ),
    _Rule(
        "month_rel_year",
        _rx(
            rf"\b(?:{_MOD})?(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b",
            _I,
        ),
        _month_rel_year,
    ),
    _Rule(
        "month_shift",
        _rx(
            rf"\b(?:{_MOD}|(?P<shift>[Ll]ast|[Nn]ext|[Tt]his(?:\s+(?:coming|past))?)\s+)"
            rf"(?P<mon>{_MONTH})(?![\w'])"
        ),
        _month_only,
    ),
    _Rule("month_bare", _rx(rf"\b(?P<mon>{_MONTH})(?!\w|'(?!s\b))"), _month_only),
    _Rule(
        "week_of",
        _rx(rf"\b(?:the\s+)?week\s+of\s+(?P<mon>{_MONTH})\s+(?P<day>{_DAY}|{_ORDWORD})\b"),
        lambda m, ctx: _week_of(m, ctx),
    ),
    _Rule(
        "the_year",
        _rx(
            r"\b(?:(?:earlier|later)\s+in\s+)?the\s+(?P<q>full|fiscal|current\s+fiscal|calendar|"
            r"current\s+calendar|latest\s+fiscal|previous\s+fiscal|previous|prior|same)?\s*year\b"
            r"(?!['’-]|\s+(?:ago|earlier|before|later|after|of|to|in\s+which|when)\b)",
            _I,
        ),
        lambda m, ctx: _the_year(m, ctx),
    ),
    _Rule(
        "holiday",
        _rx(
            r"\b(?P<h>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|"
            r"Independence\s+Day|Halloween|Valentine's\s+Day|Labor\s+Day|Memorial\s+Day)"
            r"(?!\s+(?:holiday|weekend|season|shopping|sales|parade|dinner|tree|cards?|gifts?)\b)"
        ),
        lambda m, ctx: _holiday(m, ctx),
    ),
    _Rule(
        "half_year",
        _rx(
            rf"\b(?:the\s+)?(?:(?P<rel>last|next|this)\s+year'?s\s+)?(?P<h>first|second|last)"
            rf"[\s-]half(?:\s+of\s+(?:(?:the|this)\s+year|(?:fiscal\s+)?(?P<year>{_YEAR})))?\b",
            _I,
        ),
        _half_named,
    ),
    _Rule(
        "year",
        _rx(
            rf"(?:\b{_MOD}|\b(?:fiscal|calendar|model)\s+(?:year\s+)?|\b(?:the\s+)?year\s+|"
            rf"\bpost-|\bpre-|\bthe\s+(?P<half>first|second|last)\s+half\s+of\s+(?:fiscal\s+)?)?"
            rf"(?<![\d,.$£€#/])(?P<year>{_YEAR})(?![\d%/]|[.,]\d|-\d|\s*(?:%|percent))\b"
            rf"(?!'?s\b)",
            _I,
        ),
        _year_only,
    ),
    _Rule(
        "spoken_year",
        _rx(
            rf"\b(?:the\s+year\s+)?(?P<year>{_SPOKEN_YEAR})\b(?!\s+(?:hundred|thousand|million))",
            _I,
        ),
        _year_only,
    ),
    _Rule(
        "decade",
        _rx(
            rf"\b(?:the\s+)?(?:{_EDGE}[\s-]+|mid-)?(?:(?P<cent>1[6-9]|20)(?P<dec>[0-9]0)'?s\b|"
            rf"'(?P<dec2>[0-9]0)s\b)",
            _I,
        ),
        lambda m, ctx: _decade_any(m, ctx),
    ),
    _Rule(
        "century",
        _rx(r"\b(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)[\s-]century\b", _I),
        _century,
    ),
    _Rule(
        "relative_day",
        _rx(
            rf"\b(?:(?:{_EDGE})\s+)?(?P<word>today|tonight|yesterday|tomorrow|"
            rf"the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow))\b"
            rf"(?:\s+(?P<part>{_PART}))?",
            _I,
        ),
        _relative_day,
    ),
    _Rule(
        "weekday",
        _rx(
            rf"\b{_SHIFT_WD}?(?P<wd>{_WEEKDAY})(?:\s+(?P<part>{_PART}))?\b(?!,?\s+{_MONTH})",
        ),
        _weekday,
    ),
    _Rule(
        "weekday_lower_shift",
        _rx(
            rf"\b(?P<shift>[Ll]ast|[Nn]ext|[Tt]his(?:\s+(?:coming|past))?|[Ee]arly|[Ll]ate|"
            rf"[Ee]arlier|[Ll]ater)\s+(?P<wd>{_WEEKDAY})(?:\s+(?P<part>{_PART}))?\b"
        ),
        _weekday,
    ),
    _Rule(
        "this_unit",
        _rx(
            rf"\b(?:{_MOD})?(?P<rel>this|last|next|the\s+coming|the\s+current|this\s+coming|"
            rf"this\s+past|the\s+previous|the)\s+(?P<unit>year|month|week|weekend|quarter)\b"
            rf"(?!['’]s\s+(?:end|close))(?!-)",
            _I,
        ),
        lambda m, ctx: _this_unit_filtered(m, ctx),
    ),
    _Rule(
        "year_end",
        _rx(
            r"\b(?:(?:around|at|by|until|before)\s+)?(?:the\s+)?(?:year[\s-]end|year's\s+end"
            r"|end\s+of\s+(?:the|this)\s+year)\b(?!-)",
            _I,
        ),
        _year_end,
    ),
    _Rule(
        "ago",
        _rx(
            rf"\b(?:(?:about|nearly|almost|more\s+than|less\s+than|some|roughly|just|only|"
            rf"over|at\s+least|exactly|barely)\s+)?(?P<n>{_NUM})(?:\s+or\s+so)?\s+"
            rf"(?P<unit>years?|months?|weeks?|days?|decades?|quarters?)(?:\s+or\s+so)?\s+"
            rf"(?P<dir>ago|earlier|later|before|from\s+now|hence)\b",
            _I,
        ),
        _ago,
    ),
    _Rule(
        "quarter",
        _rx(
            rf"\b(?:(?:the|its|their|a|an)\s+(?:\w+\s+)??)?(?:(?P<owner>this|last|next)\s+year'?s\s+)?"
            rf"(?:(?P<qyear>{_YEAR})\s+)?(?:fiscal[\s-]+)?(?P<q>{_QUARTER_ORD})[\s-]+"
            rf"(?:fiscal[\s-]+)?(?:-?period|quarter)(?:\s+of\s+(?:fiscal\s+)?(?P<year>{_YEAR}))?\b",
            _I,
        ),
        lambda m, ctx: _quarter_with_year(m, ctx),
    ),
    _Rule(
        "the_quarter",
        _rx(
            r"\b(?:the|its)\s+(?P<which>latest|current|most\s+recent|recent|just-ended|"
            r"just\s+ended|same)?\s*(?:fiscal\s+)?(?P<xe>quarter)\b(?!s)(?!\s+(?:of|a\s+year))"
            rf"(?:\s+end(?:ed|ing)\s+(?P<mon>{_MONTH})\s+(?P<day>{_DAY}))?",
            _I,
        ),
        _the_quarter,
    ),
    _Rule(
        "latest_period",
        _rx(r"\bthe\s+latest\s+(?:period|three\s+months)\b", _I),
        _the_quarter,
    ),
    _Rule(
        "year_earlier_period",
        _rx(
            rf"\b(?:the\s+)?(?:year[\s-](?:earlier|ago)|(?P<year>{_YEAR}))\s+"
            rf"(?:(?:first|second|third|fourth)\s+)?(?:period|quarter)\b"
            rf"|\b[Yy]ear-(?:earlier|ago)\b|\bthe\s+quarter\s+a\s+year\s+(?:ago|earlier)\b",
        ),
        _year_earlier_period,
    ),
    _Rule(
        "that_unit",
        _rx(
            r"\b(?:(?:earlier|later)\s+)?(?:that|the\s+(?P<rel>same|following|next|previous|"
            r"preceding)|that\s+same)\s+(?P<unit>day|month|year)\b",
            _I,
        ),
        _that_unit,
    ),
    _Rule(
        "season",
        _rx(
            r"\b(?:(?P<shift>last|next|this(?:\s+(?:past|coming))?|early|late|the|in)\s+)"
            r"(?P<season>spring|summer|fall|autumn|winter)\b(?!\s+(?:of\s+)?(?:19|20)\d\d)"
            r"(?!\s+(?:collection|season|olympics|games|school|camp|break|vacation|"
            r"festival|semester|term|wheat|months)\b)",
            _I,
        ),
        lambda m, ctx: _season_filtered(m, ctx),
    ),
    _Rule(
        "season_year",
        _rx(
            rf"\b(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+(?:of\s+)?"
            rf"(?P<year>{_YEAR})\b",
            _I,
        ),
        _season,
    ),
    _Rule(
        "present_ref",
        _rx(
            r"\b(?:right\s+now|now|currently|at\s+present|at\s+the\s+moment|these\s+days|"
            r"nowadays|(?:(?:the|its|his|her|their|our)\s+|\b(?=current\s+[a-z]))(?P<x>current)(?!\s+(?:account|quarter|year|"
            r"month|week|fiscal|period|dollars?|prices?|assets|liabilities|yield|rate|session))"
            r"|then[\s-]current)\b(?!\s+that\b)",
            _I,
        ),
        lambda m, ctx: _present_ref(m, ctx),
    ),
    _Rule(
        "past_ref",
        _rx(
            r"\b(?:recently|lately|in\s+(?P<past>the\s+past)(?!\s+(?:\w+\s+)?(?:years?|months?|"
            r"weeks?|days?|decades?))|(?:in\s+)?recent\s+(?:days|weeks|months|years|times)|"
            r"recently|recent(?=\s+[a-zA-Z]))\b",
            _I,
        ),
        lambda m, ctx: _past_ref(m, ctx),
    ),
    _Rule(
        "future_ref",
        _rx(
            r"\b(?:(?:the|in)\s+(?:near\s+|foreseeable\s+|distant\s+)?future|"
            r"the\s+(?:near|short)\s+term|in\s+(?:the\s+)?coming\s+(?:days|weeks|months|years)|"
            r"a\s+later\s+date|(?<!as\s)soon(?!\s+(?:as|after|afterwards?|thereafter)\b)(?!-)|"
            r"(?<![-\w])future(?=\s+[a-z]))\b",
            _I,
        ),
        lambda m, ctx: _future_ref(m, ctx),
    ),
)


def _week_of(m: re.Match[str], ctx: _Context) -> str | None:
    """``the week of March 6``: the ISO week holding that day."""
    day_value = _month_day(m, ctx)
    return _week(date.fromisoformat(day_value)) if day_value else None


def _the_year(m: re.Match[str], ctx: _Context) -> str | None:
    """``the fiscal year``, ``the full year``, ``earlier in the year``: the anchor's year."""
    which = re.sub(r"\s+", " ", _g(m, "q").lower())
    if which == "same":
        return ctx.ref[:4] if ctx.ref else None
    if ctx.anchor is None:
        return None
    if which in ("latest fiscal", "previous fiscal", "previous", "prior"):
        return f"{ctx.anchor.year - 1:04d}"
    return f"{ctx.anchor.year:04d}"


FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
}


def _holiday_date(name: str, year: int) -> date:
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


def _holiday(m: re.Match[str], ctx: _Context) -> str | None:
    """``Thanksgiving``, ``Christmas``: the occurrence the tense points to."""
    if ctx.anchor is None:
        return None
    name = _g(m, "h")
    this_year = _holiday_date(name, ctx.anchor.year)
    tense = ctx.tense_of(m.start(), m.end())
    year = _pick_year_for_month(this_year.month, this_year.day, ctx.anchor, tense)
    return _day(_holiday_date(name, year))


def _decade_any(m: re.Match[str], ctx: _Context) -> str | None:
    """``the 1990s``, ``the '80s``: ``199X``, ``198X``."""
    if m.group("dec2"):
        digits = m.group("dec2")
        prefix = "19" if ctx.anchor is None or int(digits) > ctx.anchor.year % 100 else "20"
        return f"{prefix}{digits[0]}X"
    return f"{_g(m, 'cent')}{_g(m, 'dec')[0]}X"


def _quarter_with_year(m: re.Match[str], ctx: _Context) -> str | None:
    """A named quarter, with a year before it (``the 1988 third quarter``)."""
    qyear = _g(m, "qyear")
    value = _quarter_named(m, ctx)
    if value and qyear and not _g(m, "year"):
        return qyear + value[4:]
    return value


def _this_unit_filtered(m: re.Match[str], ctx: _Context) -> str | None:
    """``this year``, ``last month``, ``next week``, ``the weekend``, ``the end of the month``."""
    rel = re.sub(r"\s+", " ", _g(m, "rel").lower()).removeprefix("the ").strip()
    unit = _g(m, "unit").lower()
    if ctx.anchor is None:
        return None
    if unit == "weekend":
        offset = RELATIVE_OFFSETS.get(rel) if rel not in ("this", "the") else None
        return _weekend(ctx.anchor, offset, ctx.tense_of(m.start(), m.end()))
    return _unit_value(ctx.anchor, unit, RELATIVE_OFFSETS.get(rel, 0))


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


def _weekend(anchor: date, offset: int | None, tense: Tense | None) -> str:
    """The ISO week of a weekend (``1990-W32-WE``); ``offset`` None = "the weekend":
    the current one on a weekend, else the next or the last one by tense."""
    if offset is None:
        if anchor.weekday() >= 5:
            return _week(anchor) + "-WE"
        offset = 1 if tense == "future" else -1
    saturday = anchor + timedelta(days=5 - anchor.weekday())
    if offset < 0:
        saturday -= timedelta(days=7)
    elif offset > 0 and anchor.weekday() >= 5:
        saturday += timedelta(days=7)
    return _week(saturday) + "-WE"


def _season_filtered(m: re.Match[str], ctx: _Context) -> str | None:
    """A season, unless it is capitalised after a determiner (a name)."""
    shift = _g(m, "shift").lower()
    if shift in ("early", "late", "the", "in") and _g(m, "season")[0].isupper():
        return None
    return _season(m, ctx)


def _present_ref(m: re.Match[str], ctx: _Context) -> str | None:
    """ "now", "currently", "current" → PRESENT_REF; "then-current" → PAST_REF."""
    return "PAST_REF" if m.group(0).lower().startswith("then") else "PRESENT_REF"


def _past_ref(m: re.Match[str], ctx: _Context) -> str | None:
    """``recently``, ``in the past``: PAST_REF."""
    return "PAST_REF"


def _future_ref(m: re.Match[str], ctx: _Context) -> str | None:
    """``soon``, ``the future``, ``in coming months``: FUTURE_REF."""
    return "FUTURE_REF"


# ---------------------------------------------------------------------------------------
# Tense of the clause around an expression


def regex_tense(text: str, start: int, end: int, sentence: tuple[int, int]) -> Tense | None:
    """The tense of the clause around ``text[start:end]``, from function words alone.

    A preposition right before the expression can settle it ("until", "by", "payable",
    "as early as" look forward; "since" looks back). Otherwise the tensed word nearest to
    the expression in its clause (to the right, only up to the next comma) decides:
    "will", "'ll", modals, "to be", "plans to", "scheduled" → future; reporting verbs
    ("said", "announced") → reported; other past forms ("was", "rose", "-ed" outside the
    passive) → past; "is"/"are"/"has" → present.
    """
    s_start, s_end = sentence
    left = text[s_start:start]
    right = text[end:s_end]
    cue = _preposition_cue(left)
    if cue is not None:
        return cue
    clause_left = _CLAUSE_BREAK.split(left)[-1]
    clause_right = re.split(r",|;|:|\s(?:but|while)\s", right)[0]
    words_left = re.findall(r"[A-Za-z']+", clause_left)
    words_right = re.findall(r"[A-Za-z']+", clause_right)
    words = words_left + words_right
    ranked = [(len(words_left) - i, 0, i) for i in range(len(words_left))]
    ranked += [(i + 1, 1, len(words_left) + i) for i in range(len(words_right))]
    for _, _, i in sorted(ranked):
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        previous = words[i - 1].lower() if i > 0 else ""
        kind = _word_tense(words[i], following, previous)
        if kind:
            return kind
    return None


_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:but|and|while|although|though|which|who)\s|\s(?:but|while)\s"
)
_FORWARD_CUE = re.compile(
    r"\b(?:until|till|by|as\s+(?:early|soon)\s+as|no\s+later\s+than|payable|of\s+record|"
    r"extended\s+(?:to|until|through)|expires?|due|scheduled\s+for|deadline\s+of|"
    r"starting|beginning|effective)\s+(?:(?:the|early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)
_BACKWARD_CUE = re.compile(r"\b(?:since|ago)\s+(?:(?:the|early|late|mid)[\s-]+)?$", re.IGNORECASE)


def _preposition_cue(left: str) -> Tense | None:
    """ "until Tuesday" looks forward (not "Until Tuesday, they had …"); "since" looks back."""
    tail = left[-40:]
    if _FORWARD_CUE.search(tail) and not re.fullmatch(r"\W*[Uu]ntil\s+", tail[-8:].lstrip()):
        return "future"
    if _BACKWARD_CUE.search(tail):
        return "past"
    return None


def _word_tense(word: str, following: str, previous: str = "") -> Tense | None:
    """The tense a single word marks, if any (its neighbours disambiguate "plans to")."""
    lower = word.lower()
    if lower.endswith("ed") or lower in PAST_IRREGULAR:
        if previous in PASSIVE_AUX:
            return None
        if previous in ("is", "are", "am"):
            return "present"
    if lower == "next" and following == "to":
        return None
    if lower == "be" and previous == "to":
        return "future"
    if lower in FUTURE_MARKERS or (lower in FUTURE_IF_TO and following in ("to", "for")):
        return "future"
    if lower in REPORTING_PAST:
        return "reported"
    if lower in PAST_IRREGULAR or (
        lower.endswith("ed") and len(lower) > 4 and lower not in NOT_PAST_ED and word[0].islower()
    ):
        return "past"
    if lower in PRESENT_WORDS:
        return "present"
    return None


def parse_tense(token: Token) -> Tense | None:
    """The tense of the verb governing ``token`` in a spaCy parse."""
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        verb = verb.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "shall", "wo"}:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in (
        "expect",
        "schedule",
        "plan",
        "set",
        "hope",
        "intend",
        "aim",
    ):
        return "future"
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if "VBD" in tags or (verb.tag_ == "VBN" and words & {"has", "have", "had"}):
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return None


# ---------------------------------------------------------------------------------------
# Sentences


_ABBREVIATIONS = (
    "mr mrs ms dr st jr sr inc corp co ltd no vs gen gov sen rep lt col capt sgt prof "
    "jan feb mar apr aug sep sept oct nov dec u.s u.n u.k a.m p.m e.g i.e"
).split()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences: a full stop, ? or ! before a capital, or a blank line."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n", text):
        before = text[max(start, m.start() - 6) : m.start()].lower()
        word = re.split(r"[\s(\"']", before)[-1]
        if m.group(0)[0] == "." and (word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word)):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [s for s in spans if text[s[0] : s[1]].strip()]


# ---------------------------------------------------------------------------------------
# Matching


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Every match of every rule: ``(start, end, rule index, match)``."""
    found: list[tuple[int, int, int, re.Match[str]]] = []
    for priority, rule in enumerate(RULES):
        for m in rule.pattern.finditer(text):
            start, end = _extent(m)
            if end > start:
                found.append((start, end, priority, m))
    return found


def _extent(m: re.Match[str]) -> tuple[int, int]:
    """The characters a match covers: group ``x`` when the rule marks the expression with
    one, or from the match start to the end of group ``xe`` (context read past its end)."""
    if "x" in m.re.groupindex and m.group("x"):
        return m.span("x")
    start, end = m.span()
    if "xe" in m.re.groupindex and m.group("xe"):
        end = m.end("xe")
    lead = _LEADING_WORDS.match(m.string, start, end)
    if lead and lead.end() < end:
        start = lead.end()
    return start, end


# Words TIMEX3 leaves outside an expression: prepositions, and an article before an
# adjectival "third-quarter".
_LEADING_WORDS = re.compile(
    r"(?:in|by|at|until|before)\s+|(?:an?|the|its|their)\s+(?=(?:\w+\s+)?\w+-(?:quarter|period)\b)",
    re.IGNORECASE,
)


def _select(found: list[tuple[int, int, int, re.Match[str]]]) -> list[tuple[int, re.Match[str]]]:
    """Longest matches first, earlier rules on ties; no two chosen matches overlap."""
    chosen: list[tuple[int, int, int, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for start, end, priority, m in sorted(found, key=lambda f: (-(f[1] - f[0]), f[2], f[0])):
        if any(start < e and s < end for s, e in taken):
            continue
        chosen.append((start, end, priority, m))
        taken.append((start, end))
    chosen.sort(key=lambda c: c[0])
    return [(priority, m) for _, _, priority, m in chosen]


AMBIGUOUS_MONTHS = frozenset("may march jan mar dec sept sep oct nov feb apr aug".split())
_MONTH_CUE = re.compile(
    r"\b(?:in|since|until|till|by|from|to|through|during|of|before|after|early|late|mid|and|"
    r"or|between|last|this|next|for|on|that|each|every|the)[\s-]*$"
)
_MAY_CUE = re.compile(r"\b(?:in|since|until|by|of|last|this|next|early|late)\s*$")


def _month_is_time(m: re.Match[str], text: str) -> bool:
    """Whether a matched month name is a month (not the verb "may", "march", a name).

    Month names must be capitalised (not shouted, unless the whole text is); a bare
    "May", "March" or abbreviation needs a preposition or determiner before it, and
    "May" followed by a lower-case word needs a strong one ("in May the …").
    """
    token = _g(m, "mon")
    if not token:
        return True
    if token[0].islower() or (token.isupper() and len(token) > 3 and not text.isupper()):
        return False
    word = token.lower().rstrip(".")
    if word not in AMBIGUOUS_MONTHS or m.re is not RULES_BY_NAME["month_bare"].pattern:
        return True
    before = text[max(0, m.start() - 20) : m.start()].lower()
    if not _MONTH_CUE.search(before):
        return False
    after = text[m.end() : m.end() + 3]
    return not (word == "may" and re.match(r"\s+[a-z]", after) and not _MAY_CUE.search(before))


_BARE_ABBREVIATION = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")


def _valid(rule: _Rule, m: re.Match[str], text: str) -> bool:
    """Cheap context checks that reject matches which are not time expressions."""
    if not _month_is_time(m, text):
        return False
    if rule.name == "year":
        after = text[m.end() : m.end() + 20].lower()
        next_word = re.match(r"\s*([a-z]+)", after)
        if next_word and next_word.group(1) in COUNT_NOUNS:
            return False
        before = text[max(0, m.start() - 3) : m.start()]
        if re.search(r"[$#]\s*$|No\.\s*$", before):
            return False
    if rule.name == "this_unit" and _g(m, "rel").lower() == "the":
        if _g(m, "unit").lower() != "weekend" and not re.match(rf"{_MOD}", m.group(0), _I):
            return False
    if rule.name == "this_unit" and re.fullmatch(r"This\s+Week", m.group(0)):
        return False
    if rule.name == "month_bare" and _BARE_ABBREVIATION.fullmatch(_g(m, "mon")):
        return False
    if rule.name == "month_bare" and _g(m, "mon").lower().rstrip(".") not in (
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "sept", "jan", "feb", "aug",
        "oct", "nov", "dec", "apr",
    ):  # fmt: skip
        return False
    return True


RULES_BY_NAME: dict[str, _Rule] = {r.name: r for r in RULES}
DERIVED_RULES = frozenset({"ago", "year_earlier_period", "that_unit", "the_quarter"})


def _sentence_index(sentences: Sequence[tuple[int, int]], position: int) -> int:
    """The index of the sentence holding ``position``."""
    for i, (s, e) in enumerate(sentences):
        if s <= position < e:
            return i
    return max(0, len(sentences) - 1)


def find_timexes(
    text: str,
    anchor: str | date | None,
    sentences: Sequence[tuple[int, int]] | None = None,
    tense: Callable[[int, int], Tense | None] | None = None,
) -> list[Timex]:
    """All time expressions of ``text`` with their TIMEX3 values, in text order.

    ``anchor`` is the document creation time; ``sentences`` are character spans (split
    here when not given); ``tense`` (e.g. from a parse) is asked when the function-word
    guess (`regex_tense`) finds no tensed word in the clause.
    """
    anchor_date = anchor if isinstance(anchor, date) else parse_anchor(anchor)
    spans = list(sentences) if sentences is not None else split_sentences(text)

    def guess_tense(start: int, end: int) -> Tense | None:
        """Function words first; the parse when they say nothing."""
        sentence = spans[_sentence_index(spans, start)] if spans else (0, len(text))
        found = regex_tense(text, start, end, sentence)
        if found is None and tense is not None:
            found = tense(start, end)
        return found

    ctx = _Context(text=text, anchor=anchor_date, tense_of=guess_tense)
    found = [c for c in _candidates(text) if _valid(RULES[c[2]], c[3], text)]
    out: list[Timex] = []
    for priority, m in _select(found):
        rule = RULES[priority]
        value = rule.resolve(m, ctx)
        if value is None and ctx.anchor is not None:
            continue
        if rule.name not in DERIVED_RULES:
            ctx.remember(value)
        start, end = _extent(m)
        out.append(Timex(start, end, text[start:end], value, rule.name))
    return out


def _parsed_sentences(parsed: Doc) -> list[tuple[int, int]]:
    """Sentence spans of a spaCy parse."""
    return [(s.start_char, s.end_char) for s in parsed.sents]


def _parsed_tense(parsed: Doc) -> Callable[[int, int], Tense | None]:
    """A tense function that reads the verb governing a span in a spaCy parse."""

    def tense(start: int, end: int) -> Tense | None:
        """The tense of the verb governing ``text[start:end]``."""
        span: SpacySpan | None = parsed.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return parse_tense(span.root)

    return tense


def extract_times(
    doc: Document, parsed: Doc | None = None, anchor: str | None = None
) -> tuple[TimeExpression, ...]:
    """The time expressions of ``doc``, normalised against ``anchor`` (default: published).

    Vague references ("now", "recently", "soon") are left out; expressions that cannot
    be written as ``YYYY[-MM[-DD]]`` (decades, or relative ones without an anchor) keep
    ``date=None``. ``event`` is the sentence the expression dates.
    """
    anchor = anchor if anchor is not None else doc.published
    if parsed is not None and parsed.text == doc.text:
        sentences = _parsed_sentences(parsed)
        tense: Callable[[int, int], Tense | None] | None = _parsed_tense(parsed)
    else:
        sentences, tense = split_sentences(doc.text), None
    out: list[TimeExpression] = []
    for timex in find_timexes(doc.text, anchor, sentences, tense):
        if timex.value in REFS:
            continue
        s, e = (
            sentences[_sentence_index(sentences, timex.start)] if sentences else (0, len(doc.text))
        )
        event = " ".join(doc.text[s:e].split())
        out.append(TimeExpression(doc.span(timex.start, timex.end), timex.text, timex.date, event))
    return tuple(out)


def values(timexes: Iterable[Timex]) -> list[str | None]:
    """The TIMEX3 values of ``timexes`` (a helper for tests and the bench)."""
    return [t.value for t in timexes]
