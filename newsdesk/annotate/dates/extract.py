"""Time expressions of a text: `find_timexes` (TIMEX3 values, for the bench),
`extract_times` (the timeline of a `Document`) and `annotate_dates` (the dates stage:
the timeline and the date the page states for itself)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from newsdesk.annotate.dates.anchoring import parse_anchor
from newsdesk.annotate.dates.candidates import extent, matches
from newsdesk.annotate.dates.context import Context
from newsdesk.annotate.dates.grammar import RULES
from newsdesk.annotate.dates.sentences import (
    dated_noun_phrase,
    parsed_sentences,
    sentence_of,
    split_sentences,
)
from newsdesk.annotate.dates.tense import Tense, TenseOf, parsed_tense, regex_tense
from newsdesk.annotate.dates.timex import REFS, Timex
from newsdesk.annotate.nlp import text_of
from newsdesk.lang.en.calendar import WEEKDAY_ABBREVIATIONS, WEEKDAYS
from newsdesk.lang.en.layout import STAMP_WORDS
from newsdesk.lang.en.stop_words import STOP_WORDS
from newsdesk.layout import line_kind, nonbody_regions
from newsdesk.model import Document, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc

DERIVED_RULES = frozenset({"ago", "year_earlier_period", "that_unit", "the_quarter"})
"""Rules whose value is read off an earlier mention; they do not become the reference."""


def find_timexes(
    text: str,
    anchor: str | date | None,
    sentences: Sequence[tuple[int, int]] | None = None,
    tense: TenseOf | None = None,
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
        found = regex_tense(text, start, end, sentence_of(spans, start, len(text)))
        if found is None and tense is not None:
            found = tense(start, end)
        return found

    ctx = Context(text=text, anchor=anchor_date, tense_of=guess_tense)
    out: list[Timex] = []
    for priority, m in matches(text):
        rule = RULES[priority]
        value = rule.resolve(m, ctx)
        if value is None and ctx.anchor is not None:
            continue
        if rule.name not in DERIVED_RULES:
            ctx.remember(value)
        start, end = extent(m)
        out.append(Timex(start, end, text[start:end], value, rule.name))
    return out


HEADER_LINES = 3  # a page states its own date in its first lines (headline, stamp, body)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


STAMP_MAX_WORDS = 3  # content words beside dates and times in a stamp ("Last updated at")
_CLOCK = re.compile(r"\b\d{1,2}\s?[:.]\s?\d\d(?:\s?[:.]\s?\d\d)?(?:\s?[ap]\.?\s?m\b\.?)?", re.I)
_LETTERS = re.compile(r"[^\W\d_]+")
_TIME_ZONE = re.compile(r"[A-Z]{2,4}|GMT[+-]?")


def page_date(text: str, timexes: Sequence[Timex]) -> str | None:
    """The day a page gives itself in its header: a full date on one of its first lines
    that is a time stamp, not a sentence ("September 14, 2013 10:46 AM", "Published:
    Dec. 19, 2005", "10 June 2013 Last updated at 14:00 GMT": `stamp_line`). None when
    there is no such line (nothing is guessed)."""
    lines = [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", text)][:HEADER_LINES]
    for a, b in lines:
        inside = [t for t in timexes if a <= t.start < b]
        if not stamp_line(text[a:b], [(t.start - a, t.end - a) for t in inside]):
            continue
        for timex in inside:
            if timex.value and _DAY.fullmatch(timex.value):
                return timex.value
    return None


def stamp_line(line: str, dates: Sequence[tuple[int, int]]) -> bool:
    """Whether a line is a time stamp: the layout says so (`newsdesk.layout.line_kind`),
    or besides its ``dates`` (character spans), clock times, am/pm, time-zone letters,
    weekday abbreviations and stop words, it holds at most ``STAMP_MAX_WORDS`` words and
    does not end as a sentence ("AFP, Tuesday 2 Jul 2013"; "Posted 2/3/2009 11:11 PM")."""
    if line_kind(line) == "stamp":
        return True
    if not dates:
        return False
    rest = line
    for start, end in sorted(dates, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    rest = _CLOCK.sub(" ", rest)
    words = [
        w
        for w in _LETTERS.findall(rest)
        if w.lower() not in STAMP_WORDS
        and w.lower() not in WEEKDAY_ABBREVIATIONS
        and w.lower() not in WEEKDAYS
        and w.lower() not in STOP_WORDS
        and not _TIME_ZONE.fullmatch(w)
        and len(w) > 1
    ]
    sentence = rest.rstrip().endswith(".") and bool(_LETTERS.search(rest.rstrip()[-4:]))
    return len(words) <= STAMP_MAX_WORDS and not sentence


def document_date(doc: Document) -> str | None:
    """The day ``doc`` was published (``YYYY-MM-DD``): its ``published`` date, else the
    date its page states in its header (`Document.stated_date`, as the dates stage read
    it; `page_date` of the text when it has not), else None."""
    if doc.published:
        return doc.published[:10] if _DAY.fullmatch(doc.published[:10]) else None
    if doc.stated_date is None:  # not through the dates stage: read the page
        return page_date(doc.text, find_timexes(doc.text, None))
    return doc.stated_date or None


def annotate_dates(doc: Document, parsed: Doc | None = None) -> Document:
    """``doc`` with its ``timeline`` (`extract_times`) and, when it has no ``published``
    date, the date its page states (``stated_date``; ``""`` if none): the page is read
    once for both."""
    timeline, stated = _read_times(doc, parsed, doc.published)
    if doc.published is None:
        return replace(doc, timeline=timeline, stated_date=stated or "")
    return replace(doc, timeline=timeline)


def extract_times(
    doc: Document, parsed: Doc | None = None, anchor: str | None = None
) -> tuple[TimeExpression, ...]:
    """The time expressions of ``doc``, normalised against ``anchor`` (default: published;
    without one, the date the page states in its header, `page_date`).

    Vague references ("now", "recently", "soon") are left out; expressions that cannot
    be written as ``YYYY[-MM[-DD]]`` (decades, or relative ones without an anchor) keep
    ``date=None``. ``event`` is the sentence the expression dates, or with a parse the
    noun phrase a date written before its noun dates ("the 1996 elections",
    `dated_noun_phrase`).
    """
    timeline, _ = _read_times(doc, parsed, anchor if anchor is not None else doc.published)
    return timeline


def _read_times(
    doc: Document, parsed: Doc | None, anchor: str | None
) -> tuple[tuple[TimeExpression, ...], str | None]:
    """`extract_times` against ``anchor``, and the date the page states (`page_date`)
    when there is no anchor (None when there is one: the page is not read for it)."""
    stamp: str | None = None
    if parsed is not None and text_of(parsed) == doc.text:
        sentences = parsed_sentences(parsed)
        tense: TenseOf | None = parsed_tense(parsed)
    else:
        sentences, tense, parsed = split_sentences(doc.text), None, None
    timexes = find_timexes(doc.text, anchor, sentences, tense)
    if anchor is None and (stamp := page_date(doc.text, timexes)) is not None:
        timexes = find_timexes(doc.text, stamp, sentences, tense)
    out: list[TimeExpression] = []
    furniture = nonbody_regions(doc.text)
    for timex in timexes:
        if timex.value in REFS or any(r.start <= timex.start < r.end for r in furniture):
            continue  # vague, or in a time stamp, a caption, a credit: no event of the story
        thing = dated_noun_phrase(parsed, timex.start, timex.end) if parsed is not None else None
        s, e = thing or sentence_of(sentences, timex.start, len(doc.text))
        event = " ".join(doc.text[s:e].split())
        out.append(TimeExpression(doc.span(timex.start, timex.end), timex.text, timex.date, event))
    return tuple(out), stamp
