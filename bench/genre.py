"""Benchmark: document genre (report, opinion, analysis, other) on real news.

Run from the repository root::

    .venv/bin/python bench/genre.py [--split dev|heldout|all] [--failures]

Gold: ``bench/genre/gold.jsonl`` (``{"id", "genre", "note", "split"}``, protocol in
``bench/genre/PROTOCOL.md``). Texts are read at run time from
``<shared>/data/ecbplus_event_clusters/documents.jsonl`` (ids are ECB+ ``doc_id``) and
``<shared>/data/duc2004_task2/clusters.jsonl`` (ids ``<cluster>-D<doc_index>``); nothing
is copied into the repository.

Systems, run in the same process on the same documents:

* ``newsdesk``: the default annotate pipeline (``newsdesk.registry.DEFAULT_STAGES``), its
  genre stage as shipped.
* ``majority``: every document a report.
* ``voice``: first person (I, me, my, we, us, our) and question marks outside quotation
  marks, per 100 words; at least ``VOICE_THRESHOLD`` → opinion, else report.

Printed per split: accuracy, macro-F1 (over the four genres), per-class precision, recall
and F1, and newsdesk's confusion matrix (rows gold, columns predicted). ``--failures``
lists newsdesk's dev mistakes with their evidence (never heldout ones). Results are
written to ``bench/out/genre.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._shared import OUT, SHARED_DATA, news_texts  # noqa: E402
from newsdesk.annotate.genre import outside_quotes  # noqa: E402
from newsdesk.annotate.nlp import SpacyBackend  # noqa: E402
from newsdesk.model import GENRES, Document  # noqa: E402
from newsdesk.registry import DEFAULT_STAGES, build_pipeline  # noqa: E402

GOLD = ROOT / "bench" / "genre" / "gold.jsonl"
VOICE_THRESHOLD = 1.0
_VOICE = re.compile(r"\b(?:I|me|my|we|us|our)\b|\?", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def data_file_path() -> Path:
    """The ECB+ documents file (the gates check it is there before running)."""
    return SHARED_DATA / "ecbplus_event_clusters" / "documents.jsonl"


def load_gold(path: Path = GOLD) -> list[dict[str, str]]:
    """The gold lines."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def newsdesk_genres(
    texts: Mapping[str, str], backend: SpacyBackend | None = None
) -> dict[str, tuple[str, dict[str, float]]]:
    """``{id: (genre, evidence)}`` from the default annotate pipeline."""
    pipeline = build_pipeline(DEFAULT_STAGES, backend=backend)
    docs = [Document(id=i, text=t) for i, t in texts.items()]
    return {d.id: (d.genre, dict(d.genre_evidence)) for d in pipeline(docs)}


def voice_genre(text: str) -> str:
    """The ``voice`` baseline: opinion when the writer's voice is heard, else report."""
    outside = outside_quotes(text)
    words = len(_WORD.findall(outside))
    rate = 100.0 * len(_VOICE.findall(outside)) / words if words else 0.0
    return "opinion" if rate >= VOICE_THRESHOLD else "report"


def scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the four genres, per-class P/R/F1 and the confusion matrix."""
    per_class: dict[str, dict[str, float]] = {}
    for label in GENRES:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        n_pred = sum(p == label for p in pred)
        n_gold = sum(g == label for g in gold)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": n_gold,
        }
    confusion = {g: {p: 0 for p in GENRES} for g in GENRES}
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p] += 1
    correct = sum(g == p for g, p in zip(gold, pred, strict=True))
    return {
        "n": len(gold),
        "accuracy": round(correct / len(gold), 4) if gold else 0.0,
        "macro_f1": round(sum(c["f1"] for c in per_class.values()) / len(GENRES), 4),
        "per_class": per_class,
        "confusion": confusion,
    }


def evaluate(
    splits: Sequence[str] = ("dev",), backend: SpacyBackend | None = None
) -> dict[str, Any]:
    """Scores of newsdesk and the baselines per split, and newsdesk's dev failures."""
    gold = [row for row in load_gold() if row["split"] in splits]
    texts = news_texts({row["id"] for row in gold})
    ours = newsdesk_genres(texts, backend)
    systems: dict[str, Callable[[str], str]] = {
        "newsdesk": lambda i: ours[i][0],
        "majority": lambda i: "report",
        "voice": lambda i: voice_genre(texts[i]),
    }
    result: dict[str, Any] = {"splits": {}, "failures": []}
    for split in splits:
        rows = [row for row in gold if row["split"] == split]
        labels = [row["genre"] for row in rows]
        result["splits"][split] = {
            name: scores(labels, [system(row["id"]) for row in rows])
            for name, system in systems.items()
        }
    result["failures"] = [
        {"id": r["id"], "gold": r["genre"], "pred": ours[r["id"]][0], "evidence": ours[r["id"]][1]}
        for r in gold
        if r["split"] == "dev" and ours[r["id"]][0] != r["genre"]
    ]
    return result


def table(result: Mapping[str, Any]) -> str:
    """The printed report."""
    lines: list[str] = []
    for split, systems in result["splits"].items():
        lines.append(f"== {split} (n={systems['newsdesk']['n']})")
        lines.append(
            f"{'system':<10} {'acc':>6} {'macroF1':>8}  "
            + "  ".join(f"{g + ' P/R/F1':>22}" for g in GENRES)
        )
        for name, s in systems.items():
            cells = "  ".join(
                f"{c['precision']:>6.3f}/{c['recall']:.3f}/{c['f1']:.3f}".rjust(22)
                for c in s["per_class"].values()
            )
            lines.append(f"{name:<10} {s['accuracy']:>6.3f} {s['macro_f1']:>8.3f}  {cells}")
        confusion = systems["newsdesk"]["confusion"]
        lines.append("newsdesk confusion (rows gold, columns predicted):")
        lines.append(" " * 10 + "".join(f"{g:>10}" for g in GENRES))
        for g in GENRES:
            lines.append(f"{g:<10}" + "".join(f"{confusion[g][p]:>10}" for p in GENRES))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--failures", action="store_true", help="newsdesk's dev mistakes")
    args = parser.parse_args(argv)
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    result = evaluate(splits)
    print(table(result))
    if args.failures:
        for f in result["failures"]:
            evidence = " ".join(f"{k}={v:g}" for k, v in sorted(f["evidence"].items()))
            print(f"{f['id']}: gold {f['gold']} got {f['pred']} | {evidence}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "genre.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
