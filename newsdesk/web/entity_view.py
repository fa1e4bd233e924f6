"""The entity page's view: one person or organisation across every stored story.

An entity is keyed by (type, canonical name) as the documents' entity layers give it;
its roles are listed by publication date, its quotes (said by it, or quoting text that
mentions it) with their sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsdesk.brief.render import source_label, speaker_role
from newsdesk.cluster.records import story_title
from newsdesk.model import Document, Quote
from newsdesk.web.ids import entity_id, url_key
from newsdesk.web.story_view import document_url

JSON = dict[str, Any]
Found = Sequence[tuple[Document, str | None]]


def story_url(story_id: str | None) -> str | None:
    """The page of a story."""
    return f"/stories/{url_key(story_id)}" if story_id else None


def _quote(q: Quote, doc: Document, story: str | None, titles: dict[str, str]) -> JSON:
    return {
        "text": q.text,
        "direct": q.direct,
        "speaker": q.speaker,
        "role": speaker_role([q]),
        "via": list(q.via),
        "date": (doc.published or "")[:10],
        "source": source_label(doc, doc.id),
        "url": document_url(doc.id),
        "story": titles.get(story or "", None),
        "story_url": story_url(story),
    }


def entity_page(
    type_: str, name: str, mentioned: Found, quoting: Found, titles: dict[str, str]
) -> JSON:
    """The entity's roles over time, its quotes, and the stories and documents it is in."""
    aliases: dict[str, None] = {}
    roles: list[JSON] = []
    about: list[JSON] = []
    stories: dict[str, None] = {}
    documents: list[JSON] = []
    for doc, story in mentioned:
        if story:
            stories[story] = None
        matches = [e for e in doc.entities if e.type == type_ and e.name == name]
        documents.append(
            {
                "id": doc.id,
                "url": document_url(doc.id),
                "title": story_title(doc),
                "outlet": doc.outlet or "",
                "published": (doc.published or "")[:10],
                "story_url": story_url(story),
                "mentions": sum(len(e.mentions) for e in matches),
            }
        )
        spans = [m.span for e in matches for m in e.mentions]
        for entity in matches:
            aliases.update(dict.fromkeys(a for a in entity.aliases if a != name))
            for role in entity.roles:
                roles.append(
                    {
                        "date": (doc.published or "")[:10],
                        "role": role.text,
                        "source": source_label(doc, doc.id),
                        "url": document_url(doc.id),
                        "story": titles.get(story or ""),
                        "story_url": story_url(story),
                    }
                )
        for q in doc.quotes:
            if q.speaker != name and any(q.span.contains(s) for s in spans):
                about.append(_quote(q, doc, story, titles))
    said = [
        _quote(q, doc, story, titles)
        for doc, story in quoting
        for q in doc.quotes
        if q.speaker == name
    ]
    for _, story in quoting:
        if story:
            stories[story] = None
    roles.sort(key=lambda r: (r["date"] or "9999", r["role"]))
    return {
        "id": entity_id(type_, name),
        "name": name,
        "type": type_,
        "aliases": list(aliases),
        "roles": roles,
        "quotes_by": said,
        "quotes_about": about,
        "stories": [{"id": s, "title": titles.get(s, s), "url": story_url(s)} for s in stories],
        "documents": documents,
    }
