"""Slots: the values a sentence states, read from its parse.

Each body sentence of each parsed document is read for *slots*, values the sentence
states for an attribute:

* a **measure**: a number with its unit, normalised within its dimension ("1.2 miles",
  "60 metres (200 feet)", "four and a half months", "$500,000", "dlrs 400,000"), keyed
  by the dimension (or currency) and the word the measure belongs to ("depth", "fall",
  "serve", "fund");
* a **count**: a number and the noun it counts, keyed by that noun and the word that
  governs it ("killing at least three *people*" → people, kill; "14 people were hurt"
  → people, injure: verbs that report one count are one key; a past participle right
  after the noun governs it: "one of 99 members *seized*" → members, arrest; a noun
  before "away" counts no things: "five buildings away"); an indefinite article on
  a verb's object is a count of one ("serving a life sentence"), compared only with a
  number another document writes for that noun (`newsdesk.brief.align`); a measure or
  count written before another noun is that noun's size, keyed by it, its owner the
  slot's agent ("Hale's four-year term" → duration, term; "the 400-page report" →
  pages, report); measures, sums and counts are read in `newsdesk.brief.quantities`;
* a **date** or **time** of an event: a day-precise date of the document's timeline (or
  a weekday it could not resolve) and a clock time, keyed by the word they date ("died
  on Friday" → die); the day someone *said* something dates no event;
* a value on a **scale** ("a magnitude 6.1 quake", "a 6.1-magnitude quake": keyed by
  the scale), and a **rank** among a kind ("the world's ninth-largest economy": keyed by
  the superlative and the noun);
* a **colour** of a thing ("a silver Toyota Camry" → colour of the Camry) and a
  **direction** from a place ("55 km west of Bireun" → direction from Bireun);
* the **kind of place** an event happened in ("found dead in a hotel room" → hotel,
  room), keyed by its verb (`newsdesk.brief.events.place_nouns`);
* the **ages of a group** of people ("two women, 68 and 48 years old"), keyed by the
  plural noun and the number of ages (`newsdesk.brief.posts.group_ages`);
* a person's **age** ("Henrik Maalstad, 54," / "the 54-year-old Henrik Maalstad"),
  **home town** ("Henrik Maalstad, of Glenford,") and **title** (the capitalised post
  before the name: "Deputy Harbour Master Inga Solberg", or a post in apposition: "Inga
  Solberg, the deputy harbour master"), keyed by the person the annotation found
  (`Document.entities`, merged across the story), not by the words written (read in
  `newsdesk.brief.posts`).

What no slot is read from: furniture (captions, credits, prompts), sentences dated a
month or more away from the story ("in February", in a report of November) and the
sentences after them, or after a clause about another event, that go on about it through
a pronoun subject ("… in March. It killed 300 people": `events.picks_up`), clauses
about another time or event ("a year ago", "last season", "another quake", "the 2004
tsunami": a year that is not the story's; "the sixth aftershock", "the quake was the
latest in a series": one of a series), durations that are offsets ("17 hours after the
attack") or windows reaching back from now ("over the past two years"), and negated,
modal or infinitive clauses ("could have killed", "can carry"). A count, measure, sum or
scale of a clause dated in one earlier year than the story's ("killed more than 26,000
people in Bam in December 2003") is read as that year's event's (``Slot.past``, keyed by
the year), compared only with other reports' figures of it. A sum paid at a rate ("$4
million a year") is keyed apart from a sum paid once. People are keyed by their
story-wide names (`newsdesk.annotate.resolve`: "Bettie Page" is "Betty Mae Page").
Being conservative is the point: a false conflict is worse than a missed one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from newsdesk.brief.events import (
    agent_of,
    anchor_lemma,
    arguments,
    claim_of,
    clock_times,
    described,
    event_of,
    hedged,
    numbered,
    ongoing,
    picks_up,
    place_nouns,
    reported_by,
    scale_values,
    unnamed_agent,
    verb_of,
)
from newsdesk.brief.number_words import number_tops, rank_of
from newsdesk.brief.posts import group_ages, organisation_seats, person_readings
from newsdesk.brief.quantities import (
    article_counts,
    counts_object,
    modifiers,
    quantity,
    sized,
    times_counts,
)
from newsdesk.lang.en.calendar import (
    LONG_PERIODS,
    MODEL_YEAR_DETERMINERS,
    MONTHS,
    TIME_BOUNDS,
    WEEKDAYS,
)
from newsdesk.lang.en.discourse import OTHER_EVENT
from newsdesk.lang.en.measures import COLOURS, DIRECTIONS
from newsdesk.lang.en.numbers import APPROXIMATORS
from newsdesk.lang.en.people import names_people
from newsdesk.lang.en.speech import REPORTING_VERBS
from newsdesk.lang.en.stop_words import STOP_WORDS
from newsdesk.layout import HEADLINE_MAX_WORDS, nonbody_regions
from newsdesk.model import Document, Entity, TextSpan, TimeExpression
from newsdesk.sentences import ends_sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "PERSON_KINDS",
    "MergedEntities",
    "Slot",
    "StoryTime",
    "person_names",
    "read_slots",
    "story_places",
    "story_time",
]

NOW_DAYS = 31  # a date this far from every document's date is another event's
# Slots that describe a person (a group of people, an organisation), not an event:
# aligned by the person (the group's noun, the organisation's name) alone.
PERSON_KINDS = frozenset({"age", "ages", "origin", "seat", "title"})

_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")


@dataclass(frozen=True, slots=True)
class Slot:
    """One value a sentence states for one attribute."""

    key: tuple[str, ...]
    label: str  # the attribute, as a reader says it: "depth", "age of Tom Berg"
    value: float | str
    shown: str  # the value as written: "1.2 miles", "at least three"
    approx: bool
    claim: TextSpan  # the sentence (or clause) that states it
    words: frozenset[str]  # the sentence's content lemmas
    names: frozenset[str]  # the names it mentions
    agent: str | None = None  # who the event is about: its named subject (`agent_of`)
    parties: frozenset[str] = frozenset()  # the event's named participants (`arguments`)
    implied: bool = False  # a count of one read from an article ("serving a life sentence")
    # a count of what a verb acts on: "object" ("called six engines"), "passive" (its doer
    # unsaid: "89 people were arrested", "99 members seized"); "" for other counts
    verb_object: str = ""
    written: str = ""  # the noun a count was written with, when re-keyed to another's
    modifiers: tuple[str, ...] = ()  # a count's words before its noun ("life" sentences)
    unnamed: bool = False  # the event's subject is "he" or "she": a person not named here
    ongoing: bool = False  # stated in the present progressive: "are holding … in 11 cities"
    theme: str = ""  # the noun a participle's event happened to: "a statement released Friday"
    source: str = ""  # who reports it: the subject of the verb of speech above it
    # its document gives this key no other value (`newsdesk.brief.align`: one value of
    # one attribute per report is compared however the reports word it)
    sole: bool = False
    size: bool = False  # a size written before its noun ("an 11-game streak", `sized`)
    # the days its sentence dates events (`_day` values): "On Aug. 20 … killing 26"
    days: frozenset[str] = frozenset()
    # the earlier year of another event the value is given for ("killed 26,000 people in
    # Bam in 2003"), compared only with values of that year's event; empty for the story's
    past: str = ""


def _elsewhere(tokens: Iterable[Token]) -> bool:
    """Whether words may be about another event ("another ferry", "a year ago", "last
    season"). A "former" that describes a person ("the former travel reporter") dates no
    event."""
    return any(
        (
            t.lower_ in OTHER_EVENT
            and not (t.lower_ == "former" and names_people(t.head.lemma_.lower()))
        )
        or (t.lower_ == "last" and t.dep_ == "amod" and t.head.lemma_.lower() in LONG_PERIODS)
        for t in tokens
    )


def _dated_elsewhere(focus: Token) -> bool:
    """Whether the clause of a date may be about another event: a date dates its own
    clause ("Three years ago, Reid, who launched a line in September, said…": September
    is this story's)."""
    clause = _clause_of(focus)
    return _elsewhere(t for t in focus.sent if _clause_of(t) == clause)


# ---------------------------------------------------------------------------- people

PersonMentions = dict[str, list[tuple[int, int, str]]]
# The story's entities merged across its documents and each document entity's id to the
# merged id (`newsdesk.annotate.entities.merge_entities`).
MergedEntities = tuple[Sequence[Entity], Mapping[str, str]]


def person_names(docs: Sequence[Document], merged: MergedEntities | None = None) -> PersonMentions:
    """Each document's PERSON mentions as (start, end, the person's story-wide name), from
    the annotation's entities merged across the story (one resolver for every stage):
    ``merged``, the story's merge when the caller has it (`build_briefing`), else the
    merge of ``docs``' entities."""
    if merged is None:
        from newsdesk.annotate.entities import merge_entities

        merged = merge_entities(e for d in docs for e in d.entities)
    entities, ids = merged
    names = {e.id: e.name for e in entities if e.type == "PERSON"}
    found: PersonMentions = defaultdict(list)
    for doc in docs:
        for entity in doc.entities:
            name = names.get(ids.get(entity.id, ""))
            if name is None:
                continue
            for m in entity.mentions:
                if m.span.doc == doc.id:
                    found[doc.id].append((m.span.start, m.span.end, name))
    return found


@dataclass(frozen=True, slots=True)
class StoryTime:
    """When a story is told: ``years``, the latest year two or more documents write as a
    date (earlier years are background: "the 2004 tsunami"), and ``days``, the days its
    documents are dated (a date a month or more away from all of them is another event's:
    "On April 6, an earthquake struck…" in a report of July). Empty: nothing is known."""

    years: frozenset[str] = frozenset()
    days: tuple[date, ...] = ()


def story_time(docs: Sequence[Document], parses: Sequence[Doc]) -> StoryTime:
    """The `StoryTime` of documents and their parses."""
    from newsdesk.annotate.dates import document_date, parse_anchor

    counts: dict[str, int] = defaultdict(int)
    for parse in parses:
        for year in {t.text for t in parse if _year(t)}:
            counts[year] += 1
    shared = [y for y, n in counts.items() if n >= 2]
    days = (parse_anchor(document_date(d)) for d in docs)
    return StoryTime(
        frozenset({max(shared)}) if shared else frozenset(), tuple(d for d in days if d)
    )


def story_places(parses: Sequence[Doc]) -> frozenset[str]:
    """The names the parses' entity recogniser tags as places (countries, cities,
    regions)."""
    return frozenset(e.text for parse in parses for e in parse.ents if e.label_ in {"GPE", "LOC"})


def _now(value: str, days: Sequence[date]) -> bool:
    """Whether a day or month (`_day` value) lies within ``NOW_DAYS`` of one of ``days``
    (always, when no day is known or the value is a weekday)."""
    if not days or value.startswith("weekday"):
        return True
    for day in days:
        for year in (day.year - 1, day.year, day.year + 1):
            text = f"{year}{value[1:]}" if value.startswith("--") else value
            if not text.startswith(str(year)):
                continue
            if len(text) == 7 and text[5:].isdigit() and 1 <= int(text[5:]) <= 12:
                if _gap(year, int(text[5:]), None, [day]) <= NOW_DAYS:
                    return True
                continue
            try:
                when = date.fromisoformat(text)
            except ValueError:
                continue
            if abs((when - day).days) <= NOW_DAYS:
                return True
    return False


def _gap(year: int, month: int, day: int | None, days: Sequence[date]) -> int:
    """Days between a day (or, ``day`` None, any day of a month) and the nearest of
    ``days``."""
    first = date(year, month, day or 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    last = first if day else date.fromordinal(following.toordinal() - 1)
    return min(
        0 if first <= d <= last else min(abs((d - first).days), abs((d - last).days)) for d in days
    )


_MONTH_VALUE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def _another_month(doc: Document, sent: SpacySpan, days: Sequence[date]) -> bool:
    """Whether a sentence is dated, by a month or a day of the document's timeline, at
    least ``NOW_DAYS`` away from every day of the story ("A 6.4 quake hit the town in
    February", in a report of November: another event)."""
    if not days:
        return False
    for item in _timeline_in(doc, sent):
        m = _MONTH_VALUE.fullmatch(item.date or "")
        if m is None:
            continue
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            continue
        try:
            if _gap(year, month, int(m[3]) if m[3] else None, days) > NOW_DAYS:
                return True
        except ValueError:
            continue
    return False


def _timeline_in(doc: Document, sent: SpacySpan) -> Iterator[TimeExpression]:
    """The items of ``doc``'s timeline that start in sentence ``sent`` of its parse."""
    for item in doc.timeline:
        if item.span.doc == doc.id and sent.start_char <= item.span.start < sent.end_char:
            yield item


def _year(token: Token) -> bool:
    """Whether a token is the year of a date, not a model year: a year before a name
    that an indefinite article or a possessive governs ("his 2008 Bentley", "a 2013
    Varro"; "the 2004 tsunami" is a date)."""
    if token.ent_type_ != "DATE" or not _YEAR.fullmatch(token.text):
        return False
    head = token.head
    return not (
        token.dep_ in {"nummod", "compound", "amod"}
        and head.pos_ == "PROPN"
        and head.i > token.i
        and any(c.lower_ in MODEL_YEAR_DETERMINERS for c in head.children if c.i < token.i)
    )


_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "conj"})


def _clause_of(tok: Token) -> Token:
    """The head of the clause ``tok`` stands in (the sentence root or a subordinate verb)."""
    while tok.dep_ not in _CLAUSES and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _another_year(focus: Token, present: frozenset[str]) -> bool:
    """Whether the clause of ``focus`` is dated only in years other than the story's, one
    of them earlier ("The 2011 flood killed 40 people"; not "X, 58, whose father founded
    the firm in 1978"). A later year is no background: the story is at least that late
    (its year is the latest that two documents write, which may be a film's)."""
    if not present:
        return False
    years = _clause_years(_clause_of(focus))
    return bool(years and not years & present and min(years) < max(present))


def _clause_years(clause: Token) -> set[str]:
    """The years written in the clause whose head is ``clause`` (`_clause_of`)."""
    return {t.text for t in clause.sent if _year(t) and _clause_of(t) == clause}


def read_slots(
    doc: Document,
    parse: Doc,
    present: StoryTime = StoryTime(),
    people: Sequence[tuple[int, int, str]] = (),
    places: frozenset[str] = frozenset(),
) -> list[Slot]:
    """The slots stated in ``doc``'s body sentences. Furniture, sentences about another
    event or time ("a year ago"; a year or a day far from the ``present`` story's) state
    none. ``people`` are the document's PERSON mentions with the name of the
    person each stands for (`person_names`); ``places`` the names the story writes as
    places (`story_places`)."""
    furniture = [(r.start, r.end) for r in nonbody_regions(doc.text)]
    slots: list[Slot] = []
    background = False  # the sentence before was about another time or event
    for sent in parse.sents:
        covered = sum(max(0, min(b, sent.end_char) - max(a, sent.start_char)) for a, b in furniture)
        if covered * 2 > sent.end_char - sent.start_char:
            continue  # mostly a caption, credit or prompt (a dateline opening it is fine)
        words = frozenset(
            t.lemma_.lower()
            for t in sent
            if t.is_alpha and t.lower_ not in STOP_WORDS and not t.like_num
        )
        names = frozenset(e.text.lower() for e in sent.ents if e.label_ in _NAME_LABELS)
        if _another_month(doc, sent, present.days) or (background and picks_up(sent)):
            background = True  # "… in February. It killed 612 people": February's event
            for reading in _values(sent):
                past = _past_slot(doc, reading, present.years, words, names)
                if past is not None:
                    slots.append(past)
            continue
        elsewhere = _elsewhere(sent)
        background = elsewhere or _another_year(sent.root, present.years)
        times = [r for r in _times(sent) if _prose(doc.text, r[-1].idx)]
        readings = [*_values(sent), *times, *_dates(doc, parse, sent, present.days)]
        readings += [r for r in _places(sent) if _prose(doc.text, r[-1].idx)]
        mentions = [m for m in people if sent.start_char <= m[0] < sent.end_char]
        days = frozenset(str(r[2]) for r in readings if r[0][0] == "date")
        implied = len(readings)
        readings += article_counts(sent)
        for n, (key, label, value, shown, approx, focus) in enumerate(readings):
            other_year = _another_year(focus, present.years)
            if other_year and n < implied and not elsewhere:
                past = _past_slot(doc, readings[n], present.years, words, names)
                if past is not None:
                    slots.append(past)
            if other_year or numbered(focus):
                continue
            if elsewhere and (key[0] != "date" or _dated_elsewhere(focus)):
                continue
            if any(t.lower_ == "since" and t.dep_ == "prep" for t in focus.ancestors):
                continue  # "the latest tremor since 7.6 and 7.5 magnitude quakes struck": before
            claim = claim_of(doc, sent, focus)
            agent = _owner(focus, mentions) or agent_of(focus, mentions)
            parties = arguments(focus, mentions)
            slots.append(
                Slot(
                    key,
                    label,
                    value,
                    shown,
                    approx,
                    claim,
                    words,
                    names,
                    agent,
                    parties,
                    implied=n >= implied,
                    verb_object=counts_object(focus) if key[0] == "count" else "",
                    modifiers=modifiers(focus) if key[0] == "count" else (),
                    unnamed=unnamed_agent(focus),
                    ongoing=ongoing(focus),
                    theme=described(focus),
                    source=reported_by(focus),
                    size=key[0] in {"count", "measure"} and sized(focus) is not None,
                    days=days,
                )
            )
        for key, label, value, shown, focus, claim in person_readings(doc, parse, mentions):
            if not elsewhere and not _another_year(focus, present.years):
                slots.append(Slot(key, label, value, shown, False, claim, words, names))
        for key, label, value, shown, focus in [
            *group_ages(sent),
            *organisation_seats(sent, places),
        ]:
            if not elsewhere and not _another_year(focus, present.years):
                claim = claim_of(doc, sent, focus)
                slots.append(Slot(key, label, value, shown, False, claim, words, names))
    return slots


PAST_KINDS = frozenset({"count", "measure", "money", "scale"})  # figures of a past event


def _past_year(focus: Token, present: frozenset[str]) -> str:
    """The one year, earlier than the story's, that the clause of ``focus`` is dated in,
    or the clause a relative clause or participle of it describes ("the disaster in
    December 2003, in which 31,000 people were killed"); empty when there is none, or
    several."""
    if not present:
        return ""
    clause = _clause_of(focus)
    for _ in range(3):
        years = _clause_years(clause)
        if years or clause.dep_ not in {"relcl", "acl"} or clause.head.i == clause.i:
            break
        clause = _clause_of(clause.head)
    if len(years) != 1 or years & present:
        return ""
    year = next(iter(years))
    return year if year < max(present) else ""


def _past_slot(
    doc: Document,
    reading: Reading,
    present: frozenset[str],
    words: frozenset[str],
    names: frozenset[str],
) -> Slot | None:
    """A figure of a past event, dated in one earlier year than the story's ("a quake
    killed more than 26,000 people in Bam in December 2003"): a slot keyed by that year
    too (``past``), compared only with figures other reports give for that year's event
    (`newsdesk.brief.align.aligned`), never with the story's."""
    key, label, value, shown, approx, focus = reading
    if key[0] not in PAST_KINDS or numbered(focus) or _elsewhere(focus.sent):
        return None
    year = _past_year(focus, present)
    if not year:
        return None
    claim = claim_of(doc, focus.sent, focus)
    size = key[0] in {"count", "measure"} and sized(focus) is not None
    return Slot(
        (*key, f"in {year}"),
        f"{label} ({year})",
        value,
        shown,
        approx,
        claim,
        words,
        names,
        size=size,
        past=year,
    )


def _owner(focus: Token, people: Sequence[tuple[int, int, str]]) -> str | None:
    """Whose thing a size is (`quantities.sized`): the person named as the owner of the
    noun it describes ("Hale's four-year term": Hale's term, whoever the sentence's
    subject is), or, for an owner written as a pronoun, the named subject of the sentence
    ("Rook has served three years of his four-year term": Rook's), as a slot's agent;
    None when no person owns it."""
    thing = sized(focus)
    owners = [c for c in thing.children if c.dep_ == "poss"] if thing is not None else []
    for owner in owners:
        if owner.pos_ == "PRON":
            return agent_of(owner.sent.root, people)
        for start, end, name in people:
            if start <= owner.idx < end:
                return name
    return None


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT"})
# What a reader finds in a sentence: (key, label, value, shown, approx, focus), the
# `Slot` fields a sentence's value gives, with the token its claim is read around.
Reading = tuple[tuple[str, ...], str, float | str, str, bool, "Token"]


def _values(sent: SpacySpan) -> Iterator[Reading]:
    for top in number_tops(sent):
        reading = quantity(top)
        if reading is not None:
            yield reading
    yield from times_counts(sent)
    yield from _ranks(sent)
    for scale, value, shown, number in scale_values(sent):
        verb = verb_of(number)
        if verb is not None and hedged(verb):
            continue  # "a magnitude 6.0 quake can cause severe damage": no quake's value
        before = sent.doc[number.i - 1].lower_ if number.i > 0 else ""
        yield ("scale", scale), scale, value, shown, before in APPROXIMATORS, number
    for tok in sent:
        thing = _coloured(tok) if tok.text in COLOURS and not _named(tok) else None
        if thing is not None and names_people(thing.lemma_.lower()):
            thing = None  # "a black male", "a white woman": a description, no thing's colour
        if thing is not None:
            key = ("colour", thing.lemma_.lower())
            yield key, f"colour of the {thing.text}", tok.lower_, tok.text, False, tok
        place = _of_object(tok) if tok.lower_ in DIRECTIONS else None
        if place is not None:
            key = ("direction", place.text.lower())
            shown = f"{tok.text} of {place.text}"
            yield key, f"direction from {place.text}", tok.lower_, shown, False, tok


def _ranks(sent: SpacySpan) -> Iterator[Reading]:
    """A thing's rank among its kind, an ordinal before a superlative ("the world's
    ninth-largest economy", "the eighth-largest in the world" after "economy"), keyed by
    the superlative and the noun it ranks."""
    for tok in sent:
        if tok.tag_ != "JJS":
            continue
        rank = rank_of(tok)
        head = tok.head
        if rank is None or head.pos_ != "NOUN" or tok.dep_ not in {"amod", "conj"}:
            continue
        lemma, noun = tok.lemma_.lower(), head.lemma_.lower()
        first = tok.i - 2 if tok.doc[tok.i - 1].text == "-" else tok.i - 1
        label = f"rank ({tok.lower_} {noun})"
        yield ("rank", lemma, noun), label, float(rank), tok.doc[first : tok.i + 1].text, False, tok


def _named(tok: Token) -> bool:
    """Whether a colour word is part of a name: capitalised inside its sentence ("a Red
    Cross van", "the Navy"), or after a nationality or place ("an Indian navy ship", "a
    U.S. navy ship": the force, not the ship's colour)."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (
        (tok.text[:1].isupper() and not tok.is_sent_start)
        or (before is not None and before.ent_type_ in {"NORP", "GPE"})
        or any(c.ent_type_ in {"NORP", "GPE", "ORG"} for c in tok.children)
    )


def _coloured(tok: Token) -> Token | None:
    """The thing a colour word describes: the noun phrase right after it ("a silver
    Toyota Camry": the Camry), however the parse attached them."""
    doc, i = tok.doc, tok.i + 1
    while i + 1 < len(doc) and doc[i].dep_ == "compound" and doc[i].pos_ in {"NOUN", "PROPN"}:
        i += 1
    if i < len(doc) and doc[i].pos_ in {"NOUN", "PROPN"}:
        return doc[i]
    return None


def _of_object(tok: Token) -> Token | None:
    """The place in "west of Bireun" (the object of the "of" after a compass word)."""
    for child in tok.children:
        if child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ == "NOUN":  # "west of the town of Bireun"
                objects = [o for c in objects[0].children if c.lower_ == "of" for o in c.children]
            if objects and objects[0].pos_ == "PROPN":
                return objects[0]
    return None


# ---------------------------------------------------------------------------- dates, times


def _dates(doc: Document, parse: Doc, sent: SpacySpan, days: Sequence[date]) -> Iterator[Reading]:
    """The day an event happened: a day-precise date of the document's timeline, or a
    weekday it could not resolve (no publication date), keyed by the word it dates; a
    bound ("until Friday") is none."""
    for item in _timeline_in(doc, sent):
        value = _day(item.date, item.expression)
        if value is None or not _prose(doc.text, item.span.start) or not _now(value, days):
            continue  # a time stamp, a headline, a caption: no claim
        span = parse.char_span(item.span.start, item.span.end, alignment_mode="expand")
        if span is None or len(span) == 0 or not sent.start <= span.root.i < sent.end:
            continue  # an expression across a sentence break
        if span.start > 0 and parse[span.start - 1].lower_ in TIME_BOUNDS:
            continue  # "until Friday", "from Wednesday through Friday": a bound
        event = event_of(span.root)
        if event is None:
            continue
        lemma = anchor_lemma(event)
        yield ("date", lemma), f"date ({lemma})", value, item.expression, False, span.root


def _prose(text: str, offset: int) -> bool:
    """Whether the line holding ``offset`` is prose: a sentence ends it, or it is longer
    than a headline (a stamp "Posted: Thursday, July 29, 2004" or a headline is none)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)].rstrip()
    return ends_sentence(line) or len(line.split()) > HEADLINE_MAX_WORDS


def _day(date: str | None, expression: str) -> str | None:
    """A day as a comparable value: "2026-10-12"; "--10-12" for a day and month the
    timeline could not give a year (ISO 8601's truncated form); "2026-10" or "--10" for
    a month named by its name ("in October"); "weekday friday" for a weekday it could
    not resolve; None for anything less precise or only relative ("last month")."""
    words = expression.lower().replace(",", " ").split()
    months = [MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in MONTHS]
    if date is not None:
        if _ISO_DAY.fullmatch(date) or (months and _ISO_MONTH.fullmatch(date)):
            return date
        return None
    if len(words) == 1 and words[0] in WEEKDAYS:
        return f"weekday {words[0]}"
    days = [w.rstrip("stndrh") for w in words if w[:1].isdigit()]
    if len(words) == 2 and len(days) == 1 and len(months) == 1 and days[0].isdigit():
        return f"--{months[0]:02d}-{int(days[0]):02d}"
    if len(words) == 1 and len(months) == 1:
        return f"--{months[0]:02d}"
    return None


def _times(sent: SpacySpan) -> Iterator[Reading]:
    """The clock time of an event ("about 1:30 a.m."), in minutes after midnight, keyed
    by time alone: `newsdesk.brief.align` compares two times when their verbs are one
    or their events share a named participant ("driving his Bentley", "going west in his
    Bentley")."""
    for minutes, shown, approx, root in clock_times(sent):
        event = event_of(root)
        if event is None:
            continue
        lemma = anchor_lemma(event)
        yield ("time",), f"time ({lemma})", minutes, shown, approx, root


def _places(sent: SpacySpan) -> Iterator[Reading]:
    """The kinds of place an event is said to happen in (`events.place_nouns`), keyed by
    its verb; the value is the place's nouns (lemmas, sorted, space-separated)."""
    for verb in sent:
        if verb.pos_ != "VERB" or hedged(verb) or verb.lemma_.lower() in REPORTING_VERBS:
            continue
        if any(c.dep_ == "ccomp" for c in verb.children):
            continue  # "found in a study that …": a finding, not an event
        lemma = anchor_lemma(verb)
        for nouns in place_nouns(verb):
            value = " ".join(sorted({n.lemma_.lower() for n in nouns}))
            shown = " ".join(n.text for n in sorted(nouns, key=lambda n: n.i))
            yield ("place", lemma), f"kind of place ({lemma})", value, shown, False, nouns[0]
