"""Alerts: saved watches checked against each new document, and their webhooks.

`AlertChecker.check` runs in the writer's hands right after a document is stored: every
alert whose query (FTS5, made safe by `newsdesk.store.queries.fts_query`) and person
match the document records a hit for the document, and one for its story the first time
the story matches. A hit of an alert with a webhook is handed to the `WebhookSender`,
a thread of its own that POSTs it as JSON, retrying with exponential backoff: ingest
never waits on a receiver. Deliveries still pending when the process stopped are sent
again on the next start (`WebhookSender.resume`).
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsdesk.feeds.schedule import iso, now_utc
from newsdesk.store.queries import fts_query

if TYPE_CHECKING:
    from newsdesk.feeds.watcher import Writer
    from newsdesk.store.alerts import AlertRow, HitRow
    from newsdesk.store.sqlite import SQLiteStore

JSON = dict[str, Any]


def hit_payload(store: SQLiteStore, alert: AlertRow, hit: HitRow) -> JSON:
    """What a webhook receives for one hit."""
    doc = store.get(hit.doc_id) if hit.doc_id else None
    story = store.stories.row(hit.story_id) if hit.story_id else None
    return {
        "type": "newsdesk.alert/1",
        "alert": {"id": alert.id, "query": alert.query, "person": alert.person},
        "kind": hit.kind,
        "at": hit.at,
        "document": {
            "id": doc.id,
            "title": doc.title,
            "outlet": doc.outlet,
            "url": doc.url,
            "published": doc.published,
        }
        if doc
        else None,
        "story": {"id": story.id, "title": story.title, "size": story.size} if story else None,
    }


@dataclass(frozen=True, slots=True)
class Delivery:
    pk: int
    url: str
    payload: JSON


class WebhookSender:
    """POSTs hits to their webhooks from its own thread, with retries and backoff.

    ``report(pk, state, attempts, error)`` is called after the last try ('sent' or
    'failed'); the caller records it in the store (through its writer).
    """

    def __init__(
        self,
        report: Callable[[int, str, int, str | None], None],
        attempts: int = 5,
        backoff: float = 2.0,
        timeout: float = 10.0,
        user_agent: str = "newsdesk alerts",
    ) -> None:
        self.report = report
        self.attempts = attempts
        self.backoff = backoff
        self.timeout = timeout
        self.user_agent = user_agent
        self._queue: queue.Queue[Delivery | None] = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="newsdesk-webhooks", daemon=True)
        self._thread.start()

    def send(self, delivery: Delivery) -> None:
        """Queue a POST (never blocks)."""
        self._queue.put(delivery)

    def resume(self, write: Writer) -> int:
        """Queue again the deliveries a stopped process left pending; how many."""

        def pending(store: SQLiteStore) -> list[Delivery]:
            alerts = {a.id: a for a in store.alerts.rows()}
            found = []
            for hit in store.alerts.undelivered():
                alert = alerts.get(hit.alert_id)
                if alert is not None and alert.webhook:
                    found.append(Delivery(hit.pk, alert.webhook, hit_payload(store, alert, hit)))
            return found

        found = write(pending)
        for delivery in found:
            self.send(delivery)
        return len(found)

    def close(self, wait: float = 10.0) -> None:
        """Let queued deliveries go out for up to ``wait`` seconds, then stop."""
        self._queue.put(None)
        self._thread.join(wait)
        self._stop.set()
        self._thread.join(self.timeout + 1)

    def _loop(self) -> None:
        import httpx

        with httpx.Client(
            timeout=self.timeout, headers={"User-Agent": self.user_agent}, follow_redirects=False
        ) as client:
            while (delivery := self._queue.get()) is not None:
                self._deliver(client, delivery)

    def _deliver(self, client: Any, delivery: Delivery) -> None:
        import httpx

        error: str | None = None
        for attempt in range(1, self.attempts + 1):
            try:
                response = client.post(delivery.url, json=delivery.payload)
                if response.status_code < 300:
                    self._report(delivery.pk, "sent", attempt, None)
                    return
                error = f"HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"[:300]
            if attempt < self.attempts and self._stop.wait(self.backoff * 2 ** (attempt - 1)):
                break
        self._report(delivery.pk, "failed", self.attempts, error)

    def _report(self, pk: int, state: str, attempts: int, error: str | None) -> None:
        try:
            self.report(pk, state, attempts, error)
        except Exception:  # a closed store: the delivery stays pending, resent next start
            pass


class AlertChecker:
    """Matches new documents against the saved alerts (see the module docstring)."""

    def __init__(self, sender: WebhookSender | None = None) -> None:
        self.sender = sender
        self.recorded = 0

    def check(self, store: SQLiteStore, doc_ids: Sequence[str]) -> list[HitRow]:
        """Record the hits of ``doc_ids`` (stored documents) in one transaction."""
        alerts = store.alerts.rows()
        if not alerts or not doc_ids:
            return []
        now = iso(now_utc())
        new: list[tuple[AlertRow, int]] = []
        with store.transaction():
            for alert in alerts:
                fts = fts_query(alert.query) if alert.query else None
                for doc_id in store.alerts.match(alert, fts, doc_ids):
                    doc = store.get(doc_id)
                    story = store.stories.assigned(doc_id) or ""
                    title = doc.title if doc else None
                    delivery = "pending" if alert.webhook else None
                    for kind, did in (("document", doc_id), ("story", "")):
                        if kind == "story" and not story:
                            continue
                        pk = store.alerts.record(alert.id, kind, did, story, title, delivery, now)
                        if pk is not None:
                            new.append((alert, pk))
        hits = {h.pk: h for h in store.alerts.hits(limit=max(100, len(new)))}
        found = [hits[pk] for _, pk in new if pk in hits]
        self.recorded += len(found)
        if self.sender is not None:
            for alert, pk in new:
                if alert.webhook and pk in hits:
                    payload = hit_payload(store, alert, hits[pk])
                    self.sender.send(Delivery(pk, alert.webhook, payload))
        return found


def store_delivery(write: Writer) -> Callable[[int, str, int, str | None], None]:
    """A `WebhookSender` report function that records the outcome through ``write``."""

    def report(pk: int, state: str, attempts: int, error: str | None) -> None:
        write(lambda s: s.alerts.delivered(pk, state, attempts, error))

    return report


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    """Poll ``condition`` until true or ``timeout`` seconds pass (for shutdown)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()
