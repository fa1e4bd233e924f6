"""Background ingest: one worker thread owns the only writable connection to the store.

Uploads become jobs; the worker runs them one after another (read, annotate and store,
group into stories) and records per-item results as it goes, so a page can poll the
job's progress. Other writes (adding a feed, the feed watcher's documents) are handed to
the same thread with `IngestWorker.call`. Request handlers only read (see
`newsdesk.store.queries`).
"""

from __future__ import annotations

import queue
import shutil
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from newsdesk import app as api
from newsdesk.embed import SentenceEncoder
from newsdesk.feeds.alerts import AlertChecker
from newsdesk.model import Document, Refusal
from newsdesk.pipeline import Pipeline
from newsdesk.settings import Settings
from newsdesk.store.base import AddResult
from newsdesk.store.queries import ReadOnlyStore, document_story
from newsdesk.store.sqlite import SQLiteStore
from newsdesk.web.entity_view import story_url
from newsdesk.web.story_view import document_url

JSON = dict[str, Any]
KEEP_JOBS = 50
T = TypeVar("T")


@dataclass(frozen=True)
class _Call:
    """A write to run on the worker thread, and where its result goes."""

    fn: Callable[[SQLiteStore], Any]
    future: Future[Any]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Staged:
    """An uploaded file saved under a generated name, with the name the user gave it.

    ``doc_id`` is the id its document gets (a .txt or .html file holds one document;
    a .jsonl file's lines keep the ids they give).
    """

    path: Path
    name: str
    doc_id: str | None = None


@dataclass
class Job:
    """One upload's ingest: its state, progress and what happened to each item."""

    id: str
    files: list[JSON]
    state: str = "queued"
    created: str = field(default_factory=_now)
    finished: str | None = None
    total: int = 0
    results: list[JSON] = field(default_factory=list)
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def update(self, **changes: Any) -> None:
        with self.lock:
            for key, value in changes.items():
                setattr(self, key, value)

    def add(self, result: JSON) -> None:
        with self.lock:
            self.results.append(result)

    def to_dict(self) -> JSON:
        """The job as its JSON twin shows it."""
        with self.lock:
            results = [dict(r) for r in self.results]
            counts: dict[str, int] = {}
            for r in results:
                counts[r["status"]] = counts.get(r["status"], 0) + 1
            refused_files = sum(1 for f in self.files if f["status"] == "refused")
            return {
                "id": self.id,
                "url": f"/jobs/{self.id}",
                "state": self.state,
                "done": self.state in ("done", "failed"),
                "created": self.created,
                "finished": self.finished,
                "files": [dict(f) for f in self.files],
                "total": self.total,
                "processed": len(results),
                "counts": counts,
                "refused_files": refused_files,
                "results": results,
                "error": self.error,
            }


def _result(result: AddResult) -> JSON:
    return {
        "source": result.source or result.id,
        "id": result.id,
        "status": result.status,
        "reason": result.reason,
        "of": result.of,
        "message": str(result),
        "url": document_url(result.of or result.id) if result.status != "refused" else None,
        "story_url": None,
    }


class IngestWorker:
    """A single thread that ingests staged uploads into the store it alone writes to."""

    def __init__(
        self,
        store: SQLiteStore,
        reader: ReadOnlyStore,
        pipeline_factory: Callable[[], Pipeline],
        embedder: SentenceEncoder | None,
        settings: Settings | None = None,
    ) -> None:
        self.store = store
        self.reader = reader
        self.settings = settings or Settings()
        self.embedder = embedder
        self._factory = pipeline_factory
        self._pipeline: Pipeline | None = None
        self._queue: queue.Queue[tuple[Job, list[Staged], Path] | _Call | None] = queue.Queue()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._jobs_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._closed = False
        # Saved alerts checked against each upload's new documents (set by the app).
        self.alerts: AlertChecker | None = None

    def new_job(self, files: list[JSON]) -> Job:
        """A job record (kept for the last `KEEP_JOBS` jobs)."""
        job = Job(id=uuid.uuid4().hex[:16], files=files)
        with self._jobs_lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
        return job

    def job(self, job_id: str) -> Job | None:
        with self._jobs_lock:
            return self._jobs.get(job_id)

    def jobs(self) -> list[Job]:
        """Recent jobs, newest first."""
        with self._jobs_lock:
            return list(reversed(self._jobs.values()))

    def _start(self) -> None:
        with self._start_lock:
            if self._closed:
                raise RuntimeError("the ingest worker is closed")
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, name="newsdesk-ingest", daemon=True
                )
                self._thread.start()

    def submit(self, job: Job, staged: list[Staged], folder: Path) -> None:
        """Queue a job's staged files (``folder`` is removed when the job ends)."""
        self._start()
        self._queue.put((job, staged, folder))

    def call(self, fn: Callable[[SQLiteStore], T]) -> T:
        """Run ``fn(store)`` on the worker thread, after the writes queued before it;
        return its result (or raise its exception). The `Writer` of the feed watcher."""
        if threading.current_thread() is self._thread:
            return fn(self.store)
        self._start()
        future: Future[T] = Future()
        self._queue.put(_Call(fn, future))
        return future.result()

    def pipeline(self) -> Pipeline:
        """The ingest pipeline (built on first use, shared by uploads and the watcher)."""
        if self._pipeline is None:
            self._pipeline = self._factory()
        return self._pipeline

    def close(self, timeout: float = 30.0) -> None:
        """Finish the queued jobs, stop the thread, close the store."""
        with self._start_lock:
            self._closed = True
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
        self.store.close()

    def _loop(self) -> None:
        while (task := self._queue.get()) is not None:
            if isinstance(task, _Call):
                try:
                    task.future.set_result(task.fn(self.store))
                except BaseException as exc:  # handed to the caller
                    task.future.set_exception(exc)
                continue
            job, staged, folder = task
            try:
                self._run(job, staged)
                job.update(state="done", finished=_now())
            except Exception as exc:  # a failed job is reported, the worker goes on
                job.update(state="failed", error=f"{type(exc).__name__}: {exc}", finished=_now())
            finally:
                shutil.rmtree(folder, ignore_errors=True)

    def _run(self, job: Job, staged: list[Staged]) -> None:
        job.update(state="reading")
        items = [item for s in staged for item in _read_safely(s, self.settings)]
        job.update(total=len(items), state="annotating")
        added: list[JSON] = []
        for result in api.ingest(
            items, self.store, pipeline=self.pipeline(), embedder=self.embedder
        ):
            record = _result(result)
            job.add(record)
            if result.status == "added":
                added.append(record)
        job.update(state="grouping")
        api.assign_stories(self.store, embedder=self.embedder, settings=self.settings)
        if self.alerts is not None and added:
            self.alerts.check(self.store, [r["id"] for r in added])
        with self.reader.connect() as conn:
            for record in added:
                story = document_story(conn, record["id"])
                with job.lock:
                    record["story_url"] = story_url(story)


def _read_safely(staged: Staged, settings: Settings) -> list[Document | Refusal]:
    """The items of one staged file; a reader failure refuses this file, not the job."""
    try:
        return list(_read(staged, settings))
    except Exception as exc:
        reason = f"cannot be read: {type(exc).__name__}: {str(exc)[:200]}"
        return [Refusal(staged.name, reason.replace(str(staged.path), staged.name))]


def _read(staged: Staged, settings: Settings) -> Iterator[Document | Refusal]:
    """The items of one staged file, named after the file the user uploaded."""
    path = str(staged.path)

    def named(source: str | None) -> str:
        return (source or path).replace(path, staged.name)

    for item in api.read([path], settings):
        if isinstance(item, Refusal):
            reason = item.reason.replace(path, staged.name)
            refused_id = staged.doc_id if staged.doc_id is not None else item.id
            yield Refusal(named(item.source), reason, id=refused_id)
        elif staged.doc_id is not None:
            yield replace(item, id=staged.doc_id, source=staged.name)
        else:
            yield replace(item, source=named(item.source))
