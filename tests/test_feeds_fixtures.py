"""feedparser's own test corpus (``../shared/data/feedparser_tests``, read at run time and
served from a local server with the HTTP headers each file asks for): bad feeds never
stop a round, HTTP cases behave, and hostile entry HTML never reaches a page unescaped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsdesk.embed import HashingEmbedder
from newsdesk.feeds import Ingester
from newsdesk.settings import Settings
from newsdesk.web import create_app
from tests.conftest import SHARED_DATA, require_shared_data
from tests.feed_helpers import FAST, Outlet, watcher_over
from tests.feed_server import FeedServer, Reply, Request
from tests.web_helpers import PageChecker

CORPUS = SHARED_DATA / "feedparser_tests"
ROBUSTNESS = ("http", "illformed", "encoding", "compression")
_COMMENT = re.compile(rb"\A\s*(?:<\?xml[^>]*\?>\s*)?<!--(.*?)-->", re.S)
_ENCODINGS = {".gz": "gzip", ".z": "deflate"}
# Exception names that would mean our code, not the feed, went wrong.
_OUR_BUGS = (
    "TypeError",
    "AttributeError",
    "KeyError",
    "IndexError",
    "NameError",
    "AssertionError",
    "UnboundLocalError",
    "RecursionError",
)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


def fixture_route(path: Path, server: FeedServer) -> Reply | object:
    """The file as feedparser's test server sends it: its ``Header:`` lines as headers
    (``Status`` as the status; links to feedparser's server pointed at ours)."""
    raw = path.read_bytes()
    headers: dict[str, str] = {}
    status = 200
    found = _COMMENT.match(raw)
    for line in (found.group(1) if found else b"").decode("utf-8", "replace").splitlines():
        line = line.strip()
        if not line.startswith("Header:"):
            continue
        name, _, value = line[len("Header:") :].strip().partition(":")
        value = value.strip().replace("http://localhost:8097/tests", server.url(""))
        value = value.replace("http://localhost:8097/-/return-304.xml", server.url("/-/304"))
        if name.lower() == "status":
            status = int(value.split()[0])
        else:
            headers[name] = value
    if path.suffix in _ENCODINGS:
        headers["Content-Encoding"] = _ENCODINGS[path.suffix]
    if "ETag" in headers and status == 200:
        etag = headers["ETag"]

        def conditional(request: Request) -> Reply:
            if request.headers.get("if-none-match") == etag:
                return Reply(304, b"", {"ETag": etag})
            return Reply(200, raw, dict(headers))

        return conditional
    return Reply(status, raw, headers)


def serve_corpus(server: FeedServer, folders: tuple[str, ...]) -> list[str]:
    urls = []
    for folder in folders:
        for path in sorted((CORPUS / folder).rglob("*")):
            if path.is_file():
                route = "/" + path.relative_to(CORPUS).as_posix()
                server.routes[route] = fixture_route(path, server)  # type: ignore[assignment]
                urls.append(server.url(route))
    server.routes["/-/304"] = Reply(304, b"")
    return urls


def test_feeds_fixtures_bad_feeds_never_stop_the_round(server: FeedServer, tmp_path: Path) -> None:
    require_shared_data(CORPUS)
    urls = serve_corpus(server, ROBUSTNESS)
    assert len(urls) > 200
    control = Outlet(server, "Control Courier", "control")
    control.publish([control.item(1)], pages=False)
    options = FAST.with_options(fetch_pages=False)
    with watcher_over(tmp_path / "n.db", [*urls, control.url], options) as (watcher, store):
        report = watcher.round()
        assert len(report.feeds) == len(urls) + 1
        by_url = {f.url: f for f in report.feeds}
        assert by_url[control.url].counts == {"added": 1}  # after all the others
        for feed in report.feeds:
            assert feed.status is not None, feed
            assert not (feed.error or "").startswith(_OUR_BUGS), feed
        rows = {f.url: f for f in store.feeds.rows()}
        status = {u.rsplit("/", 1)[-1]: r.last_status for u, r in rows.items()}
        assert status["http_status_404.xml"] == "404"
        for code in ("301", "302", "303", "307"):
            assert status[f"http_status_{code}.xml"] == "200", code  # the target was read
        assert rows[server.url("/http/http_status_302-no-location.xml")].last_error
        assert rows[server.url("/compression/gzip-struct-error.gz")].last_error
        assert rows[server.url("/compression/gzip.gz")].last_error is None
        assert "not a feed" in str(rows[server.url("/illformed/rss_empty_document.xml")].last_error)
        loose = rows[server.url("/illformed/rss_item_link_corrupted_ampersands.xml")]
        assert loose.last_error is None and loose.items_seen == 1  # bozo, but readable
        # The 304 case: the second round sends the ETag and gets "not modified".
        again = watcher.round(force=True)
        by_url = {f.url: f for f in again.feeds}
        assert by_url[server.url("/http/http_status_304.xml")].status == "304"
    decoded = [f for f in report.feeds if "/encoding/" in f.url and not f.error]
    assert len(decoded) > 150  # most encodings read (the rest are errors, recorded)


def test_feeds_fixtures_hostile_entry_html_never_reaches_a_page_unescaped(
    server: FeedServer, tmp_path: Path
) -> None:
    require_shared_data(CORPUS / "wellformed" / "sanitize")
    urls = serve_corpus(server, ("wellformed/sanitize",))
    assert len(urls) > 700
    options = FAST.with_options(fetch_pages=False, workers=1)
    ingester = Ingester(Settings(min_text_chars=1), assign=False)
    db = tmp_path / "n.db"
    with watcher_over(db, urls, options, ingester) as (watcher, store):
        report = watcher.round()
        assert report.failed == []
        docs = list(store.documents())
    assert len(docs) >= 15  # most cases sanitise to the same few texts (one document each)
    app = create_app(str(db), embedder=HashingEmbedder())
    with TestClient(app, base_url="http://127.0.0.1") as client:
        for path in ("/feeds", "/"):
            checker = PageChecker()
            checker.feed(client.get(path).text)
            assert checker.problems == [], path
        for doc in docs:
            response = client.get(f"/documents/{_key(doc.id)}")
            assert response.status_code == 200, doc.id
            checker = PageChecker()
            checker.feed(response.text)
            assert checker.problems == [], (doc.id, doc.source)
            assert checker.scripts == ["/static/app.js"], doc.id


def _key(doc_id: str) -> str:
    from newsdesk.web.ids import url_key

    return url_key(doc_id)
