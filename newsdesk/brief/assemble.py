"""One story's annotated documents to a `Briefing`.

The documents arrive annotated (entities, quotes, relations, timeline, genre) and still
carrying their parse; this module merges the per-document layers across the story and
adds what only a set of documents has: the summary, facts, conflicts, quote groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsdesk.cluster.records import representative_title
from newsdesk.disjoint import DisjointSets
from newsdesk.embed import SentenceEncoder
from newsdesk.layout import tells_a_story
from newsdesk.model import Briefing, Document, Entity, Quote, Relation, Story, TimeExpression
from newsdesk.model import story_id as make_story_id

_WORD = re.compile(r"\w+")


def group_quotes(quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    """Give quotes that repeat the same words (in any document) the same ``group`` id.

    Two quotes are the same when their word sets overlap by 80% or more, or when one
    (of six words or more) is contained in the other.
    """
    words = [frozenset(w.lower() for w in _WORD.findall(q.text)) for q in quotes]
    groups = DisjointSets()
    for i in range(len(quotes)):
        groups.add(i)
        for j in range(i + 1, len(quotes)):
            a, b = words[i], words[j]
            if not a or not b:
                continue
            small = min(len(a), len(b))
            overlap = len(a & b)
            if overlap / len(a | b) >= 0.8 or (small >= 6 and overlap == small):
                groups.union(i, j)
    names: dict[int, str] = {}
    grouped = []
    for i, quote in enumerate(quotes):
        name = names.setdefault(groups.find(i), f"q{len(names) + 1}")
        grouped.append(replace(quote, group=name))
    return tuple(grouped)


def story_speakers(quotes: Sequence[Quote], entities: Sequence[Entity]) -> tuple[Quote, ...]:
    """The quotes with each speaker named as the story names them: a short form one
    document used ("Manning", "Reggie") becomes the full name of the story's entity its
    mention belongs to ("Peyton Manning"), so one person is one speaker. A speaker named
    through a pronoun ("she said") is found by name among the forms of the story's people,
    when one person alone has that form. A speaker is only ever given a fuller form of
    their own name, never another name."""
    from newsdesk.annotate.entities import entity_at

    owners: dict[str, set[str]] = {}
    for person in entities:
        if person.type == "PERSON":
            for form in (person.name, *person.aliases):
                owners.setdefault(form.casefold(), set()).add(person.name)
    out = []
    for quote in quotes:
        speaker = quote.speaker
        entity = entity_at(entities, quote.speaker_span) if quote.speaker_span else None
        full = entity.name if entity else None
        if speaker and entity is None and len(owners.get(speaker.casefold(), ())) == 1:
            [full] = owners[speaker.casefold()]
        if speaker and full and full != speaker and _shorter_form(speaker, full):
            quote = replace(quote, speaker=full)
        out.append(quote)
    return tuple(out)


def _shorter_form(short: str, full: str) -> bool:
    """Whether every word of ``short`` is a word of ``full`` ("Manning" of "Peyton
    Manning"; not "Gary Gomes" of "Kathryn Gomes")."""
    words = {w.casefold() for w in _WORD.findall(full)}
    return all(w.casefold() in words for w in _WORD.findall(short))


def merged_timeline(docs: Sequence[Document]) -> tuple[TimeExpression, ...]:
    """Every document's dated items, ordered by date (undated last), then by source."""
    order = {d.id: i for i, d in enumerate(docs)}
    items = [t for d in docs for t in d.timeline]
    return tuple(
        sorted(items, key=lambda t: (t.date is None, t.date or "", order[t.span.doc], t.span.start))
    )


def build_briefing(
    docs: Sequence[Document],
    words: int = 120,
    story_id: str | None = None,
    embedder: SentenceEncoder | None = None,
) -> Briefing:
    """The briefing of one story told by ``docs`` (annotated, in source order).

    A document with no story text (`newsdesk.layout.tells_a_story`: an embedded-post
    notice, a web-archive page) is listed with ``boilerplate`` and is no source of
    anything."""
    from newsdesk.annotate.entities import merge_entities
    from newsdesk.brief.align import supported
    from newsdesk.brief.conflicts import find_conflicts, story_slots
    from newsdesk.brief.facts import group_facts
    from newsdesk.brief.summary import summarize

    docs = sorted(docs, key=lambda d: (d.published or "9999", docs.index(d)))
    published = sorted(d.published for d in docs if d.published)
    boilerplate = tuple(d.id for d in docs if not tells_a_story(d.text))
    sources = [d for d in docs if d.id not in boilerplate]
    story = Story(
        id=story_id or make_story_id(d.id for d in docs),
        title=representative_title(docs),
        documents=tuple(d.id for d in docs),
        first_seen=published[0] if published else None,
        last_seen=published[-1] if published else None,
    )
    # one merge of the story's entities: the briefing's people, and the people its
    # slots are keyed by (`story_slots`)
    merged = merge_entities(e for d in sources for e in d.entities)
    entities, ids = merged
    relations = tuple(
        Relation(r.span, ids.get(r.subject, r.subject), r.predicate, ids.get(r.object, r.object))
        for d in sources
        for r in d.relations
    )
    slots = story_slots(sources, merged)
    conflicts = find_conflicts(sources, slots)
    summary = summarize(sources, words=words, embedder=embedder)
    return Briefing(
        story=story,
        documents=tuple(docs),
        summary=supported(summary, conflicts),
        quotes=group_quotes(story_speakers([q for d in sources for q in d.quotes], entities)),
        entities=entities,
        relations=tuple(dict.fromkeys(relations)),
        facts=group_facts(sources, conflicts=conflicts, encoder=embedder, slots=slots),
        conflicts=conflicts,
        timeline=merged_timeline(sources),
        boilerplate=boilerplate,
    )
