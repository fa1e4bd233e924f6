"""The Feeds and Alerts pages and their JSON twins, forms that add and remove, hostile
feed strings escaped, and ``serve --watch`` bringing documents in while serving."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsdesk import app as api
from newsdesk.embed import HashingEmbedder
from newsdesk.feeds import add_alert, add_feed
from newsdesk.store.sqlite import SQLiteStore
from newsdesk.web import create_app
from tests.feed_helpers import CONCERT, FAST, Outlet, watcher_over
from tests.feed_server import FeedServer, Item, Reply, rss20
from tests.web_helpers import PageChecker

HOSTILE = "<script>alert('feed')</script><img src=x onerror=alert(1)>"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


def _client(db: Path, **options: object) -> TestClient:
    app = create_app(str(db), embedder=HashingEmbedder(), **options)  # type: ignore[arg-type]
    return TestClient(app, base_url="http://127.0.0.1")


def check_page(html: str) -> PageChecker:
    checker = PageChecker()
    checker.feed(html)
    assert checker.problems == []
    return checker


def test_feeds_web_page_and_json_twin_show_status_and_escape_hostile_strings(
    server: FeedServer, tmp_path: Path
) -> None:
    good = Outlet(server, "Aldwin Courier", "aldwin")
    good.publish([good.item(1)])
    hostile = Outlet(server, HOSTILE, "hostile")
    items = [
        Item(
            guid="h1",
            link=server.url("/hostile/news/404.html"),
            title=f"{HOSTILE} Tram stops in Marrowby",
            summary=f"<p>{HOSTILE}</p><p>A tram stopped in Marrowby on Monday after a power cut,"
            ' the operator said.</p><a href="javascript:alert(2)">more</a>',
            published=good.item(1).published,
        )
    ]
    server.routes[hostile.path] = Reply(200, rss20(HOSTILE, "javascript:alert(3)", items), {})
    server.routes["/down"] = Reply(503, b"", {"Retry-After": "120"})
    db = tmp_path / "n.db"
    with watcher_over(db, [good.url, hostile.url, server.url("/down")]) as (watcher, _):
        watcher.round()
    with _client(db) as client:
        response = client.get("/feeds")
        assert response.status_code == 200
        assert response.headers["link"] == '</feeds.json>; rel="alternate"; type="application/json"'
        checker = check_page(response.text)
        text = " ".join(checker.text)
        assert HOSTILE in text  # shown as text, never as markup
        assert "Not watching" in text and "1 failing" in text
        data = client.get("/feeds.json").json()
        assert data["count"] == 3 and data["failing"] == 1 and data["watching"] is False
        by_url = {f["url"]: f for f in data["feeds"]}
        assert by_url[server.url("/down")]["last_status"] == "503"
        assert by_url[server.url("/down")]["last_error"] == "HTTP 503"
        assert by_url[hostile.url]["title"] == HOSTILE
        assert by_url[good.url]["documents_added"] == 1
        entry = next(i for i in data["recent_items"] if i["feed"] == hostile.url)
        assert entry["content"] == "feed" and entry["outcome"] == "added"
        # The hostile entry's document page shows its text, escaped; no script runs.
        page = client.get(entry["document_url"])
        assert page.status_code == 200
        doc_text = " ".join(check_page(page.text).text)
        assert "A tram stopped in Marrowby" in doc_text
        assert "<script" not in page.text.replace('<script src="/static/app.js" defer>', "")
        stored = client.get(entry["document_url"] + ".json").json()
        assert "<" not in stored["text"] and "alert(" not in stored["text"]


def test_feeds_web_forms_add_and_remove_feeds_and_alerts(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    SQLiteStore(db).close()
    with _client(db) as client:
        added = client.post(
            "/feeds", data={"url": "https://a.example/rss", "title": "A"}, follow_redirects=False
        )
        assert added.status_code == 303 and added.headers["location"] == "/feeds"
        again = client.post(
            "/feeds", data={"url": "https://a.example/rss"}, headers={"Accept": "application/json"}
        )
        assert again.status_code == 200 and again.json() == {
            "url": "https://a.example/rss",
            "added": False,
        }
        bad = client.post(
            "/feeds", data={"url": "javascript:alert(1)"}, headers={"Accept": "application/json"}
        )
        assert bad.status_code == 400 and "http(s)" in bad.json()["error"]
        assert [f["title"] for f in client.get("/feeds.json").json()["feeds"]] == ["A"]
        foreign = client.post(
            "/feeds",
            data={"url": "https://evil.example/"},
            headers={"Origin": "https://evil.example"},
        )
        assert foreign.status_code == 403
        alert = client.post(
            "/alerts",
            data={"query": "ferry", "person": "", "webhook": ""},
            headers={"Accept": "application/json"},
        )
        assert alert.status_code == 201
        alerts = client.get("/alerts.json").json()
        assert [(a["query"], a["person"]) for a in alerts["alerts"]] == [("ferry", None)]
        check_page(client.get("/alerts").text)
        assert client.post("/alerts", data={"query": ""}).status_code == 400
        removed = client.post(
            "/feeds/remove", data={"url": "https://a.example/rss"}, follow_redirects=False
        )
        assert removed.status_code == 303
        assert client.get("/feeds.json").json()["feeds"] == []
        assert (
            client.post(
                "/alerts/remove",
                data={"id": str(alerts["alerts"][0]["id"])},
                follow_redirects=False,
            ).status_code
            == 303
        )
        assert client.post("/alerts/remove", data={"id": "99"}).status_code == 404


def test_feeds_web_serve_watch_ingests_while_serving(server: FeedServer, tmp_path: Path) -> None:
    """serve --watch: a feed added through the page is polled, its articles annotated and
    grouped into stories by the app's writer thread; alerts record the matches."""
    outlet = Outlet(server, "Aldwin Courier", "aldwin")
    outlet.publish([outlet.item(1), outlet.item(17)])
    outlet.serve_page(17, "Orchestra opens tour", CONCERT)
    db = tmp_path / "n.db"
    store = api.open_store(str(db))
    add_alert(store, "crane")
    store.close()
    with _client(db, watch=True, feed_options=FAST, watch_interval=1.0) as client:
        assert client.get("/feeds.json").json()["watching"] is True
        client.post("/feeds", data={"url": outlet.url})
        deadline = time.monotonic() + 120
        while True:
            feeds = client.get("/feeds.json").json()["feeds"]
            if feeds and feeds[0]["documents_added"] == 2:
                break
            assert time.monotonic() < deadline, feeds
            time.sleep(0.2)
        stories = client.get("/stories.json").json()
        assert stories["count"] == 2 and stories["activity"] > 0
        assert {s["outlets"][0] for s in stories["stories"]} == {"Aldwin Courier"}
        hits = client.get("/alerts.json").json()["hits"]
        assert {h["kind"] for h in hits} == {"document", "story"}
        assert all("crane" in (h["title"] or "") for h in hits)
        assert len(hits) == 2  # the crane report, and its story
        [doc_hit] = [h for h in hits if h["kind"] == "document"]
        doc = client.get(doc_hit["document_url"] + ".json").json()
        assert doc["entities"]  # annotated by the app's pipeline


def test_feeds_web_add_feed_through_the_store_api(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    store = api.open_store(str(db))
    assert add_feed(store, " https://a.example/rss ") is True
    assert [f.url for f in store.feeds.rows()] == ["https://a.example/rss"]
    store.close()


def test_feeds_web_uploads_are_checked_against_alerts(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    store = api.open_store(str(db))
    add_alert(store, "grain mill")
    store.close()
    text = (
        "MOSSBY - A fire destroyed the old grain mill in Mossby on Friday night, the fire "
        "service said. Nobody was hurt."
    )
    with _client(db) as client:
        job = client.post(
            "/upload",
            data={"title": "Mill fire", "text": text},
            headers={"Accept": "application/json"},
        ).json()
        deadline = time.monotonic() + 120
        while not client.get(job["url"] + ".json").json()["done"]:
            assert time.monotonic() < deadline
            time.sleep(0.2)
        hits = client.get("/alerts.json").json()["hits"]
    assert {h["kind"] for h in hits} == {"document", "story"}
    assert all(h["title"] == "Mill fire" for h in hits)
