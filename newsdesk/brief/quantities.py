"""Quantities: the counts, measures and sums a sentence states with a number, read from
its parse (the kinds `newsdesk.brief.slots` describes), and the numbers a document writes
anywhere with what they count.

`quantity` reads the slot one number phrase states: a **measure** (a number with its
unit, normalised within its dimension), a **sum** (a number with its currency,
`number_words.currency`, keyed apart when paid at a rate), a **count** (a number and the
noun it counts, or a bare number standing for people: "killing three"), each keyed by
the word it belongs to (`_anchor`); a number and noun written before another noun give
that noun's size, keyed by it ("the 400-page report", "a four-year term": `sized`).
`article_counts` reads the count of one an indefinite article states ("serving a life
sentence"). `written_numbers` reads every number a document writes with its noun, unit
or currency, wherever it stands, keyed as these slots are, for the values a document
gives outside any slot (`newsdesk.brief.align`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsdesk.brief.events import anchor_lemma, hedged, participle_after
from newsdesk.brief.number_words import (
    approximate,
    converted,
    currency,
    duration_offset,
    in_range,
    joined_number,
    number_phrase,
    number_tops,
    rate,
    sum_scale,
    whole_number,
)
from newsdesk.lang.en.discourse import MODALS, PARTICLES, SPACING
from newsdesk.lang.en.measures import (
    ABOARD,
    ANCHOR_SYNONYMS,
    COUNTED_SYNONYMS,
    CURRENCIES,
    PEOPLE_ANCHOR_SYNONYMS,
    SCALES,
    UNITS,
)
from newsdesk.lang.en.numbers import TIMES_ADVERBS
from newsdesk.lang.en.people import names_people
from newsdesk.lang.en.speech import REPORTED_VERBS
from newsdesk.lang.en.stop_words import STOP_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from newsdesk.brief.slots import Reading

__all__ = [
    "Written",
    "article_counts",
    "counts_object",
    "modifiers",
    "quantity",
    "sized",
    "times_counts",
    "written_numbers",
]

# The numbers a document writes, each with what it counts or measures (`slots.Slot.key`'s
# first two parts and a count's modifiers: ("count", "touchdown"), ("count", "sentence",
# "life"), ("measure", "length"), ("money", "dollars")) and its value in the slot's
# units, wherever it stands.
Written = frozenset[tuple[tuple[str, ...], float]]


def written_numbers(parse: Doc) -> Written:
    """Every number a document writes with the noun it counts (and the words before that
    noun, as `modifiers`), its unit or its currency, wherever it stands (a list, a
    "since" phrase, a clause about another event: no slot is read there), keyed as slots
    are (`Written`)."""
    found: set[tuple[tuple[str, ...], float]] = set()
    for top in number_tops(parse):
        chain, value = number_phrase(top)
        if value is None:
            continue
        money = currency(chain)
        noun = _counted(top)
        lemma = noun.lemma_.lower() if noun is not None else ""
        if money is not None:
            found.add((("money", money), value * sum_scale(chain)[0]))
        elif lemma in UNITS:
            found.add((("measure", UNITS[lemma][0]), value * UNITS[lemma][1]))
        elif noun is not None:
            found.add((("count", COUNTED_SYNONYMS.get(lemma, lemma), *modifiers(top)), value))
    return frozenset(found)


def _counted(top: Token) -> Token | None:
    """The noun (or unit, or currency word) a number phrase's last token ``top`` counts,
    if it modifies one ("three *people*", "12 *miles*")."""
    return top.head if top.dep_ in {"nummod", "quantmod"} else None


def quantity(top: Token) -> Reading | None:
    """The measure, sum or count a number phrase states, or None (years, ages, ranks, ids)."""
    chain, value = number_phrase(top)
    if value is None or top.ent_type_ in {"ORDINAL", "PERCENT"}:
        return None
    duration = UNITS.get(top.head.lemma_.lower(), ("",))[0] == "duration"
    if top.ent_type_ == "TIME" and not duration:
        return None  # a clock time ("2:56", "6 p.m."), not a duration ("five minutes")
    if top.ent_type_ == "DATE" and not duration and not _lone_count(top):
        return None  # a date ("March 14", "2004"), not a duration ("four years")
    half = any(c.lower_ == "half" and c.dep_ == "conj" for c in top.children)
    doc = top.doc
    whole = whole_number(top)  # "1, 400", "$1, 099", "1. 2 miles", which the parse splits
    if whole is None:
        return None
    first, value = whole[0], whole[1] + (0.5 if half else 0.0)  # "four and a half months"
    if first < chain[0].i and doc[first + 1].text == ",":
        chain = [t for t in doc[first : chain[0].i] if t.text != ","] + chain  # its groups
    approx = approximate(chain)
    shown = doc[first : chain[-1].i + 1].text
    money = currency(chain)
    if money is not None:
        if _conversion(top, first):
            return None  # "400 baht (about $10)": the sum is the one written before it
        anchor = _anchor(top)
        unit = " ".join(filter(None, [money, rate(chain)]))  # "dollars a year"
        label = f"{anchor} ({unit})" if anchor else f"sum ({unit})"
        scale, end = sum_scale(chain)  # "$35m"
        shown = doc[first : end + 1].text
        if first > 0 and CURRENCIES.get(doc[first - 1].lower_) == money:
            shown = doc[first - 1 : end + 1].text  # "$972,814", "dlrs 400,000"
        return ("money", unit), label, value * scale, shown, approx, top
    if in_range(top, first):
        return None  # "between six and 75 years", "$140 million to $150 million"
    counted = _counted(top)
    if counted is not None and counted.dep_ in {"compound", "amod"} and counted.head.i > counted.i:
        return _size(top, counted, value, shown, approx)  # "the 400-page report"
    if counted is None and top.dep_ in _BARE_COUNT_ROLES and top.head.pos_ == "VERB":
        grouped = any(joined_number(doc, t.i + 1) for t in chain[:-1]) or "," in top.text
        return _bare_count(top, value, shown, approx, grouped)
    if counted is None and top.dep_ == "pobj" and top.head.lower_ == "of":
        return _kin_count(top, value, shown, approx)
    if counted is None or counted.pos_ not in {"NOUN", "PROPN"}:
        return None
    unit = counted.lemma_.lower()
    if counted.i + 1 < len(doc) and doc[counted.i + 1].text == "-":
        return None  # "59-year-old", "a 10-mile drive": a modifier, not a measure
    if counted.i + 1 < len(doc) and doc[counted.i + 1].lower_ in SPACING:
        return None  # "arrested five buildings away": a distance, not a count
    if any(t.text == "/" for t in doc[max(0, first - 1) : chain[-1].i + 2]):
        return None  # "41 / 2", "1/2": a fraction written apart
    if unit in UNITS:
        dimension, size = UNITS[unit]
        anchor = _anchor(counted)
        if not anchor or (dimension == "duration" and duration_offset(counted)):
            return None
        label = f"{anchor} ({dimension})"
        return (
            ("measure", dimension, anchor),
            label,
            value * size,
            f"{shown} {counted.text}",
            approx or converted(doc, first, counted.i),
            top,
        )
    unit = COUNTED_SYNONYMS.get(unit, unit)
    anchor = _anchor(counted)
    plural = counted.tag_ in {"NNS", "NNPS"}
    if not anchor or counted.pos_ == "PROPN" or plural != (value != 1):
        return None  # "6 earthquake" ("6.1-magnitude earthquake") counts nothing
    return (
        ("count", unit, anchor),
        _count_label(counted, anchor),
        value,
        f"{shown} {counted.text}",
        approx,
        top,
    )


def sized(top: Token) -> Token | None:
    """The noun a number phrase's last token ``top`` gives the size of through the noun it
    counts, written before it ("the 400-page report", "the 30-foot robot arm": the
    report, the arm), or None."""
    counted = _counted(top)
    if counted is None or counted.dep_ not in {"compound", "amod"} or counted.head.i < counted.i:
        return None
    thing = counted.head
    while thing.dep_ == "compound" and thing.head.i > thing.i and thing.head.pos_ == "NOUN":
        thing = thing.head  # "robot" of "the 30-foot robot arm": the arm
    return thing if thing.pos_ == "NOUN" else None


def _size(top: Token, counted: Token, value: float, shown: str, approx: bool) -> Reading | None:
    """The size a number and its noun give the noun they modify ("the 400-page report":
    400 pages; "a four-year term": four years; "the 30-foot arm": 30 feet), keyed by that
    noun, so that two reports of one report's length or one term's duration are compared
    (the owner of the noun is the slot's agent: `slots.read_slots`).
    None for an age ("a 33-year-old actress", read as a person's age), a value on a scale
    ("a 6.1-magnitude quake", read as such), a kind of thing a verb's indefinite object
    names ("sold a 15-inch laptop": which laptop, not one thing's size) and a size stated
    under a modal other than "will" ("could face a 10-year sentence")."""
    doc, thing = top.doc, sized(top)
    if thing is None or counted.lower_ in SCALES:
        return None
    if counted.i + 1 < len(doc) and doc[counted.i + 1].text == "-":
        return None  # "33-year-old", "a 10-mile-long tail": the noun is not the size's
    if thing.dep_ == "dobj" and any(c.lower_ in {"a", "an"} for c in thing.children):
        return None
    verb = _anchor_token(thing)
    if verb is not None and any(c.dep_ == "aux" and c.lower_ in _UNSTATED for c in verb.children):
        return None
    noun = thing.lemma_.lower()
    unit = counted.lemma_.lower()
    written = f"{shown}-{counted.text} {thing.text}".replace(" - ", "-")
    if unit in UNITS:
        dimension, size = UNITS[unit]
        return (
            ("measure", dimension, noun),
            f"{noun} ({dimension})",
            value * size,
            written,
            approx,
            top,
        )
    if value == 1:
        return None  # "one-way mirrors", "a one-party state": a kind of thing, no count
    unit = COUNTED_SYNONYMS.get(unit, unit)
    return ("count", unit, noun), f"number of {unit}s ({noun})", value, written, approx, top


def counts_object(focus: Token) -> str:
    """What a verb acted on that a count's number (or article) counts: "object" for the
    verb's direct object ("serving a life sentence"; "called in six engines", with a
    particle the parse took for a preposition), "passive" for what it acted on with its
    doer unsaid, the subject of a passive ("89 people were arrested") or the noun its
    past participle describes ("99 suspects seized"); "" for anything else."""
    if _part_count(focus) is not None:
        return ""  # "two of Xu's colleagues": compared only with counts of that noun
    noun = focus.head if focus.dep_ == "nummod" else focus
    if noun.dep_ in {"dobj", "nsubjpass"}:
        if noun.head.pos_ != "VERB":
            return ""
        return "object" if noun.dep_ == "dobj" else "passive"
    if participle_after(noun) is not None:
        return "passive"
    particle = noun.head  # "called in six engines", parsed "in" + its object
    particled = (
        noun.dep_ == "pobj"
        and particle.lower_ in PARTICLES
        and particle.head.pos_ == "VERB"
        and particle.i == particle.head.i + 1
    )
    return "object" if particled else ""


def modifiers(focus: Token) -> tuple[str, ...]:
    """The words that qualify a counted noun before it ("life" in "three life
    sentences", "a life sentence"), as sorted lemmas."""
    noun = focus.head if focus.dep_ == "nummod" else focus
    return tuple(
        sorted(
            c.lemma_.lower()
            for c in noun.children
            if c.i < noun.i and c.dep_ not in {"det", "nummod", "punct", "quantmod"}
        )
    )


def article_counts(sent: SpacySpan) -> Iterator[Reading]:
    """A count of one read from an indefinite article on a verb's direct object ("was
    serving a life sentence": one sentence, keyed like "serving three life sentences").
    `newsdesk.brief.align` compares it only with a number another document gives for
    the same noun, with the same words before it, of the same verb: alone, "a" counts
    nothing. A noun described after it ("a recording of the hearing") is one thing of
    several, not a total."""
    for det in sent:
        noun = det.head
        if det.lower_ not in {"a", "an"} or det.dep_ != "det" or noun.i < det.i:
            continue
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.dep_ != "dobj":
            continue
        if noun.head.pos_ != "VERB" or any(c.dep_ == "nummod" for c in noun.children):
            continue
        if any(c.i > noun.i and c.dep_ in {"prep", "acl", "relcl"} for c in noun.children):
            continue  # "a recording of the hearing": one thing described, not a total
        unit = COUNTED_SYNONYMS.get(noun.lemma_.lower(), noun.lemma_.lower())
        anchor = _anchor(noun)
        if not anchor or unit in UNITS:
            continue
        shown = noun.doc[det.i : noun.i + 1].text
        yield ("count", unit, anchor), _count_label(noun, anchor), 1.0, shown, False, noun


# "could face a 10-year sentence": no size stated yet ("is to serve a four-year term" is one)
_UNSTATED = MODALS - {"will", "shall", "'ll", "to"}
_BARE_COUNT_ROLES = frozenset({"dobj", "nsubj", "nsubjpass"})


def _lone_count(top: Token) -> bool:
    """Whether a number the entity recogniser calls a date is a verb's bare subject or
    object written alone in digits, no year ("killing 10 people and injuring *80*"):
    a count, as no date stands there by itself."""
    return (
        top.text.isdigit()
        and len(top.text) <= 3
        and top.dep_ in _BARE_COUNT_ROLES
        and top.head.pos_ == "VERB"
        and not any(
            t.ent_type_ == "DATE" for t in top.doc[max(0, top.i - 1) : top.i + 2] if t.i != top.i
        )
    )


def times_counts(sent: SpacySpan) -> Iterator[Reading]:
    """How many times a verb's act happened, written as one adverb ("Page married
    twice"), keyed as "three times" is (the noun "time" and the verb)."""
    for tok in sent:
        value = TIMES_ADVERBS.get(tok.lower_)
        if value is None or tok.dep_ != "advmod" or tok.head.pos_ != "VERB":
            continue
        anchor = _anchor(tok)
        if anchor:
            label = _count_label_for("times", tok.head, anchor)
            yield ("count", "time", anchor), label, value, tok.text, False, tok


def _count_label_for(noun: str, head: Token, anchor: str) -> str:
    """`_count_label` for a count whose noun is not written ("twice": times)."""
    if head.tag_ in {"VBN", "VBD"}:
        return f"number of {noun} {' '.join([*anchor.split()[:-1], head.lower_])}"
    return f"number of {noun} ({anchor})"


def _kin_count(top: Token, value: float, shown: str, approx: bool) -> Reading | None:
    """A number written alone after "of" and a noun for a person ("a mother of 12", "a
    father of three"): how many that person has, keyed by the noun ("mother of")."""
    person = top.head.head
    lemma = person.lemma_.lower()
    if (
        person.pos_ not in {"NOUN", "PROPN"}
        or not names_people(lemma, by_ending=False)
        or value != int(value)
        or any(c.dep_ in {"prep", "conj"} for c in top.children)
    ):
        return None
    return ("count", "of", lemma), f"{lemma} of", value, f"{person.text} of {shown}", approx, top


def _part_count(top: Token) -> Token | None:
    """The plural noun a number takes a part of, written after "of" ("detained two of
    Xu's colleagues": colleagues), or None."""
    for prep in top.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            nouns = [c for c in prep.children if c.dep_ == "pobj"]
            if len(nouns) == 1 and nouns[0].pos_ == "NOUN" and nouns[0].tag_ == "NNS":
                return nouns[0]
    return None


def _bare_count(
    top: Token, value: float, shown: str, approx: bool, grouped: bool = False
) -> Reading | None:
    """A number standing for those it counts, as a verb's subject or object ("killing
    three", "three were killed"): a count of people (the usual unwritten noun: the
    count "killing three people" states), keyed by the verb; a part of a group written
    with it is a count of that group's noun ("detained two of Xu's colleagues": two
    colleagues detained). "One of the victims" (one person of a group) is none, and so
    is a number over 10,000 unless ``grouped``, written in groups of thousands ("killed
    more than 31, 000"), as a count seldom is otherwise."""
    part = _part_count(top)
    if part is None and any(c.dep_ == "prep" for c in top.children):
        return None
    if value != int(value) or (value > 10000 and not grouped) or (part is not None and value == 1):
        return None  # "one of the victims was killed": one person, not how many
    verb = top.head
    if hedged(verb) or verb.lemma_.lower() in REPORTED_VERBS:
        return None
    anchor = anchor_lemma(verb)
    noun = COUNTED_SYNONYMS.get(part.lemma_.lower(), part.lemma_.lower()) if part else "person"
    plural = part.lower_ if part is not None else "people"
    label = f"number of {plural} {verb.lower_}" if verb.tag_ in {"VBN", "VBD"} else ""
    return (
        ("count", noun, anchor),
        label or f"number of {plural} ({anchor})",
        value,
        shown,
        approx,
        top,
    )


def _count_label(counted: Token, anchor: str) -> str:
    """How a reader names a count: "number of people injured", "number of yachts (leave)"."""
    head = _anchor_token(counted)
    noun = counted.lower_ if counted.tag_ == "NNS" else counted.lemma_.lower()
    if head is not None and head.tag_ in {"VBN", "VBD"}:
        return f"number of {noun} {' '.join([*anchor.split()[:-1], head.lower_])}"
    return f"number of {noun} ({anchor})"


def _anchor(token: Token) -> str:
    """The word a measure or count belongs to: the verb or noun governing its phrase,
    through prepositions ("depth *of* 12 miles" → depth; "killing 3 people" → kill), with
    the adverb that qualifies it ("seriously injured": another attribute than "injured").
    A verb that arrests the people it counts is "arrest" ("seized 40 members"). Empty
    when the verb is negated, modal or infinitive ("could have killed", "can carry"): no
    value is stated."""
    head = _anchor_token(token)
    if head is None or hedged(head):
        return ""
    qualifiers = [
        c.lemma_.lower() for c in head.children if c.dep_ == "advmod" and c.text.endswith("ly")
    ]
    lemma = head.lemma_.lower()
    if lemma in PEOPLE_ANCHOR_SYNONYMS and names_people(token.lemma_.lower(), by_ending=False):
        lemma = PEOPLE_ANCHOR_SYNONYMS[lemma]  # "seized 40 suspects": arrested them
    return " ".join([*qualifiers, ANCHOR_SYNONYMS.get(lemma, lemma)])


def _conversion(top: Token, first: int) -> bool:
    """Whether a sum (its number ``top``, its words from ``first``) is written in brackets
    right after another quantity: that sum converted ("400 baht (about $10)", "€400 (about
    $520)"), no figure of its own."""
    doc = top.doc
    opening = first - 1  # past the currency and a hedge ("about $10", "dlrs 26")
    while opening >= 0 and opening >= first - 3 and doc[opening].text != "(":
        if not doc[opening].is_alpha and doc[opening].lower_ not in CURRENCIES:
            return False
        opening -= 1
    if opening < 0 or doc[opening].text != "(":
        return False
    unit = opening - 1  # "400 baht (", "$400 ("
    return unit >= 0 and (doc[unit].like_num or (unit >= 1 and doc[unit - 1].like_num))


def _anchor_token(token: Token) -> Token | None:
    """The verb or noun governing a measure's or count's phrase (see `_anchor`)."""
    if token.dep_ in {"conj", "appos"}:
        return None  # "10 km, 55 km south … and 72 km": whose measure is not clear
    participle = participle_after(token)
    if participle is not None:
        return participle  # "99 suspects seized on Tuesday": the count of those seized
    for child in token.children:  # "231 passengers on board", "12 crew aboard"
        for word in (child, *child.children):
            if word.lower_ in ABOARD:
                return word
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return None
        if head.pos_ == "NUM" and current.lower_ == "of":
            return None  # "10 of the team's 16 games": the whole a part is taken from
        if head.pos_ == "ADP" or head.dep_ in {"quantmod", "nummod"}:
            current = head
            continue
        lemma = head.lemma_.lower()
        if head.pos_ in {"VERB", "NOUN"} and lemma not in STOP_WORDS and lemma not in CURRENCIES:
            return None if lemma in UNITS else head  # "10 km (6 miles)"
        current = head
    return None
