"""HTML page to article: main text and metadata, boilerplate removed.

Wraps trafilatura (the seam: `extract_html`). On top of its extraction, lines that are
recognisably not article text are dropped: "read more" and related-article links, photo
credits and captions, sharing and subscription prompts, and lines made (almost) only of
the page's link texts: a navigation-only page holds no article and is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsdesk.errors import InputError
from newsdesk.ingest.clean import paragraphs_text
from newsdesk.layout import line_kind

# Kinds of furniture line dropped when a page is read; the rest stays in the stored text
# and is marked as non-body (`newsdesk.layout.nonbody_regions`).
DROPPED_LINES = frozenset({"navigation", "prompt", "credit", "stamp", "caption"})
# A line whose non-space characters are at least this share link text is navigation.
LINK_LINE_SHARE = 0.9
_MIN_LINK_CHARS = 2


@dataclass(frozen=True, slots=True)
class Page:
    """What an HTML page holds: clean text and the metadata found in it."""

    text: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None


def is_boilerplate_line(line: str) -> bool:
    """True for an empty line or one that is navigation, a link teaser, a photo
    caption/credit or a time stamp (`newsdesk.layout.line_kind`)."""
    return not line.strip() or line_kind(line) in DROPPED_LINES


def extract_html(html: str, url: str | None = None) -> Page:
    """Extract an article from a page; raise `InputError` when it holds no article text."""
    from lxml.etree import LxmlError
    from trafilatura import bare_extraction

    try:
        result = _bare(bare_extraction, html, url)
    except (LxmlError, ValueError, RecursionError) as exc:
        raise InputError(f"cannot parse the HTML: {type(exc).__name__}") from None
    if result is None:
        raise InputError("no article text found in the HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    links = _link_pattern(html)
    lines = [
        ln
        for ln in str(data.get("text") or "").split("\n")
        if not is_boilerplate_line(ln) and not _mostly_links(ln, links)
    ]
    text = paragraphs_text(lines)
    if not text:
        raise InputError("no article text found in the HTML")
    return Page(
        text=text,
        title=_clean_field(data.get("title")),
        outlet=_clean_field(data.get("sitename")),
        author=_clean_field(data.get("author")),
        published=_clean_field(data.get("date")),
        url=_clean_field(data.get("url")) or url,
    )


def _bare(bare_extraction: Any, html: str, url: str | None) -> Any:
    return bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        # Take the date the page states (metadata, <time>), never a guess from loose
        # text; and accept any date, not only those up to today's.
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "max_date": "2999-12-31",
            "outputformat": "%Y-%m-%d",
        },
    )


def _link_pattern(html: str) -> re.Pattern[str] | None:
    """A pattern matching the text of any link on the page (spaces removed), longest
    first; None when the page has no links (or cannot be parsed for them)."""
    from lxml import html as lxml_html
    from lxml.etree import LxmlError

    try:
        root = lxml_html.fromstring(html)
    except (LxmlError, ValueError):
        return None
    texts = {_compact(a.text_content()) for a in root.iter("a")}
    texts = {t for t in texts if len(t) >= _MIN_LINK_CHARS}
    if not texts:
        return None
    return re.compile("|".join(re.escape(t) for t in sorted(texts, key=len, reverse=True)))


def _mostly_links(line: str, links: re.Pattern[str] | None) -> bool:
    """True when the line is (almost) nothing but link texts: a menu, a list of links."""
    if links is None:
        return False
    compact = _compact(line)
    if not compact:
        return False
    covered = sum(len(m) for m in links.findall(compact))
    return covered >= LINK_LINE_SHARE * len(compact)


def _compact(text: str) -> str:
    return "".join(text.split())


def _clean_field(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
