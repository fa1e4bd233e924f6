"""What blocking costs `newsdesk batch` against the global rule of `newsdesk stories`,
on ECB+ (982 articles, 86 events; B-cubed F1 against the events).

    .venv/bin/python bench/batch_blocking.py

Same features and threshold (0.29) for all rows: MiniLM leads, term and name TF-IDF
with document frequencies over the whole corpus. Rows: the global rule (all pairs);
blocks as `newsdesk batch` makes them (connected parts of documents sharing a top name,
packed up to 4,000 documents: here one block); the same packed to at most 200
documents; and each connected part alone (no packing: the loss blocking alone causes).
ECB+ has no publication dates, so time windows play no part here.
Results: bench/out/batch_blocking.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._shared import OUT  # noqa: E402
from bench.stories import bcubed, load  # noqa: E402
from newsdesk.batch._stories import _keys, blocks  # noqa: E402
from newsdesk.cluster.batch import DEFAULT_THRESHOLD, group_features  # noqa: E402
from newsdesk.cluster.features import FeatureExtractor  # noqa: E402
from newsdesk.embed import Embedder  # noqa: E402
from newsdesk.model import Document  # noqa: E402


def main() -> None:
    rows = load()
    docs = [Document(id=r["doc_id"], text=r["text"]) for r in rows]
    gold = [r["event_cluster"] for r in rows]
    extractor = FeatureExtractor(Embedder())
    feats = extractor.batch(docs)
    keys = []
    for i, (doc, feat) in enumerate(zip(docs, feats, strict=True)):
        row = {
            "id": doc.id,
            "names": json.dumps(dict(feat.name_counts)),
            "terms": json.dumps(dict(feat.term_counts)),
            "doc": json.dumps({"published": None}),
        }
        keys.append((i, _keys(row, extractor, 30.0)))

    def score(assigned: dict[int, int]) -> dict[str, float]:
        labels: list[object] = [None] * len(docs)
        for block in sorted(set(assigned.values())):
            members = [i for i in range(len(docs)) if assigned[i] == block]
            groups, _ = group_features([feats[i] for i in members], DEFAULT_THRESHOLD)
            for k, group in enumerate(groups):
                for j in group:
                    labels[members[j]] = (block, k)
        result = bcubed(labels, gold)
        result["blocks"] = len(set(assigned.values()))
        result["largest"] = max(list(assigned.values()).count(b) for b in set(assigned.values()))
        return result

    report = {
        "global": score({i: 0 for i in range(len(docs))}),
        "batch (packed to 4000)": score(blocks(keys, 4000)),
        "packed to 200": score(blocks(keys, 200)),
        "connected parts alone": score(blocks(keys, 4000, pack=False)),
    }
    for name, result in report.items():
        print(
            f"{name:<26} B-cubed F1 {result['f1']:.4f} (P {result['p']:.3f} R {result['r']:.3f}) "
            f"blocks {result['blocks']}, largest {result['largest']}"
        )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "batch_blocking.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
