"""Slots issue 10 added for where sources differ: durations the entity recogniser tags
as times, and what a duration is not (an offset, the time left, a range).

Texts are fictional, written for these tests; parsed with the real spaCy model.
"""

from __future__ import annotations

import pytest

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.conflicts import find_conflicts, story_slots
from tests.conftest import parsed_documents

pytestmark = pytest.mark.slow


def durations(backend: SpacyBackend, text: str) -> list[tuple[tuple[str, ...], float | str]]:
    """The duration slots of one text, as (key, value in days)."""
    return [
        (s.key, s.value)
        for s in story_slots(parsed_documents(backend, text))
        if s.key[:2] == ("measure", "duration")
    ]


def conflicts(backend: SpacyBackend, *texts: str) -> list[tuple[str, list[str]]]:
    docs: list[Document] = parsed_documents(backend, *texts)
    return [(c.attribute, [v.value for v in c.values]) for c in find_conflicts(docs)]


def test_conflicts_duration_tagged_as_a_time_is_read(backend: SpacyBackend) -> None:
    assert durations(backend, "The talks in Varro lasted five hours on Monday.") == [
        (("measure", "duration", "last"), pytest.approx(5 / 24))
    ]


def test_conflicts_durations_tagged_as_times_differ(backend: SpacyBackend) -> None:
    found = conflicts(
        backend,
        "The talks between the Orvale unions and the Varro port lasted five hours on Monday.",
        "On Monday the talks between the Orvale unions and the Varro port lasted two hours.",
    )
    assert found == [("last (duration)", ["five hours", "two hours"])]


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brell stopped Ivo Kast with two seconds remaining of the sixth round.",
        "The alarm went off with just four minutes to go in the Varro countdown.",
        "So the Varro countdown was halted just 19 seconds from liftoff.",
        "Edda Lund left the Orvale hall two minutes after she walked in.",
        "The Dunmore port was closed for 72 to 120 hours.",
    ],
)
def test_conflicts_no_duration_of_an_offset_time_left_or_range(
    backend: SpacyBackend, text: str
) -> None:
    assert durations(backend, text) == []


def test_conflicts_counts_each_report_gives_once_are_compared(backend: SpacyBackend) -> None:
    found = conflicts(
        backend,
        "A strong quake struck the island of Lenmar early on Sunday, killing four people "
        "and injuring 80, the Orvale news agency reported.",
        "The island's governor, Ana Bell, said 50 were injured.",
    )
    assert [(attribute, values) for attribute, values in found if "injur" in attribute] == [
        ("number of people (injure)", ["80", "50"])
    ]


@pytest.mark.parametrize(
    "texts",
    [
        (  # an order of magnitude apart: two things counted
            "A strong quake struck the island of Lenmar early on Sunday, killing four "
            "people and injuring 80, the Orvale news agency reported.",
            "The island's governor, Ana Bell, said 900 were injured.",
        ),
        (  # one report gives two values: the count is not its only one
            "A strong quake struck the island of Lenmar early on Sunday, killing four "
            "people and injuring 80, the Orvale news agency reported.",
            "The island's governor, Ana Bell, said 50 were injured in the town, and 12 "
            "were injured in the port.",
        ),
    ],
)
def test_conflicts_counts_not_compared_without_shared_words(
    backend: SpacyBackend, texts: tuple[str, str]
) -> None:
    assert [a for a, _ in conflicts(backend, *texts) if "injur" in a] == []


def sums(backend: SpacyBackend, text: str) -> list[tuple[float | str, str]]:
    """The sums of money one text states, as (value, as written)."""
    return [
        (s.value, s.shown)
        for s in story_slots(parsed_documents(backend, text))
        if s.key[0] == "money"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Orvale firm raised $35m in two rounds of funding.", [(35e6, "$35m")]),
        ("The Orvale firm has raised £2.5bn from investors.", [(2.5e9, "£2.5bn")]),
        ("The Orvale firm has raised $40 bn from investors.", [(40e9, "$40 bn")]),
    ],
)
def test_conflicts_sum_written_with_a_short_scale(
    backend: SpacyBackend, text: str, expected: list[tuple[float, str]]
) -> None:
    assert sums(backend, text) == expected


def counts(backend: SpacyBackend, text: str) -> list[tuple[tuple[str, ...], float | str]]:
    """The count slots of one text (a count of one read from an article left out)."""
    return [
        (s.key, s.value)
        for s in story_slots(parsed_documents(backend, text))
        if s.key[0] == "count" and not s.implied
    ]


def test_conflicts_count_after_a_noun_for_a_person(backend: SpacyBackend) -> None:
    assert counts(backend, "Mira Hollis, a mother of 12, was killed in Dunmore.") == [
        (("count", "of", "mother"), 12.0)
    ]


def test_conflicts_mothers_of_different_counts_differ(backend: SpacyBackend) -> None:
    found = conflicts(
        backend,
        "A stray bullet killed Mira Hollis, a mother of 12, outside a Dunmore school.",
        "Mira Hollis, a mother of 13, was killed by a stray bullet outside a Dunmore school.",
    )
    assert ("mother of", ["mother of 12", "mother of 13"]) in found


def test_conflicts_part_of_a_group_counts_its_noun(backend: SpacyBackend) -> None:
    assert counts(backend, "Varro police detained two of Ivo Kast's colleagues.") == [
        (("count", "colleague", "arrest"), 2.0)
    ]


def test_conflicts_part_of_a_group_without_a_verb_is_no_count(backend: SpacyBackend) -> None:
    assert counts(backend, "One of the victims was a Varro teacher.") == []


def test_conflicts_one_of_a_group_is_no_count(backend: SpacyBackend) -> None:
    assert counts(backend, "Varro police detained one of Ivo Kast's colleagues.") == []


def test_conflicts_times_written_as_one_adverb(backend: SpacyBackend) -> None:
    found = conflicts(
        backend,
        "Lise Varga married twice and lived in Dunmore.",
        "Lise Varga was married three times, the Orvale paper said.",
    )
    assert found == [("number of times married", ["twice", "three times"])]


def test_conflicts_same_sentence_whose_parties_the_parse_read_apart(
    backend: SpacyBackend,
) -> None:
    """One sentence in two reports, the sum written before the deal in one and after the
    bought firm in the other: the parse gives the buyer as the sum's participant in one
    and the bought firm in the other; written in the same words, it is one claim."""
    found = conflicts(
        backend,
        "This summer, Orvale Oil announced a $48.2 billion agreement to buy Tessel Corp., "
        "creating the third-largest oil company.",
        "This summer, Orvale Oil announced an agreement to buy Tessel Corp. for $48.2 "
        "million, creating the third-largest oil company.",
    )
    assert [values for _, values in found] == [["$48.2 billion", "$48.2 million"]]


def test_conflicts_rank_among_a_kind(backend: SpacyBackend) -> None:
    found = conflicts(
        backend,
        "Varnia represents the world's ninth-largest economy, officials in Orvale said.",
        "Varnia is Latin America's biggest economy and the eighth-largest in the world, "
        "officials in Orvale said.",
    )
    assert found == [("rank (largest economy)", ["ninth-largest", "eighth-largest"])]


def test_conflicts_superlative_without_an_ordinal_is_no_rank(backend: SpacyBackend) -> None:
    assert [
        s.key
        for s in story_slots(parsed_documents(backend, "Varnia has the largest economy."))
        if s.key[0] == "rank"
    ] == []
