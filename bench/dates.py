"""Bench: TIMEX3 DATE normalisation on TempEval-3 train (TBAQ), newsdesk vs dateparser.

Run from the repository root::

    .venv/bin/python bench/dates.py [--no-parse] [--no-baseline] [--errors N]

newsdesk runs as ``annotate`` ships it: sentences and tense come from the spaCy parse
(`newsdesk.annotate.dates.extract_times` with the document's parse); ``--no-parse``
measures the grammar alone (sentences split by rule, tense from function words only).

Headline metric (value accuracy): the share of gold DATE expressions that a system finds
(character overlap) *and* normalises to exactly the gold TIMEX3 value, anchored on the
document creation time. Extent precision/recall/F1 for DATE expressions are reported too
(relaxed = any overlap, strict = same offsets).

The data is read from ``shared/data/tempeval3_timex/tbaq_train.jsonl`` next to the
repository (``NEWSDESK_SHARED_DATA`` overrides the data folder); nothing is copied into
the repository. A fixed random 25% of the documents (seed 2026) is held out from rule
tuning; the figures are reported for the tuning part, the held-out part and all of it.
Results go to ``bench/out/dates.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdesk.annotate.dates import find_timexes, parse_anchor  # noqa: E402

SEED = 2026
HELD_OUT_SHARE = 0.25
DATA_FILE = "tempeval3_timex/tbaq_train.jsonl"


@dataclass(frozen=True, slots=True)
class Prediction:
    start: int
    end: int
    value: str | None


Predictor = Callable[[dict[str, Any]], list[Prediction]]


def data_dir() -> Path:
    """The shared data folder (``NEWSDESK_SHARED_DATA`` overrides)."""
    override = os.environ.get("NEWSDESK_SHARED_DATA")
    if override:
        return Path(override)
    return ROOT.parent / "shared" / "data"


def load_docs(path: Path | None = None) -> list[dict[str, Any]]:
    """The TempEval-3 train documents, one JSON object per line."""
    path = path or data_dir() / DATA_FILE
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def split(docs: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(tuning, held-out): a fixed random 25% of the document ids is held out."""
    ids = sorted(d["doc_id"] for d in docs)
    held = set(random.Random(SEED).sample(ids, round(len(ids) * HELD_OUT_SHARE)))
    return [d for d in docs if d["doc_id"] not in held], [d for d in docs if d["doc_id"] in held]


def dct(doc: dict[str, Any]) -> str:
    """The document creation time (the anchor) of a TempEval document."""
    return str(doc["dct"]["value"])


# ---------------------------------------------------------------------------------------
# Systems


def newsdesk_predictor(nlp: Any = None) -> Predictor:
    """newsdesk's grammar; with ``nlp`` (text -> spaCy ``Doc``, e.g. a `SpacyBackend`)
    sentences and tense come from the parse, as `extract_times` takes them (the shipped
    path; ``tests/test_dates.py`` checks the two agree)."""

    def predict(doc: dict[str, Any]) -> list[Prediction]:
        """Predictions for one TempEval document."""
        text = doc["text"]
        if nlp is None:
            found = find_timexes(text, dct(doc))
        else:
            from newsdesk.annotate.dates import parsed_sentences as _parsed_sentences
            from newsdesk.annotate.dates import parsed_tense as _parsed_tense

            parsed = nlp(text)
            found = find_timexes(text, dct(doc), _parsed_sentences(parsed), _parsed_tense(parsed))
        return [Prediction(t.start, t.end, t.value) for t in found]

    return predict


def dateparser_predictor() -> Predictor:
    """dateparser's ``search_dates`` anchored on the DCT (values mapped to gold granularity)."""
    from dateparser.search import search_dates

    def predict(doc: dict[str, Any]) -> list[Prediction]:
        """Predictions for one TempEval document."""
        text = doc["text"]
        base = datetime.combine(parse_anchor(dct(doc)) or date.today(), datetime.min.time())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                results = (
                    search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
                )
            except Exception:  # noqa: BLE001 - a baseline failure scores as no output
                results = []
        out: list[Prediction] = []
        cursor = 0
        for substring, when in results:
            at = text.find(substring, cursor)
            if at < 0:
                at = text.find(substring)
            if at < 0:
                continue
            cursor = at + len(substring)
            out.append(Prediction(at, at + len(substring), when.date().isoformat()))
        return out

    return predict


def at_granularity(day_value: str | None, gold: str) -> str | None:
    """A day value (``YYYY-MM-DD``) cut to the gold's granularity (for the baseline)."""
    if not day_value:
        return None
    d = date.fromisoformat(day_value[:10])
    if re.fullmatch(r"\d{4}", gold):
        return f"{d.year:04d}"
    if re.fullmatch(r"\d{4}-\d{2}", gold):
        return f"{d.year:04d}-{d.month:02d}"
    if re.fullmatch(r"\d{4}-W\d{1,2}", gold):
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if re.fullmatch(r"\d{4}-Q\d", gold):
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if re.match(r"\d{4}-\d{2}-\d{2}", gold):
        return d.isoformat() + gold[10:]
    return day_value


# ---------------------------------------------------------------------------------------
# Scoring


@dataclass
class Score:
    gold: int = 0
    correct: int = 0
    found: int = 0
    strict_found: int = 0
    predicted: int = 0
    predicted_hit: int = 0
    predicted_strict: int = 0
    docs: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The reported figures."""
        p = self.predicted_hit / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        sp = self.predicted_strict / self.predicted if self.predicted else 0.0
        sr = self.strict_found / self.gold if self.gold else 0.0
        return {
            "gold_dates": self.gold,
            "value_accuracy": round(self.correct / self.gold, 4) if self.gold else 0.0,
            "extent_precision": round(p, 4),
            "extent_recall": round(r, 4),
            "extent_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "strict_extent_f1": round(2 * sp * sr / (sp + sr), 4) if sp + sr else 0.0,
            "docs": self.docs,
            "docs_per_s": round(self.docs / self.seconds, 1) if self.seconds else 0.0,
        }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_doc(
    doc: dict[str, Any],
    predictions: list[Prediction],
    score: Score,
    errors: list[dict[str, Any]] | None = None,
    cut_to_gold: bool = False,
) -> None:
    """Add one document's counts; DATE-valued predictions only ("…_REF", decades included)."""
    golds = [t for t in doc["timexes"] if t["type"] == "DATE"]
    others = [t for t in doc["timexes"] if t["type"] != "DATE"]
    score.gold += len(golds)
    score.docs += 1
    for g in golds:
        span = (g["start"], g["end"])
        hits = [p for p in predictions if _overlap(span, (p.start, p.end))]
        if not hits:
            if errors is not None:
                errors.append({"kind": "missed", "text": g["text"], "gold": g["value"],
                               "dct": dct(doc), "context": _context(doc, span)})  # fmt: skip
            continue
        score.found += 1
        best = max(hits, key=lambda p: _overlap(span, (p.start, p.end)))
        score.strict_found += any((p.start, p.end) == span for p in hits)
        value = at_granularity(best.value, g["value"]) if cut_to_gold else best.value
        if value == g["value"]:
            score.correct += 1
        elif errors is not None:
            errors.append(
                {
                    "kind": "wrong",
                    "text": g["text"],
                    "pred_text": doc["text"][best.start : best.end],
                    "gold": g["value"],
                    "pred": value,
                    "dct": dct(doc),
                    "context": _context(doc, span),
                }
            )
    for p in predictions:
        # a prediction that lands on a gold DURATION/TIME/SET is a type error, not an extra
        if any(_overlap((p.start, p.end), (o["start"], o["end"])) for o in others):
            if not any(_overlap((p.start, p.end), (g["start"], g["end"])) for g in golds):
                continue
        score.predicted += 1
        score.predicted_hit += any(
            _overlap((p.start, p.end), (g["start"], g["end"])) for g in golds
        )
        score.predicted_strict += any((p.start, p.end) == (g["start"], g["end"]) for g in golds)
        if errors is not None and not any(
            _overlap((p.start, p.end), (g["start"], g["end"])) for g in golds
        ):
            errors.append(
                {
                    "kind": "extra",
                    "text": doc["text"][p.start : p.end],
                    "pred": p.value,
                    "dct": dct(doc),
                    "context": _context(doc, (p.start, p.end)),
                }
            )


def _context(doc: dict[str, Any], span: tuple[int, int], width: int = 70) -> str:
    """The text around a span, the span in [[brackets]]."""
    text: str = doc["text"]
    return " ".join((text[max(0, span[0] - width) : span[0]] + "[[" + text[span[0] : span[1]]
                     + "]]" + text[span[1] : span[1] + width]).split())  # fmt: skip


def evaluate(
    docs: Iterable[dict[str, Any]],
    predictor: Predictor,
    errors: list[dict[str, Any]] | None = None,
    cut_to_gold: bool = False,
) -> Score:
    """Run ``predictor`` over ``docs`` and score it."""
    score = Score()
    for doc in docs:
        started = time.perf_counter()
        predictions = predictor(doc)
        score.seconds += time.perf_counter() - started
        score_doc(doc, predictions, score, errors, cut_to_gold)
    return score


def run(
    docs: list[dict[str, Any]], nlp: Any = None, baseline: bool = True
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Score newsdesk (and the dateparser baseline) on tuning, held-out and all documents."""
    tuning, held_out = split(docs)
    report: dict[str, Any] = {"seed": SEED, "held_out_share": HELD_OUT_SHARE, "systems": {}}
    errors: list[dict[str, Any]] = []
    systems: list[tuple[str, Predictor, bool]] = [("newsdesk", newsdesk_predictor(nlp), False)]
    if baseline:
        systems.append(("dateparser", dateparser_predictor(), True))
    for name, predictor, cut in systems:
        parts: dict[str, Any] = {}
        for part, subset in (("tuning", tuning), ("held_out", held_out)):
            sink = errors if name == "newsdesk" and part == "tuning" else None
            parts[part] = evaluate(subset, predictor, sink, cut)
        total = Score()
        for s in parts.values():
            for key in vars(total):
                setattr(total, key, getattr(total, key) + getattr(s, key))
        parts["all"] = total
        report["systems"][name] = {k: v.as_dict() for k, v in parts.items()}
    return report, errors


def print_report(report: dict[str, Any]) -> None:
    """Both systems side by side for tuning, held-out and all documents."""
    systems = report["systems"]
    metrics = ["value_accuracy", "extent_precision", "extent_recall", "extent_f1",
               "strict_extent_f1", "docs_per_s"]  # fmt: skip
    for part in ("tuning", "held_out", "all"):
        any_system = next(iter(systems.values()))[part]
        print(f"\n== {part} ({any_system['docs']} docs, {any_system['gold_dates']} gold DATEs)")
        print(f"{'metric':<18}" + "".join(f"{name:>12}" for name in systems))
        for metric in metrics:
            print(f"{metric:<18}" + "".join(f"{systems[n][part][metric]:>12}" for n in systems))


def main(argv: list[str] | None = None) -> int:
    """Run the bench; 2 when the data is missing."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument(
        "--no-parse", action="store_true", help="the grammar alone, without the spaCy parse"
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    parser.add_argument("--errors", type=int, default=0, help="print N tuning errors")
    args = parser.parse_args(argv)
    path = data_dir() / DATA_FILE
    if not path.exists():
        print(f"no data at {path}", file=sys.stderr)
        return 2
    nlp = None
    if not args.no_parse:
        from newsdesk.annotate.nlp import SpacyBackend

        nlp = SpacyBackend()
    report, errors = run(load_docs(path), nlp, baseline=not args.no_baseline)
    report["mode"] = "regex" if args.no_parse else "parse"
    print_report(report)
    kinds = Counter(e["kind"] for e in errors)
    print(f"\ntuning errors: {dict(kinds)}")
    for e in errors[: args.errors]:
        print(json.dumps(e, ensure_ascii=False))
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "dates.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
