"""HTML page to article: main text and metadata, boilerplate removed.

Wraps trafilatura (the seam: `extract_html`). On top of its extraction, lines that are
recognisably not article text are dropped:

- furniture lines by their shape (`newsdesk.layout.line_kind`): "read more" and related
  links, photo credits and captions, copyright lines, sharing, follow and subscription
  prompts, date-and-time stamps, bare web addresses;
- lines (almost) made of the page's link texts, a list of story teasers (items that open
  with a headline-long link) and the heading of a block of links;
- text found only inside furniture elements of the page: figure captions, header, aside,
  nav and footer, and elements whose class or id names a caption, credit, newsletter,
  promotion, related-links list, share bar or sidebar;
- the headline repeated atop the text (it is the page's title), and headings left at the
  end with nothing under them.

Bylines, contributor lines, datelines and embedded posts stay in the stored text and are
marked as non-body (`newsdesk.layout.nonbody_regions`). A navigation-only page holds no
article and is refused.
"""

from __future__ import annotations

import copy
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
LINK_LINE_SHARE = 0.8
_MIN_LINK_CHARS = 2
# Elements that hold no article text: captions and page furniture, by tag and by the words
# of their class or id, as content management systems name them ("wp-caption-text",
# "newsletter-signup", "related-links", "share-bar", "right-rail").
FURNITURE_TAGS = frozenset({"figcaption", "header", "aside", "nav", "footer"})
FURNITURE_CLASSES = frozenset(
    "caption credit credits newsletter newsletters promo subscribe subscription related "
    "recirc share sharing social cta sidebar rail".split()
)
FURNITURE_MAX_SHARE = 0.5  # of the extracted text: a larger element is a wrapper
# A line of at most this many words, just before a line of links, is that block's heading.
LINK_HEADING_MAX_WORDS = 5
LINK_HEADING_MIN_LINKS = 3
# A list of story teasers: items opening with a link of a headline's length (spaces not
# counted; a person's name is shorter), at least three in a row.
LIST_ITEM = "- "  # how the extraction writes a list item
HEADLINE_LINK_MIN_CHARS = 20
TEASER_LIST_MIN_ITEMS = 3


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
    title = _clean_field(data.get("title"))
    root = _tree(html)
    links = _link_pattern(root)
    lines = [ln for ln in str(data.get("text") or "").split("\n") if ln.strip()]
    furniture = _FurnitureText.of(root, len(str(data.get("text") or "")))
    dropped = [
        is_boilerplate_line(ln) or _mostly_links(ln, links) or furniture.holds(ln) for ln in lines
    ]
    _drop_teaser_lists(lines, dropped, links)
    _drop_link_headings(lines, dropped)
    kept = [ln for ln, drop in zip(lines, dropped, strict=True) if not drop]
    if kept and _is_headline(kept[0], title, root):
        kept = kept[1:]  # the headline is the title, not body text
    headings = _heading_texts(root)
    while kept and _words(kept[-1]) and _words(kept[-1]) in headings:
        kept.pop()  # a heading at the end heads nothing of the article
    text = paragraphs_text(kept)
    if not text:
        raise InputError("no article text found in the HTML")
    return Page(
        text=text,
        title=title,
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


def _tree(html: str) -> Any:
    """The page's element tree, or None when it cannot be parsed."""
    from lxml import html as lxml_html
    from lxml.etree import LxmlError

    try:
        return lxml_html.fromstring(html)
    except (LxmlError, ValueError):
        return None


def _link_pattern(root: Any) -> re.Pattern[str] | None:
    """A pattern matching the text of any link on the page (spaces removed), longest
    first; None when the page has no links (or cannot be parsed for them)."""
    if root is None:
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


@dataclass(frozen=True, slots=True)
class _FurnitureText:
    """The text of a page's furniture elements (`FURNITURE_TAGS`, `FURNITURE_CLASSES`),
    and the text of the page without them, both with spaces removed."""

    inside: str
    outside: str

    @classmethod
    def of(cls, root: Any, extracted_chars: int) -> _FurnitureText:
        if root is None:
            return cls("", "")
        body = root.find("body")
        page = copy.deepcopy(body if body is not None else root)
        for hidden in [el for el in page.iter(*_NOT_TEXT)]:
            hidden.drop_tree()  # script data repeats the page's text
        found = [el for el in page.iter() if isinstance(el.tag, str) and _is_furniture(el)]
        texts = []
        for el in found:
            if el.getparent() is None:
                continue
            text = _compact(el.text_content())
            # An element holding most of the article is a wrapper, whatever its name says.
            if len(text) > FURNITURE_MAX_SHARE * extracted_chars:
                continue
            texts.append(text)
            el.drop_tree()
        return cls("\x00".join(texts), _compact(page.text_content()))

    def holds(self, line: str) -> bool:
        """Whether the line's text is found in furniture elements only."""
        compact = _compact(line)
        return (
            len(compact) >= _MIN_LINK_CHARS
            and compact in self.inside
            and compact not in self.outside
        )


def _is_furniture(element: Any) -> bool:
    if element.tag in FURNITURE_TAGS:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return any(token.lower() in FURNITURE_CLASSES for token in _NAME_TOKEN.findall(names))


_NOT_TEXT = ("script", "style", "noscript", "template")
_NAME_TOKEN = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _drop_teaser_lists(
    lines: list[str], dropped: list[bool], links: re.Pattern[str] | None
) -> None:
    """Drop a list of story teasers: at least three consecutive list items ("- …") that
    each open with a link as long as a headline, the rest of the item its blurb."""
    if links is None:
        return
    teaser = [_opens_with_headline_link(ln, links) for ln in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and teaser[j]:
            j += 1
        if j - i >= TEASER_LIST_MIN_ITEMS:
            dropped[i:j] = [True] * (j - i)
        i = max(j, i + 1)


def _opens_with_headline_link(line: str, links: re.Pattern[str]) -> bool:
    if not line.startswith(LIST_ITEM):
        return False
    found = links.match(_compact(line[len(LIST_ITEM) :]))
    return found is not None and len(found.group()) >= HEADLINE_LINK_MIN_CHARS


def _drop_link_headings(lines: list[str], dropped: list[bool]) -> None:
    """Drop the heading of a block of links: a short line ("Most read", "More:") followed
    by at least three lines dropped as links or navigation."""
    for i, line in enumerate(lines):
        run = 0
        while i + 1 + run < len(lines) and dropped[i + 1 + run]:
            run += 1
        if dropped[i] or run < LINK_HEADING_MIN_LINKS or not any(c.isalpha() for c in line):
            continue
        if len(line.split()) <= LINK_HEADING_MAX_WORDS and line.rstrip()[-1:] not in '.!?"”':
            dropped[i] = True


def _is_headline(line: str, title: str | None, root: Any) -> bool:
    """Whether ``line`` is the page's headline: the same words as its title (or one part
    of a title such as "Headline | Outlet") or as one of its top-level headings."""
    words = _words(line)
    if not words:
        return False
    candidates = [title or ""]
    candidates += _TITLE_PARTS.split(title or "")
    if root is not None:
        candidates += [h.text_content() for h in root.iter("h1")]
    return any(_words(c) == words for c in candidates)


def _heading_texts(root: Any) -> list[list[str]]:
    """The words of each heading element (h1-h6) on the page."""
    if root is None:
        return []
    return [words for h in root.iter(*_HEADINGS) if (words := _words(h.text_content()))]


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TITLE_PARTS = re.compile(r"\s+[|\-\u2013\u2014:]\s+")
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _compact(text: str) -> str:
    return "".join(text.split())


def _clean_field(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
