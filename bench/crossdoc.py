"""Benchmark: the cross-document layer on real multi-outlet news, against hand-made gold.

Run from the repository root::

    .venv/bin/python bench/crossdoc.py [--split dev|heldout|all] [--json] [--clusters ID ...]

Gold: ``bench/crossdoc/gold/<cluster>.json``, written by hand under
``bench/crossdoc/PROTOCOL.md`` (which also states every scoring rule used here); the
quote-and-speaker batches ``speakers/``, ``speakers2/`` and ``speakers3/`` (``--gold speakers``,
``--gold speakers2``, ``--gold speakers3``) under its "Speaker batch" sections; the claims
batch ``claims/`` (``--gold claims``: conflicts and corroborated facts only, its quote and
people lists empty) under its "Claims batch (session 14)" section. It holds
document ids and short exact substrings only; the article texts are read at run time from
``<shared>/data/duc2004_task2/clusters.jsonl`` and
``<shared>/data/ecbplus_event_clusters/documents.jsonl`` (``<shared>`` is the folder next to
the repository; ``NEWSDESK_SHARED_DATA`` overrides ``<shared>/data``).

Each cluster's chosen documents become ``newsdesk.Document(id, text)`` and go through
``newsdesk.brief`` as one story; the briefing's contract JSON (``to_dict()``) is scored.

Baseline, run in the same process on the same documents ("lexical + textacy"):

- facts and conflicts: sentences of different documents are paired by word overlap
  (Jaccard of content words, each sentence with its best partner in each other document);
  a pair whose numbers differ is a conflict, a pair with the same numbers (or none, at a
  higher overlap) is a corroborated fact;
- quotes and speakers: textacy ``direct_quotations`` per paragraph on a spaCy parse;
- people: spaCy PERSON entities, one entity per distinct name string;
- title: the first line of the first document when it looks like a headline, else its id.

Results are printed as a table (per cluster, then overall) and written to
``bench/out/crossdoc.json``; ``--json`` prints that JSON instead.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._shared import OUT, news_texts  # noqa: E402
from newsdesk import Document, brief  # noqa: E402

GOLD_DIR = ROOT / "bench" / "crossdoc" / "gold"
# quotes and people only, annotated in a later batch (PROTOCOL.md, "Speaker batch")
SPEAKER_GOLD_DIR = ROOT / "bench" / "crossdoc" / "speakers"
# a second such batch on other clusters (PROTOCOL.md, "Speaker batch 2")
SPEAKER2_GOLD_DIR = ROOT / "bench" / "crossdoc" / "speakers2"
# a third, on ECB+ web articles (PROTOCOL.md, "Speaker batch 3")
SPEAKER3_GOLD_DIR = ROOT / "bench" / "crossdoc" / "speakers3"
# conflicts and corroborated facts only (PROTOCOL.md, "Claims batch (session 14)")
CLAIMS_GOLD_DIR = ROOT / "bench" / "crossdoc" / "claims"
GOLDS = {
    "full": GOLD_DIR,
    "speakers": SPEAKER_GOLD_DIR,
    "speakers2": SPEAKER2_GOLD_DIR,
    "speakers3": SPEAKER3_GOLD_DIR,
    "claims": CLAIMS_GOLD_DIR,
}
SYSTEMS = ("newsdesk", "baseline")
Span = tuple[str, int, int]  # doc id, start, end (end exclusive)
JSON = dict[str, Any]

STOP = frozenset(
    "the a an and or of to in on at for by with from as is was were are be been has have had "
    "that this it its he she they his her their who which said says say not but after before "
    "into than then there also about over more most will would could can may might one".split()
)
NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
NUMBER = re.compile(r"\d+(?:[ ,.]\d{3})*(?:\.\d+)?")
SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?:''|[\"”’])?(?=\s)|\n|$)")
ID_LIKE = re.compile(r"^[\w.\-]+$")


# ---------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Cluster:
    id: str
    split: str
    docs: tuple[Document, ...]
    gold: JSON


def load_clusters(split: str, only: Sequence[str] = (), gold_dir: Path = GOLD_DIR) -> list[Cluster]:
    """The gold clusters of a split (``all`` for every one), with their documents."""
    paths = sorted(gold_dir.glob("*.json"))
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    golds = [
        g for g in golds if split in ("all", g["split"]) and (not only or g["cluster"] in only)
    ]
    texts = news_texts({d["id"] for g in golds for d in g["documents"]})
    return [
        Cluster(
            g["cluster"],
            g["split"],
            tuple(Document(id=d["id"], text=texts[d["id"]]) for d in g["documents"]),
            g,
        )
        for g in golds
    ]


# ---------------------------------------------------------------------------- spans


def locate(texts: dict[str, str], item: JSON) -> Span:
    """A gold span's offsets: the ``occurrence``-th (default first) exact match."""
    text = texts[item["doc"]]
    start = -1
    for _ in range(int(item.get("occurrence", 0)) + 1):
        start = text.find(item["text"], start + 1)
    if start < 0:
        raise ValueError(f"gold span not found in {item['doc']}: {item['text']!r}")
    return item["doc"], start, start + len(item["text"])


def overlaps(a: Span, b: Span) -> bool:
    """Same document and an intersection of at least half the shorter span."""
    if a[0] != b[0]:
        return False
    inter = min(a[2], b[2]) - max(a[1], b[1])
    return inter > 0 and inter * 2 >= min(a[2] - a[1], b[2] - b[1])


def any_overlap(spans: Iterable[Span], golds: Iterable[Span]) -> bool:
    gold_list = list(golds)
    return any(overlaps(s, g) for s in spans for g in gold_list)


def span_of(item: JSON) -> Span:
    return str(item["doc"]), int(item["start"]), int(item["end"])


def norm(name: str) -> str:
    name = re.sub(r"\s+", " ", name.strip().lower())
    return re.sub(r"['’]s$", "", name)


def initials(name: str) -> str:
    """The acronym of a name of two or more capitalised words ("European Union" -> "eu"),
    which stands for it as a speaker; "" otherwise."""
    words = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


# ---------------------------------------------------------------------------- gold


@dataclass
class Gold:
    """A gold file with every span located in its documents."""

    conflicts: list[tuple[str, str, list[list[Span]]]]  # kind, attribute, claims per value
    facts: list[tuple[bool, str, list[Span]]]  # approximate, statement, spans
    quotes: list[tuple[Span, str | None]]
    not_quotes: list[Span]
    people: list[tuple[str, list[str]]]
    not_people: list[str]
    boilerplate: list[Span]
    titles: list[str]
    doc_ids: list[str]


def read_gold(cluster: Cluster) -> Gold:
    texts = {d.id: d.text for d in cluster.docs}
    g = cluster.gold
    return Gold(
        conflicts=[
            (
                c["kind"],
                c["attribute"],
                [[locate(texts, s) for s in v["claims"]] for v in c["values"]],
            )
            for c in g["conflicts"]
        ],
        facts=[
            (bool(f["approximate"]), f["fact"], [locate(texts, s) for s in f["spans"]])
            for f in g["corroborated"]
        ],
        quotes=[(locate(texts, q), q["speaker"]) for q in g["quotes"]],
        not_quotes=[locate(texts, q) for q in g["not_quotes"]],
        people=[(p["name"], list(p["aliases"])) for p in g["people"]],
        not_people=[n["text"] for n in g["not_people"]],
        boilerplate=[locate(texts, b) for b in g.get("boilerplate", [])],
        titles=list(g["titles"]),
        doc_ids=[d.id for d in cluster.docs],
    )


# ---------------------------------------------------------------------------- predictions


@dataclass
class Person:
    name: str
    forms: list[str]
    spans: list[Span]


@dataclass
class Prediction:
    """What is scored, in one shape for newsdesk and the baseline."""

    title: str
    summary: list[tuple[str, list[Span]]]
    facts: list[tuple[str, list[Span]]]  # corroborated facts only
    conflicts: list[tuple[str, list[Span]]]
    quotes: list[tuple[Span, str | None]]
    people: list[Person]


def from_briefing(data: JSON) -> Prediction:
    """The scored parts of a ``newsdesk.briefing/1`` JSON briefing."""
    return Prediction(
        title=str(data["story"]["title"]),
        summary=[(s["text"], [span_of(c) for c in s["citations"]]) for s in data["summary"]],
        facts=[
            (f["text"], [span_of(s) for s in f["sources"]])
            for f in data["facts"]
            if f["agreement"] == "corroborated"
        ],
        conflicts=[(c["about"], [span_of(s) for s in c["claims"]]) for c in data["conflicts"]],
        quotes=[(span_of(q), q["speaker"]) for q in data["quotes"] if q.get("direct", True)],
        people=[
            Person(e["name"], [e["name"], *e["aliases"]], [span_of(s) for s in e["spans"]])
            for e in data["entities"]
            if e["type"] == "PERSON"
        ],
    )


def sentences(doc: Document) -> list[Span]:
    return [(doc.id, m.start(), m.end()) for m in SENTENCE.finditer(doc.text) if m.group().strip()]


def numbers(text: str) -> frozenset[str]:
    found = {re.sub(r"[ ,]", "", m) for m in NUMBER.findall(text)}
    found |= {NUMBER_WORDS[w] for w in WORD.findall(text.lower()) if w in NUMBER_WORDS}
    return frozenset(found)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 2)


def lexical_pairs(
    docs: Sequence[Document], pair_at: float = 0.3, plain_at: float = 0.5
) -> tuple[list[tuple[str, list[Span]]], list[tuple[str, list[Span]]]]:
    """Baseline facts and conflicts: each sentence with its best partner in each other doc."""
    sents = {d.id: [(s, d.text[s[1] : s[2]]) for s in sentences(d)] for d in docs}
    facts: list[tuple[str, list[Span]]] = []
    conflicts: list[tuple[str, list[Span]]] = []
    seen: set[tuple[Span, Span]] = set()
    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            for sa, ta in sents[a.id]:
                wa = content_words(ta)
                best: tuple[float, Span, str] | None = None
                for sb, tb in sents[b.id]:
                    wb = content_words(tb)
                    if wa and wb:
                        jac = len(wa & wb) / len(wa | wb)
                        if best is None or jac > best[0]:
                            best = (jac, sb, tb)
                if best is None or best[0] < pair_at or (sa, best[1]) in seen:
                    continue
                seen.add((sa, best[1]))
                na, nb = numbers(ta), numbers(best[2])
                if na and nb:
                    (facts if na == nb else conflicts).append((ta, [sa, best[1]]))
                elif not na and not nb and best[0] >= plain_at:
                    facts.append((ta, [sa, best[1]]))
    return facts, conflicts


def textacy_quotes(parsed: Any, doc_id: str) -> list[tuple[Span, str | None]]:
    """textacy ``direct_quotations`` per paragraph (as bench/quotes.py runs it)."""
    from textacy.extract.triples import direct_quotations

    out: list[tuple[Span, str | None]] = []
    for m in re.finditer(r"[^\n]+", parsed.text):
        span = parsed.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        try:
            triples = list(direct_quotations(span.as_doc()))
        except ValueError:
            continue
        for t in triples:
            c = t.content
            s, e = c[0].idx + span.start_char, c[-1].idx + len(c[-1]) + span.start_char
            s, e = (s + 1 if c[0].is_quote else s), (e - 1 if c[-1].is_quote else e)
            speaker = " ".join(tok.text for tok in t.speaker) or None
            out.append(((doc_id, s, e), speaker))
    return out


def spacy_people(parsed: Any, doc_id: str, people: dict[str, Person]) -> None:
    for ent in parsed.ents:
        if ent.label_ == "PERSON":
            person = people.setdefault(ent.text, Person(ent.text, [ent.text], []))
            person.spans.append((doc_id, ent.start_char, ent.end_char))


def baseline(docs: Sequence[Document], backend: Any) -> Prediction:
    """The named simple baseline of the module docstring."""
    facts, conflicts = lexical_pairs(docs)
    quotes: list[tuple[Span, str | None]] = []
    people: dict[str, Person] = {}
    for doc, parsed in zip(docs, backend.parse([d.text for d in docs]), strict=True):
        quotes.extend(textacy_quotes(parsed, doc.id))
        spacy_people(parsed, doc.id, people)
    first = docs[0].text.split("\n", 1)[0].strip()
    title = first if len(first.split()) <= 15 and not first.endswith(".") else docs[0].id
    return Prediction(title, [], facts, conflicts, quotes, list(people.values()))


# ---------------------------------------------------------------------------- scoring


@dataclass
class Score:
    """Counts for one system on one or more clusters (summed over clusters)."""

    c: dict[str, int] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)

    def add(self, key: str, n: int = 1) -> None:
        self.c[key] = self.c.get(key, 0) + n

    def merge(self, other: Score) -> None:
        for k, v in other.c.items():
            self.add(k, v)

    def ratio(self, num: str, den: str) -> float | None:
        d = self.c.get(den, 0)
        return round(self.c.get(num, 0) / d, 3) if d else None


def value_docs(spans: Sequence[Span], values: list[list[Span]]) -> list[tuple[int, int, str]]:
    """(cited span index, value index, doc) for every cited span overlapping a claim."""
    return [
        (i, v, s[0])
        for i, s in enumerate(spans)
        for v, claims in enumerate(values)
        if any(overlaps(s, c) for c in claims)
    ]


def finds_conflict(spans: Sequence[Span], values: list[list[Span]]) -> bool:
    """Spans in two different documents overlap claims of two different values."""
    hits = value_docs(spans, values)
    return any(v1 != v2 and d1 != d2 for _, v1, d1 in hits for _, v2, d2 in hits)


def cites_disagreement(spans: Sequence[Span], gold: Gold) -> str | None:
    """The attribute of a gold conflict two distinct cited spans take different sides of."""
    for kind, attribute, values in gold.conflicts:
        if kind != "conflict":
            continue
        hits = value_docs(spans, values)
        if any(i1 != i2 and v1 != v2 for i1, v1, _ in hits for i2, v2, _ in hits):
            return attribute
    return None


def finds_fact(spans: Sequence[Span], fact: list[Span]) -> bool:
    return len({s[0] for s in spans for g in fact if overlaps(s, g)}) >= 2


def score_conflicts(pred: Prediction, gold: Gold, score: Score) -> None:
    real = [(a, v) for k, a, v in gold.conflicts if k == "conflict"]
    neutral = [v for k, _, v in gold.conflicts if k != "conflict"]
    neutral += [[[s] for s in f] for approx, _, f in gold.facts if approx]
    score.add("conflict_gold", len(real))
    found = {a for a, v in real if any(finds_conflict(c, v) for _, c in pred.conflicts)}
    score.add("conflict_found", len(found))
    for attribute, _ in real:
        if attribute not in found:
            score.details.append(f"conflict missed: {attribute}")
    for about, claims in pred.conflicts:
        if any(finds_conflict(claims, v) for _, v in real):
            score.add("conflict_correct")
        elif any(finds_conflict(claims, v) for v in neutral):
            score.add("conflict_neutral")
        else:
            score.add("conflict_wrong")
            score.details.append(f"conflict wrong: {about!r}")


def score_facts(pred: Prediction, gold: Gold, score: Score) -> None:
    score.add("fact_gold", len(gold.facts))
    found = [f for f in gold.facts if any(finds_fact(s, f[2]) for _, s in pred.facts)]
    score.add("fact_found", len(found))
    for f in gold.facts:
        if f not in found:
            score.details.append(f"fact missed: {f[1]}")
    for text, spans in pred.facts:
        score.add("fact_pred")
        bad = cites_disagreement(spans, gold)
        boiler = any_overlap(spans, gold.boilerplate)
        if bad or boiler:
            score.add("fact_false")
            why = f"takes both sides of {bad}" if bad else "cites boilerplate"
            score.details.append(f"corroborated but false ({why}): {text[:80]!r}")
        elif any(finds_fact(spans, f[2]) for f in gold.facts):
            score.add("fact_true")


def score_disagreements(pred: Prediction, gold: Gold, score: Score) -> None:
    for kind, items in (("summary line", pred.summary), ("corroborated fact", pred.facts)):
        for text, spans in items:
            attribute = cites_disagreement(spans, gold)
            if attribute:
                score.add("disagreement_cited")
                score.details.append(f"{kind} cites both sides of {attribute}: {text[:80]!r}")


def person_of(speaker: str, gold: Gold) -> set[str]:
    return {norm(n) for n, a in gold.people if norm(speaker) in {norm(x) for x in [n, *a]}}


def quote_label(span: Span, texts: dict[str, str]) -> str:
    """A gold quote named in a failure line: its document and its first words."""
    doc, start, end = span
    words = " ".join(texts[doc][start:end].split()[:6]) if doc in texts else ""
    return f"[{doc} {words!r}]"


def score_quotes(
    pred: Prediction, gold: Gold, score: Score, texts: dict[str, str] | None = None
) -> None:
    """Quote recall and speaker accuracy over the gold quotes (PROTOCOL.md, "Quotes")."""
    for span, speaker in gold.quotes:
        where = quote_label(span, texts or {})
        score.add("quote_gold")
        matches = [(s, spk) for s, spk in pred.quotes if overlaps(s, span)]
        if not matches:
            continue
        score.add("quote_found")
        got = max(matches, key=lambda m: min(m[0][2], span[2]) - max(m[0][1], span[1]))[1]
        if speaker is None:
            if got:
                score.add("speaker_invented")
                score.details.append(f"speaker invented: {got!r} for unattributed quote {where}")
            continue
        score.add("speaker_scored")
        aliases = {norm(speaker), initials(speaker)} | {
            norm(x) for n, a in gold.people if n == speaker for x in [n, *a]
        }
        if got is None:
            score.add("speaker_missing")
            score.details.append(f"speaker missing (gold {speaker!r}) {where}")
        elif norm(got).replace(".", "") in aliases or norm(got) in aliases:
            score.add("speaker_correct")
        else:
            score.add("speaker_wrong")
            score.details.append(f"speaker wrong: {got!r} for {speaker!r} {where}")
    score.add("not_quote_as_quote", sum(any_overlap([s], gold.not_quotes) for s, _ in pred.quotes))


def occurrences(gold: Gold, texts: dict[str, str], forms: Iterable[str]) -> list[Span]:
    """Where the forms occur as whole names ("Mandela" not inside "Madikizela-Mandela")."""
    spans: list[Span] = []
    for form in forms:
        pattern = re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")
        for doc_id in gold.doc_ids:
            spans += [(doc_id, m.start(), m.end()) for m in pattern.finditer(texts[doc_id])]
    return spans


def person_occurrences(gold: Gold, texts: dict[str, str]) -> list[list[Span]]:
    """Each gold person's occurrences, less those inside a longer name of another person
    (a surname alias "Gomes" inside "Katherine Gomes" is Katherine's)."""
    found = [occurrences(gold, texts, [name, *aliases]) for name, aliases in gold.people]
    out = []
    for i, spans in enumerate(found):
        others = [o for j, other in enumerate(found) if j != i for o in other]
        out.append(
            [
                s
                for s in spans
                if not any(
                    o[0] == s[0] and o[1] <= s[1] and s[2] <= o[2] and o[2] - o[1] > s[2] - s[1]
                    for o in others
                )
            ]
        )
    return out


def score_people(pred: Prediction, gold: Gold, texts: dict[str, str], score: Score) -> None:
    all_forms = {norm(x) for n, a in gold.people for x in [n, *a]}
    for person in pred.people:
        names = [norm(x) for x in person.forms]
        for np in gold.not_people:
            n = norm(np)
            inside = any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", x) for x in names)
            has_person = any(
                re.search(rf"(?<!\w){re.escape(f)}(?!\w)", x) for f in all_forms for x in names
            )
            if n in names or (inside and not has_person):
                score.add("not_person_as_person")
                score.details.append(f"not a person, listed as PERSON: {person.name!r}")
                break
    owners: dict[int, set[str]] = {}
    for (name, _), occ in zip(gold.people, person_occurrences(gold, texts), strict=True):
        score.add("people_gold")
        hit = {i for i, p in enumerate(pred.people) if any_overlap(p.spans, occ)}
        for i in hit:
            owners.setdefault(i, set()).add(name)
        if not hit:
            score.add("people_missed")
        elif len(hit) > 1:
            score.add("people_split")
            forms = sorted({pred.people[i].name for i in hit})
            score.details.append(f"person split: {name!r} into {forms}")
    for i, owned in owners.items():
        if len(owned) > 1:
            score.add("people_merged")
            score.details.append(f"people merged: {sorted(owned)} as {pred.people[i].name!r}")


def score_title(pred: Prediction, gold: Gold, score: Score) -> None:
    title = pred.title.strip()
    id_like = title in gold.doc_ids or bool(ID_LIKE.match(title) and re.search(r"[\d_]", title))
    score.add("title_is_id", int(id_like))
    score.add("title_is_headline", int(title in gold.titles))
    score.add("title_headline_available", int(bool(gold.titles)))
    if id_like:
        score.details.append(f"title is an id: {title!r}")


def score_cluster(pred: Prediction, cluster: Cluster) -> Score:
    gold = read_gold(cluster)
    texts = {d.id: d.text for d in cluster.docs}
    score = Score()
    score_conflicts(pred, gold, score)
    score_facts(pred, gold, score)
    score_disagreements(pred, gold, score)
    score_quotes(pred, gold, score, texts)
    score_people(pred, gold, texts, score)
    score_title(pred, gold, score)
    return score


METRICS: tuple[tuple[str, str, str | None], ...] = (
    # label, numerator, denominator (None: a count)
    ("conflict recall", "conflict_found", "conflict_gold"),
    ("conflict precision", "conflict_correct", "conflict_judged"),
    ("conflicts predicted", "conflict_pred", None),
    ("corroboration recall", "fact_found", "fact_gold"),
    ("corroboration precision", "fact_true", "fact_judged"),
    ("corroboration precision, strict", "fact_true", "fact_pred"),
    ("corroborated facts predicted", "fact_pred", None),
    ("disagreements cited as agreement", "disagreement_cited", None),
    ("quote recall", "quote_found", "quote_gold"),
    ("speaker accuracy", "speaker_correct", "speaker_scored"),
    ("speaker wrong", "speaker_wrong", None),
    ("speaker missing", "speaker_missing", None),
    ("speaker invented (gold: nobody)", "speaker_invented", None),
    ("scare quotes given as quotes", "not_quote_as_quote", None),
    ("not-people listed as PERSON", "not_person_as_person", None),
    ("people split rate", "people_split", "people_gold"),
    ("people split", "people_split", None),
    ("people merged", "people_merged", None),
    ("people missed", "people_missed", None),
    ("titles that are ids", "title_is_id", None),
    ("titles that are a real headline", "title_is_headline", "title_headline_available"),
)


def figures(score: Score) -> dict[str, float | int | None]:
    c = score.c
    c["conflict_judged"] = c.get("conflict_correct", 0) + c.get("conflict_wrong", 0)
    c["conflict_pred"] = c["conflict_judged"] + c.get("conflict_neutral", 0)
    c["fact_judged"] = c.get("fact_true", 0) + c.get("fact_false", 0)
    return {label: (score.ratio(num, den) if den else c.get(num, 0)) for label, num, den in METRICS}


# ---------------------------------------------------------------------------- run


def run(clusters: Sequence[Cluster]) -> JSON:
    from newsdesk.annotate.nlp import SpacyBackend

    backend = SpacyBackend()
    per_cluster: dict[str, dict[str, Score]] = {}
    seconds = {"newsdesk": 0.0, "baseline": 0.0}
    for cluster in clusters:
        t0 = time.perf_counter()
        [briefing] = brief(list(cluster.docs))
        ours = from_briefing(briefing.to_dict())
        t1 = time.perf_counter()
        theirs = baseline(cluster.docs, backend)
        t2 = time.perf_counter()
        seconds["newsdesk"] += t1 - t0
        seconds["baseline"] += t2 - t1
        per_cluster[cluster.id] = {
            "newsdesk": score_cluster(ours, cluster),
            "baseline": score_cluster(theirs, cluster),
        }
    result: JSON = {"clusters": {}, "overall": {}, "seconds": seconds}
    for split in ("dev", "heldout"):
        ids = [c.id for c in clusters if c.split == split]
        if not ids:
            continue
        result["overall"][split] = {}
        for system in SYSTEMS:
            total = Score()
            for cid in ids:
                total.merge(per_cluster[cid][system])
            result["overall"][split][system] = figures(total)
    for cluster in clusters:
        scores = per_cluster[cluster.id]
        entry: JSON = {"split": cluster.split, "documents": [d.id for d in cluster.docs]}
        for system in SYSTEMS:
            entry[system] = figures(scores[system])
        if cluster.split == "dev":  # heldout failures are not listed (PROTOCOL.md)
            entry["newsdesk_failures"] = scores["newsdesk"].details
        result["clusters"][cluster.id] = entry
    return result


def fmt(value: float | int | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


SHORT = (
    ("conf R", "conflict recall"),
    ("conf P", "conflict precision"),
    ("corr R", "corroboration recall"),
    ("corr P", "corroboration precision"),
    ("disagr", "disagreements cited as agreement"),
    ("quote R", "quote recall"),
    ("spk acc", "speaker accuracy"),
    ("notppl", "not-people listed as PERSON"),
    ("split", "people split rate"),
    ("id title", "titles that are ids"),
)


# what the speaker batch annotates: its rows only
SPEAKER_METRICS = frozenset(
    {
        "quote recall",
        "speaker accuracy",
        "speaker wrong",
        "speaker missing",
        "speaker invented (gold: nobody)",
        "scare quotes given as quotes",
    }
)


# what the claims batch annotates: its rows only (its quote and people lists are empty)
CLAIMS_METRICS = frozenset(
    {
        "conflict recall",
        "conflict precision",
        "conflicts predicted",
        "corroboration recall",
        "corroboration precision",
        "corroboration precision, strict",
        "corroborated facts predicted",
        "disagreements cited as agreement",
    }
)


def rows_of(gold: str) -> frozenset[str] | None:
    """The metric labels printed for a gold batch (None: every one)."""
    if gold == "full":
        return None
    return CLAIMS_METRICS if gold == "claims" else SPEAKER_METRICS


def print_table(result: JSON, gold: str = "full") -> None:
    rows = rows_of(gold)
    short = [s for s in SHORT if rows is None or s[1] in rows]
    metrics = [m for m in METRICS if rows is None or m[0] in rows]
    head = f"{'cluster':<14}{'split':<8}" + "".join(f"{s:>9}" for s, _ in short)
    print("newsdesk per cluster")
    print(head)
    for cid, entry in result["clusters"].items():
        row = "".join(f"{fmt(entry['newsdesk'][label]):>9}" for _, label in short)
        print(f"{cid:<14}{entry['split']:<8}{row}")
    for split, systems in result["overall"].items():
        print(
            f"\n{split}: {sum(e['split'] == split for e in result['clusters'].values())} clusters"
        )
        print(f"{'':<36}{'newsdesk':>10}{'baseline':>10}")
        for label, _, _ in metrics:
            ours, theirs = systems["newsdesk"][label], systems["baseline"][label]
            print(f"{label:<36}{fmt(ours):>10}{fmt(theirs):>10}")
    s = result["seconds"]
    print(f"\nseconds: newsdesk {s['newsdesk']:.1f}, baseline {s['baseline']:.1f}")
    print("baseline: lexical sentence pairs (facts/conflicts), textacy (quotes), spaCy (people)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument(
        "--gold",
        choices=tuple(GOLDS),
        default="full",
        help="full: every part of the briefing (gold/); speakers, speakers2, speakers3: the "
        "quote-and-speaker batches (speakers*/), only quote rows are printed; claims: the "
        "conflict-and-corroboration batch (claims/), only conflict, corroboration and "
        "disagreement rows are printed",
    )
    parser.add_argument("--json", action="store_true", help="print the JSON result")
    parser.add_argument("--clusters", nargs="*", default=(), help="only these cluster ids")
    parser.add_argument(
        "--failures", action="store_true", help="list newsdesk's failures (dev clusters only)"
    )
    args = parser.parse_args(argv)
    clusters = load_clusters(args.split, args.clusters, GOLDS[args.gold])
    if not clusters:
        sys.exit("no gold clusters for that selection")
    result = run(clusters)
    OUT.mkdir(parents=True, exist_ok=True)
    name = "crossdoc.json" if args.gold == "full" else f"crossdoc_{args.gold}.json"
    (OUT / name).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print_table(result, args.gold)
    if args.failures:
        for cid, entry in result["clusters"].items():
            for line in entry.get("newsdesk_failures", []):
                print(f"{cid}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
