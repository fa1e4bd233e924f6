"""The story page's view: the briefing's own view (`newsdesk.brief.render.briefing_view`,
the same as the HTML briefing file's) with the web app's links and additions.

Links lead to stored documents and to the entities some stored document names; the
sources list each document's stored copies; the page has a JSON twin. The template
(``story.html``) places the briefing's shared sections (``briefing/parts.html``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsdesk.brief.render import Links, briefing_view
from newsdesk.model import Briefing
from newsdesk.web.ids import entity_id, url_key

JSON = dict[str, Any]


def document_url(doc_id: str) -> str:
    """The page of a stored document."""
    return f"/documents/{url_key(doc_id)}"


def entity_url(type_: str, name: str | None, known: set[tuple[str, str]]) -> str | None:
    """The page of an entity, when some stored document knows it by that name."""
    if not name or (type_, name) not in known:
        return None
    return f"/entities/{entity_id(type_, name)}"


def web_links(known: set[tuple[str, str]]) -> Links:
    """Links to the web app's document pages and to the entities it knows."""
    return Links(document=document_url, entity=lambda t, n: entity_url(t, n, known))


def story_page(
    briefing: Briefing,
    known: set[tuple[str, str]],
    copies: Sequence[JSON] = (),
    lead: str | None = None,
) -> JSON:
    """Everything the story page shows, from one briefing."""
    view = briefing_view(briefing, web_links(known))
    copies_of: dict[str, list[JSON]] = {}
    for copy in copies:
        copies_of.setdefault(str(copy["of"]), []).append(copy)
    for source in view["sources"]:
        source["copies"] = [
            {"outlet": c.get("outlet") or "", "title": c.get("title") or c["id"]}
            for c in copies_of.get(source["id"], [])
        ]
    return {**view, "lead": lead, "json_url": f"/stories/{url_key(briefing.story.id)}.json"}
