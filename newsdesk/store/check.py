"""What must hold in a store however its writers ended (crash, kill -9, power cut).

`problems` lists every broken rule, so a test or an operator can check a store after
the fact: SQLite's own integrity check, the full-text index against the documents, each
document with its fingerprint and (unless ``stories`` is False) its story, each story's
size against its members, each copy pointing at a stored document, no id both stored
and recorded as a copy.
"""

from __future__ import annotations

import sqlite3

from newsdesk.store.sqlite import SQLiteStore

_COUNTS = {
    "documents without a MinHash fingerprint": (
        "SELECT count(*) FROM documents d LEFT JOIN minhash m ON m.doc_rowid = d.pk "
        "WHERE m.doc_rowid IS NULL"
    ),
    "copies of a document that is not stored": (
        "SELECT count(*) FROM copies c LEFT JOIN documents d ON d.id = c.of_id WHERE d.id IS NULL"
    ),
    "ids both stored and recorded as a copy": (
        "SELECT count(*) FROM copies c JOIN documents d ON d.id = c.id"
    ),
}
_STORY_COUNTS = {
    "documents without a story": "SELECT count(*) FROM documents WHERE story_id IS NULL",
    "documents in a story that does not exist": (
        "SELECT count(*) FROM documents d LEFT JOIN stories s ON s.id = d.story_id "
        "WHERE d.story_id IS NOT NULL AND s.id IS NULL"
    ),
    "stories whose size is not their number of documents": (
        "SELECT count(*) FROM stories s WHERE s.size != "
        "(SELECT count(*) FROM documents d WHERE d.story_id = s.id)"
    ),
    "documents in a story without stored features": (
        "SELECT count(*) FROM documents d LEFT JOIN features f ON f.doc_id = d.id "
        "WHERE d.story_id IS NOT NULL AND f.doc_id IS NULL"
    ),
}


def problems(store: SQLiteStore, stories: bool = True) -> list[str]:
    """Every rule the store breaks, one line each (empty: the store is sound)."""
    conn = store.conn
    found = [
        f"integrity check: {row[0]}"
        for row in conn.execute("PRAGMA integrity_check")
        if row[0] != "ok"
    ]
    try:
        conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as exc:  # the index disagrees with the table
        found.append(f"full-text index: {exc}")
    checks = _COUNTS | (_STORY_COUNTS if stories else {})
    for what, sql in checks.items():
        count = int(conn.execute(sql).fetchone()[0])
        if count:
            found.append(f"{count} {what}")
    return found
