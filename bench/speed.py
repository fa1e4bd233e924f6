"""Speed on the same texts, in one run: raw spaCy, newsdesk annotate, newsdesk brief.

    .venv/bin/python bench/speed.py [--clusters N]

Texts: the first N DUC 2004 clusters (10 news articles each). Models are loaded before
any timing. Three figures, each in words per second over the same words:

* baseline: `nlp.pipe` of en_core_web_sm over the texts (the parse alone);
* annotate: the full `annotate` pipeline (parse + entities + quotes + relations + dates
  + genre); target at least 0.85 times the baseline;
* brief: one whole briefing per cluster (annotation included, MiniLM for the summary);
  target at least 0.7 times the baseline.

Each is the best of two runs, in wall time and in CPU time of this process (the ratios to
the parse are judged on CPU time: on a machine shared with other jobs, wall time measures
them too). Every figure is per core: spaCy parses in one process on one
thread, and the math libraries (numpy's BLAS, which MiniLM runs on) are held to one thread
too (the thread variables are set before numpy loads). Results go to bench/out/speed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"  # per core: before numpy (and its BLAS) loads

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._shared import OUT, data_file  # noqa: E402
from newsdesk import Document  # noqa: E402
from newsdesk.annotate.nlp import SpacyBackend  # noqa: E402
from newsdesk.registry import DEFAULT_STAGES, build_pipeline  # noqa: E402

ANNOTATE_TARGET, BRIEF_TARGET = 0.85, 0.7


def clusters(count: int) -> list[list[Document]]:
    path = data_file("duc2004_task2", "clusters.jsonl")
    rows = [json.loads(line) for line in path.open()][:count]
    return [
        [Document(id=f"{r['cluster_id']}-{d['doc_index']}", text=d["text"]) for d in r["docs"]]
        for r in rows
    ]


def best_of(runs: int, work: object) -> tuple[float, float]:
    """The shortest wall time and the shortest CPU time of this process over ``runs``."""
    wall = cpu = float("inf")
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()  # type: ignore[operator]
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clusters", type=int, default=5, help="DUC clusters to use")
    args = parser.parse_args()
    from newsdesk import brief
    from newsdesk.embed import Embedder

    groups = clusters(args.clusters)
    docs = [d for g in groups for d in g]
    words = sum(len(d.text.split()) for d in docs)
    backend = SpacyBackend()
    backend.nlp  # noqa: B018  (load the model before timing)
    pipeline = build_pipeline(backend=backend)
    keep_parse = build_pipeline([s for s in DEFAULT_STAGES if s != "release"], backend=backend)
    embedder = Embedder()
    list(brief(docs[:2], pipeline=keep_parse, embedder=embedder))  # warm every stage

    def parse() -> None:
        for _parsed in backend.parse(d.text for d in docs):
            pass

    def annotate() -> None:
        list(pipeline(docs))

    def briefs() -> None:
        for group in groups:
            list(brief(group, words=100, pipeline=keep_parse, embedder=embedder))

    timed = {"parse": best_of(2, parse), "annotate": best_of(2, annotate)}
    timed["brief"] = best_of(2, briefs)
    seconds = {k: wall for k, (wall, _) in timed.items()}
    cpu = {k: used for k, (_, used) in timed.items()}
    rate = {k: words / v for k, v in seconds.items()}
    cpu_rate = {k: words / v for k, v in cpu.items()}
    print(f"DUC 2004: {len(groups)} clusters, {len(docs)} articles, {words:,} words, one thread")
    print(f"{'system':<44}{'seconds':>9}{'words/s':>10}{'x parse':>9}{'CPU s':>8}{'x parse':>9}")
    labels = {
        "parse": "baseline: spaCy nlp.pipe (parse only)",
        "annotate": "newsdesk annotate (parse + all stages)",
        "brief": "newsdesk brief (annotate + briefing)",
    }
    for key, label in labels.items():
        ratio = rate[key] / rate["parse"]
        cpu_ratio = cpu_rate[key] / cpu_rate["parse"]
        print(
            f"{label:<44}{seconds[key]:>9.2f}{rate[key]:>10,.0f}{ratio:>9.2f}"
            f"{cpu[key]:>8.2f}{cpu_ratio:>9.2f}"
        )
    annotate_ratio = cpu_rate["annotate"] / cpu_rate["parse"]
    brief_ratio = cpu_rate["brief"] / cpu_rate["parse"]
    print(
        f"per CPU second: annotate {annotate_ratio:.2f}x the parse (target >= {ANNOTATE_TARGET}); "
        f"brief {brief_ratio:.2f}x (target >= {BRIEF_TARGET})"
    )
    OUT.mkdir(parents=True, exist_ok=True)
    result = {
        "docs": len(docs),
        "words": words,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "words_per_s": rate,
        "words_per_cpu_s": cpu_rate,
        "annotate_ratio": annotate_ratio,
        "brief_ratio": brief_ratio,
    }
    (OUT / "speed.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
