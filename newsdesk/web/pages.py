"""The reading pages, each with its JSON twin: stories, a story, an entity, a document."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import RedirectResponse, Response

from newsdesk.model import Briefing, Document, Story
from newsdesk.store import queries
from newsdesk.web.document_view import document_page
from newsdesk.web.entity_view import entity_page, story_url
from newsdesk.web.ids import entity_id, id_from_key, url_key, valid_date, valid_entity_id
from newsdesk.web.render import json
from newsdesk.web.state import web_state
from newsdesk.web.story_view import document_url, story_page

router = APIRouter()
JSON = dict[str, Any]
MAX_PARAM_CHARS = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _param(request: Request, name: str) -> str:
    value = request.query_params.get(name, "").strip()
    if len(value) > MAX_PARAM_CHARS:
        raise HTTPException(400, f"{name} is too long (at most {MAX_PARAM_CHARS} characters)")
    if _CONTROL.search(value):
        raise HTTPException(400, f"{name} must not hold control characters")
    return value


def _filters(request: Request) -> queries.StoryFilters:
    filters = queries.StoryFilters(
        q=_param(request, "q"),
        outlet=_param(request, "outlet"),
        person=_param(request, "person"),
        since=_param(request, "since"),
        until=_param(request, "until"),
    )
    for name in ("since", "until"):
        value = getattr(filters, name)
        if value and not valid_date(value):
            raise HTTPException(400, f"{name} must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
    return filters


def _snippet_parts(snippet: str) -> list[JSON]:
    parts: list[JSON] = []
    for piece in snippet.split(queries.HIT_START):
        hit, _, rest = piece.rpartition(queries.HIT_END)
        if hit:
            parts.append({"text": hit, "hit": True})
        if rest:
            parts.append({"text": rest, "hit": False})
    return parts


def stories_data(request: Request) -> JSON:
    """The stories page: stories newest activity first, filtered; search hits."""
    filters = _filters(request)
    with web_state(request).db.connect() as conn:
        stories = queries.list_stories(conn, filters)
        hits = queries.search_documents(conn, filters.q) if filters.q else None
        unassigned = queries.unassigned_count(conn)
        outlets = queries.outlets(conn)
        titles = queries.story_titles(conn, {h["story"] for h in hits or [] if h["story"]})
    for story in stories:
        story["url"] = story_url(story["id"])
        story["json_url"] = f"{story['url']}.json"
    search = None
    if hits is not None:
        for hit in hits:
            raw = hit.pop("snippet") or ""
            hit["snippet_parts"] = _snippet_parts(raw)
            hit["snippet"] = "".join(p["text"] for p in hit["snippet_parts"])
            hit["url"] = document_url(hit["id"])
            hit["story_url"] = story_url(hit["story"])
            hit["story_title"] = titles.get(hit["story"] or "")
        search = {"query": filters.q, "documents": hits}
    return {
        "stories": stories,
        "count": len(stories),
        "activity": max((int(s["seq"]) for s in stories), default=0),
        "filters": filters.to_dict(),
        "search": search,
        "unassigned_documents": unassigned,
        "outlets": outlets,
    }


@router.get("/stories.json")
def stories_json(request: Request) -> Response:
    return json(stories_data(request))


@router.get("/")
def stories_html(request: Request) -> Response:
    data = stories_data(request)
    query = request.url.query
    json_url = "/stories.json" + (f"?{query}" if query else "")
    return web_state(request).renderer.page("stories.html", data, json_url=json_url)


def _briefing(request: Request, key: str) -> tuple[Briefing, JSON]:
    story_id = id_from_key(key)
    if story_id is None:
        raise HTTPException(404, "no such story")
    state = web_state(request)
    with state.db.connect() as conn:
        row = queries.story(conn, story_id)
        if row is None:
            raise HTTPException(404, "no such story")
        story = Story(id=row["id"], title=row["title"])

        def documents() -> list[Document]:
            docs = queries.story_documents(conn, story_id)
            if not docs:
                raise HTTPException(404, "this story has no documents")
            return docs

        briefing = state.briefings.get(story, int(row["seq"]), documents)
    return briefing, row


@router.get("/stories/{key}.json")
def story_json(request: Request, key: str) -> Response:
    briefing, _ = _briefing(request, key)
    return json(briefing.to_dict())


@router.get("/stories/{key}")
def story_html(request: Request, key: str) -> Response:
    briefing, row = _briefing(request, key)
    state = web_state(request)
    with state.db.connect() as conn:
        known = queries.entity_keys(conn)
        copies = queries.copies(conn, [d.id for d in briefing.documents])
    data = story_page(briefing, known, copies, lead=row["lead"])
    return state.renderer.page("story.html", {"story": data}, json_url=data["json_url"])


def entity_data(request: Request, eid: str) -> JSON:
    """The entity page: one person or organisation across stories."""
    if not valid_entity_id(eid):
        raise HTTPException(404, "no such entity")
    with web_state(request).db.connect() as conn:
        keys = {entity_id(t, n): (t, n) for t, n in queries.entity_keys(conn)}
        if eid not in keys:
            raise HTTPException(404, "no such entity")
        type_, name = keys[eid]
        mentioned = queries.documents_with_entity(conn, type_, name)
        quoting = queries.documents_quoting(conn, name)
        story_ids = {s for _, s in [*mentioned, *quoting] if s}
        titles = queries.story_titles(conn, story_ids)
    return entity_page(type_, name, mentioned, quoting, titles)


@router.get("/entities/{eid}.json")
def entity_json(request: Request, eid: str) -> Response:
    return json(entity_data(request, eid))


@router.get("/entities/{eid}")
def entity_html(request: Request, eid: str) -> Response:
    data = entity_data(request, eid)
    return web_state(request).renderer.page(
        "entity.html", {"entity": data}, json_url=f"/entities/{eid}.json"
    )


def document_data(request: Request, key: str) -> tuple[JSON, JSON] | str:
    """The document as JSON and as the page's view; or the id it is a copy of."""
    doc_id = id_from_key(key)
    if doc_id is None:
        raise HTTPException(404, "no such document")
    with web_state(request).db.connect() as conn:
        found = queries.document(conn, doc_id)
        if found is None:
            original = queries.copy_of(conn, doc_id)
            if original is not None:
                return original
            raise HTTPException(404, "no such document")
        doc, story_id = found
        story = queries.story(conn, story_id) if story_id else None
        copies = queries.copies(conn, [doc.id])
        known = queries.entity_keys(conn)
    story_ref = None
    if story is not None:
        story_ref = {"id": story["id"], "title": story["title"], "url": story_url(story["id"])}
    record = doc.to_dict(include_text=True)
    record["story_label"] = record.pop("story", None)  # the label the input gave
    record.update(story=story_ref, copies=copies)  # the story newsdesk assigned
    return record, document_page(doc, story_ref, copies, known)


def _copy_redirect(original: str, suffix: str = "") -> Response:
    return RedirectResponse(f"/documents/{url_key(original)}{suffix}", status_code=307)


@router.get("/documents/{key}.json")
def document_json(request: Request, key: str) -> Response:
    found = document_data(request, key)
    if isinstance(found, str):
        return _copy_redirect(found, ".json")
    return json(found[0])


@router.get("/documents/{key}")
def document_html(request: Request, key: str) -> Response:
    found = document_data(request, key)
    if isinstance(found, str):
        return _copy_redirect(found)
    return web_state(request).renderer.page(
        "document.html", {"doc": found[1]}, json_url=f"/documents/{key}.json"
    )
