"""The login form: trades the token for an HttpOnly session cookie."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from newsdesk.web.security import COOKIE, LOGIN_PATH, safe_next, session_value
from newsdesk.web.state import web_state

router = APIRouter()


@router.get(LOGIN_PATH)
def login_form(request: Request) -> Response:
    target = safe_next(request.query_params.get("next"))
    if web_state(request).guard.token is None:  # nothing to log in to
        return RedirectResponse(target, status_code=303)
    data = {"status": 200, "message": "", "next": target}
    return web_state(request).renderer.page("login.html", data)


@router.post(LOGIN_PATH)
async def login(request: Request) -> Response:
    state = web_state(request)
    async with request.form(max_files=0, max_fields=4, max_part_size=4096) as form:
        given = str(form.get("token") or "")
        target = safe_next(str(form.get("next") or "/"))
    if not state.guard.token_matches(given):
        data = {"status": 401, "message": "wrong token", "next": target}
        return state.renderer.page("login.html", data, status=401)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        COOKIE,
        session_value(given),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response
