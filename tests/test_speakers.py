"""Speakers on real layouts (issue 10, item 5): organisations, passive agents, names that
only modify a noun, hyphenated names as written. Texts and people are invented."""

from __future__ import annotations

from dataclasses import replace

from newsdesk.annotate.entities import extract_entities, merge_entities
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.quotes import extract_quotes
from newsdesk.annotate.stages import QuoteStage
from newsdesk.model import Document, Entity, Mention, Quote, Span


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


# ---------------------------------------------------------------- what a name names


def _types(backend: SpacyBackend, text: str) -> dict[str, str]:
    doc = Document(id="d1", text=text)
    return {e.name: e.type for e in extract_entities(doc, backend(text))}


def test_entities_issue10_place_and_building_words_are_not_people(
    backend: SpacyBackend,
) -> None:
    text = (
        "Maren Holt was flown to Tessby Hospital on Monday. A climber fell at Orvik Mount "
        "Sella the same day. Ann Vale, 23, of Brockwick, was arrested. The quake struck "
        "near the provincial capital Karsa Lundt."
    )
    types = _types(backend, text)
    assert types.get("Maren Holt") == "PERSON"
    for name in ("Tessby Hospital", "Orvik Mount Sella", "Brockwick", "Karsa Lundt"):
        assert types.get(name, "absent") != "PERSON", name


def test_entities_issue10_vessels_listed_or_aboard_are_not_people(
    backend: SpacyBackend,
) -> None:
    text = (
        "Three yachts are still missing. The missing boats are the cutter Elsa Brand; "
        "Northern Star; and Silver Gull Runner. Rescuers reached the crew aboard Tom Arlo."
    )
    types = _types(backend, text)
    for name in ("Elsa Brand", "Silver Gull Runner", "Tom Arlo"):
        assert types.get(name, "absent") != "PERSON", name


def test_entities_issue10_storm_word_opens_a_storm_name(backend: SpacyBackend) -> None:
    text = "Hurricane Odile hit the coast on Monday. By Tuesday Odile had weakened."
    types = _types(backend, text)
    assert types.get("Odile") == "EVENT"


def test_entities_issue10_the_word_always_after_the_is_not_a_person(
    backend: SpacyBackend,
) -> None:
    text = "The bill passed in the Storting on Monday. Critics in the Storting said it was rushed."
    assert _types(backend, text).get("Storting", "absent") != "PERSON"


def test_entities_issue10_merge_quoted_nickname_and_given_name() -> None:
    def person(doc: str, name: str) -> Entity:
        span = Span(doc, 0, len(name))
        return Entity(f"{doc}:e1", name, "PERSON", (), (), (Mention(span, name, "PERSON"),))

    merged, _ = merge_entities(
        [
            person("a", "Arturo 'Fox' Benedetti"),
            person("b", 'Arturo "The Fox" Benedetti'),
            person("c", "Arturo"),
            person("c", "Benedetti"),
        ]
    )
    assert len(merged) == 1


def test_speakers_issue10_cue_with_its_own_quote_is_not_the_previous_ones(
    backend: SpacyBackend,
) -> None:
    text = (
        '"We met every rule," Ilse Marten said. "The records are open to anyone." '
        'Harbour board member Oskar Lind described the dispute as "unhelpful" for the town.'
    )
    quotes = quotes_of(backend, text)
    assert speaker_of(quotes, "The records are open") == "Ilse Marten"
    assert speaker_of(quotes, "unhelpful") == "Oskar Lind"


# ---------------------------------------------------------------- one person resolver


def test_resolve_issue11_quotes_name_speakers_as_the_entities_do(
    backend: SpacyBackend,
) -> None:
    """The speaker of a quote carries the name of the PERSON entity of its mention, even
    where the quotes alone would resolve a surname differently."""
    text = (
        "Councillor Ruth Ambrose-Kell opened the session. Ms. Ambrose-Kell then left.\n\n"
        '"The budget is sound," Ambrose-Kell said.'
    )
    parsed = backend(text)
    doc = Document(id="t", text=text)
    entities = extract_entities(doc, parsed)
    [person] = [e for e in entities if e.type == "PERSON"]
    [quote] = extract_quotes(replace(doc, entities=entities), parsed)
    assert quote.speaker == person.name == "Ruth Ambrose-Kell"


def test_resolve_issue11_story_targets() -> None:
    from newsdesk.annotate.resolve import name_key, story_targets

    people = {
        name_key(n): n
        for n in ("Lena Ortsberg", "Ortsberg", "Lena", "Paul Hale", "Maria Hale", "Hale")
    }
    targets = story_targets(people)
    assert targets["ortsberg"] == targets["lena"] == "lena ortsberg"
    assert targets["hale"] == "hale"  # two people share the surname: it stays apart


def test_speakers_issue10_negated_modal_or_refused_speech_is_not_a_quote(
    backend: SpacyBackend,
) -> None:
    for text in (
        "Marta Vell was convicted on Monday. Vell has not said whether she will appeal.",
        "Marta Vell never said the ferry plan had failed.",
        "Oskar Lind declined to say whether the ferry would run on Sunday.",
        "Oskar Lind may say that the port is closed.",
    ):
        assert quotes_of(backend, text) == (), text
    [quote] = quotes_of(backend, "Oskar Lind said that the port is closed.")
    assert quote.text == "the port is closed"


def test_resolve_issue10_misspelt_surname_joins_the_full_name() -> None:
    from newsdesk.annotate.resolve import story_targets

    targets = story_targets(
        {"lena ortsberg": "Lena Ortsberg", "lena ortsbrg": "Lena Ortsbrg", "ortsbrg": "Ortsbrg"}
    )
    assert targets["lena ortsbrg"] == targets["ortsbrg"] == "lena ortsberg"
    assert story_targets({"ann lee": "Ann Lee", "ann le": "Ann Le"})["ann le"] == "ann le"
