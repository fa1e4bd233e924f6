"""The document page's view: the clean text cut into segments, each marked with the
annotations (quotes, entities, dates) that cover it.

Layers may overlap (an entity inside a quote), so the text is cut at every annotation
boundary and each piece carries the set of layers over it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from newsdesk.cluster.records import story_title
from newsdesk.model import Document
from newsdesk.web.ids import entity_id

JSON = dict[str, Any]


@dataclass(frozen=True)
class Mark:
    """One annotation over ``start:end``: its layer (``quote``, ``date``, ``ent-person``…)
    and hover text."""

    start: int
    end: int
    kind: str
    title: str
    entity: str | None = None  # entity page id, for entity marks


def marks(doc: Document, known: set[tuple[str, str]]) -> list[Mark]:
    """Every quote, entity mention and time expression of a document, as marks."""
    found: list[Mark] = []
    for q in doc.quotes:
        who = q.speaker or "unattributed"
        found.append(Mark(q.span.start, q.span.end, "quote", f"quote · {who}"))
    for e in doc.entities:
        link = entity_id(e.type, e.name) if (e.type, e.name) in known else None
        for m in e.mentions:
            kind = f"ent-{e.type.lower()}"
            found.append(Mark(m.span.start, m.span.end, kind, f"{e.type} · {e.name}", link))
    for t in doc.timeline:
        found.append(Mark(t.span.start, t.span.end, "date", f"date · {t.date or 'unresolved'}"))
    return [m for m in found if 0 <= m.start < m.end <= len(doc.text)]


def _classes(mark: Mark) -> tuple[str, ...]:
    if mark.kind.startswith("ent-"):
        return ("hl-ent", f"hl-{mark.kind}")
    return (f"hl-{mark.kind}",)


def segments(text: str, found: list[Mark]) -> list[JSON]:
    """The text cut at every mark boundary; each piece with the classes over it."""
    cuts = sorted({0, len(text), *(m.start for m in found), *(m.end for m in found)})
    pieces: list[JSON] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        over = [m for m in found if m.start <= start and end <= m.end]
        link = next((m.entity for m in over if m.entity), None)
        pieces.append(
            {
                "text": text[start:end],
                "classes": " ".join(dict.fromkeys(c for m in over for c in _classes(m))),
                "title": "; ".join(m.title for m in over),
                "url": f"/entities/{link}" if link else None,
            }
        )
    return pieces


def safe_link(url: str | None) -> str | None:
    """An article's URL if it is a plain web link (http or https), else None: a
    ``javascript:`` or ``data:`` URL from an article is shown as text, never linked."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def document_page(
    doc: Document,
    story: JSON | None,
    copies: list[JSON],
    known: set[tuple[str, str]],
) -> JSON:
    """Everything the document page shows."""
    found = marks(doc, known)
    return {
        "id": doc.id,
        "title": story_title(doc),
        "outlet": doc.outlet or "",
        "author": doc.author or "",
        "published": doc.published or "",
        "genre": doc.genre,
        "url": doc.url or "",
        "link": safe_link(doc.url),
        "story": story,
        "copies": copies,
        "counts": {
            "quotes": len(doc.quotes),
            "entities": len(doc.entities),
            "dates": len(doc.timeline),
        },
        "segments": segments(doc.text, found),
    }
