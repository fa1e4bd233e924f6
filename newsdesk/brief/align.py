"""Claims aligned across documents by meaning and by value.

Each body sentence of each parsed document is read for *slots*, values the sentence
states for an attribute:

* a **measure**: a number with its unit, normalised within its dimension ("1.2 miles",
  "60 metres (200 feet)", "four and a half months", "$500,000", "dlrs 400,000"), keyed
  by the dimension (or currency) and the word the measure belongs to ("depth", "fall",
  "serve", "fund");
* a **count**: a number and the noun it counts, keyed by that noun and the word that
  governs it ("killing at least three *people*" → people, kill);
* a **colour** of a thing ("a silver Toyota Camry" → colour of the Camry) and a
  **direction** from a place ("55 km west of Bireun" → direction from Bireun).

Two sentences of different documents are *aligned* when they give a slot of the same key
and say much the same otherwise: they share content words (a Jaccard overlap of their
lemmas) or a name. Values of aligned slots are compared: equal, or equal up to the
rounding a careful editor accepts (a hedged "nearly $1 million" against "$972,814", or
"$973,000" against "$972,814", which is a *minor* difference), is agreement; anything else
is a conflict on that attribute, unless either document also states the other's value.
A clause about another time or event ("a year ago", "another quake", "the 2004 tsunami")
states no slot: being conservative is the point; a false conflict is worse than a missed
one.

`slot_conflicts` groups the disagreements into conflicts whose claims are grouped by value;
`disagreeing` tells whether two spans state different values of one conflict, and
`supported` keeps such spans out of a summary line's citations.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsdesk.brief.claims import elsewhere, hedged
from newsdesk.brief.number_words import approximate, number_phrase, number_tops
from newsdesk.lang.en.measures import COLOURS, COUNTED_SYNONYMS, CURRENCIES, DIRECTIONS, UNITS
from newsdesk.lang.en.stop_words import STOP_WORDS
from newsdesk.layout import nonbody_regions
from newsdesk.model import Conflict, ConflictValue, Document, Span, SummaryItem, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "Slot",
    "background",
    "disagreeing",
    "disputes",
    "read_slots",
    "slot_conflicts",
    "story_years",
    "supported",
]

ALIGN_JACCARD = 0.2  # content-word overlap that aligns two sentences sharing a slot key
APPROX_TOLERANCE = 0.15  # a hedged value agrees with one within 15%
ROUNDING_TOLERANCE = 0.01  # "973,000" against "972,814": a minor difference
MAX_CLAIM_CHARS = 240

_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@dataclass(frozen=True, slots=True)
class Slot:
    """One value a sentence states for one attribute."""

    key: tuple[str, ...]
    label: str  # the attribute, as a reader says it: "depth", "people killed"
    value: float | str
    shown: str  # the value as written: "1.2 miles", "at least three"
    approx: bool
    claim: TextSpan  # the sentence (or clause) that states it
    words: frozenset[str]  # the sentence's content lemmas
    names: frozenset[str]  # the names it mentions


def story_years(parses: Sequence[Doc]) -> frozenset[str]:
    """The year a story is told in: the latest year two or more documents write as a date
    (earlier years are background: "the 2004 tsunami"). Empty when none is."""
    counts: dict[str, int] = defaultdict(int)
    for parse in parses:
        for year in {t.text for t in parse if t.ent_type_ == "DATE" and _YEAR.fullmatch(t.text)}:
            counts[year] += 1
    shared = [y for y, n in counts.items() if n >= 2]
    return frozenset({max(shared)}) if shared else frozenset()


_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "conj"})


def _clause_of(tok: Token) -> Token:
    """The head of the clause ``tok`` stands in (the sentence root or a subordinate verb)."""
    while tok.dep_ not in _CLAUSES and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _another_year(focus: Token, present: frozenset[str]) -> bool:
    """Whether the clause of ``focus`` is dated only in years other than the story's ("The
    2011 flood killed 40 people"; not "X, 58, whose father founded the firm in 1978")."""
    if not present:
        return False
    clause = _clause_of(focus)
    years = {
        t.text
        for t in focus.sent
        if t.ent_type_ == "DATE" and _YEAR.fullmatch(t.text) and _clause_of(t) == clause
    }
    return bool(years and not years & present)


def background(parse: Doc, offset: int, present: frozenset[str]) -> bool:
    """Whether the clause at character ``offset`` of ``parse`` is about another year."""
    span = parse.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and _another_year(span[0], present)


def read_slots(doc: Document, parse: Doc, present: frozenset[str] = frozenset()) -> list[Slot]:
    """The slots stated in ``doc``'s body sentences. Furniture, sentences about another
    event or time ("a year ago"; a year that is not one of the ``present`` years of the
    story) state none."""
    furniture = [(r.start, r.end) for r in nonbody_regions(doc.text)]
    slots: list[Slot] = []
    for sent in parse.sents:
        covered = sum(max(0, min(b, sent.end_char) - max(a, sent.start_char)) for a, b in furniture)
        if covered * 2 > sent.end_char - sent.start_char:
            continue  # mostly a caption, credit or prompt (a dateline opening it is fine)
        if elsewhere(sent):
            continue
        words = frozenset(
            t.lemma_.lower()
            for t in sent
            if t.is_alpha and t.lower_ not in STOP_WORDS and not t.like_num
        )
        names = frozenset(e.text.lower() for e in sent.ents if e.label_ in _NAME_LABELS)
        for key, label, value, shown, approx, focus in _values(sent):
            if _another_year(focus, present):
                continue
            claim = _claim(doc, sent, focus)
            slots.append(Slot(key, label, value, shown, approx, claim, words, names))
    return slots


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT"})
Reading = tuple[tuple[str, ...], str, float | str, str, bool, "Token"]


def _values(sent: SpacySpan) -> Iterator[Reading]:
    for top in number_tops(sent.doc):
        if sent.start <= top.i < sent.end:
            reading = _number(top)
            if reading is not None:
                yield reading
    for tok in sent:
        thing = _coloured(tok) if tok.text in COLOURS else None
        if thing is not None:
            key = ("colour", thing.lemma_.lower())
            yield key, f"colour of the {thing.text}", tok.lower_, tok.text, False, tok
        place = _of_object(tok) if tok.lower_ in DIRECTIONS else None
        if place is not None:
            key = ("direction", place.text.lower())
            shown = f"{tok.text} of {place.text}"
            yield key, f"direction from {place.text}", tok.lower_, shown, False, tok


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


def _number(top: Token) -> Reading | None:
    """The measure or count a number phrase states, or None (years, ages, ranks, ids)."""
    chain, value = number_phrase(top)
    if value is None or top.ent_type_ in {"TIME", "ORDINAL", "PERCENT"}:
        return None
    if top.ent_type_ == "DATE" and UNITS.get(top.head.lemma_.lower(), ("",))[0] != "duration":
        return None  # a date ("March 14", "2004"), not a duration ("four years")
    if any(c.lower_ == "half" and c.dep_ == "conj" for c in top.children):
        value += 0.5  # "four and a half months"
    doc = top.doc
    if _joined_number(doc, chain[-1].i + 1):
        return None  # "1" of "1. 2" or "2" of "2: 09": the part of a number read whole below
    first = chain[0].i
    if first >= 2 and doc[first - 1].text in {".", ":"} and doc[first - 2].text.isdigit():
        if doc[first - 1].text == ":" or not top.text.isdigit():
            return None  # a clock time: "2: 09"
        value = float(f"{doc[first - 2].text}.{top.text}")  # "1. 2 miles": a decimal
        first -= 2
    approx = approximate(chain)
    shown = doc[first : chain[-1].i + 1].text
    currency = _currency(chain)
    if currency is not None:
        anchor = _anchor(top)
        label = f"{anchor} ({currency})" if anchor else f"sum ({currency})"
        return ("money", currency), label, value, shown, approx, top
    counted = top.head if top.dep_ in {"nummod", "quantmod"} else None
    if counted is None or counted.pos_ not in {"NOUN", "PROPN"}:
        return None
    unit = counted.lemma_.lower()
    if counted.i + 1 < len(doc) and doc[counted.i + 1].text == "-":
        return None  # "59-year-old", "a 10-mile drive": a modifier, not a measure
    if any(t.text == "/" for t in doc[max(0, first - 1) : chain[-1].i + 2]):
        return None  # "41 / 2", "1/2": a fraction written apart
    if unit in UNITS:
        dimension, size = UNITS[unit]
        anchor = _anchor(counted)
        if not anchor:
            return None
        label = f"{anchor} ({dimension})"
        return (
            ("measure", dimension, anchor),
            label,
            value * size,
            f"{shown} {counted.text}",
            approx,
            top,
        )
    unit = COUNTED_SYNONYMS.get(unit, unit)
    anchor = _anchor(counted)
    plural = counted.tag_ in {"NNS", "NNPS"}
    if not anchor or counted.pos_ == "PROPN" or plural != (value != 1):
        return None  # "6 earthquake" ("6.1-magnitude earthquake") counts nothing
    label = f"{counted.lemma_} ({anchor})"
    return ("count", unit, anchor), label, value, f"{shown} {counted.text}", approx, top


def _joined_number(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the "." or ":" inside a number written with a space after
    it ("1. 2", "2: 09")."""
    return (
        i + 1 < len(doc)
        and doc[i].text in {".", ":"}
        and doc[i - 1].text.isdigit()
        and doc[i + 1].text.isdigit()
    )


def _currency(chain: list[Token]) -> str | None:
    """The currency written with a number ("$500,000", "dlrs 400,000", "40 million euros")."""
    doc = chain[0].doc
    around = [doc[i] for i in (chain[0].i - 1, chain[-1].i + 1) if 0 <= i < len(doc)]
    around += [c for t in chain for c in t.children] + [chain[-1].head]
    for tok in around:
        name = CURRENCIES.get(tok.lower_) or CURRENCIES.get(tok.lemma_.lower())
        if name is not None:
            return name
    return None


def _anchor(token: Token) -> str:
    """The word a measure or count belongs to: the verb or noun governing its phrase,
    through prepositions ("depth *of* 12 miles" → depth; "killing 3 people" → kill), with
    the adverb that qualifies it ("seriously injured": another attribute than "injured").
    Empty when the verb is negated, modal or infinitive ("could have killed", "can
    carry"): no value is stated."""
    head = _anchor_token(token)
    if head is None or hedged(head):
        return ""
    qualifiers = [
        c.lemma_.lower() for c in head.children if c.dep_ == "advmod" and c.text.endswith("ly")
    ]
    return " ".join([*qualifiers, head.lemma_.lower()])


def _anchor_token(token: Token) -> Token | None:
    """The verb or noun governing a measure's or count's phrase (see `_anchor`)."""
    if token.dep_ in {"conj", "appos"}:
        return None  # "10 km, 55 km south … and 72 km": whose measure is not clear
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return None
        if head.pos_ == "ADP" or head.dep_ in {"quantmod", "nummod"}:
            current = head
            continue
        if head.pos_ in {"VERB", "NOUN"} and head.lemma_.lower() not in STOP_WORDS:
            return None if head.lemma_.lower() in UNITS else head  # "10 km (6 miles)"
        current = head
    return None


def _claim(doc: Document, sent: SpacySpan, focus: Token) -> TextSpan:
    """The clause that states a value: the subtree of the verb governing ``focus`` within
    its sentence ("had a depth of 1.2 miles"), at most ``MAX_CLAIM_CHARS`` around it."""
    verb = focus
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i and verb.head in sent:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        verb = focus
    start = max(verb.left_edge.idx, sent.start_char)
    last = verb.right_edge
    end = min(last.idx + len(last.text), sent.end_char)
    if end - start > MAX_CLAIM_CHARS:
        start = max(start, focus.idx - MAX_CLAIM_CHARS // 2)
        end = min(end, start + MAX_CLAIM_CHARS)
    while end > start and not doc.text[end - 1].isalnum():
        end -= 1  # no trailing punctuation or space
    while start < end and doc.text[start].isspace():
        start += 1
    return TextSpan(doc.span(start, end), doc.text[start:end])


# ---------------------------------------------------------------------------- comparing


def agree(a: Slot, b: Slot) -> bool:
    """Whether two values of one attribute can both be true (rounding accepted)."""
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    x, y = float(a.value), float(b.value)
    if x == y:
        return True
    tolerance = APPROX_TOLERANCE if a.approx or b.approx else ROUNDING_TOLERANCE
    return abs(x - y) <= tolerance * max(abs(x), abs(y))


def aligned(a: Slot, b: Slot) -> bool:
    """Whether two slots of one key are stated by sentences that say much the same."""
    if a.key != b.key or a.claim.span.doc == b.claim.span.doc:
        return False
    union = a.words | b.words
    overlap = len(a.words & b.words) / len(union) if union else 0.0
    return overlap >= ALIGN_JACCARD or bool(a.names & b.names)


def slot_conflicts(docs: Sequence[Document], slots: Sequence[Slot]) -> tuple[Conflict, ...]:
    """Attributes whose aligned values differ between documents, with claims by value."""
    order = {d.id: i for i, d in enumerate(docs)}
    by_key: dict[tuple[str, ...], list[Slot]] = defaultdict(list)
    for slot in slots:
        by_key[slot.key].append(slot)
    conflicts = []
    for members in by_key.values():
        conflict = _conflict(members, order)
        if conflict is not None:
            conflicts.append(conflict)
    conflicts.sort(key=lambda c: (order[c.claims[0].span.doc], c.claims[0].span.start))
    return tuple(conflicts)


def _clashes(slots: list[Slot]) -> list[tuple[Slot, Slot]]:
    """Aligned pairs of slots whose values differ, where neither document also states the
    other's value (a document that gives both values does not disagree)."""
    by_doc: dict[str, list[Slot]] = defaultdict(list)
    for slot in slots:
        by_doc[slot.claim.span.doc].append(slot)

    def states(doc: str, other: Slot) -> bool:
        return any(agree(mine, other) for mine in by_doc[doc])

    return [
        (a, b)
        for i, a in enumerate(slots)
        for b in slots[i + 1 :]
        if aligned(a, b)
        and not agree(a, b)
        and not states(a.claim.span.doc, b)
        and not states(b.claim.span.doc, a)
    ]


def _conflict(members: list[Slot], order: dict[str, int]) -> Conflict | None:
    """The conflict among slots of one key, or None when every aligned pair agrees.

    Its claims are the clashing slots and the slots of other documents that agree with
    one of them in an aligned sentence."""
    clashes = _clashes(members)
    if not clashes:
        return None
    core = {id(s): s for pair in clashes for s in pair}
    slots = list(core.values()) + [
        s
        for s in members
        if id(s) not in core and any(aligned(s, c) and agree(s, c) for c in core.values())
    ]
    groups: list[list[Slot]] = []
    for slot in sorted(slots, key=lambda s: (order[s.claim.span.doc], s.claim.span.start)):
        home = next((g for g in groups if agree(g[0], slot)), None)
        if home is None:
            groups.append([slot])
        else:
            home.append(slot)
    values = tuple(
        ConflictValue(g[0].shown, tuple(dict.fromkeys(s.claim for s in g))) for g in groups
    )
    claims = tuple(dict.fromkeys(c for v in values for c in v.claims))
    label = max((s.label for s in slots), key=lambda x: sum(s.label == x for s in slots))
    return Conflict(label, claims, attribute=label, values=values)


# ---------------------------------------------------------------------------- support


def _value_index(span: Span, conflict: Conflict) -> int | None:
    """Which of ``conflict``'s values ``span`` states (its claims overlap), if any."""
    for n, value in enumerate(conflict.values):
        if any(c.span.overlaps(span) for c in value.claims):
            return n
    return None


def disagreeing(a: Span, b: Span, conflicts: Sequence[Conflict]) -> bool:
    """Whether ``a`` and ``b`` state different values of one conflict."""
    for conflict in conflicts:
        x, y = _value_index(a, conflict), _value_index(b, conflict)
        if x is not None and y is not None and x != y:
            return True
    return False


def disputes(span: Span, conflicts: Sequence[Conflict]) -> tuple[int, ...]:
    """The indexes of the conflicts (with values) on a value that ``span`` states."""
    return tuple(
        n
        for n, conflict in enumerate(conflicts)
        if conflict.values and _value_index(span, conflict) is not None
    )


def supported(
    items: Sequence[SummaryItem], conflicts: Sequence[Conflict]
) -> tuple[SummaryItem, ...]:
    """Summary items whose citations all agree with the span the line was taken from, each
    marked with the conflicts on a value it states (a disputed line)."""
    out = []
    for item in items:
        first, *others = item.citations
        kept = [o for o in others if not disagreeing(first, o, conflicts)]
        out.append(replace(item, citations=(first, *kept), conflicts=disputes(first, conflicts)))
    return tuple(out)
