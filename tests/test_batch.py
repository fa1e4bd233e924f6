"""`newsdesk batch` on Ray Data against the one-process path, on a small corpus: two
example stories (one holding a wire copy), a JSONL feed with an exact copy, a repeated
id with other text and bad lines, read with ``--workers 1`` and ``2`` in one Ray session.

Slow: every run loads spaCy and MiniLM in its actors (about a minute and a half for
the module)."""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ray")

from click.testing import CliRunner  # noqa: E402

from newsdesk import app  # noqa: E402
from newsdesk.batch import BatchOptions, import_batch, run_batch  # noqa: E402
from newsdesk.batch import _tables as tables  # noqa: E402
from newsdesk.batch._dedup import resolve  # noqa: E402
from newsdesk.batch._read import Unit, read_unit  # noqa: E402
from newsdesk.batch._stories import blocks  # noqa: E402
from newsdesk.cli import cli  # noqa: E402
from newsdesk.model import Document  # noqa: E402
from newsdesk.settings import Settings  # noqa: E402
from tests.conftest import EXAMPLES, write_jsonl  # noqa: E402

pytestmark = pytest.mark.slow

FEED_TEXT = (
    "Lindqvist Dairy Cooperative said on Monday it would close its creamery in Orsa "
    "Vale by March, ending 140 jobs. Chair Marta Ekholm told members the plant had lost "
    'money for three years. "We kept it open as long as we could," Ekholm said.'
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("batch-corpus")
    for story in ("museum-theft", "strait-ferry-grounding"):
        shutil.copytree(EXAMPLES / story, root / story)
    rows: list[object] = [
        {
            "id": "orsa-1",
            "title": "Creamery to close",
            "outlet": "Vale Herald",
            "published": "2026-10-05",
            "text": FEED_TEXT,
        },
        {
            "id": "orsa-copy",
            "title": "Creamery to close",
            "outlet": "Fjord Post",
            "published": "2026-10-05",
            "text": FEED_TEXT,
        },
        {"id": "orsa-1", "title": "Other", "text": "A different text under a stored id, " * 3},
        {"id": "no-text", "title": "Nothing here"},
    ]
    feed = write_jsonl(root / "feed.jsonl", rows)
    with feed.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    return root


@pytest.fixture(scope="module")
def ray_session() -> Iterator[None]:
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def outputs(
    corpus: Path, ray_session: None, tmp_path_factory: pytest.TempPathFactory
) -> dict[int, Path]:
    """The corpus through ``--workers 2``, then ``--workers 1`` with its annotation actor
    killing its own process on its first batch (`BatchOptions.crash_marker`)."""
    found = {}
    for workers in (2, 1):
        out = tmp_path_factory.mktemp(f"batch-w{workers}")
        marker = str(out.parent / f"crashed-w{workers}") if workers == 1 else None
        run_batch([str(corpus)], out, options=BatchOptions(workers=workers, crash_marker=marker))
        found[workers] = out
    return found


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`newsdesk ingest` of the same corpus (no story assignment: stories are compared
    with `newsdesk stories`)."""
    db = tmp_path_factory.mktemp("batch-ref") / "ref.db"
    store = app.open_store(str(db))
    try:
        list(app.ingest(app.read([str(corpus)]), store, app.default_pipeline(), assign=False))
    finally:
        store.close()
    return db


def _rows(out: Path, name: str) -> list[dict[str, Any]]:
    return list(tables.read(out, name).to_pylist())


def _batch_documents(out: Path) -> dict[str, dict[str, Any]]:
    docs = {}
    for row in _rows(out, "documents"):
        if row["duplicate_of"] is None:
            docs[row["id"]] = {**json.loads(row["record"]), "text": row["text"]}
    return docs


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_documents_and_annotations_match_ingest(
    outputs: dict[int, Path], reference: Path, workers: int
) -> None:
    store = app.open_store(str(reference))
    try:
        expected = {d.id: d.to_dict() for d in store.documents()}
        copies = {c["id"]: c["of"] for c in store.copies()}
    finally:
        store.close()
    got = _batch_documents(outputs[workers])
    assert set(got) == set(expected)
    for doc_id, data in got.items():
        assert Document.from_dict(data).to_dict() == expected[doc_id], doc_id
    dups = {r["id"]: r["duplicate_of"] for r in _rows(outputs[workers], "documents")}
    assert {k: v for k, v in dups.items() if v} == copies
    assert copies["orsa-copy"] == "orsa-1"
    assert "valmont-courier-wire-copy" in copies


def test_batch_layer_tables_point_into_the_clean_text(outputs: dict[int, Path]) -> None:
    texts = {r["id"]: r["text"] for r in _rows(outputs[2], "documents")}
    quotes = _rows(outputs[2], "quotes")
    assert quotes and any(q["speaker"] == "Marta Ekholm" for q in quotes)
    for row in quotes + _rows(outputs[2], "timeline"):
        assert 0 <= row["start"] < row["end"] <= len(texts[row["doc"]])
    for quote in quotes:
        assert texts[quote["doc"]][quote["start"] : quote["end"]] == quote["text"]
    entities = {(e["doc"], e["name"]) for e in _rows(outputs[2], "entities")}
    assert ("orsa-1", "Marta Ekholm") in entities


def test_batch_refuses_bad_records_and_goes_on(outputs: dict[int, Path]) -> None:
    for workers in (1, 2):
        refused = {
            r["input"].rsplit("/", 1)[-1]: r["reason"] for r in _rows(outputs[workers], "refused")
        }
        assert refused == {
            "feed.jsonl:3": "id 'orsa-1' is already stored with other text",
            "feed.jsonl:4": "needs 'text' or 'html'",
            "feed.jsonl:5": refused["feed.jsonl:5"],
        }
        assert refused["feed.jsonl:5"].startswith("invalid JSON")


def test_batch_workers_1_and_2_give_the_same_output(outputs: dict[int, Path]) -> None:
    for name in ("documents", "quotes", "entities", "timeline", "stories", "briefings"):
        one, two = (tables.read(outputs[w], name).to_pylist() for w in (1, 2))
        key = json.dumps
        assert sorted(map(lambda r: key(r, default=str), one)) == sorted(
            map(lambda r: key(r, default=str), two)
        ), name


def test_batch_stories_match_stories_command(outputs: dict[int, Path]) -> None:
    docs = [Document.from_dict(d) for d in _batch_documents(outputs[2]).values()]
    expected = {frozenset(s.documents): s.id for s in app.stories(docs)}
    got: dict[str, set[str]] = {}
    for row in _rows(outputs[2], "stories"):
        got.setdefault(row["story"], set()).add(row["doc"])
    assert {frozenset(v): k for k, v in got.items()} == expected


def test_batch_briefings_match_brief(outputs: dict[int, Path]) -> None:
    docs = _batch_documents(outputs[2])
    members: dict[str, list[str]] = {}
    titles = {}
    for row in _rows(outputs[2], "stories"):
        members.setdefault(row["story"], []).append(row["doc"])
        titles[row["story"]] = row["title"]
    briefings = {r["story"]: json.loads(r["briefing"]) for r in _rows(outputs[2], "briefings")}
    assert set(briefings) == set(members)
    story = next(s for s, ids in members.items() if "meridian-wire-museum-arrest" in ids)
    story_docs = [Document.from_dict({**docs[i], "story": story}) for i in members[story]]
    [expected] = app.brief(story_docs, by="story")
    want = expected.to_dict()
    want["story"]["title"] = titles[story]
    assert briefings[story] == want


def test_batch_import_loads_a_store_that_ls_and_stories_show(
    outputs: dict[int, Path], tmp_path: Path
) -> None:
    db = tmp_path / "imported.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["import", str(outputs[2]), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "added 7 (into" in result.output and "duplicates 2" in result.output
    listing = json.loads(runner.invoke(cli, ["ls", "--db", str(db), "--format", "json"]).output)
    assert {r["id"] for r in listing} == set(_batch_documents(outputs[2]))
    batch_story = {r["doc"]: r["story"] for r in _rows(outputs[2], "stories")}
    assert {r["id"]: r["story"] for r in listing} == batch_story
    stored = json.loads(runner.invoke(cli, ["stories", "--db", str(db)]).output)
    assert {s["id"] for s in stored} == set(batch_story.values())
    store = app.open_store(str(db))
    try:  # importing again adds nothing
        assert str(import_batch(outputs[2], store)).startswith("added 0")
    finally:
        store.close()


def test_batch_worker_killed_mid_run_is_retried_and_nothing_doubled(
    outputs: dict[int, Path],
) -> None:
    assert (outputs[1].parent / "crashed-w1").exists()  # the actor did kill itself once
    ids = [r["id"] for r in _rows(outputs[1], "documents")]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 9
    assert sorted(r["doc"] for r in _rows(outputs[1], "features")) == sorted(
        r["id"] for r in _rows(outputs[1], "documents") if r["duplicate_of"] is None
    )
    # ... and the run still gives what the run without a crash gives
    # (test_batch_workers_1_and_2_give_the_same_output)


def test_batch_reads_gzipped_jsonl_parquet_and_warc(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    settings = Settings()
    record = {"id": "orsa-1", "title": "Creamery", "published": "2026-10-05", "text": FEED_TEXT}
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n\n" + "[1]\n")
    pq.write_table(pa.Table.from_pylist([record, {**record, "id": ""}]), tmp_path / "a.parquet")
    html = f"<html><head><title>Creamery</title></head><body><article><p>{FEED_TEXT}</p>"
    html += "</article></body></html>"
    (tmp_path / "crawl.warc").write_bytes(_warc_response(html))
    found = {}
    for i, (name, kind) in enumerate(
        (("feed.jsonl.gz", "jsonl.gz"), ("a.parquet", "parquet"), ("crawl.warc", "warc"))
    ):
        found[kind] = list(read_unit(Unit(i, str(tmp_path / name), kind, name), settings))
    assert [getattr(d, "text", None) for d in found["jsonl.gz"]][0] == FEED_TEXT
    assert found["jsonl.gz"][1].reason == "expected a JSON object, got list"  # type: ignore[union-attr]
    assert found["parquet"][0].id == "orsa-1"  # type: ignore[union-attr]
    assert found["parquet"][1].reason.startswith("missing or empty 'id'")  # type: ignore[union-attr]
    [page] = found["warc"]
    assert isinstance(page, Document) and page.url == "https://vale-herald.example/creamery"
    assert "Lindqvist Dairy Cooperative" in page.text


def _warc_response(html: str) -> bytes:
    """One WARC response record (a request record first, which is skipped)."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode()
    records = b""
    for kind, block, ctype in (
        ("request", b"GET /creamery HTTP/1.1\r\nHost: vale-herald.example\r\n\r\n", "request"),
        ("response", http, "response"),
    ):
        head = (
            f"WARC/1.0\r\nWARC-Type: {kind}\r\n"
            f"WARC-Record-ID: <urn:uuid:0000000{len(records) % 10}-1111-2222-3333-444444444444>\r\n"
            "WARC-Date: 2026-10-05T10:00:00Z\r\n"
            "WARC-Target-URI: https://vale-herald.example/creamery\r\n"
            f"Content-Type: application/http; msgtype={ctype}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n"
        )
        records += head.encode() + block + b"\r\n\r\n"
    return records


def test_batch_dedup_replays_the_store_rule() -> None:
    pairs = [
        {"later": 2, "earlier": 1, "kind": "h", "same": True, "sim": 1.0, "of": "a", "value": ""},
        {"later": 3, "earlier": 2, "kind": "b", "same": False, "sim": 0.9, "of": "b", "value": ""},
        {"later": 3, "earlier": 1, "kind": "b", "same": False, "sim": 0.85, "of": "a", "value": ""},
        {"later": 4, "earlier": 1, "kind": "i", "same": False, "sim": 1.0, "of": "a", "value": "a"},
    ]
    verdicts = resolve(pairs)
    assert verdicts[2].status == "copy" and verdicts[2].of == "a"
    # 3 is closer to 2, but 2 is a copy (not stored): 3 copies 1, as the store decides
    assert (verdicts[3].of, verdicts[3].similarity) == ("a", 0.85)
    assert verdicts[4].reason == "id 'a' is already stored with other text"
    assert 1 not in verdicts


def test_batch_blocks_connect_shared_keys_and_pack_in_order() -> None:
    rows = [(1, ["x|1"]), (2, ["y|1"]), (3, ["x|1", "z|1"]), (4, ["z|1"]), (5, ["w|1"])]
    assert blocks(rows, max_block=10) == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}
    packed = blocks(rows, max_block=3)
    assert packed[1] == packed[3] == packed[4] != packed[2]


def test_batch_lists_and_reads_object_storage_through_pyarrow(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsdesk.batch._read import units

    record = {"id": "orsa-1", "title": "Creamery", "text": FEED_TEXT}
    (tmp_path / "crawl" / "day1").mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist([record]), tmp_path / "crawl" / "day1" / "a.parquet")
    write_jsonl(tmp_path / "crawl" / "b.jsonl", [{**record, "id": "orsa-2"}])
    (tmp_path / "crawl" / "c.txt").write_text(FEED_TEXT)
    found = list(units([f"file://{tmp_path}/crawl"]))
    refused = [u for u in found if not isinstance(u, Unit)]
    assert [u.reason for u in refused] == ["text and HTML files are read from local paths only"]
    read = [d for u in found if isinstance(u, Unit) for d in read_unit(u, Settings())]
    assert [getattr(d, "id", None) for d in read] == ["orsa-2", "orsa-1"]
    assert read[1].source == f"file://{tmp_path}/crawl/day1/a.parquet:1"  # type: ignore[union-attr]
