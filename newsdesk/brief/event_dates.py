"""Event-date claims: the day a named event (collision, grounding, theft, arrest ...)
happened, from the document's timeline when it has one, else from explicit day-and-month
dates ("12 October", "October 12, 2026")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsdesk.brief.claims import Claim, elsewhere, hedged, inverse, token_span
from newsdesk.model import Document

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["DateValue", "date_claims", "dates_compatible"]

_MONTH_NAMES = "january february march april may june july august september october november"
_MONTHS = {m: i for i, m in enumerate([*_MONTH_NAMES.split(), "december"], 1)}
_EXPLICIT = re.compile(
    r"^(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[A-Za-z]+)"
    r"|(?P<m2>[A-Za-z]+)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?P<year>\d{4}))?$"
)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_EVENTS = inverse({
    "collision": "collide collision crash",
    "grounding": "ground grounding aground",
    "theft": "steal theft burglary heist robbery rob",
    "arrest": "arrest",
    "vote": "vote",
    "sinking": "sink sinking capsize",
    "fire": "fire blaze",
    "explosion": "explode explosion blast",
})  # fmt: skip

DateValue = tuple[int | None, int, int]


def _explicit_date(text: str) -> DateValue | None:
    """``12 October`` / ``October 12, 2026`` / ``3 October 2026`` as (year, month, day)."""
    m = _EXPLICIT.match(" ".join(re.sub(r"^(?:on|by|since|the)\s+", "", text, flags=re.I).split()))
    month = m and (m["m1"] or m["m2"]).lower()
    if not m or month not in _MONTHS:
        return None
    return int(m["year"]) if m["year"] else None, _MONTHS[month], int(m["d1"] or m["d2"])


def _event_of(root: Token) -> Token | None:
    """The event word a date attaches to ("collided on Monday", "the collision of 12 Oct").

    Walks up from the date through its preposition and at most one noun ("collided with
    a tanker on 12 October") and stops at the first verb.
    """
    head = root.head.head if root.dep_ == "pobj" else root.head
    for _ in range(2):
        if head.lemma_.lower() in _EVENTS:
            return head
        if head.pos_ in {"VERB", "AUX"} or head.head is head:
            return None
        head = head.head.head if head.dep_ == "pobj" else head.head
    return None


def _dated_spans(doc: Document, parse: Doc) -> Iterator[tuple[int, int, DateValue]]:
    """Day-precise dates: from the timeline when there is one, else explicit dates."""
    seen: set[tuple[int, int]] = set()
    for item in doc.timeline:
        m = _ISO_DAY.match(item.date or "")
        if m and item.span.doc == doc.id:
            seen.add((item.span.start, item.span.end))
            yield item.span.start, item.span.end, (int(m[1]), int(m[2]), int(m[3]))
    for ent in parse.ents:
        value = _explicit_date(ent.text)
        if ent.label_ == "DATE" and value and not any(s <= ent.start_char < e for s, e in seen):
            yield ent.start_char, ent.end_char, value


def date_claims(doc: Document, parse: Doc) -> Iterator[Claim]:
    """The dates given for named events."""
    for start, end, value in _dated_spans(doc, parse):
        span = parse.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        event = _event_of(span.root)
        if event is None or hedged(event) or elsewhere(span.sent):
            continue
        name = _EVENTS[event.lemma_.lower()]
        claim = token_span(doc, [event, *span])
        yield Claim(("date", name), f"date of the {name}", value, claim)


def dates_compatible(a: DateValue, b: DateValue) -> bool:
    """Same day and month; a missing year fits any year."""
    return a[1:] == b[1:] and (a[0] is None or b[0] is None or a[0] == b[0])
