"""HTML page to article: main text and metadata, boilerplate removed.

Wraps trafilatura (the seam: `extract_html`). On top of its extraction, lines that are
recognisably not article text are dropped: "read more" and related-article links, photo
credits and captions, sharing and subscription prompts.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.errors import InputError
from newsdesk.ingest.clean import paragraphs_text
from newsdesk.layout import line_kind

# Kinds of furniture line dropped when a page is read; the rest stays in the stored text
# and is marked as non-body (`newsdesk.layout.nonbody_regions`).
DROPPED_LINES = frozenset({"navigation", "prompt", "credit", "stamp", "caption"})


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
    from trafilatura import bare_extraction

    result = bare_extraction(
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
    if result is None:
        raise InputError("no article text found in the HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    lines = [ln for ln in str(data.get("text") or "").split("\n") if not is_boilerplate_line(ln)]
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


def _clean_field(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
