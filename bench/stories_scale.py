"""Benchmark: cost per assigned document as the store grows, newsdesk vs brute force.

Run from the repository root::

    .venv/bin/python bench/stories_scale.py [--levels 1000,10000,100000] [--batch 1000]
    .venv/bin/python bench/stories_scale.py --quick      # levels 1000,5000: a fast check
    .venv/bin/python bench/stories_scale.py --ci         # the gate's size: 250,2000 stored

Question (the issue): the time per 1,000 assigned documents when the store already holds
1k, 10k and 100k documents; the cost per document must stay flat (within 2x from the
smallest level to the largest), and the memory at the largest level.

Data. Base texts: the ECB+ documents
(``<shared>/data/ecbplus_event_clusters/clustering_gold.jsonl``, 982) and the DUC 2004
task 2 documents (``<shared>/data/duc2004_task2/clusters.jsonl``, 500), exact duplicates
and texts under 100 words dropped (too little to rewrite: 1,264 remain). They are read at
run time; nothing is copied into the repository and nothing is cached: the stores are
generated here, in a temporary folder outside the repository, and deleted at the end
(``--workdir`` to put them elsewhere, ``--keep`` to keep the main one).

Synthetic documents (seeded, deterministic). The stream is a sequence of synthetic
*events*; each event rewrites one base text and has 3 to 8 documents:

- event level: every capitalised word of the base that is a name (a capitalised word of
  the corpora never seen in lower case; 5.5k of them) is replaced, consistently within
  the event, by a name drawn from that pool; every number is shifted by one random
  offset. Two events of one base are look-alikes that differ in who, where and how many;
- document level (a lightly different rewrite): the first sentence is kept with
  probability 0.8, each other one with probability 0.6 (at least two are kept, in
  order); about 4% of the longer lower-case words are dropped and 4% replaced by other
  words of the same text. Two rewrites of one event share a median 0.3 of their word
  3-shingles; about 1 pair in 700 reaches the MinHash near-duplicate threshold (0.8),
  and the store then records the document as a copy, as it would a wire re-send (about
  1% of the documents; the count per batch is printed);
- time: events start at a steady rate (100 documents a day: 100k documents span about
  2.8 years); an event's documents follow its start by exponential gaps (mean half a
  day); the stream is in publication order, so the 30-day window closes stories as in
  real use. Base texts are used in one fixed shuffled cycle (one base every 1,264
  events, about 70 days), so two events of one base are never open together; the
  look-alikes open at the same time come from other bases of one ECB+ topic or DUC
  cluster, as in real news.

The path measured is ``newsdesk ingest`` without annotation, through newsdesk's own
functions: ``store.add`` (with the MinHash fingerprint, as `newsdesk.app.ingest` does)
for each chunk of 32 documents, then `newsdesk.app._assign` over the added ones, with
the clusterer of `newsdesk.app._story_clusterer` (`OnlineClusterer` over
`StoredStories` over ``store.stories``, one ``store.transaction()`` per document) and the
default settings (threshold 0.27, 30-day window). Two simplifications, to fill 100k
documents in minutes:

1. the lead embedding is `newsdesk.embed.HashingEmbedder` (512 dimensions, no
   model) instead of MiniLM. MiniLM's cost per document does not depend on the store:
   it is measured separately at the end (leads encoded in batches of 64, as ``_assign``
   does) and printed as a constant to add to every newsdesk and baseline figure (the
   ratio with it added is printed too; the verdict is on the figures without it);
2. documents are not annotated, so names come from runs of capitalised words (newsdesk's
   fallback for unannotated documents). Annotation cost does not depend on the store
   either (``bench/speed.py`` measures it).

Protocol. For each level L, the main store is filled through the same path until it
holds L documents with their stories (one store object for the whole fill: a long
ingest), snapshotted (SQLite backup API, page by page), and the next ``--batch``
documents of the stream are set aside as L's batch; the main store then gets them too as
filling goes on. Once every level is filled, each batch is added and assigned
``--repeats`` times (default 3), round robin over the levels so that a slow spell of the
machine does not fall on one level only, each time on a fresh file copy of the level's
snapshot, opened anew (a new ``newsdesk ingest`` run: cold centroid cache) and timed from
the first ``store.add`` to the last commit. ms/doc is the median of the runs (their
assignments are checked identical). Memory: the resident set (``VmRSS``) growth during
each run and the centroid cache at its end; the fill's resident set and cache every
10,000 documents; the process's peak (``getrusage``) after the fill, after newsdesk's
runs and after the baseline's (newsdesk's all run first, so the first two are newsdesk's
alone).

Baseline, same process, same documents, same snapshots (after all newsdesk levels):
``brute force (every story read, no index)``: the same clusterer, store, transactions and
settings, except that its candidates are every stored story (``SELECT id FROM stories``
for each document) instead of the key index. Everything else is newsdesk's
``OnlineClusterer.add``, including how stories closed by the window are left out before
any similarity is computed (read, then not loaded). Its centroid cache is unbounded
(every centroid stays in memory once read), so it does not pay for re-reading stories
newsdesk's bounded cache would evict: the cost shown is that of scanning, not thrashing.
Runs at a level stop once ``--baseline-budget`` seconds would be exceeded; a run cut
short is reported over the documents it did, marked partial (a measurement over fewer
documents, not an extrapolation).

Reported per level: ms per document, its ratio to the smallest level (pass: at most 2 at
the largest), similarity computations per document (``clusterer.comparisons``),
centroids parsed from SQLite per document (the store's ``_load``, wrapped to count),
stories read per document (baseline), agreement of the two methods' story choices on the
batch, B-cubed F1 of the batch against the synthetic events, centroids cached at the end
of a run and their approximate size (from ``SQLiteStories._cache``), RSS growth during a
run; stories and their sizes, store file size; the fill's ms/doc, RSS and cache every
10,000 documents; the commit measured. Printed as a table and written to
``bench/out/stories_scale.json``.
"""

from __future__ import annotations

import argparse
import gc
import heapq
import json
import math
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import chain, islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._shared import OUT, data_file  # noqa: E402
from newsdesk.app import _assign, _story_clusterer, open_store  # noqa: E402
from newsdesk.cluster.features import DocFeatures, lead_text  # noqa: E402
from newsdesk.cluster.online import OnlineClusterer  # noqa: E402
from newsdesk.cluster.stored import StoredStories  # noqa: E402
from newsdesk.embed import HashingEmbedder  # noqa: E402
from newsdesk.ingest.dedup import fingerprint  # noqa: E402
from newsdesk.model import Document  # noqa: E402
from newsdesk.settings import Settings  # noqa: E402
from newsdesk.store.sqlite import SQLiteStore  # noqa: E402
from newsdesk.store.stories import CentroidRow, SQLiteStories  # noqa: E402

LEVELS = (1_000, 10_000, 100_000)
QUICK_LEVELS = (1_000, 5_000)
# The CI-sized variant (`--ci`, and the gate in tests/test_stories_store.py): small stores,
# one run per level, judged on similarities computed per document, which do not depend
# on how busy the machine is.
CI_LEVELS = (250, 2_000)
CI_BATCH = 100
SEED = 2004
DOCS_PER_DAY = 100.0
MEAN_EVENT_SIZE = 5.5  # 3 to 8 documents per event
CHUNK = 32  # documents per store.add round, as `newsdesk.app.ingest` (batch_size=32)
START = datetime(2019, 1, 1)
NEWSDESK = "newsdesk (key index)"
BASELINE = "brute force (every story read, no index)"
MIN_WORDS = 100  # shorter base texts leave too little to rewrite (MinHash would match)
OUTLETS = ("wire-a", "wire-b", "daily-c", "daily-d", "site-e", "site-f", "radio-g", "tv-h")

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`])")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_LOWER = re.compile(r"\b[a-z]{3,}\b")
_NUMBER = re.compile(r"\d+")


# ------------------------------------------------------------------ base texts


@dataclass(frozen=True, slots=True)
class Base:
    """One source text, split into sentences."""

    key: str
    sentences: tuple[str, ...]


def _sentences(text: str) -> tuple[str, ...]:
    parts: list[str] = []
    for line in text.splitlines():
        parts += [s.strip() for s in _SENTENCE.split(" ".join(line.split())) if s.strip()]
    return tuple(parts)


def load_bases() -> list[Base]:
    """ECB+ and DUC 2004 documents with at least two sentences, exact duplicates dropped."""
    found: dict[str, Base] = {}
    with data_file("ecbplus_event_clusters", "clustering_gold.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                found.setdefault(row["text"], Base(f"ecb:{row['doc_id']}", _sentences(row["text"])))
    with data_file("duc2004_task2", "clusters.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                for doc in row["docs"]:
                    key = f"duc:{row['cluster_id']}:{doc['doc_index']}"
                    found.setdefault(doc["text"], Base(key, _sentences(doc["text"])))
    return [b for b in found.values() if sum(len(s.split()) for s in b.sentences) >= MIN_WORDS]


def name_pool(bases: Sequence[Base]) -> list[str]:
    """Capitalised words of the corpora never seen in lower case (names), sorted."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for base in bases:
        for sentence in base.sentences:
            capitalised.update(_CAPITALISED.findall(sentence))
            lower.update(_LOWER.findall(sentence))
    return sorted(w for w in capitalised if w.lower() not in lower)


# ------------------------------------------------------------------ synthetic stream


def event_sentences(
    base: Base, rng: random.Random, pool: Sequence[str], names: frozenset[str]
) -> list[str]:
    """The base with its names (``names``, the set of ``pool``) replaced consistently by
    names drawn from ``pool``, and its numbers shifted."""
    mapping: dict[str, str] = {}
    offset = rng.randint(1, 60)

    def rename(match: re.Match[str]) -> str:
        word = match.group()
        if word not in names:
            return word
        if word not in mapping:
            mapping[word] = rng.choice(pool)
        return mapping[word]

    def shift(match: re.Match[str]) -> str:
        return str(int(match.group()) + offset)

    return [_NUMBER.sub(shift, _CAPITALISED.sub(rename, s)) for s in base.sentences]


def rewrite(sentences: Sequence[str], rng: random.Random) -> str:
    """One document of an event: a subset of its sentences, a few words dropped or swapped."""
    keep = [s for i, s in enumerate(sentences) if rng.random() < (0.8 if i == 0 else 0.6)] or list(
        sentences[:2]
    )
    if len(keep) < 2:
        keep = list(sentences[:2])
    words = sorted({w for s in sentences for w in _LOWER.findall(s) if len(w) > 3})
    out = []
    for sentence in keep:
        tokens = []
        for token in sentence.split(" "):
            roll = rng.random()
            if words and token.isalpha() and token.islower() and len(token) > 3 and roll < 0.08:
                if roll < 0.04:
                    continue
                token = rng.choice(words)
            tokens.append(token)
        out.append(" ".join(tokens))
    return " ".join(out)


def event_documents(
    number: int, base: Base, pool: Sequence[str], names: frozenset[str], seed: int
) -> list[tuple[float, Document]]:
    """The documents of one synthetic event, with their publication times (in days)."""
    rng = random.Random(f"{seed}:event:{number}")
    sentences = event_sentences(base, rng, pool, names)
    start = number * MEAN_EVENT_SIZE / DOCS_PER_DAY + rng.random() * 0.1
    size = rng.randint(3, 8)
    docs: list[tuple[float, Document]] = []
    when = start
    for replica in range(size):
        doc_rng = random.Random(f"{seed}:event:{number}:{replica}")
        published = (START + timedelta(days=when)).isoformat(timespec="seconds")
        doc = Document(
            id=f"syn-{number:06d}-{replica}",
            text=rewrite(sentences, doc_rng),
            outlet=OUTLETS[(number + replica) % len(OUTLETS)],
            published=published,
        )
        docs.append((when, doc))
        when += doc_rng.expovariate(2.0)
    return docs


def synthetic_stream(
    bases: Sequence[Base], pool: Sequence[str], seed: int = SEED
) -> Iterator[Document]:
    """Synthetic documents in publication order, without end (see the module docstring)."""
    order = list(range(len(bases)))
    random.Random(seed).shuffle(order)
    names = frozenset(pool)
    pending: list[tuple[float, str, Document]] = []
    number = 0
    while True:
        start = number * MEAN_EVENT_SIZE / DOCS_PER_DAY
        while pending and pending[0][0] <= start:
            yield heapq.heappop(pending)[2]
        base = bases[order[number % len(order)]]
        for when, doc in event_documents(number, base, pool, names, seed):
            heapq.heappush(pending, (when, doc.id, doc))
        number += 1


def event_of(doc_id: str) -> str:
    """The synthetic event a document belongs to (its id without the replica number)."""
    return doc_id.rsplit("-", 1)[0]


# ------------------------------------------------------------------ measuring


def rss_mb() -> float:
    """Resident set size of this process now, in MB."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux: KB in ru_maxrss)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def db_mb(path: Path) -> float:
    """Size of the store on disk (database, WAL and shared-memory files), in MB."""
    files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


def bcubed_f1(pred: Sequence[str], gold: Sequence[str]) -> float:
    """B-cubed F1 of a labelling against a gold one (per-document averages)."""
    if not pred:
        return float("nan")
    pairs = Counter(zip(pred, gold, strict=True))
    psize, gsize = Counter(pred), Counter(gold)
    p = sum(c * c / psize[pl] for (pl, _), c in pairs.items()) / len(pred)
    r = sum(c * c / gsize[gl] for (_, gl), c in pairs.items()) / len(pred)
    return 2 * p * r / (p + r) if p + r else 0.0


class BruteForceClusterer(OnlineClusterer):
    """The baseline: every stored story is a candidate (no key index)."""

    def __init__(self, store: SQLiteStore, settings: Settings) -> None:
        super().__init__(
            HashingEmbedder(),
            threshold=settings.story_threshold,
            window_days=settings.story_window_days or None,
            backend=StoredStories(store.stories),
        )
        self.conn = store.conn
        self.read = 0  # stories read as candidates so far
        # Every centroid stays in memory (newsdesk's cache is bounded): the baseline is not
        # made to re-read stories it has evicted, so it is not slowed by newsdesk's choice.
        store.stories.cache_size = 1 << 30

    def candidates(self, feat: DocFeatures) -> list[str]:
        ids = [r[0] for r in self.conn.execute("SELECT id FROM stories")]
        self.read += len(ids)
        return ids


Factory = Callable[[SQLiteStore, Settings], OnlineClusterer]


def newsdesk_clusterer(store: SQLiteStore, settings: Settings) -> OnlineClusterer:
    return _story_clusterer(store, HashingEmbedder(), settings)


def brute_force_clusterer(store: SQLiteStore, settings: Settings) -> OnlineClusterer:
    return BruteForceClusterer(store, settings)


def cache_mb(stories: SQLiteStories) -> float:
    """Approximate size of the store's centroid cache (`SQLiteStories._cache`), in MB:
    dense vectors, the term and name dicts with their keys and values."""
    total = 0
    for _, centroid in stories._cache.values():
        total += centroid.dense.nbytes
        for sparse in (centroid.terms, centroid.names):
            total += sys.getsizeof(sparse) + sum(sys.getsizeof(k) + 24 for k in sparse)
    return total / 1e6


@dataclass(slots=True)
class Run:
    """What one method did with one batch."""

    documents: int = 0
    seconds: float = 0.0
    comparisons: int = 0
    read: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    stories: dict[str, str] = field(default_factory=dict)
    partial: bool = False
    rss_growth_mb: float = math.nan
    loads: int = 0
    cached: int = 0
    cache_mb: float = math.nan

    @property
    def ms_per_doc(self) -> float:
        return 1000 * self.seconds / self.documents if self.documents else math.nan


def count_loads(stories: SQLiteStories) -> list[int]:
    """Count the centroids ``stories`` reads and parses from SQLite (cache misses and
    joins), by wrapping its ``_load``; the count is the returned list's item."""
    count = [0]
    load = stories._load

    def counting(sid: str) -> CentroidRow:
        count[0] += 1
        return load(sid)

    stories._load = counting  # type: ignore[method-assign]
    return count


def ingest_chunk(
    store: SQLiteStore, clusterer: OnlineClusterer, docs: Sequence[Document], run: Run
) -> None:
    """`newsdesk.app.ingest` without annotation: add each document (MinHash on), then
    assign the added ones (`newsdesk.app._assign`: one transaction per document)."""
    results = [store.add(doc, fingerprint(doc.text)) for doc in docs]
    run.statuses.update(r.status for r in results)
    added = [r.id for r in results if r.status == "added"]
    run.stories.update(_assign(store, clusterer, added))
    run.documents += len(docs)


def run_batch(
    path: Path,
    docs: Sequence[Document],
    factory: Factory,
    settings: Settings,
    budget: float = math.inf,
) -> Run:
    """Add and assign ``docs`` with a freshly opened store (cold cache), timed; stop
    after the chunk that exceeds ``budget`` seconds."""
    run = Run()
    gc.collect()
    before = rss_mb()
    store = open_store(str(path), settings)
    clusterer = factory(store, settings)
    loads = count_loads(store.stories)
    try:
        start = time.perf_counter()
        for i in range(0, len(docs), CHUNK):
            ingest_chunk(store, clusterer, docs[i : i + CHUNK], run)
            run.seconds = time.perf_counter() - start
            if run.seconds > budget and run.documents < len(docs):
                run.partial = True
                break
        run.comparisons = clusterer.comparisons
        run.read = getattr(clusterer, "read", 0)
        run.loads = loads[0]
        run.rss_growth_mb = rss_mb() - before  # this run's cache still alive
        run.cached = len(store.stories._cache)
        run.cache_mb = cache_mb(store.stories)
    finally:
        store.close()
    return run


def fill(
    path: Path, stream: Iterator[Document], target: int, settings: Settings, log: list[Any]
) -> None:
    """Add and assign documents of the stream until the store holds ``target`` of them
    (one store and clusterer for the whole fill: one long ingest, warm cache)."""
    store = open_store(str(path), settings)
    clusterer = newsdesk_clusterer(store, settings)
    try:
        count = store.count()
        mark, mark_count = time.perf_counter(), count
        while count < target:
            run = Run()
            ingest_chunk(store, clusterer, list(islice(stream, min(CHUNK, target - count))), run)
            count += run.statuses["added"]
            if count // 10_000 > mark_count // 10_000 or count >= target:
                seconds = time.perf_counter() - mark
                step = {
                    "stored": count,
                    "documents": count - mark_count,
                    "seconds": round(seconds, 1),
                    "ms_per_doc": round(1000 * seconds / max(1, count - mark_count), 2),
                    "rss_mb": round(rss_mb(), 1),
                    "cached_centroids": len(store.stories._cache),
                    "cache_mb": round(cache_mb(store.stories), 1),
                }
                log.append(step)
                print(
                    f"  fill: {count:>7} stored, {step['ms_per_doc']} ms/doc,"
                    f" RSS {step['rss_mb']} MB, {step['cached_centroids']} centroids cached",
                    file=sys.stderr,
                )
                mark, mark_count = time.perf_counter(), count
    finally:
        store.close()


def snapshot(path: Path, dest: Path) -> None:
    """A consistent copy of the store (SQLite backup API: page by page, layout kept)."""
    src, dst = sqlite3.connect(path), sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def remove_store(path: Path) -> None:
    for extra in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        extra.unlink(missing_ok=True)


def store_summary(path: Path) -> dict[str, Any]:
    """Documents, stories and their sizes, B-cubed F1 of the whole store vs the events."""
    conn = sqlite3.connect(path)
    try:
        pairs = conn.execute("SELECT id, story_id FROM documents").fetchall()
        sizes = sorted(int(r[0]) for r in conn.execute("SELECT size FROM stories"))
    finally:
        conn.close()
    return {
        "documents_after": len(pairs),
        "events_after": len({event_of(d) for d, _ in pairs}),
        "stories_after": len(sizes),
        "story_size_mean": round(sum(sizes) / len(sizes), 2) if sizes else 0,
        "story_size_p99": sizes[int(len(sizes) * 0.99)] if sizes else 0,
        "story_size_max": sizes[-1] if sizes else 0,
        "stories_over_100": sum(1 for n in sizes if n > 100),
        "documents_in_stories_over_100": sum(n for n in sizes if n > 100),
        "bcubed_f1_store": round(
            bcubed_f1([s or d for d, s in pairs], [event_of(d) for d, _ in pairs]), 4
        ),
    }


@dataclass(slots=True)
class Level:
    """One store size: its snapshot, the batch measured on it, and the runs so far."""

    stored: int
    snap: Path
    docs: list[Document]
    runs: dict[str, list[Run]] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)


def measure_all(
    levels: Sequence[Level],
    work: Path,
    method: str,
    factory: Factory,
    settings: Settings,
    repeats: int,
    budget: float = math.inf,
) -> None:
    """``repeats`` rounds over the levels (round robin, so that a slow spell of the machine
    does not fall on one level only), each run on a fresh copy of the level's snapshot. A
    level gets no further run once its runs would exceed ``budget`` seconds (a run cut
    short by the budget is its last)."""
    for _ in range(repeats):
        for level in levels:
            done = level.runs.setdefault(method, [])
            spent = sum(r.seconds for r in done)
            if done and (done[-1].partial or spent + done[-1].seconds > budget):
                continue
            shutil.copyfile(level.snap, work)
            try:
                done.append(run_batch(work, level.docs, factory, settings, budget))
                if method == NEWSDESK and not level.summary:
                    level.summary = store_summary(work)
            finally:
                remove_store(work)
            print(
                f"  {level.stored:>7} stored: {method} {done[-1].ms_per_doc:.2f} ms/doc",
                file=sys.stderr,
            )


def method_report(runs: Sequence[Run], docs: Sequence[Document]) -> dict[str, Any]:
    """Median ms per document over the runs; counts from the first (runs are identical:
    ``identical_runs`` checks it)."""
    first = runs[0]
    done = [d.id for d in docs[: first.documents] if d.id in first.stories]
    times = [r.ms_per_doc for r in runs]
    return {
        "runs": len(runs),
        "documents": first.documents,
        "partial": first.partial,
        "ms_per_doc": round(statistics.median(times), 3),
        "ms_per_doc_runs": [round(t, 3) for t in times],
        "comparisons_per_doc": round(first.comparisons / max(1, len(done)), 1),
        "stories_read_per_doc": round(first.read / max(1, len(done)), 1),
        "loads_per_doc": round(first.loads / max(1, len(done)), 1),
        "statuses": dict(first.statuses),
        "identical_runs": all(r.stories == first.stories for r in runs[1:]),
        "bcubed_f1_batch": round(
            bcubed_f1([first.stories[d] for d in done], [event_of(d) for d in done]), 4
        ),
        "cached_centroids": first.cached,
        "cache_mb": round(first.cache_mb, 1),
        "rss_growth_mb": round(max(r.rss_growth_mb for r in runs), 1),
    }


def code_version() -> str:
    """The last commit that changed newsdesk/, with "+dirty" when newsdesk/ has
    uncommitted changes (taken when the run starts, with the code it imported)."""
    try:
        head = subprocess.run(
            ["git", "log", "-1", "--format=%h", "--", "newsdesk"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "newsdesk"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head}{'+dirty' if dirty else ''}" or "unknown"


def minilm_constant(docs: Sequence[Document], batches: int = 10) -> dict[str, Any]:
    """MiniLM's cost per lead (batches of 64, model loaded and warmed up beforehand)."""
    from newsdesk.embed import Embedder

    leads = [lead_text(d) for d in docs[: 64 * (batches + 1)]]
    embedder = Embedder()
    embedder.encode(leads[:64])  # load the model and warm up
    start = time.perf_counter()
    for i in range(64, len(leads), 64):
        embedder.encode(leads[i : i + 64])
    seconds = time.perf_counter() - start
    return {"leads": len(leads) - 64, "ms_per_doc": round(1000 * seconds / (len(leads) - 64), 2)}


# ------------------------------------------------------------------ protocol


def evaluate(
    levels: Sequence[int], batch: int, repeats: int, budget: float, workdir: Path, minilm: bool
) -> dict[str, Any]:
    """Fill and snapshot every level, then time newsdesk, then the baseline."""
    settings = Settings()
    bases = load_bases()
    pool = name_pool(bases)
    stream: Iterator[Document] = synthetic_stream(bases, pool)
    main, work = workdir / "store.db", workdir / "work.db"
    fills: list[Any] = []
    kept: list[Level] = []
    for stored in levels:
        fill(main, stream, stored, settings, fills)
        snap = workdir / f"level-{stored}.db"
        snapshot(main, snap)
        docs = list(islice(stream, batch))
        stream = chain(docs, stream)  # the main store gets them next, as filling goes on
        kept.append(Level(stored, snap, docs))
    fill_peak = peak_rss_mb()
    measure_all(kept, work, NEWSDESK, newsdesk_clusterer, settings, repeats)
    newsdesk_peak = peak_rss_mb()
    measure_all(kept, work, BASELINE, brute_force_clusterer, settings, repeats, budget)
    rows: list[dict[str, Any]] = []
    for level in kept:
        row: dict[str, Any] = {"stored": level.stored, "db_mb": round(db_mb(level.snap), 1)}
        row.update(level.summary)
        for method in (NEWSDESK, BASELINE):
            row[method] = method_report(level.runs[method], level.docs)
        chosen, other = level.runs[NEWSDESK][0].stories, level.runs[BASELINE][0].stories
        both = [d for d in chosen if d in other]
        row[BASELINE]["same_story_as_newsdesk"] = round(
            sum(chosen[d] == other[d] for d in both) / max(1, len(both)), 4
        )
        rows.append(row)
        remove_store(level.snap)
    for row in rows:
        for method in (NEWSDESK, BASELINE):
            row[method]["ratio_to_first"] = round(
                row[method]["ms_per_doc"] / rows[0][method]["ms_per_doc"], 3
            )
    report: dict[str, Any] = {
        "levels": rows,
        "fill": fills,
        "peak_rss_mb_after_fill": round(fill_peak, 1),
        "peak_rss_mb_after_newsdesk": round(newsdesk_peak, 1),
        "peak_rss_mb_after_baseline": round(peak_rss_mb(), 1),
        "batch": batch,
        "repeats": repeats,
        "baseline_budget_s": budget,
        "bases": len(bases),
        "name_pool": len(pool),
        "settings": {
            "threshold": settings.story_threshold,
            "window_days": settings.story_window_days,
            "embedder": "HashingEmbedder(512)",
            "docs_per_day": DOCS_PER_DAY,
            "seed": SEED,
        },
    }
    if minilm:
        replay = synthetic_stream(bases, pool)
        report["minilm"] = minilm_constant(list(islice(replay, 704)))
    return report


def comparisons_ratio(report: dict[str, Any], method: str) -> float:
    """Similarities computed per document at the largest level over the smallest (a
    count, the same on any machine: what the CI gate judges)."""
    first, last = report["levels"][0][method], report["levels"][-1][method]
    return float(last["comparisons_per_doc"] / max(first["comparisons_per_doc"], 0.1))


def table(report: dict[str, Any]) -> str:
    head = (
        f"{'stored':>8} {'method':<42} {'docs':>5} {'ms/doc':>7} {'runs (ms/doc)':<20}"
        f" {'ratio':>5} {'cmp/doc':>7} {'load/doc':>8} {'read/doc':>8} {'same':>5} {'B3 F1':>5}"
        f" {'cached':>6} {'cache MB':>8} {'+RSS MB':>7}"
    )
    lines = [
        f"newsdesk/ at {report['code']}; batch of {report['batch']} documents; runs per level:"
        f" {report['repeats']} (the baseline's within its budget)",
        "",
    ]
    lines += [head, "-" * len(head)]
    for row in report["levels"]:
        for method in (NEWSDESK, BASELINE):
            r = row[method]
            docs = f"{r['documents']}{'*' if r['partial'] else ''}"
            spread = " ".join(f"{t:.2f}" for t in r["ms_per_doc_runs"])
            same = f"{r['same_story_as_newsdesk']:.3f}" if "same_story_as_newsdesk" in r else ""
            read = f"{r['stories_read_per_doc']:.0f}" if r["stories_read_per_doc"] else ""
            lines.append(
                f"{row['stored']:>8} {method:<42} {docs:>5} {r['ms_per_doc']:>7.2f} {spread:<20}"
                f" {r['ratio_to_first']:>5.2f} {r['comparisons_per_doc']:>7.1f}"
                f" {r['loads_per_doc']:>8.1f} {read:>8}"
                f" {same:>5} {r['bcubed_f1_batch']:>5.3f} {r['cached_centroids']:>6}"
                f" {r['cache_mb']:>8.1f} {r['rss_growth_mb']:>7.1f}"
            )
    lines += [
        "ms/doc: median of the runs (one store.add + assignment, commits included); ratio: to"
        " the first level; cmp: similarities computed; load: centroids parsed from SQLite"
        " (cache misses, joins); read: stories read as candidates;",
        "same: share of the batch given the same story as newsdesk; B3 F1: the batch against"
        " the synthetic events; cached/cache MB: centroids held in memory at the end of the"
        " run; +RSS: resident set growth during the run (largest of the runs);",
        "* partial: the baseline hit its time budget; its ms/doc is over the documents it did.",
        "",
    ]
    head = (
        f"{'stored':>8} {'DB MB':>8} {'stories*':>8} {'size mean':>9} {'p99':>4} {'max':>4}"
        f" {'>100 (docs)':>12} {'store B3':>8}"
    )
    lines += [head, "-" * len(head)]
    for row in report["levels"]:
        big = f"{row['stories_over_100']} ({row['documents_in_stories_over_100']})"
        lines.append(
            f"{row['stored']:>8} {row['db_mb']:>8.1f} {row['stories_after']:>8}"
            f" {row['story_size_mean']:>9.2f} {row['story_size_p99']:>4} {row['story_size_max']:>4}"
            f" {big:>12} {row['bcubed_f1_store']:>8.3f}"
        )
    lines += [
        "DB MB: the store file holding `stored` documents; * stories, sizes, stories of over"
        " 100 documents (their documents) and B-cubed F1 of the whole store against the"
        " synthetic events: after newsdesk's batch.",
        "",
        f"fill (setup through the same path: one long ingest, warm cache)"
        f"\n{'stored':>8} {'ms/doc':>7} {'RSS MB':>7} {'cached':>7} {'cache MB':>8}",
    ]
    for f in report["fill"]:
        lines.append(
            f"{f['stored']:>8} {f['ms_per_doc']:>7.2f} {f['rss_mb']:>7.1f}"
            f" {f['cached_centroids']:>7} {f['cache_mb']:>8.1f}"
        )
    first, last = report["levels"][0], report["levels"][-1]
    ratio = last[NEWSDESK]["ms_per_doc"] / first[NEWSDESK]["ms_per_doc"]
    verdict = "pass" if ratio <= 2 else "FAIL"
    lines += [
        "",
        f"peak RSS of the process: {report['peak_rss_mb_after_fill']} MB after the fill,"
        f" {report['peak_rss_mb_after_newsdesk']} MB after newsdesk's runs,"
        f" {report['peak_rss_mb_after_baseline']} MB after the baseline's",
        f"ms/doc ratio {last['stored']}/{first['stored']} stored: {NEWSDESK} {ratio:.2f}"
        f" ({verdict}: must be <= 2); {BASELINE} {last[BASELINE]['ratio_to_first']:.2f}"
        f"{' (partial)' if last[BASELINE]['partial'] else ''}",
        f"similarities per document, ratio {last['stored']}/{first['stored']} stored:"
        f" {NEWSDESK} {comparisons_ratio(report, NEWSDESK):.2f};"
        f" {BASELINE} {comparisons_ratio(report, BASELINE):.2f}",
    ]
    copies = ", ".join(
        f"{row['stored']}: {row[NEWSDESK]['statuses'].get('duplicate', 0)}"
        for row in report["levels"]
    )
    lines.append(f"batch documents the store recorded as copies (MinHash), by level: {copies}")
    if "minilm" in report:
        m = report["minilm"]["ms_per_doc"]
        with_model = (last[NEWSDESK]["ms_per_doc"] + m) / (first[NEWSDESK]["ms_per_doc"] + m)
        lines += [
            f"MiniLM lead encoding, to add to every ms/doc above (independent of store size):"
            f" {m} ms/doc over {report['minilm']['leads']} leads in batches of 64",
            f"{NEWSDESK} ms/doc ratio with MiniLM's constant added: {with_model:.2f}"
            " (the verdict above is on the store-dependent part alone)",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)))
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="levels 1000,5000")
    parser.add_argument(
        "--ci", action="store_true", help="the CI gate's size: levels 250,2000, batch 100, 1 run"
    )
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per level")
    parser.add_argument(
        "--baseline-budget", type=float, default=180.0, help="seconds per level for the baseline"
    )
    parser.add_argument("--no-minilm", action="store_true", help="skip the MiniLM constant")
    parser.add_argument("--workdir", help="where the store is built (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the store afterwards")
    args = parser.parse_args(argv)
    levels = QUICK_LEVELS if args.quick else tuple(int(x) for x in args.levels.split(",") if x)
    if args.ci:
        levels, args.batch, args.repeats, args.no_minilm = CI_LEVELS, CI_BATCH, 1, True
    if list(levels) != sorted(set(levels)):
        sys.exit("--levels must be increasing")
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="newsdesk-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if (workdir / "store.db").exists():
        sys.exit(f"{workdir / 'store.db'} exists: give an empty --workdir")
    start, code = time.perf_counter(), code_version()
    try:
        report = evaluate(
            levels, args.batch, args.repeats, args.baseline_budget, workdir, not args.no_minilm
        )
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    report["code"] = code
    report["wall_s"] = round(time.perf_counter() - start, 1)
    print(table(report))
    print(f"wall time: {report['wall_s']} s")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "stories_scale.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
