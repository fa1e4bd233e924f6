"""Benchmark: named entities on CoNLL-2003 English dev (eng.testa), raw spaCy vs newsdesk.

Run from the repository root::

    .venv/bin/python bench/entities.py [--split testa] [--limit N]

Data: ``<shared>/data/conll2003_eng/eng.<split>.jsonl`` where ``<shared>`` is the folder next
to the repository (``../shared``); the environment variable ``NEWSDESK_SHARED_DATA``
overrides the ``<shared>/data`` folder. Nothing is copied into the repository.

Each CoNLL document becomes one text: a sentence's tokens joined by single spaces, one
sentence per line; token character offsets are kept, so gold entities become character
spans. Every document is parsed once (``SpacyBackend.parse``, i.e. ``nlp.pipe``) and both
systems are scored on that same parse:

(a) *raw*: spaCy's ``doc.ents``;
(b) *newsdesk*: the mentions of ``extract_entities``.

Scoring: exact character span and type. Labels map PERSON → PER, ORG → ORG,
GPE/LOC/FAC → LOC; NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE → MISC. The headline
figure is micro P/R/F1 over PER, ORG and LOC only (gold MISC and predicted MISC are left
out of it, as OntoNotes and CoNLL define MISC differently); MISC is reported on its own.
A prediction with the right span but the wrong type counts as one false positive and one
false negative.

Timing: the parse alone and ``extract_entities`` on top (overhead % = extraction time /
parse time). Results are printed as a table and written to ``bench/out/entities.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from newsdesk.annotate.entities import extract_entities  # noqa: E402
from newsdesk.annotate.nlp import SpacyBackend  # noqa: E402
from newsdesk.model import Document  # noqa: E402

TYPE_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
SCORED = ("PER", "ORG", "LOC")
OUT = ROOT / "bench" / "out" / "entities.json"

Triple = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class ConllDoc:
    """One CoNLL document as text, with its gold entities as character spans."""

    id: str
    text: str
    gold: frozenset[Triple]


def data_dir() -> Path:
    """The CoNLL folder: ``$NEWSDESK_SHARED_DATA/conll2003_eng`` or ``../shared/data``."""
    base = os.environ.get("NEWSDESK_SHARED_DATA")
    root = Path(base) if base else ROOT.parent / "shared" / "data"
    return root / "conll2003_eng"


def load_docs(split: str = "testa", limit: int | None = None) -> list[ConllDoc]:
    """The documents of ``eng.<split>.jsonl``, rebuilt as texts with character gold spans."""
    sentences: dict[int, list[dict[str, Any]]] = defaultdict(list)
    with (data_dir() / f"eng.{split}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                sentences[row["doc_index"]].append(row)
    docs = [_build(index, sentences[index]) for index in sorted(sentences)]
    return docs[:limit] if limit is not None else docs


def _build(index: int, rows: list[dict[str, Any]]) -> ConllDoc:
    """Join tokens with spaces, sentences with newlines; map token gold spans to chars."""
    lines: list[str] = []
    gold: set[Triple] = set()
    pos = 0
    for row in sorted(rows, key=lambda r: r["sent_index"]):
        offsets = []
        for token in row["tokens"]:
            offsets.append((pos, pos + len(token)))
            pos += len(token) + 1
        lines.append(" ".join(row["tokens"]))
        for ent in row["entities"]:
            gold.add((offsets[ent["start"]][0], offsets[ent["end"] - 1][1], ent["type"]))
    return ConllDoc(f"conll-{index}", "\n".join(lines), frozenset(gold))


def mapped(spans: Iterable[tuple[int, int, str]]) -> set[Triple]:
    """Predicted (start, end, spaCy label) mapped to CoNLL types; unmapped labels dropped."""
    return {(a, b, TYPE_MAP[label]) for a, b, label in spans if label in TYPE_MAP}


def score(pairs: Iterable[tuple[set[Triple], frozenset[Triple]]]) -> dict[str, Any]:
    """Micro P/R/F1 over PER/ORG/LOC, plus per type (MISC included, outside the micro)."""
    counts = {t: [0, 0, 0] for t in (*SCORED, "MISC")}  # tp, fp, fn
    for pred, gold in pairs:
        for t, c in counts.items():
            p = {x for x in pred if x[2] == t}
            g = {x for x in gold if x[2] == t}
            c[0] += len(p & g)
            c[1] += len(p - g)
            c[2] += len(g - p)
    micro = [sum(counts[t][k] for t in SCORED) for k in range(3)]
    result = {"micro": _prf(*micro)}
    result.update({t: _prf(*c) for t, c in counts.items()})
    return result


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def run(
    split: str = "testa", limit: int | None = None, backend: SpacyBackend | None = None
) -> dict[str, Any]:
    """Parse once, score raw spaCy and newsdesk side by side; the JSON-able results."""
    docs = load_docs(split, limit)
    backend = backend or SpacyBackend()
    _ = backend.nlp  # load the model outside the timed parse
    started = time.perf_counter()
    parsed = list(backend.parse(d.text for d in docs))
    parse_s = time.perf_counter() - started
    raw, ours = [], []
    extract_s = 0.0
    for doc, parse in zip(docs, parsed, strict=True):
        raw.append((mapped((e.start_char, e.end_char, e.label_) for e in parse.ents), doc.gold))
        started = time.perf_counter()
        entities = extract_entities(Document(doc.id, doc.text), parse)
        extract_s += time.perf_counter() - started
        spans = ((m.span.start, m.span.end, m.label) for e in entities for m in e.mentions)
        ours.append((mapped(spans), doc.gold))
    return {
        "split": split,
        "documents": len(docs),
        "raw_spacy": score(raw),
        "newsdesk": score(ours),
        "timing": {
            "parse_s": round(parse_s, 2),
            "extract_s": round(extract_s, 3),
            "overhead_pct": round(100 * extract_s / parse_s, 1) if parse_s else 0.0,
        },
    }


def table(results: dict[str, Any]) -> str:
    """The results as a plain-text table."""
    lines = [
        f"CoNLL-2003 eng.{results['split']} ({results['documents']} docs), exact spans",
        f"{'type':<6} {'system':<9} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for t in ("micro", *SCORED, "MISC"):
        for system in ("raw_spacy", "newsdesk"):
            s = results[system][t]
            lines.append(
                f"{t:<6} {system:<9} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}"
            )
    timing = results["timing"]
    lines.append(
        f"parse {timing['parse_s']} s, extract_entities {timing['extract_s']} s "
        f"({timing['overhead_pct']}% of the parse)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="testa")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    path = data_dir() / f"eng.{args.split}.jsonl"
    if not path.exists():
        sys.exit(
            f"missing {path}: the shared evaluation data is not here (set NEWSDESK_SHARED_DATA)"
        )
    results = run(args.split, args.limit)
    print(table(results))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
