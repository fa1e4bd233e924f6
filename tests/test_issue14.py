"""Regression tests for issue 14: the twelve ways an outside probe crashed, hung, lost work
or slipped through. Each test is named after its item; all data is written here."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsdesk import app as api
from newsdesk.annotate.nlp import SpacyBackend, pieces
from newsdesk.cli import cli
from newsdesk.embed import HashingEmbedder
from newsdesk.ids import MAX_ID_CHARS, id_problem
from newsdesk.ingest.extract import extract_html
from newsdesk.ingest.read import read_inputs
from newsdesk.model import Document, Refusal
from newsdesk.settings import Settings
from newsdesk.store.base import AddResult
from newsdesk.store.schema import MIGRATIONS, _statements
from newsdesk.store.sqlite import SQLiteStore
from newsdesk.web import create_app
from newsdesk.web.ids import id_from_key, url_key
from newsdesk.web.security import host_name
from tests.conftest import WIRE

BASE = "http://127.0.0.1:8040"
TEXT = "The harbour board of Quillmouth met on Tuesday to discuss the new ferry timetable."


def read_all(*inputs: str, settings: Settings | None = None) -> list[Document | Refusal]:
    return list(read_inputs(inputs, settings or Settings()))


def line(**fields: Any) -> str:
    return json.dumps(fields)  # ensure_ascii: a lone surrogate is written as "\ud800"


def finishes(work: Callable[[], object], limit: float = 120.0) -> object:
    """Run ``work`` in a thread and return its result; fail (not hang) if it never ends."""
    out: list[object] = []
    worker = threading.Thread(target=lambda: out.append(work()), daemon=True)
    worker.start()
    worker.join(limit)
    assert not worker.is_alive(), "still running: it hangs"
    return out[0]


# 1 -----------------------------------------------------------------------------------


def test_issue14_01_lone_surrogate_is_refused_and_the_batch_goes_on(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [
        line(id="good-1", text=TEXT),
        line(id="bad\ud800id", text=TEXT),
        line(id="bad-text", text=TEXT + "\ud800"),
        line(id="bad-title", text=TEXT, title="\udfff"),
        line(id="good-2", text=TEXT.replace("Tuesday", "Wednesday")),
    ]
    feed.write_text("\n".join(rows) + "\n", encoding="ascii")
    items = read_all(str(feed))
    assert [i.id for i in items if isinstance(i, Document)] == ["good-1", "good-2"]
    refused = [i for i in items if isinstance(i, Refusal)]
    assert [r.source for r in refused] == [f"{feed}:2", f"{feed}:3", f"{feed}:4"]
    assert all("lone surrogate" in r.reason for r in refused), refused
    db = tmp_path / "n.db"
    result = CliRunner().invoke(
        cli, ["ingest", str(feed), "--db", str(db), "--no-annotate", "--no-stories"]
    )
    assert result.exit_code == 1, result.output
    assert "added 2" in result.stdout and "refused 3" in result.stdout


# 2 -----------------------------------------------------------------------------------


def test_issue14_02_deep_json_nesting_and_huge_numbers_are_refused(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "[" * 100_000 + "\n" + "1" * 5000 + "\n" + line(id="ok", text=TEXT) + "\n",
        encoding="ascii",
    )
    items = read_all(str(feed))
    assert isinstance(items[-1], Document) and items[-1].id == "ok"
    first, second = items[0], items[1]
    assert isinstance(first, Refusal) and "nested too deeply" in first.reason
    assert isinstance(second, Refusal) and "invalid JSON" in second.reason


# 3 -----------------------------------------------------------------------------------


def test_issue14_03_pieces_join_back_and_end_at_paragraphs() -> None:
    text = "\n\n".join([WIRE] * 40)
    cut = pieces(text, 2_000)
    assert "".join(cut) == text
    assert all(len(p) <= 2_000 for p in cut)
    assert all(p.endswith("\n\n") for p in cut[:-1])
    assert pieces("word " * 1_000, 2_000) == ["word " * 400, "word " * 400, "word " * 200]


def test_issue14_03_a_long_run_without_spaces_is_cut_into_short_pieces() -> None:
    # spaCy's tokenizer is quadratic in such a run: 20,000 commas took 106 s in one piece.
    text = "Intro line.\n\n" + ".,;!?" * 1_000 + " end"
    cut = pieces(text, 2_000, run=100)
    assert "".join(cut) == text
    assert cut[0] == "Intro line.\n\n" and cut[-1] == " end"
    assert all(len(p) == 100 for p in cut[1:-1])


@pytest.mark.slow
def test_issue14_03_text_longer_than_spacy_max_length_is_parsed_in_pieces() -> None:
    backend = SpacyBackend()
    saved = backend.nlp.max_length
    backend.nlp.max_length = 1_500  # stands for spaCy's 1,000,000 (E088)
    text = "\n\n".join([WIRE] * 12)
    try:
        assert len(text) > 3 * backend.nlp.max_length
        short, long = backend.parse(["A short note about Quillmouth.", text])
    finally:
        backend.nlp.max_length = saved  # the model is shared by the whole test session
    assert short.text == "A short note about Quillmouth."
    assert long.text == text
    names = [(e.text, e.start_char) for e in long.ents if e.text == "Inga Solberg"]
    assert len(names) == 12
    assert all(text[s : s + len("Inga Solberg")] == "Inga Solberg" for _, s in names)


class Exploding:
    """A pipeline that fails on any document whose text says EXPLODE."""

    def __init__(self, inner: Callable[[Iterable[Document]], Iterator[Document]] | None) -> None:
        self.inner = inner

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        docs = list(docs)
        if any("EXPLODE" in d.text for d in docs):
            raise ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000.")
        return iter(docs) if self.inner is None else self.inner(docs)


def test_issue14_03_one_document_the_pipeline_fails_on_never_fails_the_batch(
    tmp_path: Path,
) -> None:
    docs = [
        Document(id="a", text=TEXT, source="a.txt"),
        Document(id="boom", text=TEXT + " EXPLODE", source="boom.txt"),
        Document(id="c", text=WIRE, source="c.txt"),
    ]
    with SQLiteStore(tmp_path / "n.db") as store:
        results = list(api.ingest(docs, store, Exploding(None), assign=False))
        assert [r.status for r in results] == ["added", "refused", "added"]
        assert "cannot be annotated: ValueError: [E088]" in (results[1].reason or "")
        assert store.count() == 2
    annotated = list(api.annotate(docs, Exploding(None)))
    assert [type(i).__name__ for i in annotated] == ["Document", "Refusal", "Document"]


# 4 -----------------------------------------------------------------------------------


def test_issue14_04_ingest_reports_each_refusal_as_it_happens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crashing_ingest(*args: Any, **kwargs: Any) -> Iterator[AddResult]:
        yield AddResult("refused", "bad", "bad.txt", reason="empty file")
        raise RuntimeError("the machine fell over")

    (tmp_path / "bad.txt").write_text("")
    monkeypatch.setattr(api, "ingest", crashing_ingest)
    result = CliRunner().invoke(
        cli, ["ingest", str(tmp_path / "bad.txt"), "--db", str(tmp_path / "n.db")]
    )
    assert isinstance(result.exception, RuntimeError)
    assert "refused: bad.txt: empty file" in result.stderr


# 5 -----------------------------------------------------------------------------------


def test_issue14_05_rerun_gives_a_story_to_documents_a_killed_run_left_without(
    tmp_path: Path,
) -> None:
    docs = [
        Document(id="ferry-1", text=WIRE, outlet="Meridian Wire"),
        Document(id="board-1", text=TEXT, outlet="Quillmouth Courier"),
    ]
    embedder = HashingEmbedder()
    with SQLiteStore(tmp_path / "n.db") as store:
        # What a kill between storing and story assignment leaves behind.
        list(api.ingest(docs, store, assign=False))
        assert store.stories.unassigned() == ["ferry-1", "board-1"]
        results = list(api.ingest(docs, store, embedder=embedder))
        assert [r.status for r in results] == ["unchanged", "unchanged"]
        assert store.stories.unassigned() == []
        assert all(r.story for r in results)


# 6 -----------------------------------------------------------------------------------


def test_issue14_06_a_writer_opening_a_new_store_waits_for_the_migration(
    tmp_path: Path,
) -> None:
    path = tmp_path / "new.db"
    first = sqlite3.connect(path, isolation_level=None)
    first.execute("PRAGMA journal_mode=WAL")
    first.execute("BEGIN IMMEDIATE")  # another process has started migrating
    opened: list[object] = []

    def second() -> None:
        try:
            SQLiteStore(path).close()
            opened.append("ok")
        except Exception as exc:  # the race: "table documents already exists"
            opened.append(exc)

    thread = threading.Thread(target=second)
    thread.start()
    time.sleep(0.5)  # let it read the version and queue for the write lock
    for number, script in enumerate(MIGRATIONS, start=1):
        for statement in _statements(script):
            first.execute(statement)
        first.execute(f"PRAGMA user_version = {number}")
    first.execute("COMMIT")
    first.close()
    thread.join(60)
    assert opened == ["ok"], opened


def test_issue14_06_concurrent_stores_on_a_new_file_never_fail(tmp_path: Path) -> None:
    errors: list[Exception] = []
    for trial in range(3):
        path = tmp_path / f"race-{trial}.db"
        start = threading.Barrier(4)

        def open_and_add(n: int, path: Path = path, start: threading.Barrier = start) -> None:
            start.wait()
            try:
                with SQLiteStore(path) as store:
                    store.add(Document(id=f"d{n}", text=f"{TEXT} Item {n}."))
            except Exception as exc:
                errors.append(exc)

        threads = [threading.Thread(target=open_and_add, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert errors == []
        with SQLiteStore(path) as store:
            assert store.count() == 4 and store.schema_version == len(MIGRATIONS)


# 7, 8, 11, 12: the web app ------------------------------------------------------------

ODD_IDS = ["../../etc/passwd", "a/b/c", "report.json", "with space", "..", ".", "Ünïcode ☃", "~x"]
ODD_TEXTS = [
    "Quillmouth council approved a new bus lane along the harbour road on Monday.",
    "A storm closed the Brindle ferry terminal for six hours, the port authority said.",
    "The Marrow Valley library reopened after a two-year renovation funded by residents.",
    "Farmers near Oskeby reported the earliest apple harvest in forty years.",
    "Two climbers were rescued from the Hallow Peak ridge late on Saturday night.",
    "The Tansy Rovers beat Glimmer Athletic three goals to one in the cup final.",
    "A shipment of rare orchids was seized at Corvel airport by customs officers.",
    "Schools in Pellam will start an hour later from September, the board decided.",
]


@pytest.fixture(scope="module")
def odd_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("odd") / "n.db"
    docs = [
        Document(id=doc_id, text=text, title=f"Odd {n}", outlet="Quillmouth Post")
        for n, (doc_id, text) in enumerate(zip(ODD_IDS, ODD_TEXTS, strict=True))
    ]
    docs.append(Document(id="odd-copy/1", text=docs[0].text, outlet="Quillmouth Wire"))
    with SQLiteStore(db) as store:
        statuses = [r.status for r in api.ingest(docs, store, embedder=HashingEmbedder())]
    assert statuses == ["added"] * len(ODD_IDS) + ["duplicate"]
    return db


@pytest.fixture(scope="module")
def odd_client(odd_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(odd_store), embedder=HashingEmbedder()), base_url=BASE) as c:
        yield c


@pytest.mark.parametrize("query", ["/?q=%00", "/stories.json?q=a%00b", "/?outlet=x%00"])
def test_issue14_07_nul_in_a_query_is_a_400_with_a_message(
    odd_client: TestClient, query: str
) -> None:
    response = odd_client.get(query, headers={"accept": "application/json"})
    assert response.status_code == 400
    assert "control characters" in response.json()["error"]


def test_issue14_08_one_bad_file_in_an_upload_never_fails_the_others(
    odd_store: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(odd_store.read_bytes())
    app = create_app(str(db), embedder=HashingEmbedder())
    app.state.web.worker._factory = lambda: Exploding(None)
    files = [
        ("files", (f"{name}.txt", body.encode(), "text/plain"))
        for name, body in [
            ("one", WIRE),
            ("two", TEXT + " EXPLODE"),
            ("three", TEXT.replace("Tuesday", "Friday")),
            ("four", "Dock workers in Quillmouth walked out at dawn over pay."),
        ]
    ]
    with TestClient(app, base_url=BASE) as c:
        response = c.post("/upload", files=files, headers={"accept": "application/json"})
        url = f"/jobs/{response.json()['id']}.json"
        job: dict[str, Any] = {"done": False}
        for _ in range(600):
            job = c.get(url).json()
            if job["done"]:
                break
            time.sleep(0.2)
    assert job["state"] == "done", job
    statuses = {r["id"]: r["status"] for r in job["results"]}
    assert statuses == {"one": "added", "two": "refused", "three": "added", "four": "added"}


def test_issue14_11_every_stored_id_has_a_working_page(odd_client: TestClient) -> None:
    for doc_id in ODD_IDS:
        key = url_key(doc_id)
        assert id_from_key(key) == doc_id
        page = odd_client.get(f"/documents/{key}")
        assert page.status_code == 200, (doc_id, page.text)
        record = odd_client.get(f"/documents/{key}.json").json()
        assert record["id"] == doc_id and record["story"]["url"]
    first = odd_client.get(f"/documents/{url_key(ODD_IDS[0])}.json").json()
    story = odd_client.get(first["story"]["url"])
    assert story.status_code == 200
    copy = odd_client.get(f"/documents/{url_key('odd-copy/1')}.json")
    assert copy.json()["id"] == ODD_IDS[0]  # a recorded copy redirects to its original
    listed = odd_client.get("/stories.json?q=the").json()["search"]["documents"]
    assert len(listed) >= 4
    for hit in listed:
        assert odd_client.get(hit["url"]).status_code == 200


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("ok-id", None),
        ("../../etc/passwd", None),
        ("a/b/c", None),
        ("", "empty id"),
        ("   ", "empty id"),
        ("a\x00b", "control character (U+0000"),
        ("a\nb", "control character (U+000A"),
        ("a\u2028b", "control character (U+2028"),
        ("a\ud800b", "control character (U+D800"),
        ("x" * (MAX_ID_CHARS + 1), "id too long"),
        ("x" * 1_000_000, "id too long"),
    ],
)
def test_issue14_11_id_rule(value: str, problem: str | None) -> None:
    found = id_problem(value)
    assert found is None if problem is None else problem in (found or "")


def test_issue14_11_bad_ids_are_refused_by_every_reader_and_by_the_store(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(line(id=i, text=TEXT) for i in ["a\x00b", "a\nb", "x" * 1_000_000, "ok/1"]) + "\n"
    )
    (tmp_path / "new\nline.txt").write_text(WIRE)
    items = read_all(str(feed), str(tmp_path / "new\nline.txt"))
    assert [type(i).__name__ for i in items] == ["Refusal"] * 3 + ["Document", "Refusal"]
    assert all("id" in i.reason for i in items if isinstance(i, Refusal))
    with SQLiteStore(tmp_path / "n.db") as store:
        result = store.add(Document(id="tab\there", text=TEXT))
        assert result.status == "refused" and "control character" in (result.reason or "")
        assert store.count() == 0


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("127.0.0.1:8040", "127.0.0.1"),
        ("localhost", "localhost"),
        ("[::1]:8040", "[::1]"),
        ("127.0.0.1:1@evil.com", None),
        ("127.0.0.1@evil.com", None),
        ("127.0.0.1:80:80", None),
        ("127.0.0.1/evil", None),
        ("", None),
    ],
)
def test_issue14_12_host_header_is_parsed_strictly(header: str, name: str | None) -> None:
    assert host_name(header) == name


def test_issue14_12_host_with_user_info_gets_400(odd_client: TestClient) -> None:
    response = odd_client.get("/stories.json", headers={"host": "127.0.0.1:1@evil.com"})
    assert response.status_code == 400
    assert odd_client.get("/stories.json", headers={"host": "127.0.0.1:8040"}).status_code == 200


# 9, 10 --------------------------------------------------------------------------------


def test_issue14_09_only_regular_files_are_read(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "good.txt").write_text(WIRE)
    items = finishes(lambda: read_all(str(tmp_path)))
    assert isinstance(items, list)
    by_source = {Path(i.source or "").name: i for i in items}
    assert isinstance(by_source["good.txt"], Document)
    for name, kind in [
        ("zero.txt", "character device"),
        ("zero.jsonl", "character device"),
        ("pipe.txt", "named pipe"),
        ("pipe.jsonl", "named pipe"),
    ]:
        refusal = by_source[name]
        assert isinstance(refusal, Refusal) and f"not a regular file ({'a ' + kind})" in (
            refusal.reason
        ), refusal


def test_issue14_09_a_jsonl_line_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    big = b'{"id": "big", "text": "' + b"x" * 3_000 + b'"}\n'
    feed.write_bytes(big + line(id="ok", text=TEXT).encode())
    refusal, doc = read_all(str(feed), settings=Settings(max_document_bytes=1_000))
    assert isinstance(refusal, Refusal) and "too large" in refusal.reason
    assert refusal.source == f"{feed}:1"
    assert isinstance(doc, Document) and doc.id == "ok"


def test_issue14_10_navigation_only_page_is_refused() -> None:
    links = "".join(f'<a href="/section/{i}">Link</a>' for i in range(300))
    nav = f"<html><head><title>Quillmouth Post</title></head><body>{links}</body></html>"
    with pytest.raises(Exception, match="no article text"):
        extract_html(nav)
    menu = "".join(f'<li><a href="/s/{i}">Section {i} news</a></li>' for i in range(300))
    with pytest.raises(Exception, match="no article text"):
        extract_html(f"<html><body><ul>{menu}</ul></body></html>")
    article = (
        f"<html><body><nav><ul>{menu}</ul></nav><article><p>{TEXT} The board chair, "
        'Petra Lind, said the <a href="/t">new timetable</a> would start in May.</p>'
        "</article></body></html>"
    )
    assert extract_html(article).text.startswith("The harbour board of Quillmouth")


# Resource limits ----------------------------------------------------------------------


def test_issue14_limits_are_named_in_help() -> None:
    from newsdesk.annotate.nlp import MAX_PIECE_CHARS
    from newsdesk.store.sqlite import BUSY_TIMEOUT_MS
    from newsdesk.web import pages, upload

    ingest = CliRunner().invoke(cli, ["ingest", "--help"]).stdout
    for text in (
        "Limits",
        f"{MAX_ID_CHARS} characters",
        f"{MAX_PIECE_CHARS:,}",
        f"{BUSY_TIMEOUT_MS // 1000} s",
        "--max-document-bytes (5 MB)",
    ):
        assert text in ingest, text
    serve = " ".join(CliRunner().invoke(cli, ["serve", "--help"]).stdout.split())
    for text in (
        f"at most {upload.MAX_REQUEST_BYTES // 1_000_000} MB and {upload.MAX_FILES} files",
        f"each at most {upload.MAX_FILE_BYTES // 1_000_000} MB",
        f"at most {pages.MAX_PARAM_CHARS} characters",
    ):
        assert text in serve, text
