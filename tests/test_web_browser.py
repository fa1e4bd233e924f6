"""The web app in a real headless Chromium, used as a person would: read the stories,
open one, click a summary sentence to see its source, search, upload a file and watch
it appear. Screenshots go to tests/artifacts/ (not committed).

Chromium is Debian's ``chromium`` package (``make test`` installs it); Playwright drives
it through ``executable_path`` (Playwright's own browser download is never used).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect, sync_playwright

from newsdesk.embed import HashingEmbedder
from newsdesk.web import create_app
from tests.web_helpers import CHROMIUM_ARGS, HOSTILE_TITLE, private_copy, served, shared_store

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it)"
)
ARTIFACTS = Path(__file__).parent / "artifacts"
ARTICLE = (
    "MOSSBY - A fire destroyed the old grain mill in Mossby on Friday night, the Mossby fire "
    "service said. Nobody was hurt.\n\n"
    '"The roof was gone within twenty minutes," said fire chief Ilse Varga of the Mossby '
    "fire service."
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a private copy of the web store, served by uvicorn in a thread."""
    db = private_copy(shared_store(tmp_path_factory), tmp_path_factory.mktemp("browser"))
    with served(create_app(str(db), embedder=HashingEmbedder()), stop_seconds=30) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A page and what went wrong on it: console errors (CSP violations are reported
    there), uncaught script errors, and script dialogs (alert() from injected code)."""

    page: Page
    problems: list[str] = field(default_factory=list)

    def dialog(self, dialog: Dialog) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()


@pytest.fixture
def tab(browser: Browser) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    found = Tab(page)
    page.on("console", lambda m: found.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: found.problems.append(str(exc)))
    page.on("dialog", found.dialog)
    yield found
    context.close()


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_browser_stories_page_lists_the_stories(server: str, tab: Tab) -> None:
    page = tab.page
    page.goto(server + "/")
    expect(page.locator("li.story-card")).to_have_count(2)
    bridge = page.locator("li.story-card", has_text="GLIMMERDALE")
    expect(bridge).to_contain_text("3 documents")
    expect(bridge).to_contain_text("Lakeside Ledger, Northfield Herald, Ridgeway Times")
    shot(page, "stories.png")
    assert tab.problems == []


def test_browser_open_a_story_and_click_a_sentence_to_see_its_source(server: str, tab: Tab) -> None:
    page = tab.page
    page.goto(server + "/")
    page.locator("li.story-card", has_text="GLIMMERDALE").locator("h3 a").click()
    expect(page.locator("h1")).to_contain_text("Varro")
    first = page.locator("details.summary-item").first
    passage = first.locator(".passage").first
    expect(passage).to_be_hidden()
    first.locator("summary").click()
    expect(passage).to_be_visible()
    expect(passage.locator("mark")).not_to_be_empty()
    # The cited passage is the sentence itself, inside its source's context.
    sentence = first.locator(".sentence").inner_text().strip()
    assert sentence.rstrip(".").split()[-1] in passage.locator("mark").inner_text()
    expect(passage.locator("a.src")).to_have_attribute("href", re.compile(r"^/documents/"))
    expect(page.locator("#quotes")).to_contain_text("Odile Brannock")
    expect(page.locator("#people svg.graph, #people table.people").first).to_be_visible()
    shot(page, "story.png")
    passage.locator("a.src").click()
    expect(page.locator(".doctext .hl-quote").first).to_be_visible()
    assert tab.problems == []


def test_browser_search_shows_matching_articles(server: str, tab: Tab) -> None:
    page = tab.page
    page.goto(server + "/")
    page.fill("input[name=q]", "weld")
    page.press("input[name=q]", "Enter")
    expect(page).to_have_url(re.compile(r"\?q=weld"))
    hits = page.locator("li.hit")
    expect(hits).to_have_count(2)
    expect(hits.first.locator("mark").first).to_have_text(re.compile("weld", re.I))
    expect(page.locator("li.story-card")).to_have_count(1)
    shot(page, "search.png")
    assert tab.problems == []


def test_browser_hostile_article_runs_no_script(server: str, tab: Tab) -> None:
    page = tab.page
    page.goto(server + "/documents/hostile-tram")
    expect(page.locator("h1")).to_have_text(HOSTILE_TITLE)
    expect(page.locator(".unsafe-url")).to_have_text("javascript:alert('url')")
    page.goto(server + "/?q=derailed")
    page.locator("li.story-card h3 a").first.click()
    expect(page.locator("h1")).to_be_visible()
    assert page.evaluate("document.querySelectorAll('img, iframe').length") == 0
    assert tab.problems == []  # no alert() dialog, no script error, no CSP report


def test_browser_upload_a_file_and_watch_it_appear(server: str, tab: Tab, tmp_path: Path) -> None:
    article = tmp_path / "mossby-mill-fire.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    refused = tmp_path / "notes.pdf"
    refused.write_bytes(b"%PDF-1.4 not an article")
    page = tab.page
    page.goto(server + "/upload")
    page.set_input_files("input[name=files]", [str(article), str(refused)])
    page.click("form.upload button[type=submit]")
    expect(page).to_have_url(re.compile(r"/jobs/[0-9a-f]{16}$"))
    expect(page.locator("#job-files")).to_contain_text("notes.pdf: refused")
    expect(page.locator("#job-files")).to_contain_text("unsupported file type '.pdf'")
    # The page follows the job by itself (static JS polling the JSON twin).
    expect(page.locator("#job-state")).to_have_text("done", timeout=90_000)
    result = page.locator("#job-results li", has_text="mossby-mill-fire")
    expect(result.locator(".badge")).to_have_text("added")
    shot(page, "upload.png")
    page.click("#job-done a[href='/']")
    card = page.locator("li.story-card", has_text="MOSSBY")
    expect(card).to_be_visible()
    expect(card).to_contain_text("1 document")
    card.locator("h3 a").click()
    expect(page.locator("#summary")).to_contain_text("grain mill")
    assert tab.problems == []
