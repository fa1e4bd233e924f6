"""The demo corpus read end to end: what the readers keep and drop on real-looking pages."""

from __future__ import annotations

from pathlib import Path

from newsdesk import Document, Settings, ingest, read
from newsdesk.store.sqlite import SQLiteStore
from tests.conftest import EXAMPLES

COLLISION = EXAMPLES / "strait-ferry-collision"


def test_examples_ingest_stores_wire_copy_once(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "demo.db")
    results = list(ingest(read([str(EXAMPLES)], Settings()), store))
    statuses = {r.id: r.status for r in results}
    assert list(statuses.values()).count("added") == 15
    assert statuses["valmont-courier-wire-copy"] == "duplicate"
    [copy] = store.copies("meridian-wire-grounding")
    assert copy["id"] == "valmont-courier-wire-copy"
    assert {d.outlet for d in store.documents()} >= {
        "Meridian Wire",
        "The Daily Clarion",
        "Harbour Gazette",
        "Valmont Courier",
        "Northshore Post",
        "Strait Business Review",
    }


def test_examples_tabloid_page_loses_its_furniture() -> None:
    [doc] = read([str(COLLISION / "daily-clarion-ferry-horror.html")])
    assert isinstance(doc, Document)
    assert (doc.outlet, doc.published) == ("The Daily Clarion", "2026-10-13")
    assert "Veteran skipper Henrik Maalstad, 58" in doc.text
    for furniture in (
        "READ MORE",
        "Photo by",
        "Picture:",
        "WRECKED:",
        "HERO CREWS",
        "Related articles",
        "Do you have a story",
        "Sign in",
        "cookies",
    ):
        assert furniture not in doc.text, furniture


def test_examples_jsonl_feed_keeps_dates_and_story_labels() -> None:
    docs = [d for d in read([str(EXAMPLES / "port-tariff-vote" / "feed.jsonl")])]
    assert all(isinstance(d, Document) for d in docs)
    assert len(docs) == 3
    assert {d.story for d in docs if isinstance(d, Document)} == {"port-tariff-vote"}
    assert all(isinstance(d, Document) and d.published for d in docs)
