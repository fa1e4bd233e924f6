"""Audit: every conflict newsdesk reports on many real clusters, for judging by reading.

Run from the repository root::

    .venv/bin/python bench/conflict_audit.py [--half tune|check|all] [--clusters ID ...]
        [--judged FILE]

Clusters: every DUC 2004 cluster (``duc2004_task2/clusters.jsonl``) and every ECB+ event
cluster (``<topic>_ecb`` / ``<topic>_ecbplus``) of the shared data, less every cluster id
that is ``"split": "heldout"`` in a gold file under ``bench/crossdoc/`` (``gold/``,
``speakers/``, ``speakers2/``, ``speakers3/``, ``claims/``). The genre gold
(``bench/genre/gold.jsonl``) lists documents, not clusters: its heldout documents are
left out of the briefs. Each cluster is briefed as one story through ``newsdesk.brief``
(as ``bench/crossdoc.py`` does) from its first ``MAX_DOCS`` documents in the data's
order. Clusters are split into a tuning half and a check half by the SHA-1 of their id
(``half_of``).

Printed: clusters, documents and conflicts per half, by kind and attribute; with
``--judged`` (a JSON object mapping a conflict's ``key`` to a verdict such as
``"true"``, ``"update"`` or ``"false: <kind of error>"``), the judged counts and the
conflicts not yet judged. Every conflict, with its values and the sentences of its
claims, is written to ``bench/out/conflict_audit_<half>.jsonl`` (never to git).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._shared import OUT, data_file  # noqa: E402
from newsdesk import Document, brief  # noqa: E402

JSON = dict[str, Any]
CROSSDOC = ROOT / "bench" / "crossdoc"
GOLD_DIRS = ("gold", "speakers", "speakers2", "speakers3", "claims")
GENRE_GOLD = ROOT / "bench" / "genre" / "gold.jsonl"
MAX_DOCS = 10  # documents briefed per cluster (all of a DUC cluster)
CONTEXT = 320  # characters of a claim's sentence written out
ECB_DOC = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)$")
SENTENCE_END = re.compile(r"[.!?]['\"”’]*\s+(?=[A-Z`'\"“])")


def heldout_clusters() -> set[str]:
    """Cluster ids that any crossdoc gold file holds out."""
    held: set[str] = set()
    for folder in GOLD_DIRS:
        for path in sorted((CROSSDOC / folder).glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            if gold["split"] == "heldout":
                held.add(str(gold["cluster"]))
    return held


def heldout_documents() -> set[str]:
    """Document ids the genre gold holds out."""
    rows = [json.loads(line) for line in GENRE_GOLD.read_text(encoding="utf-8").splitlines()]
    return {str(r["id"]) for r in rows if r.get("split") == "heldout"}


def half_of(cluster_id: str) -> str:
    """``tune`` or ``check``, by the parity of the first byte of the id's SHA-1."""
    return "tune" if hashlib.sha1(cluster_id.encode()).digest()[0] % 2 == 0 else "check"


def all_clusters() -> dict[str, list[Document]]:
    """Every cluster of the shared data with its documents, in the data's order."""
    clusters: dict[str, list[Document]] = {}
    with open(data_file("duc2004_task2", "clusters.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            clusters[row["cluster_id"]] = [
                Document(id=f"{row['cluster_id']}-D{d['doc_index']}", text=d["text"])
                for d in row["docs"]
            ]
    ecb: dict[str, list[tuple[int, Document]]] = {}
    path = data_file("ecbplus_event_clusters", "documents.jsonl")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            match = ECB_DOC.match(row["doc_id"])
            number = int(match.group(2)) if match else 0
            ecb.setdefault(row["event_cluster"], []).append(
                (number, Document(id=row["doc_id"], text=row["text"]))
            )
    for cid, docs in ecb.items():
        clusters[cid] = [d for _, d in sorted(docs, key=lambda nd: nd[0])]
    return clusters


def audited(half: str, only: Sequence[str] = ()) -> dict[str, list[Document]]:
    """The audited clusters of a half (``all``: both), each with its briefed documents."""
    held, held_docs = heldout_clusters(), heldout_documents()
    out: dict[str, list[Document]] = {}
    for cid, docs in sorted(all_clusters().items()):
        if cid in held or (only and cid not in only):
            continue
        if half != "all" and half_of(cid) != half:
            continue
        kept = [d for d in docs if d.id not in held_docs][:MAX_DOCS]
        if len(kept) >= 2:
            out[cid] = kept
    return out


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence around a claim (within its line: ECB+ has one sentence a line, DUC
    paragraphs of several), cut short."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = right if right >= 0 else len(text)
    stops = [m.end() for m in SENTENCE_END.finditer(text, left, start)]
    left = stops[-1] if stops else left
    after = SENTENCE_END.search(text, end, right)
    line = text[left : after.end() if after else right].strip()
    return line if len(line) <= CONTEXT else line[: CONTEXT - 1] + "…"


def conflict_key(cluster: str, conflict: JSON) -> str:
    values = sorted(str(v["value"]) for v in conflict["values"])
    return f"{cluster} | {conflict['attribute'] or conflict['about']} | {' / '.join(values)}"


def audit_cluster(cid: str, docs: list[Document]) -> list[JSON]:
    [briefing] = brief(docs)
    texts = {d.id: d.text for d in docs}
    rows = []
    for conflict in briefing.to_dict()["conflicts"]:
        rows.append(
            {
                "key": conflict_key(cid, conflict),
                "cluster": cid,
                "kind": conflict["kind"],
                "about": conflict["about"],
                "attribute": conflict["attribute"],
                "values": [
                    {
                        "value": v["value"],
                        "claims": [
                            {
                                "doc": c["doc"],
                                "text": c["text"],
                                "sentence": sentence_at(texts[c["doc"]], c["start"], c["end"]),
                            }
                            for c in v["claims"]
                        ],
                    }
                    for v in conflict["values"]
                ],
            }
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--half", choices=("tune", "check", "all"), default="tune")
    parser.add_argument("--clusters", nargs="*", default=(), help="only these cluster ids")
    parser.add_argument("--judged", type=Path, help="verdicts by conflict key (JSON object)")
    parser.add_argument("--out", default="", help="suffix of the output file name")
    args = parser.parse_args(argv)
    clusters = audited(args.half, args.clusters)
    rows: list[JSON] = []
    for cid, docs in clusters.items():
        rows.extend(audit_cluster(cid, docs))
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"conflict_audit_{args.half}{args.out}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    documents = sum(len(d) for d in clusters.values())
    print(f"{args.half}: {len(clusters)} clusters, {documents} documents, {len(rows)} conflicts")
    print("by kind:", dict(Counter(r["kind"] for r in rows).most_common()))
    print("by attribute:", dict(Counter(r["attribute"] for r in rows).most_common()))
    if args.judged:
        verdicts: dict[str, str] = json.loads(args.judged.read_text(encoding="utf-8"))
        judged = Counter(verdicts[r["key"]] for r in rows if r["key"] in verdicts)
        print("judged:", sum(judged.values()))
        for verdict, n in sorted(judged.items()):
            print(f"  {n:4d}  {verdict}")
        by_kind = Counter((r["kind"], verdicts[r["key"]]) for r in rows if r["key"] in verdicts)
        for (kind, verdict), n in sorted(by_kind.items()):
            print(f"  reported {kind:<9} judged {verdict}: {n}")
        for r in rows:
            if r["key"] not in verdicts:
                print(f"not judged: {r['key']}")
    print(f"details: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
