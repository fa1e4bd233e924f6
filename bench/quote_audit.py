"""Audit: every quote newsdesk finds on many real clusters, with its speaker, for judging.

Run from the repository root::

    .venv/bin/python bench/quote_audit.py [--half tune|check|all] [--clusters ID ...]
        [--sample 150] [--judged FILE]

Clusters: as ``bench/conflict_audit.py`` selects them (`audited`): every DUC 2004 and ECB+
cluster that no crossdoc gold holds out, its first ``MAX_DOCS`` documents, split into a
tuning half and a check half by the SHA-1 of the cluster id (`half_of`). Each document
goes through the annotation stages ``bench/crossdoc.py`` runs through `newsdesk.brief`
(parse, entities, quotes); parses are cached in ``bench/out/quote_parses/`` (by cluster,
checked against the texts), so a rerun after a change to the quote rules only reads
entities and quotes again.

Written: every quote (direct and reported), with its speaker, role, cue, the speaker
mention and the paragraph around it (and the paragraph before), to
``bench/out/quote_audit_<half>.jsonl``; a sample of direct quotes for judging by reading
to ``bench/out/quote_sample_<half>.json``, made once and kept (so a later run judges the
same quotes): ``--sample`` direct quotes by a seeded shuffle plus every direct quote found
without a speaker. Quotes are keyed ``<doc>|<start>-<end>``.

Printed: clusters, documents, quotes (direct / reported), direct quotes with and without a
speaker; with ``--judged`` (a JSON object mapping a quote's key to a verdict: ``right``,
``wrong``, ``missing`` (a person or body named in the text spoke, none given) or ``none``
(rightly no speaker), optionally followed by ``: <cause>``), the counts of the judged
sample; a quote whose speaker differs from the one it had when sampled is counted apart
(``speaker changed: judge again``), to be judged again after a change.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._shared import OUT  # noqa: E402
from bench.conflict_audit import audited  # noqa: E402
from newsdesk.model import Document  # noqa: E402

JSON = dict[str, Any]
CACHE = OUT / "quote_parses"
CONTEXT = 700  # characters of a paragraph written out
SEED = "spk15"


def parses(backend: Any, cluster_id: str, docs: list[Document]) -> list[Any]:
    """The parses of ``docs``, from the cache when it holds exactly these texts."""
    from spacy.tokens import DocBin

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{cluster_id}.spacy"
    if path.exists():
        cached = list(DocBin().from_disk(path).get_docs(backend.nlp.vocab))
        if [p.text for p in cached] == [d.text for d in docs]:
            return cached
    parsed = list(backend.parse([d.text for d in docs]))
    DocBin(store_user_data=False, docs=parsed).to_disk(path)
    return parsed


def paragraph_at(text: str, start: int, end: int) -> tuple[str, str]:
    """The paragraph (line) around a quote and the non-blank one before it; a long
    paragraph (DUC holds a whole article in one) is cut to ``CONTEXT`` characters around
    the quote, most of them before it (where its cue and speaker mostly are)."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = right if right >= 0 else len(text)
    lo, hi = max(left, start - CONTEXT * 2 // 3), min(right, end + CONTEXT // 3)
    paragraph = ("…" if lo > left else "") + text[lo:hi].strip() + ("…" if hi < right else "")
    before = text[:left].rstrip().rsplit("\n", 1)[-1].strip() if left else ""
    return paragraph, before[-CONTEXT:]


def audit_cluster(backend: Any, cid: str, docs: list[Document]) -> list[JSON]:
    from newsdesk.annotate.entities import extract_entities
    from newsdesk.annotate.quotes import extract_quotes

    rows = []
    for doc, parsed in zip(docs, parses(backend, cid, docs), strict=True):
        annotated = Document(id=doc.id, text=doc.text, entities=extract_entities(doc, parsed))
        for q in extract_quotes(annotated, parsed):
            paragraph, before = paragraph_at(doc.text, q.span.start, q.span.end)
            rows.append(
                {
                    "key": f"{doc.id}|{q.span.start}-{q.span.end}",
                    "cluster": cid,
                    "doc": doc.id,
                    "direct": q.direct,
                    "text": q.text,
                    "speaker": q.speaker,
                    "role": q.speaker_role,
                    "mention": doc.text[q.speaker_span.start : q.speaker_span.end]
                    if q.speaker_span
                    else None,
                    "cue": q.cue,
                    "via": list(q.via),
                    "paragraph": paragraph,
                    "before": before,
                }
            )
    return rows


def sample_of(rows: Sequence[JSON], half: str, size: int) -> dict[str, str | None]:
    """``size`` direct quotes by a seeded shuffle, plus every direct quote without a
    speaker, in the order of the rows: key to the speaker given when sampled."""
    direct = [r["key"] for r in rows if r["direct"]]
    shuffled = sorted(direct)
    random.Random(f"{SEED}-{half}").shuffle(shuffled)
    chosen = set(shuffled[:size]) | {r["key"] for r in rows if r["direct"] and not r["speaker"]}
    return {r["key"]: r["speaker"] for r in rows if r["key"] in chosen}


def judged_now(verdict: str, then: str | None, row: JSON | None) -> str:
    """A verdict given to the speaker ``then`` (when sampled), read against the current
    run's row (``None``: the quote is gone); a changed speaker is to be judged again."""
    kind = verdict.split(":", 1)[0].strip()
    if row is None:
        return f"{kind} (quote gone)"
    if row["speaker"] != then:
        return f"{kind} (speaker changed: judge again)"
    return kind


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--half", choices=("tune", "check", "all"), default="tune")
    parser.add_argument("--clusters", nargs="*", default=(), help="only these cluster ids")
    parser.add_argument("--sample", type=int, default=150, help="direct quotes shuffled in")
    parser.add_argument("--judged", type=Path, help="verdicts by quote key (JSON object)")
    parser.add_argument("--out", default="", help="suffix of the output file names")
    args = parser.parse_args(argv)
    from newsdesk.annotate.nlp import SpacyBackend

    backend = SpacyBackend()
    clusters = audited(args.half, args.clusters)
    rows: list[JSON] = []
    for cid, docs in clusters.items():
        rows.extend(audit_cluster(backend, cid, docs))
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"quote_audit_{args.half}{args.out}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    sample_path = OUT / f"quote_sample_{args.half}.json"
    if sample_path.exists():
        sample: dict[str, str | None] = json.loads(sample_path.read_text(encoding="utf-8"))
    else:
        sample = sample_of(rows, args.half, args.sample)
        sample_path.write_text(json.dumps(sample, indent=1) + "\n", encoding="utf-8")
    direct = [r for r in rows if r["direct"]]
    with_speaker = sum(1 for r in direct if r["speaker"])
    documents = sum(len(d) for d in clusters.values())
    print(
        f"{args.half}: {len(clusters)} clusters, {documents} documents, {len(rows)} quotes "
        f"({len(direct)} direct, {len(rows) - len(direct)} reported)"
    )
    print(f"direct with speaker: {with_speaker}, without: {len(direct) - with_speaker}")
    by_key = {r["key"]: r for r in rows}
    print(f"sample: {len(sample)} ({sum(1 for k in sample if k not in by_key)} gone)")
    if args.judged:
        verdicts: dict[str, str] = json.loads(args.judged.read_text(encoding="utf-8"))
        counts = Counter(
            judged_now(verdicts[k], then, by_key.get(k))
            for k, then in sample.items()
            if k in verdicts
        )
        print(f"judged: {sum(counts.values())} of {len(sample)}")
        for verdict, n in sorted(counts.items()):
            print(f"  {n:4d}  {verdict}")
    print(f"details: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
