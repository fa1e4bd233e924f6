"""`extract_quotes`: build the per-document context, then collect direct quotes and
reported speech as `Quote` records in text order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.annotate.entities import extract_entities
from newsdesk.annotate.nlp import text_of
from newsdesk.annotate.quotes.context import Attribution, Context
from newsdesk.annotate.quotes.direct import direct_quotes
from newsdesk.annotate.quotes.marks import find_regions, is_fragment, paragraphs
from newsdesk.annotate.quotes.names import find_people
from newsdesk.annotate.quotes.people import resolve_people
from newsdesk.annotate.quotes.reported import according_reported, reported
from newsdesk.annotate.resolve import DocumentPeople
from newsdesk.model import Document, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc


def _build_context(doc: Document, parsed: SpacyDoc) -> Context:
    """Paragraphs, quoted regions, sentences and the people of ``doc``."""
    spans = paragraphs(doc.text)
    entities = DocumentPeople(doc.entities or extract_entities(doc, parsed))
    # the people the resolver found, not every span the model tagged PERSON (a credit, a boat)
    people = [p for p in find_people(parsed) if entities.name_at(p.start, p.end)]
    ctx = Context(doc, parsed, spans, [t.idx for t in parsed], people)
    ctx.entities = entities
    ctx.regions = find_regions(doc.text, spans)
    ctx.region_starts = [r.start for r in ctx.regions]
    for region in ctx.regions:
        ctx.mark_chars.add(region.opener)
        if region.close >= 0:
            ctx.mark_chars.add(region.close)
            if is_fragment(doc.text, region):
                ctx.short.append((region.opener, region.close))
    ctx.sents = list(parsed.sents)
    ctx.sent_starts = [sent.start_char for sent in ctx.sents]
    resolve_people(ctx)
    return ctx


def _quote(
    doc: Document, start: int, end: int, attribution: Attribution | None, direct: bool
) -> Quote:
    span = doc.span(start, end)
    speaker = attribution.speaker if attribution else None
    return Quote(
        span=span,
        text=doc.text[start:end],
        speaker=speaker.name if speaker else None,
        speaker_role=speaker.role if speaker else None,
        via=attribution.via if attribution else (),
        direct=direct,
        speaker_span=doc.span(speaker.start, speaker.end) if speaker else None,
        cue=attribution.cue if attribution else None,
    )


def extract_quotes(doc: Document, parsed: SpacyDoc) -> tuple[Quote, ...]:
    """Direct quotes and reported speech of ``doc``, in text order.

    ``parsed`` is spaCy's parse of exactly ``doc.text``. Speakers are named as the
    document's PERSON entities name them (``doc.entities``, extracted here when the
    document has none), through the resolver shared with `entities` (`resolve`).
    """
    if text_of(parsed) != doc.text:
        raise ValueError(f"the parse does not match the text of document {doc.id!r}")
    ctx = _build_context(doc, parsed)
    quotes = [_quote(doc, r.start, r.end, a, True) for r, a in direct_quotes(ctx)]
    quotes += [_quote(doc, s, e, a, False) for s, e, a in reported(ctx)]
    quotes += [_quote(doc, s, e, a, False) for s, e, a in according_reported(ctx)]
    return tuple(sorted(quotes, key=lambda q: (q.span.start, q.span.end)))
