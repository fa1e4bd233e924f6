"""Quotes and speaker attribution: one test per pattern, on fictional text, plus the gate.

The texts name fictional people and outlets only. Each test parses with the real spaCy
model (the session's `backend`, parses cached) and asserts the exact speaker, role, relays
and flags.
"""

from __future__ import annotations

import json

import pytest

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.quotes import canonical_name, extract_quotes
from newsdesk.model import Document, Quote
from tests.conftest import ROOT, bench_module, require_shared_data


def quotes_of(backend: SpacyBackend, text: str, outlet: str | None = None) -> tuple[Quote, ...]:
    doc = Document(id="t", text=text, outlet=outlet)
    found = extract_quotes(doc, backend(text))
    for quote in found:
        assert quote.text == doc.text[quote.span.start : quote.span.end]
        if quote.speaker_span is not None:
            assert quote.speaker_span.end <= len(text)
    return found


def direct(found: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in found if q.direct]


def test_quotes_said_after_quote_with_apposition_role(backend: SpacyBackend) -> None:
    text = (
        "The harbour will stay closed until spring.\n\n"
        "“We will not reopen the northern berths before April,” said Dmitri Alenko, "
        "a professor of maritime law at Tessel University."
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.text == "We will not reopen the northern berths before April"
    assert quote.speaker == "Dmitri Alenko"
    assert quote.speaker_role == "a professor of maritime law at Tessel University"
    assert quote.cue == "said"
    assert quote.via == ()
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "Dmitri Alenko"


def test_quotes_surname_resolves_to_full_name(backend: SpacyBackend) -> None:
    text = (
        "Dmitri Alenko has studied the port for twenty years.\n\n"
        '"The tides have changed and the charts have not," Alenko said.'
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker == "Dmitri Alenko"
    assert quote.text == "The tides have changed and the charts have not"


def test_quotes_curly_and_straight_marks(backend: SpacyBackend) -> None:
    text = (
        "“The ferry timetable is a mess,” Inga Solberg said on Monday.\n\n"
        '"We are rewriting it from scratch," Solberg added.'
    )
    quotes = direct(quotes_of(backend, text))
    assert [q.text for q in quotes] == [
        "The ferry timetable is a mess",
        "We are rewriting it from scratch",
    ]
    assert [q.speaker for q in quotes] == ["Inga Solberg", "Inga Solberg"]
    assert [q.cue for q in quotes] == ["said", "added"]


def test_quotes_prenominal_title_is_role_not_name(backend: SpacyBackend) -> None:
    text = (
        "Deputy Harbour Master Inga Solberg said: “Every vessel will be inspected "
        "before it leaves the quay.”"
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker == "Inga Solberg"
    assert quote.speaker_role == "Deputy Harbour Master"


def test_quotes_split_around_cue_both_parts_get_speaker(backend: SpacyBackend) -> None:
    text = (
        "“The dredging contract was signed in a hurry,” Alenko said. “Nobody read "
        "the environmental annex.”\n\nDmitri Alenko teaches at Tessel University."
    )
    quotes = direct(quotes_of(backend, text))
    assert [q.text for q in quotes] == [
        "The dredging contract was signed in a hurry",
        "Nobody read the environmental annex.",
    ]
    assert {q.speaker for q in quotes} == {"Dmitri Alenko"}


def test_quotes_split_with_single_marks(backend: SpacyBackend) -> None:
    text = (
        "Inga Solberg spoke to reporters at the quay.\n\n"
        "'The cranes are older than I am,' she said. 'They should have been replaced.'"
    )
    quotes = direct(quotes_of(backend, text))
    assert [q.text for q in quotes] == [
        "The cranes are older than I am",
        "They should have been replaced.",
    ]
    assert [q.speaker for q in quotes] == ["Inga Solberg", "Inga Solberg"]


def test_quotes_multi_paragraph_quote(backend: SpacyBackend) -> None:
    text = (
        "Inga Solberg described the night of the storm.\n\n"
        "“The first wave took the pilot boat off its moorings,” Solberg said. “The second "
        "one flooded the control room.\n\n"
        "“By midnight we were steering the tugs by hand.”\n\n"
        "The port reopened two days later."
    )
    quotes = direct(quotes_of(backend, text))
    assert [q.text for q in quotes] == [
        "The first wave took the pilot boat off its moorings",
        "The second one flooded the control room.",
        "By midnight we were steering the tugs by hand.",
    ]
    assert {q.speaker for q in quotes} == {"Inga Solberg"}


def test_quotes_introduced_by_colon_and_dash(backend: SpacyBackend) -> None:
    text = (
        "Dmitri Alenko was blunt: “The breakwater will not survive another winter.”\n\n"
        "Inga Solberg disagreed — “The breakwater was rebuilt in 2019 and it is sound.”"
    )
    quotes = direct(quotes_of(backend, text))
    assert [q.speaker for q in quotes] == ["Dmitri Alenko", "Inga Solberg"]
    assert quotes[0].text == "The breakwater will not survive another winter."


def test_quotes_nested_single_quotes_stay_in_outer_quote(backend: SpacyBackend) -> None:
    text = (
        "“The minister told us the port was ‘open for business’ while the cranes stood "
        "idle,” Alenko said.\n\nDmitri Alenko has advised the port authority since 2015."
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.text == (
        "The minister told us the port was ‘open for business’ while the cranes stood idle"
    )
    assert quote.speaker == "Dmitri Alenko"


def test_quotes_according_to_person(backend: SpacyBackend) -> None:
    text = "“The audit found nothing unusual,” according to Inga Solberg."
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker == "Inga Solberg"
    assert quote.cue == "according to"


def test_quotes_told_outlet_is_relay(backend: SpacyBackend) -> None:
    text = "“We expect the first container ship in May,” Inga Solberg told the Northshore Post."
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker == "Inga Solberg"
    assert quote.cue == "told"
    assert quote.via == ("Northshore Post",)


def test_quotes_pronoun_resolves_to_recent_person(backend: SpacyBackend) -> None:
    text = (
        "Dmitri Alenko criticised Inga Solberg's dredging plan on Tuesday.\n\n"
        "“The plan ignores the silt entirely,” he said."
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker == "Dmitri Alenko"
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "he"


def test_quotes_pronoun_uses_gender(backend: SpacyBackend) -> None:
    text = (
        "Inga Solberg met Dmitri Alenko at the quay on Tuesday.\n\n"
        "“We agreed on nothing except the weather,” she said."
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker == "Inga Solberg"


def test_quotes_speaker_introduced_in_previous_paragraph(backend: SpacyBackend) -> None:
    text = (
        "Dmitri Alenko, a professor of maritime law at Tessel University, was not "
        "impressed.\n\n"
        "“This is the third inquiry in five years and none of them has changed anything.”"
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker == "Dmitri Alenko"
    assert quote.speaker_role == "a professor of maritime law at Tessel University"


def test_quotes_shared_surname_most_recent_and_title(backend: SpacyBackend) -> None:
    text = (
        "Mayor Anika Brandt opened the new ferry terminal. Dr. Felix Brandt, her "
        "cousin, leads the port hospital.\n\n"
        "“The hospital needs a helipad before the terminal needs a café,” Brandt said.\n\n"
        "“The terminal will pay for itself within a decade,” Mayor Brandt said."
    )
    quotes = direct(quotes_of(backend, text))
    assert [q.speaker for q in quotes] == ["Felix Brandt", "Anika Brandt"]
    assert quotes[1].speaker_role == "Mayor"


def test_quotes_canonical_name_helper() -> None:
    people = [
        (0, ("Anika", "Brandt"), "mayor"),
        (40, ("Felix", "Brandt"), "dr"),
        (90, ("Dmitri", "Alenko"), None),
    ]
    assert canonical_name(("Alenko",), None, people, 200) == "Dmitri Alenko"
    assert canonical_name(("Brandt",), None, people, 200) == "Felix Brandt"
    assert canonical_name(("Brandt",), None, people, 20) == "Anika Brandt"
    assert canonical_name(("Brandt",), "mayor", people, 200) == "Anika Brandt"
    assert canonical_name(("Brandt",), "dr", people, 30) == "Felix Brandt"
    assert canonical_name(("Ostrova",), None, people, 200) == "Ostrova"


def test_quotes_relay_according_to_outlet(backend: SpacyBackend) -> None:
    text = (
        "Dmitri Alenko spoke at the inquiry.\n\n"
        "“The logs were altered after the collision,” Alenko said, according to Meridian Wire."
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker == "Dmitri Alenko"
    assert quote.via == ("Meridian Wire",)
    assert quote.cue == "said"


def test_quotes_relay_outlet_reports(backend: SpacyBackend) -> None:
    text = (
        "Inga Solberg addressed the harbour board.\n\n"
        "“The logs were altered after the collision,” Solberg said, the Northshore Post reports."
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker == "Inga Solberg"
    assert quote.via == ("Northshore Post",)


def test_quotes_reported_speech_that_clause(backend: SpacyBackend) -> None:
    text = (
        "Dmitri Alenko said that the harbour authority had ignored three safety reports. "
        "Inga Solberg indicated that the northern quay would reopen in June."
    )
    found = quotes_of(backend, text)
    assert all(not q.direct for q in found)
    assert [(q.text, q.speaker, q.cue) for q in found] == [
        ("the harbour authority had ignored three safety reports", "Dmitri Alenko", "said"),
        ("the northern quay would reopen in June", "Inga Solberg", "indicated"),
    ]


def test_quotes_reported_speech_relays_and_according_to(backend: SpacyBackend) -> None:
    text = (
        "Dmitri Alenko spoke to reporters on Monday.\n\n"
        "Alenko told the Northshore Post that the berths would reopen in April. "
        "According to Meridian Wire, the harbour board will meet again in May."
    )
    found = quotes_of(backend, text)
    assert all(not q.direct for q in found)
    assert [(q.text, q.speaker, q.via, q.cue) for q in found] == [
        ("the berths would reopen in April", "Dmitri Alenko", ("Northshore Post",), "told"),
        ("the harbour board will meet again in May", "Meridian Wire", (), "according to"),
    ]


def test_quotes_scare_quotes_and_titles_are_not_speech(backend: SpacyBackend) -> None:
    text = (
        "The so-called “blue corridor” was never built. The harbour museum is showing "
        "“The Last Ferry to Tessel” this winter, and locals still call the old pier "
        "“the Needle”."
    )
    assert direct(quotes_of(backend, text)) == []


def test_quotes_short_fragment_with_cue_and_speaker_is_speech(backend: SpacyBackend) -> None:
    text = "Inga Solberg called the new timetable “a disgrace” on Monday."
    [quote] = direct(quotes_of(backend, text))
    assert quote.text == "a disgrace"
    assert quote.speaker == "Inga Solberg"


def test_quotes_unidentified_speaker_is_none(backend: SpacyBackend) -> None:
    text = (
        "The storm damaged three cranes.\n\n"
        "“Nobody will work on those cranes again this year,” he reportedly said."
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker is None
    assert quote.speaker_span is None


def test_quotes_markup_and_stray_mark_do_not_break_pairing(backend: SpacyBackend) -> None:
    text = (
        'Inga Solberg posted a photo. <tweet author="@portnorth" date="May 2">The quay '
        "at dawn</tweet>\n\n"
        'The 6" pipes were replaced last year.\n\n'
        "“The new pipes cost less than the old ones,” Solberg said."
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.text == "The new pipes cost less than the old ones"
    assert quote.speaker == "Inga Solberg"


def test_quotes_speaker_from_nested_quote_is_not_taken(backend: SpacyBackend) -> None:
    text = "“When Brandt said ‘we are done’ she meant the budget, not the port,” Inga Solberg said."
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker == "Inga Solberg"


def test_quotes_according_to_after_own_cue_is_a_relay(backend: SpacyBackend) -> None:
    text = (
        "The trawler's skipper, Bruno Kaltvik, 47, has fished these banks since he was a "
        "boy.\n\n"
        "“The pumps failed twice before noon,” the skipper said, according to the Harbour "
        "Ledger.\n\n"
        "“We bailed with buckets until the tug came,” a deckhand said, according to the "
        "Harbour Ledger."
    )
    first, second = direct(quotes_of(backend, text))
    assert first.speaker == "Bruno Kaltvik"
    assert first.speaker_role == "The trawler's skipper"
    assert first.cue == "said"
    assert first.via == ("Harbour Ledger",)
    assert second.speaker is None  # the relay is never the speaker
    assert second.cue == "said"
    assert second.via == ("Harbour Ledger",)


def test_quotes_definite_description_names_the_one_person_so_described(
    backend: SpacyBackend,
) -> None:
    text = (
        "Governor Selma Ravik opened the new bridge on Friday.\n\n"
        "The governor said the toll would be dropped in May."
    )
    [quote] = quotes_of(backend, text)
    assert (quote.speaker, quote.cue, quote.direct) == ("Selma Ravik", "said", False)
    text = (
        "Professor Lina Sorvik and Professor Tomas Eklund both sit on the panel.\n\n"
        "“The data are not in yet,” the professor said."
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker is None  # two professors: nobody is named
    assert quote.speaker_role == "the professor"


def test_quotes_reportedly_said_with_pronoun_names_nobody(backend: SpacyBackend) -> None:
    text = (
        "Pavel Orn, a spokesman for the dock workers, said the strike would go ahead. A "
        "recording from the picket line was posted online.\n\n"
        "“Nobody crosses this line tonight,” he reportedly said."
    )
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker is None
    assert quote.speaker_span is None


def test_quotes_pronoun_gender_from_kinship_apposition(backend: SpacyBackend) -> None:
    text = (
        "Tobin Arlo, 40, a welder at the yard, was injured in the blast. His wife, Reva "
        "Arlo, who teaches at the harbour school, said the family had been told of his "
        "injuries by a nurse.\n\n"
        "“He never complained about the work,” she said. “He said the sparks were the best "
        "part.”"
    )
    quotes = direct(quotes_of(backend, text))
    assert [q.speaker for q in quotes] == ["Reva Arlo", "Reva Arlo"]
    assert quotes[0].speaker_role == "His wife"


def test_quotes_own_outlet_is_the_writer_not_a_speaker(backend: SpacyBackend) -> None:
    text = (
        "The Lantern can reveal the dredger was using the “quiet channel” – a route that "
        "the port never approved."
    )
    assert quotes_of(backend, text, outlet="The Evening Lantern") == ()
    text = "A dock source told the Lantern: “The channel was never surveyed, not once.”"
    [quote] = quotes_of(backend, text, outlet="The Evening Lantern")
    assert (quote.speaker, quote.via) == (None, ())  # the outlet told is the writer


def test_quotes_age_is_not_a_role(backend: SpacyBackend) -> None:
    text = (
        "Marta Oskvik, 63, said: “The water came up to the second step of the church.”\n\n"
        "Lise Varnes, 41, a pilot for the port, said: “We had never seen a tide like it.”"
    )
    quotes = direct(quotes_of(backend, text))
    assert [(q.speaker, q.speaker_role) for q in quotes] == [
        ("Marta Oskvik", None),
        ("Lise Varnes", "a pilot for the port"),
    ]


def test_quotes_rejects_a_parse_of_another_text(backend: SpacyBackend) -> None:
    with pytest.raises(ValueError):
        extract_quotes(Document(id="t", text="one text"), backend("another text"))


@pytest.mark.slow
def test_quotes_gate_polnear_dev(backend: SpacyBackend) -> None:
    """Lenient (``''…''`` quotes count as direct) and strict (``has_quote_marks`` as given:
    the README's headline) direct quotes, and all attributions, against their floors."""
    bench = bench_module("quotes")
    require_shared_data(bench.data_dir() / "dev.jsonl")
    floors = json.loads((ROOT / "bench" / "floors" / "quotes.json").read_text())
    result = bench.evaluate("dev", backend=backend)
    ours = result["newsdesk"]
    assert ours["direct"]["f1"] >= floors["direct_f1"]
    assert ours["direct"]["speaker_accuracy"] >= floors["speaker_accuracy"]
    assert ours["direct_strict"]["f1"] >= floors["direct_strict_f1"]
    assert ours["direct_strict"]["speaker_accuracy"] >= floors["strict_speaker_accuracy"]
    assert ours["all"]["f1"] >= floors["all_f1"]


@pytest.mark.parametrize(
    "text",
    [
        "“The ferry will not run before April.“ Dmitri Alenko said on Monday.",
        "”The ferry will not run before April.” Dmitri Alenko said on Monday.",
    ],
)
def test_quotes_marks_written_the_wrong_way_round(backend: SpacyBackend, text: str) -> None:
    """A closing mark typed as an opening one after a full stop, or an opening mark typed
    as a closing one before a word, still pairs."""
    [quote] = direct(quotes_of(backend, text))
    assert quote.text == "The ferry will not run before April."


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a word the parse set beside a name says nothing of what the speaker is
        ('"This is very painful for our family," a tearful Ana Brandt told reporters.', None),
        (  # "himself" says nothing; the apposition after it does
            'Ambassador Ivo Lenz, himself an exile in the 1970s, said: "We are not '
            'protecting the general." Lenz spoke in Valmont.',
            "an exile in the 1970s",
        ),
        ('"We are ready," said Ana Brandt, a retired teacher.', "a retired teacher"),
    ],
)
def test_quotes_speaker_role_says_what_a_person_is(
    backend: SpacyBackend, text: str, role: str | None
) -> None:
    [quote] = direct(quotes_of(backend, text))
    assert quote.speaker is not None
    assert quote.speaker_role == role
