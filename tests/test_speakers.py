"""Speakers on real layouts (issue 10, item 5): organisations, passive agents, names that
only modify a noun, hyphenated names as written. Texts and people are invented."""

from __future__ import annotations

from dataclasses import replace

from newsdesk.annotate.entities import extract_entities
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.quotes import extract_quotes
from newsdesk.annotate.stages import QuoteStage
from newsdesk.model import Document, Quote


def quotes_of(backend: SpacyBackend, text: str) -> tuple[Quote, ...]:
    doc = Document(id="t", text=text)
    return extract_quotes(doc, backend(text))


def speaker_of(quotes: tuple[Quote, ...], start: str) -> str | None:
    [quote] = [q for q in quotes if q.text.startswith(start)]
    return quote.speaker


def test_speakers_issue10_spokesperson_speaks_for_the_organisation(
    backend: SpacyBackend,
) -> None:
    text = (
        "Two hikers were rescued on Sunday.\n"
        'A Kestrel Mountain Rescue spokeswoman said: "Both are in good health."'
    )
    quotes = quotes_of(backend, text)
    [quote] = quotes
    assert quote.speaker == "Kestrel Mountain Rescue"
    assert quote.speaker_role == "A Kestrel Mountain Rescue spokeswoman"


def test_speakers_issue10_the_group_is_the_organisation_named_with_that_noun(
    backend: SpacyBackend,
) -> None:
    text = (
        "The radical group Free Valmont Front blocked the quay on Friday. "
        '"We will stay until the plan is dropped," the group said in a statement.'
    )
    assert speaker_of(quotes_of(backend, text), "We will stay") == "Free Valmont Front"


def test_speakers_issue10_the_group_with_two_candidates_names_nobody(
    backend: SpacyBackend,
) -> None:
    text = (
        "The radical group Free Valmont Front joined the group Valmont Dockers Union on "
        "Friday. "
        '"We will stay until the plan is dropped," the group said in a statement.'
    )
    assert speaker_of(quotes_of(backend, text), "We will stay") is None


def test_speakers_issue10_passive_agent_is_the_speaker(backend: SpacyBackend) -> None:
    text = (
        "For the trawler described by the Valmont Courier as "
        '"the last of the old fleet," the voyage was its final one.'
    )
    assert speaker_of(quotes_of(backend, text), "the last of the old fleet") == "Valmont Courier"


def test_speakers_issue10_name_modifying_a_noun_is_not_the_speaker(
    backend: SpacyBackend,
) -> None:
    text = (
        "The storm cut power across the valley on Tuesday. "
        '"The roof fell onto our kitchen," a Lindqvist Street resident told reporters.'
    )
    assert speaker_of(quotes_of(backend, text), "The roof fell") is None


def test_speakers_issue10_hyphenated_name_as_written(backend: SpacyBackend) -> None:
    text = 'Park Soo-min arrived on Monday. "The talks went well," said Park Soo-min.'
    assert speaker_of(quotes_of(backend, text), "The talks went well") == "Park Soo-min"


def test_speakers_issue10_unnamed_speaker_stays_unnamed_in_the_pipeline(
    backend: SpacyBackend,
) -> None:
    """A speaker described but not named ("the senior Olympic official") is not given the
    name of an entity inside the description ("Olympic")."""
    text = (
        "The senior Olympic official who raised the complaint said on Sunday that he had "
        'been "muzzled" by the board.'
    )
    parsed = backend(text)
    doc = Document(id="t", text=text)
    doc = replace(doc, parse=parsed, entities=extract_entities(doc, parsed))
    [annotated] = QuoteStage()([doc])
    assert all(q.speaker is None for q in annotated.quotes)
