"""Every knob of the feed watcher in one object, with its default and why."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from newsdesk import __version__ as _version

DEFAULT_USER_AGENT = f"newsdesk/{_version} (feed reader; one request at a time per host)"
MINUTE, HOUR, DAY = 60.0, 3600.0, 86400.0


@dataclass(frozen=True, slots=True)
class FeedOptions:
    """How the watcher fetches (limits, manners) and schedules (intervals, backoff).

    Defaults follow Miniflux's (20 s timeout, 15 MiB body, per-feed interval from the
    posting rate clamped to 5 min-24 h) plus what it lacked: one request at a time per
    host with a minimum delay, and exponential backoff instead of giving up.
    """

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0  # seconds: connect, each read, and the whole body
    max_bytes: int = 15 * 1024 * 1024  # per response, counted after decompression
    max_redirects: int = 5
    host_delay: float = 1.0  # seconds between two requests to one host
    workers: int = 8  # hosts fetched at once
    min_interval: float = 5 * MINUTE
    max_interval: float = DAY
    default_interval: float = HOUR  # a feed whose entries carry no dates
    max_backoff: float = DAY
    max_items: int = 100  # new entries taken from one fetch of a feed
    robots: bool = True  # respect robots.txt for article pages
    fetch_pages: bool = True  # read each entry's page (False: the feed's content only)

    def with_options(self, **options: Any) -> FeedOptions:
        """A copy with the given options set; None values keep the current one."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})
