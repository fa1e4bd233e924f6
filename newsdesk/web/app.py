"""The application factory: one FastAPI app over one store.

`create_app` opens the store once for writing (migrating its schema) and hands that
connection to the ingest thread, its only user; pages read through their own read-only
connections. The briefing pipeline and the ingest pipeline each get their own spaCy
model, so a page never waits on an ingest's parse.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import Response

from newsdesk import app as api
from newsdesk.embed import SentenceEncoder
from newsdesk.errors import NewsdeskError
from newsdesk.feeds.options import FeedOptions
from newsdesk.pipeline import Pipeline
from newsdesk.registry import DEFAULT_STAGES, build_pipeline
from newsdesk.settings import Settings
from newsdesk.store.queries import ReadOnlyStore
from newsdesk.web import feeds_view, login, pages, upload
from newsdesk.web.briefings import BriefingCache
from newsdesk.web.jobs import IngestWorker
from newsdesk.web.render import STATIC, Renderer
from newsdesk.web.security import Guard, Next
from newsdesk.web.state import WebState, web_state


def _brief_pipeline(settings: Settings) -> Pipeline:
    return build_pipeline([s for s in DEFAULT_STAGES if s != "release"], settings)


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
    """The web app over the store at ``db`` (which must exist).

    ``token``: every request must carry it. ``embedder``: for briefings and story
    assignment (MiniLM when None; tests pass a `HashingEmbedder`). ``loopback_only``:
    answer only to loopback host names (default: when there is no token). ``watch``:
    follow the store's feeds (`newsdesk.web.watch`), with ``feed_options`` and rounds at
    least every ``watch_interval`` seconds.
    """
    if not Path(db).is_file():
        raise NewsdeskError(f"no store at {db}: create one with `newsdesk ingest FILES --db {db}`")
    settings = settings or Settings()
    if embedder is None:
        from newsdesk.embed import Embedder

        embedder = Embedder()
    store = api.open_store(db, settings)  # migrates; from here on only the worker uses it
    reader = ReadOnlyStore(db)
    guard = Guard(token, loopback_only=token is None if loopback_only is None else loopback_only)
    renderer = Renderer(token_required=token is not None)
    state = WebState(
        db=reader,
        briefings=BriefingCache(lambda: _brief_pipeline(settings), embedder),
        worker=IngestWorker(
            store, reader, lambda: build_pipeline(DEFAULT_STAGES, settings), embedder, settings
        ),
        renderer=renderer,
        guard=guard,
    )
    if watch:
        from newsdesk.web.watch import FeedWatch

        state.watch = FeedWatch(state.worker, settings, embedder, feed_options, watch_interval)
        state.worker.alerts = state.watch.watcher.alerts  # uploads' matches POSTed too
    else:
        from newsdesk.feeds.alerts import AlertChecker

        state.worker.alerts = AlertChecker()  # recorded; POSTed by the next watcher

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if state.watch is not None:
            state.watch.start()
        yield
        if state.watch is not None:
            state.watch.close()
        state.worker.close()

    app = FastAPI(
        title="newsdesk",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
    )
    app.state.web = state

    @app.middleware("http")
    async def security(request: Request, call_next: Next) -> Response:
        return await guard(request, call_next, renderer.error)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        response = web_state(request).renderer.error(request, exc.status_code, str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return web_state(request).renderer.error(request, 400, "bad request")

    app.include_router(login.router)
    app.include_router(upload.router)
    app.include_router(feeds_view.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
