"""The TIMEX3 record a text yields (`Timex`) and its values: `contract_date` maps a
TIMEX3 value to the ``YYYY[-MM[-DD]]`` shape of `TimeExpression.date`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


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


def values(timexes: Iterable[Timex]) -> list[str | None]:
    """The TIMEX3 values of ``timexes`` (a helper for tests and the bench)."""
    return [t.value for t in timexes]
