"""Live feeds at scale (issue 12): one watcher round over many feeds on many hosts, next to
feedparser fetching the same feeds itself, in the same run.

    .venv/bin/python bench/feeds.py [--feeds 1000] [--items 20] [--hosts 199]
                                    [--host-delay 0.05] [--story-feeds 50]

A child process serves the feeds and their article pages (`tests.feed_server`, fictional
reports of about 300 words) on 127.0.0.2, 127.0.0.3, … (one loopback address per host, so
the per-host limit works as on the web). Feed ``i`` lives on host ``i % hosts``; by
``i % 20``: 0 is slow (1 s before answering), 1 fails (500), 2 answers 304 to the ETag the
store already holds, 3 serves an HTML page instead of a feed; every 25th feed also
carries two articles of the feed before it (cross-posted: they must not be stored twice).
Formats cycle through RSS 2.0, Atom, RSS 1.0 (RDF) and JSON Feed.

Measured, in this process:
1. baseline: ``feedparser.parse(url)`` over every feed, one after another (its own HTTP).
2. newsdesk, feeds only: the watcher's fetcher (httpx, per-host limit) and parser over
   every feed, threads across hosts, nothing stored.
3. newsdesk, one full round store-only (``watch --once --no-annotate --no-stories``):
   poll, fetch every new page, extract, store. Documents per second, duplicates created
   (documents and copies beyond the distinct articles served: must be 0), peak memory.
4. the same round again: conditional GET, nothing new (304s).
5. end to end with story assignment (MiniLM), on the first ``--story-feeds`` feeds, into a
   fresh store.
The server child reports, per host, the most requests it saw within any one second and
the shortest gap between two requests: the per-host limit (one at a time,
``--host-delay`` apart) must hold. Results go to bench/out/feeds.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._shared import OUT  # noqa: E402
from tests.feed_server import (  # noqa: E402
    FORMATS,
    FeedServer,
    Item,
    Reply,
    Request,
    article_html,
    story_paragraphs,
    story_title,
)

SLOW, FAILING, NOT_MODIFIED, NOT_A_FEED = 0, 1, 2, 3
ETAG = '"bench-unchanged"'
BASE = datetime(2026, 12, 1, tzinfo=UTC)


# -- the server child -------------------------------------------------------------------


def host_address(i: int, hosts: int) -> str:
    return f"127.0.0.{2 + i % hosts}"


def feed_items(i: int, items: int, port: int, hosts: int) -> list[Item]:
    """Feed ``i``'s entries (article numbers ``i * items + j``), cross-posts included."""
    numbers = [i * items + j for j in range(items)]
    if i % 25 == 5 and i > 0:
        numbers[-2:] = [(i - 1) * items, (i - 1) * items + 1]
    found = []
    for n in numbers:
        feed = n // items
        link = f"http://{host_address(feed, hosts)}:{port}/f{feed}/a{n}.html"
        found.append(
            Item(
                guid=f"f{feed}-a{n}",
                link=link,
                title=story_title(n),
                summary=story_paragraphs(n, words=40)[0],
                published=BASE - timedelta(minutes=7 * (n % 1000)),
            )
        )
    return found


def serve(args: argparse.Namespace) -> None:
    """Run every host's server until SIGTERM; then write per-host request statistics."""
    servers: list[FeedServer] = []
    first = FeedServer(host_address(0, args.hosts), 0)
    port = first.port
    servers.append(first)
    for h in range(1, args.hosts):
        servers.append(FeedServer(host_address(h, args.hosts), port))
    formats = list(FORMATS)

    def page(request: Request) -> Reply:
        name = request.path.rsplit("/", 1)[-1]
        if not (name.startswith("a") and name.endswith(".html")):
            return Reply(404, b"not found", {"Content-Type": "text/plain"})
        n = int(name[1:-5])
        body = article_html(story_title(n), "Bench Outlet", story_paragraphs(n), "2026-12-01")
        return Reply(200, body, {"Content-Type": "text/html; charset=utf-8"})

    for server in servers:
        server.fallback = page
        server.routes["/robots.txt"] = Reply(
            200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}
        )
    for i in range(args.feeds):
        server = servers[i % args.hosts]
        path = f"/f{i}/feed"
        kind = i % 20
        if kind == SLOW:
            builder, ctype = FORMATS[formats[i % 4]]
            body = builder(
                f"Outlet {i}", server.url(f"/f{i}/"), feed_items(i, args.items, port, args.hosts)
            )
            server.routes[path] = Reply(200, body, {"Content-Type": ctype}, delay=1.0)
        elif kind == FAILING:
            server.routes[path] = Reply(500, b"internal error", {"Content-Type": "text/plain"})
        elif kind == NOT_A_FEED:
            server.routes[path] = Reply(
                200,
                b"<!doctype html><html><body>Sign in</body></html>",
                {"Content-Type": "text/html"},
            )
        else:
            builder, ctype = FORMATS[formats[i % 4]]
            body = builder(
                f"Outlet {i}", server.url(f"/f{i}/"), feed_items(i, args.items, port, args.hosts)
            )
            etag = ETAG if kind == NOT_MODIFIED else '"' + hashlib.sha1(body).hexdigest() + '"'
            server.routes[path] = _conditional(body, etag, ctype)
    for server in servers:
        server.start()
    print(f"READY {port}", flush=True)
    stop = [False]
    signal.signal(signal.SIGTERM, lambda *_: stop.__setitem__(0, True))
    while not stop[0]:
        time.sleep(0.2)
    stats = {}
    for server in servers:
        times = sorted(r.at for r in server.requests)
        window = 0
        start = 0
        for end in range(len(times)):
            while times[end] - times[start] >= 1.0:
                start += 1
            window = max(window, end - start + 1)
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        stats[server.host] = {
            "requests": len(times),
            "max_per_second": window,
            "min_gap": round(min(gaps), 4) if gaps else None,
        }
        server.stop()
    Path(args.stats).write_text(json.dumps(stats))


def _conditional(body: bytes, etag: str, ctype: str) -> object:
    def route(request: Request) -> Reply:
        if request.headers.get("if-none-match") == etag:
            return Reply(304, b"", {"ETag": etag})
        return Reply(200, body, {"ETag": etag, "Content-Type": ctype})

    return route


# -- the measurements -------------------------------------------------------------------


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def baseline(urls: Sequence[str]) -> dict[str, object]:
    import feedparser

    start = time.perf_counter()
    entries = errors = 0
    for url in urls:
        result = feedparser.parse(url)
        entries += len(result.entries)
        errors += int(bool(result.get("bozo")) and not result.entries)
    seconds = time.perf_counter() - start
    return {
        "feeds": len(urls),
        "seconds": round(seconds, 1),
        "entries": entries,
        "feeds_failed": errors,
        "feeds_per_second": round(len(urls) / seconds, 1),
    }


def feeds_only(urls: Sequence[str], delay: float, workers: int) -> dict[str, object]:
    from newsdesk.errors import InputError
    from newsdesk.feeds.fetch import Fetcher, host_of
    from newsdesk.feeds.items import parse_feed
    from newsdesk.feeds.options import FeedOptions

    fetcher = Fetcher(FeedOptions(host_delay=delay, workers=workers, timeout=10.0))
    groups: dict[str, list[str]] = {}
    for url in urls:
        groups.setdefault(host_of(url), []).append(url)

    def poll(group: list[str]) -> tuple[int, int]:
        entries = failed = 0
        for url in group:
            got = fetcher.get(url)
            try:
                if not got.ok:
                    raise InputError(got.error or "")
                entries += len(parse_feed(got.body, got.headers, got.final_url).entries)
            except InputError:
                failed += 1
        return entries, failed

    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(poll, groups.values()))
    seconds = time.perf_counter() - start
    fetcher.close()
    return {
        "feeds": len(urls),
        "seconds": round(seconds, 1),
        "entries": sum(e for e, _ in results),
        "feeds_failed": sum(f for _, f in results),
        "feeds_per_second": round(len(urls) / seconds, 1),
    }


def watch_round(
    db: Path,
    urls: Sequence[str],
    delay: float,
    workers: int,
    assign: bool,
    seed_etags: Sequence[str] = (),
) -> dict[str, object]:
    from newsdesk import app
    from newsdesk.feeds import FeedOptions, Ingester, LockedWriter, Watcher, add_feed

    store = app.open_store(str(db))
    for url in urls:
        add_feed(store, url)
    for url in seed_etags:  # what an earlier round recorded
        store.feeds.record_fetch(url, etag=ETAG, last_status="200")
    options = FeedOptions(host_delay=delay, workers=workers, timeout=10.0)
    watcher = Watcher(LockedWriter(store), options, Ingester(assign=assign))
    rounds = []
    for force in (True, True):
        start = time.perf_counter()
        report = watcher.round(force=force)
        seconds = time.perf_counter() - start
        statuses: dict[str, int] = {}
        for feed in report.feeds:
            key = "failed" if feed.error else str(feed.status)
            statuses[key] = statuses.get(key, 0) + 1
        added = report.total("added")
        rounds.append(
            {
                "seconds": round(seconds, 1),
                "documents_added": added,
                "documents_per_second": round(added / seconds, 1),
                "entries_new": sum(f.new_items for f in report.feeds),
                "outcomes": {
                    k: report.total(k) for k in ("added", "duplicate", "unchanged", "refused")
                },
                "from_feed_content": sum(f.from_feed for f in report.feeds),
                "feed_statuses": statuses,
            }
        )
        if assign:
            break
    documents = store.count()
    copies = len(store.copies())
    stories = len(store.stories.rows()) if assign else None
    watcher.close()
    store.close()
    return {
        "rounds": rounds,
        "documents": documents,
        "copies": copies,
        "stories": stories,
        "peak_rss_mb": round(peak_mb()),
    }


def expected_articles(feeds: int, items: int) -> int:
    """Distinct articles the readable feeds link to (cross-posts counted once)."""
    found: set[int] = set()
    for i in range(feeds):
        if i % 20 in (FAILING, NOT_MODIFIED, NOT_A_FEED):
            continue
        numbers = [i * items + j for j in range(items)]
        if i % 25 == 5 and i > 0:
            numbers[-2:] = [(i - 1) * items, (i - 1) * items + 1]
        found.update(numbers)
    return len(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--hosts", type=int, default=199)
    parser.add_argument("--host-delay", type=float, default=0.05)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--story-feeds", type=int, default=50)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--stats", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-bench-feeds-"))
    stats_path = folder / "server-stats.json"
    child = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve",
            "--stats",
            str(stats_path),
            "--feeds",
            str(args.feeds),
            "--items",
            str(args.items),
            "--hosts",
            str(args.hosts),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().split()
        assert line and line[0] == "READY", line
        port = int(line[1])
        urls = [f"http://{host_address(i, args.hosts)}:{port}/f{i}/feed" for i in range(args.feeds)]
        unchanged = [u for i, u in enumerate(urls) if i % 20 == NOT_MODIFIED]
        print(
            f"{args.feeds} feeds x {args.items} items on {args.hosts} hosts (port {port})",
            flush=True,
        )
        result: dict[str, object] = {
            "setup": {
                "feeds": args.feeds,
                "items": args.items,
                "hosts": args.hosts,
                "host_delay": args.host_delay,
                "workers": args.workers,
                "cpus": os.cpu_count(),
            },
        }
        result["baseline_feedparser_sequential"] = baseline(urls)
        print("baseline", result["baseline_feedparser_sequential"], flush=True)
        result["newsdesk_feeds_only"] = feeds_only(urls, args.host_delay, args.workers)
        print("feeds only", result["newsdesk_feeds_only"], flush=True)
        store_only = watch_round(
            folder / "store.db",
            urls,
            args.host_delay,
            args.workers,
            assign=False,
            seed_etags=unchanged,
        )
        expected = expected_articles(args.feeds, args.items)
        store_only["distinct_articles_served"] = expected
        store_only["duplicates_created"] = (
            int(store_only["documents"]) + int(store_only["copies"]) - expected  # type: ignore[call-overload]
        )
        result["newsdesk_round_store_only"] = store_only
        print("store only", store_only, flush=True)
        story_urls = urls[: args.story_feeds]
        stories = watch_round(
            folder / "stories.db",
            story_urls,
            args.host_delay,
            args.workers,
            assign=True,
            seed_etags=[u for u in unchanged if u in story_urls],
        )
        result["newsdesk_round_with_stories"] = stories
        print("with stories", stories, flush=True)
    finally:
        child.send_signal(signal.SIGTERM)
        child.wait(120)
    stats = json.loads(stats_path.read_text())
    busiest = max(stats.values(), key=lambda s: s["max_per_second"])
    gaps = [s["min_gap"] for s in stats.values() if s["min_gap"] is not None]
    result["per_host"] = {
        "hosts": len(stats),
        "requests": sum(s["requests"] for s in stats.values()),
        "max_requests_in_any_second": busiest["max_per_second"],
        "limit_per_second": round(1 / args.host_delay, 1) if args.host_delay else None,
        "min_gap_seconds": min(gaps) if gaps else None,
    }
    print("per host", result["per_host"], flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "feeds.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {OUT / 'feeds.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
