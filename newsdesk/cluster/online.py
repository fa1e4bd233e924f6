"""Documents → stories, one at a time: the online clusterer and where it keeps stories.

Each new document is compared with *candidate* stories only: those sharing at least one
index key with it (a name, or one of its top TF-IDF terms). Each key's posting list is read
newest first and only its ``max_postings`` most recently updated stories are taken; the
candidates are then ranked by the summed weight of the keys they share with the document
and the best ``max_candidates`` are compared. The cost per document is therefore bounded
whatever the number of stories ever seen. The document joins the most similar candidate
when the similarity (the average similarity to the story's members, computed against its
centroid) reaches ``threshold``; otherwise it founds a new story. With ``window_days``
set, a story whose last document was published more than that many days before the new
one is closed to it.

Where the stories live is a `StoryBackend`: `MemoryStories` here (for a batch, or a
test), or the store (`newsdesk.cluster.stored.StoredStories`, over the SQLite tables of
`newsdesk.store.stories`), which keeps them current across runs. Both keep running sums
(`Centroid`), so a join never revisits the members; it does copy (and the store
rewrites) the centroid's sparse views, whose size grows with the story's vocabulary: a
story of hundreds of documents costs more to join (see bench/stories_scale.py). A story
id is `newsdesk.model.story_id` of its founding document's id, so the id `add` returns
never changes as documents arrive.

Document frequencies start from ``vocabulary`` when given (background counts, e.g. from
an archive): from a cold start, IDF cannot tell a story's own words from the words of its
kind of event.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

import numpy as np

from newsdesk.cluster.batch import central_member
from newsdesk.cluster.features import (
    EQUAL,
    DocFeatures,
    DocumentFrequencies,
    FeatureExtractor,
    Vector,
    Vocabulary,
    Weights,
    similarity,
    similarity_matrix,
)
from newsdesk.cluster.records import published_at, seen_span, story_title
from newsdesk.embed import SentenceEncoder
from newsdesk.model import Document, Story, story_id

__all__ = [
    "ONLINE_THRESHOLD",
    "Centroid",
    "MemoryStories",
    "OnlineClusterer",
    "StoryBackend",
]

# Chosen on the odd topics of ECB+ (bench/stories.py, newsdesk-online); a centroid built
# one document at a time, with IDF from a cold start, scores a little lower than the
# batch's average linkage (DEFAULT_THRESHOLD).
ONLINE_THRESHOLD = 0.27


@dataclass(slots=True)
class Centroid:
    """Running sums of a story's member vectors (their mean is the sum / ``size``), and
    the latest publication date among its members."""

    dense: Vector
    terms: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    size: int = 0
    last: datetime | None = None

    def similarity(self, feat: DocFeatures, weights: Weights = EQUAL) -> float:
        """Average similarity of ``feat`` to the members."""
        if self.size == 0:
            return 0.0
        return similarity(feat, self.dense, self.terms, self.names, weights) / self.size

    def plus(self, feat: DocFeatures, when: datetime | None) -> Centroid:
        """A new centroid with one more member (this one is left unchanged)."""
        terms, names = dict(self.terms), dict(self.names)
        for key, value in feat.terms.items():
            terms[key] = terms.get(key, 0.0) + value
        for key, value in feat.names.items():
            names[key] = names.get(key, 0.0) + value
        last = self.last if when is None or (self.last and self.last >= when) else when
        return Centroid(self.dense + feat.dense, terms, names, self.size + 1, last)

    @classmethod
    def empty(cls, dim: int) -> Centroid:
        return cls(np.zeros(dim, dtype=np.float32))


class StoryBackend(Protocol):
    """Where an `OnlineClusterer` keeps its stories and document frequencies."""

    @property
    def vocabulary(self) -> DocumentFrequencies:
        """The document frequencies features are weighted with."""
        ...

    def assigned(self, doc_id: str) -> str | None:
        """The story ``doc_id`` already belongs to, if any."""
        ...

    def postings(self, key: str, limit: int) -> Sequence[str]:
        """The ``limit`` most recently updated stories indexed under ``key``."""
        ...

    def centroids(self, ids: Sequence[str], since: str | None = None) -> dict[str, Centroid]:
        """The centroids of the given stories; with ``since`` (an ISO date), a backend
        may leave out stories whose latest document is dated before it."""
        ...

    def join(self, story: str | None, doc: Document, feat: DocFeatures) -> str:
        """Add ``doc`` to ``story`` (a new story when None, or when no story has that
        id yet); index the story under the document's keys; return the story id."""
        ...


class MemoryStories:
    """Stories in memory: a `StoryBackend` for one run."""

    def __init__(self, max_postings: int = 32, vocabulary: Vocabulary | None = None) -> None:
        self.max_postings = max_postings
        self.vocabulary: Vocabulary = (
            Vocabulary(vocabulary.documents, Counter(vocabulary.df)) if vocabulary else Vocabulary()
        )
        self._centroids: dict[str, Centroid] = {}
        self._members: dict[str, list[tuple[Document, DocFeatures]]] = {}
        self._index: dict[str, OrderedDict[str, None]] = {}
        self._assigned: dict[str, str] = {}

    def assigned(self, doc_id: str) -> str | None:
        return self._assigned.get(doc_id)

    def postings(self, key: str, limit: int) -> Sequence[str]:
        found = list(self._index.get(key, ()))
        return found[::-1][:limit]

    def centroids(self, ids: Sequence[str], since: str | None = None) -> dict[str, Centroid]:
        return {sid: self._centroids[sid] for sid in ids if sid in self._centroids}

    def join(self, story: str | None, doc: Document, feat: DocFeatures) -> str:
        sid = story or story_id([doc.id])
        current = self._centroids.get(sid) or Centroid.empty(len(feat.dense))
        self._centroids[sid] = current.plus(feat, published_at(doc.published))
        self._members.setdefault(sid, []).append((doc, feat))
        for key in feat.keys:
            postings = self._index.setdefault(key, OrderedDict())
            postings[sid] = None
            postings.move_to_end(sid)
            while len(postings) > self.max_postings:
                postings.popitem(last=False)
        self._assigned[doc.id] = sid
        return sid

    def stories(self, weights: Weights = EQUAL) -> tuple[Story, ...]:
        """Every story so far, in order of creation, titled by its most central member."""
        result = []
        for sid, members in self._members.items():
            docs = [d for d, _ in members]
            first, last = seen_span(docs)
            central = central_index([f for _, f in members], weights)
            ids = tuple(d.id for d in docs)
            result.append(Story(sid, story_title(docs[central]), ids, first, last))
        return tuple(result)


def central_index(feats: Sequence[DocFeatures], weights: Weights = EQUAL) -> int:
    """Index of the member with the highest mean similarity to the others (ties: first)."""
    if len(feats) < 3:
        return 0
    return central_member(similarity_matrix(feats, weights), range(len(feats)))


class OnlineClusterer:
    """Assigns each document, as it arrives, to a story (see the module docstring)."""

    def __init__(
        self,
        embedder: SentenceEncoder,
        threshold: float = ONLINE_THRESHOLD,
        weights: Weights = EQUAL,
        window_days: float | None = None,
        max_postings: int = 32,
        max_candidates: int = 64,
        vocabulary: Vocabulary | None = None,
        backend: StoryBackend | None = None,
    ) -> None:
        if backend is not None and vocabulary is not None:
            raise ValueError("give background document frequencies to the backend instead")
        self.backend: StoryBackend = backend or MemoryStories(max_postings, vocabulary)
        self.extractor = FeatureExtractor(embedder, vocabulary=self.backend.vocabulary)
        self.threshold = threshold
        self.weights = weights
        self.window_days = window_days
        self.max_postings = max_postings
        self.max_candidates = max_candidates
        self.comparisons = 0  # similarity computations so far (to check the bounded cost)

    def candidates(self, feat: DocFeatures) -> list[str]:
        """Stories sharing index keys with ``feat``, best-sharing first, at most
        ``max_candidates`` (ties broken by id)."""
        shared: dict[str, float] = {}
        for key in feat.keys:
            weight = feat.terms.get(key, 0.0) + feat.names.get(key, 0.0)
            for sid in self.backend.postings(key, self.max_postings):
                shared[sid] = shared.get(sid, 0.0) + weight
        return sorted(shared, key=lambda s: (-shared[s], s))[: self.max_candidates]

    def _open(self, centroid: Centroid, when: datetime | None) -> bool:
        if self.window_days is None or when is None or centroid.last is None:
            return True
        return (when - centroid.last).total_seconds() <= self.window_days * 86400

    def _since(self, when: datetime | None) -> str | None:
        """The day before the window opens (a coarse pre-filter; `_open` decides)."""
        if self.window_days is None or when is None:
            return None
        return (when - timedelta(days=self.window_days + 1)).date().isoformat()

    def add(self, doc: Document, dense: Vector | None = None) -> str:
        """The id of the story ``doc`` joins (a new one if no story is similar enough).

        ``dense``: the document's lead embedding, when computed beforehand for a batch.
        """
        known = self.backend.assigned(doc.id)
        if known is not None:
            return known
        feat = self.extractor.features(doc, dense)
        when = published_at(doc.published)
        best, best_sim = None, self.threshold
        centroids = self.backend.centroids(self.candidates(feat), self._since(when))
        for sid in sorted(centroids):
            centroid = centroids[sid]
            if not self._open(centroid, when):
                continue
            sim = centroid.similarity(feat, self.weights)
            self.comparisons += 1
            if sim >= best_sim:
                best, best_sim = sid, sim
        return self.backend.join(best, doc, feat)

    def stories(self) -> tuple[Story, ...]:
        """Every story so far (in-memory backend only), in order of creation."""
        if not isinstance(self.backend, MemoryStories):
            raise TypeError("list stored stories through the store, not the clusterer")
        return self.backend.stories(self.weights)
