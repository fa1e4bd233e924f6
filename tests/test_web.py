"""The web app through FastAPI's TestClient: every route, its JSON twin, its errors, and
the security rules (escaping, CSP, token, hosts, read-only reads, upload limits)."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsdesk.cli import cli
from newsdesk.embed import HashingEmbedder
from newsdesk.errors import NewsdeskError
from newsdesk.store.queries import ReadOnlyStore, fts_query
from newsdesk.web import create_app, serve
from newsdesk.web.ids import entity_id, plain_id
from newsdesk.web.security import COOKIE, CSP, is_loopback, safe_next
from tests.conftest import CONTRACTS
from tests.web_helpers import (
    HOSTILE_OUTLET,
    HOSTILE_TITLE,
    check_page,
    private_copy,
    shared_store,
)

BASE = "http://127.0.0.1:8040"
TOKEN = "correct-horse-battery-staple"


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_store(tmp_path_factory)


@pytest.fixture
def fresh_db(web_store: Path, tmp_path: Path) -> Path:
    return private_copy(web_store, tmp_path)


@pytest.fixture(scope="module")
def client(web_store: Path) -> Iterator[TestClient]:
    app = create_app(str(web_store), embedder=HashingEmbedder())
    with TestClient(app, base_url=BASE) as c:
        yield c


def stories(client: TestClient, query: str = "") -> dict[str, Any]:
    response = client.get("/stories.json" + query)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def story_id(client: TestClient, word: str) -> str:
    # Leads drop the wire dateline: "GLIMMERDALE - The town of Glimmerdale…" → "The town…"
    found_ids = [s["id"] for s in stories(client)["stories"] if word.lower() in s["lead"].lower()]
    [found] = found_ids
    return str(found)


def wait_for_job(client: TestClient, url: str, timeout: float = 120.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(url).json()
        if job["done"]:
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {url} did not finish")


# -- stories -------------------------------------------------------------------------


def test_web_stories_json_lists_stories_newest_activity_first(client: TestClient) -> None:
    data = stories(client)
    assert data["count"] == 2 and data["unassigned_documents"] == 0
    seqs = [s["seq"] for s in data["stories"]]
    assert seqs == sorted(seqs, reverse=True)
    bridge = next(s for s in data["stories"] if "glimmerdale" in s["lead"].lower())
    assert bridge["documents"] == 3
    assert bridge["outlets"] == ["Lakeside Ledger", "Northfield Herald", "Ridgeway Times"]
    assert bridge["genres"] == ["report"]
    assert bridge["first_seen"].startswith("2027-03-02")
    assert bridge["last_seen"].startswith("2027-03-04")
    assert bridge["url"] == f"/stories/{bridge['id']}"


def test_web_stories_page_shows_stories_with_json_twin_and_csp(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["link"] == '</stories.json>; rel="alternate"; type="application/json"'
    text = check_page(response.text)
    assert all(s["title"] in text for s in stories(client)["stories"])
    assert "3 documents" in text and "Lakeside Ledger" in text


def test_web_search_finds_documents_with_highlighted_snippets(client: TestClient) -> None:
    data = stories(client, "?q=weld")
    hits = data["search"]["documents"]
    assert {h["id"] for h in hits} == {"ledger-bridge-closed", "herald-bridge-detour"}
    assert all(
        any(p["hit"] and p["text"].lower() == "weld" for p in h["snippet_parts"]) for h in hits
    )
    assert [s["id"] for s in data["stories"]] == [story_id(client, "GLIMMERDALE")]
    page = client.get("/?q=weld")
    assert page.status_code == 200
    assert "<mark>weld</mark>" in page.text
    check_page(page.text)


@pytest.mark.parametrize("query", ['"unclosed', "AND OR (", "NEAR(", "*", "weld) OR (x", "-"])
def test_web_search_never_fails_on_query_syntax(client: TestClient, query: str) -> None:
    response = client.get("/stories.json", params={"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["search"]["documents"], list)


def test_web_search_prefix_and_phrase() -> None:
    assert fts_query('harbour "points failed" weld*') == '"harbour" "points failed" "weld"*'
    assert fts_query('"') == ""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?outlet=Northfield%20Herald", ["GLIMMERDALE"]),
        ("?outlet=northfield%20herald", ["GLIMMERDALE"]),
        ("?outlet=Nobody%20Weekly", []),
        ("?person=Aalto", ["SUNDVIK"]),
        ("?person=brannock", ["GLIMMERDALE"]),
        ("?since=2027-05", ["SUNDVIK"]),
        ("?until=2027-03-31", ["GLIMMERDALE"]),
        ("?since=2027-03-03&until=2027-03-03", ["GLIMMERDALE"]),
        ("?since=2027-06-01", []),
        ("?q=derailed&person=Brannock", []),
    ],
)
def test_web_stories_filters(client: TestClient, query: str, expected: list[str]) -> None:
    leads = [s["lead"] for s in stories(client, query)["stories"]]
    assert len(leads) == len(expected)
    assert all(w.lower() in lead.lower() for w, lead in zip(expected, leads, strict=True))


@pytest.mark.parametrize("query", ["?since=yesterday", "?until=2027-3-1", "?q=" + "x" * 300])
def test_web_stories_bad_filters_are_400(client: TestClient, query: str) -> None:
    assert client.get("/stories.json" + query).status_code == 400
    page = client.get("/" + query)
    assert page.status_code == 400 and "error" in page.text


# -- a story -------------------------------------------------------------------------


def test_web_story_json_is_a_briefing_per_the_contract(client: TestClient) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    sid = story_id(client, "GLIMMERDALE")
    briefing = client.get(f"/stories/{sid}.json").json()
    schema = json.loads((CONTRACTS / "briefing.schema.json").read_text())
    jsonschema.validate(briefing, schema)
    assert briefing["story"]["id"] == sid
    assert "Varro" in briefing["story"]["title"]
    assert {d["id"] for d in briefing["documents"]} == {
        "ledger-bridge-closed",
        "herald-bridge-detour",
        "times-bridge-repair",
    }
    assert briefing["summary"] and all(s["citations"] for s in briefing["summary"])


def test_web_story_page_shows_each_summary_sentence_with_its_passages(client: TestClient) -> None:
    sid = story_id(client, "GLIMMERDALE")
    briefing = client.get(f"/stories/{sid}.json").json()
    response = client.get(f"/stories/{sid}")
    assert response.status_code == 200
    assert (
        response.headers["link"]
        == f'</stories/{sid}.json>; rel="alternate"; type="application/json"'
    )
    text = check_page(response.text)
    texts = {}
    for doc_id in {c["doc"] for s in briefing["summary"] for c in s["citations"]}:
        texts[doc_id] = client.get(f"/documents/{doc_id}.json").json()["text"]
    for item in briefing["summary"]:
        assert item["text"] in text
        for cite in item["citations"]:
            cited = texts[cite["doc"]][cite["start"] : cite["end"]]
            assert f"<mark>{_escaped(cited)}</mark>" in response.text
    for section in ("Who said what", "Who is who", "Timeline", "Sources"):
        assert section in text
    assert "Odile Brannock" in text and "Mayor" in text


def _escaped(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_web_story_page_lists_quotes_people_graph_and_sources(client: TestClient) -> None:
    sid = story_id(client, "GLIMMERDALE")
    html = client.get(f"/stories/{sid}").text
    assert "We will not reopen the bridge until every weld has been checked" in html
    brannock = entity_id("PERSON", "Odile Brannock")
    assert f'href="/entities/{brannock}"' in html
    assert 'href="/documents/ledger-bridge-closed"' in html
    assert html.count('class="badge genre-report"') >= 3


def test_web_briefing_is_cached_until_the_story_changes(web_store: Path) -> None:
    app = create_app(str(web_store), embedder=HashingEmbedder())
    with TestClient(app, base_url=BASE) as c:
        sid = story_id(c, "SUNDVIK")
        first = c.get(f"/stories/{sid}.json").json()
        c.get(f"/stories/{sid}")
        assert app.state.web.briefings.built == 1
        assert c.get(f"/stories/{sid}.json").json() == first


# -- documents and entities ---------------------------------------------------------------


def test_web_document_page_highlights_quotes_entities_and_dates(client: TestClient) -> None:
    record = client.get("/documents/ledger-bridge-closed.json").json()
    assert record["text"].startswith("GLIMMERDALE - The town of Glimmerdale")
    assert record["story"]["id"] == story_id(client, "GLIMMERDALE")
    assert record["quotes"] and record["entities"] and record["timeline"]
    html = client.get("/documents/ledger-bridge-closed").text
    text = check_page(html)
    assert record["text"] in text  # the whole clean text, in order
    assert re.search(r'class="hl-quote"[^>]*>“?We will not reopen', html)
    assert re.search(r'class="hl-ent hl-ent-person"[^>]*>Odile Brannock<', html)
    assert re.search(r'class="[^"]*hl-date"[^>]*>Monday<', html)
    assert re.search(r'title="[^"]*date · 2027-03-01"', html)


def test_web_entity_page_shows_roles_over_time_and_quotes(client: TestClient) -> None:
    eid = entity_id("PERSON", "Odile Brannock")
    data = client.get(f"/entities/{eid}.json").json()
    assert data["name"] == "Odile Brannock" and data["type"] == "PERSON"
    assert [r["role"] for r in data["roles"]][:2] == ["Mayor", "the mayor of Glimmerdale"]
    assert [r["date"] for r in data["roles"]] == sorted(r["date"] for r in data["roles"])
    said = [q["text"] for q in data["quotes_by"]]
    assert (
        said.count("We will not reopen the bridge until every weld has been checked,")
        + said.count("We will not reopen the bridge until every weld has been checked")
        == 2
    )
    assert [s["id"] for s in data["stories"]] == [story_id(client, "GLIMMERDALE")]
    page = client.get(f"/entities/{eid}")
    assert page.status_code == 200
    text = check_page(page.text)
    assert "Roles over time" in text and "the mayor of Glimmerdale" in text


def test_web_copy_of_a_document_redirects_to_the_original(fresh_db: Path) -> None:
    from newsdesk import app as api
    from newsdesk.model import Document

    store = api.open_store(str(fresh_db))
    original = store.get("tram-followup")
    assert original is not None
    result = store.add(Document(id="wire-copy", text=original.text, outlet="Wire"))
    store.close()
    assert result.status == "duplicate"
    with TestClient(create_app(str(fresh_db), embedder=HashingEmbedder()), base_url=BASE) as c:
        response = c.get("/documents/wire-copy", follow_redirects=False)
        assert response.status_code == 307
        assert response.headers["location"] == "/documents/tram-followup"
        copies = c.get("/documents/tram-followup.json").json()["copies"]
        assert [(x["id"], x["outlet"]) for x in copies] == [("wire-copy", "Wire")]


# -- hostile article fields -------------------------------------------------------------


def test_web_hostile_article_fields_are_escaped_everywhere(client: TestClient) -> None:
    sid = story_id(client, "SUNDVIK")
    pages = ["/", "/?q=derailed", f"/stories/{sid}", "/documents/hostile-tram", "/upload"]
    pages.append(f"/entities/{entity_id('PERSON', 'Henrik Aalto')}")
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        check_page(response.text)  # no handler, no inline script, no javascript: link
    story_text = check_page(client.get(f"/stories/{sid}").text)
    assert HOSTILE_TITLE in story_text or "Sundvik harbour tram line" in story_text
    listing = check_page(client.get("/").text)
    assert HOSTILE_TITLE in listing or HOSTILE_OUTLET in listing
    doc_html = client.get("/documents/hostile-tram").text
    doc_text = check_page(doc_html)
    assert HOSTILE_TITLE in doc_text and HOSTILE_OUTLET in doc_text
    assert "<script>alert('text')</script>" in doc_text  # shown as text…
    assert "&lt;script&gt;" in doc_html  # …because it was escaped
    assert 'href="javascript:' not in doc_html
    assert "javascript:alert(&#39;url&#39;)" in doc_html  # the url is shown, not linked


def test_web_hostile_fields_come_back_verbatim_in_json(client: TestClient) -> None:
    record = client.get("/documents/hostile-tram.json").json()
    assert record["title"] == HOSTILE_TITLE
    assert record["outlet"] == HOSTILE_OUTLET
    assert record["url"] == "javascript:alert('url')"
    response = client.get("/documents/hostile-tram.json")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"


# -- ids and errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/stories/no-such-story",
        "/stories/no-such-story.json",
        "/stories/..%2F..%2Fetc%2Fpasswd",
        "/stories/%2e%2e",
        "/documents/..%2Fnews.db",
        "/documents/%00",
        "/documents/nope.json",
        "/entities/e-000000000000",
        "/entities/Odile%20Brannock",
        "/entities/..%2F..",
        "/jobs/0123456789abcdef",
        "/jobs/..%2F.json",
        "/static/..%2F..%2Fapp.py",
        "/nothing-here",
    ],
)
def test_web_unknown_or_malformed_ids_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-security-policy"] == CSP


def test_web_errors_are_json_for_json_clients(client: TestClient) -> None:
    response = client.get("/stories/nope.json")
    assert response.json() == {"error": "no such story", "status": 404}
    page = client.get("/stories/nope")
    assert page.headers["content-type"].startswith("text/html")
    assert "no such story" in check_page(page.text)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("ledger-bridge-closed", True),
        ("s-8c64da9131", True),
        ("feed.jsonl:3", True),
        ("..", False),
        ("../etc/passwd", False),
        ("a/b", False),
        (".hidden", False),
        ("", False),
        ("x" * 201, False),
        ("with space", False),
    ],
)
def test_web_plain_ids(value: str, ok: bool) -> None:
    assert plain_id(value) is ok


# -- security ------------------------------------------------------------------------


def test_web_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for path in ["/", "/stories.json", "/static/app.js", "/static/style.css", "/nope", "/upload"]:
        response = client.get(path)
        assert response.headers["content-security-policy"] == CSP, path
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "same-origin"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP


def test_web_internal_errors_are_pages_with_the_security_headers(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk.store import queries

    def broken(*args: object) -> None:
        raise RuntimeError("<script>boom</script>")

    monkeypatch.setattr(queries, "list_stories", broken)
    page = client.get("/")
    assert page.status_code == 500
    assert page.headers["content-security-policy"] == CSP
    assert "internal error" in check_page(page.text) and "boom" not in page.text
    assert client.get("/stories.json").json() == {
        "error": "internal error: see the server log",
        "status": 500,
    }


def test_web_login_page_without_a_token_goes_home(client: TestClient) -> None:
    response = client.get("/login?next=/upload", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/upload"


def test_web_read_connections_cannot_write(web_store: Path) -> None:
    with ReadOnlyStore(web_store).connect() as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
            conn.execute("DELETE FROM documents")


def test_web_keeps_answering_while_a_writer_holds_the_store(fresh_db: Path) -> None:
    with TestClient(create_app(str(fresh_db), embedder=HashingEmbedder()), base_url=BASE) as c:
        writer = sqlite3.connect(fresh_db, isolation_level=None)
        try:
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("UPDATE stories SET title = 'changed, not committed'")
            start = time.monotonic()
            data = stories(c)
            assert time.monotonic() - start < 2.0
            assert all(s["title"] != "changed, not committed" for s in data["stories"])
            writer.execute("ROLLBACK")
        finally:
            writer.close()


def test_web_answers_only_loopback_host_names_without_a_token(client: TestClient) -> None:
    assert client.get("/", headers={"host": "localhost:8040"}).status_code == 200
    response = client.get("/stories.json", headers={"host": "attacker.example"})
    assert response.status_code == 400
    assert "unknown host" in response.json()["error"]


def test_web_refuses_cross_site_posts(client: TestClient) -> None:
    files = {"files": ("a.txt", b"Some text that is long enough to be an article.", "text/plain")}
    for headers in ({"origin": "http://attacker.example"}, {"sec-fetch-site": "cross-site"}):
        response = client.post("/upload", files=files, headers=headers)
        assert response.status_code == 403


@pytest.fixture
def token_client(web_store: Path) -> Iterator[TestClient]:
    app = create_app(str(web_store), token=TOKEN, embedder=HashingEmbedder())
    with TestClient(app, base_url="http://192.0.2.10:8040") as c:
        yield c


@pytest.mark.parametrize(
    "path", ["/", "/stories.json", "/documents/ledger-bridge-closed", "/static/app.js", "/upload"]
)
def test_web_token_required_on_every_request(token_client: TestClient, path: str) -> None:
    response = token_client.get(path)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.headers["content-security-policy"] == CSP
    wrong = token_client.get(path, headers={"authorization": "Bearer not-the-token"})
    assert wrong.status_code == 401
    right = token_client.get(path, headers={"authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 200


def test_web_token_401_is_json_for_json_and_a_login_form_for_pages(
    token_client: TestClient,
) -> None:
    assert token_client.get("/stories.json").json()["status"] == 401
    page = token_client.get("/documents/ledger-bridge-closed")
    assert 'action="/login"' in page.text and 'value="/documents/ledger-bridge-closed"' in page.text
    assert "Glimmerdale" not in page.text


def test_web_login_sets_an_httponly_cookie(token_client: TestClient) -> None:
    bad = token_client.post("/login", data={"token": "guess", "next": "/"})
    assert bad.status_code == 401 and COOKIE not in bad.cookies
    good = token_client.post(
        "/login", data={"token": TOKEN, "next": "/stories.json"}, follow_redirects=False
    )
    assert good.status_code == 303 and good.headers["location"] == "/stories.json"
    cookie = good.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    assert TOKEN not in cookie
    assert token_client.get("/stories.json").status_code == 200  # the cookie is sent back
    token_client.cookies.clear()
    token_client.cookies.set(COOKIE, "forged")
    assert token_client.get("/stories.json").status_code == 401


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/stories/x", "/stories/x"),
        ("//attacker.example/", "/"),
        ("/\\attacker.example", "/"),
        ("https://attacker.example", "/"),
        ("javascript:alert(1)", "/"),
        (None, "/"),
    ],
)
def test_web_login_goes_only_to_local_paths(target: str | None, expected: str) -> None:
    assert safe_next(target) == expected


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.3.2.1", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_web_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_web_serve_refuses_open_addresses_without_a_token_and_missing_stores(
    web_store: Path, tmp_path: Path
) -> None:
    with pytest.raises(NewsdeskError, match="without --token"):
        serve(str(web_store), host="0.0.0.0")
    with pytest.raises(NewsdeskError, match="at least 16"):
        serve(str(web_store), host="0.0.0.0", token="short")
    with pytest.raises(NewsdeskError, match="no store at"):
        serve(str(tmp_path / "missing.db"))
    result = CliRunner().invoke(cli, ["serve", "--db", str(web_store), "--host", "10.0.0.1"])
    assert result.exit_code != 0 and "without --token" in result.output


# -- adding articles ---------------------------------------------------------------------

ARTICLE = (
    "MOSSBY - A fire destroyed the old grain mill in Mossby on Friday night, the Mossby fire "
    "service said. Nobody was hurt.\n\n"
    '"The roof was gone within twenty minutes," said fire chief Ilse Varga.'
)


def test_web_upload_runs_in_the_background_and_refuses_bad_files(fresh_db: Path) -> None:
    app = create_app(str(fresh_db), embedder=HashingEmbedder())
    with TestClient(app, base_url=BASE) as c:
        files = [
            ("files", ("mossby-mill-fire.txt", ARTICLE.encode(), "text/plain")),
            ("files", ("report.pdf", b"%PDF-1.4", "application/pdf")),
            ("files", ("../../escape.html", b"", "text/html")),
            ("files", ("huge.txt", b"x" * 5_000_001, "text/plain")),
            (
                "files",
                (
                    "feed.jsonl",
                    b'{"id": "ok-line", "text": "'
                    + ARTICLE.encode().replace(b"\n", b" ").replace(b'"', b"'")
                    + b'"}\n{broken\n',
                    "text/plain",
                ),
            ),
        ]
        response = c.post("/upload", files=files, headers={"accept": "application/json"})
        assert response.status_code == 202, response.text
        job = response.json()
        by_name = {f["name"]: f for f in job["files"]}
        assert by_name["mossby-mill-fire.txt"]["status"] == "accepted"
        assert "unsupported file type '.pdf'" in by_name["report.pdf"]["reason"]
        assert by_name["escape.html"]["reason"] == "empty file"  # folders dropped from names
        assert "5 MB limit" in by_name["huge.txt"]["reason"]
        done = wait_for_job(c, f"/jobs/{job['id']}.json")
        assert done["state"] == "done", done
        statuses = {r["source"].split(":")[0]: r["status"] for r in done["results"]}
        results = {(r["id"], r["status"]) for r in done["results"]}
        assert ("mossby-mill-fire", "added") in results
        assert statuses["feed.jsonl"] in ("added", "refused", "duplicate")
        refused = [r for r in done["results"] if r["status"] == "refused"]
        assert any("feed.jsonl:2" in r["source"] for r in refused), refused
        assert all("newsdesk-upload" not in r["message"] for r in done["results"])
        added = next(r for r in done["results"] if r["id"] == "mossby-mill-fire")
        assert added["story_url"] and added["url"] == "/documents/mossby-mill-fire"
        assert (
            c.get(added["story_url"] + ".json").json()["documents"][0]["id"] == "mossby-mill-fire"
        )
        assert any("grain mill" in s["title"] for s in stories(c)["stories"])
        page = c.get(f"/jobs/{job['id']}")
        text = check_page(page.text)
        assert "unsupported file type" in text and "mossby-mill-fire" in text
        assert c.get("/jobs.json").json()["jobs"][0]["id"] == job["id"]


def test_web_upload_form_redirects_to_its_job_page(fresh_db: Path) -> None:
    with TestClient(create_app(str(fresh_db), embedder=HashingEmbedder()), base_url=BASE) as c:
        response = c.post(
            "/upload",
            data={
                "title": "Mill fire in <b>Mossby</b>",
                "outlet": "Mossby Gazette",
                "text": ARTICLE,
            },
            follow_redirects=False,
        )
        assert response.status_code == 303
        job_url = response.headers["location"]
        assert re.fullmatch(r"/jobs/[0-9a-f]{16}", job_url)
        done = wait_for_job(c, job_url + ".json")
        [result] = done["results"]
        assert result["status"] == "added" and result["id"].startswith("Mill-fire-in-b-Mossby-b-")
        record = c.get(result["url"] + ".json").json()
        assert (
            record["title"] == "Mill fire in <b>Mossby</b>" and record["outlet"] == "Mossby Gazette"
        )
        assert "Mill fire in &lt;b&gt;Mossby&lt;/b&gt;" in c.get(result["url"]).text


def test_web_upload_limits(client: TestClient) -> None:
    too_big = client.post(
        "/upload",
        content=b"x",
        headers={"content-type": "multipart/form-data; boundary=x", "content-length": "20000001"},
    )
    assert too_big.status_code == 413 and "too large" in too_big.text
    nothing = client.post("/upload", data={"text": "   "}, headers={"accept": "application/json"})
    assert nothing.status_code == 400 and "nothing to add" in nothing.json()["error"]
    garbage = client.post(
        "/upload",
        content=b"--x\r\nnot a part",
        headers={"content-type": "multipart/form-data; boundary=x"},
    )
    assert garbage.status_code in (400, 422)
