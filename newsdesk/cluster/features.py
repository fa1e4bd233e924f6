"""Per-document features for story clustering, and the similarity between them.

A document is described by three *views*, each an L2-normalised vector:

``dense``
    a MiniLM embedding (any `SentenceEncoder`) of the title and lead (first three
    sentences; MiniLM reads at most 256 word pieces anyway). It says what *kind* of event
    the document reports.
``terms``
    TF-IDF over lowercased content words of the whole text (sublinear tf, stop words
    removed). Document frequencies are counted as documents arrive (`Vocabulary`), so
    the features can be computed one document at a time.
``names``
    TF-IDF over the names and numbers of the document: entity names (from
    ``Document.entities`` when present, else from a spaCy parse's ``ents`` when given,
    else capitalised-token runs), each name also split into its words (so "Reid" meets
    "Tara Reid"), and the numbers and years in the text ("33", "2.6"). This view is what
    separates look-alike events: two ferry groundings in the same strait share their
    vocabulary and their embedding but not their ship, captain or death toll.

The similarity of a document to a story is the weighted mean of the three per-view dot
products between the document's vector and the story *centroid* (the unnormalised mean of
its members' vectors). With unit vectors, this equals the average pairwise similarity
between the document and the story's members, so the online clusterer (centroids) and the
batch clusterer (average linkage) optimise the same quantity.

Weights: two questions with one vote each. *What happened* is asked by the two content
views (dense and terms, a quarter each); *who, where and how many* by the names view (a
half). Equal thirds were tried first; on the odd ECB+ topics (the tuning half) halves for
names did better (B-cubed F1 0.911 vs 0.904), see ``bench/stories.py``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from newsdesk.embed import SentenceEncoder
from newsdesk.lang.en.calendar import WEEKDAYS
from newsdesk.lang.en.stop_words import NEWS_FILLER, STOP_WORDS
from newsdesk.lang.en.titles import ABBREVIATIONS, HONORIFICS, TITLE_WORDS
from newsdesk.model import Document
from newsdesk.sentences import split_sentences as sentence_records

__all__ = [
    "EQUAL",
    "DocFeatures",
    "DocumentFrequencies",
    "FeatureExtractor",
    "Vocabulary",
    "Weights",
    "lead_text",
    "name_keys",
    "similarity",
    "similarity_matrix",
    "split_sentences",
    "term_counts",
    "tfidf_vector",
]

Vector = npt.NDArray[np.float32]
Sparse = dict[str, float]

LEAD_SENTENCES = 3
_NOT_TERMS = STOP_WORDS | NEWS_FILLER
MAX_TERMS = 12  # index keys per document: its top TF-IDF terms (names are all indexed)

# Capitalised words that are not names when they open a sentence or stand alone.
_NOT_NAMES = (
    STOP_WORDS
    | HONORIFICS
    | TITLE_WORDS
    | frozenset(ABBREVIATIONS)
    | frozenset(WEEKDAYS)
    | frozenset(
        """today yesterday tomorrow however meanwhile but police officials authorities update
        breaking""".split()
    )
)
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
_CAP_RUN = re.compile(r"(?:[A-Z][\w'’.-]*(?:\s+(?:of|de|van|von|al|bin)?\s*(?=[A-Z]))?)+")
_NUMBER = re.compile(r"\d+(?:[.,]\s?\d+)*")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (the one splitter, `newsdesk.sentences`)."""
    return [s.text for s in sentence_records(text)]


def lead_text(doc: Document, sentences: int = LEAD_SENTENCES) -> str:
    """Title (if any) and the first ``sentences`` sentences of the text."""
    parts = split_sentences(doc.text)
    lead = " ".join(parts[:sentences])
    if doc.title and not lead.startswith(doc.title.strip()):
        return f"{doc.title.strip()}. {lead}"
    return lead


def term_counts(text: str) -> Counter[str]:
    """Content words of ``text`` (lowercased, stop words and 1-letter words removed)."""
    return Counter(
        w.strip("'-") for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _NOT_TERMS
    )


def _numbers(text: str) -> list[str]:
    """Numbers as written, with detokenisation gaps closed ("2. 6" → "2.6", "1,200" → "1200")."""
    found = []
    for match in _NUMBER.finditer(text):
        raw = re.sub(r"\s", "", match.group()).replace(",", "")
        found.append("#" + raw.rstrip("."))
    return found


def _capitalised_names(text: str) -> list[str]:
    """Runs of capitalised words, minus sentence openers and stop-listed words."""
    names = []
    for match in _CAP_RUN.finditer(text):
        words = [w.strip(".'’-") for w in match.group().split()]
        while words and words[0].casefold() in _NOT_NAMES:
            words = words[1:]
        if words and not (len(words) == 1 and words[0].casefold() in _NOT_NAMES):
            names.append(" ".join(words))
    return names


def name_keys(doc: Document, parse: Any = None) -> Counter[str]:
    """Name and number keys of ``doc``: each full name, each of its words, each number.

    Names come from ``doc.entities`` when the document has them, else from the ``ents`` of
    a spaCy parse (``parse`` or ``doc.parse``) when one is given, else from runs of
    capitalised words.
    """
    parsed = parse if parse is not None else doc.parse
    names: list[str]
    if doc.entities:
        names = [m.text for e in doc.entities for m in e.mentions] or [e.name for e in doc.entities]
    elif parsed is not None:
        names = [e.text for e in parsed.ents if e.label_ not in {"CARDINAL", "ORDINAL"}]
    else:
        names = _capitalised_names(doc.text)
    keys: Counter[str] = Counter()
    for name in names:
        words = [w for w in re.findall(r"[\w'’-]+", name.casefold()) if w not in STOP_WORDS]
        if not words:
            continue
        if len(words) > 1:
            keys["@" + " ".join(words)] += 1
        keys.update("@" + w for w in words if not w.isdigit())
    keys.update(_numbers(doc.text))
    return keys


@dataclass(slots=True)
class Vocabulary:
    """Running document frequencies (one count per document per key) for IDF weights."""

    documents: int = 0
    df: Counter[str] = field(default_factory=Counter)

    def add(self, keys: Iterable[str]) -> None:
        """Count one more document holding ``keys``."""
        self.documents += 1
        self.df.update(set(keys))

    def frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        """The document frequency of each of ``keys`` that some document holds."""
        return {k: self.df[k] for k in keys if k in self.df}


class DocumentFrequencies(Protocol):
    """What `FeatureExtractor` needs of a vocabulary (in memory, or in the store)."""

    @property
    def documents(self) -> int:
        """How many documents were counted."""
        ...

    def add(self, keys: Iterable[str]) -> None: ...

    def frequencies(self, keys: Iterable[str]) -> dict[str, int]: ...


def tfidf_vector(counts: Mapping[str, int], documents: int, df: Mapping[str, int]) -> Sparse:
    """L2-normalised sublinear TF-IDF of ``counts``, with smoothed IDF (scikit-learn's
    ``smooth_idf``) over ``documents`` documents and the document frequencies ``df``."""
    vec = {
        k: (1.0 + math.log(c)) * (math.log((1 + documents) / (1 + df.get(k, 0))) + 1.0)
        for k, c in counts.items()
        if c > 0
    }
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {k: v / norm for k, v in vec.items()}


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each view counts in `similarity` (normalised to sum to 1)."""

    dense: float = 0.25
    terms: float = 0.25
    names: float = 0.5

    def normalised(self) -> tuple[float, float, float]:
        total = self.dense + self.terms + self.names
        if total <= 0:
            raise ValueError("feature weights must not all be zero")
        return self.dense / total, self.terms / total, self.names / total


@dataclass(frozen=True, slots=True)
class DocFeatures:
    """The three unit-length views of one document, and the keys it is indexed under."""

    id: str
    dense: Vector
    terms: Sparse
    names: Sparse
    keys: tuple[str, ...]
    term_counts: Mapping[str, int] = field(default_factory=dict)
    name_counts: Mapping[str, int] = field(default_factory=dict)


EQUAL = Weights()


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def similarity(
    doc: DocFeatures,
    dense: Vector,
    terms: Mapping[str, float],
    names: Mapping[str, float],
    weights: Weights = EQUAL,
) -> float:
    """Weighted mean of per-view dot products between ``doc`` and a centroid.

    The centroid is given view by view (``dense``, ``terms``, ``names``): the mean of the
    member vectors, not renormalised, so the result is the average similarity of ``doc``
    to the story's members.
    """
    wd, wt, wn = weights.normalised()
    dense_part = float(np.dot(doc.dense, dense))
    return wd * dense_part + wt * _dot(doc.terms, terms) + wn * _dot(doc.names, names)


class FeatureExtractor:
    """Turns documents into `DocFeatures`, keeping running document frequencies.

    `features` is incremental: the IDF of a document's keys is taken over the documents
    seen so far (itself included). `batch` first counts every document of the batch, so its
    result does not depend on the order of the input. ``vocabulary`` defaults to a fresh
    in-memory `Vocabulary`; the store passes its own, kept in SQLite.
    """

    def __init__(
        self,
        embedder: SentenceEncoder,
        lead_sentences: int = LEAD_SENTENCES,
        vocabulary: DocumentFrequencies | None = None,
    ) -> None:
        self.embedder = embedder
        self.lead_sentences = lead_sentences
        self.vocabulary: DocumentFrequencies = vocabulary or Vocabulary()

    def counts(self, doc: Document) -> tuple[Counter[str], Counter[str]]:
        """The raw term and name counts of ``doc`` (before IDF weights)."""
        text = f"{doc.title}\n{doc.text}" if doc.title else doc.text
        return term_counts(text), name_keys(doc)

    def from_counts(
        self, doc_id: str, dense: Vector, terms: Mapping[str, int], names: Mapping[str, int]
    ) -> DocFeatures:
        """Features from a dense vector and raw counts, weighted by the current IDF."""
        tvec = self.tfidf(terms)
        nvec = self.tfidf(names)
        top = sorted(tvec, key=lambda k: (-tvec[k], k))[:MAX_TERMS]
        keys = tuple(sorted(set(top) | {k for k in nvec if not k.startswith("#")}))
        return DocFeatures(doc_id, dense, tvec, nvec, keys, dict(terms), dict(names))

    def tfidf(self, counts: Mapping[str, int]) -> Sparse:
        """L2-normalised sublinear TF-IDF vector of ``counts``, with the current IDF."""
        vocabulary = self.vocabulary
        return tfidf_vector(counts, vocabulary.documents, vocabulary.frequencies(counts))

    def features(self, doc: Document, dense: Vector | None = None) -> DocFeatures:
        """Features of one more document (updates the running document frequencies).

        ``dense``: the document's lead embedding when already computed (in a batch).
        """
        terms, names = self.counts(doc)
        self.vocabulary.add(list(terms) + list(names))
        if dense is None:
            dense = self.embedder.encode([lead_text(doc, self.lead_sentences)])[0]
        return self.from_counts(doc.id, dense, terms, names)

    def batch(self, docs: Sequence[Document]) -> list[DocFeatures]:
        """Features of many documents, with document frequencies counted over all of them."""
        counted = [self.counts(d) for d in docs]
        for terms, names in counted:
            self.vocabulary.add(list(terms) + list(names))
        dense = self.embedder.encode([lead_text(d, self.lead_sentences) for d in docs])
        pairs = zip(docs, counted, strict=True)
        return [self.from_counts(d.id, dense[i], t, n) for i, (d, (t, n)) in enumerate(pairs)]


def _sparse_rows(rows: Sequence[Mapping[str, float]]) -> Any:
    """A scipy CSR matrix with one row per sparse vector (columns: keys in sorted order)."""
    from scipy.sparse import csr_matrix

    columns = {k: j for j, k in enumerate(sorted({k for r in rows for k in r}))}
    data, indices, indptr = [], [], [0]
    for row in rows:
        for key in sorted(row):
            indices.append(columns[key])
            data.append(row[key])
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), max(1, len(columns))))


def similarity_matrix(features: Sequence[DocFeatures], weights: Weights = EQUAL) -> Vector:
    """Pairwise `similarity` of documents (each taken as a one-member story)."""
    wd, wt, wn = weights.normalised()
    if not features:
        return np.zeros((0, 0), dtype=np.float32)
    dense = np.vstack([f.dense for f in features]).astype(np.float64)
    sim = wd * (dense @ dense.T)
    for w, rows in ((wt, [f.terms for f in features]), (wn, [f.names for f in features])):
        if w:
            m = _sparse_rows(rows)
            sim = sim + w * np.asarray((m @ m.T).todense())
    out: Vector = sim.astype(np.float32)
    return out
