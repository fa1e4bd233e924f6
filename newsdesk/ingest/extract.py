"""HTML page to article: main text and metadata, boilerplate removed.

Wraps trafilatura (the seam: `extract_html`). On top of its extraction, lines that are
recognisably not article text are dropped: "read more" and related-article links, photo
credits and captions, sharing and subscription prompts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.errors import InputError
from newsdesk.ingest.clean import paragraphs_text

_LINK_LINE = re.compile(
    r"^\W*(read more|read next|more on this|related( articles?| stories| coverage| reading)?|"
    r"see also|also read|recommended|most read|trending|click here|sign up|subscribe|"
    r"advertisement|sponsored|share (this|on)|follow us|newsletter|"
    r"(do you|got a) (have a )?(story|tip)|contact us|tips?:)\b",
    re.IGNORECASE,
)
_CREDIT = r"(photo(graph)?s?|pictures?|images?|credit|video|illustration)\s*(by\b|:|/|credit)"
_CREDIT_LINE = re.compile(rf"^\W*{_CREDIT}", re.IGNORECASE)
_TRAILING_CREDIT = re.compile(rf"[\(\[]\s*{_CREDIT}[^\)\]]*[\)\]]\s*$", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_SHORT_CREDIT = re.compile(r"^[\w .'\-]{2,60}/[\w .'\-]{2,60}$")
_STAMP_LINE = re.compile(r"^\W*(last )?(updated|published|posted|modified)\b", re.IGNORECASE)


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
    """True for a line that is navigation, a link teaser, a photo caption/credit or a
    time stamp."""
    stripped = line.strip()
    if not stripped:
        return True
    if _LINK_LINE.match(stripped) and len(stripped.split()) <= 25:
        return True
    if _EMAIL.search(stripped) and len(stripped.split()) <= 25:
        return True  # "Email news@… or call the newsdesk": a prompt, not the story
    if _CREDIT_LINE.match(stripped) and len(stripped.split()) <= 15:
        return True
    if _STAMP_LINE.match(stripped) and len(stripped.split()) <= 8:
        return True  # "· Updated 19:05 UTC": a time stamp left from the dateline
    if _TRAILING_CREDIT.search(stripped):
        return True  # a caption ending in its credit: "Rescuers at the pier. (Photo: A/B)"
    return bool(_SHORT_CREDIT.match(stripped) and len(stripped.split()) <= 6)


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
