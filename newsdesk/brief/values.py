"""What two sentences may contradict each other on: their numbers, ranks, days, people and
places.

Two sentences of different documents can state the same thing only if these agree
(`agree`): the numbers of one are among the other's, they share a person and a place
(when both name one) and a day (when both name one of a kind). This one test decides
which sentences the facts group (`newsdesk.brief.facts`) and which sentences a summary
line cites as its support (`newsdesk.brief.summary`).

A document's values are read once (`DocumentValues`), with their offsets, for any
stretch of its text: numbers from its parse (by pattern without one), people and places
from its resolved entities (the parse's entity tags without them), days by pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from newsdesk.annotate.names import ACRONYM, initials, without_possessive, without_suffixes
from newsdesk.brief.number_words import days_of, numbers_at, numbers_in, ordinals_at, same_date
from newsdesk.lang.en.calendar import WEEKDAYS
from newsdesk.lang.en.places import REGION_MODIFIERS
from newsdesk.model import Document, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DocumentValues", "Values", "agree", "place_keys", "surname"]

PLACE_TYPES = frozenset({"GPE", "LOC"})
"""Entity types that name a place a statement is located in."""

_ONE_OF = re.compile(r"one\s+of\b", re.IGNORECASE)  # "one of the largest": no count


@dataclass(frozen=True, slots=True)
class Values:
    """The values one sentence states."""

    numbers: frozenset[float] = frozenset()
    days: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()  # surnames
    places: frozenset[str] = frozenset()  # `place_keys` of each place named
    ranks: frozenset[tuple[str, int]] = frozenset()  # ("round", 6) of "the sixth round"


def agree(a: Values, b: Values) -> bool:
    """Whether two sentences' values can be one statement's: the numbers of one are among
    the other's (or either gives none), the ordinals of one noun agree ("the sixth round"
    is not "the 11th round"), and they share a person, a place and a day of each kind (weekday,
    date) where both name one."""
    return (
        _within(a.numbers, b.numbers)
        and _same_ranks(a.ranks, b.ranks)
        and _share(a.people, b.people)
        and _share(a.places, b.places)
        and _same_days(a.days, b.days)
    )


def _within(x: frozenset[float], y: frozenset[float]) -> bool:
    return not (x and y) or x <= y or y <= x


def _same_ranks(x: frozenset[tuple[str, int]], y: frozenset[tuple[str, int]]) -> bool:
    """Whether the ordinals of one noun agree where both sentences rank it ("the sixth
    round" is not "the 11th round"; "a second victory" says nothing of a round)."""
    nouns = {noun for noun, _ in x} & {noun for noun, _ in y}
    return all({n for k, n in x if k == noun} & {n for k, n in y if k == noun} for noun in nouns)


def _share(x: frozenset[str], y: frozenset[str]) -> bool:
    return not (x and y) or bool(x & y)


def _same_days(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether two sentences' days (`days_of`) can be the same statement's: weekdays and
    dates are compared apart, each agreeing when either sentence names none, or they
    share a weekday, or a date of one can be one of the other's (the same month, with the
    same day and year where both give them: `same_date`)."""
    weekdays_x, weekdays_y = x & _WEEKDAYS, y & _WEEKDAYS
    dates_x, dates_y = x - _WEEKDAYS, y - _WEEKDAYS
    return _share(weekdays_x, weekdays_y) and (
        not (dates_x and dates_y) or any(same_date(a, b) for a in dates_x for b in dates_y)
    )


_WEEKDAYS = frozenset(WEEKDAYS)


def surname(name: str) -> str:
    """The word that tells a person apart: the last of the name, without a possessive
    ending or a generational suffix ("Ann Lee Jr.'s" -> "lee")."""
    words = without_suffixes(without_possessive(name).split())
    return words[-1].casefold() if words else ""


def place_keys(name: str) -> frozenset[str]:
    """The forms a place is compared by: its name, the name without a word that names a
    part of it ("Southern California" is in California), and the initials of a name of
    several capitalised words, so that "U.S." and "United States" are one place."""
    words = without_possessive(name).split()
    if not words:
        return frozenset()
    if len(words) == 1 and ACRONYM.match(words[0]):
        return frozenset({words[0].replace(".", "").casefold()})
    keys = {" ".join(words).casefold()}
    if len(words) > 1 and words[0].casefold() in REGION_MODIFIERS:
        keys.add(" ".join(words[1:]).casefold())
    if len(letters := initials(words)) >= 2:
        keys.add(letters.casefold())
    return frozenset(keys)


class DocumentValues:
    """The values of one document with their offsets, read once.

    ``parse`` is the document's parse (numbers by pattern without one); numbers inside
    ``skip`` spans (the claims of a conflict, which reports them) are left out, and so is
    the "one" of "one of" (one of the largest providers, one of 99 suspects: a part of
    something, not a count).
    """

    def __init__(self, doc: Document, parse: Doc | None = None, skip: Sequence[Span] = ()):
        self.text = doc.text
        found = numbers_in(parse, 0, len(doc.text)) if parse is not None else numbers_at(doc.text)
        self.numbers = [
            (at, value)
            for at, value in found
            if not any(s.doc == doc.id and s.start <= at < s.end for s in skip)
            and not (value == 1 and _ONE_OF.match(doc.text, at))
        ]
        self.people = [
            (mention.span.start, surname(entity.name))
            for entity in doc.entities
            if entity.type == "PERSON"
            for mention in entity.mentions
        ]
        self.places = [
            (mention.span.start, key)
            for entity in doc.entities
            if entity.type in PLACE_TYPES
            for mention in entity.mentions
            for key in place_keys(entity.name)
        ]
        if not doc.entities and parse is not None:
            self.people = [
                (e.start_char, surname(e.text)) for e in parse.ents if e.label_ == "PERSON"
            ]
            self.places = [
                (e.start_char, key)
                for e in parse.ents
                if e.label_ in PLACE_TYPES
                for key in place_keys(e.text)
            ]

    def within_parts(self, parts: Sequence[tuple[int, int]]) -> Values:
        """The values stated in the stretches ``parts`` together (a clause an inserted
        clause breaks in two)."""
        found = [self.within(start, end) for start, end in parts]
        return Values(
            *(frozenset().union(*(getattr(v, f.name) for v in found)) for f in fields(Values))
        )

    def within(self, start: int, end: int) -> Values:
        """The values stated between characters ``start`` and ``end``."""
        return Values(
            frozenset(v for at, v in self.numbers if start <= at < end),
            days_of(self.text[start:end]),
            frozenset(n for at, n in self.people if start <= at < end),
            frozenset(k for at, k in self.places if start <= at < end),
            ordinals_at(self.text[start:end]),
        )
