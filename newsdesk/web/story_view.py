"""The story page's view: a `Briefing` laid out for people.

Everything the template shows is computed here (passages in context, speakers with
their roles, the relation graph's coordinates); the template only places it. Article
strings stay plain strings: the template escapes them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from newsdesk.brief.render import quotes_by_speaker, shown_facts, source_label, speaker_role
from newsdesk.model import Briefing, Document, Span
from newsdesk.web.ids import entity_id, url_key

JSON = dict[str, Any]
CONTEXT_CHARS = 220
GRAPH_NODES = 14
PEOPLE_TYPES = ("PERSON", "ORG")


def document_url(doc_id: str) -> str:
    """The page of a stored document."""
    return f"/documents/{url_key(doc_id)}"


def entity_url(type_: str, name: str | None, known: set[tuple[str, str]]) -> str | None:
    """The page of an entity, when some stored document knows it by that name."""
    if not name or (type_, name) not in known:
        return None
    return f"/entities/{entity_id(type_, name)}"


def passage(doc: Document | None, span: Span, context: int = CONTEXT_CHARS) -> JSON:
    """A cited span inside some of its context: before, the span itself, after."""
    label = source_label(doc, span.doc)
    base: JSON = {"doc": span.doc, "source": label, "url": document_url(span.doc)}
    if doc is None or span.end > len(doc.text):
        return {**base, "before": "", "mark": "", "after": ""}
    start = max(0, span.start - context)
    end = min(len(doc.text), span.end + context)
    return {
        **base,
        "before": ("…" if start else "") + doc.text[start : span.start],
        "mark": doc.text[span.start : span.end],
        "after": doc.text[span.end : end] + ("…" if end < len(doc.text) else ""),
    }


def _outlets(spans: Iterable[Span], docs: dict[str, Document]) -> list[str]:
    return list(dict.fromkeys(source_label(docs.get(s.doc), s.doc).split(",")[0] for s in spans))


def _cited(text: str, spans: Sequence[Span], docs: dict[str, Document]) -> JSON:
    return {
        "text": text,
        "outlets": _outlets(spans, docs),
        "passages": [passage(docs.get(s.doc), s) for s in spans],
    }


def _quotes(
    briefing: Briefing, docs: dict[str, Document], known: set[tuple[str, str]]
) -> list[JSON]:
    groups = []
    for speaker, quotes in quotes_by_speaker(briefing.quotes):
        items = []
        for q in quotes:
            shown = f"“{q.text}”" if q.direct else f"(reported) {q.text}"
            item = _cited(shown, [q.span], docs)
            item.update(direct=q.direct, via=list(q.via))
            items.append(item)
        groups.append(
            {
                "speaker": speaker or "Unattributed",
                "url": entity_url("PERSON", speaker, known),
                "role": speaker_role(quotes),
                "quotes": items,
            }
        )
    return groups


def _people(briefing: Briefing, known: set[tuple[str, str]]) -> list[JSON]:
    names = {e.id: e.name for e in briefing.entities}
    people = []
    for entity in briefing.entities:
        if entity.type not in PEOPLE_TYPES:
            continue
        relations = [
            {"predicate": r.predicate.replace("_", " "), "other": names.get(r.object, r.object)}
            for r in briefing.relations
            if r.subject == entity.id
        ]
        people.append(
            {
                "name": entity.name,
                "type": entity.type,
                "url": entity_url(entity.type, entity.name, known),
                "roles": list(dict.fromkeys(r.text for r in entity.roles)),
                "aliases": [a for a in entity.aliases if a != entity.name],
                "relations": [dict(t) for t in {tuple(r.items()) for r in relations}],
                "documents": len(entity.docs),
            }
        )
    return people


def relation_graph(briefing: Briefing, known: set[tuple[str, str]]) -> JSON | None:
    """Entities joined by relations, placed on a circle (None when there are none)."""
    entities = {e.id: e for e in briefing.entities}
    edges = list(
        dict.fromkeys(
            (r.subject, r.predicate.replace("_", " "), r.object)
            for r in briefing.relations
            if r.subject in entities and r.object in entities and r.subject != r.object
        )
    )
    nodes = list(dict.fromkeys(n for s, _, o in edges for n in (s, o)))[:GRAPH_NODES]
    if not nodes:
        return None
    width, height = 640, 380
    cx, cy, radius = width / 2, height / 2, min(width, height) / 2 - 60
    at: dict[str, tuple[float, float]] = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) + (math.pi if len(nodes) == 2 else -math.pi / 2)
        at[node] = (
            round(cx + radius * math.cos(angle), 1),
            round(cy + radius * math.sin(angle), 1),
        )
    node_views = []
    for node in nodes:
        entity = entities[node]
        x, y = at[node]
        node_views.append(
            {
                "x": x,
                "y": y,
                "label": entity.name,
                "type": entity.type.lower(),
                "url": entity_url(entity.type, entity.name, known),
                "anchor": "middle",
                "ly": round(y - 14 if y < cy else y + 24, 1),
            }
        )
    edge_views = [
        {
            "x1": at[s][0],
            "y1": at[s][1],
            "x2": at[o][0],
            "y2": at[o][1],
            "label": predicate,
            "mx": round((at[s][0] + at[o][0]) / 2, 1),
            "my": round((at[s][1] + at[o][1]) / 2 - 4, 1),
        }
        for s, predicate, o in edges
        if s in at and o in at
    ]
    return {"width": width, "height": height, "nodes": node_views, "edges": edge_views}


def story_page(
    briefing: Briefing,
    known: set[tuple[str, str]],
    copies: Sequence[JSON] = (),
    lead: str | None = None,
) -> JSON:
    """Everything the story page shows, from one briefing."""
    docs = {d.id: d for d in briefing.documents}
    story = briefing.story
    facts, hidden = shown_facts(briefing.facts)
    dated = sorted((t for t in briefing.timeline if t.date), key=lambda t: t.date or "")
    copies_of: dict[str, list[JSON]] = {}
    for copy in copies:
        copies_of.setdefault(str(copy["of"]), []).append(copy)
    return {
        "id": story.id,
        "title": story.title,
        "lead": lead,
        "first_seen": (story.first_seen or "")[:10],
        "last_seen": (story.last_seen or story.first_seen or "")[:10],
        "json_url": f"/stories/{url_key(story.id)}.json",
        "summary": [_cited(i.text, i.citations, docs) for i in briefing.summary],
        "conflicts": [
            {
                "about": c.about,
                "claims": [_cited(cl.text, [cl.span], docs) for cl in c.claims],
            }
            for c in briefing.conflicts
        ],
        "quotes": _quotes(briefing, docs, known),
        "people": _people(briefing, known),
        "graph": relation_graph(briefing, known),
        "facts": [{**_cited(f.text, f.sources, docs), "agreement": f.agreement} for f in facts],
        "facts_hidden": hidden,
        "timeline": [
            {
                "date": t.date,
                "expression": t.expression,
                "event": t.event,
                "source": source_label(docs.get(t.span.doc), t.span.doc),
                "url": document_url(t.span.doc),
            }
            for t in dated
        ],
        "sources": [
            {
                "id": d.id,
                "url": document_url(d.id),
                "title": d.title or d.id,
                "outlet": d.outlet or "",
                "published": (d.published or "")[:10],
                "genre": d.genre,
                "copies": [
                    {"outlet": c.get("outlet") or "", "title": c.get("title") or c["id"]}
                    for c in copies_of.get(d.id, [])
                ],
            }
            for d in briefing.documents
        ],
    }
