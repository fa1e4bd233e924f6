"""HTTP for the watcher: one client with timeouts and limits, polite per host.

`Fetcher.get` never raises for what a server does: every outcome is a `Fetched` with
the status (or ``None``) and an error message. Limits: a timeout on connecting and on
each read, and a deadline for the whole body (a server trickling bytes is cut off);
at most ``max_bytes`` of body counted after decompression (a gzip bomb stops there);
at most ``max_redirects`` redirects. `HostLimiter` lets one request at a time go to a
host, ``host_delay`` seconds apart. `Robots` reads each host's robots.txt once (protego)
and says whether a page may be fetched.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsdesk.errors import MissingDependency
from newsdesk.feeds.options import FeedOptions

if TYPE_CHECKING:
    import httpx

ROBOTS_TTL = 6 * 3600.0


@dataclass(frozen=True, slots=True)
class Fetched:
    """One HTTP answer (or the failure to get one)."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int | None  # None when no answer came
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


def host_of(url: str) -> str:
    """The host (and port) a URL points to, lower case: the unit of politeness."""
    return urlsplit(url).netloc.lower()


class HostLimiter:
    """One request at a time per host, and at least ``delay`` seconds between the end of
    one and the start of the next. Also counts requests per host (for the bench)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()
        self.requests: dict[str, list[float]] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            wait = self._last.get(host, -1e18) + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            with self._guard:
                self.requests.setdefault(host, []).append(time.monotonic())
            try:
                yield
            finally:
                self._last[host] = time.monotonic()


class Fetcher:
    """GETs with the watcher's limits and manners (see the module docstring)."""

    def __init__(self, options: FeedOptions, limiter: HostLimiter | None = None) -> None:
        try:
            import httpx
        except ImportError as exc:  # pragma: no cover - the feeds extra is missing
            raise MissingDependency("httpx", "feeds") from exc
        self.options = options
        self.limiter = limiter or HostLimiter(options.host_delay)
        self.client = httpx.Client(
            headers={"User-Agent": options.user_agent},
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=True,
            max_redirects=options.max_redirects,
            limits=httpx.Limits(max_connections=max(4, options.workers * 2)),
        )

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Fetched:
        """GET ``url`` (one request at a time to its host); never raises for the
        server's doing."""
        import httpx

        with self.limiter.slot(host_of(url)):
            try:
                return self._get(url, dict(headers or {}))
            except httpx.TooManyRedirects:
                return Fetched(
                    url, url, None, error=f"more than {self.options.max_redirects} redirects"
                )
            except httpx.TimeoutException:
                return Fetched(url, url, None, error=f"timed out ({self.options.timeout:g} s)")
            except httpx.InvalidURL as exc:
                return Fetched(url, url, None, error=f"invalid URL: {exc}")
            except httpx.UnsupportedProtocol:
                return Fetched(url, url, None, error="unsupported URL scheme (use http or https)")
            except httpx.DecodingError as exc:
                return Fetched(url, url, None, error=f"cannot decode the body: {exc}")
            except httpx.HTTPError as exc:
                return Fetched(url, url, None, error=f"{type(exc).__name__}: {exc}"[:300])
            except (OSError, ValueError) as exc:
                return Fetched(url, url, None, error=f"{type(exc).__name__}: {exc}"[:300])

    def _get(self, url: str, headers: dict[str, str]) -> Fetched:
        deadline = time.monotonic() + self.options.timeout
        limit = self.options.max_bytes
        with self.client.stream("GET", url, headers=headers) as response:
            final = str(response.url)
            answer = {k.lower(): v for k, v in response.headers.items()}
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit and response.status_code < 300:
                return _too_large(url, final, response, answer, limit)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    return _too_large(url, final, response, answer, limit)
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    return Fetched(
                        url,
                        final,
                        response.status_code,
                        answer,
                        error=f"timed out: the body took over {self.options.timeout:g} s",
                    )
            return Fetched(url, final, response.status_code, answer, b"".join(chunks))


def _too_large(
    url: str, final: str, response: httpx.Response, headers: dict[str, str], limit: int
) -> Fetched:
    return Fetched(
        url,
        final,
        response.status_code,
        headers,
        error=f"response too large (over {limit / 1e6:.1f} MB after decompression)",
    )


class Robots:
    """robots.txt per host, read once (every ``ROBOTS_TTL`` seconds) through the fetcher."""

    def __init__(self, fetcher: Fetcher, agent: str = "newsdesk") -> None:
        self.fetcher = fetcher
        self.agent = agent
        self._rules: dict[str, tuple[float, object | None]] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets newsdesk fetch ``url`` (no robots.txt, or one that
        cannot be read, allows everything)."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        with self._lock:
            cached = self._rules.get(key)
        if cached is None or time.monotonic() - cached[0] > ROBOTS_TTL:
            cached = (time.monotonic(), self._read(key))
            with self._lock:
                self._rules[key] = cached
        rules = cached[1]
        if rules is None:
            return True
        return bool(rules.can_fetch(url, self.agent))  # type: ignore[attr-defined]

    def _read(self, origin: str) -> object | None:
        try:
            from protego import Protego
        except ImportError as exc:  # pragma: no cover - the feeds extra is missing
            raise MissingDependency("protego", "feeds") from exc
        got = self.fetcher.get(origin + "/robots.txt")
        if not got.ok or not got.body:
            return None
        try:
            return Protego.parse(got.body.decode("utf-8", "replace"))
        except Exception:  # a robots.txt protego cannot read allows everything
            return None
