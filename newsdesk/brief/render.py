"""Briefings for people: Markdown, and one self-contained HTML file.

Both are built from the same `Briefing` the JSON contract prints. The HTML page has no
external assets and no script: each summary sentence is a ``<details>`` element that
opens onto its cited passages in context. All article text is escaped (articles are
untrusted input).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from html import escape

from newsdesk.model import Briefing, Document, Fact, Quote, Span, TimeExpression

CONTEXT_CHARS = 220
_LETTER = re.compile(r"[^\W\d_]")


SINGLE_SOURCE_SHOWN = 8


def shown_facts(facts: Sequence[Fact]) -> tuple[list[Fact], int]:
    """The facts worth a reader's eye: every corroborated or conflicting one, and the
    first few single-source ones; with the number of single-source facts left out."""
    shared = [f for f in facts if f.agreement != "single-source"]
    single = [f for f in facts if f.agreement == "single-source"]
    return shared + single[:SINGLE_SOURCE_SHOWN], max(0, len(single) - SINGLE_SOURCE_SHOWN)


def _docs(briefing: Briefing) -> dict[str, Document]:
    return {d.id: d for d in briefing.documents}


def source_label(doc: Document | None, doc_id: str) -> str:
    """ "Outlet, YYYY-MM-DD" for a document (its id when unknown)."""
    if doc is None:
        return doc_id
    parts = [doc.outlet or doc.id]
    if doc.published:
        parts.append(doc.published[:10])
    return ", ".join(parts)


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


def _entity_names(briefing: Briefing) -> dict[str, str]:
    return {e.id: e.name for e in briefing.entities}


def _dated(timeline: Sequence[TimeExpression]) -> list[TimeExpression]:
    return sorted((t for t in timeline if t.date), key=lambda t: t.date or "")


# -- Markdown -------------------------------------------------------------------------


def to_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown: summary with footnote-style sources, then the rest."""
    label = {d.id: f"[{i}]" for i, d in enumerate(briefing.documents, start=1)}
    out = [f"# {briefing.story.title}", ""]
    if briefing.story.first_seen:
        out += [f"*{briefing.story.first_seen[:10]} – {(briefing.story.last_seen or '')[:10]}*", ""]
    out += ["## What happened", ""]
    for item in briefing.summary:
        refs = " ".join(dict.fromkeys(label.get(c.doc, c.doc) for c in item.citations))
        out.append(f"- {item.text} {refs}")
    if briefing.quotes:
        out += ["", "## Who said what", ""]
        for speaker, quotes in quotes_by_speaker(briefing.quotes):
            role = speaker_role(quotes)
            who = speaker or "Unattributed"
            out.append(f"**{who}**" + (f" ({role})" if role else ""))
            for q in quotes:
                via = f" — via {', '.join(q.via)}" if q.via else ""
                text = f"“{q.text}”" if q.direct else f"(reported) {q.text}"
                out.append(f"- {text} {label.get(q.span.doc, q.span.doc)}{via}")
            out.append("")
    people = [e for e in briefing.entities if e.type in ("PERSON", "ORG")]
    if people:
        out += ["## Who is who", ""]
        names = _entity_names(briefing)
        for entity in people:
            roles = "; ".join(dict.fromkeys(r.text for r in entity.roles))
            rels = [
                f"{r.predicate.replace('_', ' ')} {names.get(r.object, r.object)}"
                for r in briefing.relations
                if r.subject == entity.id
            ]
            extra = "; ".join(x for x in (roles, ", ".join(rels)) if x)
            out.append(f"- **{entity.name}** ({entity.type})" + (f": {extra}" if extra else ""))
        out.append("")
    if briefing.conflicts:
        out += ["## Where sources differ", ""]
        for conflict in briefing.conflicts:
            claims = "; ".join(
                f"“{c.text}” {label.get(c.span.doc, c.span.doc)}" for c in conflict.claims
            )
            out.append(f"- **{conflict.about}**: {claims}")
        out.append("")
    if briefing.facts:
        out += ["## Facts and their support", ""]
        facts, hidden = shown_facts(briefing.facts)
        for fact in facts:
            refs = " ".join(dict.fromkeys(label.get(s.doc, s.doc) for s in fact.sources))
            out.append(f"- [{fact.agreement}] {fact.text} {refs}")
        if hidden:
            out.append(f"- … and {hidden} more single-source statements (see the JSON output)")
        out.append("")
    dated = _dated(briefing.timeline)
    if dated:
        out += ["## Timeline", ""]
        for t in dated:
            out.append(f"- **{t.date}** ({t.expression}): {t.event} {label.get(t.span.doc, '')}")
        out.append("")
    out += ["## Sources", ""]
    for doc in briefing.documents:
        title = doc.title or doc.id
        out.append(f"{label[doc.id]} {title} — {source_label(doc, doc.id)} ({doc.genre})")
    return "\n".join(out).rstrip() + "\n"


# -- HTML -----------------------------------------------------------------------------

_CSS = """
body{font:16px/1.5 Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{font:600 1.1rem system-ui,sans-serif;
border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
.meta{color:#666;font:.9rem system-ui,sans-serif}
details{margin:.4rem 0}summary{cursor:pointer}summary:hover{background:#f3f0e6}
.refs{font:.75rem system-ui,sans-serif;color:#555;margin-left:.3rem}
.passage{font-size:.9rem;background:#faf8f2;border-left:3px solid #c9b77a;margin:.3rem 0 .6rem 1rem;
padding:.4rem .8rem}.passage .src{font:600 .75rem system-ui,sans-serif;color:#555;display:block}
mark{background:#ffe58a}
.badge{font:600 .7rem system-ui,sans-serif;padding:.05rem .4rem;border-radius:.6rem;
margin-right:.4rem;white-space:nowrap}
.corroborated{background:#d6f0d6;color:#185c18}.single-source{background:#eee;color:#444}
.conflicting{background:#fadcd9;color:#8a1c12}
.speaker{margin-top:1rem}.role{color:#666;font-style:italic}.via{color:#666;font-size:.85rem}
blockquote{margin:.3rem 0 .3rem 1rem}
table{border-collapse:collapse;font:.9rem system-ui,sans-serif}td,th{padding:.2rem .6rem;
border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.conflict td:first-child{font-weight:600}
.tl{position:relative;margin:1rem 0 0 0;padding:0;list-style:none;border-left:3px solid #c9b77a}
.tl li{margin:0 0 .6rem 0;padding-left:1rem;position:relative}
.tl li::before{content:"";position:absolute;left:-.5rem;top:.45rem;width:.7rem;height:.7rem;
border-radius:50%;background:#c9b77a}
.tl .date{font:600 .85rem system-ui,sans-serif}
.genre-opinion,.genre-analysis{background:#fde9c8;color:#7a4a00}
.genre-report{background:#dbe8fb;color:#123e7a}.genre-other{background:#eee;color:#444}
"""


def _passage(doc: Document | None, span: Span) -> str:
    """The cited characters marked inside some context, escaped."""
    if doc is None or span.end > len(doc.text):
        return ""
    start = max(0, span.start - CONTEXT_CHARS)
    end = min(len(doc.text), span.end + CONTEXT_CHARS)
    before = ("…" if start else "") + doc.text[start : span.start]
    after = doc.text[span.end : end] + ("…" if end < len(doc.text) else "")
    return (
        f'<div class="passage"><span class="src">{escape(source_label(doc, span.doc))}</span>'
        f"{escape(before)}<mark>{escape(doc.text[span.start : span.end])}</mark>"
        f"{escape(after)}</div>"
    )


def _cited(text: str, spans: Sequence[Span], docs: dict[str, Document], badge: str = "") -> str:
    outlets = dict.fromkeys(source_label(docs.get(s.doc), s.doc).split(",")[0] for s in spans)
    refs = f'<span class="refs">{escape(" · ".join(outlets))}</span>'
    passages = "".join(_passage(docs.get(s.doc), s) for s in spans)
    return f"<details><summary>{badge}{escape(text)}{refs}</summary>{passages}</details>"


def _entity_rows(briefing: Briefing) -> str:
    names = _entity_names(briefing)
    rows = []
    for entity in briefing.entities:
        if entity.type not in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
            continue
        roles = "; ".join(dict.fromkeys(r.text for r in entity.roles))
        rels = ", ".join(
            f"{r.predicate.replace('_', ' ')} {names.get(r.object, r.object)}"
            for r in briefing.relations
            if r.subject == entity.id
        )
        aliases = ", ".join(a for a in entity.aliases if a != entity.name)
        rows.append(
            f"<tr><td>{escape(entity.name)}</td><td>{escape(entity.type)}</td>"
            f"<td>{escape(roles)}</td><td>{escape(rels)}</td><td>{escape(aliases)}</td>"
            f"<td>{len(entity.docs)}</td></tr>"
        )
    if not rows:
        return ""
    head = "".join(f"<th>{h}</th>" for h in ("name", "type", "roles", "relations", "also", "docs"))
    head = f"<tr>{head}</tr>"
    return f"<h2>Who is who</h2><table>{head}{''.join(rows)}</table>"


def _quotes_html(briefing: Briefing, docs: dict[str, Document]) -> str:
    if not briefing.quotes:
        return ""
    parts = ["<h2>Who said what</h2>"]
    for speaker, quotes in quotes_by_speaker(briefing.quotes):
        role = speaker_role(quotes)
        role_html = f' <span class="role">{escape(role)}</span>' if role else ""
        parts.append(f'<div class="speaker"><strong>{escape(speaker or "Unattributed")}</strong>')
        parts.append(f"{role_html}</div>")
        for q in quotes:
            via = f' <span class="via">via {escape(", ".join(q.via))}</span>' if q.via else ""
            text = f"“{q.text}”" if q.direct else f"(reported) {q.text}"
            parts.append(f"<blockquote>{_cited(text, [q.span], docs)}{via}</blockquote>")
    return "".join(parts)


def _timeline_html(briefing: Briefing) -> str:
    dated = _dated(briefing.timeline)
    if not dated:
        return ""
    items = "".join(
        f'<li><span class="date">{escape(t.date or "")}</span> '
        f'<span class="meta">({escape(t.expression)})</span><br>{escape(t.event)}</li>'
        for t in dated
    )
    return f'<h2>Timeline</h2><ul class="tl">{items}</ul>'


def to_html(briefing: Briefing) -> str:
    """One self-contained HTML page (no external assets, no script)."""
    docs = _docs(briefing)
    story = briefing.story
    span_text = ""
    if story.first_seen:
        span_text = f"{story.first_seen[:10]} – {(story.last_seen or story.first_seen)[:10]} · "
    meta = f"{span_text}{len(briefing.documents)} sources"
    summary = "".join(_cited(i.text, i.citations, docs) for i in briefing.summary)
    conflicts = ""
    if briefing.conflicts:
        rows = "".join(
            f'<tr class="conflict"><td>{escape(c.about)}</td><td>'
            + "".join(_cited(cl.text, [cl.span], docs) for cl in c.claims)
            + "</td></tr>"
            for c in briefing.conflicts
        )
        conflicts = f"<h2>Where sources differ</h2><table>{rows}</table>"
    facts = ""
    if briefing.facts:
        shown, hidden = shown_facts(briefing.facts)
        more = (
            f'<p class="meta">… and {hidden} more single-source statements.</p>' if hidden else ""
        )
        facts = (
            "<h2>Facts and their support</h2>"
            + "".join(
                _cited(
                    f.text,
                    f.sources,
                    docs,
                    f'<span class="badge {f.agreement}">{f.agreement}</span>',
                )
                for f in shown
            )
            + more
        )
    sources = "".join(
        f'<tr><td><span class="badge genre-{d.genre}">{d.genre}</span></td>'
        f"<td>{escape(d.title or d.id)}</td><td>{escape(d.outlet or '')}</td>"
        f"<td>{escape((d.published or '')[:10])}</td></tr>"
        for d in briefing.documents
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<title>{escape(story.title)}</title><style>{_CSS}</style></head><body>"
        f'<h1>{escape(story.title)}</h1><p class="meta">{escape(meta)}</p>'
        f'<h2>What happened</h2><p class="meta">Click a sentence to see its sources.</p>'
        f"{summary}{conflicts}{_quotes_html(briefing, docs)}{_entity_rows(briefing)}"
        f"{facts}{_timeline_html(briefing)}"
        f"<h2>Sources</h2><table>{sources}</table>"
        "</body></html>\n"
    )
