"""The command line, driven by click's CliRunner and, for the network test, a subprocess."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import click
import jsonschema
import pytest
from click.testing import CliRunner
from referencing import Registry, Resource

from newsdesk.cli import cli
from newsdesk.cli_options import open_existing, open_store
from newsdesk.model import story_id
from newsdesk.store.sqlite import SQLiteStore
from tests.conftest import CONTRACTS, EXAMPLES, ROOT, WIRE, write_jsonl


def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schemas = {p.name: json.loads(p.read_text()) for p in CONTRACTS.glob("*.schema.json")}
    # The annotation schema refers to "briefing.schema.json", relative to its own $id.
    registry: Registry = Registry().with_resources(
        (urljoin(schemas["annotation.schema.json"]["$id"], name), Resource.from_contents(s))
        for name, s in schemas.items()
    )
    return jsonschema.Draft202012Validator(schemas["annotation.schema.json"], registry=registry)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE)
    (folder / "empty.txt").write_text("")
    write_jsonl(
        folder / "feed.jsonl",
        [
            {
                "id": "f1",
                "text": "The council voted on the port tariff on Tuesday evening.",
                "outlet": "Valmont Courier",
                "published": "2026-11-03",
                "story": "tariff",
            },
            {
                "id": "f2",
                "text": "Dock workers protested outside the council chamber all day.",
                "outlet": "Northshore Post",
                "published": "2026-11-04",
            },
        ],
    )
    (folder / "feed.jsonl").write_text((folder / "feed.jsonl").read_text() + "{oops\n")
    return folder


def test_cli_ingest_reports_and_exits_1_when_some_refused(batch: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    result = run("ingest", str(batch), "--db", db)
    assert result.exit_code == 1
    summary = r"added 3 \(into (\d) stories, \1 of them new\), duplicates 0, already stored 0, "
    assert re.search(summary + "refused 2", result.stdout), result.stdout
    assert "empty.txt: empty file" in result.stderr
    assert "feed.jsonl:3: invalid JSON" in result.stderr
    again = run("ingest", str(batch), "--db", db)
    assert "added 0, duplicates 0, already stored 3, refused 2" in again.stdout


def test_cli_ingest_all_good_exits_0_and_ls_json_matches_contract(tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    (tmp_path / "wire.txt").write_text(WIRE)
    result = run(
        "ingest",
        str(tmp_path / "wire.txt"),
        "--db",
        db,
        "--outlet",
        "Meridian Wire",
        "--published",
        "2026-10-12",
    )
    assert result.exit_code == 0, result.output
    listing = json.loads(run("ls", "--db", db, "--format", "json").stdout)
    assert listing == [
        {
            "id": "wire",
            "title": None,
            "outlet": "Meridian Wire",
            "published": "2026-10-12",
            "story": story_id(["wire"]),  # a document alone founds its own story
            "label": None,
        }
    ]


def test_cli_ingest_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    line = json.dumps({"id": "s1", "text": WIRE, "story": "ferry"})
    result = run("ingest", "-", "--db", db, input=line + "\n")
    assert result.exit_code == 0
    assert json.loads(run("ls", "--db", db, "--format", "json").stdout)[0]["label"] == "ferry"


def test_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("ingest").exit_code == 2
    assert run("ingest", "x.txt", "--published", "yesterday").exit_code == 2
    assert run("ls", "--format", "xml").exit_code == 2


@pytest.mark.parametrize("command", [["ls"], ["search", "ferry"]], ids=" ".join)
def test_cli_reading_a_missing_store_is_an_error_and_creates_none(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "none.db"
    result = run(*command, "--db", str(missing))
    assert result.exit_code == 1 and "no store at" in result.stderr
    assert not missing.exists()


def test_cli_open_existing_is_closed_when_its_block_ends_even_by_an_error(tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    open_store(db).close()
    with pytest.raises(click.ClickException), open_existing(db) as store:
        assert store.listing() == []
        raise click.ClickException("a command's own error")
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        store.listing()


def test_cli_open_existing_names_the_hint_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(click.ClickException, match=r"^no store at .*none\.db \(add a feed\)$"):
        open_existing(str(missing), hint="add a feed")
    assert not missing.exists()


@pytest.mark.parametrize("command", ["ls", "search", "stories", "recluster", "feeds ls"])
def test_cli_unreadable_store_is_an_error_not_a_traceback(tmp_path: Path, command: str) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("not a database " * 20)
    args = [*command.split(), *(["ferry"] if command == "search" else []), "--db", str(bad)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert f"Error: cannot open store {bad}: file is not a database" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["ls"], ["stories"], ["recluster"], ["feeds", "ls"], ["alerts", "hits"], ["search", "ferry"]]
    + [["feeds", "rm", "https://example.org/none.xml"], ["alerts", "rm", "7"]],  # errors
    ids=" ".join,
)
def test_cli_every_store_a_command_opens_is_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    db = str(tmp_path / "n.db")
    open_store(db).close()
    opened: list[SQLiteStore] = []
    real_init = SQLiteStore.__init__

    def init(self: SQLiteStore, *a: Any, **kw: Any) -> None:
        real_init(self, *a, **kw)
        opened.append(self)

    monkeypatch.setattr(SQLiteStore, "__init__", init)
    CliRunner().invoke(cli, [*args, "--db", db])
    assert len(opened) == 1
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        opened[0].conn.execute("SELECT 1")


def test_cli_annotate_jsonl_validates_and_offsets_hold(
    batch: Path, validator: jsonschema.Draft202012Validator
) -> None:
    result = run("annotate", str(batch), "--format", "jsonl", "--include-text")
    assert result.exit_code == 1  # the empty file and the broken line
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    for obj in objects:
        validator.validate(obj)
    ids = [o["document"]["id"] for o in objects]
    assert ids[:3] == ["empty", "f1", "f2"] and ids[4] == "wire"
    assert ids[3].endswith("feed.jsonl:3")
    errors = {o["document"]["id"]: o["error"] for o in objects}
    assert errors["f1"] is None and "empty file" in errors["empty"]
    for obj in objects:
        text = obj["document"].get("text", "")
        for layer in ("quotes", "entities", "timeline"):
            for item in obj[layer]:
                for span in [item] if "start" in item else item["spans"]:
                    assert 0 <= span["start"] < span["end"] <= len(text)


def test_cli_annotate_duplicate_ids_in_one_run_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text(WIRE)
    (tmp_path / "b" / "same.txt").write_text(WIRE + " Updated.")
    result = run("annotate", str(tmp_path))
    assert result.exit_code == 1
    assert "duplicate id 'same'" in result.stderr


def test_cli_help_teaches_by_example_and_readme_names_every_command() -> None:
    readme = (ROOT / "README.md").read_text()
    assert set(cli.commands) >= {"ingest", "ls", "annotate", "brief", "stories", "search"}
    for command in cli.commands:
        text = run(command, "--help").stdout
        assert "Examples:" in text and "newsdesk " + command in text, command
        assert f"newsdesk {command} " in readme, command


# Options whose meaning differs by command (`--db` is optional for `brief` and `stories`;
# each command has its own formats, limits, workers and quiet mode).
PER_COMMAND_OPTIONS = {"--db", "--format", "--limit", "--workers", "--quiet"}


def test_cli_an_option_name_means_the_same_in_every_command() -> None:
    """Options several commands take are shared declarations (`newsdesk.cli_options`):
    the same type, default and help text wherever they appear."""
    seen: dict[str, list[tuple[str, str]]] = {}
    commands: list[tuple[str, click.Command]] = list(cli.commands.items())
    while commands:
        name, command = commands.pop()
        if isinstance(command, click.Group):
            commands += [(f"{name} {n}", c) for n, c in command.commands.items()]
            continue
        for param in command.params:
            if isinstance(param, click.Option) and param.opts[-1] not in PER_COMMAND_OPTIONS:
                key = repr(
                    (param.name, param.type, param.default, param.help, param.secondary_opts)
                )
                seen.setdefault(param.opts[-1], []).append((name, key))
    shared = {opt: uses for opt, uses in seen.items() if len(uses) > 1}
    assert {"--words", "--threshold", "--max-document-bytes", "--annotate"} <= set(shared)
    for opt, uses in shared.items():
        assert len({key for _, key in uses}) == 1, (opt, [name for name, _ in uses])


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="demo corpus missing")
def test_cli_ingest_and_annotate_work_without_network(tmp_path: Path) -> None:
    """The main job never touches the network: run it with sockets blocked."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(
        "import socket\n"
        "def _blocked(*a, **k):\n"
        "    raise OSError('network access attempted during a newsdesk test')\n"
        "socket.socket.connect = _blocked\n"
        "socket.create_connection = _blocked\n"
        "socket.getaddrinfo = _blocked\n"
    )
    env = {**os.environ, "PYTHONPATH": str(guard), "HF_HUB_OFFLINE": "1"}
    prefix: list[str] = []
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"]).returncode == 0:
        prefix = ["unshare", "-n"]  # no network namespace at all, on top of the guard
    db = str(tmp_path / "offline.db")
    cmd = [sys.executable, "-m", "newsdesk.cli"]
    ingest = subprocess.run(
        prefix + cmd + ["ingest", str(EXAMPLES), "--db", db, "-q"],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert ingest.returncode == 0, ingest.stderr
    assert "added" in ingest.stdout
    annotate = subprocess.run(
        prefix + cmd + ["annotate", str(EXAMPLES)],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert annotate.returncode == 0, annotate.stderr
    assert "network access attempted" not in annotate.stderr
    assert len(annotate.stdout.splitlines()) >= 12


def test_contract_annotation_with_every_layer_validates(
    validator: jsonschema.Draft202012Validator,
) -> None:
    from newsdesk.model import Document, Entity, Mention, Quote, TimeExpression

    doc = Document(id="w", text=WIRE, genre="report")
    q = WIRE.index("We were lucky")
    s = WIRE.index("Inga Solberg")
    t = WIRE.index("Monday")
    doc = doc.with_layers(
        quotes=(Quote(doc.span(q, q + 29), WIRE[q : q + 29], speaker="Inga Solberg"),),
        entities=(
            Entity(
                "e1",
                "Inga Solberg",
                "PERSON",
                mentions=(Mention(doc.span(s, s + 12), "Inga Solberg", "PERSON"),),
            ),
        ),
        timeline=(TimeExpression(doc.span(t, t + 6), "Monday", None, "The ferry struck"),),
    )
    obj = doc.annotation()
    validator.validate(obj)
    obj["quotes"][0]["direct"] = "yes"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(obj)


def test_cli_stories_groups_the_demo_corpus_and_keeps_look_alikes_apart() -> None:
    result = run("stories", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert all(set(s) >= {"id", "title", "documents"} for s in found)
    story_of = {doc: s["id"] for s in found for doc in s["documents"]}
    folders = {p.name: [f.stem for f in p.iterdir()] for p in EXAMPLES.iterdir() if p.is_dir()}
    assert len(story_of) == 16  # 13 files and a JSONL feed of 3 articles
    # Two ferry accidents in the same strait five weeks apart are two stories.
    assert story_of["meridian-wire-collision"] != story_of["meridian-wire-grounding"]
    for folder in ("strait-ferry-grounding", "museum-theft"):
        assert len({story_of[d] for d in folders[folder]}) == 1, folder
    reports = [d for d in folders["strait-ferry-collision"] if d != "harbour-gazette-editorial"]
    assert len({story_of[d] for d in reports}) == 1
