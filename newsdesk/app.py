"""The Python API: read inputs, store them, annotate them, group them into stories,
and brief a story.

These functions are what the CLI calls; each takes its settings and store explicitly.

    >>> import newsdesk
    >>> docs = [d for d in newsdesk.read(["examples/museum-theft/"])
    ...         if isinstance(d, newsdesk.Document)]
    >>> [briefing] = newsdesk.brief(docs, words=80)
    >>> stories = newsdesk.stories(docs)          # a batch, independent of order
    >>> store = newsdesk.open_store("news.db")
    >>> results = list(newsdesk.ingest(docs, store))   # each new document joins a story
    >>> store.stories.stories()                   # the stories the store keeps
    >>> newsdesk.recluster(store)                 # regroup all; merges and splits recorded
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING

from newsdesk.errors import StoreError
from newsdesk.ingest.dedup import fingerprint
from newsdesk.ingest.read import read_inputs
from newsdesk.model import Briefing, Document, Refusal, Story, StoryChange
from newsdesk.pipeline import Pipeline
from newsdesk.settings import Settings
from newsdesk.store.base import AddResult
from newsdesk.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from newsdesk.cluster.online import OnlineClusterer
    from newsdesk.embed import Embedder, SentenceEncoder

Item = Document | Refusal
RECLUSTER_MAX = 20_000


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
    assign: bool = True,
    embedder: SentenceEncoder | None = None,
    settings: Settings | None = None,
) -> Iterator[AddResult]:
    """Store each document in its own transaction; say what happened to each item.

    With a pipeline, documents are annotated (in batches) before they are stored, and
    their annotation layers are stored with them in the same transaction; documents the
    store already holds are not annotated again. With ``assign`` (the default), each added
    document then joins a story, or starts one (`assign_stories`), and its result names
    the story, after the stored documents that have none (what a killed run left undone)
    got theirs. A refused item is reported and skipped; so is a document the pipeline
    fails on (alone), with the error. Nothing already stored is touched.
    """
    settings = settings or Settings()
    clusterer = _story_clusterer(store, embedder, settings) if assign else None
    # Documents a killed run stored but did not get to put into a story get one first.
    leftover = _assign(store, clusterer, store.stories.unassigned()) if clusterer else {}
    stream = iter(items)
    while batch := list(islice(stream, batch_size)):
        todo = {i: item for i, item in enumerate(batch) if isinstance(item, Document)}
        todo = {i: doc for i, doc in todo.items() if store.needs(doc)}
        if pipeline is not None and todo:
            for i, item in _annotate_each(pipeline, todo).items():
                batch[i] = item
        results = []
        for item in batch:
            if isinstance(item, Refusal):
                results.append(
                    AddResult("refused", item.id or item.source, item.source, reason=item.reason)
                )
            else:
                results.append(store.add(item, fingerprint(item.text)))
        if clusterer is not None:
            added = [r.id for r in results if r.status == "added"]
            found = leftover | _assign(store, clusterer, added)
            results = [replace(r, story=found.get(r.id)) for r in results]
        yield from results


def _annotate_each(pipeline: Pipeline, docs: dict[int, Document]) -> dict[int, Item]:
    """The documents annotated, by position. When the batch fails, each document is
    annotated alone, and one that still fails is refused with the error: one bad
    document never fails the others."""
    try:
        return dict(zip(docs, pipeline(docs.values()), strict=True))
    except Exception:
        pass
    done: dict[int, Item] = {}
    for i, doc in docs.items():
        try:
            [done[i]] = pipeline([doc])
        except Exception as exc:
            reason = f"cannot be annotated: {type(exc).__name__}: {str(exc)[:200]}"
            done[i] = Refusal(doc.source or doc.id, reason, id=doc.id)
    return done


def assign_stories(
    store: SQLiteStore,
    embedder: SentenceEncoder | None = None,
    settings: Settings | None = None,
) -> int:
    """Give every stored document that has no story yet its story (joining the most
    similar live one, or starting one); return how many were assigned.

    Documents are taken in the order they were stored, each in its own transaction.
    ``embedder`` defaults to MiniLM; a store must keep to one embedder.
    """
    settings = settings or Settings()
    todo = store.stories.unassigned()
    if not todo:
        return 0
    clusterer = _story_clusterer(store, embedder, settings)
    return len(_assign(store, clusterer, todo))


def _story_clusterer(
    store: SQLiteStore, embedder: SentenceEncoder | None, settings: Settings
) -> OnlineClusterer:
    from newsdesk.cluster.online import OnlineClusterer
    from newsdesk.cluster.stored import StoredStories

    if embedder is None:
        from newsdesk.embed import Embedder

        embedder = Embedder()
    return OnlineClusterer(
        embedder,
        threshold=settings.story_threshold,
        window_days=settings.story_window_days or None,
        backend=StoredStories(store.stories),
    )


def _assign(store: SQLiteStore, clusterer: OnlineClusterer, ids: list[str]) -> dict[str, str]:
    """Assign the stored documents ``ids`` (leads embedded in batches of 64)."""
    from newsdesk.cluster.features import lead_text

    found: dict[str, str] = {}
    for start in range(0, len(ids), 64):
        docs = [d for d in (store.get(i) for i in ids[start : start + 64]) if d is not None]
        leads = [lead_text(d, clusterer.extractor.lead_sentences) for d in docs]
        dense = clusterer.extractor.embedder.encode(leads)
        store.stories.check_dimension(dense.shape[1])
        for doc, row in zip(docs, dense, strict=True):
            with store.transaction():
                found[doc.id] = clusterer.add(doc, dense=row)
    return found


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
        docs = {i: d for i, d in enumerate(checked) if isinstance(d, Document)}
        done = _annotate_each(pipeline, docs)
        for i, item in enumerate(checked):
            yield done.get(i, item)


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
    embedder: SentenceEncoder | None = None,
) -> Iterator[Briefing]:
    """Briefings of the documents: all of them as one story, or one story per group:
    ``by="story"`` groups by the ``story`` label given in the input (documents without
    one form one story), ``by="folder"`` by the folder each file was read from.

    Documents are annotated here (parse kept until the briefing is built).
    """
    from newsdesk.brief.assemble import build_briefing
    from newsdesk.embed import Embedder as DefaultEmbedder
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


def brief_stored(
    store: SQLiteStore,
    story_ids: Iterable[str],
    words: int = 120,
    settings: Settings | None = None,
    embedder: SentenceEncoder | None = None,
) -> Iterator[Briefing]:
    """Briefings of stories kept in ``store`` (ids as `SQLiteStories.stories` lists them),
    each under its stored id and title. An unknown id raises `StoreError`."""
    for sid in story_ids:
        row = store.stories.row(sid)
        if row is None:
            raise StoreError(f"no story {sid!r} in {store.path} (see `newsdesk stories --db`)")
        yield brief_story(store.in_story(sid), sid, row.title, words, settings, embedder=embedder)


def brief_story(
    docs: Iterable[Document],
    story_id: str,
    title: str | None,
    words: int = 120,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    embedder: SentenceEncoder | None = None,
) -> Briefing:
    """The briefing of one story newsdesk grouped (``docs`` by publication date, then
    id), under its id and ``title`` (the briefing's own title when None). `brief_stored`
    and the batch pipeline both call it."""
    members = [replace(d, story=story_id) for d in docs]
    [briefing] = brief(
        members, words=words, by="story", settings=settings, pipeline=pipeline, embedder=embedder
    )
    return replace(briefing, story=replace(briefing.story, title=title or briefing.story.title))


def recluster(
    store: SQLiteStore,
    threshold: float | None = None,
    embedder: SentenceEncoder | None = None,
    settings: Settings | None = None,
    max_documents: int = RECLUSTER_MAX,
) -> ReclusterReport:
    """Group every stored document again, in one order-independent batch (the rule of
    `stories`), over the features stored when each document arrived, with today's
    document frequencies. Story ids are kept where a new group mostly matches an old
    story; merges and splits are recorded (`SQLiteStories.events`). Documents without a
    story are assigned first. One transaction: a failure leaves the stories as they were.

    The batch needs memory quadratic in the number of documents: above ``max_documents``
    a `StoreError` says so instead.
    """
    from newsdesk.cluster.batch import DEFAULT_THRESHOLD, group_features
    from newsdesk.cluster.reconcile import reconcile
    from newsdesk.cluster.stored import StoredStories

    settings = settings or Settings()
    count = store.count()
    if count > max_documents:
        raise StoreError(
            f"recluster holds all pairs of documents in memory; {count} documents is more "
            f"than {max_documents}"
        )
    assign_stories(store, embedder, settings)
    before = store.stories.assignments()
    stories_before = len(set(before.values()) - {None})
    stored = StoredStories(store.stories)
    feats = stored.features()
    groups, _ = group_features(feats, DEFAULT_THRESHOLD if threshold is None else threshold)
    ids, changes = reconcile(before, [[feats[i].id for i in g] for g in groups])
    members = [(sid, [feats[i] for i in g]) for sid, g in zip(ids, groups, strict=True)]
    with store.transaction():
        stored.rebuild(members, changes)
    after = store.stories.assignments()
    moved = sum(1 for d, s in after.items() if before.get(d) != s)
    return ReclusterReport(stories_before, len(ids), tuple(changes), moved)


@dataclass(frozen=True, slots=True)
class ReclusterReport:
    """What `recluster` changed: story counts, merges and splits, documents moved."""

    stories_before: int
    stories_after: int
    changes: tuple[StoryChange, ...]
    moved: int

    def __str__(self) -> str:
        merges = sum(1 for c in self.changes if c.kind == "merge")
        splits = sum(1 for c in self.changes if c.kind == "split")
        return (
            f"stories: {self.stories_before} before, {self.stories_after} after; "
            f"{merges} merged, {splits} split off; {self.moved} documents moved"
        )


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
