"""Shared by the feed tests: a fictional outlet published on a `FeedServer`, and a
watcher over a temporary store (no annotation, no stories: fast)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsdesk import app
from newsdesk.feeds import FeedOptions, Ingester, LockedWriter, Watcher, add_feed
from newsdesk.store.sqlite import SQLiteStore
from tests.feed_server import (
    FORMATS,
    FeedServer,
    Item,
    Reply,
    article_html,
    conditional,
    story_paragraphs,
    story_title,
)

FAST = FeedOptions(host_delay=0.0, timeout=2.0, workers=4, min_interval=300.0)
HTML = {"Content-Type": "text/html; charset=utf-8"}
# Entries are dated from this hour back (recent, so they count towards a posting rate).
BASE = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


# A report of another kind of event altogether (the generated reports share their words).
CONCERT = [
    "VIENNA - The Saltmarsh Philharmonic opened its winter tour with a sold-out concert "
    "of Sibelius and Nielsen symphonies, conductor Halvard Steen said on Sunday.",
    '"The audience stood for ten minutes," Steen told reporters. "We will remember this night."',
    "The orchestra plays twelve cities in five weeks, ending in Oslo in January, and "
    "its new principal cellist, Maren Dahl, makes her debut in Prague next week.",
]


@dataclass
class Outlet:
    """A fictional outlet: a feed at ``path`` in ``fmt`` and its article pages."""

    server: FeedServer
    name: str
    slug: str
    fmt: str = "rss20"

    @property
    def path(self) -> str:
        return f"/{self.slug}/feed"

    @property
    def url(self) -> str:
        return self.server.url(self.path)

    def page_path(self, n: int) -> str:
        return f"/{self.slug}/news/{n}.html"

    def item(self, n: int, guid: str | None = None, link_suffix: str = "") -> Item:
        paragraphs = story_paragraphs(n)
        return Item(
            guid=guid or f"{self.slug}-{n}",
            link=self.server.url(self.page_path(n)) + link_suffix,
            title=story_title(n),
            summary=paragraphs[0],
            published=BASE - timedelta(hours=n % 48 + 1),
        )

    def serve_page(self, n: int, title: str, paragraphs: Sequence[str]) -> None:
        """Serve page ``n`` with this text instead of the generated one."""
        page = article_html(title, self.name, paragraphs, "2026-12-01")
        self.server.routes[self.page_path(n)] = Reply(200, page, dict(HTML))

    def publish(self, items: Sequence[Item], pages: bool = True, ttl: int | None = None) -> None:
        """Serve the feed (ETag-conditional) and, with ``pages``, each item's page."""
        builder, ctype = FORMATS[self.fmt]
        if self.fmt == "rss20" and ttl is not None:
            from tests.feed_server import rss20

            body = rss20(self.name, self.server.url("/"), items, ttl=ttl)
        else:
            body = builder(self.name, self.server.url(f"/{self.slug}/"), items)
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        self.server.routes[self.path] = conditional(body, etag, ctype)
        if pages:
            for it in items:
                n = int(it.link.split("/")[-1].split(".")[0])
                published = it.published.strftime("%Y-%m-%d")
                page = article_html(it.title, self.name, story_paragraphs(n), published)
                self.server.routes[self.page_path(n)] = Reply(200, page, dict(HTML))


@contextmanager
def watcher_over(
    db: Path, feeds: Sequence[str], options: FeedOptions = FAST, ingester: Ingester | None = None
) -> Iterator[tuple[Watcher, SQLiteStore]]:
    """A watcher (and its store) following ``feeds``."""
    store = app.open_store(str(db))
    for url in feeds:
        add_feed(store, url)
    watcher = Watcher(LockedWriter(store), options, ingester or Ingester(assign=False))
    try:
        yield watcher, store
    finally:
        watcher.close()
        store.close()


def demo_outlets(server: FeedServer) -> list[str]:
    """Three fictional outlets (RSS 2.0, Atom, JSON Feed) on ``server``, two of them
    reporting the same two events, one also an unrelated concert; their feed URLs."""
    wire = Outlet(server, "Meridian Wire", "meridian", "rss20")
    gazette = Outlet(server, "Harbour Gazette", "gazette", "atom")
    courier = Outlet(server, "Valmont Courier", "valmont", "json")
    wire.publish([wire.item(1), wire.item(12)])
    concert = replace(gazette.item(3), title="Philharmonic opens winter tour", summary=CONCERT[0])
    gazette.publish([gazette.item(101), concert])
    gazette.serve_page(3, concert.title, CONCERT)
    courier.publish([courier.item(112)])
    return [wire.url, gazette.url, courier.url]
