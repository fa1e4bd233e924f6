"""A local HTTP server for the feed tests, the bench and the demo: feeds and article pages
of fictional outlets, written here, served on loopback addresses only.

`FeedServer` answers each path from its ``routes`` (a `Reply`, or a function of the
request giving one) and records every request (path, headers, time). Builders write the
formats the watcher reads: RSS 2.0, Atom 1.0, RSS 1.0 (RDF) and JSON Feed, and article
pages of a few hundred words.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

# -- the server ------------------------------------------------------------------------


@dataclass
class Reply:
    """What the server answers: status, headers, body; optionally after ``delay``
    seconds, or trickled out ``chunk`` bytes every ``trickle`` seconds."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    trickle: float = 0.0
    chunk: int = 64


@dataclass(frozen=True)
class Request:
    path: str
    headers: Mapping[str, str]
    at: float


Route = Reply | Callable[[Request], Reply]


class FeedServer:
    """A threaded HTTP server on ``host`` (a loopback address) serving ``routes``."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        assert host.startswith("127."), "tests serve on loopback only"
        self.routes: dict[str, Route] = {}
        self.fallback: Callable[[Request], Reply] | None = None  # paths with no route
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out at once

            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                request = Request(
                    self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic()
                )
                with server._lock:
                    server.requests.append(request)
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if route is None and server.fallback is not None:
                    reply = server.fallback(request)
                elif route is None:
                    reply = Reply(
                        404, b"<html><body>Not found</body></html>", {"Content-Type": "text/html"}
                    )
                else:
                    reply = route(request) if callable(route) else route
                self._answer(reply)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                request = Request(
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()} | {"body": body.decode()},
                    time.monotonic(),
                )
                with server._lock:
                    server.requests.append(request)
                route = server.routes.get(self.path)
                reply = (route(request) if callable(route) else route) if route else Reply(404)
                self._answer(reply)

            def _answer(self, reply: Reply) -> None:
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    headers = {"Content-Type": "application/xml", **reply.headers}
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if not reply.trickle:
                        self.wfile.write(reply.body)
                        return
                    for i in range(0, len(reply.body), reply.chunk):
                        self.wfile.write(reply.body[i : i + reply.chunk])
                        self.wfile.flush()
                        time.sleep(reply.trickle)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.host = host
        self.port = int(self.httpd.server_address[1])
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def serving(host: str = "127.0.0.1", port: int = 0) -> Iterator[FeedServer]:
    with FeedServer(host, port) as server:
        yield server


def conditional(body: bytes, etag: str, ctype: str, modified: str | None = None) -> Route:
    """A route that answers 304 when the request carries the current validators."""

    def route(request: Request) -> Reply:
        if request.headers.get("if-none-match") == etag:
            return Reply(304, b"", {"ETag": etag})
        headers = {"ETag": etag, "Content-Type": ctype}
        if modified:
            headers["Last-Modified"] = modified
        return Reply(200, body, headers)

    return route


def gzip_bomb(size: int) -> Reply:
    """``size`` bytes of zeros, gzip-compressed, declared as gzip."""
    return Reply(
        200,
        gzip.compress(b"\0" * size, compresslevel=9),
        {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"},
    )


# -- content ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One entry of a fictional feed."""

    guid: str
    link: str
    title: str
    summary: str
    published: datetime


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def rss20(title: str, site: str, items: Sequence[Item], ttl: int | None = None) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>{escape(title)}</title><link>{escape(site)}</link>",
        "<description>Fictional outlet for newsdesk tests</description>",
    ]
    if ttl is not None:
        parts.append(f"<ttl>{ttl}</ttl>")
    for it in items:
        parts.append(
            f"<item><title>{escape(it.title)}</title><link>{escape(it.link)}</link>"
            f'<guid isPermaLink="false">{escape(it.guid)}</guid>'
            f"<pubDate>{http_date(it.published)}</pubDate>"
            f"<description>{escape(it.summary)}</description></item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")


def atom(title: str, site: str, items: Sequence[Item]) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f'<title>{escape(title)}</title><link href="{escape(site)}"/>',
        f"<id>{escape(site)}</id><updated>2026-12-01T00:00:00Z</updated>",
    ]
    for it in items:
        stamp = it.published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        parts.append(
            f"<entry><title>{escape(it.title)}</title>"
            f'<link rel="alternate" href="{escape(it.link)}"/>'
            f"<id>{escape(it.guid)}</id><updated>{stamp}</updated><published>{stamp}</published>"
            f'<summary type="html">{escape(it.summary)}</summary></entry>'
        )
    parts.append("</feed>")
    return "\n".join(parts).encode("utf-8")


def rdf(title: str, site: str, items: Sequence[Item]) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        f'<channel rdf:about="{escape(site)}"><title>{escape(title)}</title>'
        f"<link>{escape(site)}</link><description>Fictional</description><items><rdf:Seq>",
    ]
    parts += [f'<rdf:li rdf:resource="{escape(it.link)}"/>' for it in items]
    parts.append("</rdf:Seq></items></channel>")
    for it in items:
        stamp = it.published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        parts.append(
            f'<item rdf:about="{escape(it.link)}"><title>{escape(it.title)}</title>'
            f"<link>{escape(it.link)}</link><description>{escape(it.summary)}</description>"
            f"<dc:date>{stamp}</dc:date></item>"
        )
    parts.append("</rdf:RDF>")
    return "\n".join(parts).encode("utf-8")


def json_feed(title: str, site: str, items: Sequence[Item]) -> bytes:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "home_page_url": site,
            "items": [
                {
                    "id": it.guid,
                    "url": it.link,
                    "title": it.title,
                    "content_html": it.summary,
                    "date_published": it.published.astimezone(UTC).isoformat(),
                }
                for it in items
            ],
        }
    ).encode("utf-8")


FORMATS: dict[str, tuple[Callable[[str, str, Sequence[Item]], bytes], str]] = {
    "rss20": (rss20, "application/rss+xml"),
    "atom": (atom, "application/atom+xml"),
    "rdf": (rdf, "application/rdf+xml"),
    "json": (json_feed, "application/feed+json"),
}


def article_html(title: str, outlet: str, paragraphs: Sequence[str], published: str) -> bytes:
    """A news article page: header, navigation, the article, a footer."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | {escape(outlet)}</title>
<meta property="og:site_name" content="{escape(outlet)}">
<meta property="article:published_time" content="{published}">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{escape(title)}</h1>
<p class="byline">By Staff Reporter</p>
{body}
</article>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a></footer>
</body></html>""".encode()


PLACES = (
    "Port Aldwin",
    "Kestrel Valley",
    "Lindmoor",
    "Saltmarsh Bay",
    "Orrin Falls",
    "Thistlegate",
    "Marrowby",
    "Quillon Heights",
    "Brackenford",
    "Westerhal",
)
EVENTS = (
    ("crane collapses at the container terminal", "a harbour crane collapsed onto a quay"),
    ("flood closes the valley rail line", "flood water closed the rail line"),
    ("council approves tram extension", "the council approved a tram extension"),
    ("fire destroys the old grain mill", "a fire destroyed the old grain mill"),
    ("bridge shut after cracks found", "engineers shut the bridge after finding cracks"),
)
NAMES = (
    "Ilse Varga",
    "Tomas Brennick",
    "Odile Marchetti",
    "Jonah Pell",
    "Rika Sundqvist",
    "Anselm Ward",
    "Mira Kovacs",
    "Declan Osei",
)


TEMPLATES = (
    "Crews worked through the {time} to clear {thing} near the {spot}, {name} said.",
    "About {num} residents were moved to the {spot} while inspectors checked {thing}.",
    "The {org} said it would publish a review of {thing} within {num} days.",
    "{name} told reporters that warnings about {thing} had been raised in {year}.",
    "Traffic on the {spot} road was diverted for {num} hours on {day}.",
    "Insurers estimated the damage to {thing} at {num} million crowns.",
    "Local schools near the {spot} stayed closed on {day}, the {org} said.",
    "{name} said volunteers had handed out {num} blankets by the {time}.",
    "A spokesperson for the {org} declined to say when {thing} would reopen.",
    "Witnesses described a loud noise from the {spot} shortly before the {time}.",
    "The {org} had inspected {thing} in {year} and found no serious fault.",
    "Shop owners on the {spot} said they lost {num} days of trade.",
)
SLOTS = {
    "time": ("night", "morning", "afternoon", "evening", "early hours"),
    "thing": (
        "the debris",
        "the main road",
        "the old quay",
        "the signal box",
        "the depot",
        "the footbridge",
        "the pumping station",
        "the warehouse roof",
    ),
    "spot": (
        "harbour",
        "market square",
        "station",
        "riverside",
        "industrial estate",
        "town hall",
        "north gate",
        "ferry terminal",
    ),
    "org": (
        "regional council",
        "fire service",
        "port authority",
        "rail operator",
        "safety board",
        "water company",
    ),
    "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
}


def story_paragraphs(n: int, words: int = 300) -> list[str]:
    """A fictional report of about ``words`` words; each ``n`` gives a different text
    (sentences drawn and filled by a generator seeded with ``n``)."""
    import random

    rng = random.Random(n)
    place = PLACES[n % len(PLACES)]
    _, what = EVENTS[(n // len(PLACES)) % len(EVENTS)]
    names = rng.sample(NAMES, 3)
    paras = [
        f"{place.upper()} - Officials in {place} said on {rng.choice(SLOTS['day'])} that "
        f"{what}, and that nobody was seriously hurt.",
        f'"We were lucky this happened when it did," said {names[0]}, who leads the '
        f'{place} emergency office. "It could have been far worse."',
    ]
    while sum(len(p.split()) for p in paras) < words:
        sentences = []
        for template in rng.sample(TEMPLATES, 3):
            fill = {k: rng.choice(v) for k, v in SLOTS.items()}
            fill.update(
                name=rng.choice(names),
                num=str(rng.randint(2, 900)),
                year=str(rng.randint(2009, 2025)),
            )
            sentences.append(template.format(**fill))
        paras.append(" ".join(sentences))
    return paras


def story_title(n: int) -> str:
    place = PLACES[n % len(PLACES)]
    headline, _ = EVENTS[(n // len(PLACES)) % len(EVENTS)]
    return f"{place}: {headline} ({n})"
