"""The tests' parse cache (`tests.parses`): what it hands out is the model's own parse."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from newsdesk.annotate.nlp import SpacyBackend
from tests.conftest import WIRE
from tests.parses import ParseCache


def _layers(doc: Doc) -> list[tuple[object, ...]]:
    tokens = [(t.idx, t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc]
    return [*tokens, *((s.start_char, s.end_char) for s in doc.sents)]


def test_parses_cached_parse_is_the_models(tmp_path: Path, backend: SpacyBackend) -> None:
    cache = ParseCache(tmp_path)
    fresh = cache.nlp(backend.model)(WIRE)  # the pipeline itself, not through any cache
    first = next(cache.parse(backend, [WIRE]))
    later = ParseCache(tmp_path)  # a later session: reads the parse back from disk
    again = next(later.parse(backend, [WIRE, WIRE]))
    assert _layers(first) == _layers(again) == _layers(fresh)
    assert [e.text for e in again.ents] == [e.text for e in fresh.ents]
    assert (cache.parsed, later.parsed) == (1, 0)
    assert len(list(tmp_path.rglob("*.doc"))) == 1
