"""Managing what a store follows: feeds and alerts (what the CLI and web app call).

Each function takes the store and writes in its own transaction; URLs are checked
(`check_url`) before they are stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsdesk.errors import InputError
from newsdesk.feeds.opml import read_opml, write_opml
from newsdesk.feeds.options import FeedOptions
from newsdesk.feeds.schedule import iso, now_utc

if TYPE_CHECKING:
    from newsdesk.store.alerts import AlertRow
    from newsdesk.store.feeds import FeedRow
    from newsdesk.store.sqlite import SQLiteStore

MAX_URL_CHARS = 2000


def check_url(url: str) -> str:
    """``url`` stripped, if it is an http(s) URL with a host; `InputError` if not."""
    url = url.strip()
    if len(url) > MAX_URL_CHARS:
        raise InputError(f"URL too long (over {MAX_URL_CHARS} characters)")
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        raise InputError(f"URL has spaces or control characters: {url!r}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise InputError(f"not a URL: {url!r} ({exc})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"not an http(s) URL: {url!r}")
    return url


def add_feed(
    store: SQLiteStore, url: str, title: str | None = None, options: FeedOptions | None = None
) -> bool:
    """Follow a feed (due at once); False when the store follows it already."""
    options = options or FeedOptions()
    url = check_url(url)
    title = " ".join((title or "").split())[:300] or None
    with store.transaction():
        return store.feeds.add(url, title, iso(now_utc()), options.default_interval)


def remove_feed(store: SQLiteStore, url: str) -> bool:
    """Stop following a feed (its documents stay); False when it was not followed."""
    with store.transaction():
        return store.feeds.remove(url.strip())


def import_opml(store: SQLiteStore, data: bytes) -> tuple[list[str], list[str], list[str]]:
    """Follow every feed of an OPML document: (added, already followed, refused with
    the reason)."""
    added: list[str] = []
    known: list[str] = []
    refused: list[str] = []
    for url, title in read_opml(data):
        try:
            (added if add_feed(store, url, title) else known).append(url)
        except InputError as exc:
            refused.append(f"{url}: {exc}")
    return added, known, refused


def export_opml(store: SQLiteStore) -> str:
    """The store's feeds as OPML 2.0."""
    return write_opml((f.url, f.name) for f in store.feeds.rows())


def list_feeds(store: SQLiteStore) -> list[FeedRow]:
    return store.feeds.rows()


def add_alert(
    store: SQLiteStore, query: str | None, person: str | None = None, webhook: str | None = None
) -> int:
    """Save a watch; its id. Needs a query or a person."""
    from newsdesk.store.queries import fts_query

    query = (query or "").strip() or None
    person = " ".join((person or "").split()) or None
    if query is None and person is None:
        raise InputError("an alert needs a query or a person")
    if query is not None and not fts_query(query):
        raise InputError(f"the query {query!r} has no word to search for")
    if webhook is not None:
        webhook = check_url(webhook)
    with store.transaction():
        return store.alerts.add(query, person, webhook, iso(now_utc()))


def remove_alert(store: SQLiteStore, alert_id: int) -> bool:
    with store.transaction():
        return store.alerts.remove(alert_id)


def list_alerts(store: SQLiteStore) -> list[AlertRow]:
    return store.alerts.rows()
