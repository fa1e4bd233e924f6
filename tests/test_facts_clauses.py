"""Second facts (newsdesk.brief.facts._second_facts): a sentence that says two things
supports a fact for each.

Texts are fictional, written for these tests; parsed with the real spaCy model and
embedded with the real sentence encoder.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt
import pytest

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.facts import group_facts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def backend() -> Iterator[SpacyBackend]:
    yield SpacyBackend()


class _Topics:
    """A fake sentence encoder: one axis per topic word a text holds ("coalition", "arms"),
    so that texts of one topic say the same and a text of both is halfway to each."""

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        rows = np.array(
            [[float("coalition" in t), float("arms" in t), 0.1] for t in texts], dtype=np.float32
        )
        norms: npt.NDArray[np.float32] = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / norms


def test_facts_a_sentence_of_two_things_supports_a_fact_for_each(backend: SpacyBackend) -> None:
    """The first outlet says who the rebels are and when they took up arms in one sentence;
    two outlets say the one, two others the other. The sentence joins the fact of the one
    and, as the encoder finds it says the same as the other's sentences too, the other's
    fact as well."""
    texts = [
        "The rebels, a coalition of farmers and miners from the hills, took up arms on May 2.",
        "The rebels, a coalition of farmers and miners from the hills, faced stiff resistance.",
        "The rebels took up arms on May 2, a spokesman said.",
        "The rebels took up arms on May 2, their spokesman said.",
        "The coalition of farmers and miners from the hills faced stiff resistance, the army said.",
    ]
    docs = [
        dataclasses.replace(Document(f"d{n}", t), parse=backend(t)) for n, t in enumerate(texts, 1)
    ]
    facts = group_facts(docs, encoder=_Topics())
    assert [[s.doc for s in f.sources] for f in facts] == [
        ["d1", "d3", "d4"],
        ["d1", "d2", "d5"],
    ]
