"""Order-independent batch clustering: average linkage over the full similarity matrix.

Documents are first sorted by id, so the result is deterministic and independent of input
order. Merging stops when the average similarity between two groups falls below the
threshold. Average linkage on this similarity is the batch twin of the online rule
(centroid similarity = average member similarity). Story ids are ``"s-"`` + a short hash
of the sorted document ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from newsdesk.cluster.features import (
    EQUAL,
    DocFeatures,
    FeatureExtractor,
    Weights,
    similarity_matrix,
)
from newsdesk.cluster.records import seen_span, story_title
from newsdesk.embed import SentenceEncoder
from newsdesk.model import Document, Story, story_id

__all__ = [
    "DEFAULT_THRESHOLD",
    "central_member",
    "cluster_documents",
    "cluster_features",
    "group_features",
    "linkage_tree",
    "stories_of",
]

# Chosen on the odd topics of ECB+ (bench/stories.py); see bench/out/stories.json.
DEFAULT_THRESHOLD = 0.29


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


def group_features(
    feats: Sequence[DocFeatures], threshold: float, weights: Weights = EQUAL
) -> tuple[list[list[int]], npt.NDArray[np.float32]]:
    """Groups of indices into ``feats`` (average linkage cut at ``threshold``), and the
    similarity matrix they were cut from."""
    sim = similarity_matrix(feats, weights)
    if len(feats) < 2:
        return [[i] for i in range(len(feats))], sim
    return cluster_features(linkage_tree(sim), len(feats), threshold), sim


def central_member(sim: npt.NDArray[Any], group: Sequence[int]) -> int:
    """The member of ``group`` with the highest summed similarity to the group (ties: first)."""
    sub = sim[np.ix_(group, group)]
    return group[int(np.argmax(sub.sum(axis=1)))]


def cluster_documents(
    docs: Iterable[Document],
    threshold: float = DEFAULT_THRESHOLD,
    embedder: SentenceEncoder | None = None,
    weights: Weights = EQUAL,
) -> tuple[Story, ...]:
    """Stories of a batch of documents, independent of their order (see module docstring).

    ``embedder`` defaults to MiniLM (`newsdesk.embed.Embedder`). Stories come
    ordered by (first published, first document id); documents within a story by
    (published, id).
    """
    if embedder is None:
        from newsdesk.embed import Embedder

        embedder = Embedder()
    ordered = sorted({d.id: d for d in docs}.values(), key=lambda d: d.id)
    feats = FeatureExtractor(embedder).batch(ordered)
    return stories_of(ordered, feats, threshold, weights)


def stories_of(
    ordered: Sequence[Document],
    feats: Sequence[DocFeatures],
    threshold: float = DEFAULT_THRESHOLD,
    weights: Weights = EQUAL,
) -> tuple[Story, ...]:
    """Stories of documents sorted by id with their features (`cluster_documents`; the
    batch pipeline calls it once per block, with document frequencies of the whole run)."""
    groups, sim = group_features(feats, threshold, weights)
    stories = []
    for group in groups:
        members = sorted((ordered[i] for i in group), key=lambda d: (d.published or "", d.id))
        central = ordered[central_member(sim, group)]
        first, last = seen_span(members)
        ids = tuple(d.id for d in members)
        stories.append(Story(story_id(ids), story_title(central), ids, first, last))
    return tuple(sorted(stories, key=lambda s: (s.first_seen or "", min(s.documents))))
