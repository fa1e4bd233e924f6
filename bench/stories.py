"""Benchmark: story clustering on ECB+, newsdesk vs baselines, B-cubed at two levels.

Run from the repository root::

    .venv/bin/python bench/stories.py [--methods newsdesk,tfidf-agglo,...]

Data: ``<shared>/data/ecbplus_event_clusters/clustering_gold.jsonl`` (982 documents, 43
topics, 86 event clusters: each topic holds two look-alike events). ``<shared>`` is the
folder next to the repository; ``NEWSDESK_SHARED_DATA`` overrides ``<shared>/data``.
Nothing is copied into the repository and nothing is cached.

Protocol. The documents are split by topic parity into two halves (odd topics: 21 topics,
even topics: 22; topics 15 and 17 do not exist), and each half is clustered on its own
(its documents only). For every method, its threshold (or parameter set) is the one with
the best event-level B-cubed F1 on one half (for a numeric threshold, F1 averaged with the
two neighbouring grid values, so that a lucky spike of a jumpy curve is not chosen; ties go
to the lower value), and the scores reported for the *other* half are taken at that
threshold: "even" = tuned on odd, reported on even; "odd" = tuned on even, reported on odd;
"mean" = their mean. No method is tuned on the half it is reported on.

Scores: B-cubed precision, recall and F1 (Bagga & Baldwin 1998; per-document averages)
against ``event_cluster`` (event level, the target) and ``topic`` (topic level).

Methods:

- ``newsdesk``: `newsdesk.cluster.cluster_documents` (average linkage over the combined
  similarity: MiniLM lead ¼, word TF-IDF ¼, names-and-numbers ½). The weights were chosen
  by comparing equal thirds with this split on the odd half only, so the "even" row is
  clean of any tuning on its own half; the "odd" row is not, for the weights.
- ``newsdesk-online``: `OnlineClusterer` fed in document-id order (one pass, centroids).
- ``tfidf-agglo``: scikit-learn ``TfidfVectorizer`` (English stop words, sublinear tf) fit
  on the half, average-linkage ``AgglomerativeClustering`` on cosine distance.
- ``minilm-hdbscan``: MiniLM embedding of the text (first 256 word pieces),
  ``sklearn.cluster.HDBSCAN`` on Euclidean distance of the unit vectors, tuned over
  ``min_cluster_size`` × ``cluster_selection_epsilon``; noise documents are singletons.
- ``topic-oracle``: the gold topics taken as stories (no tuning).

Timing: seconds per document for MiniLM embedding of the leads, and for newsdesk's
clustering on top (features, similarity matrix, linkage, cut), per half. Results are
printed as a table and written to ``bench/out/stories.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._shared import OUT, SHARED_DATA  # noqa: E402
from newsdesk.cluster.batch import cluster_features, linkage_tree  # noqa: E402
from newsdesk.cluster.features import FeatureExtractor, similarity_matrix  # noqa: E402
from newsdesk.cluster.online import OnlineClusterer  # noqa: E402
from newsdesk.embed import Embedder, Matrix, SentenceEncoder  # noqa: E402
from newsdesk.model import Document  # noqa: E402

METHODS = ("newsdesk", "newsdesk-online", "tfidf-agglo", "minilm-hdbscan", "topic-oracle")
GOLD = "ecbplus_event_clusters/clustering_gold.jsonl"
Labels = list[Hashable]


def data_path() -> Path:
    """Where the gold file is expected (it may be absent)."""
    return SHARED_DATA / GOLD


def load() -> list[dict[str, Any]]:
    with data_path().open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """B-cubed precision, recall, F1 of a predicted labelling against a gold one."""
    pairs = Counter(zip(pred, gold, strict=True))
    psize, gsize = Counter(pred), Counter(gold)
    n = len(pred)
    p = sum(c * c / psize[pl] for (pl, _), c in pairs.items()) / n
    r = sum(c * c / gsize[gl] for (_, gl), c in pairs.items()) / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


class MemoEncoder:
    """Encodes each distinct text once (within this run only), then serves it from memory."""

    def __init__(self, inner: SentenceEncoder) -> None:
        self.inner = inner
        self.rows: dict[str, Any] = {}
        self.seconds = 0.0

    def encode(self, texts: Sequence[str]) -> Matrix:
        todo = list(dict.fromkeys(t for t in texts if t not in self.rows))
        if todo:
            start = time.perf_counter()
            for text, row in zip(todo, self.inner.encode(todo), strict=True):
                self.rows[text] = row
            self.seconds += time.perf_counter() - start
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        out: Matrix = np.vstack([self.rows[t] for t in texts]).astype(np.float32)
        return out


def _labels_from_groups(groups: list[list[int]], n: int) -> Labels:
    labels: Labels = [0] * n
    for k, group in enumerate(groups):
        for i in group:
            labels[i] = k
    return labels


# ------------------------------------------------------------------ methods
# Each returns {param: labels} over the half's documents (in the given order).

Sweep = dict[Any, Labels]


def newsdesk_sweep(docs: list[Document], enc: SentenceEncoder, timing: dict[str, Any]) -> Sweep:
    enc.encode([])  # nothing; embeddings were computed before timing started
    start = time.perf_counter()
    feats = FeatureExtractor(enc).batch(docs)
    tree = linkage_tree(similarity_matrix(feats))
    timing["cluster_s"] = timing.get("cluster_s", 0.0) + time.perf_counter() - start
    grid = [round(t, 3) for t in np.arange(0.05, 0.60, 0.01)]
    return {t: _labels_from_groups(cluster_features(tree, len(docs), t), len(docs)) for t in grid}


ONLINE_GRID = tuple(round(float(t), 3) for t in np.arange(0.05, 0.60, 0.02))


def online_sweep(
    docs: list[Document],
    enc: SentenceEncoder,
    timing: dict[str, Any],
    thresholds: Sequence[float] = ONLINE_GRID,
) -> Sweep:
    out: Sweep = {}
    order = sorted(range(len(docs)), key=lambda i: docs[i].id)
    for t in thresholds:
        start = time.perf_counter()
        clusterer = OnlineClusterer(enc, threshold=t)
        labels: Labels = [0] * len(docs)
        for i in order:
            labels[i] = clusterer.add(docs[i])
        timing.setdefault("online_s", []).append(time.perf_counter() - start)
        out[t] = labels
    return out


def tfidf_sweep(docs: list[Document], enc: SentenceEncoder, timing: dict[str, Any]) -> Sweep:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [d.text for d in docs]
    )
    dense = x.toarray()
    out: Sweep = {}
    for t in [round(t, 3) for t in np.arange(0.50, 1.0, 0.01)]:
        model = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=t
        )
        out[t] = list(model.fit_predict(dense))
    return out


def hdbscan_sweep(docs: list[Document], enc: SentenceEncoder, timing: dict[str, Any]) -> Sweep:
    from sklearn.cluster import HDBSCAN

    x = enc.encode([d.text for d in docs])
    out: Sweep = {}
    for size in (2, 3, 4, 5):
        for eps in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
            model = HDBSCAN(min_cluster_size=size, cluster_selection_epsilon=eps, copy=True)
            try:
                labels = model.fit_predict(x)
            except TypeError:  # scikit-learn 1.9 fails when epsilon reaches the tree's root
                continue
            out[f"min_cluster_size={size},eps={eps}"] = [
                int(lab) if lab >= 0 else f"noise-{i}" for i, lab in enumerate(labels)
            ]
    return out


def oracle_sweep(docs: list[Document], topics: list[int]) -> Sweep:
    return {"gold topics": list(topics)}


SWEEPS: dict[str, Callable[[list[Document], SentenceEncoder, dict[str, float]], Sweep]] = {
    "newsdesk": newsdesk_sweep,
    "newsdesk-online": online_sweep,
    "tfidf-agglo": tfidf_sweep,
    "minilm-hdbscan": hdbscan_sweep,
}


# ------------------------------------------------------------------ protocol


def evaluate(
    methods: Sequence[str] = METHODS,
    encoder: SentenceEncoder | None = None,
    online_thresholds: Sequence[float] = ONLINE_GRID,
) -> dict[str, Any]:
    """Scores of each method on both halves (tuned on the other half), plus timing.

    ``online_thresholds``: the grid of ``newsdesk-online`` (the gate gives it the shipped
    `ONLINE_THRESHOLD` alone, chosen on the odd half: its "even" row is then the same as
    the full sweep's, at a 28th of the cost)."""
    rows = load()
    enc = MemoEncoder(encoder or Embedder())
    halves: dict[str, list[dict[str, Any]]] = {
        "odd": [r for r in rows if r["topic"] % 2 == 1],
        "even": [r for r in rows if r["topic"] % 2 == 0],
    }
    # Embed every lead up front so that clustering time excludes the model.
    from newsdesk.cluster.features import lead_text

    docs = {h: [Document(id=r["doc_id"], text=r["text"]) for r in rs] for h, rs in halves.items()}
    all_docs = docs["odd"] + docs["even"]
    enc.encode([lead_text(d) for d in all_docs])
    embed_s = enc.seconds
    timing: dict[str, Any] = {"documents": len(all_docs), "embed_leads_s": round(embed_s, 2)}
    results: dict[str, Any] = {}
    for method in methods:
        sweeps: dict[str, Sweep] = {}
        for half, rs in halves.items():
            if method == "topic-oracle":
                sweeps[half] = oracle_sweep(docs[half], [r["topic"] for r in rs])
            else:
                sweep = SWEEPS[method]
                if method == "newsdesk-online":
                    sweep = partial(online_sweep, thresholds=online_thresholds)
                sweeps[half] = sweep(docs[half], enc, timing)
        results[method] = _cross(sweeps, halves)
    n = len(all_docs)
    if "cluster_s" in timing:
        timing["newsdesk_cluster_ms_per_doc"] = round(1000 * timing.pop("cluster_s") / n, 3)
        timing["embed_ms_per_doc"] = round(1000 * embed_s / n, 2)
        timing["newsdesk_total_ms_per_doc"] = round(
            timing["newsdesk_cluster_ms_per_doc"] + timing["embed_ms_per_doc"], 2
        )
    if "online_s" in timing:
        runs = timing.pop("online_s")
        timing["online_ms_per_doc"] = round(1000 * 2 * float(np.median(runs)) / n, 3)
    return {"results": results, "timing": timing}


def _cross(sweeps: dict[str, Sweep], halves: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    gold = {
        h: {
            "event": [r["event_cluster"] for r in rs],
            "topic": [r["topic"] for r in rs],
        }
        for h, rs in halves.items()
    }

    def score(half: str, param: Any) -> dict[str, Any]:
        labels = sweeps[half][param]
        return {
            "event": bcubed(labels, gold[half]["event"]),
            "topic": bcubed(labels, gold[half]["topic"]),
            "stories": len(set(labels)),
        }

    def smoothed(half: str, params: list[Any], k: int) -> float:
        """Event F1 at params[k] averaged with its grid neighbours (robust to jumps)."""
        window = params[max(0, k - 1) : k + 2] if _numeric(params) else params[k : k + 1]
        return float(sum(score(half, p)["event"]["f1"] for p in window)) / len(window)

    out: dict[str, Any] = {}
    for report, tune in (("even", "odd"), ("odd", "even")):
        params = list(sweeps[tune])
        best = params[max(range(len(params)), key=lambda k: (smoothed(tune, params, k), -k))]
        out[report] = {"param": best, "tuned_on": tune, "tune_f1": score(tune, best)["event"]["f1"]}
        out[report].update(score(report, best))
    out["mean"] = {
        level: {
            k: round((out["even"][level][k] + out["odd"][level][k]) / 2, 4)
            for k in ("p", "r", "f1")
        }
        for level in ("event", "topic")
    }
    return out


def _numeric(params: list[Any]) -> bool:
    return all(isinstance(p, float) for p in params)


def table(report: dict[str, Any]) -> str:
    head = (
        f"{'method':<16} {'half':<5} {'param':<28} {'event P':>8} {'R':>6} {'F1':>6}"
        f" {'topic P':>8} {'R':>6} {'F1':>6} {'stories':>7}"
    )
    lines = [head, "-" * len(head)]
    for method, res in report["results"].items():
        for half in ("even", "odd"):
            r = res[half]
            e, t = r["event"], r["topic"]
            lines.append(
                f"{method:<16} {half:<5} {str(r['param']):<28} {e['p']:>8.3f} {e['r']:>6.3f}"
                f" {e['f1']:>6.3f} {t['p']:>8.3f} {t['r']:>6.3f} {t['f1']:>6.3f} {r['stories']:>7}"
            )
        m = res["mean"]
        lines.append(
            f"{method:<16} {'mean':<5} {'':<28} {m['event']['p']:>8.3f} {m['event']['r']:>6.3f}"
            f" {m['event']['f1']:>6.3f} {m['topic']['p']:>8.3f} {m['topic']['r']:>6.3f}"
            f" {m['topic']['f1']:>6.3f}"
        )
    lines.append("")
    lines.append("timing: " + json.dumps(report["timing"]))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--methods", default=",".join(METHODS))
    args = parser.parse_args(argv)
    if not data_path().exists():
        sys.exit(f"missing {data_path()}: set NEWSDESK_SHARED_DATA")
    report = evaluate([m for m in args.methods.split(",") if m])
    print(table(report))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "stories.json").write_text(json.dumps(report, indent=2, default=str) + "\n")


if __name__ == "__main__":
    main()
