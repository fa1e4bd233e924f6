"""Feeds and their items in the SQLite store (schema v4, see `newsdesk.store.schema`).

The store persists and queries; `newsdesk.feeds` computes (what to fetch, when, and what
an entry is). ``feeds`` keeps one row per followed feed: the HTTP validators of its last
answer, the outcome of its last fetch, its schedule and running counts. ``feed_items``
keeps every entry seen under its dedup keys, 'pending' until it went through ingest,
then 'done' with the outcome. Every method here runs in the caller's transaction, or in
its own one-statement transaction (autocommit) when there is none.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

__all__ = ["FeedRow", "ItemRow", "NewItem", "SQLiteFeeds"]

_FEED_COLUMNS = (
    "url, title, feed_title, site_url, added_at, etag, last_modified, last_status, "
    "last_error, last_fetched, next_fetch, interval, errors, items_seen, documents_added"
)


@dataclass(frozen=True, slots=True)
class FeedRow:
    """A followed feed as stored."""

    url: str
    title: str | None
    feed_title: str | None
    site_url: str | None
    added_at: str
    etag: str | None
    last_modified: str | None
    last_status: str | None
    last_error: str | None
    last_fetched: str | None
    next_fetch: str
    interval: float
    errors: int
    items_seen: int
    documents_added: int

    @property
    def name(self) -> str | None:
        """The title to show (and to give documents as their outlet): the one the user
        gave, else the feed's own."""
        return self.title or self.feed_title

    def to_dict(self) -> dict[str, Any]:
        """The ``newsdesk feeds ls --format json`` record."""
        return {
            "url": self.url,
            "title": self.name,
            "last_status": self.last_status,
            "last_error": self.last_error,
            "last_fetched": self.last_fetched,
            "next_fetch": self.next_fetch,
            "items_seen": self.items_seen,
            "documents_added": self.documents_added,
            "errors": self.errors,
            "interval_seconds": round(self.interval),
            "site_url": self.site_url,
            "added_at": self.added_at,
        }


@dataclass(frozen=True, slots=True)
class NewItem:
    """An entry to remember: its dedup keys, the id its document gets, and the entry
    itself as JSON (what ingest needs when the page cannot be read)."""

    guid: str | None
    link: str | None
    hash: str
    doc_id: str
    title: str | None
    published: str | None
    entry: str


@dataclass(frozen=True, slots=True)
class ItemRow:
    """A stored entry."""

    pk: int
    feed_url: str
    guid: str | None
    link: str | None
    doc_id: str
    title: str | None
    published: str | None
    entry: str
    state: str
    outcome: str | None
    content: str | None
    reason: str | None


_ITEM_COLUMNS = ", ".join(f.name for f in fields(ItemRow))


class SQLiteFeeds:
    """The feed tables of one store connection (`SQLiteStore.feeds`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- feeds -------------------------------------------------------------------------

    def add(self, url: str, title: str | None, now: str, interval: float) -> bool:
        """Follow ``url`` (due at once); False when it is followed already (a given title
        replaces the old one)."""
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO feeds (url, title, added_at, next_fetch, interval) "
            "VALUES (?, ?, ?, ?, ?)",
            (url, title, now, now, interval),
        )
        if cur.rowcount == 0 and title:
            self.conn.execute("UPDATE feeds SET title = ? WHERE url = ?", (title, url))
        return cur.rowcount > 0

    def remove(self, url: str) -> bool:
        """Stop following ``url`` (its item records go with it; documents stay)."""
        self.conn.execute("DELETE FROM feed_items WHERE feed_url = ?", (url,))
        return self.conn.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount > 0

    def get(self, url: str) -> FeedRow | None:
        row = self.conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = ?", (url,))
        found = row.fetchone()
        return FeedRow(*found) if found else None

    def rows(self) -> list[FeedRow]:
        """Every followed feed, in the order they were added."""
        rows = self.conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY rowid")
        return [FeedRow(*r) for r in rows]

    def due(self, now: str) -> list[FeedRow]:
        """Feeds to poll now (``next_fetch`` reached), soonest first."""
        rows = self.conn.execute(
            f"SELECT {_FEED_COLUMNS} FROM feeds WHERE next_fetch <= ? ORDER BY next_fetch, rowid",
            (now,),
        )
        return [FeedRow(*r) for r in rows]

    def with_pending(self) -> list[str]:
        """Feeds with entries not yet through ingest (what a stopped round left)."""
        rows = self.conn.execute(
            "SELECT DISTINCT feed_url FROM feed_items WHERE state = 'pending' ORDER BY feed_url"
        )
        return [r[0] for r in rows]

    def next_due(self) -> str | None:
        """The earliest ``next_fetch`` of any feed."""
        row = self.conn.execute("SELECT min(next_fetch) FROM feeds").fetchone()
        return str(row[0]) if row and row[0] else None

    def record_fetch(self, url: str, **state: Any) -> None:
        """Store the outcome of a fetch: any of ``etag``, ``last_modified``,
        ``last_status``, ``last_error``, ``last_fetched``, ``next_fetch``, ``interval``,
        ``errors``, ``feed_title``, ``site_url``."""
        allowed = {
            "etag",
            "last_modified",
            "last_status",
            "last_error",
            "last_fetched",
            "next_fetch",
            "interval",
            "errors",
            "feed_title",
            "site_url",
        }
        unknown = set(state) - allowed
        if unknown:
            raise ValueError(f"unknown feed columns: {sorted(unknown)}")
        if not state:
            return
        sets = ", ".join(f"{k} = ?" for k in state)
        self.conn.execute(f"UPDATE feeds SET {sets} WHERE url = ?", (*state.values(), url))

    # -- items -------------------------------------------------------------------------

    def known(self, feed_url: str, item: NewItem) -> bool:
        """Whether the entry was seen before: the same guid in this feed, or the same
        link (tracking parameters removed) or content hash in any feed."""
        row = self.conn.execute(
            "SELECT 1 FROM feed_items WHERE (feed_url = ? AND guid = ?) "
            "OR (link IS NOT NULL AND link = ?) OR hash = ? OR doc_id = ? LIMIT 1",
            (feed_url, item.guid, item.link, item.hash, item.doc_id),
        ).fetchone()
        return row is not None

    def add_items(self, feed_url: str, items: Sequence[NewItem], now: str) -> list[NewItem]:
        """Remember the entries not seen before as pending; return those."""
        new: list[NewItem] = []
        for item in items:
            if self.known(feed_url, item):
                continue
            self.conn.execute(
                "INSERT INTO feed_items (feed_url, guid, link, hash, doc_id, title, published, "
                "entry, seen_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    feed_url,
                    item.guid,
                    item.link,
                    item.hash,
                    item.doc_id,
                    item.title,
                    item.published,
                    item.entry,
                    now,
                ),
            )
            new.append(item)
        if new:
            self.conn.execute(
                "UPDATE feeds SET items_seen = items_seen + ? WHERE url = ?", (len(new), feed_url)
            )
        return new

    def pending(self, feed_url: str) -> list[ItemRow]:
        """The feed's entries not yet through ingest, in the order they were seen."""
        rows = self.conn.execute(
            f"SELECT {_ITEM_COLUMNS} FROM feed_items WHERE feed_url = ? AND state = 'pending' "
            "ORDER BY pk",
            (feed_url,),
        )
        return [ItemRow(*r) for r in rows]

    def items(self, feed_url: str | None = None, limit: int = 200) -> list[ItemRow]:
        """Entries seen (of one feed, or all), newest first."""
        sql = f"SELECT {_ITEM_COLUMNS} FROM feed_items"
        params: tuple[Any, ...] = ()
        if feed_url is not None:
            sql += " WHERE feed_url = ?"
            params = (feed_url,)
        rows = self.conn.execute(sql + " ORDER BY pk DESC LIMIT ?", (*params, limit))
        return [ItemRow(*r) for r in rows]

    def finish(
        self,
        pk: int,
        outcome: str,
        content: str | None,
        reason: str | None,
        now: str,
        doc_id: str | None = None,
    ) -> None:
        """Mark an entry done: ``outcome`` is the ingest status (added, duplicate,
        unchanged, refused), ``content`` where the text came from ('page' or 'feed')."""
        row = self.conn.execute(
            "SELECT feed_url, state FROM feed_items WHERE pk = ?", (pk,)
        ).fetchone()
        if row is None or row[1] != "pending":
            return
        self.conn.execute(
            "UPDATE feed_items SET state = 'done', outcome = ?, content = ?, reason = ?, "
            "done_at = ?, doc_id = coalesce(?, doc_id) WHERE pk = ?",
            (outcome, content, reason, now, doc_id, pk),
        )
        if outcome == "added":
            self.conn.execute(
                "UPDATE feeds SET documents_added = documents_added + 1 WHERE url = ?", (row[0],)
            )

    def stored_as(self, doc_id: str, url: str | None) -> str | None:
        """The id under which the store holds this entry's document already (by its id,
        or by its url, as a document or as a copy), if it does."""
        row = self.conn.execute(
            "SELECT id FROM documents WHERE id = ? OR (? IS NOT NULL AND url = ?) "
            "UNION ALL SELECT of_id FROM copies WHERE id = ? OR (? IS NOT NULL AND url = ?) "
            "LIMIT 1",
            (doc_id, url, url, doc_id, url, url),
        ).fetchone()
        return str(row[0]) if row else None

    def counts(self) -> dict[str, int]:
        """Entries by state and outcome (for reports and the bench)."""
        rows = self.conn.execute(
            "SELECT coalesce(outcome, state), count(*) FROM feed_items GROUP BY 1"
        )
        return {str(k): int(n) for k, n in rows}
