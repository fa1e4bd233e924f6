"""The feed commands as a user runs them (issue 12): feeds add/import/export/rm/ls, watch
--once and its exit status, a watcher killed mid-round and restarted, SIGTERM, alerts
with a webhook to a local receiver."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsdesk.cli import cli
from newsdesk.feeds import FeedOptions, Ingester, LockedWriter, Watcher, add_alert, add_feed
from newsdesk.feeds.alerts import AlertChecker, WebhookSender, store_delivery
from tests.feed_helpers import FAST, Outlet
from tests.feed_server import FeedServer, Reply, Request

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def newsdesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsdesk.cli", *args]


def test_feeds_cli_add_ls_export_import_rm(tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    result = run(
        "feeds",
        "add",
        "https://a.example/rss",
        "http://b.example/atom.xml",
        "--db",
        db,
        "--title",
        "Alpha <b>",
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "added: https://a.example/rss",
        "added: http://b.example/atom.xml",
    ]
    again = run("feeds", "add", "https://a.example/rss", "ftp://c.example/x", "--db", db)
    assert again.exit_code == 1
    assert "already followed: https://a.example/rss" in again.stdout
    assert "refused: ftp://c.example/x" in again.stderr
    listed = json.loads(run("feeds", "ls", "--db", db, "--format", "json").stdout)
    assert [f["url"] for f in listed] == ["https://a.example/rss", "http://b.example/atom.xml"]
    assert listed[0]["title"] == "Alpha <b>" and listed[0]["last_status"] is None
    assert listed[0]["items_seen"] == 0 and listed[0]["next_fetch"]
    opml = run("feeds", "export", "--db", db).stdout
    assert 'xmlUrl="https://a.example/rss"' in opml and "Alpha &lt;b&gt;" in opml
    path = tmp_path / "subs.opml"
    path.write_text(opml.replace("https://a.example/rss", "https://d.example/feed"))
    other = str(tmp_path / "other.db")
    imported = run("feeds", "import", str(path), "--db", other)
    assert imported.exit_code == 0 and "added 2" in imported.stdout
    titles = {
        f["url"]: f["title"]
        for f in json.loads(run("feeds", "ls", "--db", other, "--format", "json").stdout)
    }
    assert titles["https://d.example/feed"] == "Alpha <b>"
    assert run("feeds", "rm", "https://a.example/rss", "--db", db).exit_code == 0
    assert run("feeds", "rm", "https://a.example/rss", "--db", db).exit_code == 1
    table = run("feeds", "ls", "--db", db).stdout
    assert "http://b.example/atom.xml" in table and "a.example/rss" not in table


def test_feeds_cli_import_refuses_what_is_not_opml(tmp_path: Path) -> None:
    bad = tmp_path / "bad.opml"
    bad.write_text('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><opml>&e;</opml>')
    result = run("feeds", "import", str(bad), "--db", str(tmp_path / "n.db"))
    assert result.exit_code == 1 and "root:" not in result.output


def test_feeds_cli_watch_once_exit_status(server: FeedServer, tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    outlet = Outlet(server, "Aldwin Courier", "aldwin")
    outlet.publish([outlet.item(1), outlet.item(2)])
    run("feeds", "add", outlet.url, "--db", db)
    args = ["--db", db, "--once", "--no-annotate", "--no-stories", "--host-delay", "0"]
    first = run("watch", *args)
    assert first.exit_code == 0, first.output
    assert "added 2" in first.stdout
    listed = json.loads(run("ls", "--db", db, "--format", "json").stdout)
    assert {d["outlet"] for d in listed} == {"Aldwin Courier"}
    server.routes["/dead"] = Reply(500, b"")
    run("feeds", "add", server.url("/dead"), "--db", db)
    second = run("watch", *args)
    assert second.exit_code == 1
    assert f"failed: {server.url('/dead')}: failed: HTTP 500" in second.stderr
    feeds = {
        f["url"]: f for f in json.loads(run("feeds", "ls", "--db", db, "--format", "json").stdout)
    }
    assert feeds[outlet.url]["last_status"] == "304"
    assert feeds[server.url("/dead")]["last_error"] == "HTTP 500"


def _slow_pages(server: FeedServer, outlet: Outlet, count: int, delay: float) -> None:
    outlet.publish([outlet.item(n) for n in range(1, count + 1)])
    for n in range(1, count + 1):
        reply = server.routes[outlet.page_path(n)]
        assert isinstance(reply, Reply)
        reply.delay = delay


def _wait_for(condition: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def test_feeds_watch_killed_mid_round_loses_nothing_and_fetches_nothing_twice(
    server: FeedServer, tmp_path: Path
) -> None:
    db = str(tmp_path / "n.db")
    outlet = Outlet(server, "Aldwin Courier", "aldwin")
    _slow_pages(server, outlet, 10, 0.15)
    run("feeds", "add", outlet.url, "--db", db)
    cmd = newsdesk(
        "watch", "--db", db, "--once", "--no-annotate", "--no-stories", "--host-delay", "0"
    )
    pages = lambda: [r for r in server.requests if "/news/" in r.path]  # noqa: E731
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: len(pages()) >= 4, 60)
        proc.kill()  # SIGKILL: no chance to clean up
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    killed_after = len(pages())
    assert killed_after < 10
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    docs = json.loads(run("ls", "--db", db, "--format", "json").stdout)
    assert len(docs) == 10 and run("ls", "--db", db, "--duplicates").stdout.strip() in (
        "(no documents)",
        "",
    )
    counts: dict[str, int] = {}
    for request in pages():
        counts[request.path] = counts.get(request.path, 0) + 1
    assert len(counts) == 10
    # At most the page in hand when the kill came is fetched again.
    assert sum(counts.values()) <= 10 + 1, counts
    feed_requests = server.hits(outlet.path)
    assert len(feed_requests) == 2 and feed_requests[1].headers.get("if-none-match")
    listed = json.loads(run("feeds", "ls", "--db", db, "--format", "json").stdout)
    assert listed[0]["items_seen"] == 10


def test_feeds_watch_sigterm_finishes_the_document_in_hand(
    server: FeedServer, tmp_path: Path
) -> None:
    db = str(tmp_path / "n.db")
    outlet = Outlet(server, "Aldwin Courier", "aldwin")
    _slow_pages(server, outlet, 8, 0.3)
    run("feeds", "add", outlet.url, "--db", db)
    cmd = newsdesk(
        "watch", "--db", db, "--no-annotate", "--no-stories", "--host-delay", "0", "--interval", "5"
    )
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        _wait_for(lambda: len([r for r in server.requests if "/news/" in r.path]) >= 2, 60)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopping" in err
    fetched = {r.path for r in server.requests if "/news/" in r.path}
    stored = {d["id"] for d in json.loads(run("ls", "--db", db, "--format", "json").stdout)}
    assert 1 <= len(stored) < 8
    assert len(stored) == len(fetched)  # every page fetched was stored: none dropped in hand


def test_feeds_alerts_record_matches_and_post_to_a_webhook(
    server: FeedServer, tmp_path: Path
) -> None:
    """The receiver fails twice, then accepts; ingest never waits on it."""
    outlet = Outlet(server, "Aldwin Courier", "aldwin")
    outlet.publish([outlet.item(1), outlet.item(17)])  # a crane (1) and a flood (17)
    received: list[dict[str, object]] = []
    release = threading.Event()

    def hook(request: Request) -> Reply:
        release.wait(30)
        if len([r for r in server.requests if r.path == "/hook"]) <= 2:
            return Reply(500, b"try later")
        received.append(json.loads(request.headers["body"]))
        return Reply(204, b"")

    server.routes["/hook"] = hook
    from newsdesk import app

    store = app.open_store(str(tmp_path / "n.db"))
    add_feed(store, outlet.url)
    crane = add_alert(store, "crane", webhook=server.url("/hook"))
    add_alert(store, '"rail line"')  # matches the flood, no webhook
    write = LockedWriter(store)
    sender = WebhookSender(store_delivery(write), backoff=0.01)
    watcher = Watcher(write, FAST, Ingester(assign=False), AlertChecker(sender))
    try:
        report = watcher.round()
        assert report.total("added") == 2  # done while the receiver still holds the POST
        hits = {(h.alert_id, h.kind): h for h in store.alerts.hits()}
        assert set(hits) == {(crane, "document"), (crane + 1, "document")}
        assert hits[(crane, "document")].delivery == "pending"
        assert hits[(crane + 1, "document")].delivery is None
        release.set()
        _wait_for(lambda: received, 30)
        sender.close()
    finally:
        watcher.close()
    [payload] = received
    assert payload["type"] == "newsdesk.alert/1" and payload["kind"] == "document"
    assert payload["alert"] == {"id": crane, "query": "crane", "person": None}
    document = payload["document"]
    assert isinstance(document, dict) and "crane" in str(document["title"])
    assert document["outlet"] == "Aldwin Courier"
    [hit] = store.alerts.hits(alert_id=crane)
    assert (hit.delivery, hit.attempts) == ("sent", 3)
    listed = json.loads(
        run("alerts", "hits", "--db", str(tmp_path / "n.db"), "--format", "json").stdout
    )
    assert {h["alert"] for h in listed} == {crane, crane + 1}
    store.close()


def test_feeds_alerts_cli_add_ls_rm(tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    assert run("alerts", "add", "ferry AND strait", "--db", db).stdout == "alert 1 saved\n"
    assert (
        run(
            "alerts",
            "add",
            "--person",
            "Inga Solberg",
            "--db",
            db,
            "--webhook",
            "http://127.0.0.1:9/hook",
        ).exit_code
        == 0
    )
    assert run("alerts", "add", "--db", db).exit_code == 2  # neither query nor person
    assert run("alerts", "add", "x", "--db", db, "--webhook", "file:///x").exit_code == 2
    listed = json.loads(run("alerts", "ls", "--db", db, "--format", "json").stdout)
    assert [(a["query"], a["person"]) for a in listed] == [
        ("ferry AND strait", None),
        (None, "Inga Solberg"),
    ]
    assert run("alerts", "rm", "1", "--db", db).exit_code == 0
    assert "Inga Solberg" in run("alerts", "ls", "--db", db).stdout


def test_feeds_alert_on_a_person_named_in_a_document(tmp_path: Path) -> None:
    from newsdesk import app
    from newsdesk.model import Document

    store = app.open_store(str(tmp_path / "n.db"))
    layers = {
        "id": "e1",
        "name": "Inga Solberg",
        "type": "PERSON",
        "aliases": ["Solberg"],
        "roles": [],
        "docs": ["a"],
        "mentions": 1,
        "spans": [{"doc": "a", "start": 0, "end": 12}],
    }
    doc = Document.from_dict(
        {"id": "a", "text": "Inga Solberg spoke to reporters today.", "entities": [layers]}
    )
    store.add(doc)
    store.add(Document(id="b", text="Nobody named spoke to reporters on Monday."))
    alert = add_alert(store, None, person="solberg")
    checker = AlertChecker()
    hits = checker.check(store, ["a", "b"])
    assert [(h.alert_id, h.doc_id) for h in hits] == [(alert, "a")]
    assert checker.check(store, ["a"]) == []  # recorded once
    store.close()


def test_feeds_watch_help_names_the_limits() -> None:
    text = run("watch", "--help").stdout
    for word in ("Retry-After", "robots.txt", "ETag", "--host-delay", "Examples:"):
        assert word in text
    assert FeedOptions().user_agent.startswith("newsdesk/")


def test_feeds_alerts_checked_by_ingest_too_and_sent_by_the_next_watcher(
    server: FeedServer, tmp_path: Path
) -> None:
    db = str(tmp_path / "n.db")
    got: list[str] = []
    server.routes["/hook"] = lambda r: (got.append(r.headers["body"]), Reply(204, b""))[1]
    run("alerts", "add", "harbour", "--db", db, "--webhook", server.url("/hook"))
    (tmp_path / "a.txt").write_text("The harbour wall at Tessel gave way on Monday night.")
    (tmp_path / "b.txt").write_text("A concert in Vienna opened the orchestra's winter tour.")
    result = run(
        "ingest",
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        "--db",
        db,
        "--no-annotate",
        "--no-stories",
    )
    assert "alerts: 1 matches recorded" in result.stdout
    [hit] = json.loads(run("alerts", "hits", "--db", db, "--format", "json").stdout)
    assert (hit["document"], hit["delivery"]) == ("a", "pending")
    # The next watcher (no feeds at all) sends what is pending.
    assert run("watch", "--db", db, "--once", "--no-annotate", "--no-stories").exit_code == 0
    assert len(got) == 1 and json.loads(got[0])["document"]["id"] == "a"
    [hit] = json.loads(run("alerts", "hits", "--db", db, "--format", "json").stdout)
    assert hit["delivery"] == "sent"
