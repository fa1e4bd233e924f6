"""Where sources differ: the same attribute given different values by different documents.

`find_conflicts` reads each document's dependency parse (``Document.parse``, a spaCy
``Doc`` of ``Document.text``) and collects *claims*: a key (what is described), a value
and the characters that state it. Four kinds are read:

* a person's **age**: ``Henrik Maalstad, 54,`` / ``54-year-old Henrik Maalstad`` /
  ``Henrik Maalstad, aged 54`` / ``Henrik Maalstad (54)``;
* a person's **title**, the capitalised post written before the name (``Deputy Harbour
  Master Inga Solberg``); honorifics (Mr, Ms, Dr) alone are no title;
* **counts**: a number, the noun it counts and the word that governs it, normalised
  through small synonym sets (people injured/hurt/wounded, killed/dead, missing,
  rescued, arrested, treated; passengers, crew or people on board; votes for and
  against; the value of an object in one currency);
* the **date** of a named event (collision, grounding, theft, arrest ...), from explicit
  day-and-month dates or, when the document has a timeline, its resolved dates.

People are matched across documents by full name, a surname alone by the one full name
it can stand for (first in the same document, then in the story); ``Document.entities``
is not used. A conflict needs two documents whose values disagree; a document that gives
two incompatible values for one key is left out of that key (its key is ambiguous), and
approximate numbers ("about 200", "more than 12") are not compared. Being conservative is
the point: a false conflict is worse than a missed one.

Each kind has its reader: ``people`` (ages and titles), ``counts`` and ``event_dates``,
built on ``numbers`` (number words and amounts) and ``claims`` (the ``Claim`` record).
This module groups their claims by key and finds the disagreements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from newsdesk.brief.align import background, read_slots, slot_conflicts, story_years
from newsdesk.brief.claims import Claim
from newsdesk.brief.counts import count_claims
from newsdesk.brief.event_dates import date_claims, dates_compatible
from newsdesk.brief.number_words import number_value, numbers_in
from newsdesk.brief.people import People, names_by_document, person_claims, titles_compatible
from newsdesk.model import Conflict, ConflictValue, Document, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["claim_spans", "find_conflicts", "number_value", "numbers_in", "parse_of"]

_GENERIC_OBJECTS = frozenset("treasure piece object artefact artifact it one instrument".split())


def _compatible(key: tuple[str, ...], a: Any, b: Any) -> bool:
    """Whether two values of ``key`` can both be true."""
    kind = key[0]
    if kind == "title":
        return titles_compatible(a, b)
    if kind == "date":
        return dates_compatible(a, b)
    if kind == "votes":
        return bool(a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1]))
    return bool(a == b)


def _consistent(values: Sequence[Any], same: Callable[[Any, Any], bool]) -> bool:
    """Every two of ``values`` can both be true."""
    return all(same(a, b) for i, a in enumerate(values) for b in values[i + 1 :])


def _disagreement(claims: list[Claim], order: dict[str, int]) -> Conflict | None:
    """The conflict among ``claims`` of one key, or None when the documents agree."""
    key = claims[0].key

    def same(a: Any, b: Any) -> bool:
        return _compatible(key, a, b)

    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.claim.span.doc].append(c)
    usable = {d: cs for d, cs in by_doc.items() if _consistent([c.value for c in cs], same)}
    docs = sorted(usable, key=order.__getitem__)
    clash = any(
        not same(a.value, b.value)
        for i, d1 in enumerate(docs)
        for d2 in docs[i + 1 :]
        for a in usable[d1]
        for b in usable[d2]
    )
    if not clash:
        return None
    kept = sorted(
        dict.fromkeys(c.claim for d in docs for c in usable[d]),
        key=lambda t: (order[t.span.doc], t.span.start),
    )
    groups: list[list[Claim]] = []
    for c in sorted((c for d in docs for c in usable[d]), key=lambda c: order[c.claim.span.doc]):
        home = next((g for g in groups if same(g[0].value, c.value)), None)
        if home is None:
            groups.append([c])
        else:
            home.append(c)
    values = tuple(
        ConflictValue(_shown(g[0].value), tuple(dict.fromkeys(c.claim for c in g)))
        for g in groups
    )
    about = _about(claims)
    return Conflict(about, tuple(kept), attribute=about, values=values)


def _shown(value: Any) -> str:
    """A claim's value as a reader reads it ("54", "Deputy Harbour Master")."""
    if isinstance(value, tuple):
        return " ".join(str(v) for v in value if v is not None)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _about(claims: list[Claim]) -> str:
    """The conflict's label; a value names its object ("value of the astrolabe")."""
    if claims[0].label != "value":
        return claims[0].label
    things = [c.note for c in claims if c.note not in _GENERIC_OBJECTS]
    if not things:
        return "value"
    best = max(dict.fromkeys(things), key=things.count)
    return f"value of the {best}"


def _split_values(claims: list[Claim]) -> list[list[Claim]]:
    """Value claims of one currency, split by the object they price.

    Claims about a generic object ("a treasure worth ...") join the one specific object
    the story prices, and are dropped when there are several.
    """
    specific: dict[str, list[Claim]] = defaultdict(list)
    generic: list[Claim] = []
    for c in claims:
        (generic if c.note in _GENERIC_OBJECTS else specific[c.note]).append(c)
    if not specific:
        return [generic]
    groups = list(specific.values())
    if len(groups) == 1:
        groups[0].extend(generic)
    return groups


def _collect(parsed: Sequence[tuple[Document, Doc]], present: frozenset[str]) -> list[Claim]:
    """Every claim of every parsed document, but those about another year than
    ``present`` (the story's)."""
    names = names_by_document(parsed)
    people = People(names)
    claims: list[Claim] = []
    for doc, parse in parsed:
        found = [
            *person_claims(doc, parse, names[doc.id], people),
            *count_claims(doc, parse),
            *date_claims(doc, parse),
        ]
        claims.extend(c for c in found if not background(parse, c.claim.span.start, present))
    return claims


def find_conflicts(docs: Sequence[Document]) -> tuple[Conflict, ...]:
    """Attributes that different documents of one story give different values for.

    Each document needs ``parse`` (a spaCy ``Doc`` of its text); documents without one
    (or with the parse of another text) are skipped. Conflicts come in order of their
    first claim (document order, then position); each conflict's claims are in the same
    order.
    """
    order = {d.id: i for i, d in enumerate(docs)}
    parsed = [(d, p) for d in docs if (p := parse_of(d)) is not None]
    present = story_years([parse for _, parse in parsed])
    by_key: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    for claim in _collect(parsed, present):
        by_key[claim.key].append(claim)
    conflicts = []
    for key, claims in by_key.items():
        groups = _split_values(claims) if key[0] == "value" else [claims]
        for group in groups:
            conflict = _disagreement(group, order) if group else None
            if conflict is not None:
                conflicts.append(conflict)
    slots = [slot for doc, parse in parsed for slot in read_slots(doc, parse, present)]
    for conflict in slot_conflicts(docs, slots):
        if not any(_same_claims(conflict, known) for known in conflicts):
            conflicts.append(conflict)
    conflicts.sort(key=lambda c: (order[c.claims[0].span.doc], c.claims[0].span.start))
    return tuple(conflicts)


def _same_claims(a: Conflict, b: Conflict) -> bool:
    """Whether two conflicts are read from the same claims (overlapping spans)."""
    return all(any(x.span.overlaps(y.span) for y in b.claims) for x in a.claims)


def parse_of(doc: Document) -> Doc | None:
    """``doc.parse`` when it is a parse of ``doc.text`` (else None: offsets would not fit)."""
    parse = doc.parse
    return parse if parse is not None and getattr(parse, "text", None) == doc.text else None


def claim_spans(conflicts: Sequence[Conflict]) -> list[Span]:
    """The spans of every claim of ``conflicts`` (for marking facts as conflicting)."""
    return [claim.span for conflict in conflicts for claim in conflict.claims]
