"""Story clustering: documents about the same event grouped into `Story` records.

`features` describes each document by three views (MiniLM lead embedding, word TF-IDF,
names and numbers) and defines their similarity; `online` groups documents one at a time
(`OnlineClusterer`, over a `StoryBackend`: memory, or the store through `stored`, whose
maths lives here and SQL in `newsdesk.store.stories`); `batch` groups a batch
independently of its order (`cluster_documents`); `reconcile` maps a re-clustering onto
existing story ids; `records` makes story titles, leads and spans.
"""

from __future__ import annotations

from newsdesk.cluster.batch import DEFAULT_THRESHOLD, cluster_documents
from newsdesk.cluster.features import DocFeatures, FeatureExtractor, Weights, similarity
from newsdesk.cluster.online import (
    ONLINE_THRESHOLD,
    Centroid,
    MemoryStories,
    OnlineClusterer,
    StoryBackend,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "ONLINE_THRESHOLD",
    "Centroid",
    "DocFeatures",
    "FeatureExtractor",
    "MemoryStories",
    "OnlineClusterer",
    "StoryBackend",
    "Weights",
    "cluster_documents",
    "similarity",
]
