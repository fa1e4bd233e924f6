"""The Python API: read inputs, store them, annotate them, group them into stories,
and brief a story.

These functions are what the CLI calls; each takes its settings and store explicitly.

    >>> import newsdesk
    >>> docs = [d for d in newsdesk.read(["examples/museum-theft/"])
    ...         if isinstance(d, newsdesk.Document)]
    >>> [briefing] = newsdesk.brief(docs, words=80)
    >>> stories = newsdesk.stories(docs)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING

from newsdesk.ingest.dedup import fingerprint
from newsdesk.ingest.read import read_inputs
from newsdesk.model import Briefing, Document, Refusal, Story
from newsdesk.pipeline import Pipeline
from newsdesk.settings import Settings
from newsdesk.store.base import AddResult
from newsdesk.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from newsdesk.brief.embed import Embedder

Item = Document | Refusal


def read(
    inputs: Iterable[str], settings: Settings | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Item]:
    """Documents from files, folders, JSONL feeds or ``-`` (stdin), in input order.

    Items that cannot be read come as `Refusal` (source and reason); reading goes on.
    """
    return read_inputs(inputs, settings or Settings(), stdin=stdin)


def open_store(path: str, settings: Settings | None = None) -> SQLiteStore:
    """Open (or create) the SQLite store at ``path``, migrating its schema if needed."""
    settings = settings or Settings()
    return SQLiteStore(path, near_duplicate_threshold=settings.near_duplicate_threshold)


def ingest(
    items: Iterable[Item],
    store: SQLiteStore,
    pipeline: Pipeline | None = None,
    batch_size: int = 32,
) -> Iterator[AddResult]:
    """Store each document in its own transaction; say what happened to each item.

    With a pipeline, documents are annotated (in batches) before they are stored, and
    their annotation layers are stored with them in the same transaction; documents the
    store already holds are not annotated again. A refused item is reported and skipped;
    nothing already stored is touched.
    """
    stream = iter(items)
    while batch := list(islice(stream, batch_size)):
        todo = {i: item for i, item in enumerate(batch) if isinstance(item, Document)}
        todo = {i: doc for i, doc in todo.items() if store.needs(doc)}
        if pipeline is not None and todo:
            for i, doc in zip(todo, pipeline(todo.values()), strict=True):
                batch[i] = doc
        for item in batch:
            if isinstance(item, Refusal):
                yield AddResult("refused", item.id or item.source, item.source, reason=item.reason)
            else:
                yield store.add(item, fingerprint(item.text))


def annotate(
    items: Iterable[Item], pipeline: Pipeline | None = None, settings: Settings | None = None
) -> Iterator[Item]:
    """Run the pipeline over the documents, batch by batch, keeping input order.

    Refusals pass through unchanged; a document whose id was already seen in this run
    is refused (ids must be unique within one output).
    """
    settings = settings or Settings()
    pipeline = pipeline or default_pipeline(settings)
    seen: dict[str, str] = {}
    stream = iter(items)
    while batch := list(islice(stream, settings.batch_size)):
        checked: list[Item] = []
        for item in batch:
            if isinstance(item, Document):
                if item.id in seen:
                    item = Refusal(
                        item.source or item.id,
                        f"duplicate id {item.id!r} (first read from {seen[item.id]})",
                        id=item.id,
                    )
                else:
                    seen[item.id] = item.source or "?"
            checked.append(item)
        done = iter(pipeline(d for d in checked if isinstance(d, Document)))
        for item in checked:
            yield next(done) if isinstance(item, Document) else item


def group_key(doc: Document, by: str | None) -> str | None:
    """The story a document belongs to under a ``--by`` rule (None: the one story)."""
    if by == "story":
        return doc.story
    if by == "folder":
        source = doc.source or ""
        path, _, line = source.rpartition(":")
        if path and line.isdigit():  # a JSONL line: "feed.jsonl:3"
            source = path
        return Path(source).parent.name or None
    if by is not None:
        raise ValueError(f"unknown grouping {by!r}; use 'story' or 'folder'")
    return None


def default_pipeline(settings: Settings | None = None) -> Pipeline:
    """The stages `annotate` and `ingest` run by default: parse, entities, quotes,
    relations, dates, genre (the spaCy model loads on first use, not here)."""
    from newsdesk.registry import build_pipeline

    return build_pipeline(settings=settings)


def brief(
    docs: Iterable[Document],
    words: int = 120,
    by: str | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    embedder: Embedder | None = None,
) -> Iterator[Briefing]:
    """Briefings of the documents: all of them as one story, or one story per group:
    ``by="story"`` groups by the ``story`` label given in the input (documents without
    one form one story), ``by="folder"`` by the folder each file was read from.

    Documents are annotated here (parse kept until the briefing is built).
    """
    from newsdesk.brief.assemble import build_briefing
    from newsdesk.brief.embed import Embedder as DefaultEmbedder
    from newsdesk.registry import DEFAULT_STAGES, build_pipeline

    settings = settings or Settings()
    if pipeline is None:
        keep_parse = [s for s in DEFAULT_STAGES if s != "release"]
        pipeline = build_pipeline(keep_parse, settings)
    groups: dict[str | None, list[Document]] = {}
    for doc in pipeline(docs):
        groups.setdefault(group_key(doc, by), []).append(doc)
    embedder = embedder or DefaultEmbedder()
    for label, members in groups.items():
        briefing = build_briefing(members, words=words, story_id=label, embedder=embedder)
        yield replace(briefing, documents=tuple(replace(d, parse=None) for d in briefing.documents))


def stories(
    docs: Iterable[Document],
    threshold: float | None = None,
    embedder: Embedder | None = None,
) -> tuple[Story, ...]:
    """The documents grouped into stories (events) by newsdesk itself, independent of
    their order: look-alike events (two ferry accidents a month apart) stay apart."""
    from newsdesk.cluster import DEFAULT_THRESHOLD, cluster_documents

    return cluster_documents(
        docs, threshold=DEFAULT_THRESHOLD if threshold is None else threshold, embedder=embedder
    )
