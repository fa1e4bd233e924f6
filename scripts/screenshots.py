"""The README's screenshots, from the demo corpus: docs/briefing.png and docs/web.png.

    .venv/bin/python scripts/screenshots.py [CORPUS] [DOCS]     # defaults: examples docs

Both show the ferry-collision story, whose outlets disagree (a harbour official's title,
the captain's age):

- ``briefing.png``: the self-contained HTML briefing (``newsdesk brief --format html``),
  its summary with the disputed lines marked, and the conflicts grouped by value, each
  value with the outlets that give it and their words in context.
- ``web.png``: the same story in the web app (``newsdesk serve``) over a store the script
  ingests the corpus into, with a disputed summary line opened onto its sources.

Chromium is Debian's ``chromium`` (``make chromium``), driven by Playwright through
``executable_path`` (Playwright's own browser download is never used).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for the tests' web helpers

from newsdesk.web import create_app  # noqa: E402
from tests.web_helpers import CHROMIUM_ARGS, served  # noqa: E402

STORY = "strait-ferry-collision"
NEWSDESK = str(Path(sys.executable).parent / "newsdesk")
ARGS = [*CHROMIUM_ARGS, "--hide-scrollbars"]
WIDTH = 1100


def briefing_png(browser: Browser, corpus: Path, out: Path, work: Path) -> None:
    """The HTML briefing of the collision story: summary, then where the sources differ."""
    page_file = work / "briefing.html"
    cmd = [NEWSDESK, "brief", str(corpus / STORY), "--format", "html", "-o", str(page_file)]
    subprocess.run(cmd, check=True)
    page = browser.new_page(viewport={"width": WIDTH, "height": 1500})
    page.goto(page_file.as_uri())
    page.screenshot(path=str(out))
    page.close()


def web_png(browser: Browser, corpus: Path, out: Path, work: Path) -> None:
    """The web app's page of the collision story, a disputed line opened."""
    db = work / "news.db"
    subprocess.run([NEWSDESK, "ingest", str(corpus), "--db", str(db)], check=True)
    with served(create_app(str(db)), stop_seconds=30) as base:
        page = browser.new_page(viewport={"width": WIDTH, "height": 1500})
        page.set_default_timeout(300_000)  # the first view of a story builds its briefing
        page.goto(base + "/")
        page.locator("li.story-card", has_text="collide").locator("h3 a").click()
        page.locator("details.summary-item.disputed summary .sentence").first.click()
        page.wait_for_timeout(300)
        page.screenshot(path=str(out))
        page.close()


def main(corpus: str = "examples", docs: str = "docs") -> int:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium is not installed (make chromium)", file=sys.stderr)
        return 1
    folder = Path(docs)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            briefing_png(browser, Path(corpus), folder / "briefing.png", Path(tmp))
            web_png(browser, Path(corpus), folder / "web.png", Path(tmp))
        finally:
            browser.close()
    print(f"wrote {folder / 'briefing.png'} and {folder / 'web.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
