"""Anchored paraphrases (newsdesk.brief.facts._anchored): two sentences that share few
words but name one thing alike and state one main action of it say the same at a lower
embedding cosine (`ANCHORED_MEANING`).

Texts are fictional, written for these tests; parsed with the real spaCy model. The
encoder is a fake that gives the two sentences of each test a chosen cosine.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt
import pytest

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.events import actions
from newsdesk.brief.facts import ANCHORED_MEANING, MEANING_THRESHOLD, group_facts

pytestmark = pytest.mark.slow

COSINE = (ANCHORED_MEANING + MEANING_THRESHOLD) / 2
"""Between the two thresholds: enough for an anchored pair only."""


@pytest.fixture(scope="module")
def backend() -> Iterator[SpacyBackend]:
    yield SpacyBackend()


class _Pair:
    """A fake sentence encoder: texts of the first document's words ("teller") and of the
    second's ("chase") have cosine `COSINE`; every other text is orthogonal to all."""

    def __init__(self, first: str, second: str) -> None:
        self.first, self.second = first, second

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        rows = np.zeros((len(texts), len(texts) + 2), dtype=np.float32)
        for n, text in enumerate(texts):
            if self.first in text:
                rows[n, 0] = 1.0
            elif self.second in text:
                rows[n, :2] = (COSINE, np.sqrt(1 - COSINE**2))
            else:
                rows[n, n + 2] = 1.0
        return rows


def _facts(backend: SpacyBackend, texts: list[str], first: str, second: str) -> list[list[str]]:
    docs = [
        dataclasses.replace(Document(f"d{n}", t), parse=backend(t)) for n, t in enumerate(texts, 1)
    ]
    facts = group_facts(docs, encoder=_Pair(first, second))
    return [[s.doc for s in f.sources] for f in facts if f.agreement == "corroborated"]


def test_facts_anchored_paraphrase_is_one_fact(backend: SpacyBackend) -> None:
    """Same person, same main action ("injured", "wounded": one action), hardly a word in
    common: one fact at a cosine below `MEANING_THRESHOLD`."""
    texts = [
        "Her aide, Tomas Ibber, a former bank teller, was also seriously injured on Friday.",
        "Ibber was critically wounded Friday in the attack and then rushed off after a chase.",
    ]
    assert _facts(backend, texts, "teller", "chase") == [["d1", "d2"]]


def test_facts_negated_action_is_no_anchor(backend: SpacyBackend) -> None:
    """ "was not wounded" states no injury: the pair needs the full threshold."""
    texts = [
        "Her aide, Tomas Ibber, a former bank teller, was also seriously injured on Friday.",
        "Ibber was not wounded Friday in the attack but later rushed to a clinic after a chase.",
    ]
    assert _facts(backend, texts, "teller", "chase") == []


def test_facts_action_of_an_inner_clause_is_no_anchor(backend: SpacyBackend) -> None:
    """ "finding the van" is the subject of what police believe, not what the sentence
    states: it does not anchor a sentence whose main action is finding Krell."""
    texts = [
        "Finding the teller's van on Friday may have saved Dana Krell, police believe.",
        "Dana Krell was found on Friday in a barn at the end of a long chase.",
    ]
    assert _facts(backend, texts, "teller", "chase") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said Krell was arrested at a house where he was found.", {"arrest"}),
        ("Krell was wounded in the leg and later rushed to a clinic.", {"injure", "rush"}),
        ("Krell may resign, officials said.", {"may resign"}),
        ("Krell did not resign.", {"not resign"}),
    ],
)
def test_facts_actions_are_the_main_verbs(
    backend: SpacyBackend, text: str, expected: set[str]
) -> None:
    assert set(actions(backend(text))) == expected


def test_facts_a_copy_with_one_word_changed_is_not_one_fact(backend: SpacyBackend) -> None:
    """Two outlets print one wire sentence with one word changed ("reckless", "hurried"):
    the edit changes the reason given, so the two are not one fact; the same copy with
    the word unchanged is."""
    first = "The council declined, to avoid looking reckless before the vote."
    texts = [first, "The council declined, to avoid looking hurried before the vote."]
    assert _facts(backend, texts, "reckless", "hurried") == []
    assert _facts(backend, [first, first], "reckless", "hurried") == [["d1", "d2"]]
