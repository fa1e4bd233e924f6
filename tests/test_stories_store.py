"""Stories kept in the store: assigned on ingest, across runs, re-clustered with merges and
splits recorded, listed by `ls` and `stories --db`.

Most tests use `HashingEmbedder` (no torch) on the fictional look-alike groundings of
`tests/test_cluster.py`; the CLI test runs the real path (MiniLM) on the demo corpus.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from newsdesk import app
from newsdesk.cli import cli
from newsdesk.cluster.online import OnlineClusterer
from newsdesk.cluster.stored import StoredStories
from newsdesk.embed import HashingEmbedder, Matrix
from newsdesk.errors import StoreError
from newsdesk.model import Document, story_id
from newsdesk.settings import Settings
from newsdesk.store.sqlite import SQLiteStore
from tests.conftest import EXAMPLES, ROOT, SHARED_DATA, bench_module, require_shared_data
from tests.test_cluster import ALL, ASTRA, BOREAL

EMBED = HashingEmbedder()
# Two more reports, each on one of the two groundings (new text, not copies).
ASTRA_REPORT = Document(
    id="astra-report",
    title="Astra Dawn grounding: steering pump failed, inquiry finds",
    published="2026-03-20T09:00:00",
    text=(
        "Investigators found that a worn steering pump made the ferry Astra Dawn run aground "
        "in the Corran Strait on March 2, when 14 of its 212 passengers were hurt.\n"
        "Captain Teodor Malvik acted correctly, the inquiry said.\n"
        "The operator in Port Elvin will replace the pumps on its three ferries."
    ),
)
BOREAL_TOW = Document(
    id="boreal-tow",
    title="Boreal Star towed to Kessby yard after fire",
    published="2026-04-09T12:00:00",
    text=(
        "Tugs towed the Boreal Star from the rocks of the Corran Strait to a repair yard in "
        "Kessby on Thursday, three days after an engine fire grounded the ferry.\n"
        "Captain Sunniva Orte and coast guard officer Rasmus Hoel watched from the quay.\n"
        "All 87 passengers had been evacuated; three were hurt."
    ),
)


def _ingest(store: SQLiteStore, docs: Sequence[Document], **settings: float) -> dict[str, str]:
    results = list(
        app.ingest(docs, store, embedder=EMBED, settings=Settings().with_options(**settings))
    )
    assert all(r.status == "added" for r in results), results
    return {r.id: r.story for r in results if r.story}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[SQLiteStore]:
    store = app.open_store(str(tmp_path / "stories.db"))
    yield store
    store.close()


def test_ingest_keeps_lookalike_groundings_apart(db: SQLiteStore) -> None:
    found = _ingest(db, ALL)
    assert found["astra-wire"] == found["astra-herald"] == found["astra-gazette"]
    assert found["boreal-wire"] == found["boreal-herald"] == found["boreal-gazette"]
    assert found["astra-wire"] != found["boreal-wire"]
    assert found["astra-wire"] == story_id(["astra-wire"])  # named after its founder
    listed = {r["id"]: r["story"] for r in db.listing()}
    assert listed == found


def test_stories_persist_across_runs_and_ids_stay(tmp_path: Path) -> None:
    path = str(tmp_path / "n.db")
    with app.open_store(path) as store:
        first = _ingest(store, ASTRA[:2] + BOREAL[:1])
    with app.open_store(path) as store:  # a later run, a fresh process's view
        second = _ingest(store, [ASTRA[2], *BOREAL[1:]])
        stories = {s.id: set(s.documents) for s in store.stories.stories()}
    assert second["astra-gazette"] == first["astra-wire"]
    assert second["boreal-herald"] == second["boreal-gazette"] == first["boreal-wire"]
    assert stories == {
        first["astra-wire"]: {d.id for d in ASTRA},
        first["boreal-wire"]: {d.id for d in BOREAL},
    }


def test_story_records_title_span_and_activity_order(db: SQLiteStore) -> None:
    _ingest(db, ALL)
    rows = db.stories.rows()
    assert [r.size for r in rows] == [3, 3]
    newest, oldest = rows
    assert newest.id == story_id(["boreal-wire"])  # changed last: listed first
    assert newest.first_seen == "2026-04-06T09:00:00" and newest.last_seen == "2026-04-07T07:30:00"
    assert newest.title in {d.title for d in BOREAL}
    assert oldest.title in {d.title for d in ASTRA}
    assert newest.lead and "Boreal Star" in newest.lead
    assert [d.id for d in db.in_story(oldest.id)] == ["astra-wire", "astra-herald", "astra-gazette"]


def test_window_closes_stale_stories(db: SQLiteStore) -> None:
    late = replace(ASTRA_REPORT, published="2026-06-01T08:00:00")
    found = _ingest(db, [*ASTRA, late], story_window_days=14)
    assert found["astra-report"] == story_id(["astra-report"])


def test_zero_window_keeps_every_story_open(db: SQLiteStore) -> None:
    late = replace(ASTRA_REPORT, published="2026-06-01T08:00:00")
    found = _ingest(db, [*ASTRA, late], story_window_days=0)
    assert found["astra-report"] == story_id(["astra-wire"])


@pytest.mark.parametrize(("cache_size", "window"), [(2048, 0), (1, 0), (2048, 14), (1, 40)])
def test_store_backend_assigns_as_the_memory_backend_does(
    db: SQLiteStore, cache_size: int, window: int
) -> None:
    db.stories.cache_size = cache_size  # a tiny cache reads centroids back from SQLite
    late = replace(ASTRA_REPORT, published="2026-04-20T09:00:00")  # 48 days after Astra
    docs = [ASTRA[0], BOREAL[0], *ASTRA[1:], *BOREAL[1:], late, BOREAL_TOW]
    memory = OnlineClusterer(EMBED, window_days=window or None)
    expected = {d.id: memory.add(d) for d in docs}
    assert _ingest(db, docs, story_window_days=window) == expected
    assert len(db.stories._cache) <= cache_size


def test_recluster_splits_a_wrong_merge_and_keeps_the_larger_id(db: SQLiteStore) -> None:
    docs = [*ALL, BOREAL_TOW]
    _ingest(db, docs, story_threshold=0.0, story_window_days=0)  # all join the first story
    assert len(db.stories.rows()) == 1
    report = app.recluster(db, embedder=EMBED)
    assert (report.stories_before, report.stories_after) == (1, 2)
    [split] = report.changes
    assert split.kind == "split" and split.other == story_id(["astra-wire"])
    stories = {s.id: set(s.documents) for s in db.stories.stories()}
    # The Boreal Star group is larger (4) and keeps the old id; the Astra Dawn group splits.
    assert stories[story_id(["astra-wire"])] == {d.id for d in BOREAL} | {"boreal-tow"}
    assert stories[split.story] == {d.id for d in ASTRA}
    assert report.moved == 3
    assert db.stories.events() == [replace(split, at=db.stories.events()[0].at)]


def test_recluster_merges_what_arrived_apart(db: SQLiteStore) -> None:
    _ingest(db, ALL, story_threshold=0.99)  # every document founds its own story
    report = app.recluster(db, embedder=EMBED)
    assert (report.stories_before, report.stories_after) == (6, 2)
    merges = [c for c in report.changes if c.kind == "merge"]
    assert len(merges) == 4 and not [c for c in report.changes if c.kind == "split"]
    survivors = {s.id for s in db.stories.stories()}
    assert {c.other for c in merges} == survivors
    assert len(db.stories.events()) == 4
    # A second recluster changes nothing.
    again = app.recluster(db, embedder=EMBED)
    assert again.changes == () and again.moved == 0


def test_recluster_assigns_documents_stored_without_stories(db: SQLiteStore) -> None:
    list(app.ingest(ALL, db, assign=False))
    assert db.stories.unassigned() == [d.id for d in ALL]
    report = app.recluster(db, embedder=EMBED)
    assert report.stories_after == 2 and db.stories.unassigned() == []


def test_recluster_refuses_beyond_its_memory_bound(db: SQLiteStore) -> None:
    _ingest(db, ALL)
    with pytest.raises(StoreError, match="more than 5"):
        app.recluster(db, embedder=EMBED, max_documents=5)


class _Failing:
    """An embedder that breaks."""

    def encode(self, texts: Sequence[str]) -> Matrix:
        raise RuntimeError("model crashed")


def test_failed_assignment_loses_no_document_and_heals_later(db: SQLiteStore) -> None:
    list(app.ingest(ASTRA, db, embedder=EMBED, batch_size=3))
    with pytest.raises(RuntimeError):
        list(app.ingest(BOREAL, db, embedder=_Failing(), batch_size=3))
    # The Boreal documents are stored; they just have no story yet.
    assert db.count() == 6
    assert db.stories.unassigned() == [d.id for d in BOREAL]
    assert app.assign_stories(db, embedder=EMBED) == 3
    assert len(db.stories.stories()) == 2


def test_one_embedder_per_store(db: SQLiteStore) -> None:
    _ingest(db, ASTRA[:1])
    other = HashingEmbedder(dim=64)
    with pytest.raises(StoreError, match="one embedder per store"):
        list(app.ingest(ASTRA[1:2], db, embedder=other))


def test_candidate_cost_does_not_grow_with_stories(db: SQLiteStore) -> None:
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(300)]
    docs = [
        Document(id=f"n{i}", text=" ".join(rng.choice(words, 40)) + f" Storm Vell{i} hits.")
        for i in range(150)
    ]
    clusterer = OnlineClusterer(EMBED, max_candidates=10, backend=StoredStories(db.stories))
    for doc in docs:
        db.add(doc)
        before = clusterer.comparisons
        with db.transaction():
            clusterer.add(doc)
        assert clusterer.comparisons - before <= 10


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_ingest_ls_stories_and_recluster_on_the_demo_corpus(tmp_path: Path) -> None:
    """The real path: annotation, MiniLM, the store; one story per demo folder."""
    db = str(tmp_path / "demo.db")
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    listing = json.loads(CliRunner().invoke(cli, ["ls", "--db", db, "--format", "json"]).stdout)
    folder_of = {
        p.stem: p.parent.name for p in EXAMPLES.rglob("*") if p.suffix in {".txt", ".html"}
    }
    by_story: dict[str, set[str]] = {}
    for record in listing:
        folder = folder_of.get(record["id"], "port-tariff-vote")  # JSONL ids: the vote feed
        by_story.setdefault(record["story"], set()).add(folder)
    # Online: four stories, each within one folder; the two strait ferry accidents apart.
    assert sorted(len(f) for f in by_story.values()) == [1, 1, 1, 1]
    stored = json.loads(CliRunner().invoke(cli, ["stories", "--db", db]).stdout)
    assert {s["id"] for s in stored} == set(by_story)
    assert all(s["title"] and s["documents"] for s in stored)

    table = CliRunner().invoke(cli, ["ls", "--db", db]).stdout
    assert all(sid in table for sid in by_story)

    grounding = next(s for s in stored if "meridian-wire-grounding" in s["documents"])
    args = ["brief", "--db", db, "--story", grounding["id"], "--format", "json", "--words", "60"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    briefing = json.loads(result.stdout)
    assert briefing["story"]["id"] == grounding["id"]
    assert briefing["story"]["title"] == grounding["title"]
    assert not briefing["story"]["title"].startswith("SKERRHOLM")  # no wire dateline
    assert {d["id"] for d in briefing["documents"]} == set(grounding["documents"])
    unknown = CliRunner().invoke(cli, ["brief", "--db", db, "--story", "s-0000000000"])
    assert unknown.exit_code == 1 and "no story 's-0000000000'" in unknown.output

    result = CliRunner().invoke(cli, ["recluster", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    splits = sum(1 for c in report["changes"] if c["kind"] == "split")
    merges = sum(1 for c in report["changes"] if c["kind"] == "merge")
    assert report["stories_after"] - report["stories_before"] == splits - merges
    after = json.loads(CliRunner().invoke(cli, ["stories", "--db", db]).stdout)
    for story in after:  # no story mixes two folders after reclustering either
        folders = {folder_of.get(d, "port-tariff-vote") for d in story["documents"]}
        assert len(folders) == 1, story
    kept = {s["id"] for s in after} & set(by_story)
    assert len(kept) >= 4 - merges  # ids survive where the groups survive


def test_cli_stories_needs_inputs_or_db(tmp_path: Path) -> None:
    assert CliRunner().invoke(cli, ["stories"]).exit_code == 2
    assert CliRunner().invoke(cli, ["brief", "--story", "s-1"]).exit_code == 2  # no --db
    both = CliRunner().invoke(cli, ["stories", str(EXAMPLES), "--db", str(tmp_path / "x.db")])
    assert both.exit_code == 2
    missing = CliRunner().invoke(cli, ["recluster", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no store at" in missing.output
    assert not (tmp_path / "none.db").exists()


@pytest.mark.slow
def test_stories_scale_gate(tmp_path: Path) -> None:
    """bench/stories_scale.py at CI size: the similarities computed per assigned document
    stay flat as the store grows eightfold, while brute force grows with the stories (a
    count, not a time: the same on a busy machine). The full run stays a bench."""
    bench = bench_module("stories_scale")
    require_shared_data(SHARED_DATA / "ecbplus_event_clusters" / "clustering_gold.jsonl")
    require_shared_data(SHARED_DATA / "duc2004_task2" / "clusters.jsonl")
    floors = json.loads((ROOT / "bench" / "floors" / "stories.json").read_text())["scale"]
    report = bench.evaluate(
        bench.CI_LEVELS, bench.CI_BATCH, repeats=1, budget=math.inf, workdir=tmp_path, minilm=False
    )
    assert [row["stored"] for row in report["levels"]] == floors["levels"]
    ours = [row[bench.NEWSDESK] for row in report["levels"]]
    assert [r["documents"] for r in ours] == [bench.CI_BATCH] * 2
    assert 0 < ours[0]["comparisons_per_doc"]
    assert ours[-1]["comparisons_per_doc"] <= floors["max_comparisons_per_doc"]
    assert bench.comparisons_ratio(report, bench.NEWSDESK) <= floors["max_comparisons_ratio"]
    # The bounds tell the two apart: brute force breaks both at the same sizes.
    brute = report["levels"][-1][bench.BASELINE]
    assert brute["comparisons_per_doc"] > floors["max_comparisons_per_doc"]
    assert bench.comparisons_ratio(report, bench.BASELINE) > floors["max_comparisons_ratio"]
