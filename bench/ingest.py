"""Ingest throughput on ECB+ (982 news articles), next to a plain-SQLite baseline.

    .venv/bin/python bench/ingest.py [--repeat 3]

newsdesk: `newsdesk.read` (JSONL parse, Unicode/whitespace clean-up) + `newsdesk.ingest`
(MinHash fingerprint, LSH near-duplicate lookup, one transaction per document, FTS5
index) into a new store, without annotation and without stories (``--no-annotate
--no-stories``). Baseline ("plain INSERT"): the same texts inserted into a bare SQLite
table in one transaction, no cleaning, no dedup, no index: the floor any store pays.
Both run in this process on the same input; the best of --repeat runs is kept.

A third row, run once, adds story assignment (``--no-annotate``, stories on): MiniLM
embeds each lead and the document joins its story in the store (`newsdesk.assign_stories`
path), model load included.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._shared import OUT, data_file  # noqa: E402
from newsdesk import Settings, ingest, open_store, read  # noqa: E402


def contract_jsonl(source: Path, target: Path) -> int:
    """ECB+ records rewritten as input-contract JSONL lines (in a temp folder)."""
    n = 0
    with source.open() as src, target.open("w") as out:
        for line in src:
            rec = json.loads(line)
            out.write(json.dumps({"id": rec["doc_id"], "text": rec["text"], "url": rec.get("url")}))
            out.write("\n")
            n += 1
    return n


def run_newsdesk(feed: Path, db: Path, assign: bool = False) -> tuple[float, Counter[str]]:
    start = time.perf_counter()
    store = open_store(str(db))
    results = ingest(read([str(feed)], Settings()), store, assign=assign)
    counts: Counter[str] = Counter(r.status for r in results)
    store.close()
    return time.perf_counter() - start, counts


def run_plain(feed: Path, db: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE docs (id TEXT PRIMARY KEY, text TEXT)")
    with feed.open() as handle, conn:
        for line in handle:
            rec = json.loads(line)
            conn.execute("INSERT INTO docs VALUES (?, ?)", (rec["id"], rec["text"]))
    conn.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    source = data_file("ecbplus_event_clusters", "documents.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "ecbplus.jsonl"
        n = contract_jsonl(source, feed)
        ours, plain = [], []
        counts: Counter[str] = Counter()
        for i in range(args.repeat):
            seconds, counts = run_newsdesk(feed, Path(tmp) / f"nd{i}.db")
            ours.append(seconds)
            plain.append(run_plain(feed, Path(tmp) / f"plain{i}.db"))
        with_stories, _ = run_newsdesk(feed, Path(tmp) / "stories.db", assign=True)
    best, best_plain = min(ours), min(plain)
    print(f"ECB+ documents: {n}   outcome: {dict(counts)}")
    print(f"{'system':<28}{'seconds':>10}{'docs/s':>10}")
    print(f"{'newsdesk ingest':<28}{best:>10.2f}{n / best:>10.0f}")
    print(f"{'baseline: plain INSERT':<28}{best_plain:>10.2f}{n / best_plain:>10.0f}")
    print(f"{'newsdesk ingest + stories':<28}{with_stories:>10.2f}{n / with_stories:>10.0f}")
    OUT.mkdir(parents=True, exist_ok=True)
    result = {
        "documents": n,
        "outcome": dict(counts),
        "newsdesk_docs_per_s": n / best,
        "plain_insert_docs_per_s": n / best_plain,
        "newsdesk_with_stories_docs_per_s": n / with_stories,
    }
    (OUT / "ingest.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
