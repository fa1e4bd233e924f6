"""The local web app: ``newsdesk serve --db PATH``.

Pages, each with a JSON twin: stories (``/``, ``/stories.json``), a story's briefing
(``/stories/ID``, ``/stories/ID.json``), an entity across stories (``/entities/ID``), a
document with its annotations highlighted (``/documents/ID``), and adding articles
(``/upload``, jobs at ``/jobs/ID``). Modules: `app` (factory), `security` (binding,
token, headers), `pages` and `upload` (routes), `jobs` (the ingest thread), `briefings`
(cache), `story_view`, `entity_view`, `document_view` (what the templates show), `render`
(templates and JSON), `feeds_view` (the Feeds and Alerts pages, ``/feeds``, ``/alerts``)
and `watch` (the feed watcher of ``serve --watch``). Pages read the store through
`newsdesk.store.queries` (read-only connections); no SQL is written here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.errors import MissingDependency

if TYPE_CHECKING:
    from fastapi import FastAPI

    from newsdesk.embed import SentenceEncoder
    from newsdesk.feeds.options import FeedOptions
    from newsdesk.settings import Settings

__all__ = ["create_app", "serve"]


def create_app(
    db: str,
    token: str | None = None,
    embedder: SentenceEncoder | None = None,
    settings: Settings | None = None,
    loopback_only: bool | None = None,
    watch: bool = False,
    feed_options: FeedOptions | None = None,
    watch_interval: float = 60.0,
) -> FastAPI:
    """The FastAPI app over the store at ``db`` (see `newsdesk.web.app.create_app`);
    raises `NewsdeskError` when there is no store there."""
    try:
        from newsdesk.web.app import create_app as factory
    except ImportError as exc:
        raise MissingDependency(exc.name or "fastapi", "web") from exc
    return factory(
        db,
        token=token,
        embedder=embedder,
        settings=settings,
        loopback_only=loopback_only,
        watch=watch,
        feed_options=feed_options,
        watch_interval=watch_interval,
    )


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8040,
    token: str | None = None,
    watch: bool = False,
    feed_options: FeedOptions | None = None,
) -> None:
    """Serve the store at ``db`` on ``host:port`` until interrupted; with ``watch``,
    follow its feeds too.

    Listens on loopback unless a token is given (`security.check_bind`); raises
    `NewsdeskError` for a missing store or a refused address.
    """
    from newsdesk.web.security import check_bind

    check_bind(host, token)
    app = create_app(db, token=token, watch=watch, feed_options=feed_options)
    try:
        import uvicorn
    except ImportError as exc:
        raise MissingDependency("uvicorn", "web") from exc
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
