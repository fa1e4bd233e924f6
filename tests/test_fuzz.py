"""Property-based tests (hypothesis) over the whole input surface (issue 14): the readers
and the clean-up, the command line, and the web app's query parameters and uploads.

The properties: a reader never raises; each item is a document or a refusal naming its
input and a reason; a document's id follows the id rule and its text is clean, so every
offset indexes the stored text; every good item is stored exactly once; the command line
exits 0, 1 or 2 with no traceback; the web app never answers 5xx. Budgets here are small
(a few seconds a test); `bench/fuzz.py` runs the long, coverage-guided campaign. Examples
hypothesis or the fuzzer found are pinned with ``@example``.
"""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsdesk import app as api
from newsdesk.cli import cli
from newsdesk.embed import HashingEmbedder
from newsdesk.ids import MAX_ID_CHARS, id_problem
from newsdesk.ingest.clean import clean_text
from newsdesk.ingest.read import read_inputs, read_jsonl_lines
from newsdesk.model import Document, Refusal
from newsdesk.settings import Settings
from newsdesk.store.queries import fts_query
from newsdesk.store.sqlite import SQLiteStore
from newsdesk.web import create_app
from newsdesk.web.ids import id_from_key, url_key
from tests.conftest import WIRE

FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SUFFIXES = [".txt", ".html", ".htm", ".jsonl"]
Item = Document | Refusal

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
FIELDS = ["id", "text", "html", "title", "outlet", "published", "url", "story", "author"]
article_like = st.dictionaries(st.sampled_from(FIELDS), json_values | st.text(), max_size=6)


def check_item(item: Item, name: str) -> None:
    """The reader properties for one item read from the input called ``name``."""
    if isinstance(item, Refusal):
        assert item.source.startswith(name) and item.reason.strip()
        assert "Traceback" not in item.reason
        return
    assert id_problem(item.id) is None
    assert item.text and clean_text(item.text) == item.text
    assert unicodedata.is_normalized("NFC", item.text)
    item.text.encode("utf-8")  # storable: no lone surrogate
    for value in (item.title, item.outlet, item.author, item.url, item.published, item.story):
        assert value is None or isinstance(value, str)


def read_file(tmp_path: Path, suffix: str, data: bytes) -> list[Item]:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    items = list(read_inputs([str(path)], Settings(max_document_bytes=50_000)))
    for item in items:
        check_item(item, str(path))
    return items


# -- readers and clean-up ---------------------------------------------------------------


@FAST
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=2_000))
@example(suffix=".jsonl", data=b"[" * 5_000)
@example(suffix=".jsonl", data=b"1" * 5_000)
@example(suffix=".jsonl", data=b'{"id": "a\\ud800", "text": "x"}')
@example(suffix=".txt", data=b"\xff\xfe\x00\xd8")  # UTF-16 BOM, then a lone surrogate
@example(suffix=".html", data=b"<a>L</a>" * 300)
def test_fuzz_any_bytes_in_any_file_kind(tmp_path: Path, suffix: str, data: bytes) -> None:
    read_file(tmp_path, suffix, data)


@FAST
@given(suffix=st.sampled_from([".txt", ".html"]), text=st.text(max_size=1_500))
def test_fuzz_any_text_in_text_and_html_files(tmp_path: Path, suffix: str, text: str) -> None:
    read_file(tmp_path, suffix, text.encode("utf-8", "surrogatepass"))


@FAST
@given(lines=st.lists(article_like | json_values, max_size=8))
def test_fuzz_any_json_lines_on_stdin(lines: list[Any]) -> None:
    raw = "\n".join(json.dumps(v) for v in lines).encode()
    items = list(read_jsonl_lines(io.BytesIO(raw), "<stdin>", Settings()))
    assert len(items) <= len(lines)
    for item in items:
        check_item(item, "<stdin>")


@FAST
@given(text=st.text())
@example(text="a\x00b\u2028c\r\n\r\n\r\nd\u200b")
def test_fuzz_clean_text_is_idempotent_and_leaves_no_control_characters(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in cleaned)


good_docs = st.lists(
    st.tuples(
        st.text(min_size=1, max_size=40).filter(lambda s: id_problem(s.strip()) is None),
        st.lists(st.sampled_from(WIRE.split()), min_size=30, max_size=60),
    ),
    max_size=6,
    unique_by=lambda pair: pair[0].strip(),
)


@settings(max_examples=25, deadline=None)
@given(good=good_docs, bad=st.lists(json_values, max_size=6), data=st.data())
def test_fuzz_every_good_item_is_stored_exactly_once(
    good: list[tuple[str, list[str]]], bad: list[Any], data: st.DataObject
) -> None:
    rows = [json.dumps({"id": i, "text": " ".join(words)}) for i, words in good]
    rows += [json.dumps(v) for v in bad]
    order = data.draw(st.permutations(rows))
    items = list(read_jsonl_lines(io.BytesIO("\n".join(order).encode()), "feed", Settings()))
    with SQLiteStore(":memory:") as store:
        results = list(api.ingest(items, store, assign=False))
        good_ids = {i.strip() for i, _ in good}
        stored = {r.id for r in results if r.status in ("added", "duplicate")}
        assert good_ids <= stored | {r.id for r in results if r.status == "unchanged"}
        kept = store.count() + len(store.copies())
        assert kept == len({r.id for r in results if r.status in ("added", "duplicate")})
        for doc in store.documents():
            assert id_problem(doc.id) is None


# -- the command line -------------------------------------------------------------------


@settings(max_examples=15, deadline=None)
@given(data=st.binary(max_size=1_000) | st.text(max_size=300).map(str.encode))
@example(data=b'{"id": "\\u0000", "text": "x"}\n[[[[[[[[\n')
def test_fuzz_cli_ingest_stdin_exits_0_1_or_2_without_traceback(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "n.db")
        result = CliRunner().invoke(
            cli, ["ingest", "-", "--db", db, "--no-annotate", "--no-stories", "-q"], input=data
        )
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


# -- web app -----------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80))
@example(text="a\x00b")
@example(text='"unbalanced " quote* * NEAR( AND')
def test_fuzz_fts_query_is_never_a_syntax_error(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5 (body, tokenize='porter unicode61')")
    conn.execute("INSERT INTO t VALUES ('the harbour ferry struck a wall')")
    query = fts_query(text)
    if query:
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()


@settings(max_examples=300, deadline=None)
@given(value=st.text(min_size=1, max_size=MAX_ID_CHARS))
@example(value="report.json")
@example(value="..")
def test_fuzz_every_valid_id_has_one_url_key(value: str) -> None:
    if id_problem(value) is not None:
        return
    key = url_key(value)
    assert id_from_key(key) == value
    assert key not in (".", "..") and all(c.isascii() and c.isprintable() for c in key)
    assert not set(key) & set("/%?# ") and not key.endswith(".json")


class Passthrough:
    """A pipeline that annotates nothing (upload handling is what is fuzzed here)."""

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        return iter(list(docs))


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("fuzzweb") / "n.db"
    with SQLiteStore(db) as store:
        list(api.ingest([Document(id="wire", text=WIRE)], store, embedder=HashingEmbedder()))
    app = create_app(str(db), embedder=HashingEmbedder())
    app.state.web.worker._factory = Passthrough
    with TestClient(app, base_url="http://127.0.0.1:8040") as c:
        yield c


PARAMS = ["q", "outlet", "person", "since", "until"]


@FAST
@given(params=st.dictionaries(st.sampled_from(PARAMS), st.text(max_size=250), max_size=5))
@example(params={"q": "\x00"})
@example(params={"q": "a\x00b", "since": "2026-13-99"})
@example(params={"q": "*", "person": "%_\\"})
def test_fuzz_query_parameters_never_give_5xx(client: TestClient, params: dict[str, str]) -> None:
    for path in ("/", "/stories.json"):
        response = client.get(path, params=params)
        assert response.status_code in (200, 400), (params, response.text[:300])


@settings(max_examples=25, deadline=None)
@given(
    paths=st.lists(
        st.text(max_size=60).map(lambda t: t.replace("/", "")),
        min_size=1,
        max_size=3,
    )
)
def test_fuzz_any_path_under_a_page_never_gives_5xx(client: TestClient, paths: list[str]) -> None:
    for kind in ("documents", "stories", "entities", "jobs"):
        for part in paths:
            response = client.get(f"/{kind}/{quote(part, safe='')}")
            assert response.status_code < 500, (kind, part)


@settings(max_examples=20, deadline=None)
@given(
    files=st.lists(
        st.tuples(
            st.text(max_size=30),
            st.sampled_from(SUFFIXES + [".pdf", ""]),
            st.binary(max_size=1_500) | st.text(max_size=400).map(str.encode),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_fuzz_uploads_never_give_5xx_and_every_job_finishes(
    client: TestClient, files: list[tuple[str, str, bytes]]
) -> None:
    parts = [("files", (n + suffix, body, "text/plain")) for n, suffix, body in files]
    response = client.post("/upload", files=parts, headers={"accept": "application/json"})
    assert response.status_code in (202, 400), response.text[:300]
    if response.status_code != 202:
        return
    url = f"/jobs/{response.json()['id']}.json"
    for _ in range(1_000):
        job = client.get(url).json()
        if job["done"]:
            break
        time.sleep(0.05)
    assert job["state"] == "done", job
    for result in job["results"]:
        assert result["status"] != "refused" or result["reason"]
