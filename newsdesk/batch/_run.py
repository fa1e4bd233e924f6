"""The batch run: read, find duplicates, annotate, group stories, brief, write Parquet.

Each step is a Ray Data operation over rows that carry one `Document.to_dict` as JSON
(see the package docstring for the steps). Only small things reach the driver: the
colliding pairs of the duplicate search, document frequencies, one row of blocking keys
per document, and the counts of the report.

Resources: with N workers, the actor pools (annotation, briefings) hold N actors of
`ACTOR_CPUS` each, and every task of ours asks for `TASK_CPUS`. A local instance gets
N + 1 logical CPUs, so Ray's own one-CPU tasks (repartitions, the shuffle before the
briefings) always find one beside the actors: with N logical CPUs, one worker's actor
(half a CPU) left no whole CPU and the run hung, the trap of Ray issue 44687 on small
machines. The math libraries of every worker run one thread (`pin_threads`), so N
actors use N cores.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from newsdesk.batch import _tables as tables
from newsdesk.batch._annotate import Annotator, pin_threads
from newsdesk.batch._brief import Briefer
from newsdesk.batch._dedup import Verdict, keys, pairs, resolve, sign
from newsdesk.batch._read import Unit, read_rows, units
from newsdesk.batch._stories import MAX_BLOCK, blocking_keys, blocks, cluster_block
from newsdesk.batch._stories import vocabulary_keys as _vocabulary_keys
from newsdesk.model import Refusal
from newsdesk.settings import Settings

ACTOR_CPUS = 0.5
TASK_CPUS = 0.5
Batch = dict[str, Any]


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a batch run runs (what it computes is in `Settings`).

    ``workers``: CPUs of the local Ray instance and actors per pool; ``address``: an
    existing Ray cluster instead (``auto``, ``ray://host:10001``…); ``briefings``: write
    briefings; ``words``: summary length; ``threshold``: story threshold (the rule of
    `newsdesk stories`); ``max_block``: most documents grouped together; ``batch_size``:
    documents per annotation batch; ``crash_marker``: the fault test's seam (`Annotator`).
    """

    workers: int = 2
    address: str | None = None
    briefings: bool = True
    words: int = 120
    threshold: float | None = None
    max_block: int = MAX_BLOCK
    batch_size: int = 16
    crash_marker: str | None = None


@dataclass(frozen=True, slots=True)
class BatchReport:
    """What a run wrote, by table, and how long it took."""

    out: str
    counts: dict[str, int]
    seconds: float

    def __str__(self) -> str:
        c = self.counts
        copies = c.get("duplicates", 0)
        return (
            f"{self.out}: {c.get('documents', 0)} documents ({copies} duplicates), "
            f"{c.get('stories', 0)} stories, {c.get('briefings', 0)} briefings, "
            f"refused {c.get('refused', 0)} in {self.seconds:.1f} s"
        )


@contextmanager
def ray_session(options: BatchOptions) -> Iterator[None]:
    """A Ray session: the caller's if one is running, else a cluster at ``address``
    (or $RAY_ADDRESS), else a local one with ``workers`` CPUs, shut down afterwards."""
    import ray

    if ray.is_initialized():
        yield
        return
    env = pin_threads(1)
    address = options.address or os.environ.get("RAY_ADDRESS")
    if address:
        ray.init(
            address=address,
            runtime_env={"env_vars": env},
            log_to_driver=False,
            logging_level=logging.WARNING,
        )
    else:
        ray.init(
            num_cpus=options.workers + 1,  # see the module docstring
            include_dashboard=False,
            runtime_env={"env_vars": env},
            log_to_driver=False,
            logging_level=logging.WARNING,
        )
    try:
        yield
    finally:
        ray.shutdown()


def run_batch(
    inputs: Sequence[str],
    out: str | Path,
    settings: Settings | None = None,
    options: BatchOptions | None = None,
    stdin: IO[bytes] | None = None,
) -> BatchReport:
    """Run the whole batch over ``inputs`` and write the Parquet datasets under ``out``."""
    settings = settings or Settings()
    options = options or BatchOptions()
    started = time.perf_counter()
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, ray_session(options):
        stdin_path = None
        if "-" in inputs and stdin is not None:
            stdin_path = str(Path(tmp) / "stdin.jsonl")
            Path(stdin_path).write_bytes(stdin.read())
        counts = _run(list(units(inputs, stdin_path)), folder, settings, options)
    return BatchReport(str(folder), counts, time.perf_counter() - started)


def _run(
    found: list[Unit | Refusal], out: Path, settings: Settings, options: BatchOptions
) -> dict[str, int]:
    import ray
    import ray.data
    from ray.data.context import ShuffleStrategy

    logging.getLogger("ray.data").setLevel(logging.WARNING)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    # Sort-based shuffles run as plain tasks; the default hash shuffle starts aggregator
    # actors that, on a small machine, compete with the model actors for CPUs.
    context.shuffle_strategy = ShuffleStrategy.SORT_SHUFFLE_PULL_BASED
    todo = [asdict(u) for u in found if isinstance(u, Unit)]
    unread = [
        {"order": -1 - i, "id": "", "doc": "", "input": r.source, "reason": r.reason}
        for i, r in enumerate(u for u in found if isinstance(u, Refusal))
    ]
    if todo:
        read = (
            ray.data.from_items(todo, override_num_blocks=min(len(todo), 4 * options.workers))
            .flat_map(
                read_rows,  # type: ignore[arg-type]  # settings come through fn_kwargs
                fn_kwargs={"settings": settings},
                num_cpus=TASK_CPUS,
            )
            .materialize()
        )
    else:
        read = _where(ray.data.from_items([_EMPTY_READ]), "id", "none").materialize()
    docs = (
        _where(read, "reason", "")
        .map_batches(sign, batch_format="numpy", num_cpus=TASK_CPUS)
        .materialize()
    )
    verdicts = _duplicates(docs, settings)
    tagged = docs.map_batches(
        _tag, batch_format="numpy", fn_kwargs={"verdicts": ray.put(verdicts)}, num_cpus=TASK_CPUS
    ).materialize()
    originals = _where(tagged, "status", "keep").materialize()
    kept = originals.count()
    # Enough blocks for every actor to have work (one JSONL file reads as one block).
    pieces = max(1, min(kept, max(4 * options.workers, kept // options.batch_size)))
    annotated = (
        originals.repartition(pieces)
        .map_batches(
            Annotator,
            fn_constructor_kwargs={"settings": settings, "crash_marker": options.crash_marker},
            batch_size=options.batch_size,
            batch_format="numpy",
            concurrency=options.workers,
            num_cpus=ACTOR_CPUS,
        )
        .materialize()
    )
    good = _where(annotated, "reason", "").materialize()
    counts = {"duplicates": _where(tagged, "status", "copy").count()}
    _write(good, "documents", tables.documents, out)
    _write(_where(tagged, "status", "copy"), "documents", tables.documents, out, append=True)
    for name in ("quotes", "entities", "timeline"):
        _write(good, name, tables.layers(name), out)
    _write(good, "features", tables.features, out)
    refused = [
        _where(read, "reason", "", equal=False),
        _where(tagged, "status", "refuse"),
        _where(annotated, "reason", "", equal=False),
    ]
    extra = ray.data.from_items(unread) if unread else None
    _write_refused(refused, extra, out)
    storied = _stories(good, settings, options)
    _write(storied, "stories", _story_rows, out)
    if options.briefings:
        briefs = storied.groupby("story").map_groups(
            Briefer,
            fn_constructor_kwargs={"settings": settings, "words": options.words},
            batch_format="numpy",
            concurrency=(1, options.workers),
            num_cpus=ACTOR_CPUS,
        )
        _write(briefs, "briefings", lambda b: tables.table("briefings", _lists(b)), out)
    for name in tables.TABLES:
        counts[name] = tables.read(out, name).num_rows
    counts["stories"] = len(set(tables.read(out, "stories").column("story").to_pylist()))
    return counts


_EMPTY_READ = {"order": 0, "id": "", "doc": "", "input": "", "reason": ""}


def _where(ds: Any, column: str, value: str, equal: bool = True) -> Any:
    """The rows whose ``column`` equals (or, with ``equal`` False, differs from) ``value``."""
    return ds.map_batches(
        _select,
        batch_format="pyarrow",
        fn_kwargs={"column": column, "value": value, "equal": equal},
        num_cpus=TASK_CPUS,
    )


def _select(batch: Any, column: str, value: str, equal: bool) -> Any:
    import pyarrow.compute as pc

    test = pc.equal(batch[column], value) if equal else pc.not_equal(batch[column], value)
    return batch.filter(test)


def _lists(batch: Batch) -> dict[str, list[Any]]:
    return {k: list(v) for k, v in batch.items()}


def _duplicates(docs: Any, settings: Settings) -> dict[int, Verdict]:
    """Colliding pairs by a shuffle on their keys; the store's rule replayed on them."""
    if docs.count() == 0:
        return {}
    found = (
        docs.flat_map(keys, num_cpus=TASK_CPUS)
        .groupby("key")
        .map_groups(
            pairs,
            fn_kwargs={"threshold": settings.near_duplicate_threshold},
            batch_format="numpy",
            num_cpus=TASK_CPUS,
        )
        .take_all()
    )
    return resolve(found)


def _tag(batch: Batch, verdicts: Any) -> Batch:
    import ray

    table: dict[int, Verdict] = ray.get(verdicts)
    status, of, sim, reason = [], [], [], []
    for order, old in zip(batch["order"], batch["reason"], strict=True):
        verdict = table.get(int(order))
        status.append("keep" if verdict is None else verdict.status)
        of.append(verdict.of if verdict and verdict.status == "copy" else "")
        sim.append(verdict.similarity if verdict else 0.0)
        reason.append(verdict.reason if verdict and verdict.reason else str(old))
    return {**batch, "status": status, "duplicate_of": of, "similarity": sim, "reason": reason}


def _stories(good: Any, settings: Settings, options: BatchOptions) -> Any:
    """Blocks by shared names and time windows, the `stories` rule inside each block."""
    import ray

    from newsdesk.cluster import DEFAULT_THRESHOLD

    documents = good.count()
    if documents == 0:
        return good.map_batches(_story_rows_empty, batch_format="numpy")
    df = Counter(
        {
            str(r["key"]): int(r["count()"])
            for r in good.map_batches(_vocabulary_keys, batch_format="numpy", num_cpus=TASK_CPUS)
            .groupby("key")
            .count()
            .take_all()
        }
    )
    df_ref = ray.put(df)
    rows = good.map_batches(
        _blocking_keys,
        batch_format="numpy",
        fn_kwargs={"documents": documents, "df": df_ref, "days": settings.story_window_days},
        num_cpus=TASK_CPUS,
    ).take_all()
    block_of = blocks(((int(r["order"]), list(r["keys"])) for r in rows), options.max_block)
    threshold = DEFAULT_THRESHOLD if options.threshold is None else options.threshold
    return (
        good.map_batches(
            _add_block,
            batch_format="numpy",
            fn_kwargs={"blocks": ray.put(block_of)},
            num_cpus=TASK_CPUS,
        )
        .groupby("block")
        .map_groups(
            _cluster_block,
            batch_format="numpy",
            fn_kwargs={"documents": documents, "df": df_ref, "threshold": threshold},
            num_cpus=TASK_CPUS,
        )
        .materialize()
    )


def _blocking_keys(batch: Batch, documents: int, df: Any, days: float) -> Batch:
    import ray

    return blocking_keys(batch, documents, ray.get(df), days)


def _add_block(batch: Batch, blocks: Any) -> Batch:
    import ray

    table: dict[int, int] = ray.get(blocks)
    return {**batch, "block": [table[int(o)] for o in batch["order"]]}


def _cluster_block(group: Batch, documents: int, df: Any, threshold: float) -> Batch:
    import ray

    return cluster_block(group, documents, ray.get(df), threshold)


def _story_rows(batch: Batch) -> Any:
    return tables.table(
        "stories",
        {
            "doc": [str(x) for x in batch["doc"]],
            "story": [str(x) for x in batch["story"]],
            "title": [str(x) or None for x in batch["title"]],
            "order": [int(x) for x in batch["order"]],
        },
    )


def _story_rows_empty(batch: Batch) -> Batch:
    return {"order": [], "doc": [], "story": [], "title": [], "record": []}


def _write(ds: Any, name: str, rows: Any, out: Path, append: bool = False) -> None:
    """Write ``ds`` through ``rows`` (a batch to a `pyarrow.Table` of the table's schema)
    as Parquet files under ``out/name``, from the workers (replacing an earlier run's
    files, unless appending)."""
    folder = out / name
    if not append and folder.exists():
        for old in folder.glob("*.parquet"):
            old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    ds.map_batches(rows, batch_format="numpy", num_cpus=TASK_CPUS).write_parquet(str(folder))


def _write_refused(parts: list[Any], extra: Any, out: Path) -> None:
    _write(parts[0], "refused", tables.refused, out)
    for ds in [*parts[1:], *([extra] if extra is not None else [])]:
        _write(ds, "refused", tables.refused, out, append=True)


__all__ = ["ACTOR_CPUS", "TASK_CPUS", "BatchOptions", "BatchReport", "ray_session", "run_batch"]
