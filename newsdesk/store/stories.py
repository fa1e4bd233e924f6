"""Stories in the SQLite store: the tables that keep stories current across runs.

The store persists and queries; `newsdesk.cluster.stored.StoredStories` computes (the
centroid maths, which member is central, titles and leads) and writes through this class.

Tables (schema v3, see `newsdesk.store.schema`): ``stories`` holds each story's centroid
as running sums (dense vector as float32 bytes, sparse views as JSON), its title and lead
(from its most central member), its size, publication span and ``seq``, which grows with
every change; ``story_keys`` is the inverted index, read newest first per key;
``features`` keeps each document's dense vector and raw counts, so centroids can be
rebuilt with fresh IDF; ``vocabulary`` the document frequencies (row ``''`` counts the
documents); ``story_events`` what a re-clustering merged and split. Centroids read or
written are cached (most recently used first, validated by ``seq``).

Callers wrap each document's assignment in `SQLiteStore.transaction`, so a document's
features, vocabulary counts and story change commit together or not at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from newsdesk.errors import StoreError
from newsdesk.model import Document, Story, StoryChange

__all__ = [
    "CACHE_SIZE",
    "CentroidRow",
    "FeatureRow",
    "SQLiteStories",
    "SQLiteVocabulary",
    "StoryRow",
    "StoryState",
]

_CHUNK = 500  # keys per IN (...) query
_ROW_COLUMNS = "id, title, lead, size, first_seen, last_seen, updated_at, seq"  # StoryRow
# Centroids kept in memory (most recently used), so memory stays flat as stories pile up.
CACHE_SIZE = 2048

Vector = npt.NDArray[np.float32]


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


@dataclass(frozen=True, slots=True)
class CentroidRow:
    """A story's stored running sums of its members' views, its size and its latest
    publication date (`newsdesk.cluster.online.Centroid` does their maths)."""

    dense: Vector
    terms: dict[str, float]
    names: dict[str, float]
    size: int
    last_seen: str | None


@dataclass(frozen=True, slots=True)
class FeatureRow:
    """A document's stored features: its lead embedding and raw counts (weighted by the
    IDF of the moment they are read)."""

    doc_id: str
    dense: Vector
    terms: dict[str, int]
    names: dict[str, int]


@dataclass(frozen=True, slots=True)
class StoryState:
    """What a join needs of a stored story besides its centroid."""

    central_id: str | None
    first_seen: str | None
    last_seen: str | None
    seq: int


def _chunks(items: Sequence[str], size: int = _CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _dense(blob: bytes) -> Vector:
    return np.frombuffer(blob, dtype=np.float32).copy()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


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


class SQLiteStories:
    """The stories of one store: their rows, index, features and events (see the module
    docstring)."""

    def __init__(self, conn: sqlite3.Connection, cache_size: int = CACHE_SIZE) -> None:
        self.conn = conn
        self.vocabulary = SQLiteVocabulary(conn)
        self.cache_size = cache_size
        self._cache: OrderedDict[str, tuple[int, CentroidRow]] = OrderedDict()

    def _remember(self, sid: str, seq: int, centroid: CentroidRow) -> None:
        self._cache[sid] = (seq, centroid)
        self._cache.move_to_end(sid)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def forget(self) -> None:
        """Drop cached centroids (after a rollback)."""
        self._cache.clear()

    # -- what a join reads -------------------------------------------------------------

    def assigned(self, doc_id: str) -> str | None:
        """The story ``doc_id`` belongs to, if any."""
        row = self.conn.execute("SELECT story_id FROM documents WHERE id = ?", (doc_id,))
        found = row.fetchone()
        return str(found[0]) if found and found[0] else None

    def postings(self, key: str, limit: int) -> Sequence[str]:
        """The ``limit`` most recently changed stories indexed under ``key``."""
        rows = self.conn.execute(
            "SELECT story_id FROM story_keys WHERE key = ? ORDER BY seq DESC LIMIT ?",
            (key, limit),
        )
        return [r[0] for r in rows]

    def centroids(self, ids: Sequence[str], since: str | None = None) -> dict[str, CentroidRow]:
        """The centroids of the stories ``ids``; with ``since`` (an ISO date), stories
        whose latest document is dated before it are not even read."""
        found: dict[str, CentroidRow] = {}
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT id, seq FROM stories WHERE id IN ({marks})"
            params: list[str] = list(chunk)
            if since is not None:
                sql += " AND (last_seen IS NULL OR substr(last_seen, 1, 10) >= ?)"
                params.append(since)
            for sid, seq in self.conn.execute(sql, params):
                found[sid] = self._centroid(sid, seq)
        return found

    def story(self, sid: str) -> tuple[StoryState, CentroidRow] | None:
        """One story's state and centroid (None: no story has that id yet)."""
        row = self.conn.execute(
            "SELECT central_id, first_seen, last_seen, seq FROM stories WHERE id = ?", (sid,)
        ).fetchone()
        if row is None:
            return None
        state = StoryState(*row)
        return state, self._centroid(sid, state.seq)

    def _centroid(self, sid: str, seq: int) -> CentroidRow:
        """The centroid of ``sid`` at ``seq``: from the cache when it is current."""
        cached = self._cache.get(sid)
        if cached and cached[0] == seq:
            self._cache.move_to_end(sid)
            return cached[1]
        return self._load(sid)

    def _load(self, sid: str) -> CentroidRow:
        row = self.conn.execute(
            "SELECT seq, dense, terms, names, size, last_seen FROM stories WHERE id = ?", (sid,)
        ).fetchone()
        seq, blob, terms, names, size, last_seen = row
        centroid = CentroidRow(
            _dense(blob), json.loads(terms), json.loads(names), int(size), last_seen
        )
        self._remember(sid, int(seq), centroid)
        return centroid

    def features(self, doc_id: str) -> FeatureRow | None:
        """One document's stored features (None when it has none)."""
        row = self.conn.execute(
            "SELECT dense, terms, names FROM features WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return None
        return FeatureRow(doc_id, _dense(row[0]), json.loads(row[1]), json.loads(row[2]))

    # -- what a join writes ------------------------------------------------------------

    def save(
        self,
        sid: str,
        features: FeatureRow,
        centroid: CentroidRow,
        first_seen: str | None,
        keys: Sequence[str],
        headline: tuple[str, str] | None = None,
    ) -> None:
        """Record that the document of ``features`` joined ``sid`` (a new story when no
        story has that id yet): its features, the story's new ``centroid`` and span, its
        index ``keys``; ``headline`` (title, lead) when the document is now its most
        central member."""
        doc_id = features.doc_id
        seq = self._next_seq()
        now = _now()
        self.conn.execute(
            "INSERT INTO features (doc_id, dense, terms, names) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (doc_id) DO UPDATE SET dense = excluded.dense, "
            "terms = excluded.terms, names = excluded.names",
            (
                doc_id,
                np.asarray(features.dense, dtype=np.float32).tobytes(),
                _json(features.terms),
                _json(features.names),
            ),
        )
        self.conn.execute("UPDATE documents SET story_id = ? WHERE id = ?", (sid, doc_id))
        values = {
            "id": sid,
            "size": centroid.size,
            "dense": np.asarray(centroid.dense, dtype=np.float32).tobytes(),
            "terms": _json(centroid.terms),
            "names": _json(centroid.names),
            "first": first_seen,
            "last": centroid.last_seen,
            "now": now,
            "seq": seq,
        }
        self.conn.execute(
            "INSERT INTO stories (id, title, size, dense, terms, names, first_seen, "
            "last_seen, created_at, updated_at, seq) VALUES (:id, '', :size, :dense, "
            ":terms, :names, :first, :last, :now, :now, :seq) "
            "ON CONFLICT (id) DO UPDATE SET size = :size, dense = :dense, terms = :terms, "
            "names = :names, first_seen = :first, last_seen = :last, updated_at = :now, "
            "seq = :seq",
            values,
        )
        if headline is not None:
            self.conn.execute(
                "UPDATE stories SET title = ?, lead = ?, central_id = ? WHERE id = ?",
                (*headline, doc_id, sid),
            )
        self.conn.executemany(
            "INSERT INTO story_keys (key, story_id, seq) VALUES (?, ?, ?) "
            "ON CONFLICT (key, story_id) DO UPDATE SET seq = excluded.seq",
            [(key, sid, seq) for key in keys],
        )
        self._remember(sid, seq, centroid)

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

    def feature_rows(self) -> list[FeatureRow]:
        """Every stored document's features, in the order the documents were added."""
        rows = self.conn.execute(
            "SELECT f.doc_id, f.dense, f.terms, f.names FROM features f "
            "JOIN documents d ON d.id = f.doc_id ORDER BY d.pk"
        )
        return [
            FeatureRow(doc_id, _dense(blob), json.loads(terms), json.loads(names))
            for doc_id, blob, terms, names in rows
        ]

    def head(self, doc_id: str) -> Document:
        """A stored document's id, text, title and date: what a join reads of it."""
        row = self.conn.execute(
            "SELECT text, title, published FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return Document(id=doc_id, text=row[0], title=row[1], published=row[2])

    def events(self, story: str | None = None) -> list[StoryChange]:
        """What re-clusterings did (to one story, or to all), oldest first."""
        sql = "SELECT kind, story_id, other_id, documents, at FROM story_events"
        params: tuple[str, ...] = ()
        if story is not None:
            sql += " WHERE story_id = ? OR other_id = ?"
            params = (story, story)
        return [StoryChange(*r) for r in self.conn.execute(sql + " ORDER BY seq", params)]

    # -- re-clustering ------------------------------------------------------------------

    def clear(self) -> None:
        """Remove every story (documents keep their features, and lose their story).
        Run it inside the transaction that joins them again."""
        self.conn.execute("DELETE FROM story_keys")
        self.conn.execute("DELETE FROM stories")
        self.conn.execute("UPDATE documents SET story_id = NULL")
        self._cache.clear()

    def record(self, events: Sequence[StoryChange]) -> None:
        """Record what a re-clustering merged and split."""
        now = _now()
        self.conn.executemany(
            "INSERT INTO story_events (at, kind, story_id, other_id, documents) "
            "VALUES (?, ?, ?, ?, ?)",
            [(now, e.kind, e.story, e.other, e.documents) for e in events],
        )
