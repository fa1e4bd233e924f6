"""Who may talk to the server, and the headers every answer carries.

- Binding: loopback by default; any other address only with a token (`check_bind`).
- Token: with one, every request (pages, JSON, static files) needs it, as
  ``Authorization: Bearer TOKEN`` or as the HttpOnly session cookie the login form sets
  (the cookie holds an HMAC of the token, not the token); 401 otherwise.
- Host: without a token the server answers only to loopback host names, so a web page
  elsewhere cannot reach it by DNS rebinding. The header is parsed strictly (`host_name`):
  a name or bracketed IPv6 address, then at most a numeric port; anything else (user
  info, paths, two ports) is an unknown host.
- Cross-site writes: a POST whose ``Origin`` (or ``Sec-Fetch-Site``) says another site
  sent it is refused (403).
- Headers: a strict Content-Security-Policy (scripts, styles and images from this server
  only; no inline script or style, no frames, forms post only here), ``nosniff``, no
  referrer to other sites (a "no-referrer" policy would make browsers send
  ``Origin: null`` on our own form posts), no framing.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import re
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from newsdesk.errors import NewsdeskError

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
COOKIE = "newsdesk_session"
LOGIN_PATH = "/login"
MIN_TOKEN_CHARS = 16
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
_HOST = re.compile(r"(?P<name>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::[0-9]{1,5})?")
_SAFE_NEXT = re.compile(r"/(?![/\\])[A-Za-z0-9._~!$&'()*+,;=:@/%?-]*")

log = logging.getLogger("newsdesk.web")

Next = Callable[[Request], Awaitable[Response]]
Deny = Callable[[Request, int, str], Response]


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str | None:
    """The host name of a ``Host`` header (lower case), or None when the header is not
    exactly ``name`` or ``name:port``."""
    found = _HOST.fullmatch(header)
    return found.group("name").lower() if found else None


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond loopback without a token, or with a short one."""
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise NewsdeskError(
            f"--token must be at least {MIN_TOKEN_CHARS} characters "
            '(e.g. --token "$(openssl rand -hex 16)")'
        )
    if not is_loopback(host) and token is None:
        raise NewsdeskError(
            f"refusing to listen on {host} without --token: anyone who can reach it could "
            "read and add articles; give --token, or keep the default 127.0.0.1"
        )


def session_value(token: str) -> str:
    """What the session cookie holds for ``token`` (an HMAC, so the cookie is not it)."""
    return hmac.new(token.encode(), b"newsdesk session", hashlib.sha256).hexdigest()


def safe_next(target: str | None) -> str:
    """A local path to go to after logging in (anything else becomes ``/``)."""
    if target and _SAFE_NEXT.fullmatch(target):
        return target
    return "/"


class Guard:
    """The checks each request passes before it reaches a page."""

    def __init__(self, token: str | None, loopback_only: bool) -> None:
        self.token = token
        self.loopback_only = loopback_only

    def host_ok(self, request: Request) -> bool:
        """Without a token, only loopback host names (no DNS rebinding)."""
        if not self.loopback_only:
            return True
        return host_name(request.headers.get("host", "")) in LOOPBACK_NAMES

    def authorised(self, request: Request) -> bool:
        """True without a token; with one, when the request carries it."""
        if self.token is None:
            return True
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(
            given.strip().encode(), self.token.encode()
        ):
            return True
        cookie = request.cookies.get(COOKIE, "")
        return hmac.compare_digest(cookie.encode(), session_value(self.token).encode())

    def token_matches(self, given: str) -> bool:
        """The login form's check."""
        return self.token is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def same_origin(self, request: Request) -> bool:
        """False for a state-changing request that another site sent."""
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return False
        origin = request.headers.get("origin")
        if origin is None:
            return True
        return origin == f"{request.url.scheme}://{request.headers.get('host', '')}"

    async def __call__(self, request: Request, call_next: Next, deny: Deny) -> Response:
        """Run the checks, then the page; add the security headers to every answer."""
        if not self.host_ok(request):
            response = deny(request, 400, "unknown host: use http://127.0.0.1 or localhost")
        elif request.url.path != LOGIN_PATH and not self.authorised(request):
            response = deny(request, 401, "a token is needed: log in, or send a bearer token")
            response.headers["WWW-Authenticate"] = 'Bearer realm="newsdesk"'
        elif not self.same_origin(request):
            response = deny(request, 403, "cross-site request refused")
        else:
            try:
                response = await call_next(request)
            except Exception:  # answered as a page with the headers, not a bare 500
                log.exception("error answering %s %s", request.method, request.url.path)
                response = deny(request, 500, "internal error: see the server log")
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
