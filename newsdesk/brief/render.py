"""Briefings for people: one view, shown as Markdown or through one template set.

`briefing_view` lays a `Briefing` out once for every human-facing rendering: passages in
context, conflicts grouped by value (each value, then the outlets that give it, then
their words in context), updates (a figure that changed between reports, oldest value
first, each with its date), disputed summary lines with the conflicts they state, quotes
by speaker, who is who with a small relation graph, facts, timeline, sources. Article
strings stay plain strings in it; the templates escape them.

- HTML: the Jinja templates in ``newsdesk/web/templates/briefing/`` (``parts.html``, the
  sections, and ``page.html``) with the stylesheet ``newsdesk/web/static/briefing.css``.
  `to_html` renders them into one self-contained file (no external assets, no script;
  the stylesheet inlined); the web app's story page (``story.html``) places the same
  sections inside its own layout and serves the same stylesheet as a file. Jinja is the
  ``web`` extra's dependency, imported only when HTML is rendered.
- Markdown: `to_markdown`, from the same view (it needs no template engine).
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.cluster.records import story_title
from newsdesk.errors import MissingDependency
from newsdesk.model import Briefing, Conflict, Document, Fact, Quote, Span, TextSpan

if TYPE_CHECKING:
    from jinja2 import Environment

JSON = dict[str, Any]
TEMPLATES = Path(__file__).resolve().parents[1] / "web" / "templates"
STYLESHEET = Path(__file__).resolve().parents[1] / "web" / "static" / "briefing.css"
CONTEXT_CHARS = 220  # around a cited sentence
CLAIM_CONTEXT_CHARS = 90  # around a conflicting claim, shown open
SINGLE_SOURCE_SHOWN = 8
GRAPH_NODES = 14
WHO_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
_LETTER = re.compile(r"[^\W\d_]")


def _nowhere(*_: str) -> str | None:
    return None


@dataclass(frozen=True, slots=True)
class Links:
    """Where a briefing's names lead. Nowhere in the self-contained file; in the web app,
    ``document(doc_id)`` and ``entity(type, name)`` give a page's URL (or None)."""

    document: Callable[[str], str | None] = _nowhere
    entity: Callable[[str, str], str | None] = _nowhere


NO_LINKS = Links()


# -- small helpers, shared with the web app's other views ------------------------------


def shown_facts(facts: Sequence[Fact]) -> tuple[list[Fact], int]:
    """The facts worth a reader's eye: every corroborated or conflicting one, and the
    first few single-source ones; with the number of single-source facts left out."""
    shared = [f for f in facts if f.agreement != "single-source"]
    single = [f for f in facts if f.agreement == "single-source"]
    return shared + single[:SINGLE_SOURCE_SHOWN], max(0, len(single) - SINGLE_SOURCE_SHOWN)


def source_label(doc: Document | None, doc_id: str) -> str:
    """ "Outlet, YYYY-MM-DD" for a document (its id when unknown)."""
    if doc is None:
        return doc_id
    parts = [doc.outlet or doc.id]
    if doc.published:
        parts.append(doc.published[:10])
    return ", ".join(parts)


def outlet_label(doc: Document | None, doc_id: str) -> str:
    """The outlet of a document (its id when unknown)."""
    return (doc.outlet or doc.id) if doc is not None else doc_id


def quotes_by_speaker(quotes: Iterable[Quote]) -> list[tuple[str | None, list[Quote]]]:
    """Quotes grouped by speaker (named speakers first, by number of quotes)."""
    groups: dict[str | None, list[Quote]] = defaultdict(list)
    for quote in quotes:
        groups[quote.speaker].append(quote)
    return sorted(groups.items(), key=lambda kv: (kv[0] is None, -len(kv[1]), kv[0] or ""))


def speaker_role(quotes: Sequence[Quote]) -> str | None:
    """The role to show beside a speaker: the first one given that says more than an age."""
    return next(
        (q.speaker_role for q in quotes if q.speaker_role and _LETTER.search(q.speaker_role)), None
    )


# -- the view ---------------------------------------------------------------------------


def _bounds(text: str, start: int, end: int, context: int) -> tuple[int, int]:
    """Context around ``text[start:end]``: within its paragraph, cut at word boundaries."""
    lo = max(0, start - context, text.rfind("\n", 0, start) + 1)
    if lo > 0 and not text[lo - 1].isspace():
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    newline = text.find("\n", end)
    hi = min(len(text), end + context, newline if newline != -1 else len(text))
    if hi < len(text) and not text[hi].isspace():
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    return lo, hi


def passage(
    doc: Document | None, span: Span, links: Links = NO_LINKS, context: int = CONTEXT_CHARS
) -> JSON:
    """A cited span inside some of its context: before, the span itself, after."""
    base: JSON = {
        "doc": span.doc,
        "source": source_label(doc, span.doc),
        "url": links.document(span.doc),
    }
    if doc is None or span.end > len(doc.text):
        return {**base, "before": "", "mark": "", "after": ""}
    text = doc.text
    start, end = _bounds(text, span.start, span.end, context)
    cut_before = start > 0 and text[start - 1] != "\n"
    cut_after = end < len(text) and text[end] != "\n"
    return {
        **base,
        "before": ("…" if cut_before else "") + text[start : span.start],
        "mark": text[span.start : span.end],
        "after": text[span.end : end] + ("…" if cut_after else ""),
    }


def cited(text: str, spans: Sequence[Span], docs: dict[str, Document], links: Links) -> JSON:
    """A line of the briefing with the outlets it cites and their passages."""
    return {
        "text": text,
        "docs": list(dict.fromkeys(s.doc for s in spans)),
        "outlets": list(dict.fromkeys(outlet_label(docs.get(s.doc), s.doc) for s in spans)),
        "passages": [passage(docs.get(s.doc), s, links) for s in spans],
    }


def conflict_anchor(index: int) -> str:
    """The page anchor of the briefing's conflict number ``index`` (0-based)."""
    return f"conflict-{index + 1}"


def _values(conflict: Conflict) -> list[tuple[str, tuple[TextSpan, ...]]]:
    """A conflict's values with their claims (each claim its own value when not grouped)."""
    if conflict.values:
        return [(v.value, v.claims) for v in conflict.values]
    groups: dict[str, list[TextSpan]] = defaultdict(list)
    for claim in conflict.claims:
        groups[claim.text].append(claim)
    return [(value, tuple(claims)) for value, claims in groups.items()]


def _first_published(docs: Iterable[Document | None]) -> str:
    """The earliest publication date (YYYY-MM-DD) of some documents ("" when none is known)."""
    return min((d.published[:10] for d in docs if d is not None and d.published), default="")


def _conflicts(briefing: Briefing, docs: dict[str, Document], links: Links) -> list[JSON]:
    """Every conflict, update and minor difference, each value with its outlets, claims
    and first date (a minor difference is listed with the conflicts, named as such)."""
    views = []
    for index, conflict in enumerate(briefing.conflicts):
        values = []
        for value, claims in _values(conflict):
            values.append(
                {
                    "value": value,
                    "date": _first_published(docs.get(c.span.doc) for c in claims),
                    "outlets": list(
                        dict.fromkeys(
                            outlet_label(docs.get(c.span.doc), c.span.doc) for c in claims
                        )
                    ),
                    "claims": [
                        {
                            "text": c.text,
                            "doc": c.span.doc,
                            "passage": passage(
                                docs.get(c.span.doc), c.span, links, CLAIM_CONTEXT_CHARS
                            ),
                        }
                        for c in claims
                    ],
                }
            )
        views.append(
            {
                "anchor": conflict_anchor(index),
                "about": conflict.about
                if conflict.kind != "minor"
                else f"{conflict.about}: a minor difference (rounding)",
                "kind": conflict.kind,
                "by_value": values,
            }
        )
    return views


def _disputes(briefing: Briefing, indexes: Sequence[int]) -> list[JSON]:
    """Links to the conflicts of ``indexes`` (a summary line's or a fact's)."""
    return [
        {"anchor": conflict_anchor(i), "about": briefing.conflicts[i].about}
        for i in dict.fromkeys(indexes)
        if 0 <= i < len(briefing.conflicts)
    ]


def _summary(briefing: Briefing, docs: dict[str, Document], links: Links) -> list[JSON]:
    items = []
    for item in briefing.summary:
        disputes = _disputes(briefing, item.conflicts)
        items.append(
            {
                **cited(item.text, item.citations, docs, links),
                "disputed": bool(disputes),
                "disputes": disputes,
            }
        )
    return items


def _quotes(briefing: Briefing, docs: dict[str, Document], links: Links) -> list[JSON]:
    groups = []
    for speaker, quotes in quotes_by_speaker(briefing.quotes):
        items = []
        for q in quotes:
            shown = f"“{q.text}”" if q.direct else f"(reported) {q.text}"
            if not speaker and speaker_role([q]):  # unnamed sources: each its own role
                shown = f"[{q.speaker_role}] {shown}"
            items.append(
                {**cited(shown, [q.span], docs, links), "direct": q.direct, "via": list(q.via)}
            )
        groups.append(
            {
                "speaker": speaker or "Unattributed",
                "url": links.entity("PERSON", speaker) if speaker else None,
                "role": speaker_role(quotes) if speaker else None,
                "quotes": items,
            }
        )
    return groups


def _people(briefing: Briefing, links: Links) -> list[JSON]:
    names = {e.id: e.name for e in briefing.entities}
    people = []
    for entity in briefing.entities:
        if entity.type not in WHO_TYPES:
            continue
        relations = dict.fromkeys(
            (r.predicate.replace("_", " "), names.get(r.object, r.object))
            for r in briefing.relations
            if r.subject == entity.id
        )
        people.append(
            {
                "name": entity.name,
                "type": entity.type,
                "url": links.entity(entity.type, entity.name),
                "roles": list(dict.fromkeys(r.text for r in entity.roles)),
                "aliases": [a for a in entity.aliases if a != entity.name],
                "relations": [{"predicate": p, "other": o} for p, o in relations],
                "documents": len(entity.docs),
            }
        )
    return people


def relation_graph(briefing: Briefing, links: Links = NO_LINKS) -> JSON | None:
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
                "url": links.entity(entity.type, entity.name),
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


def briefing_view(briefing: Briefing, links: Links = NO_LINKS) -> JSON:
    """Everything a reader is shown of a briefing, in every human-facing rendering."""
    docs = {d.id: d for d in briefing.documents}
    story = briefing.story
    facts, hidden = shown_facts(briefing.facts)
    dated = sorted((t for t in briefing.timeline if t.date), key=lambda t: t.date or "")
    conflicts = _conflicts(briefing, docs, links)
    return {
        "id": story.id,
        "title": story.title,
        "first_seen": (story.first_seen or "")[:10],
        "last_seen": (story.last_seen or story.first_seen or "")[:10],
        "summary": _summary(briefing, docs, links),
        "conflicts": [c for c in conflicts if c["kind"] != "update"],
        "updates": [c for c in conflicts if c["kind"] == "update"],
        "quotes": _quotes(briefing, docs, links),
        "people": _people(briefing, links),
        "graph": relation_graph(briefing, links),
        "facts": [
            {
                **cited(f.text, f.sources, docs, links),
                "agreement": f.agreement,
                "disputes": _disputes(briefing, f.conflicts),
            }
            for f in facts
        ],
        "facts_hidden": hidden,
        "timeline": [
            {
                "date": t.date,
                "expression": t.expression,
                "event": t.event,
                "doc": t.span.doc,
                "source": source_label(docs.get(t.span.doc), t.span.doc),
                "url": links.document(t.span.doc),
            }
            for t in dated
        ],
        "sources": [
            {
                "id": d.id,
                "url": links.document(d.id),
                "title": story_title(d),
                "outlet": d.outlet or "",
                "published": (d.published or "")[:10],
                "genre": d.genre,
                "boilerplate": d.id in briefing.boilerplate,
                "copies": [],
            }
            for d in briefing.documents
        ],
    }


# -- HTML -------------------------------------------------------------------------------


def template_environment() -> Environment:
    """The Jinja environment of every briefing template (the web app's too): autoescape
    on, undefined names are errors."""
    try:
        from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
    except ModuleNotFoundError as exc:  # Jinja2 comes with the web extra
        raise MissingDependency("jinja2", "web") from exc

    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@functools.cache
def _file_environment() -> Environment:
    return template_environment()


def to_html(briefing: Briefing) -> str:
    """One self-contained HTML page (no external assets, no script)."""
    from markupsafe import Markup

    css = Markup(STYLESHEET.read_text(encoding="utf-8"))  # our own file, not article text
    page = _file_environment().get_template("briefing/page.html")
    return page.render(story=briefing_view(briefing), css=css).rstrip() + "\n"


# -- Markdown ---------------------------------------------------------------------------


def to_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown: summary with footnote-style sources, then the rest."""
    view = briefing_view(briefing)
    label = {d.id: f"[{i}]" for i, d in enumerate(briefing.documents, start=1)}

    def refs(doc_ids: Iterable[str]) -> str:
        return " ".join(dict.fromkeys(label.get(d, d) for d in doc_ids))

    out = [f"# {view['title']}", ""]
    if view["first_seen"]:
        out += [f"*{view['first_seen']} – {view['last_seen']}*", ""]
    out += ["## What happened", ""]
    for item in view["summary"]:
        disputed = "; ".join(d["about"] for d in item["disputes"])
        mark = f" — **disputed** (sources differ: {disputed})" if disputed else ""
        out.append(f"- {item['text']} {refs(item['docs'])}{mark}")
    out.append("")
    for key, heading, dated in (
        ("conflicts", "Where sources differ", False),
        ("updates", "How figures changed", True),
    ):
        if not view[key]:
            continue
        out += [f"## {heading}", ""]
        for conflict in view[key]:
            out += [f"### {conflict['about']}", ""]
            for value in conflict["by_value"]:
                date = f"{value['date']}: " if dated and value["date"] else ""
                out.append(f"- {date}**{value['value']}** — {', '.join(value['outlets'])}")
                for claim in value["claims"]:
                    out.append(f"  - “{claim['text']}” {refs([claim['doc']])}")
            out.append("")
    if view["quotes"]:
        out += ["## Who said what", ""]
        for group in view["quotes"]:
            role = f" ({group['role']})" if group["role"] else ""
            out.append(f"**{group['speaker']}**{role}")
            for q in group["quotes"]:
                via = f" — via {' ← '.join(q['via'])}" if q["via"] else ""
                out.append(f"- {q['text']} {refs(q['docs'])}{via}")
            out.append("")
    if view["people"]:
        out += ["## Who is who", ""]
        for p in view["people"]:
            rels = ", ".join(f"{r['predicate']} {r['other']}" for r in p["relations"])
            extra = "; ".join(x for x in ("; ".join(p["roles"]), rels) if x)
            out.append(f"- **{p['name']}** ({p['type']})" + (f": {extra}" if extra else ""))
        out.append("")
    if view["timeline"]:
        out += ["## Timeline", ""]
        for t in view["timeline"]:
            out.append(f"- **{t['date']}** ({t['expression']}): {t['event']} {refs([t['doc']])}")
        out.append("")
    if view["facts"]:
        out += ["## Facts and their support", ""]
        for fact in view["facts"]:
            differ = "; ".join(d["about"] for d in fact["disputes"])
            mark = f" — sources differ: {differ}" if differ else ""
            out.append(f"- [{fact['agreement']}] {fact['text']} {refs(fact['docs'])}{mark}")
        if view["facts_hidden"]:
            out.append(
                f"- … and {view['facts_hidden']} more single-source statements (see the JSON)"
            )
        out.append("")
    out += ["## Sources", ""]
    for doc in briefing.documents:
        title = story_title(doc)
        extra = ", boilerplate: the source of nothing" if doc.id in briefing.boilerplate else ""
        out.append(f"{label[doc.id]} {title} — {source_label(doc, doc.id)} ({doc.genre}{extra})")
    return "\n".join(out).rstrip() + "\n"
