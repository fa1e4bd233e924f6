"""What the command modules (`cli`, `cli_feeds`) share: the ``--db`` option and opening a
store with an error a user can act on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from newsdesk.errors import NewsdeskError

if TYPE_CHECKING:
    from newsdesk.store.sqlite import SQLiteStore

__all__ = ["db_option", "open_existing", "open_store"]


def db_option(func: Any) -> Any:
    """The ``--db PATH`` option (default ``newsdesk.db``, or ``$NEWSDESK_DB``)."""
    return click.option(
        "--db",
        default="newsdesk.db",
        show_default=True,
        envvar="NEWSDESK_DB",
        help="SQLite store to use (created if missing). Also read from $NEWSDESK_DB.",
    )(func)


def open_store(db: str) -> SQLiteStore:
    """The store at ``db`` (created if missing); a clear error when it cannot be opened."""
    from newsdesk import app

    try:
        return app.open_store(db)
    except NewsdeskError as exc:
        raise click.ClickException(str(exc)) from exc


def open_existing(db: str, hint: str = "create one with `newsdesk ingest`") -> SQLiteStore:
    """The store at ``db``; a clear error, with ``hint``, when there is none (nothing is
    created)."""
    if not Path(db).exists():
        raise click.ClickException(f"no store at {db} ({hint})")
    return open_store(db)
