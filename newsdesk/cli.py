"""The ``newsdesk`` command. Each command parses options and calls the library; only this
module prints or exits.

Exit status: 0 when every document was processed, 1 when some were refused (each is
reported on stderr with its reason), 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import click

from newsdesk import app
from newsdesk.annotate.nlp import MAX_PIECE_CHARS
from newsdesk.cli_options import (
    annotate_option,
    assign_option,
    db_option,
    format_option,
    include_text_option,
    max_document_bytes_option,
    open_existing,
    open_store,
    reading_options,
    story_options,
    threshold_option,
    words_option,
)
from newsdesk.errors import NewsdeskError
from newsdesk.ids import MAX_ID_CHARS
from newsdesk.ingest.read import count_items
from newsdesk.model import Document, Refusal
from newsdesk.settings import Settings
from newsdesk.store.sqlite import BUSY_TIMEOUT_MS

if TYPE_CHECKING:
    from newsdesk.feeds.alerts import AlertChecker
    from newsdesk.store.sqlite import SQLiteStore

EXIT_OK, EXIT_SOME_REFUSED = 0, 1
PROGRESS_MIN_ITEMS = 6
T = TypeVar("T")

INPUTS_HELP = (
    """\b
INPUT is one of:
  FILE.txt     the whole file is the text; the file name (no extension) is the id
  FILE.html    main text and metadata extracted; navigation, captions, "read more" dropped
  FILE.jsonl   one article per line: {"id", "text" or "html", "title", "outlet",
               "published", "url", "story"}
  FOLDER       every such file inside, recursively, in sorted order
  -            JSONL on standard input
"""
    + f"""
\b
Limits (an input past one is refused with its reason; the others go on):
  size    a file or JSONL line over --max-document-bytes (5 MB) is refused
          and read no further
  files   only regular files (or symlinks to them) are read: a pipe, device
          or socket is refused without waiting on it
  depth   JSON nested deeper than the recursion limit (about 1,000 levels)
  ids     {MAX_ID_CHARS} characters at most, not blank, no control characters
          (NUL, newline, tab, DEL, U+0080-U+009F, U+2028/9); any other id
          works, "a/b" or "../x" included
  length  no limit on text length: spaCy parses long texts in pieces of
          {MAX_PIECE_CHARS:,} characters cut at paragraphs
  time    reading never blocks; a store busy with another writer is
          waited on for up to {BUSY_TIMEOUT_MS // 1000} s, then the run stops with an error"""
)


def _err(message: str) -> None:
    click.echo(message, err=True)


def _read(
    inputs: tuple[str, ...], settings: Settings, outlet: str | None, published: str | None
) -> Iterator[Document | Refusal]:
    for item in app.read(inputs, settings, stdin=sys.stdin.buffer):
        if isinstance(item, Document) and (outlet or published):
            item = item.with_layers(
                outlet=item.outlet or outlet, published=item.published or published
            )
        yield item


def _read_all(
    inputs: tuple[str, ...],
    settings: Settings,
    outlet: str | None,
    published: str | None,
    purpose: str,
) -> tuple[list[Document], int]:
    """Every readable document (refusals reported on stderr) and how many were refused;
    a usage error when nothing is left to ``purpose``."""
    _check_published(published)
    docs: list[Document] = []
    refused = 0
    for item in _read(inputs, settings, outlet, published):
        if isinstance(item, Refusal):
            refused += 1
            _err(f"refused: {item}")
        else:
            docs.append(item)
    if not docs:
        raise click.ClickException(f"no readable documents to {purpose}")
    return docs, refused


def _check_published(published: str | None) -> None:
    from datetime import datetime

    if published is None:
        return
    try:
        datetime.fromisoformat(published)
    except ValueError:
        raise click.BadParameter(
            f"{published!r} is not an ISO 8601 date, e.g. 2026-10-12", param_hint="--published"
        ) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="newsdesk")
def cli() -> None:
    """newsdesk: many news reports of the same events, one source-cited account.

    \b
    Typical session:
      newsdesk ingest examples/ --db news.db        store a folder of articles
      newsdesk ls --db news.db                      list what is stored
      newsdesk annotate examples/ --format jsonl    quotes, entities, dates per document
      newsdesk stories --db news.db --format table  the stories ingest keeps
      newsdesk serve --db news.db                   read them in a browser
      newsdesk feeds add URL --db news.db           follow a feed (RSS, Atom, JSON Feed)
      newsdesk watch --db news.db                   fetch and ingest what feeds bring
      newsdesk brief examples/museum-theft/ --format html -o museum.html

    Run `newsdesk COMMAND --help` for each command's options and examples.
    """


@cli.command(epilog=INPUTS_HELP)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@db_option
@reading_options
@annotate_option
@assign_option
@story_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no per-item lines.")
def ingest(
    inputs: tuple[str, ...],
    db: str,
    max_document_bytes: int | None,
    outlet: str | None,
    published: str | None,
    annotate: bool,
    assign: bool,
    story_threshold: float | None,
    story_window_days: float | None,
    quiet: bool,
) -> None:
    """Read articles, store them in the SQLite store, and keep their stories current.

    \b
    Examples:
      newsdesk ingest examples/ --db news.db
      newsdesk ingest story.txt --outlet "Meridian Wire" --published 2026-10-12
      cat feed.jsonl | newsdesk ingest - --db news.db
      newsdesk ingest big-archive/ --no-annotate --no-stories   fast: just store

    Re-ingesting a document adds nothing; a copy of a stored text (a syndicated wire
    story) is recorded as a duplicate of the first, with its outlet. Each new document
    joins the most similar story of the last --story-window-days, or starts its own.
    Each document is committed on its own: an interrupted run loses nothing stored.
    """
    from newsdesk.model import story_id

    _check_published(published)
    settings = Settings().with_options(
        max_document_bytes=max_document_bytes,
        story_threshold=story_threshold,
        story_window_days=story_window_days,
    )
    counts: Counter[str] = Counter()
    stories: set[str] = set()
    founded: set[str] = set()
    with open_store(db, settings) as store:
        total = 0 if "-" in inputs else count_items(inputs)
        pipeline = app.default_pipeline(settings) if annotate else None
        results = app.ingest(
            _read(inputs, settings, outlet, published),
            store,
            pipeline,
            settings.batch_size,
            assign=assign,
            settings=settings,
        )
        alerts = _alert_checker(store)
        try:
            for result in _progress(results, total, "ingesting", show=not quiet):
                counts[result.status] += 1
                if alerts is not None and result.status == "added":
                    alerts.check(store, [result.id])
                if result.story:
                    stories.add(result.story)
                    if result.story == story_id([result.id]):
                        founded.add(result.story)
                if result.status in ("duplicate", "refused") and not quiet:
                    _err(f"{result.status}: {result}")  # as it happens: a crash loses none
        except KeyboardInterrupt:
            stored = counts["added"]
            _err(f"interrupted: {stored} documents stored before the stop; none half-written")
            sys.exit(130)
    into = f" (into {len(stories)} stories, {len(founded)} of them new)" if stories else ""
    click.echo(
        f"{db}: added {counts['added']}{into}, duplicates {counts['duplicate']}, "
        f"already stored {counts['unchanged']}, refused {counts['refused']}"
    )
    if alerts is not None and alerts.recorded:
        click.echo(f"alerts: {alerts.recorded} matches recorded (`newsdesk alerts hits`)")
    sys.exit(EXIT_SOME_REFUSED if counts["refused"] else EXIT_OK)


def _alert_checker(store: SQLiteStore) -> AlertChecker | None:
    """The store's alerts, if it has any: matches are recorded as documents are added;
    their webhooks are POSTed by the next `newsdesk watch` (or `serve --watch`)."""
    from newsdesk.feeds.alerts import AlertChecker

    return AlertChecker() if store.alerts.rows() else None


def _progress(items: Iterable[T], total: int, label: str, show: bool = True) -> Iterator[T]:
    """Yield the items, with a progress bar on stderr when there are more than a handful."""
    if not show or total < PROGRESS_MIN_ITEMS:
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            yield item
            progress.advance(task)


@cli.command(name="ls")
@db_option
@format_option(
    "table",
    "json",
    "jsonl",
    help="table for people; json is [{id, title, outlet, published, story, label}] "
    "(story: newsdesk's story id; label: the story label the input gave).",
)
@click.option("--duplicates", is_flag=True, help="List the copies recorded as duplicates instead.")
def list_documents(db: str, fmt: str, duplicates: bool) -> None:
    """List the documents in a store.

    \b
    Examples:
      newsdesk ls --db news.db
      newsdesk ls --db news.db --format json | jq '.[].title'
      newsdesk ls --db news.db --duplicates
    """
    with open_existing(db) as store:
        records = store.copies() if duplicates else store.listing()
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        _print_table(records)


def _print_table(records: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    if not records:
        click.echo("(no documents)")
        return
    table = Table()
    for key in records[0]:
        # Ids (of documents and stories) stay whole; long titles are cut to the line.
        whole = key in ("id", "story")
        table.add_column(
            key,
            no_wrap=True,
            overflow="fold" if whole else "ellipsis",
            max_width=None if whole else 40,
            min_width=max(len(str(r[key] or "")) for r in records) if key == "story" else None,
        )
    for record in records:
        table.add_row(*("" if v is None else str(v) for v in record.values()))
    Console(width=max(Console().width, 160)).print(table)


@cli.command(epilog=INPUTS_HELP)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@format_option(
    "jsonl",
    "json",
    help="jsonl: one newsdesk.annotation/1 object per line; json: a list of them.",
)
@include_text_option
@reading_options
def annotate(
    inputs: tuple[str, ...],
    fmt: str,
    include_text: bool,
    max_document_bytes: int | None,
    outlet: str | None,
    published: str | None,
) -> None:
    """Annotate documents: quotes, entities and dates, one JSON object per document.

    \b
    Examples:
      newsdesk annotate article.html
      newsdesk annotate examples/ --format jsonl --include-text > annotations.jsonl

    Offsets are Python str indices into each document's clean text (--include-text
    prints it). A document that cannot be read gets an object with "error" set.
    """
    _check_published(published)
    settings = Settings().with_options(max_document_bytes=max_document_bytes)
    refused = 0
    objects: list[dict[str, Any]] = []
    for item in app.annotate(_read(inputs, settings, outlet, published), settings=settings):
        if isinstance(item, Refusal):
            refused += 1
            _err(f"refused: {item}")
            obj = item.annotation()
        else:
            obj = item.annotation(include_text=include_text)
        if fmt == "jsonl":
            click.echo(json.dumps(obj, ensure_ascii=False))
        else:
            objects.append(obj)
    if fmt == "json":
        click.echo(json.dumps(objects, ensure_ascii=False, indent=2))
    sys.exit(EXIT_SOME_REFUSED if refused else EXIT_OK)


@cli.command(epilog=INPUTS_HELP)
@click.argument("inputs", nargs=-1, metavar="[INPUT...]")
@click.option(
    "--story",
    "story_ids",
    multiple=True,
    metavar="ID",
    help="Brief this stored story (from `newsdesk stories --db`) instead of INPUTs; "
    "repeatable. Needs --db.",
)
@click.option("--db", envvar="NEWSDESK_DB", help="The store --story reads from.")
@format_option(
    "json",
    "jsonl",
    "md",
    "html",
    help="json/jsonl: newsdesk.briefing/1 objects; md: Markdown; html: one self-contained page.",
)
@words_option
@click.option(
    "--by",
    "by",
    type=click.Choice(["story", "folder"]),
    help="One briefing per 'story' label (JSONL), or per folder the files are in.",
)
@include_text_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=True, writable=True),
    help="Write here instead of stdout; with --by story and md/html, a folder of files.",
)
@reading_options
def brief(
    inputs: tuple[str, ...],
    story_ids: tuple[str, ...],
    db: str | None,
    fmt: str,
    words: int,
    by: str | None,
    include_text: bool,
    output: str | None,
    max_document_bytes: int | None,
    outlet: str | None,
    published: str | None,
) -> None:
    """Brief a story: cited summary, who said what, who is who, agreement and conflicts,
    timeline. The given documents are one story (or, with --by story, one per label).

    \b
    Examples:
      newsdesk brief examples/strait-ferry-collision/
      newsdesk brief examples/strait-ferry-collision/ --format html -o ferry.html
      newsdesk brief feed.jsonl --by story --format jsonl --words 100
      newsdesk brief examples/ --by folder --format html -o briefings/
      newsdesk brief a.txt b.html --format md
      newsdesk brief --db news.db --story s-5b763c709c --format html -o grounding.html
    """
    from pathlib import Path

    from newsdesk.brief.render import to_html, to_markdown

    settings = Settings().with_options(max_document_bytes=max_document_bytes)
    if bool(inputs) == bool(story_ids) or (story_ids and not db):
        raise click.UsageError("give either INPUT... or --story ID with --db")
    refused = 0
    try:
        if db:
            with open_existing(db) as store:
                briefings = list(app.brief_stored(store, story_ids, words=words))
            by = by or ("story" if len(story_ids) > 1 else None)
        else:
            docs, refused = _read_all(inputs, settings, outlet, published, "brief")
            briefings = list(app.brief(docs, words=words, by=by, settings=settings))
    except NewsdeskError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt in ("json", "jsonl"):
        objects = [b.to_dict(include_text=include_text) for b in briefings]
        if fmt == "jsonl":
            text = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects)
        else:
            text = (
                json.dumps(
                    objects[0] if len(objects) == 1 else objects, ensure_ascii=False, indent=2
                )
                + "\n"
            )
        _write(text, output)
    else:
        render = to_html if fmt == "html" else to_markdown
        if by and output:
            folder = Path(output)
            folder.mkdir(parents=True, exist_ok=True)
            for b in briefings:
                (folder / f"{b.story.id}.{fmt}").write_text(render(b), encoding="utf-8")
            click.echo(f"wrote {len(briefings)} briefings to {folder}/", err=True)
        else:
            _write("\n".join(render(b) for b in briefings), output)
    sys.exit(EXIT_SOME_REFUSED if refused else EXIT_OK)


@cli.command(name="stories", epilog=INPUTS_HELP)
@click.argument("inputs", nargs=-1, metavar="[INPUT...]")
@click.option(
    "--db",
    envvar="NEWSDESK_DB",
    help="List the stories kept in this store instead of grouping INPUTs.",
)
@format_option(
    "json",
    "table",
    help='json: [{"id", "title", "documents", "first_seen", "last_seen"}]; table: for people.',
)
@threshold_option
@reading_options
def stories_command(
    inputs: tuple[str, ...],
    db: str | None,
    fmt: str,
    threshold: float | None,
    max_document_bytes: int | None,
    outlet: str | None,
    published: str | None,
) -> None:
    """Group documents into stories: the same event, told by several outlets.

    Look-alike events (two ferry accidents in the same strait a month apart) are kept
    apart by the people, places and numbers they name. The grouping of INPUTs does not
    depend on their order. With --db, list the stories `ingest` keeps in a store
    (most recently changed first) instead.

    \b
    Examples:
      newsdesk stories examples/
      newsdesk stories feed.jsonl --format table
      newsdesk stories --db news.db --format table
    """
    if bool(inputs) == bool(db):
        raise click.UsageError("give either INPUT... to group, or --db to list stored stories")
    refused = 0
    if db:
        with open_existing(db) as store:
            found = store.stories.stories()
    else:
        settings = Settings().with_options(max_document_bytes=max_document_bytes)
        docs, refused = _read_all(inputs, settings, outlet, published, "group")
        found = list(app.stories(docs, threshold=threshold))
    records = [s.to_dict() for s in found]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        _print_table(
            [
                {"id": r["id"], "title": r["title"], "documents": ", ".join(r["documents"])}
                for r in records
            ]
        )
    sys.exit(EXIT_SOME_REFUSED if refused else EXIT_OK)


@cli.command()
@db_option
@threshold_option
@format_option(
    "text",
    "json",
    help='json: {"stories_before", "stories_after", "moved", "changes": [...]}.',
)
def recluster(db: str, threshold: float | None, fmt: str) -> None:
    """Group a store's documents into stories again, all at once.

    Stories grow one document at a time as `ingest` stores them; the order they came in
    can leave two stories that belong together, or one that should be two. recluster
    groups everything again with the order-independent rule of `newsdesk stories`,
    keeps each story's id where the new story mostly matches it, and records what it
    merged and split (shown here, and kept in the store).

    \b
    Examples:
      newsdesk recluster --db news.db
      newsdesk recluster --db news.db --threshold 0.35 --format json
    """
    with open_existing(db) as store:
        try:
            report = app.recluster(store, threshold=threshold)
        except NewsdeskError as exc:
            raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        record = {
            "stories_before": report.stories_before,
            "stories_after": report.stories_after,
            "moved": report.moved,
            "changes": [c.to_dict() for c in report.changes],
        }
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    click.echo(f"{db}: {report}")
    for change in report.changes:
        if change.kind == "merge":
            click.echo(f"  merged {change.story} into {change.other} ({change.documents} docs)")
        else:
            click.echo(f"  split {change.story} off {change.other} ({change.documents} docs)")


def _write(text: str, output: str | None) -> None:
    if output:
        from pathlib import Path

        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


BATCH_INPUTS_HELP = """\b
INPUT is any input `ingest` reads (FILE.txt, FILE.html, FILE.jsonl, FOLDER, -), or:
  FILE.jsonl.gz   gzipped JSONL, one article per line
  FILE.parquet    one article per row; columns named as the JSONL fields
                  (id, text or html, title, outlet, published, url, story)
  FILE.warc[.gz]  a web crawl (e.g. CC-News): one article per HTML response,
                  its WARC record id as id, its target URI as url

\b
Output: Parquet datasets under --out, one folder each:
  documents  id, url, outlet, title, published, text (clean), duplicate_of, ...
  quotes     doc, start, end, text, speaker, direct
  entities   doc, name, type
  timeline   doc, start, end, date
  features   doc, dense, terms, names (what `import` needs for stories)
  stories    doc, story, title
  briefings  story, title, briefing (newsdesk.briefing/1 JSON)
  refused    input, reason
Offsets are Python str indices into the document's clean text."""


@cli.command(epilog=BATCH_INPUTS_HELP)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, writable=True),
    help="Folder for the Parquet datasets (created; an earlier run's files are replaced).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="CPUs of the local Ray instance, and actors per model pool (each loads spaCy "
    "and MiniLM: about 1 GB).",
)
@click.option(
    "--address",
    envvar="RAY_ADDRESS",
    help="Run on this Ray cluster (e.g. auto, or ray://HEAD:10001) instead of starting "
    "one here. Also read from $RAY_ADDRESS.",
)
@click.option(
    "--briefings/--no-briefings",
    default=True,
    show_default=True,
    help="Write a briefing per story (the slowest step: each story is parsed again).",
)
@words_option
@threshold_option
@max_document_bytes_option
def batch(
    inputs: tuple[str, ...],
    out: str,
    workers: int,
    address: str | None,
    briefings: bool,
    words: int,
    threshold: float | None,
    max_document_bytes: int | None,
) -> None:
    """Process a large collection on Ray Data: the stages of `ingest`, `stories` and
    `brief`, with Parquet datasets out.

    Runs on this machine with --workers CPUs (nothing else to start), or on a Ray
    cluster with --address. Duplicates, annotations and briefings are those `ingest`
    and `brief` give; stories follow `newsdesk stories` within blocks of documents that
    share names and dates (see the README, "Scale out"). A bad record goes to
    `refused` with its reason; the run goes on.

    \b
    Examples:
      newsdesk batch examples/ --out batch-out/
      newsdesk batch crawl/*.warc.gz --out cc-news/ --workers 8 --no-briefings
      newsdesk batch dump.parquet --out out/ --address auto
      newsdesk import batch-out/ --db news.db && newsdesk serve --db news.db
    """
    try:
        from newsdesk.batch import BatchOptions, run_batch
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise click.ClickException(
            f"newsdesk batch needs Ray Data ({exc.name} is missing): pip install 'newsdesk[batch]'"
        ) from exc
    settings = Settings().with_options(max_document_bytes=max_document_bytes)
    options = BatchOptions(
        workers=workers, address=address, briefings=briefings, words=words, threshold=threshold
    )
    report = run_batch(inputs, out, settings, options, stdin=sys.stdin.buffer)
    click.echo(str(report))
    sys.exit(EXIT_SOME_REFUSED if report.counts.get("refused") else EXIT_OK)


@cli.command(name="import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False), metavar="DIR")
@db_option
def import_command(folder: str, db: str) -> None:
    """Load a `newsdesk batch` output into a store, for `serve`, `ls` and `search`.

    Documents are added in the batch's input order, through the store's own rule for
    ids and duplicates; each joins the story the batch gave it. Re-importing adds
    nothing. Needs pyarrow, not Ray.

    \b
    Examples:
      newsdesk import batch-out/ --db news.db
      newsdesk serve --db news.db
    """
    from newsdesk.batch import import_batch

    with open_store(db) as store:
        try:
            report = import_batch(folder, store)
        except NewsdeskError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{db}: {report}")


@cli.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, help="Most documents to list.")
def search(query: str, db: str, limit: int) -> None:
    """Full-text search over stored titles and texts (SQLite FTS5 syntax).

    \b
    Examples:
      newsdesk search ferry --db news.db
      newsdesk search '"harbour master" AND strait' --db news.db
    """
    with open_existing(db) as store:
        try:
            for doc_id in store.search(query, limit=limit):
                doc = store.get(doc_id)
                title = doc.title if doc and doc.title else ""
                click.echo(f"{doc_id}\t{title}")
        except NewsdeskError as exc:
            raise click.ClickException(str(exc)) from exc


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8040, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    envvar="NEWSDESK_TOKEN",
    help="Require this token on every request (bearer header or login form). Needed to "
    "listen on any address but loopback. Also read from $NEWSDESK_TOKEN.",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Also follow the store's feeds (as `newsdesk watch` does), on the app's one "
    "writer thread; the Feeds page shows each feed's status.",
)
def serve(db: str, host: str, port: int, token: str | None, watch: bool) -> None:
    """Open the store in a browser: stories, briefings, people, documents, uploads,
    feeds and alerts.

    Every page has a JSON twin (/stories.json, /stories/ID.json is a briefing,
    /feeds.json, /alerts.json). The stories page updates itself as documents arrive.
    Listens on 127.0.0.1 only, unless --host and --token are both given.

    \b
    Limits: an upload holds at most 20 MB and 50 files, each at most 5 MB
    (413 or a refusal past them); query parameters at most 200 characters,
    no control characters (400 past them); the Host header must be exactly
    NAME or NAME:PORT. One bad file in an upload is refused, never failing
    the others.

    \b
    Examples:
      newsdesk serve --db demo/out/newsdesk.db
      newsdesk serve --db news.db --watch          follow its feeds as well
      newsdesk serve --db news.db --host 0.0.0.0 --token "$(openssl rand -hex 16)"
    """
    from newsdesk.web import serve as run_server

    try:
        run_server(db, host=host, port=port, token=token, watch=watch)
    except NewsdeskError as exc:
        raise click.ClickException(str(exc)) from exc


def _register_live_commands() -> None:
    from newsdesk.cli_feeds import COMMANDS

    for command in COMMANDS:
        cli.add_command(command)


_register_live_commands()


def main() -> None:
    """Console-script entry point."""
    cli()


if __name__ == "__main__":
    main()
