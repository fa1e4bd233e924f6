"""`make demo`, live part: follow feeds served by a local demo server, one watcher round.

    python scripts/demo_feeds.py demo/out

Starts a feed server on 127.0.0.1 (fictional outlets: an RSS 2.0 feed, an Atom feed and a
JSON Feed, with their article pages, and one feed that fails), follows them in
``OUT/feeds.db`` with the real `newsdesk feeds add`, runs `newsdesk watch --once`, and
lists the feeds and the stories the round brought. Each step is printed before it runs.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.feed_helpers import demo_outlets  # noqa: E402
from tests.feed_server import FeedServer, Reply  # noqa: E402

BIN = Path(sys.executable).parent


def step(args: list[str]) -> int:
    print("$ newsdesk " + " ".join(shlex.quote(a) for a in args), flush=True)
    return subprocess.run([str(BIN / "newsdesk"), *args]).returncode


def main(out: str = "demo/out") -> int:
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    db = target / "feeds.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with FeedServer() as server:
        urls = demo_outlets(server)
        server.routes["/gone/feed"] = Reply(
            404, b"<html><body>moved away</body></html>", {"Content-Type": "text/html"}
        )
        urls.append(server.url("/gone/feed"))
        print(f"\nA demo feed server is running at {server.url('/')} (fictional outlets).")
        step(["feeds", "add", *urls, "--db", str(db)])
        status = step(["watch", "--db", str(db), "--once", "--host-delay", "0.2"])
        step(["feeds", "ls", "--db", str(db)])
        step(["stories", "--db", str(db), "--format", "table"])
    print(
        f"\nwatch --once exited {status}: 1 because one demo feed fails on purpose (404); "
        "it shows in `feeds ls`.\nFollow a real feed the same way:\n\n"
        f"  newsdesk feeds add https://example.org/rss.xml --db {shlex.quote(str(db))}\n"
        f"  newsdesk watch --db {shlex.quote(str(db))}\n"
    )
    return 0 if status in (0, 1) else status


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
