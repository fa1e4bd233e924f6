"""Live news: follow RSS/Atom/JSON feeds, fetch each new entry's page, ingest it.

Modules: `options` (every knob), `fetch` (HTTP with limits; per-host politeness;
robots.txt), `items` (feed documents to entries; what makes two entries the same),
`schedule` (when to poll next), `opml` (import/export), `watcher` (rounds: poll, fetch,
ingest through `newsdesk.app.ingest`), `alerts` (saved watches, webhooks), `manage`
(add/remove feeds and alerts). The SQL is in `newsdesk.store.feeds` and
`newsdesk.store.alerts`. Nothing here is imported by ``import newsdesk``.
"""

from newsdesk.feeds.manage import (
    add_alert,
    add_feed,
    export_opml,
    import_opml,
    list_alerts,
    list_feeds,
    remove_alert,
    remove_feed,
)
from newsdesk.feeds.options import FeedOptions
from newsdesk.feeds.watcher import FeedReport, Ingester, LockedWriter, RoundReport, Watcher

__all__ = [
    "FeedOptions",
    "FeedReport",
    "Ingester",
    "LockedWriter",
    "RoundReport",
    "Watcher",
    "add_alert",
    "add_feed",
    "export_opml",
    "import_opml",
    "list_alerts",
    "list_feeds",
    "remove_alert",
    "remove_feed",
]
