"""Values compared across a story (`newsdesk.brief.values`): people by the story's
resolver, numbers by what they count or measure."""

from __future__ import annotations

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.conflicts import parse_of
from newsdesk.brief.facts import group_facts
from newsdesk.brief.values import DocumentValues, Values, agree
from newsdesk.registry import build_pipeline


def values(text: str, backend: SpacyBackend) -> Values:
    [doc] = build_pipeline(("parse", "entities", "dates"), backend=backend)([Document("v", text)])
    return DocumentValues(doc, parse_of(doc)).within(0, len(text))


def values_agree(a: str, b: str, backend: SpacyBackend) -> bool:
    return agree(values(a, backend), values(b, backend))


def test_people_by_their_story_wide_name() -> None:
    """Given the story's names of its mentions, a person is compared by that name: a
    misspelt surname is the same person."""
    text = "Only Tomas Verhalen may speak for the board."
    doc = Document("v", text)
    start = text.index("Tomas")
    story = DocumentValues(doc, people=[(start, start + 14, "Tomas Verhallen")])
    assert story.within(0, len(text)).people == {"verhallen"}


def test_facts_link_a_misspelt_name(backend: SpacyBackend) -> None:
    texts = [
        "The only official spokesman for the board is director general Tomas Verhallen, "
        "Ostrander said.",
        "He said only the director general Tomas Verhalen could speak for the board.",
    ]
    docs = build_pipeline(("parse", "entities", "dates"), backend=backend)(
        [Document(f"d{i}", t) for i, t in enumerate(texts)]
    )
    facts = group_facts(list(docs))
    assert any(len({s.doc for s in f.sources}) == 2 for f in facts), [f.text for f in facts]


def test_bracketed_conversions_are_one_measure(backend: SpacyBackend) -> None:
    assert values_agree(
        "The air base, 4 kilometers (2 miles) outside the town, was deserted.",
        "The air base lies two miles (three kilometers) outside the town.",
        backend,
    )
    assert not values_agree(
        "The air base, 4 kilometers (2 miles) outside the town, was deserted.",
        "The air base lies five miles (eight kilometers) outside the town.",
        backend,
    )


def test_numbers_of_nouns_only_one_sentence_counts(backend: SpacyBackend) -> None:
    """What one sentence counts and the other does not is not compared; what both count
    is, and they must share a number."""
    assert values_agree(
        "Marlow was given two more life sentences for stabbing his wife in 1987.",
        "In a 1987 incident Marlow stabbed his wife 11 times.",
        backend,
    )
    assert not values_agree(
        "Five ferries were sunk by the storm in 1987.",
        "Seven ferries were sunk by the storm in 1987.",
        backend,
    )
    assert not values_agree(
        "Marlow was given two more life sentences.", "Marlow stabbed his wife 11 times.", backend
    )


def test_shared_ages_alone_are_no_shared_number(backend: SpacyBackend) -> None:
    """Two sentences whose other numbers differ and that share only the ages of the people
    they name ("27-year-old Kell", "Kell, 27,") do not, by them, state one thing."""
    assert not values_agree(
        "The jury deliberated seven hours before convicting 27-year-old Dorian Kell.",
        "Prosecutors charged 27-year-old Dorian Kell with two counts of murder.",
        backend,
    )
    assert values_agree(
        "The jury deliberated seven hours before convicting 27-year-old Dorian Kell in 1987.",
        "In 1987 a jury convicted 27-year-old Dorian Kell on two counts of murder.",
        backend,
    )
