"""Briefings of stored stories, built on demand and cached by (story id, seq).

A story's ``seq`` grows whenever the story changes, so a cached briefing is reused until
its story gains or loses a document. Building one re-annotates the story's documents
with the server's own parse pipeline (its own spaCy model, not the ingest thread's), one
briefing at a time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

from newsdesk import app as api
from newsdesk.embed import SentenceEncoder
from newsdesk.model import Briefing, Document, Story
from newsdesk.pipeline import Pipeline

PipelineFactory = Callable[[], Pipeline]


class BriefingCache:
    """Briefings keyed by (story id, seq), least recently used dropped past ``size``."""

    def __init__(
        self,
        pipeline_factory: PipelineFactory,
        embedder: SentenceEncoder | None,
        words: int = 120,
        size: int = 32,
    ) -> None:
        self._factory = pipeline_factory
        self._pipeline: Pipeline | None = None
        self.embedder = embedder
        self.words = words
        self.size = size
        self._cache: OrderedDict[tuple[str, int], Briefing] = OrderedDict()
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()
        self.built = 0  # how many briefings were built (not served from the cache)

    def get(self, story: Story, seq: int, docs: Callable[[], list[Document]]) -> Briefing:
        """The briefing of ``story`` at ``seq``; ``docs`` gives its documents if it must
        be built."""
        key = (story.id, seq)
        cached = self._cached(key)
        if cached is not None:
            return cached
        with self._build_lock:  # one briefing built at a time; cached ones still served
            cached = self._cached(key)
            if cached is not None:
                return cached
            briefing = self._build(story, docs())
        with self._lock:
            self._cache[key] = briefing
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return briefing

    def _cached(self, key: tuple[str, int]) -> Briefing | None:
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        return None

    def _build(self, story: Story, docs: list[Document]) -> Briefing:
        if self._pipeline is None:
            self._pipeline = self._factory()
        [briefing] = api.brief(
            docs,
            words=self.words,
            pipeline=self._pipeline,
            embedder=self.embedder,
        )
        self.built += 1
        return replace(
            briefing,
            story=replace(briefing.story, id=story.id, title=story.title or briefing.story.title),
        )
