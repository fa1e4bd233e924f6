"""What a story record is made of: its title, its lead, its time span (its id:
`newsdesk.model.story_id`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from newsdesk.cluster.features import lead_text, split_sentences, term_counts
from newsdesk.layout import dateline_end, headline, headline_end, line_kind
from newsdesk.model import Document

__all__ = [
    "TITLE_CHARS",
    "headline_of",
    "published_at",
    "representative_title",
    "seen_span",
    "story_lead",
    "story_title",
]

TITLE_CHARS = 100
LEAD_CHARS = 240


def _truncate(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


def headline_of(doc: Document) -> str | None:
    """The document's headline: its title (HTML metadata, the JSONL ``title``), else the
    first line of its text when that reads as one (`newsdesk.layout.headline`)."""
    if doc.title and doc.title.strip():
        return doc.title.strip()
    return headline(doc.text)


def story_title(doc: Document) -> str:
    """The document's headline, else its first sentence, truncated to ~100 characters;
    never its id."""
    found = headline_of(doc)
    if found:
        return _truncate(found, TITLE_CHARS)
    lead = lead_text(doc, sentences=1)
    return _truncate(lead[dateline_end(lead) :], TITLE_CHARS)


def representative_title(docs: Sequence[Document]) -> str:
    """The title of a set of documents (a briefing's story): the real headline whose words
    the other documents' texts share most (ties: the earliest published); without any
    headline, the lead sentence of the document most like the others. Never an id."""
    if not docs:
        return "(empty story)"
    words = [frozenset(term_counts(d.text)) for d in docs]

    def shared(i: int, own: frozenset[str]) -> float:
        """How many of ``own`` words the other documents share, per word."""
        others = [w for j, w in enumerate(words) if j != i]
        return sum(len(own & w) for w in others) / max(1, len(own)) if others else 0.0

    titled = [(i, h) for i, d in enumerate(docs) if (h := headline_of(d))]
    if titled:
        i, best = max(
            titled,
            key=lambda t: (shared(t[0], frozenset(term_counts(t[1]))), -_order(docs[t[0]]), -t[0]),
        )
        return _truncate(best, TITLE_CHARS)
    central = max(range(len(docs)), key=lambda i: (shared(i, words[i]), -i))
    return story_title(docs[central])


def _order(doc: Document) -> float:
    """When a document was published, as a number (undated documents last)."""
    moment = published_at(doc.published)
    return moment.timestamp() if moment else float("inf")


def story_lead(doc: Document) -> str:
    """The first sentence of the document's text that is not its title, ~240 characters,
    wire dateline dropped: the one-line summary of a story whose central document this is."""
    text = doc.text[headline_end(doc.text, headline_of(doc)) :]
    sentences = split_sentences(text) or split_sentences(doc.text) or [doc.text]
    # The first of five words or more that is no furniture ("· Updated", "By Jane Doe",
    # "PUBLISHED FRIDAY, MARCH 6, 2026 AT 9:40 AM").
    lead = next(
        (s for s in sentences if len(s.split()) >= 5 and line_kind(s) is None),
        sentences[0],
    )
    return _truncate(lead[dateline_end(lead) :], LEAD_CHARS)


def published_at(published: str | None) -> datetime | None:
    """A publication date as a naive UTC-less datetime (None when absent or unreadable)."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=None) if moment.tzinfo else moment


def seen_span(docs: Sequence[Document]) -> tuple[str | None, str | None]:
    """The earliest and latest publication dates among ``docs``."""
    dates = sorted(d.published for d in docs if d.published)
    return (dates[0], dates[-1]) if dates else (None, None)
