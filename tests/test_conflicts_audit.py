"""Conflicts that are none, as an audit of real clusters found them (bench/conflict_audit.py),
written again on fictional text: each case fails without the rule it names.

These tests parse with the real spaCy model.
"""

from __future__ import annotations

import pytest

from newsdesk import Conflict, Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.conflicts import find_conflicts
from newsdesk.registry import build_pipeline

pytestmark = pytest.mark.slow


def conflicts(backend: SpacyBackend, *texts: str) -> tuple[Conflict, ...]:
    """The conflicts of one story of one document per text (ids d1, d2, ...)."""
    docs = [Document(f"d{i}", t) for i, t in enumerate(texts, 1)]
    pipeline = build_pipeline(("parse", "entities", "dates"), backend=backend)
    return find_conflicts(list(pipeline(docs)))


def test_conflicts_name_of_the_whole_story_aligns_no_sums(backend: SpacyBackend) -> None:
    """Sums whose sentences share only the name every report uses are two things."""
    texts = (
        "Brindle unveiled its new phone on Monday. Critics had predicted a $600 tablet "
        "from Brindle instead.",
        "Brindle showed the phone on Monday. Brindle also sells a glare screen for $50 extra.",
    )
    assert conflicts(backend, *texts, "Brindle's phone went on sale in Oslo.") == ()
    found = conflicts(backend, *texts, "The phone went on sale in Oslo.")
    assert [c.about for c in found] == ["tablet (dollars)"]


def test_conflicts_sum_converted_in_brackets_is_no_figure(backend: SpacyBackend) -> None:
    """ "400 korun (about $10)": the dollars convert the sum before them."""
    texts = (
        "Fans at the Velmar games paid 400 korun (about $10) for a seat.",
        "Fans at the Velmar games paid 1,000 korun ($26) for a seat at the opening.",
    )
    assert conflicts(backend, *texts) == ()
    plain = (
        "Fans at the Velmar games paid $10 for a seat.",
        "Fans at the Velmar games paid $26 for a seat at the opening.",
    )
    assert [c.about for c in conflicts(backend, *plain)] == ["pay (dollars)"]


def test_conflicts_post_a_report_writes_as_a_verb(backend: SpacyBackend) -> None:
    """ "Rep. Ann Vell, who chairs the committee": the report calls her chair too."""
    first = "Chairman Ann Vell of the Harbour Committee opposed the Tessel port plan."
    second = "Rep. Ann Vell opposed the Tessel port plan on Monday"
    assert conflicts(backend, first, second + ", and she chairs the Harbour Committee.") == ()
    assert [c.about for c in conflicts(backend, first, second + ".")] == ["title of Ann Vell"]


@pytest.mark.parametrize(
    ("post", "other"),
    [("the leader of the Velmar Front", "the chief of the Velmar Front"),
     ("the speaker of the Velmar assembly", "the chairman of the Velmar assembly")],
)  # fmt: skip
def test_conflicts_one_post_two_words(backend: SpacyBackend, post: str, other: str) -> None:
    texts = [f"Ivo Brandt, {p}, was arrested in Tessel on Monday." for p in (post, other)]
    assert conflicts(backend, *texts) == ()


def test_conflicts_passive_verb_of_speech_names_no_source(backend: SpacyBackend) -> None:
    """ "Brandt is charged with …, while Venn is accused of …": both values are Kell's, of
    two people (a report that gives both does not disagree), not Brandt's and Venn's."""
    texts = (
        "Attorney General Ana Kell said Ivo Brandt is charged with marrying 20 women, while "
        "Karl Venn is accused of marrying two women.",
        "Kell said Brandt is alleged to be married to 20 women, while Venn is accused of "
        "committing bigamy by being married to two women.",
    )
    assert conflicts(backend, *texts) == ()
