"""Story grouping that scales: blocks of candidates, the `stories` rule inside each.

The rule of `newsdesk stories` (average linkage over all pairs, `stories_of`) needs
memory quadratic in the number of documents. Here documents are first put into blocks:

* each document names its *blocking keys*: its `BLOCK_NAMES` highest-weighted names
  (from the names view, numbers left out; its top term when it names nobody), each
  tagged with its time window and the next one (`window_days`), so two documents
  published less than one window apart that share a key always meet;
* documents sharing a key are connected (union-find over the keys, on the driver: one
  small row per document), and the connected parts are packed, in input order, into
  blocks of at most `max_block` documents;
* each block is grouped by `stories_of` (``groupby(block).map_groups``), with document
  frequencies counted over the whole run (a ``groupby(key).count()``), so a corpus that
  fits one block gets exactly the stories of `newsdesk stories`.

What is lost against the global rule: two documents of one story that share none of
their top names (or are more than two windows apart) can only meet when packing puts
their parts in the same block; a part larger than `max_block` is cut in input order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import numpy as np

from newsdesk.cluster.batch import stories_of
from newsdesk.cluster.features import FeatureExtractor, Vocabulary
from newsdesk.disjoint import DisjointSets
from newsdesk.embed import NoEncoder
from newsdesk.model import Document

Batch = dict[str, Any]
BLOCK_NAMES = 3
MAX_BLOCK = 4000


def vocabulary_keys(batch: Batch) -> Batch:
    """One row per (document, key) for the document-frequency count."""
    out: list[str] = []
    for terms, names in zip(batch["terms"], batch["names"], strict=True):
        out.extend(set(json.loads(terms)) | set(json.loads(names)))
    return {"key": out}


def extractor_for(documents: int, df: Counter[str]) -> FeatureExtractor:
    """Weights counts with the whole run's document frequencies (never encodes)."""
    return FeatureExtractor(NoEncoder(), vocabulary=Vocabulary(documents, df))


def blocking_keys(batch: Batch, documents: int, df: Counter[str], window_days: float) -> Batch:
    """``order`` and the blocking keys of each document of a batch."""
    extractor = extractor_for(documents, df)
    rows = [dict(zip(batch, values, strict=True)) for values in zip(*batch.values(), strict=True)]
    return {
        "order": [int(r["order"]) for r in rows],
        "keys": [_keys(r, extractor, window_days) for r in rows],
    }


def _keys(row: Mapping[str, Any], extractor: FeatureExtractor, window_days: float) -> list[str]:
    names = {k: v for k, v in json.loads(row["names"]).items() if not k.startswith("#")}
    weights = extractor.tfidf(names)
    top = sorted(weights, key=lambda k: (-weights[k], k))[:BLOCK_NAMES]
    if not top:
        terms = extractor.tfidf(json.loads(row["terms"]))
        top = sorted(terms, key=lambda k: (-terms[k], k))[:1] or [f"doc:{row['id']}"]
    window = _window(json.loads(row["doc"]).get("published"), window_days)
    if window is None:
        return [f"{key}|-" for key in top]
    return [f"{key}|{w}" for key in top for w in (window, window + 1)]


def _window(published: str | None, days: float) -> int | None:
    if not published or days <= 0:
        return None
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return None
    return int(moment.replace(tzinfo=None).timestamp() // (days * 86400))


def blocks(
    rows: Iterable[tuple[int, list[str]]], max_block: int = MAX_BLOCK, pack: bool = True
) -> dict[int, int]:
    """Block number of each document (by order): parts connected by shared keys, packed
    in input order into blocks of at most ``max_block`` documents (``pack`` False: each
    part its own block, cut at ``max_block``; what blocking alone loses)."""
    groups = DisjointSets()
    owner: dict[str, int] = {}
    for order, keys in sorted(rows):
        groups.add(order)
        for key in keys:
            if key in owner:
                groups.union(order, owner[key])
            else:
                owner[key] = order
    parts = groups.sets()
    assigned: dict[int, int] = {}
    block, size = 0, 0
    for root in sorted(parts):
        members = parts[root]
        for start in range(0, len(members), max_block):
            chunk = members[start : start + max_block]
            if size and (not pack or size + len(chunk) > max_block):
                block, size = block + 1, 0
            for order in chunk:
                assigned[order] = block
            size += len(chunk)
    return assigned


def cluster_block(group: Batch, documents: int, df: Counter[str], threshold: float) -> Batch:
    """The stories of one block (`stories_of`, with the run's document frequencies):
    one row per document with its story id and title."""
    extractor = extractor_for(documents, df)
    rows = sorted(range(len(group["id"])), key=lambda i: str(group["id"][i]))
    docs = [Document.from_dict(json.loads(group["doc"][i])) for i in rows]
    feats = [
        extractor.from_counts(
            str(group["id"][i]),
            np.frombuffer(group["dense"][i], dtype="<f4").astype(np.float32),
            json.loads(group["terms"][i]),
            json.loads(group["names"][i]),
        )
        for i in rows
    ]
    story_of: dict[str, tuple[str, str | None]] = {}
    for story in stories_of(docs, feats, threshold):
        for doc_id in story.documents:
            story_of[doc_id] = (story.id, story.title)
    return {
        "order": [int(group["order"][i]) for i in rows],
        "doc": [str(group["id"][i]) for i in rows],
        "story": [story_of[str(group["id"][i])][0] for i in rows],
        "title": [story_of[str(group["id"][i])][1] or "" for i in rows],
        "record": [str(group["doc"][i]) for i in rows],
    }
