"""Where sources differ: the same attribute given different values by different documents.

`find_conflicts` reads each document's dependency parse (``Document.parse``, a spaCy
``Doc`` of ``Document.text``) for the values its sentences state (`newsdesk.brief.slots`:
measures, sums, counts, dates and times of events, colours, directions, a person's age
and title, the person known from the annotation's entities, the kind of place an event
happened in) and compares them across documents (`newsdesk.brief.align`; each
document's lemmas tell whether it uses a word at all, and
`newsdesk.brief.quantities.written_numbers` every number it writes with its noun, unit
or currency). A conflict needs two documents whose values
for one attribute disagree; a document that states both values, even where no slot is
read, does not disagree, and hedged numbers ("about 200") agree with what they round.
Being conservative is the point: a false conflict is worse than a missed one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsdesk.annotate.nlp import text_of
from newsdesk.brief.align import slot_conflicts
from newsdesk.brief.quantities import written_numbers
from newsdesk.brief.slots import (
    MergedEntities,
    Slot,
    person_names,
    read_slots,
    story_places,
    story_time,
)
from newsdesk.model import Conflict, Document, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["claim_spans", "find_conflicts", "parse_of", "story_slots"]


def find_conflicts(
    docs: Sequence[Document], slots: Sequence[Slot] | None = None
) -> tuple[Conflict, ...]:
    """Attributes that different documents of one story give different values for.

    Each document needs ``parse`` (a spaCy ``Doc`` of its text); documents without one
    (or with the parse of another text) are skipped. ``slots`` are the documents' slots
    when already read (`story_slots`). Conflicts come in order of their first claim
    (document order, then position); each conflict's claims are grouped by value.
    """
    parsed = [(d, p) for d in docs if (p := parse_of(d)) is not None]
    if slots is None:
        slots = story_slots(docs)
    vocabulary = {d.id: frozenset(t.lemma_.lower() for t in p if t.is_alpha) for d, p in parsed}
    written = {d.id: written_numbers(p) for d, p in parsed}
    return slot_conflicts(docs, slots, vocabulary, written)


def story_slots(docs: Sequence[Document], merged: MergedEntities | None = None) -> list[Slot]:
    """The values each document of one story states (`slots.read_slots`), read against
    the story's time and places, with people recognised from each document's
    ``entities`` merged across the story (``merged``, when the caller has merged them
    already: `slots.person_names`). Documents without a parse of their text are
    skipped."""
    parsed = [(d, p) for d in docs if (p := parse_of(d)) is not None]
    present = story_time([d for d, _ in parsed], [parse for _, parse in parsed])
    people = person_names([d for d, _ in parsed], merged)
    places = story_places([parse for _, parse in parsed])
    return [s for d, p in parsed for s in read_slots(d, p, present, people.get(d.id, ()), places)]


def parse_of(doc: Document) -> Doc | None:
    """``doc.parse`` when it is a parse of ``doc.text`` (else None: offsets would not fit)."""
    parse = doc.parse
    if parse is None or not hasattr(parse, "user_data"):
        return None
    return parse if text_of(parse) == doc.text else None


def claim_spans(conflicts: Sequence[Conflict]) -> list[Span]:
    """The spans of every claim of ``conflicts`` (for marking facts as conflicting)."""
    return [claim.span for conflict in conflicts for claim in conflict.claims]
