"""When to poll a feed next: from its posting rate, what the server asks, and errors.

Pure functions over numbers and headers, so each rule is tested on its own:

- A feed that answered is polled again after ``week / entries of the last week`` (its
  posting rate), at least its RSS ``<ttl>`` and its ``Cache-Control: max-age``, clamped to
  ``[min_interval, max_interval]``; with no dated entries, ``default_interval``.
- ``429``/``503`` with ``Retry-After`` (seconds or an HTTP date): not before then.
- Any other failure backs off exponentially, ``min_interval * 2**(errors-1)``, up to
  ``max_backoff``: a failing feed is polled less and less often, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from newsdesk.feeds.options import DAY, FeedOptions

WEEK = 7 * DAY
_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)")


def now_utc() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """The store's time format (UTC, seconds): sortable as text."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def posting_interval(published: Iterable[datetime], now: datetime, options: FeedOptions) -> float:
    """Seconds between polls from the entries of the last week (clamped)."""
    recent = [p for p in published if now - timedelta(seconds=WEEK) <= p <= now]
    if not recent:
        return clamp(options.default_interval, options)
    return clamp(WEEK / len(recent), options)


def clamp(seconds: float, options: FeedOptions) -> float:
    return max(options.min_interval, min(options.max_interval, seconds))


def max_age(headers: Mapping[str, str]) -> float | None:
    """``Cache-Control: max-age`` in seconds (None when absent or ``no-store``)."""
    value = headers.get("cache-control", "")
    found = _MAX_AGE.search(value.lower())
    return float(found.group(1)) if found else None


def retry_after(headers: Mapping[str, str], now: datetime) -> float | None:
    """``Retry-After`` in seconds from now: delta-seconds or an HTTP date."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def success_interval(
    published: Iterable[datetime],
    headers: Mapping[str, str],
    ttl_minutes: float | None,
    now: datetime,
    options: FeedOptions,
) -> float:
    """Seconds until the next poll of a feed that answered (200 or 304)."""
    interval = posting_interval(published, now, options)
    for floor in (max_age(headers), ttl_minutes * 60 if ttl_minutes else None):
        if floor is not None:
            interval = max(interval, floor)
    return clamp(interval, options)


def failure_interval(
    errors: int,
    status: int | None,
    headers: Mapping[str, str],
    now: datetime,
    options: FeedOptions,
) -> float:
    """Seconds until the next try of a feed that failed ``errors`` times in a row
    (this failure included)."""
    backoff = min(options.max_backoff, options.min_interval * 2 ** max(0, errors - 1))
    if status in (429, 503):
        asked = retry_after(headers, now)
        if asked is not None:
            return min(options.max_backoff, max(asked, options.min_interval))
    return float(backoff)
