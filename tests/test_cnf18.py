"""Conflicts of issue 10 (session cnf18): one person's name spelt two ways across a
story, and windows of time reaching back from now ("over the past two years").

Texts are fictional, written for these tests; parsed with the real spaCy model.
"""

from __future__ import annotations

import pytest

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.align import slot_conflicts
from newsdesk.brief.conflicts import find_conflicts, story_slots
from newsdesk.brief.slots import Slot, spelling_variants
from newsdesk.model import Span, TextSpan
from tests.conftest import parsed_documents


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"Maddie Orlen": 5, "Maddy Orlen": 2}, {"Maddy Orlen": "Maddie Orlen"}),
        ({"Kelsie Varga": 4, "Kelsey Mae Varga": 1}, {"Kelsey Mae Varga": "Kelsie Varga"}),
        ({"Robbie Tann Jr.": 3, "Robby Tann": 1}, {"Robby Tann": "Robbie Tann Jr."}),
    ],
)
def test_slots_spelling_variants_are_one_person(
    counts: dict[str, int], expected: dict[str, str]
) -> None:
    assert spelling_variants(counts) == expected


@pytest.mark.parametrize(
    "counts",
    [
        {"Mary Orlen": 3, "Mark Orlen": 2},  # two given names, not two spellings
        {"Gerry H. Orlen": 3, "Gerri W. Orlen": 2},  # two middle names: two people
        {"Maddie Orlen": 3, "Maddy Varga": 2},  # two surnames
        {"Maddie Orlen": 3, "Maddie Orlen Jr.": 1},  # one spelling: the merge's to make
        {"Eli Orlen": 3, "Ely Orlen": 2},  # a stem under three letters
    ],
)
def test_slots_spelling_variants_keep_people_apart(counts: dict[str, int]) -> None:
    assert spelling_variants(counts) == {}


@pytest.mark.slow
def test_conflicts_name_spelt_two_ways(backend: SpacyBackend) -> None:
    docs: list[Document] = parsed_documents(
        backend,
        "The singer Maddie Orlen died on Tuesday in Tessel. Orlen married twice.",
        "The singer Maddy Orlen died on Tuesday in Tessel. Orlen was married three times.",
    )
    conflicts = find_conflicts(docs)
    assert [[v.value for v in c.values] for c in conflicts] == [["twice", "three times"]]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Over the past two years, Varro signed two treaties with Orskia.",
        "Varro has signed two treaties in the last 15 months.",
        "During the previous six weeks, the Tessel council held four hearings.",
    ],
)
def test_number_words_recent_window_is_no_duration(backend: SpacyBackend, text: str) -> None:
    slots = story_slots(parsed_documents(backend, text))
    assert not [s for s in slots if s.key[:2] == ("measure", "duration")]


@pytest.mark.slow
def test_number_words_for_the_past_years_is_a_duration(backend: SpacyBackend) -> None:
    text = "Mara Lenz has chaired the Tessel council for the past 12 years."
    slots = story_slots(parsed_documents(backend, text))
    assert [s.value for s in slots if s.key[:2] == ("measure", "duration")] == [
        pytest.approx(12 * 365.25)
    ]


STORY = "A strong quake struck Tessel island on 3 May 2036, killing ten people, officials said."


@pytest.mark.slow
def test_conflicts_past_event_figures_compared_with_each_other(backend: SpacyBackend) -> None:
    docs = parsed_documents(
        backend,
        f"{STORY} A quake killed more than 26,000 people in the old city of Varrow in 2031.",
        f"{STORY} In 2031, more than 31,000 people were killed in the old city of Varrow.",
    )
    conflicts = find_conflicts(docs)
    assert [(c.attribute, [v.value for v in c.values]) for c in conflicts] == [
        ("number of people killed (2031)", ["26,000 people", "31,000 people"])
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "other"),
    [
        # the story's figure is never compared with an earlier event's
        ("", "A quake killed 12 people in the old city of Varrow in 2031."),
        # two earlier events of one year, in two places
        (
            "A quake killed more than 26,000 people in the old city of Varrow in 2031.",
            "A quake killed more than 31,000 people in the port of Orsk in 2031.",
        ),
    ],
)
def test_conflicts_past_event_figures_kept_apart(
    backend: SpacyBackend, first: str, other: str
) -> None:
    docs = parsed_documents(backend, f"{STORY} {first}", f"{STORY} {other}")
    assert find_conflicts(docs) == ()


def test_align_past_event_figure_is_no_second_value_of_the_story() -> None:
    """A document that counts an earlier event's sentences does not thereby give both
    values of the story's count."""
    words = frozenset({"vale", "serve", "sentence"})

    def slot(doc: str, value: float, past: str = "") -> Slot:
        claim = TextSpan(Span(doc, 0, 20), f"Vale serves {value} sentences")
        key = ("count", "sentence", "serve", *([f"in {past}"] if past else []))
        return Slot(key, "number", value, str(value), False, claim, words, frozenset(), past=past)

    pages = [Document("d1", "x" * 40), Document("d2", "x" * 40)]
    [conflict] = slot_conflicts(pages, [slot("d1", 1), slot("d1", 3, "2031"), slot("d2", 3)])
    assert [v.value for v in conflict.values] == ["1", "3"]


@pytest.mark.slow
def test_quantities_bare_count_in_groups_of_thousands(backend: SpacyBackend) -> None:
    docs = parsed_documents(
        backend,
        f"{STORY} A quake killed more than 26,000 people in the old city of Varrow in 2031.",
        f"{STORY} A quake killed more than 31,000 in the old city of Varrow in 2031.",
    )
    conflicts = find_conflicts(docs)
    assert [[v.value for v in c.values] for c in conflicts] == [["26,000 people", "31,000"]]
