"""Speakers found by description on real-news layouts (spk18), on fictional text.

The people are fictional; the countries are real (a country and its adjective are
general English, the rule is about them). Each test parses with the real spaCy model.
"""

from __future__ import annotations

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.quotes.nominal import _as_places, _country_stem
from tests.test_quotes_attribution import speakers


def test_country_stem_and_adjective() -> None:
    """A country's adjective is read as the country the description names; other words,
    and a look-alike country's adjective, are left as they are."""
    assert _country_stem("chile") == "chil"
    assert _country_stem("norway") == "norwa"
    assert _country_stem("kestria") == ""  # not a country
    assert _as_places({"chilean", "senior"}, {"chile"}) == {"chile", "senior"}
    assert _as_places({"kenyan"}, {"kenya"}) == {"kenya"}
    assert _as_places({"peruvian"}, {"peru"}) == {"peruvian"}  # an ending not read
    assert _as_places({"australian"}, {"austria"}) == {"australian"}
    assert _as_places({"chilean"}, {"ambassador"}) == {"chilean"}


def test_description_with_a_country_finds_the_holder_given_its_adjective(
    backend: SpacyBackend,
) -> None:
    """ "Kenya's ambassador" is the person given the role "Kenyan Ambassador": one place
    written as a name and as an adjective."""
    text = (
        "Kenyan Ambassador Tomas Velarde met the committee in Kestrel on Monday.\n\n"
        'Kenya\'s ambassador said: "We expect an answer within a week."'
    )
    assert speakers(backend, text) == {"We expect an answer within a week.": "Tomas Velarde"}


def test_description_of_one_of_two_post_holders_names_the_one_named_next(
    backend: SpacyBackend,
) -> None:
    """Two prime ministers given no country: "Norway's prime minister" is the one the
    writer names in the next sentences, not the other, named long before."""
    filler = "".join(f"The talks lasted {n} hours on the {n}th day.\n" for n in range(3, 9))
    text = (
        "Prime Minister Ana Ruiz of Kestria arrived in Oslo on Sunday.\n"
        + filler
        + "Norway's prime minister told parliament that the country \"will not sign the "
        'treaty this year."\n'
        '"We need more time," Prime Minister Ivar Lunde said.'
    )
    found = speakers(backend, text)
    assert found["will not sign the treaty this year."] == "Ivar Lunde"


def test_description_of_one_of_two_post_holders_both_near_names_nobody(
    backend: SpacyBackend,
) -> None:
    """Both prime ministers named close to the description: nobody is named."""
    text = (
        "Prime Minister Ana Ruiz of Kestria arrived in Oslo on Sunday and Prime Minister "
        "Ivar Lunde met her at the airport.\n"
        "Norway's prime minister told reporters that the country \"will not sign the "
        'treaty this year."'
    )
    found = speakers(backend, text)
    assert found["will not sign the treaty this year."] is None


def test_spaced_mark_after_a_colon_opens_a_quote_run_over_lines(backend: SpacyBackend) -> None:
    """Tokenised copy spaces every mark ('He added: " ...'): after a colon such a mark
    opens a quote that runs over a line without marks into the next quoted line, all of
    it the speaker's the colon announces."""
    text = (
        "Harbour master Ilse Brandt opened the new pier in Kestrel on Monday.\n"
        'She added: " The pier took three years to build.\n'
        "The old one was closed in 2019.\n"
        '" Fishing boats can moor here again from today. "'
    )
    assert speakers(backend, text) == {
        "The pier took three years to build.": "Ilse Brandt",
        "The old one was closed in 2019.": "Ilse Brandt",
        "Fishing boats can moor here again from today.": "Ilse Brandt",
    }


def test_split_quote_with_inverted_cue_and_a_long_apposition(backend: SpacyBackend) -> None:
    """'"...," said Tomas Velarde, an economist who ..., "..."': the second part is his too,
    his name read after the cue in text order though the window before the quote is
    read from the quote back."""
    text = (
        '"The risk," said Tomas Velarde, an economist who is the director of the Kestrel '
        'Harbour Forecast, "is that we are going to be attracting workers and repelling jobs."'
    )
    found = speakers(backend, text)
    assert found["is that we are going to be attracting workers and repelling jobs."] == (
        "Tomas Velarde"
    )


def test_colon_intro_steps_over_the_subject_of_an_embedded_wh_clause(
    backend: SpacyBackend,
) -> None:
    """'X apologized for what happened: "..."': "what" is the nearest subject before the
    colon but names nobody; the subject of the clause that announces the quote spoke."""
    text = (
        'Ana Ruiz has since apologized for what happened: "Yes, I should have used two '
        'email addresses, one for personal matters and one for my work."'
    )
    assert list(speakers(backend, text).values()) == ["Ana Ruiz"]


def test_description_of_one_of_two_post_holders_with_one_in_its_sentence_names_nobody(
    backend: SpacyBackend,
) -> None:
    """A holder of the post named in the description's own sentence is somebody else
    ("... as Prime Minister X arrived"): nobody is named."""
    filler = "".join(f"The talks lasted {n} hours on the {n}th day.\n" for n in range(3, 9))
    text = (
        "Prime Minister Ivar Lunde opened the talks in Oslo on Sunday.\n"
        + filler
        + "Norway's prime minister told parliament the country \"will not sign the treaty "
        'this year," as Prime Minister Ana Ruiz of Kestria arrived.'
    )
    found = speakers(backend, text)
    assert found["will not sign the treaty this year"] is None
