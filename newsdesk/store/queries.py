"""Read-only queries of a store: what the web pages read (stories with filters, search
snippets, a document with its story, the documents naming an entity or quoting a person).

Each caller opens its own connection on the store's ``file:PATH?mode=ro`` URI
(`ReadOnlyStore.connect`, with ``PRAGMA query_only`` on top), so a bug in a page cannot
change the store, and reads go on while the ingest thread writes (WAL). The annotation
layers are stored as JSON (`newsdesk.store.sqlite`); the queries over them
(``json_each``/``json_extract``) live here with the rest of the SQL.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdesk.model import Document
from newsdesk.store.sqlite import DOCUMENT_COLUMNS, document_from_row

JSON = dict[str, Any]

# Snippet markers: control characters that clean text never holds, split out in Python.
HIT_START = "\x02"
HIT_END = "\x03"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class ReadOnlyStore:
    """Opens read-only connections to one store file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).resolve()
        self.uri = self.path.as_uri() + "?mode=ro"

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection, closed when the block ends."""
        conn = sqlite3.connect(self.uri, uri=True, check_same_thread=False)
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
            yield conn
        finally:
            conn.close()


@dataclass(frozen=True)
class StoryFilters:
    """What the stories page may be narrowed by (all optional)."""

    q: str = ""
    outlet: str = ""
    person: str = ""
    since: str = ""
    until: str = ""

    def to_dict(self) -> JSON:
        return {
            "q": self.q,
            "outlet": self.outlet,
            "person": self.person,
            "since": self.since,
            "until": self.until,
        }


def _like(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_query(text: str) -> str:
    """A user's search box text as an FTS5 query that cannot be a syntax error:
    each word (or double-quoted phrase) becomes a quoted string, AND-ed together;
    ``word*`` stays a prefix search."""
    parts: list[str] = []
    text = _CONTROL.sub(" ", text)  # FTS5 reads a NUL as the end of the query
    for i, chunk in enumerate(text.split('"')):
        if i % 2:  # inside double quotes: one phrase
            if chunk.strip():
                parts.append('"' + chunk.strip() + '"')
        else:
            for word in chunk.split():
                bare = word.rstrip("*")
                if bare:  # a trailing * keeps its meaning: a prefix search
                    parts.append('"' + bare + '"' + ("*" if bare != word else ""))
    return " ".join(parts)


def matching_story_ids(conn: sqlite3.Connection, filters: StoryFilters) -> set[str] | None:
    """Stories with a document that matches the text search and person filters (None
    when neither is given: every story matches)."""
    ids: set[str] | None = None
    if filters.q and fts_query(filters.q):
        rows = conn.execute(
            "SELECT DISTINCT d.story_id FROM documents_fts f JOIN documents d ON d.pk = f.rowid "
            "WHERE documents_fts MATCH ? AND d.story_id IS NOT NULL",
            (fts_query(filters.q),),
        )
        ids = {r[0] for r in rows}
    if filters.person:
        rows = conn.execute(
            "SELECT DISTINCT d.story_id FROM documents d, json_each(d.layers, '$.entities') e "
            "WHERE d.story_id IS NOT NULL AND d.layers IS NOT NULL "
            "AND json_extract(e.value, '$.type') IN ('PERSON', 'ORG') "
            "AND lower(json_extract(e.value, '$.name')) LIKE ? ESCAPE '\\'",
            (_like(filters.person),),
        )
        found = {r[0] for r in rows}
        ids = found if ids is None else ids & found
    return ids


def list_stories(conn: sqlite3.Connection, filters: StoryFilters, limit: int = 100) -> list[JSON]:
    """Stories newest activity first, each with its document, outlet and genre counts."""
    where: list[str] = []
    params: list[str | int] = []
    if filters.outlet:
        where.append(
            "(s.id IN (SELECT story_id FROM documents WHERE lower(outlet) = lower(?)) OR s.id IN "
            "(SELECT d.story_id FROM copies c JOIN documents d ON d.id = c.of_id "
            "WHERE lower(c.outlet) = lower(?)))"
        )
        params += [filters.outlet, filters.outlet]
    if filters.since:
        where.append("substr(coalesce(s.last_seen, s.first_seen), 1, ?) >= ?")
        params += [len(filters.since), filters.since]
    if filters.until:
        where.append("substr(s.first_seen, 1, ?) <= ?")
        params += [len(filters.until), filters.until]
    sql = (
        "SELECT s.id, s.title, s.lead, s.size, s.first_seen, s.last_seen, s.updated_at, s.seq "
        "FROM stories s"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = conn.execute(sql + " ORDER BY s.seq DESC", params).fetchall()
    allowed = matching_story_ids(conn, filters)
    keys = ("id", "title", "lead", "size", "first_seen", "last_seen", "updated_at", "seq")
    stories = [dict(zip(keys, row, strict=True)) for row in rows]
    if allowed is not None:
        stories = [s for s in stories if s["id"] in allowed]
    stories = stories[:limit]
    _add_members(conn, stories)
    return stories


def _add_members(conn: sqlite3.Connection, stories: list[JSON]) -> None:
    """Fill in each story's document count, copy count, outlets and genres."""
    if not stories:
        return
    by_id = {s["id"]: s for s in stories}
    for story in stories:
        story.update(documents=0, copies=0, outlets=[], genres=[])
    marks = ",".join("?" * len(by_id))
    rows = conn.execute(
        f"SELECT story_id, outlet, genre FROM documents WHERE story_id IN ({marks}) ORDER BY pk",
        list(by_id),
    )
    for story_id, outlet, genre in rows:
        story = by_id[story_id]
        story["documents"] += 1
        if outlet and outlet not in story["outlets"]:
            story["outlets"].append(outlet)
        if genre not in story["genres"]:
            story["genres"].append(genre)
    rows = conn.execute(
        "SELECT d.story_id, c.outlet FROM copies c JOIN documents d ON d.id = c.of_id "
        f"WHERE d.story_id IN ({marks}) ORDER BY c.rowid",
        list(by_id),
    )
    for story_id, outlet in rows:
        story = by_id[story_id]
        story["copies"] += 1
        if outlet and outlet not in story["outlets"]:
            story["outlets"].append(outlet)


def search_documents(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[JSON]:
    """Documents matching a search, best first, with a snippet (hits between markers)."""
    fts = fts_query(query)
    if not fts:
        return []
    rows = conn.execute(
        "SELECT d.id, d.title, d.outlet, d.published, d.story_id, "
        f"snippet(documents_fts, 1, '{HIT_START}', '{HIT_END}', '…', 16) "
        "FROM documents_fts f JOIN documents d ON d.pk = f.rowid "
        "WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?",
        (fts, limit),
    ).fetchall()
    keys = ("id", "title", "outlet", "published", "story", "snippet")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def unassigned_count(conn: sqlite3.Connection) -> int:
    """How many stored documents have no story yet."""
    return int(conn.execute("SELECT count(*) FROM documents WHERE story_id IS NULL").fetchone()[0])


def outlets(conn: sqlite3.Connection) -> list[str]:
    """Every outlet in the store (documents and copies), sorted."""
    rows = conn.execute(
        "SELECT outlet FROM documents WHERE outlet IS NOT NULL "
        "UNION SELECT outlet FROM copies WHERE outlet IS NOT NULL ORDER BY 1"
    )
    return [r[0] for r in rows]


def story(conn: sqlite3.Connection, story_id: str) -> JSON | None:
    """One story's stored record (title, lead, span, seq), or None."""
    row = conn.execute(
        "SELECT id, title, lead, size, first_seen, last_seen, updated_at, seq "
        "FROM stories WHERE id = ?",
        (story_id,),
    ).fetchone()
    if row is None:
        return None
    keys = ("id", "title", "lead", "size", "first_seen", "last_seen", "updated_at", "seq")
    return dict(zip(keys, row, strict=True))


def story_titles(conn: sqlite3.Connection, story_ids: set[str]) -> dict[str, str]:
    """Titles of the given stories."""
    if not story_ids:
        return {}
    marks = ",".join("?" * len(story_ids))
    rows = conn.execute(f"SELECT id, title FROM stories WHERE id IN ({marks})", list(story_ids))
    return {r[0]: r[1] for r in rows}


def story_documents(conn: sqlite3.Connection, story_id: str) -> list[Document]:
    """The documents of one story (with their annotation layers), in the order stored."""
    rows = conn.execute(
        f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE story_id = ? ORDER BY pk", (story_id,)
    )
    return [document_from_row(row) for row in rows]


def document(conn: sqlite3.Connection, doc_id: str) -> tuple[Document, str | None] | None:
    """One document with the id of its story, or None."""
    row = conn.execute(
        f"SELECT {DOCUMENT_COLUMNS}, story_id FROM documents WHERE id = ?", (doc_id,)
    ).fetchone()
    if row is None:
        return None
    return document_from_row(row[:-1]), row[-1]


def copy_of(conn: sqlite3.Connection, doc_id: str) -> str | None:
    """The stored document that a recorded copy (syndicated duplicate) repeats."""
    row = conn.execute("SELECT of_id FROM copies WHERE id = ?", (doc_id,)).fetchone()
    return str(row[0]) if row else None


def copies(conn: sqlite3.Connection, doc_ids: list[str]) -> list[JSON]:
    """Copies recorded for the given documents: id, of, outlet, title, published."""
    if not doc_ids:
        return []
    marks = ",".join("?" * len(doc_ids))
    rows = conn.execute(
        "SELECT id, of_id, outlet, title, url, published, round(similarity, 3) FROM copies "
        f"WHERE of_id IN ({marks}) ORDER BY rowid",
        doc_ids,
    )
    keys = ("id", "of", "outlet", "title", "url", "published", "similarity")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def entity_keys(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """Every (type, canonical name) that some stored document's entity layer holds."""
    rows = conn.execute(
        "SELECT DISTINCT json_extract(e.value, '$.type'), json_extract(e.value, '$.name') "
        "FROM documents d, json_each(d.layers, '$.entities') e WHERE d.layers IS NOT NULL"
    )
    return {(str(t), str(n)) for t, n in rows if t and n}


def documents_with_entity(
    conn: sqlite3.Connection, type_: str, name: str
) -> list[tuple[Document, str | None]]:
    """Documents whose entity layer holds (type, name), oldest publication first."""
    rows = conn.execute(
        f"SELECT {DOCUMENT_COLUMNS}, story_id FROM documents WHERE pk IN ("
        "SELECT d.pk FROM documents d, json_each(d.layers, '$.entities') e "
        "WHERE d.layers IS NOT NULL AND json_extract(e.value, '$.type') = ? "
        "AND json_extract(e.value, '$.name') = ?) "
        "ORDER BY coalesce(published, '9999'), pk",
        (type_, name),
    )
    return [(document_from_row(row[:-1]), row[-1]) for row in rows]


def documents_quoting(conn: sqlite3.Connection, name: str) -> list[tuple[Document, str | None]]:
    """Documents with a quote whose speaker is ``name``, oldest publication first."""
    rows = conn.execute(
        f"SELECT {DOCUMENT_COLUMNS}, story_id FROM documents WHERE pk IN ("
        "SELECT d.pk FROM documents d, json_each(d.layers, '$.quotes') q "
        "WHERE d.layers IS NOT NULL AND json_extract(q.value, '$.speaker') = ?) "
        "ORDER BY coalesce(published, '9999'), pk",
        (name,),
    )
    return [(document_from_row(row[:-1]), row[-1]) for row in rows]


def document_story(conn: sqlite3.Connection, doc_id: str) -> str | None:
    """The story a stored document belongs to (None: not stored, or not grouped yet)."""
    row = conn.execute("SELECT story_id FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return str(row[0]) if row and row[0] else None
