"""Duplicates in a batch: the store's rule, found by a shuffle instead of one process.

`sign` (in ``map_batches``) gives each document its content hash and MinHash
`fingerprint` (`newsdesk.ingest.dedup`, the function `ingest` uses). `keys` emits one
row per key a document can collide on: its id, its url, its hash and its 16 LSH band
keys; grouping by key (a shuffle) brings colliding documents together, and `pairs`
(in ``map_groups``) turns each group into candidate pairs, later document first, with the
MinHash similarity. Only colliding documents ever leave the workers: `resolve` replays
the store's decisions (`SQLiteStore.add`) over them in input order, on the driver:

* an id already kept (as a document or a copy): the same text is dropped (as `ingest`
  reports "already stored"), another text is refused;
* a url already kept as a document: the same;
* the same text as a kept document: a copy of the first one;
* a MinHash similarity of at least the threshold with kept documents: a copy of the
  most similar (ties: the first).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsdesk.ingest.dedup import BANDS, band_keys, fingerprint, signature_from_bytes, similarity

Batch = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the store would do with a colliding document: ``copy`` (of ``of``, with
    ``similarity``), ``drop`` (already kept), or ``refuse`` (with ``reason``)."""

    status: str
    of: str = ""
    similarity: float = 0.0
    reason: str = ""


def sign(batch: Batch) -> Batch:
    """Add ``hash``, ``url`` and ``minhash`` (signature bytes) to a batch of read rows."""
    hashes, urls, sigs = [], [], []
    for raw in batch["doc"]:
        data = json.loads(raw)
        hashes.append(data["hash"])
        urls.append(data.get("url") or "")
        sigs.append(fingerprint(data["text"]).to_bytes())
    return {**batch, "hash": hashes, "url": urls, "minhash": sigs}


def keys(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The keys one document can collide on (id, url, text hash, LSH bands)."""
    base = {"order": row["order"], "id": row["id"], "hash": row["hash"], "minhash": row["minhash"]}
    found = [("i", row["id"]), ("h", row["hash"])]
    if row["url"]:
        found.append(("u", row["url"]))
    bands = band_keys(signature_from_bytes(row["minhash"]))
    found += [(f"b{band}", str(key)) for band, key in enumerate(bands)]
    return [{**base, "key": f"{kind}:{value}"} for kind, value in found]


def pairs(group: Batch, threshold: float) -> Batch:
    """Candidate pairs within one key's group: (later, earlier) orders, the kind of key,
    whether the texts are equal, and the MinHash similarity (band keys: only pairs at
    or above ``threshold``)."""
    out: dict[str, list[Any]] = {
        "later": [],
        "earlier": [],
        "kind": [],
        "same": [],
        "sim": [],
        "of": [],
        "value": [],
    }
    order = np.argsort(np.asarray(group["order"], dtype=np.int64), kind="stable")
    if len(order) < 2:
        return out
    kind, value = str(group["key"][0]).split(":", 1)
    sigs = [signature_from_bytes(group["minhash"][i]) for i in order]
    for a in range(1, len(order)):
        for b in range(a):
            sim = 1.0 if kind in ("i", "u", "h") else similarity(sigs[a], sigs[b])
            if kind.startswith("b") and sim < threshold:
                continue
            i, j = order[a], order[b]
            out["later"].append(int(group["order"][i]))
            out["earlier"].append(int(group["order"][j]))
            out["kind"].append(kind[0])
            out["same"].append(bool(group["hash"][i] == group["hash"][j]))
            out["sim"].append(float(sim))
            out["of"].append(str(group["id"][j]))
            out["value"].append(value)
    return out


def resolve(rows: Iterable[dict[str, Any]]) -> dict[int, Verdict]:
    """The verdict on each colliding document that is not simply kept (see the module
    docstring), replayed in input order."""
    by_later: dict[int, list[dict[str, Any]]] = {}
    involved: set[int] = set()
    for row in rows:
        by_later.setdefault(int(row["later"]), []).append(row)
        involved.update((int(row["later"]), int(row["earlier"])))
    verdicts: dict[int, Verdict] = {}
    for order in sorted(involved):
        verdict = _decide(by_later.get(order, []), verdicts)
        if verdict is not None:
            verdicts[order] = verdict
    return verdicts


def _decide(candidates: list[dict[str, Any]], verdicts: dict[int, Verdict]) -> Verdict | None:
    def kept(row: dict[str, Any], copies: bool = False) -> bool:
        verdict = verdicts.get(int(row["earlier"]))
        return verdict is None or (copies and verdict.status == "copy")

    first = sorted(candidates, key=lambda r: int(r["earlier"]))
    for kind, copies in (("i", True), ("u", False)):
        for row in first:
            if row["kind"] == kind and kept(row, copies):
                if row["same"]:
                    return Verdict("drop", of=row["of"])
                if kind == "i":
                    reason = f"id {row['value']!r} is already stored with other text"
                else:
                    reason = (
                        f"url {row['value']} is already stored as {row['of']!r} with other text"
                    )
                return Verdict("refuse", reason=reason)
    for row in first:
        if row["kind"] == "h" and kept(row):
            return Verdict("copy", of=row["of"], similarity=1.0)
    best: dict[str, Any] | None = None
    for row in first:
        if row["kind"] == "b" and kept(row) and (best is None or row["sim"] > best["sim"]):
            best = row
    return Verdict("copy", of=best["of"], similarity=best["sim"]) if best else None


__all__ = ["BANDS", "Verdict", "keys", "pairs", "resolve", "sign"]
