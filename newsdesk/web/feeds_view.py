"""The Feeds and Alerts pages, each with its JSON twin; forms to add and remove.

Pages read through read-only connections (the SQL is `newsdesk.store.feeds` and
`newsdesk.store.alerts`); the forms write through the ingest worker, the store's one
writer. With ``serve --watch`` the page says so, and shows the last round.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import RedirectResponse, Response

from newsdesk.errors import InputError
from newsdesk.store import queries
from newsdesk.store.alerts import SQLiteAlerts
from newsdesk.store.feeds import SQLiteFeeds
from newsdesk.web.entity_view import story_url
from newsdesk.web.render import json, wants_json
from newsdesk.web.state import web_state
from newsdesk.web.story_view import document_url

router = APIRouter()
JSON = dict[str, Any]
MAX_FIELD_CHARS = 2000


def feeds_data(request: Request) -> JSON:
    """The Feeds page: every feed with its status, recent entries, the watcher's state."""
    state = web_state(request)
    with state.db.connect() as conn:
        store = SQLiteFeeds(conn)
        rows = store.rows()
        items = store.items(limit=30)
    names = {f.url: f.name for f in rows}
    feeds = []
    for row in rows:
        record = row.to_dict()
        record["failing"] = row.errors > 0
        feeds.append(record)
    recent = [
        {
            "feed": item.feed_url,
            "feed_title": names.get(item.feed_url),
            "title": item.title,
            "link": item.link,
            "state": item.state,
            "outcome": item.outcome,
            "content": item.content,
            "reason": item.reason,
            "document_url": document_url(item.doc_id) if item.outcome in _STORED else None,
        }
        for item in items
    ]
    watch = state.watch
    last = watch.last_round if watch else None
    return {
        "feeds": feeds,
        "count": len(feeds),
        "failing": sum(1 for f in feeds if f["failing"]),
        "recent_items": recent,
        "watching": watch is not None,
        "last_round": {
            "feeds": len(last.feeds),
            "seconds": round(last.seconds, 1),
            "added": last.total("added"),
            "failed": len(last.failed),
        }
        if last
        else None,
    }


_STORED = ("added", "duplicate", "unchanged")


@router.get("/feeds.json")
def feeds_json(request: Request) -> Response:
    return json(feeds_data(request))


@router.get("/feeds")
def feeds_html(request: Request) -> Response:
    data = feeds_data(request)
    return web_state(request).renderer.page("feeds.html", data, json_url="/feeds.json")


async def _fields(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    async with request.form(max_files=0, max_fields=10, max_part_size=10_000) as form:
        values = {n: str(form.get(n) or "").strip() for n in names}
    for name, value in values.items():
        if len(value) > MAX_FIELD_CHARS:
            raise HTTPException(400, f"{name} is too long (at most {MAX_FIELD_CHARS} characters)")
    return values


def _done(request: Request, target: str, result: JSON, status: int = 200) -> Response:
    if wants_json(request):
        return json(result, status=status)
    return RedirectResponse(target, status_code=303)


@router.post("/feeds")
async def add_feed(request: Request) -> Response:
    from newsdesk.feeds.manage import add_feed as add

    fields = await _fields(request, ("url", "title"))
    state = web_state(request)
    try:
        added = state.worker.call(lambda s: add(s, fields["url"], fields["title"] or None))
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    if state.watch is not None:
        state.watch.wake()
    return _done(request, "/feeds", {"url": fields["url"], "added": added}, 201 if added else 200)


@router.post("/feeds/remove")
async def remove_feed(request: Request) -> Response:
    from newsdesk.feeds.manage import remove_feed as remove

    fields = await _fields(request, ("url",))
    removed = web_state(request).worker.call(lambda s: remove(s, fields["url"]))
    if not removed:
        raise HTTPException(404, "no such feed")
    return _done(request, "/feeds", {"url": fields["url"], "removed": True})


def alerts_data(request: Request) -> JSON:
    """The Alerts page: saved alerts and their latest hits."""
    with web_state(request).db.connect() as conn:
        store = SQLiteAlerts(conn)
        alerts = [a.to_dict() for a in store.rows()]
        hits = [h.to_dict() for h in store.hits(limit=100)]
        titles = queries.story_titles(conn, {h["story"] for h in hits if h["story"]})
    for hit in hits:
        hit["document_url"] = document_url(hit["document"]) if hit["document"] else None
        hit["story_url"] = story_url(hit["story"]) if hit["story"] else None
        hit["story_title"] = titles.get(hit["story"])
    return {"alerts": alerts, "hits": hits, "count": len(alerts)}


@router.get("/alerts.json")
def alerts_json(request: Request) -> Response:
    return json(alerts_data(request))


@router.get("/alerts")
def alerts_html(request: Request) -> Response:
    data = alerts_data(request)
    return web_state(request).renderer.page("alerts.html", data, json_url="/alerts.json")


@router.post("/alerts")
async def add_alert(request: Request) -> Response:
    from newsdesk.feeds.manage import add_alert as add

    fields = await _fields(request, ("query", "person", "webhook"))
    try:
        alert_id = web_state(request).worker.call(
            lambda s: add(
                s, fields["query"] or None, fields["person"] or None, fields["webhook"] or None
            )
        )
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    return _done(request, "/alerts", {"id": alert_id}, 201)


@router.post("/alerts/remove")
async def remove_alert(request: Request) -> Response:
    from newsdesk.feeds.manage import remove_alert as remove

    fields = await _fields(request, ("id",))
    if not fields["id"].isdigit():
        raise HTTPException(400, "id must be a number")
    removed = web_state(request).worker.call(lambda s: remove(s, int(fields["id"])))
    if not removed:
        raise HTTPException(404, "no such alert")
    return _done(request, "/alerts", {"id": int(fields["id"]), "removed": True})
