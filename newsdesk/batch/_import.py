"""Load a batch output into a store: `newsdesk import DIR --db PATH`.

Documents are added in the batch's input order through `SQLiteStore.add` with their
MinHash fingerprints, so the store applies its own rule for ids, urls and duplicates
(on a fresh store, the decisions the batch took; on a store holding documents already,
the ones `ingest` would take). Each added document then joins its batch story through
`StoredStories.join` (the store's document frequencies counted first, as the batch
counted them over the whole run), so `serve`, `ls`, `stories --db` and later `ingest`
runs see them as if ingested. Only pyarrow is needed, not Ray.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsdesk.batch import _tables as tables
from newsdesk.errors import InputError
from newsdesk.ingest.dedup import Fingerprint, band_keys, signature_from_bytes
from newsdesk.model import Document
from newsdesk.store.sqlite import SQLiteStore


@dataclass(frozen=True, slots=True)
class ImportReport:
    """How many documents the store added, kept as copies, already had or refused."""

    counts: dict[str, int]
    stories: int

    def __str__(self) -> str:
        c = self.counts
        return (
            f"added {c.get('added', 0)} (into {self.stories} stories), duplicates "
            f"{c.get('duplicate', 0)}, already stored {c.get('unchanged', 0)}, "
            f"refused {c.get('refused', 0)}"
        )


def import_batch(out: str | Path, store: SQLiteStore) -> ImportReport:
    """Load the batch output at ``out`` into ``store`` (see the module docstring)."""
    if not (Path(out) / "documents").is_dir():
        raise InputError(f"{out} holds no batch output (no documents/ dataset)")
    docs = tables.read(out, "documents").sort_by("order").to_pylist()
    story_of = {r["doc"]: r["story"] for r in tables.read(out, "stories").to_pylist()}
    feats = {r["doc"]: r for r in tables.read(out, "features").to_pylist()}
    counts: Counter[str] = Counter()
    added: list[str] = []
    for row in docs:
        record = json.loads(row["record"])
        doc = Document.from_dict({**record, "text": row["text"]})
        signature = signature_from_bytes(row["minhash"])
        result = store.add(doc, Fingerprint(signature, band_keys(signature)))
        counts[result.status] += 1
        if result.status == "added" and doc.id in story_of and doc.id in feats:
            added.append(doc.id)
    return ImportReport(dict(counts), _join_stories(store, added, story_of, feats))


def _join_stories(
    store: SQLiteStore, added: list[str], story_of: dict[str, str], feats: dict[str, Any]
) -> int:
    from newsdesk.cluster.stored import StoredStories

    stored = StoredStories(store.stories)
    counted = {doc_id: _counts(feats[doc_id]) for doc_id in added}
    with store.transaction():
        for terms, names in counted.values():
            stored.vocabulary.add(list(terms) + list(names))
    extractor = stored.extractor()
    for doc_id in added:
        terms, names = counted[doc_id]
        dense = np.frombuffer(feats[doc_id]["dense"], dtype="<f4").astype(np.float32)
        feat = extractor.from_counts(doc_id, dense, terms, names)
        if dense.size:
            store.stories.check_dimension(dense.size)
        with store.transaction():
            stored.join(story_of[doc_id], store.stories.head(doc_id), feat)
    return len({story_of[d] for d in added})


def _counts(row: dict[str, Any]) -> tuple[dict[str, int], dict[str, int]]:
    return json.loads(row["terms"]), json.loads(row["names"])
