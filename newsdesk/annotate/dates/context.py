"""What a resolver sees: the text, the anchor, the tense of a clause and the times the
text mentioned so far (TIMEX3 ``anchorTimeID``); and the `Resolver` signature."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from newsdesk.annotate.dates.tense import TenseOf


@dataclass(slots=True)
class Context:
    """What a resolver needs: the text, the anchor, tense and the last mentioned time."""

    text: str
    anchor: date | None
    tense_of: TenseOf
    ref: str | None = None
    refs: list[str] = field(default_factory=list)

    def remember(self, value: str | None) -> None:
        """Make a resolved calendar value the reference time for later expressions."""
        if value and value[:1].isdigit() and "X" not in value:
            self.ref = value
            self.refs.append(value)

    def last_ref(self, *marks: str) -> str | None:
        """The last mentioned value holding one of ``marks`` (``"-Q"``: a quarter)."""
        return next((v for v in reversed(self.refs) if any(k in v for k in marks)), None)


Resolver = Callable[[re.Match[str], Context], str | None]
"""Turns one grammar match into a TIMEX3 value (None: no anchor, or cannot tell)."""


def group(m: re.Match[str], name: str) -> str:
    """A named group's text ('' when it did not take part in the match)."""
    if name not in m.re.groupindex:
        return ""
    return m.group(name) or ""
