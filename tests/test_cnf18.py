"""Conflicts of issue 10 (session cnf18): one person's name spelt two ways across a
story, and windows of time reaching back from now ("over the past two years").

Texts are fictional, written for these tests; parsed with the real spaCy model.
"""

from __future__ import annotations

import pytest

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.resolve import name_key, story_targets
from newsdesk.brief.align import slot_conflicts
from newsdesk.brief.conflicts import find_conflicts, story_slots
from newsdesk.brief.slots import Slot
from newsdesk.model import Span, TextSpan
from tests.conftest import parsed_documents


def _one_person(*names: str) -> bool:
    """Whether the resolver makes the names, each written in its own document, one person."""
    people = {name_key(n): n for n in names}
    documents = {name_key(n): frozenset({f"d{i}"}) for i, n in enumerate(names)}
    return len(set(story_targets(people, documents).values())) == 1


@pytest.mark.parametrize(
    "names",
    [
        ("Maddie Orlen", "Maddy Orlen"),
        ("Kelsie Varga", "Kelsey Mae Varga"),
        ("Robbie Tann", "Robby Tann"),
        ("Maddie Orlen", "Maddy Orlen", "Maddy Lee Orlen"),
    ],
)
def test_a_familiar_given_name_spelt_two_ways_is_one_person(names: tuple[str, ...]) -> None:
    assert _one_person(*names)


@pytest.mark.parametrize(
    "names",
    [
        ("Mary Orlen", "Mark Orlen"),  # two given names, not two spellings
        ("Gerry H. Orlen", "Gerri W. Orlen"),  # two middle names: two people
        ("Maddie Orlen", "Maddy Varga"),  # two surnames
        ("Eli Orlen", "Ely Orlen"),  # a stem under three letters
    ],
)
def test_familiar_given_names_keep_people_apart(names: tuple[str, ...]) -> None:
    assert not _one_person(*names)


def test_names_alike_but_for_the_given_name_in_one_document_stay_two() -> None:
    """ "Terry Page" and "Terri Page" in one report may be two relatives."""
    people = {"terry page": "Terry Page", "terri page": "Terri Page"}
    targets = story_targets(people, {k: frozenset({"d1"}) for k in people})
    assert targets == {"terry page": "terry page", "terri page": "terri page"}


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
