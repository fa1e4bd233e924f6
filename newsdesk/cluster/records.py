"""What a story record is made of: its id, its title, its time span."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime

from newsdesk.cluster.features import lead_text, split_sentences
from newsdesk.layout import dateline_end
from newsdesk.model import Document

__all__ = ["TITLE_CHARS", "published_at", "seen_span", "story_id", "story_lead", "story_title"]

TITLE_CHARS = 100
LEAD_CHARS = 240


def story_id(document_ids: Iterable[str]) -> str:
    """``"s-"`` + the first 10 hex digits of SHA-1 over the sorted document ids."""
    joined = "\n".join(sorted(document_ids))
    return "s-" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:10]


def _truncate(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


def story_title(doc: Document) -> str:
    """The document's title, else its first sentence, truncated to ~100 characters."""
    if doc.title and doc.title.strip():
        return _truncate(doc.title, TITLE_CHARS)
    lead = lead_text(doc, sentences=1)
    return _truncate(lead[dateline_end(lead) :], TITLE_CHARS)


def story_lead(doc: Document) -> str:
    """The first sentence of the document's text that is not its title, ~240 characters,
    wire dateline dropped: the one-line summary of a story whose central document this is."""
    text = doc.text.lstrip()
    title = (doc.title or "").strip()
    if title and text.startswith(title):  # extracted pages often open with the headline
        text = text[len(title) :]
    sentences = split_sentences(text) or split_sentences(doc.text) or [doc.text]
    # The first of five words or more: not an "· Updated" or "By Jane Doe" line.
    lead = next((s for s in sentences if len(s.split()) >= 5), sentences[0])
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
