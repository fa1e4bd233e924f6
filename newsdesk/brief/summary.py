"""The briefing summary: the sentences most sources report, once each, with their citations.

Method (one function per step):

1. **Candidates** (`_units`). Every sentence of every document (`split_sentences`) that is
   not boilerplate (`is_boilerplate`); a wire dateline or a leading connective ("But",
   "Meanwhile,") is trimmed off (`lead_trim`). Summary candidates also need
   `SummaryOptions.min_words` words, are not the document's headline
   (`newsdesk.layout.headline`), and a sentence repeated word for word (a wire re-send)
   is a candidate once.
2. **Concepts** (`_concept_weights`; Gillick & Favre's ICSI summariser): stemmed word
   bigrams, bigrams of two stopwords dropped, each weighted by the number of distinct
   documents that contain it; only bigrams shared by `SummaryOptions.min_share` of the
   documents (and at least two) count: the cross-document support. A summary scores the
   total weight of the concepts it covers, each counted once, so covering one fact twice
   earns nothing.
3. **Selection** (`_select`): an integer linear programme (``scipy.optimize.milp``)
   maximises concept score + a per-word position prior (news puts the main facts first)
   under the word cap. Two sentences that say the same thing (`_same`) may not both be
   chosen: the MMR redundancy rule as a hard constraint, added up front for bigram
   overlap and lazily (re-solve) for embedding cosine. If the solver fails, a budgeted
   greedy takes over (gain per word, or the best single sentence if that is better: the
   (1 - 1/e)/2 guarantee of Khuller, Moss & Naor).
4. **Order** (`_order_key`): by publication date where known (dated documents first),
   within a document by position; lines from undated documents follow, the line most
   documents state first (what happened before the details), then source order.
5. **Citations** (`_corroboration`): the first citation is the exact span the text was
   taken from; then, for each other document, the sentence that best says the same thing
   (bigram Dice >= `SummaryOptions.same_dice`, or embedding cosine + Dice >=
   `SummaryOptions.same`), and whose numbers, days, people and places do not contradict
   it or each other (`newsdesk.brief.values.agree`). Documents with identical text do not
   corroborate.

Only if no whole sentence fits the cap is one sentence cut at a word boundary; its
citation then covers exactly the kept words. MiniLM centrality as a selection feature is
available (`SummaryOptions.embed_centrality`) but off: on DUC 2004 it did not raise ROUGE
and costs an embedding per sentence (see bench/duc2004.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

from newsdesk.brief.conflicts import parse_of
from newsdesk.brief.sentences import (
    STOPWORDS,
    Concept,
    concepts,
    dice,
    is_boilerplate,
    lead_trim,
    split_sentences,
    stem,
    tokens,
    word_count,
)
from newsdesk.brief.values import DocumentValues, Values, agree
from newsdesk.embed import SentenceEncoder
from newsdesk.layout import headline_end
from newsdesk.model import Document, Span, SummaryItem

__all__ = ["SummaryOptions", "summarize"]

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """The knobs of `summarize`; defaults chosen on DUC 2004 (bench/duc2004.py)."""

    #: shortest summary sentence, in words
    min_words: int = 8
    #: a bigram is a concept when this share of the distinct documents contains it (at
    #: least 2 documents; 3 of 10 as in ICSI; any bigram when there is one document)
    min_share: float = 0.3
    #: weight of the position prior against the concept score (0 = concepts only)
    position: float = 4.0
    #: the position prior of the k-th usable sentence of a document is (1 + k) ** -decay
    decay: float = 0.5
    #: two sentences say the same thing when the Dice overlap of their stemmed-bigram sets
    #: reaches ``same_dice``, or their embedding cosine plus that Dice reaches ``same``
    #: (MiniLM: 0.88 + 0.21 is a paraphrase, 0.79 + 0.06 only shares the topic)
    same_dice: float = 0.5
    same: float = 0.9
    #: a corroborating sentence shares this share of content words with the summary one
    overlap: float = 0.3
    #: ... and is among the best this many of its document by that share
    per_doc: int = 2
    #: multiply the position prior by MiniLM centrality (embeds every candidate: slower)
    embed_centrality: bool = False
    #: the ILP sees only this many sentences: those worth most per word on their own
    shortlist: int = 40
    #: relative optimality gap and time limit (s) of the ILP solver
    gap: float = 0.01
    time_limit: float = 2.0


# ---------------------------------------------------------------------------------------------
# Candidates and concept weights


@dataclass(frozen=True, slots=True)
class _Unit:
    """A usable sentence of document ``doc`` (``start:end`` after the lead trim)."""

    doc: int
    position: int
    start: int
    end: int
    text: str
    words: int
    bigrams: frozenset[Concept]
    content: frozenset[str]
    candidate: bool
    values: Values  # what a citation must agree with (`newsdesk.brief.values`)


# A sentence that opens with a personal pronoun needs the sentence before it; out of
# context (as a summary line) it names nobody.
_DANGLING = re.compile(r"^(he|she|they|it|his|her|their|its|him|them)\b", re.IGNORECASE)


def _units(docs: Sequence[Document], opts: SummaryOptions) -> list[list[_Unit]]:
    """The usable sentences of each document, in order; ``candidate`` marks summary material."""
    seen: set[str] = set()
    out: list[list[_Unit]] = []
    # What happened is told by the reporting; opinion pieces count towards what matters
    # (their concepts) but are not quoted as fact, unless the story has nothing else.
    reporting = any(doc.genre != "opinion" for doc in docs)
    for d, doc in enumerate(docs):
        units: list[_Unit] = []
        citable = not (reporting and doc.genre == "opinion")
        values = DocumentValues(doc, parse_of(doc))
        title_end = headline_end(doc.text)
        for sentence in split_sentences(doc.text):
            if is_boilerplate(sentence.text):
                continue
            told = sentence.start >= title_end
            cut = lead_trim(sentence.text)
            text = sentence.text[cut:]
            words = tokens(text)
            key = " ".join(words)
            fresh = key not in seen
            seen.add(key)
            count = word_count(text)
            content = frozenset(stem(w) for w in words if w not in STOPWORDS)
            units.append(
                _Unit(
                    d,
                    len(units),
                    sentence.start + cut,
                    sentence.end,
                    text,
                    count,
                    concepts(text),
                    content,
                    citable
                    and told
                    and fresh
                    and count >= opts.min_words
                    and not _DANGLING.match(text),
                    values.within(sentence.start + cut, sentence.end),
                )
            )
        out.append(units)
    return out


def _concept_weights(
    docs: Sequence[Document], units: list[list[_Unit]], opts: SummaryOptions
) -> dict[Concept, float]:
    """Document frequency of each bigram over distinct texts, pruned below the floor."""
    df: dict[Concept, int] = {}
    texts: set[str] = set()
    for doc, doc_units in zip(docs, units, strict=True):
        if doc.hash in texts:
            continue
        texts.add(doc.hash)
        for concept in frozenset().union(*(u.bigrams for u in doc_units)):
            df[concept] = df.get(concept, 0) + 1
    floor = min(len(texts), max(2, math.ceil(opts.min_share * len(texts) - 1e-9)))
    return {c: float(n) for c, n in df.items() if n >= floor}


# ---------------------------------------------------------------------------------------------
# Similarity and the per-word prior


class _Vectors:
    """Embeddings of units, computed on demand: each text at most once (a sentence that
    several documents repeat word for word is embedded once)."""

    def __init__(self, embedder: SentenceEncoder | None, units: Sequence[_Unit]) -> None:
        self.embedder = embedder
        self.units = units
        self.rows: dict[int, npt.NDArray[np.float32]] = {}
        self.by_text: dict[str, npt.NDArray[np.float32]] = {}

    def need(self, ids: Sequence[int]) -> None:
        missing = [i for i in dict.fromkeys(ids) if i not in self.rows]
        if self.embedder is None or not missing:
            return
        texts = list(dict.fromkeys(self.units[i].text for i in missing))
        texts = [t for t in texts if t not in self.by_text]
        if texts:
            self.by_text.update(zip(texts, self.embedder.encode(texts), strict=True))
        self.rows.update((i, self.by_text[self.units[i].text]) for i in missing)

    def cosine(self, a: int, b: int) -> float | None:
        if self.embedder is None:
            return None
        self.need([a, b])
        return float(self.rows[a] @ self.rows[b])


def _same(a: _Unit, b: _Unit, cosine: float | None, opts: SummaryOptions) -> bool:
    """Whether two sentences say the same thing: bigram Dice alone, or cosine + Dice."""
    overlap = dice(a.bigrams, b.bigrams)
    return overlap >= opts.same_dice or (cosine is not None and cosine + overlap >= opts.same)


def _prior(
    pool: Sequence[int], flat: Sequence[_Unit], vectors: _Vectors, opts: SummaryOptions
) -> Floats:
    """Per-word prior in [0, 1]: position, times MiniLM centrality if enabled."""
    prior = np.array([(1.0 + flat[i].position) ** -opts.decay for i in pool])
    if opts.embed_centrality and vectors.embedder is not None and len(pool) > 1:
        vectors.need(pool)
        matrix = np.stack([vectors.rows[i] for i in pool]).astype(np.float64)
        centroid = matrix.mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
        prior = prior * np.clip(matrix @ centroid, 0.0, 1.0)
    return prior


# ---------------------------------------------------------------------------------------------
# Selection


@dataclass(frozen=True, slots=True)
class _Candidates:
    """What selection chooses from: the candidate sentences (``pool``: ids into ``flat``;
    a candidate is named by its position in ``pool``), the concept weights, each
    candidate's position gain and the word budget."""

    pool: Sequence[int]
    flat: Sequence[_Unit]
    weights: dict[Concept, float]
    gains: Floats
    budget: int

    def unit(self, j: int) -> _Unit:
        """Candidate ``j``'s sentence."""
        return self.flat[self.pool[j]]

    def worth(self, j: int) -> float:
        """Candidate ``j``'s score on its own: its concepts' weight and its position gain."""
        return sum(self.weights.get(c, 0.0) for c in self.unit(j).bigrams) + float(self.gains[j])

    def density(self, j: int) -> float:
        """Candidate ``j``'s worth per word."""
        return self.worth(j) / self.unit(j).words


def _select(candidates: _Candidates, vectors: _Vectors, opts: SummaryOptions) -> list[int]:
    """Unit ids of the chosen sentences (total words <= ``budget``)."""
    pool = candidates.pool
    fits = [j for j in range(len(pool)) if candidates.unit(j).words <= candidates.budget]
    if not fits:
        return []
    if len(fits) > opts.shortlist:  # keep the sentences worth most per word on their own
        fits = sorted(sorted(fits, key=lambda j: -candidates.density(j))[: opts.shortlist])
    pairs = [
        (a, b)
        for x, a in enumerate(fits)
        for b in fits[x + 1 :]
        if _same(candidates.unit(a), candidates.unit(b), None, opts)
    ]
    for _ in range(10):  # add embedding-redundant pairs lazily, then re-solve
        chosen = _solve(candidates, fits, pairs, opts)
        ids = [pool[j] for j in chosen]
        vectors.need(ids)
        extra = [
            (a, b)
            for x, a in enumerate(chosen)
            for b in chosen[x + 1 :]
            if _same(candidates.unit(a), candidates.unit(b), vectors.cosine(pool[a], pool[b]), opts)
        ]
        if not extra:
            return ids
        pairs.extend(extra)
    return ids


def _solve(
    candidates: _Candidates, fits: list[int], pairs: list[tuple[int, int]], opts: SummaryOptions
) -> list[int]:
    """The ILP (or the greedy fallback): positions in ``pool`` of the chosen sentences."""
    weights = candidates.weights
    index: dict[Concept, int] = {}
    members: list[list[int]] = []
    for x, j in enumerate(fits):
        for c in sorted(candidates.unit(j).bigrams):  # a fixed order: str hashes vary per run
            if c in weights:
                if c not in index:
                    index[c] = len(members)
                    members.append([])
                members[index[c]].append(x)
    n, m = len(fits), len(members)
    rows: list[int] = [0] * n
    cols: list[int] = list(range(n))
    vals: list[float] = [float(candidates.unit(j).words) for j in fits]
    lower: list[float] = [0.0]
    upper: list[float] = [float(candidates.budget)]
    for k, xs in enumerate(members):  # a concept counts only if a chosen sentence has it
        r = len(lower)
        rows += [r] * (len(xs) + 1)
        cols += [n + k, *xs]
        vals += [1.0] + [-1.0] * len(xs)
        lower.append(-np.inf)
        upper.append(0.0)
    position = {j: x for x, j in enumerate(fits)}
    for a, b in pairs:  # not both of two sentences that say the same thing
        r = len(lower)
        rows += [r, r]
        cols += [position[a], position[b]]
        vals += [1.0, 1.0]
        lower.append(-np.inf)
        upper.append(1.0)
    concept_w = np.zeros(m)
    for c, k in index.items():
        concept_w[k] = weights[c]
    objective = -np.concatenate([candidates.gains[fits], concept_w])
    matrix = coo_array((vals, (rows, cols)), shape=(len(lower), n + m)).tocsr()
    result = milp(
        objective,
        constraints=LinearConstraint(matrix, lower, upper),
        integrality=np.ones(n + m),
        bounds=Bounds(0, 1),
        options={"time_limit": opts.time_limit, "mip_rel_gap": opts.gap},
    )
    if result.x is not None:
        return [fits[x] for x in range(n) if result.x[x] > 0.5]
    return _greedy(candidates, fits, pairs)


def _greedy(candidates: _Candidates, fits: list[int], pairs: list[tuple[int, int]]) -> list[int]:
    """Budgeted greedy on gain per word, or the best single sentence if that scores more."""
    blocked = {(a, b) for a, b in pairs} | {(b, a) for a, b in pairs}

    def gain(j: int, covered: set[Concept]) -> float:
        new = candidates.unit(j).bigrams - covered
        return sum(candidates.weights.get(c, 0.0) for c in new) + float(candidates.gains[j])

    chosen: list[int] = []
    covered: set[Concept] = set()
    used, total = 0, 0.0
    while True:
        options = [
            j
            for j in fits
            if j not in chosen
            and used + candidates.unit(j).words <= candidates.budget
            and not any((j, k) in blocked for k in chosen)
        ]
        if not options:
            break
        best = max(options, key=lambda j: gain(j, covered) / candidates.unit(j).words)
        if gain(best, covered) <= 0:
            break
        total += gain(best, covered)
        chosen.append(best)
        covered |= candidates.unit(best).bigrams
        used += candidates.unit(best).words
    single = max(fits, key=lambda j: gain(j, set()))
    return [single] if gain(single, set()) > total else chosen


# ---------------------------------------------------------------------------------------------
# Output


def _order_key(docs: Sequence[Document]) -> list[tuple[int, float, int]]:
    """Sort key of each document: dated ones first by date, then source order."""
    keys = []
    for d, doc in enumerate(docs):
        try:
            when = datetime.fromisoformat((doc.published or "").strip())
        except ValueError:
            keys.append((1, 0.0, d))
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        keys.append((0, when.timestamp(), d))
    return keys


def _cut(unit: _Unit, budget: int) -> _Unit:
    """The first ``budget`` words of ``unit`` (for a sentence longer than the whole cap)."""
    ends = [m.end() for m in re.finditer(r"\S+", unit.text)][:budget]
    text = unit.text[: ends[-1]]
    # its values stay the whole sentence's: what it cites must agree with all it said
    return replace(
        unit, end=unit.start + len(text), text=text, words=word_count(text), bigrams=concepts(text)
    )


def _shortlist(
    unit: _Unit, flat: Sequence[_Unit], docs: Sequence[Document], opts: SummaryOptions
) -> dict[int, list[int]]:
    """Per other document, the sentences that may say the same as ``unit``.

    A sentence qualifies when it shares at least 2 content words with ``unit`` and at least
    `SummaryOptions.overlap` of the content words of the shorter of the two (paraphrases of
    one fact share its names and numbers); the best `SummaryOptions.per_doc` of each
    document are kept, less those whose values contradict ``unit``'s (`values.agree`:
    they can never corroborate it, so they are not embedded).
    Documents with the same text as ``unit``'s (re-sends) are left out.
    """
    own = docs[unit.doc].hash
    by_doc: dict[int, list[tuple[float, int]]] = {}
    for i, other in enumerate(flat):
        if other.doc == unit.doc or docs[other.doc].hash == own:
            continue
        shared = len(unit.content & other.content)
        ratio = shared / max(1, min(len(unit.content), len(other.content)))
        if shared >= 2 and ratio >= opts.overlap:
            by_doc.setdefault(other.doc, []).append((-ratio, i))
    shortlist: dict[int, list[int]] = {}
    for d, found in sorted(by_doc.items()):
        ids = [i for _, i in sorted(found)[: opts.per_doc]]
        if agreeing := [i for i in ids if agree(unit.values, flat[i].values)]:
            shortlist[d] = agreeing
    return shortlist


def _corroboration(
    uid: int,
    unit: _Unit,
    shortlist: dict[int, list[int]],
    flat: Sequence[_Unit],
    docs: Sequence[Document],
    vectors: _Vectors,
    opts: SummaryOptions,
) -> list[Span]:
    """For each other document, its sentence that best says the same as ``unit``, if any,
    surest first, each kept only if its values agree with every one kept before
    (two citations that agree with the line may still disagree with each other: "on
    Tuesday" and "on Friday" for a line that names no day)."""
    found: list[tuple[float, int, int]] = []
    for d, ids in shortlist.items():
        best: tuple[float, int] | None = None
        for i in ids:
            cosine = vectors.cosine(uid, i)
            if _same(unit, flat[i], cosine, opts):  # the shortlist holds only values that agree
                score = (cosine or 0.0) + dice(unit.bigrams, flat[i].bigrams)
                if best is None or score > best[0]:
                    best = (score, i)
        if best is not None:
            found.append((best[0], d, best[1]))
    kept: list[int] = []
    for _, _, i in sorted(found, key=lambda f: (-f[0], f[1])):
        if all(agree(flat[i].values, flat[k].values) for k in kept):
            kept.append(i)
    return [
        docs[flat[i].doc].span(flat[i].start, flat[i].end)
        for i in sorted(kept, key=lambda i: flat[i].doc)
    ]


def summarize(
    docs: Sequence[Document],
    words: int = 120,
    embedder: SentenceEncoder | None = None,
    options: SummaryOptions | None = None,
) -> tuple[SummaryItem, ...]:
    """An extractive summary of ``docs`` in at most ``words`` words, every sentence cited.

    ``embedder`` (an `Embedder`, or any `SentenceEncoder`) adds semantic matching for
    redundancy and corroboration; without one, both are judged on bigram overlap.
    """
    opts = options or SummaryOptions()
    if not docs or words <= 0:
        return ()
    units = _units(docs, opts)
    flat = [u for doc_units in units for u in doc_units]
    pool = [i for i, u in enumerate(flat) if u.candidate] or list(range(len(flat)))
    if not pool:
        return ()
    vectors = _Vectors(embedder, flat)
    weights = _concept_weights(docs, units, opts)
    prior = _prior(pool, flat, vectors, opts)
    # With position = 1, a summary of first sentences earns a tenth of all concept weight.
    scale = opts.position * sum(weights.values()) / (10.0 * words)
    gains = np.array([p * flat[i].words * scale for p, i in zip(prior, pool, strict=True)])
    candidates = _Candidates(pool, flat, weights, gains, words)
    chosen = _select(candidates, vectors, opts)
    picked = [(i, flat[i]) for i in chosen]
    if not picked:  # no whole sentence fits: cut the best one at a word boundary
        j = max(range(len(pool)), key=candidates.worth)
        picked = [(pool[j], _cut(flat[pool[j]], words))]
    keys = _order_key(docs)
    picked.sort(key=lambda p: (keys[p[1].doc], p[1].position))
    shortlists = [_shortlist(unit, flat, docs, opts) for _, unit in picked]
    vectors.need(
        [
            i
            for (uid, _), short in zip(picked, shortlists, strict=True)
            for i in (uid, *(i for ids in short.values() for i in ids))
        ]
    )
    items = []
    for (uid, unit), short in zip(picked, shortlists, strict=True):
        first = docs[unit.doc].span(unit.start, unit.end)
        others = _corroboration(uid, unit, short, flat, docs, vectors, opts)
        items.append(SummaryItem(docs[unit.doc].text_of(first), (first, *others)))
    dated: list[SummaryItem] = []
    undated: list[SummaryItem] = []
    for item, (_, unit) in zip(items, picked, strict=True):
        (undated if keys[unit.doc][0] else dated).append(item)
    # the line most documents state first (sorted() keeps source order in ties)
    return (*dated, *sorted(undated, key=lambda item: -len(item.citations)))
