"""Conflicts not read from numbers misread or from background: hand-written cases.

Thousands written apart ("120, 000", as detokenised text has them) are one number, and a
sentence that goes on about another event named just before ("… in March. It killed 300
people") states none of the story's values. These tests parse with the real spaCy model.
"""

from __future__ import annotations

import pytest

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.conflicts import find_conflicts
from newsdesk.brief.number_words import number_value
from newsdesk.registry import build_pipeline

pytestmark = pytest.mark.slow


def parsed(backend: SpacyBackend, doc: Document) -> Document:
    """``doc`` parsed, with the entities and timeline the briefing reads (parse kept)."""
    [annotated] = build_pipeline(("parse", "entities", "dates"), backend=backend)([doc])
    return annotated


def story(backend: SpacyBackend, *texts: str, published: str | None = None) -> list[Document]:
    """One parsed document per text, ids d1, d2, ..., each published on ``published``."""
    return [
        parsed(backend, Document(f"d{i}", t, published=published)) for i, t in enumerate(texts, 1)
    ]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["1", "400"], 1400.0),  # "1, 400" with its comma split off
        (["120", "000"], 120_000.0),
        (["1", "400", "000"], 1_400_000.0),
        (["1.5", "000"], None),
        (["1400", "000"], None),
        (["28", "41"], None),
    ],
)
def test_number_value_thousands_written_apart(words: list[str], value: float | None) -> None:
    assert number_value(words) == value


def test_conflicts_thousands_written_apart_agree(backend: SpacyBackend) -> None:
    docs = story(
        backend,
        "The flood forced 25, 000 people from their homes in Varro on Monday, officials said.",
        "The flood forced 25,000 people from their homes in Varro on Monday.",
    )
    assert find_conflicts(docs) == ()


def test_conflicts_thousands_written_apart_differ(backend: SpacyBackend) -> None:
    docs = story(
        backend,
        "The flood forced 25, 000 people from their homes in Varro on Monday, officials said.",
        "The flood forced 35,000 people from their homes in Varro on Monday.",
    )
    [conflict] = find_conflicts(docs)
    assert [v.value for v in conflict.values] == ["25, 000 people", "35,000 people"]


def test_conflicts_sentence_picking_up_another_event(backend: SpacyBackend) -> None:
    docs = story(
        backend,
        "A storm struck the Varro coast on Sunday, flooding two towns. "
        "The last big storm to hit the coast was in March, when a cyclone struck Dunmore. "
        "It killed 300 people and left thousands homeless.",
        "The storm killed 12 people on the Varro coast on Sunday, officials said.",
        published="2031-11-20",
    )
    assert find_conflicts(docs) == ()


def test_conflicts_pronoun_after_the_story_itself_is_read(backend: SpacyBackend) -> None:
    docs = story(
        backend,
        "A storm struck the Varro coast on Sunday. It killed 30 people, officials said.",
        "The storm killed 12 people on the Varro coast on Sunday, officials said.",
        published="2031-11-20",
    )
    [conflict] = find_conflicts(docs)
    assert [v.value for v in conflict.values] == ["30 people", "12 people"]


def test_conflicts_bare_count_taken_for_a_date(backend: SpacyBackend) -> None:
    # the recogniser tags "80" of "injuring 80" as a date; it is a count of people
    docs = story(
        backend,
        "The storm hit the Varro coast on Sunday, killing 12 people and injuring 80.",
        "The storm hit the Varro coast on Sunday, killing 12 people and injuring 45.",
    )
    [conflict] = find_conflicts(docs)
    assert [v.value for v in conflict.values] == ["80", "45"]


def test_conflicts_scale_value_of_a_modal_clause(backend: SpacyBackend) -> None:
    # "a magnitude 6.0 quake can cause ..." says what such quakes do, of no quake
    docs = story(
        backend,
        "The quake struck the Varro coast on Sunday. "
        "A magnitude 6.0 quake can cause severe damage to towns on the coast.",
        "A magnitude 5.4 quake struck the Varro coast on Sunday, causing damage to towns.",
    )
    assert find_conflicts(docs) == ()


def test_conflicts_claims_gathered_from_one_aligned_sentence_to_the_next(
    backend: SpacyBackend,
) -> None:
    docs = story(
        backend,
        "A magnitude 6.1 quake struck the Varro coast on Sunday, the survey said.",
        "A magnitude 5.4 quake struck the Varro coast on Sunday and shook the town of Dunmore.",
        "The magnitude 5.4 tremor shook the town of Dunmore, where walls fell in the market.",
        "Walls fell in the market as stalls collapsed after the magnitude 5.4 tremor.",
    )
    [conflict] = find_conflicts(docs)
    assert [(v.value, [c.span.doc for c in v.claims]) for v in conflict.values] == [
        ("magnitude 6.1", ["d1"]),
        ("magnitude 5.4", ["d2", "d3", "d4"]),
    ]


@pytest.mark.parametrize(
    ("report", "found"),
    [
        # one report gives two sources' values of one quake: it reports the disagreement
        (
            "The institute said the quake measured magnitude 5.6, but the survey said it was "
            "a magnitude 6.2 quake.",
            True,
        ),
        # one source gives both: two things (a quake and an aftershock), no disagreement
        (
            "The survey said a magnitude 5.6 quake and a magnitude 6.2 aftershock struck.",
            False,
        ),
    ],
)
def test_conflicts_one_report_giving_two_sources_values(
    backend: SpacyBackend, report: str, found: bool
) -> None:
    docs = story(
        backend,
        "A magnitude 6.2 quake struck the Varro coast on Sunday, officials said.",
        "A magnitude 5.6 quake struck the Varro coast on Sunday, officials said.",
        report,
    )
    assert bool(find_conflicts(docs)) is found


def test_conflicts_number_split_by_the_parse_at_its_comma(backend: SpacyBackend) -> None:
    # the parse splits "1, 400" into "1" and "400 people": read whole, as 1,400
    docs = story(
        backend,
        "The quake injured more than 1, 400 people in Varro on Monday.",
        "The quake injured 2,100 people in Varro on Monday.",
        "The quake injured 1,420 people in Varro on Monday, officials said.",
    )
    [conflict] = find_conflicts(docs)
    assert [(v.value, [c.span.doc for c in v.claims]) for v in conflict.values] == [
        ("1, 400 people", ["d1", "d3"]),
        ("2,100 people", ["d2"]),
    ]


def test_conflicts_update_ordered_by_the_dates_pages_state(backend: SpacyBackend) -> None:
    # no publication time given: the day each page states in its header orders the values
    docs = story(
        backend,
        "Posted Nov 27, 2031\nThe storm killed at least three people in Varro, officials said.",
        "Posted Nov 29, 2031\nThe storm killed 12 people in Varro, officials said.",
    )
    [conflict] = find_conflicts(docs)
    assert conflict.kind == "update"
    assert [v.value for v in conflict.values] == ["three people", "12 people"]
