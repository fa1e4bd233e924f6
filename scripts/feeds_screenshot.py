"""Screenshot the Feeds page for the README: docs/feeds.png.

    .venv/bin/python scripts/feeds_screenshot.py [docs/feeds.png]

Starts the demo feed server (`scripts/demo_feeds.py`'s fictional outlets, plus one feed
that fails), serves a fresh store with ``--watch`` on a free loopback port, follows the
feeds, waits for the watcher's round, and saves the Feeds page from Debian's headless
Chromium.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdesk import app as api  # noqa: E402
from newsdesk.embed import HashingEmbedder  # noqa: E402
from newsdesk.feeds import FeedOptions, add_feed  # noqa: E402
from newsdesk.web import create_app  # noqa: E402
from tests.feed_helpers import demo_outlets  # noqa: E402
from tests.feed_server import FeedServer, Reply  # noqa: E402
from tests.web_helpers import CHROMIUM_ARGS, served  # noqa: E402


def main(out: str = "docs/feeds.png") -> int:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium is not installed (make chromium)", file=sys.stderr)
        return 1
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-shot-"))
    db = str(folder / "news.db")
    with FeedServer() as feeds:
        urls = demo_outlets(feeds)
        feeds.routes["/gone/feed"] = Reply(404, b"<html>gone</html>", {"Content-Type": "text/html"})
        store = api.open_store(db)
        titles = ["", "", "", "Northshore Post"]
        for url, title in zip([*urls, feeds.url("/gone/feed")], titles, strict=True):
            add_feed(store, url, title or None)
        store.close()
        options = FeedOptions(host_delay=0.2, timeout=5.0)
        app = create_app(db, embedder=HashingEmbedder(), watch=True, feed_options=options)
        with served(app) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 760})
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                data = page.request.get(base + "/feeds.json").json()
                if data["last_round"] is not None:
                    break
                time.sleep(0.5)
            page.goto(base + "/feeds")
            page.screenshot(path=out, full_page=True)
            browser.close()
    shutil.rmtree(folder, ignore_errors=True)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
