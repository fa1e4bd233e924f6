"""Shared by the web tests: a store built from `tests/web_corpus`, and an HTML checker.

The corpus is fictional: a bridge closure told by three outlets, and a tram derailment
whose first report carries hostile strings in its title, outlet, url and text.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from newsdesk import app as api
from newsdesk.embed import HashingEmbedder

CORPUS = Path(__file__).parent / "web_corpus"
HOSTILE_TITLE = "<script>alert('title')</script> Tram derails in Sundvik harbour district"
HOSTILE_OUTLET = "<img src=x onerror=alert('outlet')>"


# Debian's chromium, headless, as the browser tests and the screenshot scripts launch it.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served(app: Any, stop_seconds: float = 60) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port in a thread; yields its base URL
    and stops the server when the block ends."""
    import uvicorn

    config = uvicorn.Config(
        app, host="127.0.0.1", port=free_port(), log_level="warning", ws="none", http="h11"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(stop_seconds)


def build_store(db: Path) -> list[str]:
    """Ingest the web corpus into ``db`` and group it into stories; the statuses."""
    embedder = HashingEmbedder()
    store = api.open_store(str(db))
    try:
        results = list(
            api.ingest(
                api.read([str(CORPUS)]),
                store,
                pipeline=api.default_pipeline(),
                embedder=embedder,
            )
        )
        api.assign_stories(store, embedder=embedder)
    finally:
        store.close()
    return [r.status for r in results]


_BUILT: dict[Path, Path] = {}


def shared_store(factory: pytest.TempPathFactory) -> Path:
    """The web corpus in a store, built once per test session (copy it to write to it)."""
    base = factory.getbasetemp()
    if base not in _BUILT:
        db = factory.mktemp("web") / "news.db"
        assert build_store(db) == ["added"] * 5
        _BUILT[base] = db
    return _BUILT[base]


def private_copy(db: Path, folder: Path) -> Path:
    """A copy of a closed store, for a test that adds to it."""
    target = folder / "copy.db"
    shutil.copy(db, target)
    return target


class PageChecker(HTMLParser):
    """Collects what a page would run or load: tags, attributes, scripts, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute <{tag} {name}=…>")
            if name == "style":
                self.problems.append(f"inline style on <{tag}>")
            if name in ("href", "src", "action") and value:
                if value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                    self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            src = dict(attrs).get("src") or ""
            if not src.startswith("/static/"):
                self.problems.append("a script not served from /static/")
            self.scripts.append(src)
            self._in_script = True
        if tag == "style":
            self.problems.append("an inline <style> element")
        if tag in ("iframe", "object", "embed", "img"):
            self.problems.append(f"an <{tag}> element")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.problems.append("inline script code")
        self.text.append(data)


def check_page(html: str) -> str:
    """Fail on anything a page must never hold (inline script or style, event handler
    attributes, javascript: links, images or frames); return the page's visible text."""
    checker = PageChecker()
    checker.feed(html)
    checker.close()
    assert not checker.problems, checker.problems
    return "".join(checker.text)
