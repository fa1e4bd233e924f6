"""Alerts in the SQLite store (schema v4): saved watches and what matched them.

An alert holds an FTS5 query over titles and texts, a person's name, or both (both must
match). `SQLiteAlerts.match` finds which of the given new documents match; each match is
recorded once per alert and document (``kind`` 'document') and once per alert and story
(``kind`` 'story'), with the delivery state of its webhook POST ('pending', 'sent',
'failed'; None without a webhook).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["AlertRow", "HitRow", "SQLiteAlerts"]


@dataclass(frozen=True, slots=True)
class AlertRow:
    """A saved watch."""

    id: int
    query: str | None
    person: str | None
    webhook: str | None
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "query": self.query,
            "person": self.person,
            "webhook": self.webhook,
            "created_at": self.created_at,
        }


@dataclass(frozen=True, slots=True)
class HitRow:
    """One recorded match."""

    pk: int
    alert_id: int
    kind: str
    doc_id: str
    story_id: str
    title: str | None
    at: str
    delivery: str | None
    attempts: int
    last_error: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.pk,
            "alert": self.alert_id,
            "kind": self.kind,
            "document": self.doc_id or None,
            "story": self.story_id or None,
            "title": self.title,
            "at": self.at,
            "delivery": self.delivery,
            "attempts": self.attempts,
            "last_error": self.last_error,
        }


_HIT_COLUMNS = "pk, alert_id, kind, doc_id, story_id, title, at, delivery, attempts, last_error"


class SQLiteAlerts:
    """The alert tables of one store connection (`SQLiteStore.alerts`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, query: str | None, person: str | None, webhook: str | None, now: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO alerts (query, person, webhook, created_at) VALUES (?, ?, ?, ?)",
            (query, person, webhook, now),
        )
        return int(cur.lastrowid or 0)

    def remove(self, alert_id: int) -> bool:
        self.conn.execute("DELETE FROM alert_hits WHERE alert_id = ?", (alert_id,))
        return self.conn.execute("DELETE FROM alerts WHERE id = ?", (alert_id,)).rowcount > 0

    def rows(self) -> list[AlertRow]:
        rows = self.conn.execute(
            "SELECT id, query, person, webhook, created_at FROM alerts ORDER BY id"
        )
        return [AlertRow(*r) for r in rows]

    def match(self, alert: AlertRow, fts: str | None, doc_ids: Sequence[str]) -> list[str]:
        """Which of ``doc_ids`` match the alert (``fts`` is its query made safe for FTS5,
        see `newsdesk.store.queries.fts_query`)."""
        if not doc_ids or not (fts or alert.person):
            return []
        marks = ",".join("?" * len(doc_ids))
        found = set(doc_ids)
        if fts:
            rows = self.conn.execute(
                "SELECT d.id FROM documents_fts f JOIN documents d ON d.pk = f.rowid "
                f"WHERE documents_fts MATCH ? AND d.id IN ({marks})",
                (fts, *doc_ids),
            )
            found &= {r[0] for r in rows}
        if alert.person:
            rows = self.conn.execute(
                "SELECT DISTINCT d.id FROM documents d, json_each(d.layers, '$.entities') e "
                f"WHERE d.id IN ({marks}) AND d.layers IS NOT NULL "
                "AND json_extract(e.value, '$.type') = 'PERSON' "
                "AND (lower(json_extract(e.value, '$.name')) = lower(?) "
                "OR EXISTS (SELECT 1 FROM json_each(e.value, '$.aliases') a "
                "WHERE lower(a.value) = lower(?)))",
                (*doc_ids, alert.person, alert.person),
            )
            found &= {r[0] for r in rows}
        return [d for d in doc_ids if d in found]

    def record(
        self,
        alert_id: int,
        kind: str,
        doc_id: str,
        story_id: str,
        title: str | None,
        delivery: str | None,
        now: str,
    ) -> int | None:
        """Record a match (None when it was recorded before)."""
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO alert_hits (alert_id, kind, doc_id, story_id, title, at, "
            "delivery) VALUES (?,?,?,?,?,?,?)",
            (alert_id, kind, doc_id, story_id, title, now, delivery),
        )
        return int(cur.lastrowid) if cur.rowcount and cur.lastrowid else None

    def hits(self, limit: int = 100, alert_id: int | None = None) -> list[HitRow]:
        """Recorded matches, newest first."""
        sql = f"SELECT {_HIT_COLUMNS} FROM alert_hits"
        params: tuple[Any, ...] = ()
        if alert_id is not None:
            sql += " WHERE alert_id = ?"
            params = (alert_id,)
        rows = self.conn.execute(sql + " ORDER BY pk DESC LIMIT ?", (*params, limit))
        return [HitRow(*r) for r in rows]

    def undelivered(self) -> list[HitRow]:
        """Matches whose webhook POST is still to be made."""
        rows = self.conn.execute(
            f"SELECT {_HIT_COLUMNS} FROM alert_hits WHERE delivery = 'pending' ORDER BY pk"
        )
        return [HitRow(*r) for r in rows]

    def delivered(self, pk: int, state: str, attempts: int, error: str | None) -> None:
        """Record how a webhook POST went ('sent' or 'failed')."""
        self.conn.execute(
            "UPDATE alert_hits SET delivery = ?, attempts = ?, last_error = ? WHERE pk = ?",
            (state, attempts, error, pk),
        )
