"""The watcher: poll the feeds that are due, fetch new entries' pages, ingest them.

One round takes every due feed (or all, for ``--once``), groups them by host and hands
the groups to a few threads; each thread polls its feeds one after another (conditional
GET), records the outcome and the new entries as pending in one transaction, then takes
the feed's pending entries one by one: reads the page (robots.txt allowing) with the same
HTML extraction as ``newsdesk ingest``, or falls back to the entry's own content (marked
so), and ingests the document through `newsdesk.app.ingest` (annotation, dedup, story).

Every write goes through a `Writer`: the one writer of the store (a lock around one
connection for the CLI; the web app's ingest thread for ``serve --watch``). Crash safety:
an entry is pending until its document is committed; a restarted round finds pending
entries whose document is already stored (by id or url) and marks them done without
fetching again, and feeds are polled with the validators already recorded (a 304).
A stop request (`Watcher.stop`) lets each thread finish the document in hand.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol, TypeVar

from newsdesk.errors import InputError
from newsdesk.feeds.fetch import Fetched, Fetcher, Robots, host_of
from newsdesk.feeds.items import Entry, html_text, parse_feed
from newsdesk.feeds.options import FeedOptions
from newsdesk.feeds.schedule import failure_interval, iso, now_utc, success_interval
from newsdesk.model import Document, Refusal
from newsdesk.settings import Settings
from newsdesk.store.base import AddResult
from newsdesk.store.feeds import FeedRow, ItemRow, NewItem

if TYPE_CHECKING:
    from newsdesk.embed import SentenceEncoder
    from newsdesk.feeds.alerts import AlertChecker
    from newsdesk.ingest.extract import Page
    from newsdesk.pipeline import Pipeline
    from newsdesk.store.sqlite import SQLiteStore

T = TypeVar("T")
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


class Writer(Protocol):
    """Runs ``fn`` with the store, alone (no other write runs meanwhile)."""

    def __call__(self, fn: Callable[[SQLiteStore], T]) -> T: ...


class LockedWriter:
    """The CLI's writer: one connection, one lock."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self._lock = threading.Lock()

    def __call__(self, fn: Callable[[SQLiteStore], T]) -> T:
        with self._lock:
            return fn(self.store)


@dataclass
class FeedReport:
    """What one feed did in a round."""

    url: str
    polled: bool = False
    status: str | None = None
    error: str | None = None
    new_items: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # ingest outcome -> entries
    from_feed: int = 0  # documents made of the feed's own content (page not read)

    def count(self, outcome: str) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1

    def __str__(self) -> str:
        state = f"failed: {self.error}" if self.error else (self.status or "not polled")
        done = ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())) or "nothing new"
        extra = f" ({self.from_feed} from the feed's own content)" if self.from_feed else ""
        return f"{self.url}: {state}; {self.new_items} new entries; {done}{extra}"


@dataclass
class RoundReport:
    """A round: each feed's report and how long it took."""

    feeds: list[FeedReport]
    seconds: float

    @property
    def failed(self) -> list[FeedReport]:
        return [f for f in self.feeds if f.error]

    def total(self, outcome: str) -> int:
        return sum(f.counts.get(outcome, 0) for f in self.feeds)


class Ingester:
    """How documents are stored: the same path as ``newsdesk ingest`` (one document per
    call, so each entry commits on its own)."""

    def __init__(
        self,
        settings: Settings | None = None,
        pipeline: Pipeline | Callable[[], Pipeline] | None = None,
        assign: bool = True,
        embedder: SentenceEncoder | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self._pipeline = pipeline
        self.assign = assign
        self._embedder = embedder

    @property
    def pipeline(self) -> Pipeline | None:
        """The annotation pipeline (a factory given is called on first use)."""
        from newsdesk.pipeline import Pipeline

        if self._pipeline is not None and not isinstance(self._pipeline, Pipeline):
            self._pipeline = self._pipeline()
        return self._pipeline

    @property
    def embedder(self) -> SentenceEncoder | None:
        if self.assign and self._embedder is None:
            from newsdesk.embed import Embedder

            self._embedder = Embedder()
        return self._embedder

    def __call__(self, store: SQLiteStore, doc: Document) -> AddResult:
        from newsdesk import app

        [result] = app.ingest(
            [doc],
            store,
            self.pipeline,
            batch_size=1,
            assign=self.assign,
            embedder=self.embedder,
            settings=self.settings,
        )
        return result


class Watcher:
    """Polls feeds and ingests new entries (see the module docstring)."""

    def __init__(
        self,
        write: Writer,
        options: FeedOptions | None = None,
        ingester: Ingester | None = None,
        alerts: AlertChecker | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.write = write
        self.options = options or FeedOptions()
        self.ingester = ingester or Ingester()
        self.alerts = alerts
        self.fetcher = fetcher or Fetcher(self.options)
        self.robots = Robots(self.fetcher)
        self.stop = threading.Event()
        self._wake = threading.Event()

    def request_stop(self) -> None:
        """Stop after the documents in hand (safe from a signal handler)."""
        self.stop.set()
        self._wake.set()

    def wake(self) -> None:
        """End the pause between rounds now (a feed was added)."""
        self._wake.set()

    def close(self) -> None:
        self.fetcher.close()

    # -- rounds ------------------------------------------------------------------------

    def round(self, force: bool = False) -> RoundReport:
        """Poll the due feeds (every feed with ``force``) and finish every pending entry."""
        started = time.monotonic()
        now = iso(now_utc())

        def todo(store: SQLiteStore) -> list[tuple[FeedRow, bool]]:
            polled = store.feeds.rows() if force else store.feeds.due(now)
            urls = {f.url for f in polled}
            leftover = [store.feeds.get(u) for u in store.feeds.with_pending() if u not in urls]
            return [(f, True) for f in polled] + [(f, False) for f in leftover if f]

        work = self.write(todo)
        groups: dict[str, list[tuple[FeedRow, bool]]] = {}
        for feed, poll in work:
            groups.setdefault(host_of(feed.url), []).append((feed, poll))
        reports: list[FeedReport] = []
        if groups:
            workers = max(1, min(self.options.workers, len(groups)))
            with ThreadPoolExecutor(workers, thread_name_prefix="newsdesk-feed") as pool:
                for found in pool.map(self._group, groups.values()):
                    reports.extend(found)
        return RoundReport(reports, time.monotonic() - started)

    def run(
        self,
        interval: float = 60.0,
        on_round: Callable[[RoundReport], None] | None = None,
    ) -> None:
        """Rounds until `stop` is set: after each, sleep until the next feed is due (at
        most ``interval`` seconds)."""
        while not self.stop.is_set():
            report = self.round()
            if on_round is not None:
                on_round(report)
            if self.stop.is_set():
                break
            self._wake.wait(self._pause(interval))
            self._wake.clear()

    def _pause(self, interval: float) -> float:
        due = self.write(lambda s: s.feeds.next_due())
        if due is None:
            return interval
        wait = (datetime.fromisoformat(due) - now_utc()).total_seconds()
        return max(1.0, min(interval, wait))

    def _group(self, feeds: Iterable[tuple[FeedRow, bool]]) -> list[FeedReport]:
        reports = []
        for feed, poll in feeds:
            if self.stop.is_set():
                break
            reports.append(self.feed(feed, poll))
        return reports

    # -- one feed ----------------------------------------------------------------------

    def feed(self, feed: FeedRow, poll: bool = True) -> FeedReport:
        """Poll one feed (unless ``poll`` is False) and ingest its pending entries."""
        report = FeedReport(feed.url)
        try:
            if poll:
                self._poll(feed, report)
            pending = self.write(lambda s: s.feeds.pending(feed.url))
            current = self.write(lambda s: s.feeds.get(feed.url)) or feed
            for item in pending:
                if self.stop.is_set():
                    break
                self._item(current, item, report)
        except Exception as exc:  # one feed's bug never stops the round
            report.error = report.error or f"{type(exc).__name__}: {exc}"[:300]
            try:
                self.write(lambda s: s.feeds.record_fetch(feed.url, last_error=report.error))
            except Exception:  # the store itself failed: the report still says why
                pass
        return report

    def _poll(self, feed: FeedRow, report: FeedReport) -> None:
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        got = self.fetcher.get(feed.url, headers)
        report.polled = True
        now = now_utc()
        if got.status == 304 and got.error is None:
            report.status = "304"
            interval = max(
                feed.interval, success_interval([], got.headers, None, now, self.options)
            )
            self._record(feed, now, interval, last_status="304", last_error=None, errors=0)
            return
        if not got.ok:
            self._failed(feed, got, now, report, got.error or f"HTTP {got.status}")
            return
        try:
            parsed = parse_feed(got.body, got.headers, got.final_url)
        except InputError as exc:
            self._failed(feed, got, now, report, str(exc))
            return
        report.status = str(got.status)
        entries = parsed.entries[: self.options.max_items]
        items = [new_item(feed.url, e) for e in entries]
        dates = [e.published for e in parsed.entries if e.published]
        interval = success_interval(dates, got.headers, parsed.ttl, now, self.options)

        def record(store: SQLiteStore) -> int:
            with store.transaction():
                store.feeds.record_fetch(
                    feed.url,
                    etag=got.headers.get("etag"),
                    last_modified=got.headers.get("last-modified"),
                    last_status=str(got.status),
                    last_error=None,
                    last_fetched=iso(now),
                    next_fetch=iso(now + timedelta(seconds=interval)),
                    interval=interval,
                    errors=0,
                    feed_title=parsed.title,
                    site_url=parsed.site_url,
                )
                return len(store.feeds.add_items(feed.url, items, iso(now)))

        report.new_items = self.write(record)

    def _record(self, feed: FeedRow, now: datetime, interval: float, **state: object) -> None:
        def record(store: SQLiteStore) -> None:
            store.feeds.record_fetch(
                feed.url,
                last_fetched=iso(now),
                next_fetch=iso(now + timedelta(seconds=interval)),
                **state,
            )

        self.write(record)

    def _failed(
        self, feed: FeedRow, got: Fetched, now: datetime, report: FeedReport, error: str
    ) -> None:
        errors = feed.errors + 1
        interval = failure_interval(errors, got.status, got.headers, now, self.options)
        report.status = str(got.status) if got.status is not None else "error"
        report.error = error
        self._record(
            feed, now, interval, last_status=report.status, last_error=error, errors=errors
        )

    # -- one entry ---------------------------------------------------------------------

    def _item(self, feed: FeedRow, item: ItemRow, report: FeedReport) -> None:
        stored = self.write(lambda s: s.feeds.stored_as(item.doc_id, item.link))
        if stored is not None:  # committed by an earlier, interrupted round
            self._finish(item, "unchanged", None, f"already stored as {stored}", stored)
            report.count("unchanged")
            return
        made, content, note = self.document(feed, item)
        if isinstance(made, Refusal):
            self._finish(item, "refused", content, made.reason, None)
            report.count("refused")
            return
        if content == "feed":
            report.from_feed += 1
        alerts = self.alerts

        def ingest(store: SQLiteStore) -> AddResult:
            result = self.ingester(store, made)
            if alerts is not None and result.status == "added":
                alerts.check(store, [result.id])
            return result

        result = self.write(ingest)
        reason = "; ".join(filter(None, [note, result.reason]))
        of = result.of if result.status in ("duplicate", "unchanged") else None
        self._finish(item, result.status, content, reason or None, of)
        report.count(result.status)

    def _finish(
        self,
        item: ItemRow,
        outcome: str,
        content: str | None,
        reason: str | None,
        doc_id: str | None,
    ) -> None:
        now = iso(now_utc())

        def finish(store: SQLiteStore) -> None:
            with store.transaction():
                store.feeds.finish(item.pk, outcome, content, reason, now, doc_id)

        self.write(finish)

    def document(self, feed: FeedRow, item: ItemRow) -> tuple[Document | Refusal, str, str | None]:
        """The entry's document, from its page or else from the feed's own content;
        with where the text came from ('page' or 'feed') and why the page was not used."""
        entry = Entry.from_json(item.entry)
        settings = self.ingester.settings
        published = entry.published.isoformat() if entry.published else None
        page, problem = self._page(item.link)
        if page is not None:
            doc = Document(
                id=item.doc_id,
                text=page.text,
                title=entry.title or page.title,
                outlet=feed.name or page.outlet,
                author=page.author,
                url=item.link,
                published=published or _iso_or_none(page.published),
                source=item.link,
            )
            content, note = "page", None
        else:
            doc = Document(
                id=item.doc_id,
                text=html_text(entry.html),
                title=entry.title,
                outlet=feed.name,
                url=item.link,
                published=published,
                source=f"{feed.url} (feed content)",
            )
            content, note = "feed", f"feed content stored: {problem}"
        if len(doc.text) < settings.min_text_chars:
            why = "empty text" if not doc.text else f"text too short ({len(doc.text)} characters)"
            return Refusal(doc.source or doc.id, f"{why}; {note}" if note else why), content, note
        return doc, content, note

    def _page(self, url: str | None) -> tuple[Page | None, str]:
        from newsdesk.ingest.clean import decode
        from newsdesk.ingest.extract import extract_html

        if not url:
            return None, "the entry has no link"
        if not self.options.fetch_pages:
            return None, "pages are not fetched (--no-pages)"
        if self.options.robots and not self.robots.allowed(url):
            return None, "page disallowed by robots.txt"
        got = self.fetcher.get(url)
        if not got.ok:
            return None, f"page {got.error or f'HTTP {got.status}'}"
        ctype = got.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype not in HTML_TYPES:
            return None, f"page is not HTML ({ctype})"
        limit = self.ingester.settings.max_document_bytes
        if len(got.body) > limit:
            return None, f"page too large ({len(got.body) / 1e6:.1f} MB)"
        try:
            return extract_html(decode(got.body), url=got.final_url), ""
        except InputError as exc:
            return None, f"page: {exc}"


def new_item(feed_url: str, entry: Entry) -> NewItem:
    """The record of an entry: dedup keys, document id, the entry as JSON."""
    import hashlib

    key = entry.link or entry.guid or entry.hash
    host = host_of(entry.link or feed_url)[:80] or "feed"
    doc_id = f"{host}/{hashlib.sha1(key.encode()).hexdigest()[:12]}"
    return NewItem(
        guid=entry.guid,
        link=entry.link,
        hash=entry.hash,
        doc_id=doc_id,
        title=entry.title,
        published=entry.published.isoformat() if entry.published else None,
        entry=entry.to_json(),
    )


def _iso_or_none(value: str | None) -> str | None:
    if not value:
        return None
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return None
    return value
