"""The live-news commands of ``newsdesk``: ``feeds``, ``watch`` and ``alerts``.

Part of the CLI (`newsdesk.cli` registers them): each command parses options and calls
`newsdesk.feeds`; only the CLI prints or exits.
"""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from newsdesk.cli_options import (
    annotate_option,
    assign_option,
    db_option,
    format_option,
    open_existing,
    open_store,
)
from newsdesk.errors import NewsdeskError

if TYPE_CHECKING:
    from newsdesk.feeds.watcher import RoundReport

EXIT_OK, EXIT_FAILED = 0, 1
NO_FEEDS_HINT = "add a feed with `newsdesk feeds add`"


@click.group()
def feeds() -> None:
    """Manage the feeds a store follows (RSS, Atom, RSS 1.0/RDF, JSON Feed).

    \b
    Examples:
      newsdesk feeds add https://example.org/rss.xml --db news.db --title "Example Post"
      newsdesk feeds import subscriptions.opml --db news.db
      newsdesk feeds ls --db news.db
      newsdesk feeds export --db news.db > feeds.opml
      newsdesk feeds rm https://example.org/rss.xml --db news.db

    `newsdesk watch` polls them; `newsdesk serve --watch` does it inside the web app.
    """


@feeds.command(name="add")
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@db_option
@click.option(
    "--title", help="Name to show, and the outlet of its documents (default: the feed's own title)."
)
def feeds_add(urls: tuple[str, ...], db: str, title: str | None) -> None:
    """Follow feeds: each is polled at once by the next `newsdesk watch`.

    \b
    Examples:
      newsdesk feeds add https://example.org/rss.xml --db news.db
      newsdesk feeds add https://a.example/feed https://b.example/atom.xml --db news.db
    """
    from newsdesk.feeds import add_feed

    bad = 0
    with open_store(db) as store:
        for url in urls:
            try:
                added = add_feed(store, url, title)
            except NewsdeskError as exc:
                bad += 1
                click.echo(f"refused: {url}: {exc}", err=True)
                continue
            click.echo(f"{'added' if added else 'already followed'}: {url.strip()}")
    sys.exit(EXIT_FAILED if bad else EXIT_OK)


@feeds.command(name="import")
@click.argument("opml", type=click.Path(exists=True, dir_okay=False), metavar="FILE.opml")
@db_option
def feeds_import(opml: str, db: str) -> None:
    """Follow every feed listed in an OPML file (as feed readers export them).

    \b
    Examples:
      newsdesk feeds import subscriptions.opml --db news.db
    """
    from newsdesk.feeds import import_opml

    data = Path(opml).read_bytes()
    with open_store(db) as store:
        try:
            added, known, refused = import_opml(store, data)
        except NewsdeskError as exc:
            raise click.ClickException(str(exc)) from exc
    for line in refused:
        click.echo(f"refused: {line}", err=True)
    click.echo(f"{db}: added {len(added)}, already followed {len(known)}, refused {len(refused)}")
    sys.exit(EXIT_FAILED if refused else EXIT_OK)


@feeds.command(name="export")
@db_option
def feeds_export(db: str) -> None:
    """Print the followed feeds as OPML 2.0.

    \b
    Examples:
      newsdesk feeds export --db news.db > feeds.opml
    """
    from newsdesk.feeds import export_opml

    with open_existing(db, hint=NO_FEEDS_HINT) as store:
        click.echo(export_opml(store), nl=False)


@feeds.command(name="rm")
@click.argument("url")
@db_option
def feeds_rm(url: str, db: str) -> None:
    """Stop following a feed (the documents it brought stay).

    \b
    Examples:
      newsdesk feeds rm https://example.org/rss.xml --db news.db
    """
    from newsdesk.feeds import remove_feed

    with open_existing(db, hint=NO_FEEDS_HINT) as store:
        removed = remove_feed(store, url)
    if not removed:
        raise click.ClickException(f"{db} does not follow {url}")
    click.echo(f"removed: {url}")


@feeds.command(name="ls")
@db_option
@format_option(
    "table",
    "json",
    help='json: [{"url", "title", "last_status", "last_error", "last_fetched", '
    '"next_fetch", "items_seen", "documents_added", "errors", ...}].',
)
def feeds_ls(db: str, fmt: str) -> None:
    """List the followed feeds: last status (HTTP status or the error), when they were
    fetched and are due, entries seen and documents added.

    A feed that keeps failing shows its error and its count of failures in a row; it
    is retried later and later (up to a day), never dropped.

    \b
    Examples:
      newsdesk feeds ls --db news.db
      newsdesk feeds ls --db news.db --format json | jq '.[] | select(.last_error)'
    """
    from newsdesk.feeds import list_feeds

    with open_existing(db, hint=NO_FEEDS_HINT) as store:
        records = [f.to_dict() for f in list_feeds(store)]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    if not records:
        click.echo("(no feeds)")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    keys = (
        "url",
        "title",
        "last_status",
        "last_error",
        "last_fetched",
        "next_fetch",
        "items_seen",
        "documents_added",
    )
    for key in keys:
        table.add_column(key, overflow="fold", max_width=None if key == "url" else 30)
    for r in records:
        table.add_row(*("" if r[k] is None else str(r[k]) for k in keys))
    Console(width=max(Console().width, 160)).print(table)


@click.command()
@db_option
@click.option(
    "--once",
    is_flag=True,
    help="Poll every feed now, whatever its schedule, then exit: 0, or 1 if any feed failed.",
)
@click.option(
    "--interval",
    type=click.FloatRange(min=1),
    default=60.0,
    show_default=True,
    help="Look for due feeds at least this often (seconds).",
)
@annotate_option
@assign_option
@click.option(
    "--pages/--no-pages",
    default=True,
    show_default=True,
    help="Read each entry's page (--no-pages: store the feed's own content).",
)
@click.option(
    "--user-agent",
    envvar="NEWSDESK_USER_AGENT",
    help="User-Agent header (default: newsdesk/VERSION ...). Also $NEWSDESK_USER_AGENT.",
)
@click.option(
    "--host-delay",
    type=click.FloatRange(min=0),
    default=None,
    help="Seconds between two requests to one host [default: 1].",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=None,
    help="Seconds for connecting, each read, and a whole response [default: 20].",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Hosts fetched at once [default: 8].",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only failures and the summary.")
def watch(
    db: str,
    once: bool,
    interval: float,
    annotate: bool,
    assign: bool,
    pages: bool,
    user_agent: str | None,
    host_delay: float | None,
    timeout: float | None,
    workers: int | None,
    quiet: bool,
) -> None:
    """Follow the store's feeds: poll each when it is due, fetch new entries' pages,
    and ingest them like `newsdesk ingest` (dedup, annotation, stories).

    \b
    Runs until stopped: Ctrl-C or SIGTERM finishes the documents in hand and exits.
    A killed run loses nothing stored and fetches nothing twice when restarted.

    \b
    Manners and limits:
      schedule   each feed from its posting rate, between 5 minutes and a day;
                 Cache-Control max-age, RSS <ttl> and Retry-After (429/503) honoured
      requests   conditional GET (ETag, Last-Modified); one request at a time per
                 host, --host-delay apart; robots.txt respected for pages
      errors     backoff doubling up to a day, never dropped; shown by `feeds ls`
      size       15 MB per response after decompression, 5 redirects, --timeout
      dedup      an entry is known by its guid, its link without tracking
                 parameters (utm_*, ...) or its content hash

    \b
    Examples:
      newsdesk watch --db news.db
      newsdesk watch --db news.db --once --no-annotate     one fast round, then exit
      newsdesk watch --db news.db --interval 300 --user-agent "mydesk/1 (me@example.org)"
    """
    from newsdesk import app
    from newsdesk.feeds import FeedOptions, Ingester, LockedWriter, Watcher
    from newsdesk.feeds.alerts import AlertChecker, WebhookSender, store_delivery
    from newsdesk.settings import Settings

    options = FeedOptions().with_options(
        user_agent=user_agent,
        host_delay=host_delay,
        timeout=timeout,
        workers=workers,
        fetch_pages=pages,
    )
    settings = Settings()
    with open_existing(db, hint=NO_FEEDS_HINT) as store:
        write = LockedWriter(store)
        pipeline = app.default_pipeline(settings) if annotate else None
        sender = WebhookSender(store_delivery(write))
        sender.resume(write)
        watcher = Watcher(
            write, options, Ingester(settings, pipeline, assign), AlertChecker(sender)
        )

        def stop(signum: int, _frame: object) -> None:
            if watcher.stop.is_set():
                raise KeyboardInterrupt
            click.echo("stopping: finishing the documents in hand", err=True)
            watcher.request_stop()

        previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
        failed = False

        def show(report: RoundReport) -> None:
            nonlocal failed
            failed = failed or bool(report.failed)
            for feed in report.feeds:
                if feed.error:
                    click.echo(f"failed: {feed}", err=True)
                elif not quiet and (feed.new_items or feed.counts):
                    click.echo(str(feed))
            click.echo(
                f"{db}: round of {len(report.feeds)} feeds in {report.seconds:.1f} s: "
                f"added {report.total('added')}, duplicates {report.total('duplicate')}, "
                f"refused {report.total('refused')}, feeds failed {len(report.failed)}",
                err=not once,
            )

        try:
            if once:
                show(watcher.round(force=True))
            else:
                watcher.run(interval=interval, on_round=show)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            watcher.close()
            sender.close()
    sys.exit(EXIT_FAILED if once and failed else EXIT_OK)


@click.group()
def alerts() -> None:
    """Saved watches: each new document (or story) that matches one is recorded, and
    POSTed as JSON to its webhook if it has one.

    Documents added by `newsdesk watch`, `serve --watch` and `newsdesk ingest` are
    checked; webhooks are POSTed by the watcher (matches of an ingest are sent when a
    watcher next starts).

    \b
    Examples:
      newsdesk alerts add 'ferry AND strait' --db news.db
      newsdesk alerts add --person "Inga Solberg" --db news.db --webhook http://127.0.0.1:9000/hook
      newsdesk alerts ls --db news.db
      newsdesk alerts hits --db news.db --format json
      newsdesk alerts rm 2 --db news.db
    """


@alerts.command(name="add")
@click.argument("query", required=False)
@db_option
@click.option("--person", help="Match documents naming this person (as an entity).")
@click.option("--webhook", help="POST each match as JSON here (retried with backoff).")
def alerts_add(query: str | None, db: str, person: str | None, webhook: str | None) -> None:
    """Save a watch: QUERY is a full-text query (SQLite FTS5 words and "phrases"), and/or
    --person a name; a document must match both when both are given.

    \b
    Examples:
      newsdesk alerts add '"harbour master"' --db news.db
      newsdesk alerts add --person "Inga Solberg" --db news.db
    """
    from newsdesk.feeds import add_alert

    with open_store(db) as store:
        try:
            alert_id = add_alert(store, query, person, webhook)
        except NewsdeskError as exc:
            raise click.UsageError(str(exc)) from exc
    click.echo(f"alert {alert_id} saved")


@alerts.command(name="ls")
@db_option
@format_option(
    "table",
    "json",
    help='json: [{"id", "query", "person", "webhook", ...}].',
)
def alerts_ls(db: str, fmt: str) -> None:
    """List the saved alerts.

    \b
    Examples:
      newsdesk alerts ls --db news.db
    """
    from newsdesk.feeds import list_alerts

    with open_existing(db) as store:
        records = [a.to_dict() for a in list_alerts(store)]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for r in records:
        what = " and ".join(
            filter(
                None,
                [r["query"] and f"query {r['query']!r}", r["person"] and f"person {r['person']!r}"],
            )
        )
        hook = f" -> {r['webhook']}" if r["webhook"] else ""
        click.echo(f"{r['id']}\t{what}{hook}")
    if not records:
        click.echo("(no alerts)")


@alerts.command(name="hits")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@format_option(
    "table",
    "json",
    help='json: [{"id", "alert", "kind", "document", "story", "title", "at", "delivery", ...}].',
)
def alerts_hits(db: str, limit: int, fmt: str) -> None:
    """List what matched the alerts, newest first.

    \b
    Examples:
      newsdesk alerts hits --db news.db --limit 10
    """
    with open_existing(db) as store:
        records = [h.to_dict() for h in store.alerts.hits(limit=limit)]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for r in records:
        target = r["document"] or r["story"]
        sent = f" [{r['delivery']}]" if r["delivery"] else ""
        click.echo(f"{r['at']}\talert {r['alert']}\t{r['kind']} {target}\t{r['title'] or ''}{sent}")


@alerts.command(name="rm")
@click.argument("alert_id", type=int, metavar="ID")
@db_option
def alerts_rm(alert_id: int, db: str) -> None:
    """Delete a saved alert and its hits.

    \b
    Examples:
      newsdesk alerts rm 2 --db news.db
    """
    from newsdesk.feeds import remove_alert

    with open_existing(db) as store:
        removed = remove_alert(store, alert_id)
    if not removed:
        raise click.ClickException(f"no alert {alert_id} in {db}")
    click.echo(f"removed alert {alert_id}")


COMMANDS = (feeds, watch, alerts)
