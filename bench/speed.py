"""Annotation speed on PolNeAR dev (84 political news articles), next to raw spaCy.

    .venv/bin/python bench/speed.py

Baseline: `nlp.pipe` of en_core_web_sm over the texts (the parse alone). newsdesk: the
full `annotate` pipeline (parse + entities + quotes + relations + dates + genre) over the
same texts, in the same process, model loaded beforehand for both. The overhead is
newsdesk's own work on top of the parse; the target is under 25%.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._shared import OUT, data_file  # noqa: E402
from newsdesk import Document  # noqa: E402
from newsdesk.annotate.nlp import SpacyBackend  # noqa: E402
from newsdesk.registry import DEFAULT_STAGES, build_pipeline  # noqa: E402


def main() -> None:
    path = data_file("polnear_attribution", "dev.jsonl")
    records = [json.loads(line) for line in path.open()]
    docs = [
        Document(id=r["article_id"], text=r["text"], published=r.get("publication_date") or None)
        for r in records
    ]
    backend = SpacyBackend()
    backend.nlp  # noqa: B018  (load the model before timing)
    pipeline = build_pipeline(backend=backend)
    list(pipeline(docs[:2]))  # warm up every stage
    best_parse = best_full = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        for _parsed in backend.parse(d.text for d in docs):
            pass
        best_parse = min(best_parse, time.perf_counter() - start)
        start = time.perf_counter()
        annotated = list(pipeline(docs))
        best_full = min(best_full, time.perf_counter() - start)
    n = len(docs)
    overhead = (best_full - best_parse) / best_parse * 100
    print(f"PolNeAR dev: {n} articles, {sum(len(d.text) for d in docs) / 1e3:.0f}k characters")
    print(f"{'system':<40}{'seconds':>9}{'docs/s':>9}")
    print(f"{'baseline: spaCy nlp.pipe (parse only)':<40}{best_parse:>9.2f}{n / best_parse:>9.2f}")
    print(f"{'newsdesk annotate (parse + all stages)':<40}{best_full:>9.2f}{n / best_full:>9.2f}")
    print(f"newsdesk's own work on top of the parse: {overhead:.1f}% (target < 25%)")
    quotes = sum(len(d.quotes) for d in annotated)
    print(
        f"found: {quotes} quotes, {sum(len(d.entities) for d in annotated)} entities, "
        f"{sum(len(d.timeline) for d in annotated)} time expressions"
    )
    briefing_s = time_briefings(backend)
    OUT.mkdir(parents=True, exist_ok=True)
    result = {
        "docs": n,
        "parse_s": best_parse,
        "annotate_s": best_full,
        "overhead_pct": overhead,
        "briefing_10_docs_median_s": briefing_s,
    }
    (OUT / "speed.json").write_text(json.dumps(result, indent=2))


def time_briefings(backend: SpacyBackend, clusters: int = 5) -> float:
    """Median time of a whole briefing (annotation included) of a 10-document DUC 2004
    cluster, with the models loaded beforehand."""
    from newsdesk import brief
    from newsdesk.embed import Embedder

    path = data_file("duc2004_task2", "clusters.jsonl")
    rows = [json.loads(line) for line in path.open()][:clusters]
    pipeline = build_pipeline([s for s in DEFAULT_STAGES if s != "release"], backend=backend)
    embedder = Embedder()
    warm = [Document(id="w", text=rows[0]["docs"][0]["text"])]
    list(brief(warm, pipeline=pipeline, embedder=embedder))
    times = []
    for row in rows:
        docs = [
            Document(id=f"{row['cluster_id']}-{d['doc_index']}", text=d["text"])
            for d in row["docs"]
        ]
        start = time.perf_counter()
        list(brief(docs, words=100, pipeline=pipeline, embedder=embedder))
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    print(
        f"one whole briefing of a 10-document DUC cluster (annotate + brief, models loaded): "
        f"median {seconds:.2f} s over {len(times)} clusters (target < 2 s)"
    )
    return seconds


if __name__ == "__main__":
    main()
