"""Stories in the SQLite store: the `StoryBackend` that keeps stories current across runs.

Tables (schema v3, see `newsdesk.store.schema`): ``stories`` holds each story's centroid
as running sums (dense vector as float32 bytes, sparse views as JSON), its title and lead
(from its most central member: the one closest to the centroid, checked against each
newcomer), its size, publication span and ``seq``, which grows with
every change; ``story_keys`` is the inverted index, read newest first per key;
``features`` keeps each document's dense vector and raw counts, so centroids can be
rebuilt with fresh IDF (`rebuild`); ``vocabulary`` the document frequencies (row ``''``
counts the documents); ``story_events`` what a re-clustering merged and split.

Callers wrap each `OnlineClusterer.add` in `SQLiteStore.transaction`, so a document's
features, vocabulary counts and story change commit together or not at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from newsdesk.brief.embed import NoEncoder
from newsdesk.cluster.features import (
    DocFeatures,
    FeatureExtractor,
    Sparse,
    Vector,
    tfidf_vector,
)
from newsdesk.cluster.online import Centroid
from newsdesk.cluster.reconcile import StoryChange
from newsdesk.cluster.records import published_at, story_id, story_lead, story_title
from newsdesk.errors import StoreError
from newsdesk.model import Document, Story

__all__ = ["CACHE_SIZE", "SQLiteStories", "SQLiteVocabulary", "StoryRow"]

_CHUNK = 500  # keys per IN (...) query
_ROW_COLUMNS = "id, title, lead, size, first_seen, last_seen, updated_at, seq"  # StoryRow
# Centroids kept in memory (most recently used), so memory stays flat as stories pile up.
CACHE_SIZE = 2048


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A stored story as lists and pages show it."""

    id: str
    title: str
    lead: str | None
    size: int
    first_seen: str | None
    last_seen: str | None
    updated_at: str
    seq: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "lead": self.lead,
            "size": self.size,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "updated_at": self.updated_at,
        }


def _chunks(items: Sequence[str], size: int = _CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _dense(blob: bytes) -> Vector:
    return np.frombuffer(blob, dtype=np.float32).copy()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteVocabulary:
    """Document frequencies of feature keys, in the ``vocabulary`` table."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    @property
    def documents(self) -> int:
        row = self.conn.execute("SELECT df FROM vocabulary WHERE key = ''").fetchone()
        return int(row[0]) if row else 0

    def add(self, keys: Iterable[str]) -> None:
        """Count one more document holding ``keys``."""
        self.conn.executemany(
            "INSERT INTO vocabulary (key, df) VALUES (?, 1) "
            "ON CONFLICT (key) DO UPDATE SET df = df + 1",
            [(k,) for k in {"", *keys}],
        )

    def frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(keys))
        found: dict[str, int] = {}
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT key, df FROM vocabulary WHERE key IN ({marks})", list(chunk)
            )
            found.update((k, int(df)) for k, df in rows)
        return found

    def tfidf(self, counts: Mapping[str, int]) -> Sparse:
        return tfidf_vector(counts, self.documents, self.frequencies(counts))


class SQLiteStories:
    """The stories of one store (a `StoryBackend`; see the module docstring)."""

    def __init__(
        self, conn: sqlite3.Connection, max_postings: int = 32, cache_size: int = CACHE_SIZE
    ) -> None:
        self.conn = conn
        self.max_postings = max_postings
        self.vocabulary = SQLiteVocabulary(conn)
        self.cache_size = cache_size
        self._cache: OrderedDict[str, tuple[int, Centroid]] = OrderedDict()

    def _remember(self, sid: str, seq: int, centroid: Centroid) -> None:
        self._cache[sid] = (seq, centroid)
        self._cache.move_to_end(sid)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def forget(self) -> None:
        """Drop cached centroids (after a rollback)."""
        self._cache.clear()

    # -- StoryBackend ------------------------------------------------------------------

    def assigned(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT story_id FROM documents WHERE id = ?", (doc_id,))
        found = row.fetchone()
        return str(found[0]) if found and found[0] else None

    def postings(self, key: str, limit: int) -> Sequence[str]:
        rows = self.conn.execute(
            "SELECT story_id FROM story_keys WHERE key = ? ORDER BY seq DESC LIMIT ?",
            (key, limit),
        )
        return [r[0] for r in rows]

    def centroids(self, ids: Sequence[str], since: str | None = None) -> dict[str, Centroid]:
        found: dict[str, Centroid] = {}
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT id, seq FROM stories WHERE id IN ({marks})"
            params: list[str] = list(chunk)
            if since is not None:  # closed stories are not even read
                sql += " AND (last_seen IS NULL OR substr(last_seen, 1, 10) >= ?)"
                params.append(since)
            for sid, seq in self.conn.execute(sql, params):
                found[sid] = self._centroid(sid, seq)
        return found

    def _centroid(self, sid: str, seq: int) -> Centroid:
        """The centroid of ``sid`` at ``seq``: from the cache when it is current."""
        cached = self._cache.get(sid)
        if cached and cached[0] == seq:
            self._cache.move_to_end(sid)
            return cached[1]
        return self._load(sid)

    def _load(self, sid: str) -> Centroid:
        row = self.conn.execute(
            "SELECT seq, dense, terms, names, size, last_seen FROM stories WHERE id = ?", (sid,)
        ).fetchone()
        seq, blob, terms, names, size, last_seen = row
        centroid = Centroid(
            _dense(blob), json.loads(terms), json.loads(names), int(size), published_at(last_seen)
        )
        self._remember(sid, int(seq), centroid)
        return centroid

    def join(self, story: str | None, doc: Document, feat: DocFeatures) -> str:
        sid = story or story_id([doc.id])
        row = self.conn.execute(
            "SELECT central_id, first_seen, last_seen, seq FROM stories WHERE id = ?", (sid,)
        ).fetchone()
        current = self._centroid(sid, row[3]) if row else Centroid.empty(len(feat.dense))
        centroid = current.plus(feat, published_at(doc.published))
        central = self._central(row[0] if row else None, doc.id, feat, centroid)
        dates = [d for d in (*(row[1:3] if row else ()), doc.published) if d]
        seq = self._next_seq()
        now = _now()
        self.conn.execute(
            "INSERT INTO features (doc_id, dense, terms, names) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (doc_id) DO UPDATE SET dense = excluded.dense, "
            "terms = excluded.terms, names = excluded.names",
            (
                doc.id,
                np.asarray(feat.dense, dtype=np.float32).tobytes(),
                json.dumps(feat.term_counts, ensure_ascii=False),
                json.dumps(feat.name_counts, ensure_ascii=False),
            ),
        )
        self.conn.execute("UPDATE documents SET story_id = ? WHERE id = ?", (sid, doc.id))
        values = {
            "id": sid,
            "size": centroid.size,
            "dense": np.asarray(centroid.dense, dtype=np.float32).tobytes(),
            "terms": json.dumps(centroid.terms, ensure_ascii=False),
            "names": json.dumps(centroid.names, ensure_ascii=False),
            "first": min(dates) if dates else None,
            "last": max(dates) if dates else None,
            "now": now,
            "seq": seq,
        }
        if row:
            self.conn.execute(
                "UPDATE stories SET size = :size, dense = :dense, terms = :terms, "
                "names = :names, first_seen = :first, last_seen = :last, updated_at = :now, "
                "seq = :seq WHERE id = :id",
                values,
            )
        else:
            self.conn.execute(
                "INSERT INTO stories (id, title, size, dense, terms, names, first_seen, "
                "last_seen, created_at, updated_at, seq) VALUES (:id, '', :size, :dense, "
                ":terms, :names, :first, :last, :now, :now, :seq)",
                values,
            )
        if central == doc.id:
            self.conn.execute(
                "UPDATE stories SET title = ?, lead = ?, central_id = ? WHERE id = ?",
                (story_title(doc), story_lead(doc), doc.id, sid),
            )
        self.conn.executemany(
            "INSERT INTO story_keys (key, story_id, seq) VALUES (?, ?, ?) "
            "ON CONFLICT (key, story_id) DO UPDATE SET seq = excluded.seq",
            [(key, sid, seq) for key in feat.keys],
        )
        self._remember(sid, seq, centroid)
        return sid

    def _central(
        self, central: str | None, doc_id: str, feat: DocFeatures, centroid: Centroid
    ) -> str:
        """The member closest to the updated centroid: the current central one, or the
        newcomer if it is closer (one stored feature row is read, whatever the size)."""
        if central is None:
            return doc_id
        row = self.conn.execute(
            "SELECT dense, terms, names FROM features WHERE doc_id = ?", (central,)
        ).fetchone()
        if row is None:
            return doc_id
        extractor = FeatureExtractor(NoEncoder(), vocabulary=self.vocabulary)
        old = extractor.from_counts(central, _dense(row[0]), json.loads(row[1]), json.loads(row[2]))
        return doc_id if centroid.similarity(feat) > centroid.similarity(old) else central

    def check_dimension(self, dim: int) -> None:
        """Refuse embeddings of another size than the stored stories' (another model)."""
        row = self.conn.execute("SELECT length(dense) / 4 FROM stories LIMIT 1").fetchone()
        if row is not None and int(row[0]) != dim:
            raise StoreError(
                f"this store's stories were built with {row[0]}-dimensional embeddings, not "
                f"{dim}: use one embedder per store"
            )

    def _next_seq(self) -> int:
        row = self.conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM stories").fetchone()
        return int(row[0])

    # -- reading -----------------------------------------------------------------------

    def unassigned(self) -> list[str]:
        """Ids of stored documents without a story, in the order they were added."""
        rows = self.conn.execute("SELECT id FROM documents WHERE story_id IS NULL ORDER BY pk")
        return [r[0] for r in rows]

    def rows(self, limit: int | None = None) -> list[StoryRow]:
        """Stories, most recently changed first."""
        sql = f"SELECT {_ROW_COLUMNS} FROM stories ORDER BY seq DESC"
        params: tuple[int, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        return [StoryRow(*r) for r in self.conn.execute(sql, params)]

    def row(self, story_id: str) -> StoryRow | None:
        """One story's row (None when the store has no such story)."""
        found = self.conn.execute(
            f"SELECT {_ROW_COLUMNS} FROM stories WHERE id = ?",
            (story_id,),
        ).fetchone()
        return StoryRow(*found) if found else None

    def stories(self) -> list[Story]:
        """Every story with its documents (by publication date, then id), newest first."""
        members: dict[str, list[str]] = {}
        for doc_id, sid in self.conn.execute(
            "SELECT id, story_id FROM documents WHERE story_id IS NOT NULL "
            "ORDER BY coalesce(published, ''), id"
        ):
            members.setdefault(sid, []).append(doc_id)
        return [
            Story(r.id, r.title, tuple(members.get(r.id, ())), r.first_seen, r.last_seen)
            for r in self.rows()
        ]

    def assignments(self) -> dict[str, str | None]:
        """Every document id with its story id (None when it has none yet)."""
        return dict(self.conn.execute("SELECT id, story_id FROM documents ORDER BY pk"))

    def stored_features(self, extractor: FeatureExtractor) -> list[DocFeatures]:
        """Every document's features, weighted by the current IDF, in the order added."""
        rows = self.conn.execute(
            "SELECT f.doc_id, f.dense, f.terms, f.names FROM features f "
            "JOIN documents d ON d.id = f.doc_id ORDER BY d.pk"
        )
        return [
            extractor.from_counts(doc_id, _dense(blob), json.loads(terms), json.loads(names))
            for doc_id, blob, terms, names in rows
        ]

    def events(self, story: str | None = None) -> list[StoryChange]:
        """What re-clusterings did (to one story, or to all), oldest first."""
        sql = "SELECT kind, story_id, other_id, documents, at FROM story_events"
        params: tuple[str, ...] = ()
        if story is not None:
            sql += " WHERE story_id = ? OR other_id = ?"
            params = (story, story)
        return [StoryChange(*r) for r in self.conn.execute(sql + " ORDER BY seq", params)]

    # -- re-clustering ------------------------------------------------------------------

    def rebuild(
        self,
        groups: Sequence[tuple[str, Sequence[DocFeatures]]],
        events: Sequence[StoryChange],
    ) -> None:
        """Replace every story by ``groups`` (story id, members' features), and record
        ``events``. Run it inside one transaction."""
        self.conn.execute("DELETE FROM story_keys")
        self.conn.execute("DELETE FROM stories")
        self.conn.execute("UPDATE documents SET story_id = NULL")
        self._cache.clear()
        for sid, feats in groups:
            for feat in feats:
                row = self.conn.execute(
                    "SELECT text, title, published FROM documents WHERE id = ?", (feat.id,)
                ).fetchone()
                doc = Document(id=feat.id, text=row[0], title=row[1], published=row[2])
                self.join(sid, doc, feat)
        now = _now()
        self.conn.executemany(
            "INSERT INTO story_events (at, kind, story_id, other_id, documents) "
            "VALUES (?, ?, ?, ?, ?)",
            [(now, e.kind, e.story, e.other, e.documents) for e in events],
        )
