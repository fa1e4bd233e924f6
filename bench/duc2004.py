"""Benchmark: the briefing summary on DUC 2004 Task 2, against the 13 SumRepo systems.

Run from the repository root::

    .venv/bin/python bench/duc2004.py [--limit N] [--no-lexrank] [--ablation]

Data: ``<shared>/data/duc2004_task2/*.jsonl`` where ``<shared>`` is the folder next to the
repository (``../shared``); ``NEWSDESK_SHARED_DATA`` overrides the ``<shared>/data`` folder.
Nothing is copied into the repository.

Scorer. The ``rouge-score`` package (its tokenizer: lowercase, non-alphanumerics to
spaces, Porter stemming of words longer than 3 characters, stopwords kept). Summaries are
truncated to their first 100 whitespace words (ROUGE-1.5.5 ``-l 100``). ROUGE-N recall is
the *model average* of ROUGE-1.5.5 ``-f A``: matched n-gram counts and reference n-gram
counts are summed over the 4 references before dividing (``hits`` per reference = the
package's recall x that reference's n-gram count). The per-reference mean of recalls
("macro") is printed too; the two differ by < 0.1 point.

1. The 13 SumRepo systems scored with this scorer, next to Mackie's ROUGE-1.5.5 averages
   (``sumrepo_rouge_pertopic_mackie.jsonl``), with Spearman's rank correlation.
2. newsdesk (``summarize(docs, words=100, embedder=Embedder())``) and sumy's LexRank fed
   with our sentences (sumy's own tokenizer needs NLTK punkt data, which is not installed)
   and stopped at 100 words, best-rated sentences first.
3. Timing: the whole set end to end (model load included) and one 10-document briefing
   after the load (median over clusters).

Results are printed as a table and written to ``bench/out/duc2004.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from newsdesk.brief.sentences import is_boilerplate, split_sentences  # noqa: E402
from newsdesk.brief.summary import SummaryOptions, summarize  # noqa: E402
from newsdesk.embed import Embedder, SentenceEncoder  # noqa: E402
from newsdesk.model import Document, SummaryItem  # noqa: E402

SHARED_DATA = Path(os.environ.get("NEWSDESK_SHARED_DATA", ROOT.parent / "shared" / "data"))
DATA = SHARED_DATA / "duc2004_task2"
OUT = ROOT / "bench" / "out" / "duc2004.json"
WORDS = 100
SYSTEMS = (
    "Lead LexRank Centroid FreqSum TsSum GreedyKL CLASSY04 CLASSY11 Submodular DPP OCCAMS_V "
    "RegSum ICSISumm"
).split()


@dataclass(frozen=True)
class Cluster:
    id: str
    docs: tuple[Document, ...]
    references: tuple[str, ...]


def load_clusters(limit: int | None = None) -> list[Cluster]:
    """The DUC 2004 clusters as Documents (ids ``<cluster>-D<k>``, source order)."""
    clusters = []
    with open(DATA / "clusters.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            docs = tuple(
                Document(id=f"{row['cluster_id']}-D{d['doc_index']}", text=d["text"])
                for d in row["docs"]
            )
            refs = tuple(r["text"] for r in row["references"])
            clusters.append(Cluster(row["cluster_id"], docs, refs))
    return clusters[:limit] if limit else clusters


def truncate(text: str, words: int = WORDS) -> str:
    """The first ``words`` whitespace-separated words (ROUGE-1.5.5 ``-l``)."""
    return " ".join(text.split()[:words])


class Scorer:
    """ROUGE-1/2 recall with rouge-score, model-averaged over references as ROUGE-1.5.5 -f A."""

    def __init__(self) -> None:
        from rouge_score import rouge_scorer, tokenizers

        self._scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
        self._tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)

    def score(self, summary: str, references: Sequence[str]) -> dict[str, float]:
        """``rouge1``/``rouge2`` (model average) and ``rouge1_macro``/``rouge2_macro``."""
        summary = truncate(summary)
        out: dict[str, float] = {}
        per_ref = [self._scorer.score(ref, summary) for ref in references]
        lengths = [len(self._tokenizer.tokenize(ref)) for ref in references]
        for n, key in ((1, "rouge1"), (2, "rouge2")):
            totals = [max(0, length - n + 1) for length in lengths]
            hits = sum(s[key].recall * t for s, t in zip(per_ref, totals, strict=True))
            out[key] = hits / max(1, sum(totals))
            out[f"{key}_macro"] = statistics.fmean(s[key].recall for s in per_ref)
        return out


def mean_scores(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    """Average of each key over clusters, in percent."""
    return {k: 100 * statistics.fmean(r[k] for r in rows) for k in rows[0]}


def summary_text(items: Sequence[SummaryItem]) -> str:
    return "\n".join(item.text for item in items)


def citations_ok(docs: Sequence[Document], items: Sequence[SummaryItem]) -> bool:
    """Every item's text is the text of its first citation, and all citations are valid."""
    by_id = {d.id: d for d in docs}
    for item in items:
        first = item.citations[0]
        if by_id[first.doc].text_of(first) != item.text:
            return False
        for cite in item.citations:
            by_id[cite.doc].text_of(cite)
    return True


# ---------------------------------------------------------------------------------------------
# sumy LexRank on our sentences


class _Words:
    """A word tokenizer for sumy's Sentence objects (no NLTK data needed)."""

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(re.findall(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?", text))

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return tuple(s.text for s in split_sentences(text))


def lexrank_summary(docs: Sequence[Document], words: int = WORDS) -> str:
    """sumy's LexRank over all sentences, best-rated first, until ``words`` words."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = _Words()
    seen: set[str] = set()
    paragraphs = []
    for doc in docs:
        sentences = []
        for s in split_sentences(doc.text):
            if s.text not in seen and not is_boilerplate(s.text):
                seen.add(s.text)
                sentences.append(SumySentence(s.text, tokenizer))
        paragraphs.append(Paragraph(sentences))
    document = ObjectDocumentModel(paragraphs)
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    sentences = list(document.sentences)
    if not sentences:
        return ""
    # LexRankSummarizer.__call__ keeps only document order; recompute its ratings to rank.
    words_sets = [summarizer._to_words_set(s) for s in sentences]
    matrix = summarizer._create_matrix(
        words_sets,
        summarizer.threshold,
        summarizer._compute_tf(words_sets),
        summarizer._compute_idf(words_sets),
    )
    scores = summarizer.power_method(matrix, summarizer.epsilon)
    order = [
        s
        for _, _, s in sorted(
            zip(scores, range(len(sentences)), sentences, strict=True), key=lambda t: (-t[0], t[1])
        )
    ]
    out: list[str] = []
    count = 0
    for sentence in order:
        if count >= words:
            break
        out.append(str(sentence))
        count += len(str(sentence).split())
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Runs


def score_peers(scorer: Scorer, clusters: Sequence[Cluster]) -> dict[str, dict[str, float]]:
    """Our scores of the SumRepo summaries and Mackie's ROUGE-1.5.5 figures, per system."""
    refs = {c.id: c.references for c in clusters}
    ours: dict[str, list[dict[str, float]]] = {s: [] for s in SYSTEMS}
    with open(DATA / "sumrepo_peer_summaries.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["cluster_id"] in refs:
                ours[row["system"]].append(scorer.score(row["summary"], refs[row["cluster_id"]]))
    mackie: dict[str, list[tuple[float, float]]] = {s: [] for s in SYSTEMS}
    with open(DATA / "sumrepo_rouge_pertopic_mackie.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["cluster_id"] in refs:
                mackie[row["system"]].append((row["rouge1_r"], row["rouge2_r"]))
    table = {}
    for system in SYSTEMS:
        table[system] = mean_scores(ours[system])
        table[system]["mackie_rouge1"] = 100 * statistics.fmean(r[0] for r in mackie[system])
        table[system]["mackie_rouge2"] = 100 * statistics.fmean(r[1] for r in mackie[system])
    return table


def run_system(
    name: str,
    make: Callable[[Cluster], str],
    scorer: Scorer,
    clusters: Sequence[Cluster],
) -> tuple[dict[str, float], list[float]]:
    """Mean scores of one summariser and its per-cluster seconds."""
    rows, seconds = [], []
    for cluster in clusters:
        t0 = time.perf_counter()
        text = make(cluster)
        seconds.append(time.perf_counter() - t0)
        rows.append(scorer.score(text, cluster.references))
    return mean_scores(rows), seconds


def run_newsdesk(
    clusters: Sequence[Cluster],
    scorer: Scorer,
    embedder: SentenceEncoder | None,
    options: SummaryOptions | None = None,
) -> tuple[dict[str, float], list[float], bool]:
    """newsdesk's scores, per-cluster seconds, and whether every citation checked out."""
    ok = True

    def make(cluster: Cluster) -> str:
        nonlocal ok
        items = summarize(cluster.docs, words=WORDS, embedder=embedder, options=options)
        ok = ok and citations_ok(cluster.docs, items)
        return summary_text(items)

    scores, seconds = run_system("newsdesk", make, scorer, clusters)
    return scores, seconds, ok


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(a, b).statistic)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N clusters only")
    parser.add_argument("--no-lexrank", action="store_true", help="skip sumy's LexRank")
    parser.add_argument(
        "--ablation",
        action="store_true",
        help="also run concepts only (no position prior) and MiniLM centrality on",
    )
    args = parser.parse_args(argv)
    if not DATA.exists():
        sys.exit(f"missing {DATA}: the shared evaluation data is not here (NEWSDESK_SHARED_DATA)")

    t_start = time.perf_counter()
    clusters = load_clusters(args.limit)
    scorer = Scorer()
    peers = score_peers(scorer, clusters)
    r1, r2 = (
        spearman([peers[s][key] for s in SYSTEMS], [peers[s][f"mackie_{key}"] for s in SYSTEMS])
        for key in ("rouge1", "rouge2")
    )

    t0 = time.perf_counter()
    embedder = Embedder()
    embedder.encode(["warm-up"])
    load_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours, seconds, ok = run_newsdesk(clusters, scorer, embedder)
    run_seconds = time.perf_counter() - t0
    lexical, _, _ = run_newsdesk(clusters, scorer, None)
    ablation: dict[str, dict[str, float]] = {}
    if args.ablation:
        ablation["concepts only (position=0, lexical)"] = run_newsdesk(
            clusters, scorer, None, SummaryOptions(position=0.0)
        )[0]
        ablation["+ MiniLM centrality (embed_centrality=True)"] = run_newsdesk(
            clusters, scorer, embedder, SummaryOptions(embed_centrality=True)
        )[0]
    lexrank: dict[str, float] | None = None
    lexrank_seconds = 0.0
    if not args.no_lexrank:
        t0 = time.perf_counter()
        lexrank, _ = run_system("LexRank", lambda c: lexrank_summary(c.docs), scorer, clusters)
        lexrank_seconds = time.perf_counter() - t0

    print(f"DUC 2004 Task 2: {len(clusters)} clusters, ROUGE recall x100, 100 words, stemmed")
    print(
        f"{'system':<46}{'R-1':>7}{'R-2':>7}{'R-1 macro':>11}{'R-2 macro':>11}"
        f"{'Mackie R-1':>12}{'Mackie R-2':>12}"
    )
    for system in sorted(SYSTEMS, key=lambda s: peers[s]["mackie_rouge2"]):
        p = peers[system]
        print(
            f"{system:<46}{p['rouge1']:7.2f}{p['rouge2']:7.2f}{p['rouge1_macro']:11.2f}"
            f"{p['rouge2_macro']:11.2f}{p['mackie_rouge1']:12.2f}{p['mackie_rouge2']:12.2f}"
        )
    offset = {
        key: statistics.fmean(peers[s][key] - peers[s][f"mackie_{key}"] for s in SYSTEMS)
        for key in ("rouge1", "rouge2")
    }
    print(
        f"Spearman (ours vs Mackie, 13 systems): R-1 {r1:.3f}, R-2 {r2:.3f}; "
        f"mean offset ours - Mackie: R-1 {offset['rouge1']:+.2f}, R-2 {offset['rouge2']:+.2f}"
    )
    rows = [("newsdesk (MiniLM)", ours), ("newsdesk (lexical only)", lexical)]
    rows += list(ablation.items())
    if lexrank is not None:
        rows.append(("sumy LexRank", lexrank))
    for name, s in rows:
        print(
            f"{name:<46}{s['rouge1']:7.2f}{s['rouge2']:7.2f}{s['rouge1_macro']:11.2f}"
            f"{s['rouge2_macro']:11.2f}"
        )
    best = max(peers[s]["rouge2"] for s in SYSTEMS)
    total = time.perf_counter() - t_start
    median = statistics.median(seconds)
    print(
        f"newsdesk R-2 {ours['rouge2']:.2f} vs best SumRepo {best:.2f} (same scorer); "
        f"citations exact: {ok}"
    )
    print(
        f"timing: model load {load_seconds:.1f} s; newsdesk over {len(clusters)} clusters "
        f"{run_seconds:.1f} s; one 10-document briefing median {median:.2f} s "
        f"(max {max(seconds):.2f} s); LexRank {lexrank_seconds:.1f} s; whole run {total:.1f} s"
    )
    result: dict[str, Any] = {
        "clusters": len(clusters),
        "scorer": "rouge-score 0.1.2, recall, Porter stem, 100 words, model average (-f A)",
        "sumrepo": peers,
        "spearman": {"rouge1": r1, "rouge2": r2},
        "offset_vs_mackie": offset,
        "newsdesk": ours,
        "newsdesk_lexical": lexical,
        "lexrank": lexrank,
        "ablation": ablation,
        "options": repr(SummaryOptions()),
        "tuned_on_duc": "position (1..8 tried, 4 chosen), shortlist (40/60/80), min_words (5..15)",
        "citations_exact": ok,
        "timing": {
            "model_load_s": load_seconds,
            "newsdesk_all_clusters_s": run_seconds,
            "newsdesk_end_to_end_s": load_seconds + run_seconds,
            "briefing_median_s": median,
            "briefing_max_s": max(seconds),
            "lexrank_all_clusters_s": lexrank_seconds,
            "whole_run_s": total,
        },
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
