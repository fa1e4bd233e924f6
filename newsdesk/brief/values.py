"""What two sentences may contradict each other on: their numbers, ranks, days, people and
places.

Two sentences of different documents can state the same thing only if these agree
(`agree`): the numbers of one are among the other's (or, where they also count other
things, they share a number and the nouns both attach numbers to have the same ones,
a measure and its bracketed conversion being one; a number written as rounded, "about
600", agreeing with one near it), they share a person and a place (when both name one;
who says it, "Vale said", is no person of the statement) and a day (when both name one
of a kind). This one test decides which sentences the facts group
(`newsdesk.brief.facts`) and which sentences a summary line cites as its support
(`newsdesk.brief.summary`).

A document's values are read once (`DocumentValues`), with their offsets, for any
stretch of its text: numbers from its parse (by pattern without one), people and places
from its resolved entities (the parse's entity tags without them; a person by its
story-wide name when the story's resolver gives one), days by pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from newsdesk.annotate.names import ACRONYM, initials, without_possessive, without_suffixes
from newsdesk.annotate.quotes.cues import according_to, is_cue
from newsdesk.brief.number_words import (
    approximate,
    close,
    days_of,
    number_phrase,
    number_tops,
    numbers_at,
    numbers_in,
    ordinals_at,
    same_date,
)
from newsdesk.lang.en.calendar import WEEKDAYS
from newsdesk.lang.en.places import REGION_MODIFIERS
from newsdesk.lang.en.speech import REPORTING_VERBS
from newsdesk.model import Document, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["DocumentValues", "Values", "agree", "place_keys", "surname"]

PLACE_TYPES = frozenset({"GPE", "LOC"})
"""Entity types that name a place a statement is located in."""

_ONE_OF = re.compile(r"one\s+of\b", re.IGNORECASE)  # "one of the largest": no count
_NUMBERED = re.compile(r"(?:\bNos?\.|#)\s?$")  # "No. 1 Intermediate Court", "#3": a name


@dataclass(frozen=True, slots=True)
class Values:
    """The values one sentence states."""

    numbers: frozenset[float] = frozenset()
    days: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()  # surnames
    places: frozenset[str] = frozenset()  # `place_keys` of each place named
    ranks: frozenset[tuple[str, int]] = frozenset()  # ("round", 6) of "the sixth round"
    # each number as a measure: its forms (noun or kind, value), two for a measure given
    # with its conversion in brackets ({("kilometer", 4.0), ("mile", 2.0)})
    measures: frozenset[frozenset[tuple[str, float]]] = frozenset()
    approximate: frozenset[float] = frozenset()  # numbers hedged ("about 600", "nearly 100")
    speakers: frozenset[str] = frozenset()  # surnames of who says it ("Vale said", not people)


def agree(a: Values, b: Values) -> bool:
    """Whether two sentences' values can be one statement's: the numbers of one are among
    the other's (or either gives none), the ordinals of one noun agree ("the sixth round"
    is not "the 11th round"), and they share a person, a place and a day of each kind (weekday,
    date) where both name one. Who says it is no person of the statement ("Inspector Vale
    said the man fell 600 metres" states what "Ian Holm fell about 600 metres" does), but
    two different speakers' words are two statements unless both name a person in common
    ("Vale said he would resign" is not "Holm said he would resign")."""
    return (
        _same_numbers(a, b)
        and _same_ranks(a.ranks, b.ranks)
        and _share(a.people, b.people)
        and (_share(a.speakers, b.speakers) or bool(a.people & b.people))
        and _share(a.places, b.places)
        and _same_days(a.days, b.days)
    )


def _near(x: float, y: float, rounded: frozenset[float]) -> bool:
    """Equal, or the number another report writes as rounded ("about 600", "nearly $1
    million") is what this one rounds to at its last non-zero digit (609, $972,814), and
    near it (`number_words.close`): "about 80" is not 70."""
    if x == y:
        return True
    return any(
        r in rounded and _rounds_to(e, r) and close(x, y, approx=True) for r, e in ((x, y), (y, x))
    )


def _rounds_to(exact: float, rounded: float) -> bool:
    """Whether ``exact`` rounded at the last non-zero digit of ``rounded`` is ``rounded``
    (609 → 600; 94 → 100; 70 is not 80)."""
    if rounded != int(rounded) or rounded == 0:
        return False
    step = 1
    while int(rounded) % (step * 10) == 0:
        step *= 10
    return round(exact / step) * step == rounded


def _among(x: frozenset[float], y: frozenset[float], rounded: frozenset[float]) -> bool:
    return all(any(_near(v, w, rounded) for w in y) for v in x)


def _within(
    x: frozenset[float], y: frozenset[float], rounded: frozenset[float] = frozenset()
) -> bool:
    """Whether the numbers of one side are among the other's (either may give none), a
    number written as rounded (in ``rounded``) matching one near it (`_near`)."""
    return not (x and y) or _among(x, y, rounded) or _among(y, x, rounded)


def _same_numbers(a: Values, b: Values) -> bool:
    """Whether two sentences' numbers can be one statement's: the numbers of one are among
    the other's, or, where a long sentence also counts or measures other things, they
    share a number other than an age (the ages of the people both name tell nothing of what
    they say of them) and every noun both attach numbers to has the same ones in each
    ("three spacewalks in a 12-day flight" and "a pair of astronauts make three
    spacewalks": what one sentence counts and the other does not is not compared). A
    measure given with its conversion in brackets agrees with a measure sharing one of
    its forms ("4 kilometers (2 miles)", "two miles (three kilometers)"); a number
    attached to no noun must be among the other sentence's numbers."""
    rounded = a.approximate | b.approximate
    if _within(a.numbers, b.numbers, rounded):
        return True
    if not _stated(a) & _stated(b):
        return False

    def kept(x: Values, y: Values) -> set[tuple[str, float]]:
        return {
            form
            for m in x.measures
            if len(m) == 1 or not any(m & n for n in y.measures)
            for form in m
        }

    forms_a, forms_b = kept(a, b), kept(b, a)
    if any(k == "" and not _among(frozenset({v}), b.numbers, rounded) for k, v in forms_a) or any(
        k == "" and not _among(frozenset({v}), a.numbers, rounded) for k, v in forms_b
    ):
        return False
    keys = {k for k, _ in forms_a if k} & {k for k, _ in forms_b if k}
    return all(
        _within(
            frozenset(v for k, v in forms_a if k == key),
            frozenset(v for k, v in forms_b if k == key),
            rounded,
        )
        for key in keys
    )


def _stated(x: Values) -> set[float]:
    """The numbers of ``x`` other than the ages of people."""
    return {v for m in x.measures for k, v in m if k != "(age)"}


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
    something, not a count) unless it counts what a verb does to or by its noun
    ("detained one of Vale's aides": `_counted`), and a number that names something
    ("the No. 1 Intermediate Court"). ``people``, when given, are the document's PERSON mentions
    as (start, end, the person's story-wide name) (`newsdesk.brief.slots.person_names`):
    a person is then compared by the name the story's resolver gives all its writings
    ("Ana Ruiz" and a misspelt "Ana Ruis" are one person), else by the name its own
    document's entity gives it.
    """

    def __init__(
        self,
        doc: Document,
        parse: Doc | None = None,
        skip: Sequence[Span] = (),
        people: Sequence[tuple[int, int, str]] | None = None,
    ):
        self.text = doc.text
        found = numbers_in(parse, 0, len(doc.text)) if parse is not None else numbers_at(doc.text)
        if parse is not None:
            found = sorted(found + _spans_of_one(parse))
        self.numbers = [
            (at, value)
            for at, value in found
            if not any(s.doc == doc.id and s.start <= at < s.end for s in skip)
            and not (value == 1 and _ONE_OF.match(doc.text, at) and not _counted(parse, at))
            and not _NUMBERED.search(doc.text, max(0, at - 6), at)
        ]
        self.measures = _measures(self.numbers, parse)
        hedged = (
            {t.idx for t in number_tops(parse) if approximate(number_phrase(t)[0])}
            if parse is not None
            else set()
        )
        self.approximate = [(at, value) for at, value in self.numbers if at in hedged]
        named = [
            (mention.span.start, mention.span.end, surname(entity.name))
            for entity in doc.entities
            if entity.type == "PERSON"
            for mention in entity.mentions
        ]
        if people is not None:
            named = [(start, end, surname(name)) for start, end, name in people]
        self.places = [
            (mention.span.start, key)
            for entity in doc.entities
            if entity.type in PLACE_TYPES
            for mention in entity.mentions
            for key in place_keys(entity.name)
        ]
        if not doc.entities and parse is not None:
            named = [
                (e.start_char, e.end_char, surname(e.text))
                for e in parse.ents
                if e.label_ == "PERSON"
            ]
            self.places = [
                (e.start_char, key)
                for e in parse.ents
                if e.label_ in PLACE_TYPES
                for key in place_keys(e.text)
            ]
        says = _speaker_offsets(parse) if parse is not None else []
        spoken = [any(start <= at < end for at in says) for start, end, _ in named]
        self.people = [(start, n) for (start, _, n), s in zip(named, spoken, strict=True) if not s]
        self.speakers = [(start, n) for (start, _, n), s in zip(named, spoken, strict=True) if s]

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
            frozenset(m for at, m in self.measures if start <= at < end),
            frozenset(v for at, v in self.approximate if start <= at < end),
            frozenset(n for at, n in self.speakers if start <= at < end),
        )


_TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "decade"})


def _counted(parse: Doc | None, at: int) -> bool:
    """Whether the "one" of "one of" at ``at`` counts what a verb does to or by its
    noun ("police detained one of Vale's aides", "one of the robbers fled"), rather
    than placing something among others ("one of the biggest heists", "Vale, one of 99
    suspects") or naming who says something ("one of his lawyers said")."""
    span = parse.char_span(at, at + 3) if parse is not None else None
    if span is None or len(span) != 1 or span[0].head.pos_ != "VERB":
        return False
    one = span[0]
    if one.dep_ == "nsubj":
        return one.head.lemma_.lower() not in REPORTING_VERBS
    return one.dep_ in {"dobj", "nsubjpass"}


def _speaker_offsets(parse: Doc) -> list[int]:
    """Where the parse names who says something, as the quote reader finds it: the
    subject of a reporting verb ("Vale said", "Vale told reporters": `cues.is_cue`) and
    the object of "according to" (`cues.according_to`)."""
    found = [tok.idx for tok in parse if tok.dep_ == "nsubj" and is_cue(tok.head)]
    found += [source.idx for tok in parse if (source := according_to(tok)) is not None]
    return found


def _spans_of_one(parse: Doc) -> list[tuple[int, float]]:
    """A span of time written with "a" or "an" ("in a coma for a week", "an hour later"),
    as the number 1 at its article: "a week" is not "almost three weeks"."""
    return [
        (tok.idx, 1.0)
        for tok in parse
        if tok.lower_ in {"a", "an"}
        and tok.dep_ == "det"
        and tok.head.lemma_.lower() in _TIME_UNITS
        and tok.head.ent_type_ in {"DATE", "TIME"}
    ]


_NOUNS = frozenset({"NOUN", "PROPN"})
_YEAR = re.compile(r"\d{4}")


def _kind(token: Token) -> str:
    """What the number ``token`` (the last word of its phrase) counts or measures:
    "(year)" for a year ("a 1999 incident"), "(age)" for a person's age ("Vale, 32,", "the
    32-year-old"), else the lemma of the noun it is attached to ("three spacewalks", "the
    50-foot arm"), else "(date)" for another part of a date, else "" (unknown)."""
    if token.ent_type_ == "DATE" and _YEAR.fullmatch(token.text):
        return "(year)"
    top = token.head if token.dep_ == "conj" and token.head.like_num else token
    if (top.dep_ == "appos" and top.head.pos_ in _NOUNS) or (
        top.dep_ == "nummod" and top.head.lemma_.lower() == "year" and top.head.head.lower_ == "old"
    ):
        return "(age)"  # "Vale, 32,", "the 32-year-old"
    if top.dep_ in ("nummod", "compound", "quantmod") and top.head.pos_ in _NOUNS:
        return str(top.head.lemma_).lower()
    return "(date)" if token.ent_type_ == "DATE" else ""


def _measures(
    numbers: Sequence[tuple[int, float]], parse: Doc | None
) -> list[tuple[int, frozenset[tuple[str, float]]]]:
    """Each number of ``numbers`` as a measure (offset of its first form, forms): its kind
    (`_kind`) and value; a number in brackets right after another's noun ("4 kilometers
    (2 miles)") is that measure's conversion, one measure of two forms."""
    if parse is None:
        return [(at, frozenset({("", value)})) for at, value in numbers]
    tokens = {t.idx: t for t in parse}
    found: list[tuple[int, frozenset[tuple[str, float]]]] = []
    last: tuple[int, str] | None = None  # the previous measure's noun and kind
    for at, value in numbers:
        token = tokens.get(at)
        kind = _kind(token) if token is not None else ""
        noun = token.head if token is not None and kind and kind[0] != "(" else None
        if (
            token is not None
            and last is not None
            and kind
            and kind != last[1]
            and last[0] + 1 < len(parse)
            and parse[last[0] + 1].text == "("
            and ")" not in parse[last[0] + 1 : token.i].text
        ):
            found[-1] = (found[-1][0], found[-1][1] | {(kind, value)})
            last = None
            continue
        found.append((at, frozenset({(kind, value)})))
        last = (noun.i, kind) if noun is not None else None
    return found
