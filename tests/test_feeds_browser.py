"""The Feeds and Alerts pages in headless Chromium (Debian's, through Playwright), with
``serve --watch`` following a feed on a local server: follow a feed through the form,
see it polled, see the stories page update itself, save an alert and see it match."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from newsdesk.embed import HashingEmbedder
from newsdesk.store.sqlite import SQLiteStore
from newsdesk.web import create_app
from tests.feed_helpers import CONCERT, FAST, Outlet
from tests.feed_server import FeedServer, Reply
from tests.test_web_browser import (  # noqa: F401 - fixtures
    CHROMIUM,
    Tab,
    browser,
    shot,
    tab,
)
from tests.web_helpers import served

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it)"
)
HOSTILE = "<img src=x onerror=alert('feed')> Marrowby Post"


@pytest.fixture(scope="module")
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def watching(tmp_path_factory: pytest.TempPathFactory, feeds: FeedServer) -> Iterator[str]:
    """The app with --watch over an empty store, served by uvicorn in a thread."""
    db = tmp_path_factory.mktemp("feeds-browser") / "news.db"
    SQLiteStore(db).close()
    app = create_app(
        str(db), embedder=HashingEmbedder(), watch=True, feed_options=FAST, watch_interval=1.0
    )
    with served(app) as url:
        yield url


def test_browser_follow_a_feed_and_watch_the_stories_page_update(
    watching: str,
    feeds: FeedServer,
    tab: Tab,  # noqa: F811 - the fixture imported above
    browser: Browser,  # noqa: F811
) -> None:
    outlet = Outlet(feeds, "Aldwin Courier", "aldwin")
    outlet.publish([outlet.item(1), outlet.item(17)])
    outlet.serve_page(17, "Orchestra opens tour", CONCERT)
    feeds.routes["/dead"] = Reply(500, b"")
    stories = browser.new_page()  # opened before anything arrives; never reloaded
    stories.goto(watching + "/")
    expect(stories.locator("li.story-card")).to_have_count(0)

    page = tab.page
    page.goto(watching + "/feeds")
    expect(page.locator("#watch-state")).to_contain_text("Watching")
    page.fill("input[name=url]", outlet.url)
    page.click("form.feed-add button")
    page.fill("input[name=url]", feeds.url("/dead"))
    page.fill("input[name=title]", HOSTILE)
    page.click("form.feed-add button")
    expect(page.locator("tr.feed")).to_have_count(2)
    # Polled by the watcher (its JSON twin says when), then shown on the page.
    deadline = time.monotonic() + 60
    while True:
        data = page.request.get(watching + "/feeds.json").json()
        if (
            all(f["last_status"] for f in data["feeds"])
            and sum(f["documents_added"] for f in data["feeds"]) == 2
        ):
            break
        assert time.monotonic() < deadline, data
        time.sleep(0.3)
    page.reload()
    failing = page.locator("tr.feed.failing")
    expect(failing).to_have_count(1)
    expect(failing).to_contain_text("HTTP 500")
    expect(failing.locator(".feed-title")).to_have_text(HOSTILE)  # text, not markup
    expect(page.locator("ol.entries li")).to_have_count(2)
    shot(page, "feeds.png")

    # The stories page drew the new stories by itself.
    expect(stories.locator("li.story-card")).to_have_count(2, timeout=30_000)
    expect(stories.locator("#live-note")).to_contain_text("new activity")
    expect(stories.locator("li.story-card", has_text="Quillon Heights")).to_contain_text(
        "Aldwin Courier"
    )
    stories.close()

    # Remove the failing feed.
    failing.locator("button").click()
    expect(page.locator("tr.feed")).to_have_count(1)
    assert tab.problems == []


def test_browser_save_an_alert_and_see_it_listed(
    watching: str,
    tab: Tab,  # noqa: F811 - the fixture imported above
) -> None:
    page = tab.page
    page.goto(watching + "/alerts")
    page.fill("input[name=query]", '"harbour crane"')
    page.fill("input[name=person]", "Ilse Varga")
    page.click("form.feed-add button")
    expect(page.locator("li.alert")).to_have_count(1)
    expect(page.locator("li.alert")).to_contain_text("Ilse Varga")
    shot(page, "alerts.png")
    page.locator("li.alert button").click()
    expect(page.locator("li.alert")).to_have_count(0)
    assert tab.problems == []
