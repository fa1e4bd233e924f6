"""Feed documents to entries: RSS 0.9x/1.0 (RDF)/2.0 and Atom through feedparser, JSON
Feed read here; and what makes two entries the same.

feedparser gets the bytes (never a URL: it has no timeout) with the response headers,
so it can read the declared encoding. Its traps are handled here: an HTML page or any
other non-feed parses "successfully" as an empty feed of no version, which is an error;
a "bozo" feed that still yields entries is read (encoding overrides and loose XML are
common and harmless); one that yields none is an error naming feedparser's complaint
(a well-formed feed with no entries is fine);
input that makes feedparser raise is an error too. Dates more than a day in the future
are dropped (``published_parsed`` can be wrong).

Two entries are the same when their guid (within a feed), their link with tracking
parameters removed (`canonical_link`), or their content hash matches.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from newsdesk.errors import InputError, MissingDependency
from newsdesk.ingest.clean import clean_text

# Query parameters that only track where a reader came from.
TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "at_", "ga_")
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "_ga",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "rss",
        "ref",
        "cmpid",
        "ncid",
        "sr_share",
        "wt_mc",
        "at_medium",
        "at_campaign",
        "xtor",
        "spm",
    }
)
MAX_TITLE_CHARS = 500
_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
    "pre",
)
_JSON_FEED = re.compile(r"^https?://jsonfeed\.org/version/")


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry, as the watcher needs it."""

    guid: str | None
    link: str | None  # canonical: tracking parameters and fragment removed
    title: str | None
    published: datetime | None
    html: str  # the entry's own content (or summary), as the feed gave it

    @property
    def hash(self) -> str:
        """The content hash: title and text of the entry (its guid or link when it has
        neither)."""
        basis = "\n".join(filter(None, [self.title, html_text(self.html)]))
        basis = basis or self.guid or self.link or ""
        return hashlib.sha256(" ".join(basis.split()).lower().encode()).hexdigest()

    def to_json(self) -> str:
        return json.dumps(
            {
                "guid": self.guid,
                "link": self.link,
                "title": self.title,
                "published": self.published.isoformat() if self.published else None,
                "html": self.html,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Entry:
        data = json.loads(text)
        published = data.get("published")
        return cls(
            guid=data.get("guid"),
            link=data.get("link"),
            title=data.get("title"),
            published=datetime.fromisoformat(published) if published else None,
            html=data.get("html") or "",
        )


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What a feed document holds."""

    format: str  # feedparser's version ('rss20', 'atom10', 'rss10', ...) or 'json1'
    title: str | None
    site_url: str | None
    ttl: float | None  # minutes (RSS <ttl>)
    entries: tuple[Entry, ...]
    warning: str | None = None  # feedparser's bozo complaint, when it still read entries


def canonical_link(url: str | None, base: str | None = None) -> str | None:
    """``url`` made absolute, its scheme and host lower case, default port, fragment and
    tracking parameters (``utm_*``, ``fbclid``, ...) removed; None for a non-http(s) URL."""
    if not url or not url.strip():
        return None
    url = urljoin(base or "", url.strip())
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}[parts.scheme.lower()]
    netloc = host if port in (None, default) else f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not (k.lower() in TRACKING_PARAMS or k.lower().startswith(TRACKING_PREFIXES))
    ]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))


def html_text(html: str) -> str:
    """The text of an HTML fragment (scripts and styles dropped), as clean text."""
    if not html or "<" not in html and "&" not in html:
        return clean_text(html or "")
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.LxmlError, ValueError):
        return clean_text(re.sub(r"<[^>]*>", " ", html))
    for bad in list(root.iter("script", "style", "noscript", "iframe", "object")):
        bad.drop_tree()
    for block in root.iter(*_BLOCK_TAGS):
        block.tail = "\n\n" + (block.tail or "")
    return clean_text(root.text_content())


def parse_feed(body: bytes, headers: Mapping[str, str], url: str) -> ParsedFeed:
    """The feed in ``body``; `InputError` when it is not a feed that can be read."""
    if not body.strip():
        raise InputError("empty response: no feed")
    ctype = headers.get("content-type", "").lower()
    if "json" in ctype or body.lstrip()[:1] == b"{":
        return _json_feed(body, url)
    try:
        import feedparser
    except ImportError as exc:  # pragma: no cover - the feeds extra is missing
        raise MissingDependency("feedparser", "feeds") from exc
    try:
        result = feedparser.parse(body, response_headers=dict(headers), sanitize_html=True)
    except Exception as exc:  # feedparser raises on some malformed input
        raise InputError(f"cannot parse the feed: {type(exc).__name__}: {exc}"[:300]) from None
    problem = result.get("bozo_exception") if result.get("bozo") else None
    entries = [e for e in (_entry(raw, url) for raw in result.entries) if e is not None]
    version = result.get("version") or ""
    if not version and not entries:
        looks_html = re.search(rb"<html|<!doctype html", body[:2048], re.IGNORECASE)
        what = "an HTML page, not a feed" if looks_html else "not a feed"
        detail = f" ({_complaint(problem)})" if problem and not looks_html else ""
        raise InputError(what + detail)
    if problem and not entries:
        raise InputError(f"malformed feed: {_complaint(problem)}")
    feed = result.get("feed", {})
    warning = _complaint(problem) if problem else None
    return ParsedFeed(
        format=version or "unknown",
        title=_text(feed.get("title"), html=_is_html(feed.get("title_detail"))),
        site_url=canonical_link(feed.get("link"), url),
        ttl=_number(feed.get("ttl")),
        entries=tuple(entries),
        warning=warning,
    )


def _complaint(problem: object) -> str:
    return f"{type(problem).__name__}: {problem}"[:300]


def _entry(raw: Mapping[str, Any], base: str) -> Entry | None:
    link = canonical_link(raw.get("link"), base)
    guid = _text(raw.get("id"), html=False)
    title = _text(raw.get("title"), html=_is_html(raw.get("title_detail")))
    contents = raw.get("content") or []
    html = ""
    if contents:
        html = max((str(c.get("value") or "") for c in contents), key=len)
    if not html:
        html = str(raw.get("summary") or "")
    if not (link or guid or title or html.strip()):
        return None
    parsed = raw.get("published_parsed") or raw.get("updated_parsed")
    published = None
    if parsed:
        try:
            y, mo, d, h, mi, sec = (int(v) for v in parsed[:6])
            published = datetime(y, mo, d, h, mi, min(sec, 59), tzinfo=UTC)
        except (TypeError, ValueError):
            published = None
    return Entry(guid, link, title, _plausible(published), html)


def _plausible(moment: datetime | None) -> datetime | None:
    """The date in UTC to the second; None when it lies over a day in the future."""
    if moment is None:
        return None
    moment = moment.astimezone(UTC).replace(microsecond=0)
    return None if moment > datetime.now(UTC) + timedelta(days=1) else moment


def _json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(f"not a JSON Feed: invalid JSON ({type(exc).__name__})") from None
    if not isinstance(data, dict) or not _JSON_FEED.match(str(data.get("version", ""))):
        raise InputError("not a feed: JSON without a jsonfeed.org version")
    items = data.get("items")
    if not isinstance(items, list):
        raise InputError("not a JSON Feed: 'items' is not a list")
    entries: list[Entry] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        html = item.get("content_html") or item.get("summary") or ""
        if not html and isinstance(item.get("content_text"), str):
            html = "".join(f"<p>{_escape(p)}</p>" for p in item["content_text"].split("\n\n"))
        link = canonical_link(_str(item.get("url")) or _str(item.get("external_url")), url)
        published = _iso_date(item.get("date_published") or item.get("date_modified"))
        guid = _text(item.get("id")) if item.get("id") is not None else None
        title = _text(item.get("title"))  # JSON Feed titles are plain text
        if link or guid or title or html:
            entries.append(Entry(guid, link, title, _plausible(published), str(html)))
    return ParsedFeed(
        format="json1",
        title=_text(data.get("title")),
        site_url=canonical_link(_str(data.get("home_page_url")), url),
        ttl=None,
        entries=tuple(entries),
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _text(value: object, html: bool = False) -> str | None:
    """A title or id as one clean line: markup removed when the feed says the field is
    HTML, else kept as the literal text it is."""
    if value is None:
        return None
    text = html_text(str(value)) if html else str(value)
    text = " ".join(text.split())[:MAX_TITLE_CHARS]
    return text or None


def _is_html(detail: object) -> bool:
    """Whether feedparser's ``*_detail`` says the field holds HTML."""
    kind = detail.get("type", "") if isinstance(detail, Mapping) else ""
    return "html" in str(kind)


def _number(value: object) -> float | None:
    try:
        number = float(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _iso_date(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
