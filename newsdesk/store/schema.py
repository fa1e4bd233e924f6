"""The store's schema, as numbered migrations.

``PRAGMA user_version`` records how many have run. Opening a store runs the missing ones,
each in its own transaction; a store written by a newer newsdesk is refused.
"""

from __future__ import annotations

import sqlite3

from newsdesk.errors import StoreError

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, copies of documents, MinHash signatures and LSH bands, full-text index.
    """
    CREATE TABLE documents (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        author TEXT,
        url TEXT,
        published TEXT,
        genre TEXT NOT NULL DEFAULT 'other',
        story_label TEXT,
        source TEXT,
        hash TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE INDEX documents_hash ON documents (hash);
    CREATE INDEX documents_url ON documents (url);
    CREATE TABLE copies (
        id TEXT NOT NULL UNIQUE,
        of_id TEXT NOT NULL REFERENCES documents (id),
        outlet TEXT,
        title TEXT,
        url TEXT,
        published TEXT,
        hash TEXT NOT NULL,
        similarity REAL NOT NULL,
        source TEXT,
        added_at TEXT NOT NULL
    );
    CREATE INDEX copies_of ON copies (of_id);
    CREATE TABLE minhash (
        doc_rowid INTEGER PRIMARY KEY REFERENCES documents (pk),
        signature BLOB NOT NULL
    );
    CREATE TABLE lsh (
        band INTEGER NOT NULL,
        key INTEGER NOT NULL,
        doc_rowid INTEGER NOT NULL REFERENCES documents (pk)
    );
    CREATE INDEX lsh_key ON lsh (band, key);
    CREATE VIRTUAL TABLE documents_fts USING fts5 (
        title, text, content='documents', content_rowid='pk', tokenize='porter unicode61'
    );
    CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
    END;
    CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text);
    END;
    CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text);
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
    END;
    """,
    # 2: annotation layers (quotes, entities, relations, timeline, genre evidence) as JSON.
    """
    ALTER TABLE documents ADD COLUMN layers TEXT;
    """,
    # 3: stories kept current as documents arrive (newsdesk.store.stories).
    #    stories: running sums of the members' feature vectors (the centroid), the title
    #    of the most central member, and `seq`, which grows with every change (activity).
    #    story_keys: the inverted index (key → stories), newest first per key.
    #    features: each document's dense vector and raw counts, to rebuild centroids.
    #    vocabulary: document frequencies of feature keys (row '' counts the documents).
    #    story_events: what `recluster` merged and split, so users can follow an id.
    """
    ALTER TABLE documents ADD COLUMN story_id TEXT;
    CREATE INDEX documents_story ON documents (story_id);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        lead TEXT,
        central_id TEXT,
        size INTEGER NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        seq INTEGER NOT NULL,
        dense BLOB NOT NULL,
        terms TEXT NOT NULL,
        names TEXT NOT NULL
    );
    CREATE INDEX stories_seq ON stories (seq);
    CREATE TABLE story_keys (
        key TEXT NOT NULL,
        story_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (key, story_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_keys_recent ON story_keys (key, seq);
    CREATE TABLE features (
        doc_id TEXT PRIMARY KEY,
        dense BLOB NOT NULL,
        terms TEXT NOT NULL,
        names TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE vocabulary (
        key TEXT PRIMARY KEY,
        df INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE story_events (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        story_id TEXT NOT NULL,
        other_id TEXT,
        documents INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX story_events_story ON story_events (story_id);
    """,
    # 4: live feeds (newsdesk.store.feeds) and alerts (newsdesk.store.alerts).
    #    feeds: one row per followed feed: its HTTP validators (etag, last_modified), the
    #    outcome of the last fetch, the schedule (next_fetch, interval, consecutive errors)
    #    and running counts. feed_items: each entry seen, under its dedup keys (guid within
    #    its feed, link without tracking parameters, content hash); 'pending' until its
    #    page (or the feed's own content) went through ingest, then 'done' with the outcome.
    #    alerts: saved watches (an FTS query and/or a person); alert_hits: what matched,
    #    once per alert and document (and per alert and story), with webhook delivery state.
    """
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        feed_title TEXT,
        site_url TEXT,
        added_at TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_status TEXT,
        last_error TEXT,
        last_fetched TEXT,
        next_fetch TEXT NOT NULL,
        interval REAL NOT NULL,
        errors INTEGER NOT NULL DEFAULT 0,
        items_seen INTEGER NOT NULL DEFAULT 0,
        documents_added INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX feeds_next ON feeds (next_fetch);
    CREATE TABLE feed_items (
        pk INTEGER PRIMARY KEY,
        feed_url TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
        guid TEXT,
        link TEXT,
        hash TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        title TEXT,
        published TEXT,
        entry TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        outcome TEXT,
        content TEXT,
        reason TEXT,
        seen_at TEXT NOT NULL,
        done_at TEXT
    );
    CREATE INDEX feed_items_guid ON feed_items (feed_url, guid);
    CREATE INDEX feed_items_link ON feed_items (link);
    CREATE INDEX feed_items_hash ON feed_items (hash);
    CREATE INDEX feed_items_pending ON feed_items (feed_url, state);
    CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        query TEXT,
        person TEXT,
        webhook TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE alert_hits (
        pk INTEGER PRIMARY KEY,
        alert_id INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        doc_id TEXT NOT NULL DEFAULT '',
        story_id TEXT NOT NULL DEFAULT '',
        title TEXT,
        at TEXT NOT NULL,
        delivery TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        UNIQUE (alert_id, kind, doc_id, story_id)
    );
    CREATE INDEX alert_hits_delivery ON alert_hits (delivery);
    """,
)


def migrate(conn: sqlite3.Connection, migrations: tuple[str, ...] = MIGRATIONS) -> int:
    """Bring the schema up to date; return the version it is at.

    Each migration runs in its own ``BEGIN IMMEDIATE`` transaction and reads the version
    inside it, so two processes opening a new store at once take turns (the second waits
    on the busy timeout, then finds the work done) instead of running a migration twice.
    """
    if _version(conn, migrations) == len(migrations):
        return len(migrations)  # up to date: no write lock taken
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = _version(conn, migrations)
            if version == len(migrations):
                conn.execute("COMMIT")
                return version
            for statement in _statements(migrations[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _version(conn: sqlite3.Connection, migrations: tuple[str, ...]) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > len(migrations):
        raise StoreError(
            f"the store has schema version {version}, newer than this newsdesk knows "
            f"({len(migrations)}); upgrade newsdesk"
        )
    return version


def _statements(script: str) -> list[str]:
    """Split a migration into statements (trigger bodies keep their inner semicolons)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
