"""The core data model: one container (`Document`) and the records that point into it.

Every annotation is anchored by a `Span`: a document id and character offsets (Python
``str`` indices, end exclusive) into `Document.text`, the clean text. Records are frozen
dataclasses; stages derive new ones with `dataclasses.replace`.

One serialisation path: ``to_dict`` gives the JSON shape of ``shared/contracts``, and
``from_dict`` reads it back. The store, the CLI and the API all use it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast, get_args

from newsdesk.errors import SpanError

Genre = Literal["report", "opinion", "analysis", "other"]
Agreement = Literal["corroborated", "single-source", "conflicting"]
ConflictKind = Literal["conflict", "update", "minor"]
GENRES: tuple[str, ...] = get_args(Genre)

JSON = dict[str, Any]


def content_hash(text: str) -> str:
    """The hash that identifies a clean text (SHA-256, hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def story_id(document_ids: Iterable[str]) -> str:
    """The id of a story made of ``document_ids``: ``"s-"`` + the first 10 hex digits of
    SHA-1 over the sorted ids. The one scheme for every story id: the store names a story
    after its founding document (``story_id([first])``), a briefing of documents given
    together after all of them."""
    joined = "\n".join(sorted(document_ids))
    return "s-" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of the document ``doc``'s clean text.

    A Span knows only its offsets; `Document.span` checks them against the text.
    """

    doc: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise SpanError(f"invalid span {self.doc}[{self.start}:{self.end}]")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.doc == other.doc and self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.doc == other.doc and self.start < other.end and other.start < self.end

    def to_dict(self) -> JSON:
        return {"doc": self.doc, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        return cls(str(data["doc"]), int(data["start"]), int(data["end"]))


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A span with the text it covers, as shown to readers (roles, claims, citations)."""

    span: Span
    text: str

    def to_dict(self) -> JSON:
        return {"text": self.text, **self.span.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TextSpan:
        return cls(Span.from_dict(data), str(data["text"]))


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a named entity in one document."""

    span: Span
    text: str
    label: str

    def to_dict(self) -> JSON:
        return {"text": self.text, "label": self.label, **self.span.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        return cls(Span.from_dict(data), str(data["text"]), str(data["label"]))


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place with all its mentions (in one or several documents)."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[TextSpan, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.span.doc for m in self.mentions))

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "roles": [r.to_dict() for r in self.roles],
            "docs": list(self.docs),
            "mentions": max(1, len(self.mentions)),
            "spans": [m.span.to_dict() for m in self.mentions],
            "mention_texts": [m.text for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entity:
        texts = data.get("mention_texts") or [""] * len(data["spans"])
        mentions = tuple(
            Mention(Span.from_dict(s), str(t), str(data["type"]))
            for s, t in zip(data["spans"], texts, strict=True)
        )
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            type=str(data["type"]),
            aliases=tuple(data.get("aliases", ())),
            roles=tuple(TextSpan.from_dict(r) for r in data.get("roles", ())),
            mentions=mentions,
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """Speech or reported speech, with who said it and who relayed it."""

    span: Span
    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    via: tuple[str, ...] = ()
    direct: bool = True
    speaker_span: Span | None = None
    cue: str | None = None
    group: str | None = None

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "via": list(self.via),
            "direct": self.direct,
            **self.span.to_dict(),
            "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
            "cue": self.cue,
            "group": self.group,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        speaker_span = data.get("speaker_span")
        return cls(
            span=Span.from_dict(data),
            text=str(data["text"]),
            speaker=data.get("speaker"),
            speaker_role=data.get("speaker_role"),
            via=tuple(data.get("via", ())),
            direct=bool(data.get("direct", True)),
            speaker_span=Span.from_dict(speaker_span) if speaker_span else None,
            cue=data.get("cue"),
            group=data.get("group"),
        )


@dataclass(frozen=True, slots=True)
class Relation:
    """``subject predicate object`` between two entities, with the span that states it."""

    span: Span
    subject: str
    predicate: str
    object: str

    def to_dict(self) -> JSON:
        return {
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            **self.span.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Relation:
        return cls(
            Span.from_dict(data), str(data["subject"]), str(data["predicate"]), str(data["object"])
        )


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression normalised to ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or None)."""

    span: Span
    expression: str
    date: str | None
    event: str

    def to_dict(self) -> JSON:
        return {
            "date": self.date,
            "expression": self.expression,
            "event": self.event,
            **self.span.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TimeExpression:
        return cls(
            Span.from_dict(data), str(data["expression"]), data.get("date"), str(data["event"])
        )


@dataclass(frozen=True, slots=True)
class Document:
    """One article: clean text, metadata and the annotation layers stages add.

    ``text`` is the clean text all offsets point into. ``story`` is a label the user
    gave (JSONL ``story`` field); the story newsdesk assigns lives in the store.
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    genre: Genre = "other"
    story: str | None = None
    source: str | None = None
    hash: str = field(default="")
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    timeline: tuple[TimeExpression, ...] = ()
    genre_evidence: tuple[tuple[str, float], ...] = ()
    # The day (YYYY-MM-DD) the page states for itself in its header, as the dates stage read
    # it for a document with no `published` date: "" when the page states none, None when
    # the dates stage has not read the page.
    stated_date: str | None = None
    # The NLP parse of `text` while the document passes through a pipeline (a spaCy Doc);
    # never serialised, never compared.
    parse: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.hash:
            object.__setattr__(self, "hash", content_hash(self.text))

    def span(self, start: int, end: int) -> Span:
        """A span of this document's text; raises `SpanError` when out of range."""
        if not 0 <= start < end <= len(self.text):
            raise SpanError(
                f"span [{start}:{end}] out of range for document {self.id!r} "
                f"({len(self.text)} characters)"
            )
        return Span(self.id, start, end)

    def char_span(self, start: int, end: int) -> Span | None:
        """Like `span`, but None instead of an error (as spaCy's ``Doc.char_span``)."""
        try:
            return self.span(start, end)
        except SpanError:
            return None

    def text_of(self, span: Span) -> str:
        if span.doc != self.id or span.end > len(self.text):
            raise SpanError(f"span {span} does not belong to document {self.id!r}")
        return self.text[span.start : span.end]

    def with_layers(self, **layers: Any) -> Document:
        return replace(self, **layers)

    def record(self, include_text: bool = False) -> JSON:
        """The document part of the contracts: id, title, outlet, published, genre."""
        data: JSON = {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "genre": self.genre,
            "author": self.author,
            "url": self.url,
        }
        if self.story is not None:
            data["story"] = self.story
        if self.genre_evidence:
            data["genre_evidence"] = dict(self.genre_evidence)
        if include_text:
            data["text"] = self.text
        return data

    def to_dict(self, include_text: bool = True) -> JSON:
        data = self.record(include_text=include_text)
        data["hash"] = self.hash
        data["source"] = self.source
        data["quotes"] = [q.to_dict() for q in self.quotes]
        data["entities"] = [e.to_dict() for e in self.entities]
        data["relations"] = [r.to_dict() for r in self.relations]
        data["timeline"] = [t.to_dict() for t in self.timeline]
        if self.stated_date is not None:
            data["stated_date"] = self.stated_date
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        genre = data.get("genre") or "other"
        if genre not in GENRES:
            raise ValueError(f"unknown genre {genre!r}")
        genre = cast(Genre, genre)
        return cls(
            id=str(data["id"]),
            text=str(data["text"]),
            title=data.get("title"),
            outlet=data.get("outlet"),
            author=data.get("author"),
            url=data.get("url"),
            published=data.get("published"),
            genre=genre,
            story=data.get("story"),
            source=data.get("source"),
            hash=str(data.get("hash") or ""),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
            relations=tuple(Relation.from_dict(r) for r in data.get("relations", ())),
            timeline=tuple(TimeExpression.from_dict(t) for t in data.get("timeline", ())),
            genre_evidence=tuple(
                (str(k), float(v)) for k, v in (data.get("genre_evidence") or {}).items()
            ),
            stated_date=data.get("stated_date"),
        )

    def annotation(self, include_text: bool = False, error: str | None = None) -> JSON:
        """This document as one ``newsdesk.annotation/1`` object."""
        return {
            "schema": "newsdesk.annotation/1",
            "document": self.record(include_text=include_text),
            "error": error,
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
            "timeline": [t.to_dict() for t in self.timeline],
        }


@dataclass(frozen=True, slots=True)
class Refusal:
    """An input item that could not be read, with where it came from and why."""

    source: str
    reason: str
    id: str | None = None

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    def annotation(self) -> JSON:
        """The ``newsdesk.annotation/1`` object that stands for a refused input."""
        return {
            "schema": "newsdesk.annotation/1",
            "document": {
                "id": self.id or self.source,
                "title": None,
                "outlet": None,
                "published": None,
                "genre": "other",
            },
            "error": str(self),
            "quotes": [],
            "entities": [],
            "relations": [],
            "timeline": [],
        }


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """One summary sentence and the source spans it is taken from.

    ``conflicts`` holds the indexes (into the briefing's conflicts) of the conflicts on a
    value the sentence states: where outlets differ, the line is disputed.
    """

    text: str
    citations: tuple[Span, ...]
    conflicts: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if not self.citations:
            raise ValueError("a summary item needs at least one citation")

    @property
    def disputed(self) -> bool:
        return bool(self.conflicts)

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "citations": [c.to_dict() for c in self.citations],
            "disputed": self.disputed,
            "conflicts": list(self.conflicts),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SummaryItem:
        return cls(
            str(data["text"]),
            tuple(Span.from_dict(c) for c in data["citations"]),
            tuple(int(n) for n in data.get("conflicts", ())),
        )


@dataclass(frozen=True, slots=True)
class Fact:
    """A statement grouped across the documents that make it.

    ``agreement`` is ``corroborated`` when two or more documents make the statement with
    the same values, ``conflicting`` when its sources state different values (or it has
    one source and another document disputes a value it states), else ``single-source``.
    ``conflicts`` holds the indexes (into the briefing's conflicts) of the conflicts on a
    value its sources state: a corroborated fact may still be disputed by other outlets.
    """

    text: str
    sources: tuple[Span, ...]
    agreement: Agreement
    conflicts: tuple[int, ...] = ()

    @property
    def disputed(self) -> bool:
        return bool(self.conflicts)

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "sources": [s.to_dict() for s in self.sources],
            "agreement": self.agreement,
            "disputed": self.disputed,
            "conflicts": list(self.conflicts),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fact:
        return cls(
            str(data["text"]),
            tuple(Span.from_dict(s) for s in data["sources"]),
            data["agreement"],
            tuple(int(n) for n in data.get("conflicts", ())),
        )


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One value of a conflicting attribute and the claims that give it."""

    value: str
    claims: tuple[TextSpan, ...]

    def to_dict(self) -> JSON:
        return {"value": self.value, "claims": [c.to_dict() for c in self.claims]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ConflictValue:
        return cls(str(data["value"]), tuple(TextSpan.from_dict(c) for c in data["claims"]))


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources that give different values for the same thing.

    ``claims`` lists every claim; ``values`` (when known) groups them by the value they
    give, so a reader sees each value with the outlets that give it. ``kind`` is
    ``"update"`` when the value changed between reports published at different times (a
    toll that rises over three days: values in time order), ``"minor"`` when exact values
    differ by rounding only ("$972,814" and "$973,000": no dispute, shown), else
    ``"conflict"``.
    """

    about: str
    claims: tuple[TextSpan, ...]
    attribute: str | None = None
    values: tuple[ConflictValue, ...] = ()
    kind: ConflictKind = "conflict"

    def to_dict(self) -> JSON:
        return {
            "about": self.about,
            "claims": [c.to_dict() for c in self.claims],
            "attribute": self.attribute,
            "values": [v.to_dict() for v in self.values],
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Conflict:
        return cls(
            str(data["about"]),
            tuple(TextSpan.from_dict(c) for c in data["claims"]),
            attribute=data.get("attribute"),
            values=tuple(ConflictValue.from_dict(v) for v in data.get("values", ())),
            kind=cast(ConflictKind, data.get("kind"))
            if data.get("kind") in get_args(ConflictKind)
            else "conflict",
        )


@dataclass(frozen=True, slots=True)
class Story:
    """Documents about one event."""

    id: str
    title: str
    documents: tuple[str, ...] = ()
    first_seen: str | None = None
    last_seen: str | None = None

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "title": self.title,
            "documents": list(self.documents),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Story:
        return cls(
            id=str(data["id"]),
            title=str(data["title"]),
            documents=tuple(data.get("documents", ())),
            first_seen=data.get("first_seen"),
            last_seen=data.get("last_seen"),
        )


@dataclass(frozen=True, slots=True)
class StoryChange:
    """What a re-clustering did to a stored story. ``merge``: ``story`` was absorbed into
    ``other``; ``split``: ``story`` was split off ``other``. ``documents`` documents
    moved; ``at`` is when (as stored)."""

    kind: str
    story: str
    other: str | None
    documents: int
    at: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "story": self.story,
            "other": self.other,
            "documents": self.documents,
            "at": self.at,
        }


@dataclass(frozen=True, slots=True)
class Briefing:
    """One story told from many sources, every statement cited."""

    story: Story
    documents: tuple[Document, ...]
    summary: tuple[SummaryItem, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimeExpression, ...] = ()
    boilerplate: tuple[str, ...] = ()  # ids of documents with no story text: no source

    def to_dict(self, include_text: bool = False) -> JSON:
        story = self.story.to_dict()
        story.pop("documents")
        documents = [d.record(include_text=include_text) for d in self.documents]
        for record in documents:
            record["boilerplate"] = record["id"] in self.boilerplate
        return {
            "schema": "newsdesk.briefing/1",
            "story": story,
            "documents": documents,
            "summary": [s.to_dict() for s in self.summary],
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
            "facts": [f.to_dict() for f in self.facts],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "timeline": [t.to_dict() for t in self.timeline],
        }


def documents_by_id(documents: Iterable[Document]) -> dict[str, Document]:
    return {d.id: d for d in documents}
