"""The annotation stages. Each wraps one extractor module and declares its layers:

    parse      (text)                     -> parse        spaCy, in batches
    entities   (parse)                    -> entities     annotate/entities.py
    quotes     (parse, entities)          -> quotes       annotate/quotes/
    relations  (parse, entities)          -> relations    annotate/relations.py
    dates      (text)                     -> timeline     annotate/dates/ (and stated_date)
    genre      (text)                     -> genre        annotate/genre.py
    release    (parse)                    -> (drops the parse so it is not kept in memory)

Extractor modules are imported when a stage is built, not when newsdesk is imported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.model import Document


class ParseStage:
    name = "parse"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("parse",)

    def __init__(self, backend: SpacyBackend, batch_size: int = 32) -> None:
        self.backend = backend
        self.batch_size = batch_size

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        stream = iter(docs)
        while batch := list(islice(stream, self.batch_size)):
            for doc, parsed in zip(batch, self.backend.parse(d.text for d in batch), strict=True):
                yield replace(doc, parse=parsed)


class EntityStage:
    name = "entities"
    requires: tuple[str, ...] = ("parse",)
    provides: tuple[str, ...] = ("entities",)

    def __init__(self) -> None:
        from newsdesk.annotate.entities import extract_entities

        self.extract = extract_entities

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield replace(doc, entities=self.extract(doc, doc.parse))


class QuoteStage:
    """Quotes, with each speaker named as the entity the speaker mention belongs to (the
    quotes read names through the person resolver shared with the entities)."""

    name = "quotes"
    requires: tuple[str, ...] = ("parse", "entities")
    provides: tuple[str, ...] = ("quotes",)

    def __init__(self) -> None:
        from newsdesk.annotate.quotes import extract_quotes

        self.extract = extract_quotes

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield replace(doc, quotes=self.extract(doc, doc.parse))


class RelationStage:
    name = "relations"
    requires: tuple[str, ...] = ("parse", "entities")
    provides: tuple[str, ...] = ("relations",)

    def __init__(self) -> None:
        from newsdesk.annotate.relations import extract_relations

        self.extract = extract_relations

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield replace(doc, relations=self.extract(doc, doc.parse, doc.entities))


class DateStage:
    name = "dates"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("timeline", "stated_date")

    def __init__(self) -> None:
        from newsdesk.annotate.dates import annotate_dates

        self.annotate = annotate_dates

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self.annotate(doc, doc.parse)


class GenreStage:
    name = "genre"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("genre",)

    def __init__(self) -> None:
        from newsdesk.annotate.genre import classify_genre

        self.classify = classify_genre

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            genre, evidence = self.classify(doc, doc.parse)
            yield replace(doc, genre=genre, genre_evidence=tuple(sorted(evidence.items())))


class ReleaseStage:
    """Drops the parse once every stage that needs it has run."""

    name = "release"
    requires: tuple[str, ...] = ("parse",)
    provides: tuple[str, ...] = ()

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield replace(doc, parse=None)
