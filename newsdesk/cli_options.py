"""What the command modules (`cli`, `cli_feeds`) share: the options more than one command
takes, declared once, and opening a store with an error a user can act on.

A store is a context manager; every command opens one in a ``with`` block, so it is
closed however the command ends::

    with open_existing(db) as store:
        records = store.listing()
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from newsdesk.errors import NewsdeskError
from newsdesk.settings import help_for

if TYPE_CHECKING:
    from newsdesk.settings import Settings
    from newsdesk.store.sqlite import SQLiteStore

__all__ = [
    "annotate_option",
    "assign_option",
    "db_option",
    "format_option",
    "include_text_option",
    "max_document_bytes_option",
    "open_existing",
    "open_store",
    "reading_options",
    "story_options",
    "threshold_option",
    "words_option",
]

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: Any) -> Any:
    """The ``--db PATH`` option (default ``newsdesk.db``, or ``$NEWSDESK_DB``)."""
    return click.option(
        "--db",
        default="newsdesk.db",
        show_default=True,
        envvar="NEWSDESK_DB",
        help="SQLite store to use (created if missing). Also read from $NEWSDESK_DB.",
    )(func)


def format_option(*choices: str, help: str) -> Callable[[F], F]:
    """The ``--format`` option (the parameter ``fmt``): one of ``choices``, the first by
    default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help,
    )


words_option = click.option(
    "--words",
    type=click.IntRange(min=10),
    default=120,
    show_default=True,
    help="Cap on each briefing's summary length in words (whole sentences).",
)

threshold_option = click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Average similarity that holds a story together: what a document needs to join "
    "one (default tuned on ECB+: 0.29); higher splits more.",
)

include_text_option = click.option(
    "--include-text",
    is_flag=True,
    help="Add each document's clean text, to check offsets (json/jsonl).",
)

max_document_bytes_option = click.option(
    "--max-document-bytes",
    type=click.IntRange(min=1),
    default=None,
    help=help_for("max_document_bytes") + " [default: 5000000]",
)

annotate_option = click.option(
    "--annotate/--no-annotate",
    default=True,
    show_default=True,
    help="Annotate documents (quotes, entities, dates, genre) as they are stored.",
)

assign_option = click.option(
    "--stories/--no-stories",
    "assign",
    default=True,
    show_default=True,
    help="Put each new document into its story as it is stored (see `newsdesk recluster`).",
)


def story_options(func: Any) -> Any:
    """``--story-threshold`` and ``--story-window-days``: how stored stories take new
    documents."""
    func = click.option(
        "--story-window-days",
        type=click.FloatRange(min=0),
        default=None,
        help=help_for("story_window_days") + " [default: 30]",
    )(func)
    func = click.option(
        "--story-threshold",
        type=click.FloatRange(0.0, 1.0),
        default=None,
        help=help_for("story_threshold") + " [default: 0.27]",
    )(func)
    return func


def reading_options(func: Any) -> Any:
    """``--max-document-bytes``, ``--outlet`` and ``--published``: how inputs are read."""
    func = click.option(
        "--published",
        metavar="DATE",
        help="Publication date (ISO 8601) for documents that carry none, e.g. .txt files.",
    )(func)
    func = click.option("--outlet", help="Outlet for documents that name none.")(func)
    return max_document_bytes_option(func)


def open_store(db: str, settings: Settings | None = None) -> SQLiteStore:
    """The store at ``db`` (created if missing); a clear error when it cannot be opened."""
    from newsdesk import app

    try:
        return app.open_store(db, settings)
    except NewsdeskError as exc:
        raise click.ClickException(str(exc)) from exc


def open_existing(db: str, hint: str = "create one with `newsdesk ingest`") -> SQLiteStore:
    """The store at ``db``; a clear error, with ``hint``, when there is none (nothing is
    created)."""
    if not Path(db).exists():
        raise click.ClickException(f"no store at {db} ({hint})")
    return open_store(db)
