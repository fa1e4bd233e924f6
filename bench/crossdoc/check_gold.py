"""Check cross-document gold files against the rules of ``bench/crossdoc/PROTOCOL.md``.

Run from the repository root::

    .venv/bin/python bench/crossdoc/check_gold.py [CLUSTER ...]

(no cluster: every gold file). It reads the documents exactly as ``bench/crossdoc.py``
does (``bench._shared.news_texts``) and reports, per cluster:

- a span that is not found, or occurs more than once without an ``occurrence`` (a
  ``not_people`` string only needs to occur: it is scored by its string);
- a span whose document is not one of the cluster's ``documents``;
- a conflict with fewer than two values or claims in fewer than two documents;
- a corroborated fact with fewer than two documents or two spans in one document;
- a quotation mark inside a ``quotes`` or ``not_quotes`` span (the content is stored
  without its marks);
- a quote speaker that is neither a ``people`` name, an ``organisations`` entry nor null;
- a person's name or alias that occurs in none of the documents (as whole words);
- a corroborated fact whose spans overlap claims of two values of one conflict, or
  boilerplate (the scorer would call such a fact false);
- a quotation-mark pair (``"…"``, ``“…”``, ````…''``) whose content overlaps no gold
  ``quotes`` or ``not_quotes`` span (the protocol says quotes are complete), except in a
  file of ``"scope": "claims"`` (the claims batch annotates no quotes);
- in a claims file, a conflict or corroborated fact list that is empty, or quotes or
  people that are not (the batch is about claims).

It prints the problems and exits with status 1 when there are any. It never runs newsdesk.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._shared import news_texts  # noqa: E402
from bench.crossdoc import GOLDS, locate, overlaps  # noqa: E402

JSON = dict[str, Any]
Range = tuple[int, int]


def quote_pairs(text: str) -> list[Range]:
    """Content ranges between quotation marks (````…''``, ``“…”``, straight ``"`` toggling).

    One scan over all marks: an opening mark opens a quotation, a closing mark closes the
    open one, a straight mark does whichever applies. A mark that opens a line while a
    quotation is open starts a new range (the convention of a quotation running over
    several paragraphs, each opened and only the last closed).
    """
    pairs: list[Range] = []
    start: int | None = None
    for m in re.finditer(r"``|''|[\"“”]", text):
        mark, line_start = m.group(), text.rfind("\n", 0, m.start()) + 1
        can_open = mark in ("``", "“", '"')
        at_line_start = not text[line_start : m.start()].strip()
        if start is not None and can_open and (mark != '"' or at_line_start):
            pairs.append((start, m.start()))  # a new paragraph of a running quotation
            start = m.end()
        elif start is None and can_open:
            start = m.end()
        elif start is not None:
            pairs.append((start, m.start()))
            start = None
    if start is not None:
        pairs.append((start, len(text)))
    return pairs


def check(gold: JSON, texts: dict[str, str]) -> list[str]:
    """The problems of one gold file (empty when it follows the protocol)."""
    problems: list[str] = []
    docs = [d["id"] for d in gold["documents"]]

    def where(item: JSON, unique: bool = True) -> Range | None:
        doc, text = item["doc"], item["text"]
        if doc not in docs:
            problems.append(f"span in a document not chosen: {doc}: {text!r}")
            return None
        body = texts[doc]
        starts = [m.start() for m in re.finditer(re.escape(text), body)]
        k = int(item.get("occurrence", 0))
        if not starts or k >= len(starts):
            problems.append(f"span not found in {doc}: {text!r}")
            return None
        if unique and len(starts) > 1 and "occurrence" not in item:
            problems.append(f"span occurs {len(starts)} times in {doc}: {text!r}")
        return starts[k], starts[k] + len(text)

    for c in gold["conflicts"]:
        claim_docs = {s["doc"] for v in c["values"] for s in v["claims"]}
        if len(c["values"]) < 2 or len(claim_docs) < 2 or not all(v["claims"] for v in c["values"]):
            problems.append(f"conflict needs 2 values in 2 documents: {c['attribute']!r}")
        for v in c["values"]:
            for s in v["claims"]:
                where(s)
    for f in gold["corroborated"]:
        fdocs = [s["doc"] for s in f["spans"]]
        if len(set(fdocs)) < 2 or len(set(fdocs)) != len(fdocs):
            problems.append(f"fact needs one span in each of 2+ documents: {f['fact']!r}")
        for s in f["spans"]:
            where(s)
    for s in gold["not_people"]:
        where(s, unique=False)  # scored by its string, never located
    for s in gold.get("boilerplate", []):
        where(s)

    if not problems:
        problems += contradictions(gold, texts)

    names = {p["name"] for p in gold["people"]} | set(gold.get("organisations", []))
    covered: dict[str, list[Range]] = {d: [] for d in docs}
    for key in ("quotes", "not_quotes"):
        for q in gold[key]:
            r = where(q)
            if r:
                covered[q["doc"]].append(r)
            if re.search(r"``|''|[\"“”]", q["text"]):
                problems.append(f"quotation mark inside a {key} span: {q['text']!r}")
            if key == "quotes" and q["speaker"] is not None and q["speaker"] not in names:
                problems.append(f"speaker not in people/organisations: {q['speaker']!r}")
    for p in gold["people"]:
        for form in [p["name"], *p["aliases"]]:
            pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
            if not any(pattern.search(texts[d]) for d in docs):
                problems.append(f"person form in no document: {form!r}")
    if gold.get("scope") == "claims":
        if not gold["conflicts"] or not gold["corroborated"]:
            problems.append("a claims file needs conflicts and corroborated facts")
        if gold["quotes"] or gold["not_quotes"] or gold["people"]:
            problems.append("a claims file annotates no quotes or people")
        return problems
    for d in docs:
        for a, b in quote_pairs(texts[d]):
            if not any(min(b, y) > max(a, x) for x, y in covered[d]):
                problems.append(f"quotation not in quotes/not_quotes: {d}: {texts[d][a:b][:70]!r}")
    return problems


def contradictions(gold: JSON, texts: dict[str, str]) -> list[str]:
    """Gold facts the scorer itself would call false: spans on two values of one conflict
    (kind ``conflict``) or on boilerplate."""
    problems: list[str] = []
    boiler = [locate(texts, b) for b in gold.get("boilerplate", [])]
    for f in gold["corroborated"]:
        spans = [locate(texts, s) for s in f["spans"]]
        for c in gold["conflicts"]:
            if c["kind"] != "conflict":
                continue
            hit = [
                any(overlaps(s, locate(texts, cl)) for s in spans for cl in v["claims"])
                for v in c["values"]
            ]
            if sum(hit) > 1:
                problems.append(f"fact {f['fact']!r} cites two values of {c['attribute']!r}")
        if any(overlaps(s, b) for s in spans for b in boiler):
            problems.append(f"fact {f['fact']!r} cites boilerplate")
    return problems


def main(argv: list[str]) -> int:
    paths = sorted(p for folder in GOLDS.values() for p in folder.glob("*.json"))
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    golds = [g for g in golds if not argv or g["cluster"] in argv]
    texts = news_texts({d["id"] for g in golds for d in g["documents"]})
    bad = 0
    for g in golds:
        for problem in check(g, texts):
            bad += 1
            print(f"{g['cluster']}: {problem}")
    print(f"{len(golds)} gold files checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
