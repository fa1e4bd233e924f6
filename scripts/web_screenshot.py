"""Screenshot the web app on the demo store for the README: docs/web.png.

    make demo && .venv/bin/python scripts/web_screenshot.py [demo/out/newsdesk.db] [docs/web.png]

Serves the store on a free loopback port, opens the story about the ferry collision in
Debian's headless Chromium, clicks its first summary sentence and saves the page.
"""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time

import uvicorn
from playwright.sync_api import sync_playwright

from newsdesk.web import create_app

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(db: str = "demo/out/newsdesk.db", out: str = "docs/web.png") -> int:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium is not installed (make chromium)", file=sys.stderr)
        return 1
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    config = uvicorn.Config(
        create_app(db), host="127.0.0.1", port=port, log_level="warning", ws="none"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 1300})
            page.goto(f"http://127.0.0.1:{port}/")
            page.locator("li.story-card", has_text="collide").locator("h3 a").click()
            page.locator("details.summary-item summary").first.click()
            page.wait_for_timeout(300)
            page.screenshot(path=out)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(30)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
