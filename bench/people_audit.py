"""Audit of the people a story's "who is who" would list, over many real clusters.

Every ECB+ event cluster and DUC 2004 cluster whose id is not ``"split": "heldout"`` in a
JSON under ``bench/crossdoc/`` goes through `extract_entities` per document and
`merge_entities` per cluster; each merged PERSON is one row (name, aliases, roles,
mention texts). Clusters are split by the SHA-1 of their id into a tuning half and a
check half. Prints counts; the rows go to ``bench/out/people_audit_<half>.jsonl`` and a
seeded sample of row ids to ``bench/out/people_sample_<half>.json`` (kept once made, so
a later run judges the same rows). Parses are cached in ``bench/out/people_parses/``.

    python bench/people_audit.py [--half tuning|check|both] [--sample 150] [--only-sample]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._shared import OUT, data_file  # noqa: E402
from newsdesk.model import Document  # noqa: E402

CROSSDOC = Path(__file__).resolve().parent / "crossdoc"
CACHE = OUT / "people_parses"
JSON = dict[str, Any]


def heldout_ids() -> set[str]:
    ids: set[str] = set()
    for path in CROSSDOC.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("split") == "heldout":
            ids.add(str(data.get("cluster")))
    return ids


def half_of(cluster_id: str) -> str:
    digest = hashlib.sha1(cluster_id.encode("utf-8")).digest()
    return "tuning" if digest[0] % 2 == 0 else "check"


def clusters() -> Iterator[tuple[str, list[Document]]]:
    """(cluster id, documents) of every ECB+ and DUC 2004 cluster, in file order."""
    ecb: dict[str, list[Document]] = {}
    with open(data_file("ecbplus_event_clusters", "documents.jsonl"), encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            doc = Document(id=row["doc_id"], text=row["text"])
            ecb.setdefault(row["event_cluster"], []).append(doc)
    yield from ecb.items()
    with open(data_file("duc2004_task2", "clusters.jsonl"), encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            cid = row["cluster_id"]
            yield (
                cid,
                [Document(id=f"{cid}-D{d['doc_index']}", text=d["text"]) for d in row["docs"]],
            )


def parses(backend: Any, cluster_id: str, docs: list[Document]) -> list[Any]:
    from spacy.tokens import DocBin

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{cluster_id}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(backend.nlp.vocab))
    parsed = list(backend.parse([d.text for d in docs]))
    DocBin(store_user_data=False, docs=parsed).to_disk(path)
    return parsed


def audit(backend: Any, cluster_id: str, docs: list[Document]) -> list[JSON]:
    from newsdesk.annotate.entities import extract_entities, merge_entities

    entities = [
        e
        for doc, parsed in zip(docs, parses(backend, cluster_id, docs), strict=True)
        for e in extract_entities(doc, parsed)
    ]
    merged, _ = merge_entities(entities)
    return [
        {
            "row": f"{cluster_id}|{e.name}",
            "cluster": cluster_id,
            "name": e.name,
            "aliases": list(e.aliases),
            "roles": sorted({r.text for r in e.roles}),
            "mentions": sorted({m.text for m in e.mentions}),
            "count": len(e.mentions),
        }
        for e in merged
        if e.type == "PERSON"
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tuning", "check", "both"), default="both")
    ap.add_argument("--sample", type=int, default=150)
    ap.add_argument("--only-sample", action="store_true", help="only the sampled clusters")
    args = ap.parse_args()
    from newsdesk.annotate.nlp import SpacyBackend

    backend = SpacyBackend()
    skip = heldout_ids()
    halves = ("tuning", "check") if args.half == "both" else (args.half,)
    OUT.mkdir(parents=True, exist_ok=True)
    for half in halves:
        sample_path = OUT / f"people_sample_{half}.json"
        sampled: list[str] = []
        if sample_path.exists():
            sampled = json.loads(sample_path.read_text(encoding="utf-8"))
        wanted = {r.split("|", 1)[0] for r in sampled} if args.only_sample else None
        rows: list[JSON] = []
        n_clusters = 0
        for cid, docs in clusters():
            if cid in skip or half_of(cid) != half or (wanted is not None and cid not in wanted):
                continue
            n_clusters += 1
            rows.extend(audit(backend, cid, docs))
        with open(OUT / f"people_audit_{half}.jsonl", "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        if not sampled:
            ids = sorted(r["row"] for r in rows)
            sampled = random.Random(f"ppl14-{half}").sample(ids, min(args.sample, len(ids)))
            sample_path.write_text(json.dumps(sampled, indent=1), encoding="utf-8")
        present = {r["row"] for r in rows}
        gone = sum(1 for r in sampled if r not in present)
        print(
            f"{half}: {n_clusters} clusters, {len(rows)} PERSON rows; "
            f"sample {len(sampled)}, of which no longer PERSON {gone}"
        )


if __name__ == "__main__":
    main()
