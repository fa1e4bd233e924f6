"""Story clustering: documents about the same event grouped into `Story` records.

`features` describes each document by three views (MiniLM lead embedding, word TF-IDF,
names and numbers) and defines their similarity; `online` groups documents, either one at a
time (`OnlineClusterer`) or as an order-independent batch (`cluster_documents`).
"""

from __future__ import annotations

from newsdesk.cluster.features import DocFeatures, FeatureExtractor, Weights, similarity
from newsdesk.cluster.online import DEFAULT_THRESHOLD, OnlineClusterer, cluster_documents

__all__ = [
    "DEFAULT_THRESHOLD",
    "DocFeatures",
    "FeatureExtractor",
    "OnlineClusterer",
    "Weights",
    "cluster_documents",
    "similarity",
]
