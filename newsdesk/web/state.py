"""What the request handlers share: read access, the briefing cache, the ingest worker,
the feed watcher (with ``serve --watch``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from starlette.requests import Request

from newsdesk.store.queries import ReadOnlyStore
from newsdesk.web.briefings import BriefingCache
from newsdesk.web.jobs import IngestWorker
from newsdesk.web.render import Renderer
from newsdesk.web.security import Guard

if TYPE_CHECKING:
    from newsdesk.web.watch import FeedWatch


@dataclass
class WebState:
    """One server's shared objects (kept on ``app.state.web``)."""

    db: ReadOnlyStore
    briefings: BriefingCache
    worker: IngestWorker
    renderer: Renderer
    guard: Guard
    watch: FeedWatch | None = None  # with `serve --watch`


def web_state(request: Request) -> WebState:
    """The shared objects of the app that received ``request``."""
    return cast(WebState, request.app.state.web)
