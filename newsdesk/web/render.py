"""Answers as HTML (Jinja2 templates, autoescaped) or JSON, and error pages.

Datasette's habit: every page has a JSON twin with the same data, announced in a
``Link: <…json>; rel="alternate"`` header. Templates only place what the views computed.
The environment is the briefing's (`newsdesk.brief.render.template_environment`): the
story page and `newsdesk brief --format html` share the templates of ``briefing/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.encoders import jsonable_encoder
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from newsdesk.brief.render import template_environment

STATIC = Path(__file__).parent / "static"


class Renderer:
    """The template environment (autoescape on, undefined names are errors)."""

    def __init__(self, token_required: bool = False) -> None:
        self.env = template_environment()
        self.env.globals["token_required"] = token_required

    def page(
        self,
        template: str,
        data: dict[str, Any],
        status: int = 200,
        json_url: str | None = None,
    ) -> HTMLResponse:
        """A rendered page; ``json_url`` names its JSON twin."""
        html = self.env.get_template(template).render(json_url=json_url, **data)
        response = HTMLResponse(html, status_code=status)
        if json_url:
            response.headers["Link"] = f'<{json_url}>; rel="alternate"; type="application/json"'
        return response

    def error(self, request: Request, status: int, message: str) -> Response:
        """An error as JSON (for .json paths and JSON clients) or as a page."""
        if wants_json(request):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        template = "login.html" if status == 401 else "error.html"
        data = {"status": status, "message": message, "next": request.url.path}
        return self.page(template, data, status=status)


def wants_json(request: Request) -> bool:
    """True for ``.json`` paths and for clients that ask for JSON rather than HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def json(data: Any, status: int = 200) -> JSONResponse:
    """A JSON answer."""
    return JSONResponse(jsonable_encoder(data), status_code=status)
