"""The commands that need no model start without loading one: `newsdesk --help`, `ls`,
`stories --db` and `serve` never import spaCy, torch or transformers (issue 13).

Each command runs in a fresh interpreter, which then reports the heavy modules it holds.
A behaviour test, not a timing test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk import app
from tests.conftest import EXAMPLES, ROOT

HEAVY = ("spacy", "torch", "transformers", "sentence_transformers", "ray")

PROBE = """
import json, sys
args = json.loads(sys.argv[1])
if args and args[0] == "serve":
    import uvicorn  # the server is not started: its app is built and asked for a page
    from fastapi.testclient import TestClient

    def run(app, **kwargs):
        with TestClient(app, base_url="http://127.0.0.1:8040") as client:
            assert client.get("/stories.json").status_code == 200
            assert client.get("/").status_code == 200

    uvicorn.run = run
from newsdesk.cli import cli
try:
    cli(args, standalone_mode=False)
except SystemExit:
    pass
print(json.dumps([m for m in HEAVY if m in sys.modules]), file=sys.stderr)
"""


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("startup") / "news.db"
    store = app.open_store(str(db))
    try:
        list(app.ingest(app.read([str(EXAMPLES / "museum-theft")]), store, assign=False))
    finally:
        store.close()
    return db


@pytest.mark.parametrize(
    "command",
    [["--help"], ["ls"], ["stories"], ["serve"], ["batch", "--help"], ["import", "--help"]],
    ids=lambda c: " ".join(c),
)
def test_startup_commands_load_no_model(stored: Path, command: list[str]) -> None:
    args = command + (["--db", str(stored)] if command[-1] != "--help" else [])
    probe = PROBE.replace("HEAVY", repr(HEAVY))
    done = subprocess.run(
        [sys.executable, "-c", probe, json.dumps(args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert loaded == [], f"{' '.join(command)} imported {loaded}"
