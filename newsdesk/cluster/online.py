"""Documents → stories: an online clusterer and an order-independent batch mode.

Online (`OnlineClusterer`)
    Single pass. Each new document is compared with the *candidate* stories only: those
    sharing at least one index key with it (a name, or one of its top TF-IDF terms),
    looked up in an inverted index whose posting lists keep only the ``max_postings``
    most recently updated stories per key. The cost per document is therefore bounded by
    (keys per document × ``max_postings``), whatever the number of stories ever seen. The
    document joins the most similar candidate when the similarity (`similarity`: average
    similarity to the story's members) reaches ``threshold``; otherwise it founds a new
    story. Centroids are running sums, updated in O(size of the document). With
    ``window_days`` set, a story whose last document was published more than that many
    days before the new one is closed. Document frequencies start from ``vocabulary``
    when given (background counts, e.g. from an archive): from a cold start, IDF cannot
    tell a story's own words from the words of its kind of event. A story id is ``"s-"`` +
    a short hash of its founding document's id, so the id `add` returns never changes as
    documents arrive.

Batch (`cluster_documents`)
    Average-linkage agglomerative clustering over the full similarity matrix, cut at
    ``threshold`` (merging stops when the average similarity between two groups falls
    below it). Documents are first sorted by id, so the result is deterministic and
    independent of input order. Average linkage on this similarity is the batch twin of
    the online rule (centroid similarity = average member similarity). Story ids are
    ``"s-"`` + a short hash of the sorted document ids.
"""

from __future__ import annotations

import hashlib
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from newsdesk.brief.embed import SentenceEncoder
from newsdesk.cluster.features import (
    EQUAL,
    DocFeatures,
    FeatureExtractor,
    Vector,
    Vocabulary,
    Weights,
    lead_text,
    similarity,
    similarity_matrix,
)
from newsdesk.model import Document, Story

__all__ = [
    "DEFAULT_THRESHOLD",
    "OnlineClusterer",
    "cluster_documents",
    "cluster_features",
    "linkage_tree",
    "story_id",
    "story_title",
]

# Chosen on the odd topics of ECB+ (bench/stories.py); see bench/out/stories.json.
DEFAULT_THRESHOLD = 0.29
TITLE_CHARS = 100


def story_id(document_ids: Iterable[str]) -> str:
    """``"s-"`` + the first 10 hex digits of SHA-1 over the sorted document ids."""
    joined = "\n".join(sorted(document_ids))
    return "s-" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:10]


def _truncate(text: str, limit: int = TITLE_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


def story_title(doc: Document) -> str:
    """The document's title, else its first sentence, truncated to ~100 characters."""
    if doc.title and doc.title.strip():
        return _truncate(doc.title)
    return _truncate(lead_text(doc, sentences=1))


def _when(published: str | None) -> datetime | None:
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=None) if moment.tzinfo else moment


def _seen(docs: Sequence[Document]) -> tuple[str | None, str | None]:
    dates = sorted(d.published for d in docs if d.published)
    return (dates[0], dates[-1]) if dates else (None, None)


@dataclass(slots=True)
class _Live:
    """One story of the online clusterer: running sums of its members' views."""

    id: str
    dense: Vector
    terms: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    members: list[Document] = field(default_factory=list)
    feats: list[DocFeatures] = field(default_factory=list)
    last: datetime | None = None

    def add(self, doc: Document, feat: DocFeatures) -> None:
        self.dense = self.dense + feat.dense
        for key, value in feat.terms.items():
            self.terms[key] = self.terms.get(key, 0.0) + value
        for key, value in feat.names.items():
            self.names[key] = self.names.get(key, 0.0) + value
        self.members.append(doc)
        self.feats.append(feat)
        moment = _when(doc.published)
        if moment is not None and (self.last is None or moment > self.last):
            self.last = moment


class OnlineClusterer:
    """Assigns each document, as it arrives, to a story (see the module docstring)."""

    def __init__(
        self,
        embedder: SentenceEncoder,
        threshold: float = DEFAULT_THRESHOLD,
        weights: Weights = EQUAL,
        window_days: float | None = None,
        max_postings: int = 32,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self.extractor = FeatureExtractor(embedder)
        if vocabulary is not None:  # background document frequencies (e.g. an archive)
            self.extractor.vocabulary = Vocabulary(vocabulary.documents, Counter(vocabulary.df))
        self.threshold = threshold
        self.weights = weights
        self.window_days = window_days
        self.max_postings = max_postings
        self._stories: dict[str, _Live] = {}
        self._index: dict[str, OrderedDict[str, None]] = {}
        self._assigned: dict[str, str] = {}
        self.comparisons = 0  # similarity computations so far (to check the bounded cost)

    def candidates(self, feat: DocFeatures, when: datetime | None) -> list[str]:
        """Live stories sharing an index key with ``feat`` (sorted ids)."""
        found: set[str] = set()
        for key in feat.keys:
            found.update(self._index.get(key, ()))
        if self.window_days is None or when is None:
            return sorted(found)
        live = []
        for sid in sorted(found):
            last = self._stories[sid].last
            if last is None or (when - last).total_seconds() <= self.window_days * 86400:
                live.append(sid)
        return live

    def add(self, doc: Document) -> str:
        """The id of the story ``doc`` joins (a new one if no story is similar enough)."""
        if doc.id in self._assigned:
            return self._assigned[doc.id]
        feat = self.extractor.features(doc)
        best, best_sim = None, self.threshold
        for sid in self.candidates(feat, _when(doc.published)):
            live = self._stories[sid]
            n = len(live.members)
            sim = similarity(feat, live.dense, live.terms, live.names, self.weights) / n
            self.comparisons += 1
            if sim >= best_sim:
                best, best_sim = live, sim
        if best is None:
            sid = story_id([doc.id])
            best = _Live(sid, np.zeros_like(feat.dense))
            self._stories[sid] = best
        best.add(doc, feat)
        for key in feat.keys:
            postings = self._index.setdefault(key, OrderedDict())
            postings[best.id] = None
            postings.move_to_end(best.id)
            while len(postings) > self.max_postings:
                postings.popitem(last=False)
        self._assigned[doc.id] = best.id
        return best.id

    def stories(self) -> tuple[Story, ...]:
        """Every story so far, in order of creation, with its most central title."""
        result = []
        for live in self._stories.values():
            first, last = _seen(live.members)
            central = _central(live.feats)
            result.append(
                Story(
                    live.id,
                    story_title(live.members[central]),
                    tuple(d.id for d in live.members),
                    first,
                    last,
                )
            )
        return tuple(result)


def _central(feats: Sequence[DocFeatures], weights: Weights = EQUAL) -> int:
    """Index of the member with the highest mean similarity to the others (ties: first)."""
    if len(feats) < 3:
        return 0
    sim = similarity_matrix(feats, weights)
    return int(np.argmax(sim.sum(axis=1)))


def linkage_tree(sim: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
    """The average-linkage merge tree (scipy format) of a similarity matrix."""
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    dist = np.clip(1.0 - np.asarray(sim, dtype=np.float64), 0.0, None)
    np.fill_diagonal(dist, 0.0)
    dist = (dist + dist.T) / 2.0
    tree: npt.NDArray[np.float64] = linkage(squareform(dist, checks=False), method="average")
    return tree


def cluster_features(tree: npt.NDArray[Any], n: int, threshold: float) -> list[list[int]]:
    """Groups of row indices from cutting ``tree`` at average similarity ``threshold``."""
    if n == 0:
        return []
    if n == 1:
        return [[0]]
    from scipy.cluster.hierarchy import fcluster

    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def cluster_documents(
    docs: Iterable[Document],
    threshold: float = DEFAULT_THRESHOLD,
    embedder: SentenceEncoder | None = None,
    weights: Weights = EQUAL,
) -> tuple[Story, ...]:
    """Stories of a batch of documents, independent of their order (see module docstring).

    ``embedder`` defaults to MiniLM (`newsdesk.brief.embed.Embedder`). Stories come
    ordered by (first published, first document id); documents within a story by
    (published, id).
    """
    if embedder is None:
        from newsdesk.brief.embed import Embedder

        embedder = Embedder()
    ordered = sorted({d.id: d for d in docs}.values(), key=lambda d: d.id)
    feats = FeatureExtractor(embedder).batch(ordered)
    sim = similarity_matrix(feats, weights)
    if len(ordered) < 2:
        groups = [[i] for i in range(len(ordered))]
    else:
        groups = cluster_features(linkage_tree(sim), len(ordered), threshold)
    stories = []
    for group in groups:
        members = sorted((ordered[i] for i in group), key=lambda d: (d.published or "", d.id))
        sub = sim[np.ix_(group, group)]
        central = ordered[group[int(np.argmax(sub.sum(axis=1)))]]
        first, last = _seen(members)
        ids = tuple(d.id for d in members)
        stories.append(Story(story_id(ids), story_title(central), ids, first, last))
    return tuple(sorted(stories, key=lambda s: (s.first_seen or "", min(s.documents))))
