"""A clause that states no number of its own is no support for a sentence whose number its
own sentence contradicts (`newsdesk.brief.facts._clause_facts`). Fictional texts, parsed
with the real spaCy model; the encoder is a fake that makes every text naming the film
alike."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pytest

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.facts import group_facts

pytestmark = pytest.mark.slow


class _Alike:
    """Texts naming ``marker`` share one direction; every other text its own."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        rows = np.zeros((len(texts), len(texts) + 1), dtype=np.float32)
        for n, text in enumerate(texts):
            rows[n, 0 if self.marker in text else n + 1] = 1.0
        return rows


def _corroborated(backend: SpacyBackend, texts: list[str]) -> list[list[str]]:
    docs = [
        dataclasses.replace(Document(f"d{n}", t), parse=backend(t)) for n, t in enumerate(texts, 1)
    ]
    facts = group_facts(docs, encoder=_Alike("Long Harbour"))
    return [[s.doc for s in f.sources] for f in facts if f.agreement == "corroborated"]


def test_facts_a_clause_without_numbers_keeps_its_sentences(backend: SpacyBackend) -> None:
    """The clause "a film called The Long Harbour" agrees with "the 2006 film" only
    when its own sentence does not date the film 2005."""
    first = "Vale was also celebrated in the 2006 film, The Long Harbour."
    same = 'A film called "The Long Harbour" was released in 2006.'
    other = 'A film called "The Long Harbour" was released in 2005.'
    assert _corroborated(backend, [first, same]) == [["d1", "d2"]]
    assert _corroborated(backend, [first, other]) == []
