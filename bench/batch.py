"""Benchmark: `newsdesk batch` on 1 and 2 workers, and the single-process path, one run.

    .venv/bin/python bench/batch.py [--docs 20000] [--briefings]
    .venv/bin/python bench/batch.py --docs 400          # a few minutes

Data: the synthetic stream of ``bench/stories_scale.py`` (ECB+ 982 and DUC 2004 500
articles rewritten with other names and numbers into look-alike events of 3 to 8
documents), its first ``--docs`` documents written to one JSONL file outside the
repository.

Measured, on the same file, in this order:

1. the single-process path: what `newsdesk ingest` does (read, annotate, store with
   duplicates found) plus the stories of `newsdesk stories` over the stored documents
   (and, with ``--briefings``, `brief` per story), in this process, models loaded first;
   documents/s and this process's peak resident set;
2. `newsdesk batch --workers 1` and ``--workers 2`` (a local Ray instance each, started
   and stopped inside the run, so model loading counts): documents/s, the ratio 2 vs 1
   (target 1.7 on 2 cores) and the peak resident set of each Ray worker process
   (sampled from /proc every 0.2 s, this process's descendants only).

Results: bench/out/batch.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._shared import OUT  # noqa: E402
from bench.stories_scale import load_bases, name_pool, synthetic_stream  # noqa: E402
from newsdesk import app  # noqa: E402
from newsdesk.batch import BatchOptions, run_batch  # noqa: E402
from newsdesk.model import Document  # noqa: E402


def write_corpus(path: Path, count: int) -> None:
    bases = load_bases()
    stream = synthetic_stream(bases, name_pool(bases))
    with path.open("w", encoding="utf-8") as handle:
        for doc in islice(stream, count):
            record = {
                "id": doc.id,
                "text": doc.text,
                "outlet": doc.outlet,
                "published": doc.published,
            }
            handle.write(json.dumps(record) + "\n")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            tree.setdefault(ppid, []).append(int(entry))
    return tree


class WorkerMemory:
    """Peak VmRSS of each Ray worker process (``ray::…``) descending from this one."""

    def __init__(self) -> None:
        self.peak: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> WorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            tree = _children()
            todo, found = [os.getpid()], []
            while todo:
                pid = todo.pop()
                found.append(pid)
                todo += tree.get(pid, [])
            for pid in found[1:]:
                try:
                    cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode()
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                if not cmd.startswith("ray::"):
                    continue
                rss = next(
                    (
                        int(line.split()[1]) / 1024
                        for line in status.splitlines()
                        if line.startswith("VmRSS:")
                    ),
                    0.0,
                )
                name, old = self.peak.get(pid, (cmd, 0.0))
                self.peak[pid] = (cmd if rss >= old else name, max(old, rss))

    def report(self) -> dict[str, Any]:
        values = sorted((mb for _, mb in self.peak.values()), reverse=True)
        names = sorted({name.split(" ")[0] for name, _ in self.peak.values()})
        return {
            "processes": len(values),
            "max_mb": values[0] if values else 0.0,
            "top_mb": values[:4],
            "names": names,
        }


def single_process(corpus: Path, workdir: Path, briefings: bool) -> dict[str, Any]:
    from newsdesk.embed import Embedder
    from newsdesk.registry import DEFAULT_STAGES, build_pipeline

    pipeline = app.default_pipeline()
    embedder = Embedder()
    warm = [Document(id="warm", text="Officials in Orsa Vale said on Monday the plant shut.")]
    list(pipeline(warm))
    embedder.encode(["warm"])
    start = time.perf_counter()
    store = app.open_store(str(workdir / "single.db"))
    try:
        results = list(app.ingest(app.read([str(corpus)]), store, pipeline, assign=False))
        docs = list(store.documents())
    finally:
        store.close()
    stories = app.stories(docs, embedder=embedder)
    if briefings:
        keep = build_pipeline([s for s in DEFAULT_STAGES if s != "release"])
        by_id = {d.id: d for d in docs}
        for story in stories:
            app.brief_story(
                [by_id[i] for i in story.documents],
                story.id,
                story.title,
                pipeline=keep,
                embedder=embedder,
            )
    seconds = time.perf_counter() - start
    read = len(results)
    return {
        "documents": read,
        "stored": len(docs),
        "stories": len(stories),
        "seconds": seconds,
        "docs_per_s": read / seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def batch(corpus: Path, workdir: Path, workers: int, briefings: bool) -> dict[str, Any]:
    options = BatchOptions(workers=workers, briefings=briefings)
    with WorkerMemory() as memory:
        start = time.perf_counter()
        report = run_batch([str(corpus)], workdir / f"out-w{workers}", options=options)
        seconds = time.perf_counter() - start
    read = report.counts["documents"] + report.counts["refused"]
    return {
        "workers": workers,
        "documents": read,
        "counts": report.counts,
        "seconds": seconds,
        "docs_per_s": read / seconds,
        "memory": memory.report(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=20_000, help="documents to generate")
    parser.add_argument("--briefings", action="store_true", help="brief every story too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        corpus = workdir / "corpus.jsonl"
        write_corpus(corpus, args.docs)
        single = single_process(corpus, workdir, args.briefings)
        print(
            f"single process: {single['documents']} docs in {single['seconds']:.1f} s, "
            f"{single['docs_per_s']:.2f} docs/s, peak RSS {single['peak_rss_mb']:.0f} MB"
        )
        runs = {}
        for workers in (1, 2):
            runs[workers] = batch(corpus, workdir, workers, args.briefings)
            r = runs[workers]
            print(
                f"batch --workers {workers}: {r['documents']} docs in {r['seconds']:.1f} s, "
                f"{r['docs_per_s']:.2f} docs/s, peak RSS per worker "
                f"{r['memory']['max_mb']:.0f} MB ({r['memory']['processes']} processes)"
            )
    ratio = runs[2]["docs_per_s"] / runs[1]["docs_per_s"]
    print(
        f"batch 2 workers / 1 worker: {ratio:.2f}x (target >= 1.7 on 2 cores); "
        f"batch 1 worker / single process: {runs[1]['docs_per_s'] / single['docs_per_s']:.2f}x"
    )
    OUT.mkdir(parents=True, exist_ok=True)
    result = {
        "docs": args.docs,
        "briefings": args.briefings,
        "single": single,
        "batch": runs,
        "ratio_2_vs_1": ratio,
        "cpus": os.cpu_count(),
    }
    (OUT / "batch.json").write_text(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
