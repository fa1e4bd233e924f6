"""Benchmark: how well newsdesk reads HTML pages, against the gold article bodies of the
article extraction benchmark (181 real news pages; Scrapinghub/Zyte).

Run from the repository root::

    .venv/bin/python bench/extraction.py [--split dev|heldout|all] [--json] [--no-baselines]

Data: ``<shared>/data/article_extraction_benchmark`` (``html/<id>.html.gz``,
``ground-truth.json``, ``evaluate.py``, ``output/trafilatura.json``), read at run time and
never copied here (``NEWSDESK_SHARED_DATA`` overrides ``<shared>/data``).

Scoring is the benchmark's own: its ``evaluate.py`` is imported from the data folder and its
functions are called as they are (token 4-shingle precision / recall / F1 per page, each
page normalised to the same weight; precision and recall averaged over pages, F1 of the two
averages; "accuracy" = share of pages whose token sequence equals the gold's). No bootstrap.

Systems, each on the same pages in the same run:

- ``newsdesk stored``: the text ``newsdesk ingest page.html`` stores (the shipped reader,
  `newsdesk.ingest.read.read_file`, on the page written to a temporary ``.html`` file; a
  refused page counts as an empty text);
- ``newsdesk body``: that text with every `newsdesk.layout.nonbody_regions` span removed:
  what the summary, facts, quotes, entities and timeline are meant to read;
- ``trafilatura (in-run)``: ``trafilatura.extract(html)`` with its default settings, run in
  this process (the installed version);
- ``trafilatura 2.0.0 (published)``: the benchmark's published output file, scored here.

The pages are split into dev and heldout by a hash of their id, fixed before any output
was looked at (`split_of`: a third held out). Rules were tuned on dev only.

What the non-body pass removes is reported too: every region of the stored text, counted
in tokens, as *outside the gold body* (the 4-shingles it starts are absent from the gold:
captions, credits, links, prompts) or *inside it* (body text lost), per region kind.

And what newsdesk drops while it reads a page: the lines of trafilatura's own text (with
newsdesk's settings) that the stored text no longer has, counted the same way.

Results are printed as a table and written to ``bench/out/extraction.json``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._shared import OUT, SHARED_DATA, data_file  # noqa: E402
from newsdesk.errors import InputError  # noqa: E402
from newsdesk.ingest.clean import decode  # noqa: E402
from newsdesk.ingest.read import Refusal, read_file  # noqa: E402
from newsdesk.layout import Region, nonbody_regions  # noqa: E402
from newsdesk.settings import Settings  # noqa: E402

DATASET = "article_extraction_benchmark"
SPLITS = ("dev", "heldout")
HELDOUT_SHARE = 3  # one page in three is held out
SHINGLE = 4  # the scorer's shingle length (evaluate.string_shingle_matching's default)
JSON = dict[str, Any]


def split_of(page_id: str) -> str:
    """ "heldout" for one page in three, chosen by a hash of its id; "dev" otherwise."""
    digest = hashlib.sha256(f"newsdesk-extraction-split:{page_id}".encode()).digest()
    return "heldout" if digest[0] % HELDOUT_SHARE == 0 else "dev"


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    html: bytes
    gold: str


def dataset_dir() -> Path:
    return SHARED_DATA / DATASET


def load_scorer() -> ModuleType:
    """The benchmark's own ``evaluate.py``, imported from the data folder."""
    path = data_file(DATASET, "evaluate.py")
    spec = importlib.util.spec_from_file_location("article_extraction_evaluate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(split: str = "all") -> list[Page]:
    """The benchmark's pages of one split ("dev", "heldout" or "all"), in id order."""
    truth = json.loads(data_file(DATASET, "ground-truth.json").read_text(encoding="utf-8"))
    html_dir = data_file(DATASET, "html")
    pages = []
    for page_id in sorted(truth):
        if split != "all" and split_of(page_id) != split:
            continue
        html = gzip.decompress((html_dir / f"{page_id}.html.gz").read_bytes())
        pages.append(Page(page_id, html, str(truth[page_id].get("articleBody") or "")))
    return pages


# ---------------------------------------------------------------------------- systems


def newsdesk_stored(pages: Sequence[Page]) -> dict[str, str]:
    """What ``newsdesk ingest page.html`` stores for each page ("" when refused)."""
    settings = Settings()
    texts: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            path = Path(tmp) / "page.html"
            path.write_bytes(page.html)
            items = list(read_file(path, settings))
            texts[page.id] = "" if isinstance(items[0], Refusal) else items[0].text
    return texts


def body_text(text: str, regions: Iterable[Region]) -> str:
    """``text`` with the given regions cut out (each replaced by a line break)."""
    parts: list[str] = []
    at = 0
    for region in sorted(regions, key=lambda r: r.start):
        if region.start > at:
            parts.append(text[at : region.start])
        at = max(at, region.end)
        parts.append("\n")
    parts.append(text[at:])
    return "".join(parts)


def trafilatura_in_run(pages: Sequence[Page]) -> dict[str, str]:
    """``trafilatura.extract`` with default settings on each page."""
    import trafilatura

    return {page.id: trafilatura.extract(page.html) or "" for page in pages}


def trafilatura_published(pages: Sequence[Page]) -> dict[str, str]:
    """The benchmark's published trafilatura 2.0.0 output."""
    data = json.loads(data_file(DATASET, "output", "trafilatura.json").read_text("utf-8"))
    output = data.get("output", data) if isinstance(data, dict) else data
    return {page.id: str((output.get(page.id) or {}).get("articleBody") or "") for page in pages}


# ---------------------------------------------------------------------------- scoring


def score(scorer: ModuleType, pages: Sequence[Page], texts: dict[str, str]) -> JSON:
    """The benchmark's metrics on these pages: F1, precision, recall, accuracy."""
    matches = [scorer.string_shingle_matching(true=p.gold, pred=texts[p.id]) for p in pages]
    metrics: dict[str, float] = scorer.metrics_from_tp_fp_fns(matches)
    accuracy = sum(scorer.get_accuracy(true=p.gold, pred=texts[p.id]) for p in pages)
    result: JSON = {k: round(v, 6) for k, v in metrics.items()}
    result["accuracy"] = round(accuracy / len(pages), 6)
    result["pages"] = len(pages)
    result["empty"] = sum(1 for p in pages if not texts[p.id].strip())
    return result


def per_page_f1(scorer: ModuleType, pages: Sequence[Page], texts: dict[str, str]) -> JSON:
    out: JSON = {}
    for page in pages:
        tp, fp, fn = scorer.string_shingle_matching(true=page.gold, pred=texts[page.id])
        out[page.id] = round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0
    return out


def removed_report(scorer: ModuleType, pages: Sequence[Page], stored: dict[str, str]) -> JSON:
    """Tokens of the non-body regions, per kind: outside the gold body (rightly removed)
    or inside it (body lost). A token is inside when a gold 4-shingle covers it in the
    region's own token sequence (regions under four tokens: the whole sequence occurs in
    the gold's)."""
    outside: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    regions_by_kind: Counter[str] = Counter()
    for page in pages:
        gold_tokens = scorer._tokenize(page.gold)
        gold_shingles = set(scorer._ngrams(page.gold, SHINGLE))
        gold_joined = f" {' '.join(gold_tokens)} "
        text = stored[page.id]
        for region in nonbody_regions(text):
            tokens = scorer._tokenize(text[region.start : region.end])
            if not tokens:
                continue
            regions_by_kind[region.kind] += 1
            covered = _covered(tokens, gold_shingles, gold_joined)
            inside[region.kind] += covered
            outside[region.kind] += len(tokens) - covered
    kinds = sorted(set(outside) | set(inside))
    return {
        kind: {
            "regions": regions_by_kind[kind],
            "tokens_outside_gold": outside[kind],
            "tokens_inside_gold": inside[kind],
        }
        for kind in kinds
    } | {
        "total": {
            "regions": sum(regions_by_kind.values()),
            "tokens_outside_gold": sum(outside.values()),
            "tokens_inside_gold": sum(inside.values()),
        }
    }


def reading_texts(pages: Sequence[Page]) -> dict[str, str]:
    """trafilatura's text with newsdesk's settings, before newsdesk drops any line."""
    from trafilatura import bare_extraction

    from newsdesk.ingest.clean import clean_text
    from newsdesk.ingest.extract import _bare

    texts = {}
    for page in pages:
        try:
            result = _bare(bare_extraction, decode(page.html), None)
        except InputError:
            result = None
        texts[page.id] = clean_text(str(result.text or "")) if result is not None else ""
    return texts


def dropped_report(
    scorer: ModuleType, pages: Sequence[Page], raw: dict[str, str], stored: dict[str, str]
) -> JSON:
    """Tokens of the lines trafilatura gave and newsdesk dropped when it read the page:
    outside the gold body (rightly dropped) or inside it (body lost)."""
    lines = outside = inside = 0
    for page in pages:
        gold_shingles = set(scorer._ngrams(page.gold, SHINGLE))
        gold_joined = f" {' '.join(scorer._tokenize(page.gold))} "
        left = Counter(ln for ln in stored[page.id].split("\n") if ln.strip())
        for line in raw[page.id].split("\n"):
            if not line.strip():
                continue
            if left[line] > 0:
                left[line] -= 1
                continue
            tokens = scorer._tokenize(line)
            covered = _covered(tokens, gold_shingles, gold_joined) if tokens else 0
            lines += 1
            inside += covered
            outside += len(tokens) - covered
    return {"lines": lines, "tokens_outside_gold": outside, "tokens_inside_gold": inside}


def _covered(tokens: list[str], gold_shingles: set[tuple[str, ...]], gold_joined: str) -> int:
    if len(tokens) < SHINGLE:
        return len(tokens) if f" {' '.join(tokens)} " in gold_joined else 0
    hit = [False] * len(tokens)
    for i in range(len(tokens) - SHINGLE + 1):
        if tuple(tokens[i : i + SHINGLE]) in gold_shingles:
            for j in range(i, i + SHINGLE):
                hit[j] = True
    return sum(hit)


# ---------------------------------------------------------------------------- run


def run(split: str = "all", baselines: bool = True, dropped: bool = False) -> JSON:
    """Every system on every split asked for; the figures as one JSON object. With
    ``dropped``, also what newsdesk drops from trafilatura's text as it reads a page."""
    scorer = load_scorer()
    pages = load_pages("all")
    started = time.perf_counter()
    stored = newsdesk_stored(pages)
    body = {p.id: body_text(stored[p.id], nonbody_regions(stored[p.id])) for p in pages}
    newsdesk_seconds = time.perf_counter() - started
    systems: dict[str, dict[str, str]] = {"newsdesk stored": stored, "newsdesk body": body}
    if baselines:
        systems["trafilatura (in-run)"] = trafilatura_in_run(pages)
        systems["trafilatura 2.0.0 (published)"] = trafilatura_published(pages)
    raw = reading_texts(pages) if dropped else None
    splits = list(SPLITS) + ["all"] if split == "all" else [split]
    result: JSON = {"newsdesk_seconds": round(newsdesk_seconds, 1), "splits": {}}
    if baselines:
        import trafilatura

        result["trafilatura_version"] = trafilatura.__version__
    for name in splits:
        chosen = [p for p in pages if name == "all" or split_of(p.id) == name]
        result["splits"][name] = {
            "systems": {name_: score(scorer, chosen, texts) for name_, texts in systems.items()},
            "nonbody_removed": removed_report(scorer, chosen, stored),
        }
        if raw is not None:
            result["splits"][name]["dropped_reading"] = dropped_report(scorer, chosen, raw, stored)
    result["per_page_f1"] = {
        sys_name: per_page_f1(scorer, pages, texts) for sys_name, texts in systems.items()
    }
    result["split_of"] = {p.id: split_of(p.id) for p in pages}
    return result


def print_table(result: JSON, out: Callable[[str], None] = print) -> None:
    for name, split in result["splits"].items():
        first = next(iter(split["systems"].values()))
        out(f"\n{name}: {first['pages']} pages")
        out(f"{'system':<32} {'F1':>6} {'prec':>6} {'recall':>6} {'acc':>6} {'empty':>5}")
        for sys_name, m in split["systems"].items():
            out(
                f"{sys_name:<32} {m['f1']:6.3f} {m['precision']:6.3f} {m['recall']:6.3f} "
                f"{m['accuracy']:6.3f} {m['empty']:5d}"
            )
        if "dropped_reading" in split:
            d = split["dropped_reading"]
            out(
                f"dropped while reading (lines of trafilatura's text): {d['lines']} lines, "
                f"{d['tokens_outside_gold']} tokens outside the gold body, "
                f"{d['tokens_inside_gold']} inside"
            )
        out("non-body regions of the stored text (tokens outside / inside the gold body):")
        for kind, c in split["nonbody_removed"].items():
            out(
                f"  {kind:<12} {c['regions']:5d} regions  {c['tokens_outside_gold']:6d} outside"
                f"  {c['tokens_inside_gold']:6d} inside"
            )
    out(f"\nnewsdesk read all pages in {result['newsdesk_seconds']} s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--json", action="store_true", help="print the JSON result")
    parser.add_argument("--no-baselines", action="store_true", help="newsdesk only")
    args = parser.parse_args(argv)
    result = run(args.split, baselines=not args.no_baselines, dropped=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "extraction.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
