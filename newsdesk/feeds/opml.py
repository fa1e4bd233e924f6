"""OPML, the outline format feed readers exchange subscriptions in.

`read_opml` takes every ``<outline>`` with an ``xmlUrl`` (at any depth: folders are
flattened), parsed with entities and network access off. `write_opml` writes a flat
OPML 2.0 list of the store's feeds.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import quoteattr

from newsdesk.errors import InputError

MAX_OPML_BYTES = 10_000_000


def read_opml(data: bytes) -> list[tuple[str, str | None]]:
    """``(url, title)`` for each feed in an OPML document; `InputError` if it is not
    OPML that can be read."""
    from lxml import etree

    if len(data) > MAX_OPML_BYTES:
        raise InputError(f"OPML file too large (over {MAX_OPML_BYTES // 1_000_000} MB)")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not OPML: {exc}") from None
    if root is None or etree.QName(root).localname.lower() != "opml":
        raise InputError("not OPML: the root element is not <opml>")
    feeds: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for outline in root.iter("{*}outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url or url in seen:
            continue
        seen.add(url)
        title = (outline.get("title") or outline.get("text") or "").strip() or None
        feeds.append((url, title))
    if not feeds:
        raise InputError("no feeds in the OPML (no <outline> with an xmlUrl)")
    return feeds


def write_opml(feeds: Iterable[tuple[str, str | None]], title: str = "newsdesk feeds") -> str:
    """An OPML 2.0 document listing ``(url, title)`` feeds."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_text(title)}</title></head>",
        "  <body>",
    ]
    for url, name in feeds:
        label = quoteattr(name or url)
        lines.append(
            f'    <outline type="rss" text={label} title={label} xmlUrl={quoteattr(url)}/>'
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
