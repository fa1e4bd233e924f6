"""Shared fixtures: paths, a temporary store, hand-written articles, the parses of the
real spaCy model (loaded once, each text parsed once: `tests.parses`)."""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.model import Document
from newsdesk.store.sqlite import SQLiteStore
from tests.parses import ParseCache

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CONTRACTS = ROOT.parent / "shared" / "contracts"
SHARED_DATA = Path(os.environ.get("NEWSDESK_SHARED_DATA", ROOT.parent / "shared" / "data"))
PARSE_CACHE = ROOT / ".cache" / "parses"


def require_shared_data(path: Path) -> None:
    """Skip a quality gate whose evaluation data is missing, except in CI (``CI=true``),
    which always has ``../shared/data``: there a gate that cannot run fails."""
    if path.exists():
        return
    message = f"shared evaluation data not found: {path} (../shared/data or $NEWSDESK_SHARED_DATA)"
    if os.environ.get("CI", "").lower() in {"true", "1", "yes"}:
        pytest.fail(message)
    pytest.skip(message)


def bench_module(name: str) -> ModuleType:
    """The bench script ``bench/<name>.py`` as a module (the gates call its functions)."""
    return importlib.import_module(f"bench.{name}")


def make_document(text: str, id: str = "d1", **meta: str) -> Document:
    """A Document built by hand (no reader, no model)."""
    return Document(id=id, text=text, **meta)  # type: ignore[arg-type]


def parsed_documents(backend: SpacyBackend, *texts: str) -> list[Document]:
    """Documents d1, d2 ... of ``texts``, parsed with their entities (the parse kept), as
    the slot readers of `newsdesk.brief` take them."""
    from newsdesk.registry import build_pipeline

    pipeline = build_pipeline(("parse", "entities"), backend=backend)
    return list(pipeline(Document(f"d{i}", t) for i, t in enumerate(texts, 1)))


@pytest.fixture(scope="session", autouse=True)
def parse_cache() -> Iterator[ParseCache]:
    """Every `SpacyBackend` of the test process parses through one `ParseCache`."""
    cache = ParseCache(PARSE_CACHE)
    original = SpacyBackend.parse  # the real path: long texts in pieces

    def parse(self: SpacyBackend, texts: Iterable[str]) -> Iterator[Doc]:
        return cache.parse(self, texts, original)

    def call(self: SpacyBackend, text: str) -> Doc:
        return next(cache.parse(self, [text]))

    def nlp(self: SpacyBackend) -> Language:
        return cache.nlp(self.model)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SpacyBackend, "parse", parse)
        patch.setattr(SpacyBackend, "__call__", call)
        patch.setattr(SpacyBackend, "nlp", property(nlp))
        yield cache


@pytest.fixture(scope="session")
def backend() -> SpacyBackend:
    """The real English model (parses cached: see `parse_cache`)."""
    return SpacyBackend()


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
