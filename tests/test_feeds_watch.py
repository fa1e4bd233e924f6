"""The watcher against real HTTP servers on 127.0.0.1 (issue 12): four feed formats,
conditional GET, redirects, failures, Retry-After, duplicate and rewritten guids, pages
that fail while their feed works, robots.txt, size limits."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsdesk.feeds import FeedOptions, Ingester
from tests.feed_helpers import CONCERT, FAST, HTML, Outlet, watcher_over
from tests.feed_server import FeedServer, Reply, gzip_bomb, rss20


@pytest.fixture
def server() -> FeedServer:
    srv = FeedServer().start()
    yield srv  # type: ignore[misc]
    srv.stop()


def _feed(store: object, url: str) -> dict[str, object]:
    row = store.feeds.get(url)  # type: ignore[attr-defined]
    assert row is not None
    return row.to_dict()  # type: ignore[no-any-return]


def test_feeds_watch_reads_four_formats_and_ingests_each_page(
    server: FeedServer, tmp_path: Path
) -> None:
    outlets = [
        Outlet(server, f"{name} Courier", slug, fmt)
        for name, slug, fmt in [
            ("Aldwin", "aldwin", "rss20"),
            ("Kestrel", "kestrel", "atom"),
            ("Lindmoor", "lindmoor", "rdf"),
            ("Marrowby", "marrowby", "json"),
        ]
    ]
    for i, outlet in enumerate(outlets):
        outlet.publish([outlet.item(10 * i + 1), outlet.item(10 * i + 2)])
    options = FAST.with_options(user_agent="newsdesk-test/1 (+tests)")
    with watcher_over(tmp_path / "n.db", [o.url for o in outlets], options) as (watcher, store):
        report = watcher.round()
        assert [f.counts for f in report.feeds] == [{"added": 2}] * 4
        assert report.failed == []
        docs = {d.url: d for d in store.documents()}
        for i, outlet in enumerate(outlets):
            record = _feed(store, outlet.url)
            assert record["title"] == outlet.name
            assert record["last_status"] == "200" and record["last_error"] is None
            assert record["items_seen"] == 2 and record["documents_added"] == 2
            item = outlet.item(10 * i + 1)
            doc = docs[item.link]
            assert doc.outlet == outlet.name  # the feed's title travels with the document
            assert doc.title == item.title
            assert doc.published == item.published.replace(microsecond=0).isoformat()
            assert "It could have been far worse." in doc.text  # from the page, not the feed
            assert "About us" not in doc.text and "Sport" not in doc.text
            assert doc.source == item.link
    agents = {r.headers.get("user-agent") for r in server.requests}
    assert agents == {"newsdesk-test/1 (+tests)"}
    assert len(server.hits("/robots.txt")) == 1  # read once per host


def test_feeds_watch_conditional_get_304_adds_nothing(server: FeedServer, tmp_path: Path) -> None:
    outlet = Outlet(server, "Aldwin Courier", "aldwin")
    outlet.publish([outlet.item(1), outlet.item(2)])
    with watcher_over(tmp_path / "n.db", [outlet.url]) as (watcher, store):
        watcher.round()
        pages_before = len([r for r in server.requests if "/news/" in r.path])
        again = watcher.round(force=True)
        assert again.feeds[0].status == "304" and again.feeds[0].counts == {}
        second = server.hits(outlet.path)[-1]
        assert second.headers.get("if-none-match", "").startswith('"')
        assert len([r for r in server.requests if "/news/" in r.path]) == pages_before
        assert _feed(store, outlet.url)["last_status"] == "304"
        assert store.count() == 2
        # Not due: a round without force polls nothing.
        assert watcher.round().feeds == []


def test_feeds_watch_failures_are_recorded_and_never_stop_the_round(
    server: FeedServer, tmp_path: Path
) -> None:
    good = Outlet(server, "Good Gazette", "good")
    good.publish([good.item(3)])
    moved = Outlet(server, "Moved Mercury", "moved")
    moved.publish([moved.item(4)])
    server.routes["/old-feed"] = Reply(301, b"", {"Location": moved.url})
    server.routes["/loop"] = Reply(302, b"", {"Location": "/loop"})
    server.routes["/missing"] = Reply(404, b"<html><body>gone</body></html>", dict(HTML))
    server.routes["/broken"] = Reply(500, b"oops", {"Content-Type": "text/plain"})
    server.routes["/hung"] = Reply(200, b"<rss/>", delay=2.5)
    server.routes["/trickle"] = Reply(200, b"<rss>" + b" " * 4000 + b"</rss>", trickle=0.05)
    server.routes["/html"] = Reply(
        200, b"<!doctype html><html><body><p>Error</p></body></html>", dict(HTML)
    )
    server.routes["/empty"] = Reply(200, b"", {"Content-Type": "application/rss+xml"})
    server.routes["/bomb"] = gzip_bomb(30_000_000)
    server.routes["/garbage"] = Reply(200, b"<rss><channel><item><title>x</ti", {})
    names = [
        "/old-feed",
        "/loop",
        "/missing",
        "/broken",
        "/hung",
        "/trickle",
        "/html",
        "/empty",
        "/bomb",
        "/garbage",
    ]
    feeds = [good.url] + [server.url(n) for n in names]
    options = FAST.with_options(timeout=1.0, max_bytes=1_000_000)
    with watcher_over(tmp_path / "n.db", feeds, options) as (watcher, store):
        before = datetime.now(UTC)
        report = watcher.round()
        by_url = {f.url: f for f in report.feeds}
        assert by_url[good.url].counts == {"added": 1}
        assert by_url[server.url("/old-feed")].counts == {"added": 1}  # followed the redirect
        expected = {
            "/loop": ("error", "redirects"),
            "/missing": ("404", "HTTP 404"),
            "/broken": ("500", "HTTP 500"),
            "/hung": ("error", "timed out"),
            "/trickle": ("200", "timed out"),
            "/html": ("200", "HTML page, not a feed"),
            "/empty": ("200", "empty response"),
            "/bomb": ("200", "too large"),
        }
        for name, (status, error) in expected.items():
            record = _feed(store, server.url(name))
            assert record["last_status"] == status, name
            assert error in str(record["last_error"]), (name, record["last_error"])
            assert record["errors"] == 1
            due = datetime.fromisoformat(str(record["next_fetch"]))
            assert due >= before + timedelta(seconds=options.min_interval - 5)  # backed off
        garbage = _feed(store, server.url("/garbage"))
        assert "malformed feed" in str(garbage["last_error"])
        assert len(report.failed) >= len(expected)
        # A second failure in a row doubles the wait.
        watcher.round(force=True)
        record = _feed(store, server.url("/missing"))
        assert record["errors"] == 2
        wait = datetime.fromisoformat(str(record["next_fetch"])) - datetime.now(UTC)
        assert wait > timedelta(seconds=2 * options.min_interval - 60)


def test_feeds_watch_honours_retry_after_ttl_and_max_age(
    server: FeedServer, tmp_path: Path
) -> None:
    server.routes["/busy"] = Reply(429, b"", {"Retry-After": "7200"})
    # Forty entries in two days: by its posting rate alone, polled every 4.2 hours.
    outlet = Outlet(server, "Ttl Times", "ttl")
    outlet.publish([outlet.item(n) for n in range(40)], pages=False, ttl=600)  # 600 minutes
    cached = Outlet(server, "Cached Chronicle", "cached")
    cached.publish([cached.item(n) for n in range(40, 80)], pages=False)
    route = server.routes[cached.path]
    server.routes[cached.path] = lambda r: _with(route(r), {"Cache-Control": "max-age=20000"})  # type: ignore[operator]
    options = FAST.with_options(min_interval=60.0, fetch_pages=False)
    feeds = [server.url("/busy"), outlet.url, cached.url]
    with watcher_over(tmp_path / "n.db", feeds, options) as (watcher, store):
        now = datetime.now(UTC)
        watcher.round()

        def wait(url: str) -> float:
            due = datetime.fromisoformat(str(_feed(store, url)["next_fetch"]))
            return (due - now).total_seconds()

        assert 7200 - 5 <= wait(server.url("/busy")) <= 7200 + 60
        assert _feed(store, server.url("/busy"))["last_status"] == "429"
        assert 36000 - 5 <= wait(outlet.url) <= 36000 + 60
        assert 20000 - 5 <= wait(cached.url) <= 20000 + 60


def _with(reply: Reply, headers: dict[str, str]) -> Reply:
    reply.headers.update(headers)
    return reply


def test_feeds_watch_duplicate_and_rewritten_guids_add_nothing(
    server: FeedServer, tmp_path: Path
) -> None:
    outlet = Outlet(server, "Aldwin Courier", "aldwin")
    first, second = outlet.item(1), outlet.item(2)
    outlet.publish([first, second, first])  # the same entry twice in one feed
    with watcher_over(tmp_path / "n.db", [outlet.url]) as (watcher, store):
        assert watcher.round().feeds[0].counts == {"added": 2}
        # The feed rewrites every guid and adds tracking parameters to the links.
        rewritten = [
            outlet.item(1, guid="urn:new:1", link_suffix="?utm_source=rss&utm_medium=feed"),
            outlet.item(2, guid="urn:new:2", link_suffix="#comments"),
        ]
        outlet.publish(rewritten, pages=False)
        report = watcher.round(force=True)
        assert report.feeds[0].new_items == 0 and report.feeds[0].counts == {}
        # New guid, new link, same content: the content hash knows it.
        same = outlet.item(1, guid="urn:other", link_suffix="?id=99")
        outlet.publish([same], pages=False)
        assert watcher.round(force=True).feeds[0].new_items == 0
        # Another feed carrying the same article adds no document either.
        other = Outlet(server, "Syndicator", "syn")
        server.routes[other.path] = Reply(
            200, rss20("Syndicator", "http://x/", [outlet.item(2, guid="syn-2")]), {}
        )
        from newsdesk.feeds import add_feed

        add_feed(store, other.url)
        assert watcher.round().feeds[0].new_items == 0
        assert store.count() == 2 and store.copies() == []
        assert _feed(store, outlet.url)["items_seen"] == 2


def test_feeds_watch_page_failure_stores_the_feeds_own_content(
    server: FeedServer, tmp_path: Path
) -> None:
    outlet = Outlet(server, "Aldwin Courier", "aldwin")
    items = [outlet.item(1), outlet.item(2), outlet.item(3)]
    outlet.publish(items)
    server.routes[outlet.page_path(2)] = Reply(404, b"<html>no</html>", dict(HTML))
    server.routes["/robots.txt"] = Reply(
        200, b"User-agent: *\nDisallow: /aldwin/news/3.html\n", {"Content-Type": "text/plain"}
    )
    with watcher_over(tmp_path / "n.db", [outlet.url]) as (watcher, store):
        report = watcher.round()
        assert report.feeds[0].counts == {"added": 3} and report.feeds[0].from_feed == 2
        assert report.failed == []  # the feed worked
        by_link = {d.url: d for d in store.documents()}
        page = by_link[items[0].link]
        assert page.source == items[0].link and len(page.text) > 1000
        for item in items[1:]:
            doc = by_link[item.link]
            assert doc.text == item.summary  # the feed's own content
            assert doc.source == f"{outlet.url} (feed content)"
            assert doc.outlet == "Aldwin Courier" and doc.title == item.title
        rows = {r.link: r for r in store.feeds.items(outlet.url)}
        assert rows[items[0].link].content == "page"
        assert rows[items[1].link].content == "feed"
        assert "page HTTP 404" in str(rows[items[1].link].reason)
        assert "robots.txt" in str(rows[items[2].link].reason)
    assert server.hits(outlet.page_path(3)) == []  # disallowed: never requested


def test_feeds_watch_no_pages_and_json_feed_text(server: FeedServer, tmp_path: Path) -> None:
    outlet = Outlet(server, "Marrowby Post", "marrowby", "json")
    outlet.publish([outlet.item(7)], pages=False)
    options = FAST.with_options(fetch_pages=False)
    with watcher_over(tmp_path / "n.db", [outlet.url], options) as (watcher, store):
        report = watcher.round()
        assert report.feeds[0].counts == {"added": 1}
        [doc] = list(store.documents())
        assert doc.text == outlet.item(7).summary
    assert [r.path for r in server.requests] == [outlet.path]


def test_feeds_watch_ingests_with_annotation_and_stories(
    server: FeedServer, tmp_path: Path
) -> None:
    """End to end: fetched pages are annotated and grouped into stories, as `ingest` does."""
    from newsdesk.app import default_pipeline
    from newsdesk.embed import HashingEmbedder

    a = Outlet(server, "Aldwin Courier", "aldwin")
    b = Outlet(server, "Brackenford Bugle", "bugle", "atom")
    a.publish([a.item(1), a.item(17)])
    # The Bugle tells the same event (place, what happened) in words of its own.
    b.publish([b.item(101)])
    a.serve_page(17, "Orchestra opens tour", CONCERT)
    ingester = Ingester(pipeline=default_pipeline(), assign=True, embedder=HashingEmbedder())
    with watcher_over(tmp_path / "n.db", [a.url, b.url], FAST, ingester) as (watcher, store):
        report = watcher.round()
        assert sorted(str(f.counts) for f in report.feeds) == ["{'added': 1}", "{'added': 2}"]
        stories = store.stories.assignments()
        docs = {d.url: d for d in store.documents()}
        same = [docs[a.item(1).link].id, docs[b.item(101).link].id]
        other = docs[a.item(17).link].id
        assert stories[same[0]] == stories[same[1]] is not None
        assert stories[other] not in (None, stories[same[0]])
        for doc in docs.values():
            assert doc.entities, doc.id  # annotated on the way in
            assert any(q.speaker for q in doc.quotes), doc.id


def test_feeds_watch_limits_requests_per_host(server: FeedServer, tmp_path: Path) -> None:
    outlet = Outlet(server, "Aldwin Courier", "aldwin")
    outlet.publish([outlet.item(n) for n in range(1, 5)])
    options = FAST.with_options(host_delay=0.2)
    with watcher_over(tmp_path / "n.db", [outlet.url], options) as (watcher, _):
        watcher.round()
    times = sorted(r.at for r in server.requests)
    assert len(times) == 6  # the feed, robots.txt, four pages
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.2 * 0.95


def test_feeds_ls_json_has_the_contract_fields(server: FeedServer, tmp_path: Path) -> None:
    outlet = Outlet(server, "Aldwin Courier", "aldwin")
    outlet.publish([outlet.item(1)])
    with watcher_over(tmp_path / "n.db", [outlet.url]) as (watcher, store):
        watcher.round()
        [record] = [f.to_dict() for f in store.feeds.rows()]
    contract = {
        "url",
        "title",
        "last_status",
        "last_error",
        "last_fetched",
        "next_fetch",
        "items_seen",
        "documents_added",
    }
    assert contract <= set(record)
    assert json.loads(json.dumps(record)) == record


def test_feeds_options_defaults_are_polite() -> None:
    options = FeedOptions()
    assert options.host_delay >= 1 and options.timeout <= 30
    assert options.min_interval == 300 and options.max_interval == 86400
    assert "newsdesk" in options.user_agent
