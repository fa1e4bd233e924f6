"""Annotation in a Ray actor pool: spaCy and MiniLM loaded once per actor.

`Annotator` is the callable class handed to ``map_batches``: each actor builds the
pipeline `ingest` runs (`newsdesk.app.default_pipeline`) and a MiniLM encoder once,
with its thread counts pinned (`pin_threads`), then annotates batch after batch through
`newsdesk.app.annotate` (a document the pipeline fails on is refused alone, with the
error). For story grouping it adds each document's lead embedding and its raw term and
name counts (`FeatureExtractor.counts`), weighted later with the whole run's document
frequencies.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from newsdesk.model import Document, Refusal
from newsdesk.settings import Settings

Batch = dict[str, Any]
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def pin_threads(threads: int) -> dict[str, str]:
    """Pin this process's math libraries to ``threads`` threads: the BLAS and OpenMP
    pools already loaded (numpy's, which MiniLM's matrix products run on), through
    threadpoolctl, and those loaded later, through the environment; return the
    environment variables to give worker processes for the same."""
    env = {name: str(threads) for name in THREAD_VARIABLES}
    env["TOKENIZERS_PARALLELISM"] = "false"
    os.environ.update(env)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads)
    return env


class Annotator:
    """The ``map_batches`` actor: annotated documents plus their story features.

    ``crash_marker`` is a seam for the fault test: when set and that file does not
    exist, the actor creates it and kills its own process on its first batch.
    """

    def __init__(
        self, settings: Settings, threads: int = 1, crash_marker: str | None = None
    ) -> None:
        pin_threads(threads)
        from newsdesk.app import default_pipeline
        from newsdesk.cluster.features import FeatureExtractor
        from newsdesk.embed import Embedder

        self.settings = settings
        self.pipeline = default_pipeline(settings)
        self.extractor = FeatureExtractor(Embedder())
        self.crash_marker = crash_marker

    def __call__(self, batch: Batch) -> Batch:
        if self.crash_marker and not Path(self.crash_marker).exists():
            Path(self.crash_marker).write_text("crashed once\n", encoding="utf-8")
            os._exit(1)
        return annotate_batch(batch, self.pipeline, self.extractor, self.settings)


def annotate_batch(batch: Batch, pipeline: Any, extractor: Any, settings: Settings) -> Batch:
    """Annotate a batch of document rows; refusals keep their row with ``reason`` set."""
    from newsdesk.app import annotate
    from newsdesk.cluster.features import lead_text

    docs = [Document.from_dict(json.loads(raw)) for raw in batch["doc"]]
    items = list(annotate(docs, pipeline, settings))
    kept = [d for d in items if isinstance(d, Document)]
    dense = extractor.embedder.encode([lead_text(d, extractor.lead_sentences) for d in kept])
    out: dict[str, list[Any]] = {
        k: []
        for k in ("order", "id", "doc", "dense", "terms", "names", "input", "reason", "minhash")
    }
    row = 0
    for i, item in enumerate(items):
        out["order"].append(int(batch["order"][i]))
        out["id"].append(str(batch["id"][i]))
        out["input"].append(str(batch["input"][i]))
        out["minhash"].append(bytes(batch["minhash"][i]))
        if isinstance(item, Refusal):
            out["reason"].append(item.reason)
            for key in ("doc", "terms", "names"):
                out[key].append("")
            out["dense"].append(b"")
            continue
        terms, names = extractor.counts(item)
        out["reason"].append("")
        out["doc"].append(json.dumps(item.to_dict(include_text=True), ensure_ascii=False))
        out["dense"].append(np.asarray(dense[row], dtype="<f4").tobytes())
        out["terms"].append(json.dumps(dict(terms), ensure_ascii=False))
        out["names"].append(json.dumps(dict(names), ensure_ascii=False))
        row += 1
    return out
