"""The SQLite store: keys, duplicates, transactions, migrations, search."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest

from newsdesk import app
from newsdesk.errors import StoreError
from newsdesk.ingest.dedup import fingerprint
from newsdesk.model import Document
from newsdesk.store.schema import MIGRATIONS
from newsdesk.store.sqlite import SQLiteStore
from tests.conftest import ROOT, WIRE


def add(store: SQLiteStore, doc: Document) -> str:
    return store.add(doc, fingerprint(doc.text)).status


def test_store_add_then_readd_adds_nothing(store: SQLiteStore) -> None:
    doc = Document(id="w1", text=WIRE, outlet="Meridian Wire")
    assert add(store, doc) == "added"
    assert add(store, doc) == "unchanged"
    assert store.count() == 1
    assert store.get("w1") == doc


def test_store_same_id_other_text_refused(store: SQLiteStore) -> None:
    add(store, Document(id="w1", text=WIRE))
    result = store.add(Document(id="w1", text=WIRE + " A correction was appended."))
    assert result.status == "refused"
    assert "already stored with other text" in (result.reason or "")
    assert store.get("w1") is not None and store.get("w1").text == WIRE  # type: ignore[union-attr]


def test_store_same_url_other_text_refused(store: SQLiteStore) -> None:
    add(store, Document(id="a", text=WIRE, url="https://example.org/ferry"))
    result = store.add(
        Document(
            id="b", text="Another text entirely, about a vote.", url="https://example.org/ferry"
        )
    )
    assert result.status == "refused" and "url" in (result.reason or "")


def test_store_syndicated_copy_recorded_as_duplicate_with_outlet(store: SQLiteStore) -> None:
    add(store, Document(id="wire", text=WIRE, outlet="Meridian Wire"))
    copy_text = "Republished from Meridian Wire.\n\n" + WIRE.replace("Monday", "Monday morning")
    copy = Document(id="courier", text=copy_text, outlet="Valmont Courier")
    result = store.add(copy, fingerprint(copy.text))
    assert result.status == "duplicate" and result.of == "wire"
    assert result.similarity is not None and 0.8 <= result.similarity < 1.0
    assert store.count() == 1
    [recorded] = store.copies("wire")
    assert (recorded["id"], recorded["outlet"]) == ("courier", "Valmont Courier")
    assert add(store, copy) == "unchanged"


def test_store_exact_copy_under_other_id_is_duplicate(store: SQLiteStore) -> None:
    add(store, Document(id="wire", text=WIRE))
    result = store.add(Document(id="copy", text=WIRE, outlet="Northshore Post"))
    assert (result.status, result.of, result.similarity) == ("duplicate", "wire", 1.0)


def test_store_different_story_same_topic_not_duplicate(store: SQLiteStore) -> None:
    add(store, Document(id="a", text=WIRE))
    other = (
        "The cargo ship Mistral ran aground off Valmont Point on Saturday, the coast guard "
        "said, and its crew of nine was lifted off by helicopter before dawn."
    )
    assert add(store, Document(id="b", text=other)) == "added"


def test_store_interrupted_ingest_keeps_committed_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "crash.db"
    store = SQLiteStore(db)
    docs = [
        Document(id=f"d{i}", text=f"Article number {i} about the ferry strike and more {i}.")
        for i in range(5)
    ]
    calls = {"n": 0}

    def insert_then_crash(doc: Document, fp: object) -> None:
        SQLiteStore._insert(store, doc, fp)  # type: ignore[arg-type]
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # Ctrl-C after the row is written, before the commit

    monkeypatch.setattr(store, "_insert", insert_then_crash)
    with pytest.raises(KeyboardInterrupt):
        for result in app.ingest(docs, store):
            assert result.status == "added"
    store.close()
    reopened = SQLiteStore(db)
    assert [d.id for d in reopened.documents()] == ["d0", "d1"]
    assert reopened.conn.execute("SELECT count(*) FROM lsh").fetchone()[0] == 2 * 16
    assert reopened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert sorted(reopened.search("number")) == ["d0", "d1"]


def test_store_schema_versioned_and_wal(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "v.db")
    assert store.schema_version == len(MIGRATIONS)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_store_newer_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)


def test_store_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        SQLiteStore(path)


def test_store_full_text_search_uses_porter_stemming(store: SQLiteStore) -> None:
    add(store, Document(id="a", text=WIRE, title="Ferry strikes wall"))
    add(store, Document(id="b", text="The council voted to raise port tariffs next year."))
    assert store.search("injured") == ["a"]  # "injuring" in the text
    assert store.search("tariff") == ["b"]
    with pytest.raises(StoreError, match="bad search query"):
        store.search('"unbalanced')


def test_store_migrates_old_schema_keeping_documents(tmp_path: Path) -> None:
    from newsdesk.store.schema import migrate

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:1])
    conn.execute(
        "INSERT INTO documents (id, text, hash, added_at) "
        "VALUES ('old', 'Old text here.', 'h', 'x')"
    )
    conn.close()
    store = SQLiteStore(path)
    assert store.schema_version == len(MIGRATIONS) > 1
    old = store.get("old")
    assert old is not None and old.text == "Old text here." and old.quotes == ()


def test_store_keeps_annotation_layers(store: SQLiteStore) -> None:
    from newsdesk.model import Quote

    doc = Document(
        id="w",
        text=WIRE,
        genre="report",
        genre_evidence=(("said_per_100w", 2.5),),
        stated_date="2026-10-12",
    )
    q = WIRE.index("We were lucky")
    quote = Quote(doc.span(q, q + 29), WIRE[q : q + 29], speaker="Inga Solberg", via=("X",))
    doc = doc.with_layers(quotes=(quote,))
    add(store, doc)
    again = store.get("w")
    assert again == doc
    assert again is not None and again.genre == "report"
    assert again.genre_evidence == (("said_per_100w", 2.5),)
    assert again.stated_date == "2026-10-12"
    add(store, Document(id="u", text="An undated page, its date read: none.", stated_date=""))
    assert (stored := store.get("u")) is not None and stored.stated_date == ""
    assert store.needs(doc) is False
    assert store.needs(Document(id="new", text="A different text for a new document.")) is True


STAGES = ("newsdesk.cluster", "newsdesk.brief", "newsdesk.ingest")


def imported_modules(path: Path) -> set[str]:
    """Every module a source file imports (at the top, in a function, or for typing)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_store_imports_no_stage() -> None:
    """The store persists and queries; cluster/, brief/ and ingest/ compute (issue 11)."""
    sources = sorted((ROOT / "newsdesk" / "store").glob("*.py"))
    assert len(sources) >= 5
    crossing = {
        f"{path.name}: {module}"
        for path in sources
        for module in imported_modules(path)
        if module.startswith(STAGES)
    }
    assert crossing == set()
    # The check itself sees such imports: the cluster backend over the store has them.
    assert "newsdesk.store.stories" in imported_modules(ROOT / "newsdesk/cluster/stored.py")
    assert any(m.startswith(STAGES) for m in imported_modules(ROOT / "newsdesk/cluster/stored.py"))
