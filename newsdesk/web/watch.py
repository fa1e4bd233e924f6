"""``serve --watch``: the feed watcher inside the web app.

The watcher runs rounds on a thread of its own (the network waits there, and on its
fetch threads), and hands every write to the ingest worker (`IngestWorker.call`), the
one thread that writes to the store: uploads and feed documents take turns. Stopping
the server stops the watcher first (the documents in hand are finished).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from newsdesk.feeds.alerts import AlertChecker, WebhookSender, store_delivery
from newsdesk.feeds.options import FeedOptions
from newsdesk.feeds.watcher import Ingester, RoundReport, Watcher

if TYPE_CHECKING:
    from newsdesk.embed import SentenceEncoder
    from newsdesk.settings import Settings
    from newsdesk.web.jobs import IngestWorker


class FeedWatch:
    """A `Watcher` on its own thread, writing through the ingest worker."""

    def __init__(
        self,
        worker: IngestWorker,
        settings: Settings,
        embedder: SentenceEncoder | None,
        options: FeedOptions | None = None,
        interval: float = 60.0,
    ) -> None:
        self.interval = interval
        self.sender = WebhookSender(store_delivery(worker.call))
        ingester = Ingester(settings, worker.pipeline, assign=True, embedder=embedder)
        self.watcher = Watcher(
            worker.call, options or FeedOptions(), ingester, AlertChecker(self.sender)
        )
        self.last_round: RoundReport | None = None
        self.rounds = 0
        self._thread = threading.Thread(target=self._run, name="newsdesk-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """Poll now (a feed was just added): ends the current pause early."""
        self.watcher.wake()

    def _run(self) -> None:
        self.sender.resume(self.watcher.write)
        self.watcher.run(self.interval, on_round=self._done)

    def _done(self, report: RoundReport) -> None:
        self.last_round = report
        self.rounds += 1

    def close(self, timeout: float = 30.0) -> None:
        self.watcher.request_stop()
        self._thread.join(timeout)
        self.watcher.close()
        self.sender.close(wait=2.0)
