"""The SQLite store: WAL mode, versioned schema, FTS5 index, one transaction per document.

All SQL lives in this package (stories in `newsdesk.store.stories`, followed feeds in
`newsdesk.store.feeds`, alerts in `newsdesk.store.alerts`, the web pages' read-only
queries in `newsdesk.store.queries`). Each `add` runs in its own ``BEGIN
IMMEDIATE`` transaction, so an interrupted ingest leaves every committed document intact
and none half-written. Near-duplicates: the texts sharing an LSH band with a new one are
read here; its `Fingerprint` (`newsdesk.ingest.dedup`) decides which it copies. Writers in
other processes wait for each other up to `BUSY_TIMEOUT_MS` (opening a new store
included) instead of failing; an id breaking the id rule (`newsdesk.ids`) is refused.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsdesk.errors import StoreError
from newsdesk.ids import id_problem
from newsdesk.model import Document
from newsdesk.store.alerts import SQLiteAlerts
from newsdesk.store.base import AddResult, Fingerprint
from newsdesk.store.feeds import SQLiteFeeds
from newsdesk.store.schema import MIGRATIONS, migrate
from newsdesk.store.stories import SQLiteStories

DOCUMENT_COLUMNS = (
    "id, text, title, outlet, author, url, published, genre, story_label, source, hash, layers"
)
_LAYERS = ("quotes", "entities", "relations", "timeline", "genre_evidence")
BUSY_TIMEOUT_MS = 60_000


def _wal(conn: sqlite3.Connection) -> None:
    """Switch ``conn``'s file to WAL. Switching needs the file to itself, and SQLite
    answers "database is locked" at once (no busy wait) while another connection opens or
    migrates the same new file: try again until `BUSY_TIMEOUT_MS` has passed."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


class SQLiteStore:
    """Documents in one SQLite file (``:memory:`` for a throw-away store).

    >>> store = SQLiteStore(":memory:")
    >>> store.add(Document(id="a", text="Ferry hits pier in Tessel Strait.")).status
    'added'
    """

    def __init__(self, path: str | Path, near_duplicate_threshold: float = 0.8) -> None:
        self.path = str(path)
        self.threshold = near_duplicate_threshold
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(
                self.path,
                isolation_level=None,
                check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
            self.conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            _wal(self.conn)
            self.conn.execute("PRAGMA foreign_keys=ON")
            migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        self.stories = SQLiteStories(self.conn)
        self.feeds = SQLiteFeeds(self.conn)
        self.alerts = SQLiteAlerts(self.conn)

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------

    def add(self, doc: Document, fingerprint: Fingerprint | None = None) -> AddResult:
        """Store a document unless it is already here or is a copy of one that is.

        The id (and url) key a document: the same id with the same text adds nothing;
        with a different text it is refused. A text already stored under another id, or
        a near-duplicate of one (MinHash), is recorded as a copy of the first, with its
        outlet, and its text is not stored again.
        """
        with self.transaction():
            return self._add(doc, fingerprint)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One ``BEGIN IMMEDIATE`` transaction: committed when the block ends, rolled back
        (and the story cache dropped) when it raises."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            self.stories.forget()
            raise

    def _add(self, doc: Document, fingerprint: Fingerprint | None) -> AddResult:
        conn = self.conn
        src = doc.source
        problem = id_problem(doc.id)
        if problem is not None:
            return AddResult("refused", doc.id, src, reason=problem)
        row = conn.execute("SELECT hash FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if row is not None:
            if row[0] == doc.hash:
                return AddResult("unchanged", doc.id, src, of=doc.id)
            return AddResult(
                "refused", doc.id, src, reason=f"id {doc.id!r} is already stored with other text"
            )
        row = conn.execute("SELECT of_id, hash FROM copies WHERE id = ?", (doc.id,)).fetchone()
        if row is not None:
            if row[1] == doc.hash:
                return AddResult("unchanged", doc.id, src, of=row[0])
            return AddResult(
                "refused", doc.id, src, reason=f"id {doc.id!r} is already stored with other text"
            )
        if doc.url:
            row = conn.execute(
                "SELECT id, hash FROM documents WHERE url = ?", (doc.url,)
            ).fetchone()
            if row is not None:
                if row[1] == doc.hash:
                    return AddResult("unchanged", doc.id, src, of=row[0])
                return AddResult(
                    "refused",
                    doc.id,
                    src,
                    reason=f"url {doc.url} is already stored as {row[0]!r} with other text",
                )
        row = conn.execute("SELECT id FROM documents WHERE hash = ?", (doc.hash,)).fetchone()
        if row is not None:
            self._insert_copy(doc, row[0], 1.0)
            return AddResult("duplicate", doc.id, src, of=row[0], similarity=1.0)
        if fingerprint is not None:
            match = self._near_duplicate(fingerprint)
            if match is not None:
                self._insert_copy(doc, match[0], match[1])
                return AddResult("duplicate", doc.id, src, of=match[0], similarity=match[1])
        self._insert(doc, fingerprint)
        return AddResult("added", doc.id, src)

    def needs(self, doc: Document) -> bool:
        """False when adding ``doc`` would surely add nothing (same id, url or text is
        stored); a cheap check to skip annotating documents that will not be stored."""
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE id = ? OR hash = ? OR (url IS NOT NULL AND url = ?) "
            "UNION ALL SELECT 1 FROM copies WHERE id = ? LIMIT 1",
            (doc.id, doc.hash, doc.url, doc.id),
        ).fetchone()
        return row is None

    def _insert(self, doc: Document, fingerprint: Fingerprint | None) -> None:
        cur = self.conn.execute(
            f"INSERT INTO documents ({DOCUMENT_COLUMNS}, added_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id,
                doc.text,
                doc.title,
                doc.outlet,
                doc.author,
                doc.url,
                doc.published,
                doc.genre,
                doc.story,
                doc.source,
                doc.hash,
                _layers_json(doc),
                _now(),
            ),
        )
        rowid = cur.lastrowid
        if fingerprint is not None:
            self.conn.execute(
                "INSERT INTO minhash (doc_rowid, signature) VALUES (?, ?)",
                (rowid, fingerprint.to_bytes()),
            )
            self.conn.executemany(
                "INSERT INTO lsh (band, key, doc_rowid) VALUES (?, ?, ?)",
                [(band, key, rowid) for band, key in enumerate(fingerprint.bands)],
            )

    def _insert_copy(self, doc: Document, of_id: str, sim: float) -> None:
        self.conn.execute(
            "INSERT INTO copies (id, of_id, outlet, title, url, published, hash, similarity, "
            "source, added_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id,
                of_id,
                doc.outlet,
                doc.title,
                doc.url,
                doc.published,
                doc.hash,
                sim,
                doc.source,
                _now(),
            ),
        )

    def _near_duplicate(self, fingerprint: Fingerprint) -> tuple[str, float] | None:
        """The stored document ``fingerprint`` is a near-duplicate of, if any: the texts
        sharing one of its bands are read here and compared by the fingerprint."""
        clauses = " OR ".join("(band = ? AND key = ?)" for _ in fingerprint.bands)
        params: list[int] = []
        for band, key in enumerate(fingerprint.bands):
            params += [band, key]
        rows = self.conn.execute(
            "SELECT DISTINCT d.id, m.signature FROM lsh l "
            "JOIN minhash m ON m.doc_rowid = l.doc_rowid "
            f"JOIN documents d ON d.pk = l.doc_rowid WHERE {clauses}",
            params,
        ).fetchall()
        return fingerprint.closest(rows, self.threshold)

    # -- reading -----------------------------------------------------------------------

    def get(self, doc_id: str) -> Document | None:
        row = self.conn.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return document_from_row(row) if row else None

    def documents(self) -> Iterator[Document]:
        """All stored documents, in the order they were added."""
        for row in self.conn.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY pk"):
            yield document_from_row(row)

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def copies(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Copies recorded as duplicates (of one document, or of all)."""
        sql = "SELECT id, of_id, outlet, title, url, published, round(similarity, 3) FROM copies"
        params: tuple[str, ...] = ()
        if doc_id is not None:
            sql += " WHERE of_id = ?"
            params = (doc_id,)
        keys = ("id", "of", "outlet", "title", "url", "published", "similarity")
        return [
            dict(zip(keys, row, strict=True))
            for row in self.conn.execute(sql + " ORDER BY rowid", params)
        ]

    def search(self, query: str, limit: int = 20) -> list[str]:
        """Ids of documents matching an FTS5 query over title and text, best first."""
        try:
            rows = self.conn.execute(
                "SELECT d.id FROM documents_fts f JOIN documents d ON d.pk = f.rowid "
                "WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from exc
        return [r[0] for r in rows]

    def in_story(self, story_id: str) -> list[Document]:
        """The documents of one stored story, by publication date then id."""
        rows = self.conn.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE story_id = ? "
            "ORDER BY coalesce(published, ''), id",
            (story_id,),
        )
        return [document_from_row(row) for row in rows]

    def listing(self) -> list[dict[str, Any]]:
        """The ``newsdesk ls --format json`` records: ``story`` is newsdesk's story id,
        ``label`` the story label the input gave (if any)."""
        rows = self.conn.execute(
            "SELECT id, title, outlet, published, story_id, story_label FROM documents ORDER BY pk"
        )
        keys = ("id", "title", "outlet", "published", "story", "label")
        return [dict(zip(keys, row, strict=True)) for row in rows]


def _layers_json(doc: Document) -> str | None:
    """The annotation layers of a document as JSON (None when it has none)."""
    data = doc.to_dict(include_text=False)
    layers = {k: data[k] for k in _LAYERS if data.get(k)}
    if doc.genre_evidence:
        layers["genre_evidence"] = dict(doc.genre_evidence)
    if doc.stated_date is not None:
        layers["stated_date"] = doc.stated_date
    return json.dumps(layers, ensure_ascii=False) if layers else None


def document_from_row(row: tuple[Any, ...]) -> Document:
    """A `Document` from a row of `DOCUMENT_COLUMNS` (layers included when stored)."""
    doc_id, text, title, outlet, author, url, published, genre, label, source, hash_, layers = row
    record: dict[str, Any] = json.loads(layers) if layers else {}
    record.update(
        id=doc_id,
        text=text,
        title=title,
        outlet=outlet,
        author=author,
        url=url,
        published=published,
        genre=genre,
        story=label,
        source=source,
        hash=hash_,
    )
    return Document.from_dict(record)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


__all__ = ["BUSY_TIMEOUT_MS", "DOCUMENT_COLUMNS", "MIGRATIONS", "SQLiteStore", "document_from_row"]
