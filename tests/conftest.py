"""Shared fixtures: paths, a temporary store, hand-written articles."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.model import Document
from newsdesk.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CONTRACTS = ROOT.parent / "shared" / "contracts"
SHARED_DATA = Path(os.environ.get("NEWSDESK_SHARED_DATA", ROOT.parent / "shared" / "data"))


def make_document(text: str, id: str = "d1", **meta: str) -> Document:
    """A Document built by hand (no reader, no model)."""
    return Document(id=id, text=text, **meta)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "test.db")
    yield s
    s.close()


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


WIRE = (
    "TESSEL, Oct 12 (Meridian Wire) - The passenger ferry Aurora struck a harbour wall in the "
    "Tessel Strait on Monday, injuring twelve people, the coast guard said.\n\n"
    '"We were lucky the tide was low," Deputy Harbour Master Inga Solberg told reporters. '
    '"It could have been far worse."\n\n'
    "Dmitri Alenko, a professor of maritime law at Tessel University, said the strait's "
    "traffic rules had not changed since 2019."
)
