"""Where the benches find the shared evaluation data (read at run time, never copied)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("NEWSDESK_SHARED_DATA", ROOT.parent / "shared" / "data"))
OUT = ROOT / "bench" / "out"


def data_file(*parts: str) -> Path:
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        sys.exit(
            f"missing {path}: the shared evaluation data is not here (set NEWSDESK_SHARED_DATA)"
        )
    return path


def news_texts(wanted: set[str]) -> dict[str, str]:
    """The texts of the wanted document ids from the DUC 2004 and ECB+ files (DUC ids are
    ``<cluster>-D<doc_index>``, ECB+ ids the ``doc_id``); exits naming any id not found."""
    texts: dict[str, str] = {}
    with open(data_file("duc2004_task2", "clusters.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            for doc in row["docs"]:
                doc_id = f"{row['cluster_id']}-D{doc['doc_index']}"
                if doc_id in wanted:
                    texts[doc_id] = doc["text"]
    path = data_file("ecbplus_event_clusters", "documents.jsonl")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["doc_id"] in wanted:
                texts[row["doc_id"]] = row["text"]
    missing = wanted - texts.keys()
    if missing:
        sys.exit(f"documents missing from the shared data: {sorted(missing)[:5]}")
    return texts
