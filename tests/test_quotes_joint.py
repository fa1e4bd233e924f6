"""Speakers where the layout or the small model's parse gets in the way: a closing mark typed
with its space on the wrong side, words spoken jointly (a name entity run over two people,
"the Brandts", "they"), a cue set off by commas whose name the parse made the sentence's
subject, a name the model tagged as a place, a cue the parse hung on nothing.

The texts name fictional people, organisations and outlets only. Each test parses with the
real spaCy model (the session's `backend`, parses cached) and asserts the exact speakers.
"""

from __future__ import annotations

from newsdesk.annotate.nlp import SpacyBackend
from tests.test_quotes_attribution import speakers


def test_quotes_closing_mark_typed_before_its_space(backend: SpacyBackend) -> None:
    """'..., "said X': the mark after the quote's comma and before a lowercase cue closes
    the quote; the next line, a quote alone, goes on with the same speaker."""
    text = (
        "The board met on Monday.\n"
        '"She is so patient, and she listens, "said board chairman Ivo Brandt.\n'
        '"I met her in Tessel."'
    )
    assert speakers(backend, text) == {
        "She is so patient, and she listens": "Ivo Brandt",
        "I met her in Tessel.": "Ivo Brandt",
    }


def test_quotes_joint_speakers_in_one_entity_are_the_first_named(backend: SpacyBackend) -> None:
    """The model tags "Mark and Condon" as one entity: the words are the first-named's."""
    text = (
        'Producers Ana Mark and Ivo Condon praised the choice. "He also has style and a '
        'sense of occasion," Mark and Condon said in a joint statement.'
    )
    assert speakers(backend, text) == {"He also has style and a sense of occasion": "Ana Mark"}


def test_quotes_family_and_they_speak_through_the_first_named(backend: SpacyBackend) -> None:
    """ "the Brandts wrote" and "they wrote"/"they added" after two people joined by "and"
    name the first-named of them, never a person called "Brandts"."""
    text = (
        'Church leaders wrote a letter to the Tessel Courier. "This attack was atypical in '
        'its brutality," wrote Peter Lomax and Susan Jansen. Gay people in the valley, they '
        'wrote, "are often met with derision and insult." On Monday his parents, Tom and '
        'Eva Brandt, released a statement. "He trusts everybody," the Brandts wrote. Noting '
        'that he was born early, they added, "He is short, but he is a giant."'
    )
    assert speakers(backend, text) == {
        "This attack was atypical in its brutality": "Peter Lomax",
        "are often met with derision and insult.": "Peter Lomax",
        "He trusts everybody": "Tom",
        "He is short, but he is a giant.": "Tom",
    }


def test_quotes_they_after_anyone_else_names_nobody(backend: SpacyBackend) -> None:
    """ "they" after a subject that is not two named people ("the residents") is nobody."""
    text = (
        "Peter Lomax and Susan Jansen run the shop. The residents met on Monday. Later, "
        'they said, "we will not move."'
    )
    assert speakers(backend, text) == {"we will not move.": None}


def test_quotes_cue_set_off_by_commas_names_the_speaker(backend: SpacyBackend) -> None:
    """ "The vote, said Rep. Ana Ruiz, R-Tessel, was '...'": the parse makes Ruiz the
    subject of "was" and "the vote" the subject of "said"; Ruiz spoke. A participle so
    set off ("The plan, said to cost millions,") is no cue."""
    text = (
        'The vote, said Rep. Ana Ruiz, R-Tessel, was "a debate about duty and nothing '
        'else." The plan, said to cost millions, was called "a waste" by the board.'
    )
    found = speakers(backend, text)
    assert found["a debate about duty and nothing else."] == "Ana Ruiz"


def test_quotes_known_name_tagged_as_a_place_before_its_cue(backend: SpacyBackend) -> None:
    """The model tags the bare surname of a person named before as an organisation, and
    the parse leaves "said" without a subject: the name right before the cue speaks."""
    text = (
        'As his uncle, R.W. Carlisle, told the Tessel Courier, the boy was "a small person '
        'with a big heart." Of his nephew\'s body Carlisle said, "It is like something you '
        'might see in a war."'
    )
    assert speakers(backend, text) == {
        "a small person with a big heart.": "R.W. Carlisle",
        "It is like something you might see in a war.": "R.W. Carlisle",
    }


def test_quotes_cue_hung_on_nothing_takes_the_subject_above(backend: SpacyBackend) -> None:
    """The parse reads "rule" as the verb and hangs "called" on it as an unknown relation
    (``dep``): the cue takes the subject of the verb it hangs on."""
    text = (
        "Harbour Board Chairman Ana Ruiz, who had been seeking to overturn Brandt's "
        'endangered species rule through legislation, called the decision "one more sign '
        'that the new council truly means change."'
    )
    assert speakers(backend, text) == {
        "one more sign that the new council truly means change.": "Ana Ruiz"
    }


def test_quotes_he_is_not_the_band_a_person_is_from(backend: SpacyBackend) -> None:
    """ "Tom Walcott from Starfield ... as he tweeted:": the model tags the band a person
    and the parse leaves Walcott no root subject; "he" is Walcott, not where he is from."""
    text = (
        "Fans waited all evening for the news.\n"
        "Self confessed sci - fi geek Tom Walcott from Starfield was the envy of his Twitter "
        "followers as he heard the news live from the studio, sitting amongst fellow fans as "
        "he tweeted:\n"
        '"That was tense, was sweating waiting for the big reveal!"'
    )
    assert speakers(backend, text) == {
        "That was tense, was sweating waiting for the big reveal!": "Tom Walcott"
    }


def test_quotes_the_pair_after_two_named_people(backend: SpacyBackend) -> None:
    """ "the pair said" after a quote of two people joined by "and", over a quote that
    runs across lines: the first-named."""
    text = (
        '"Ivo Brandt is a consummate entertainer," said Peter Lomax and Susan Jansen, the '
        "new producers of the show.\n"
        '"He also has style.\n'
        'He is the ideal choice," the pair said in a statement.'
    )
    assert speakers(backend, text) == {
        "Ivo Brandt is a consummate entertainer": "Peter Lomax",
        "He also has style.": "Peter Lomax",
        "He is the ideal choice": "Peter Lomax",
    }


def test_quotes_name_described_as_a_person_is_one(backend: SpacyBackend) -> None:
    """The model tags "Eli Field" an organisation; "another retired journalist" in
    apposition says he is a person, and the quote line below his line is his."""
    text = (
        "Outside court, his lawyer Paul Dekker said the man was not doing well.\n"
        '"He is presumed innocent and he should be treated better."\n'
        "Eli Field, another retired Tessel journalist who knew Ben's father from their days "
        "working in Tessel, said he met Ben and the other children through their parents.\n"
        '"They are a very close family."'
    )
    assert speakers(backend, text) == {
        "He is presumed innocent and he should be treated better.": "Paul Dekker",
        "They are a very close family.": "Eli Field",
    }


def test_quotes_the_release_speaks_for_who_spoke_in_it(backend: SpacyBackend) -> None:
    """'"...," read the press release' after "In a press statement ..., the Kestrel Union
    urged": the union (the parse makes the release the object of "read"), not the owner of
    a press release named further back. A report after someone's speech is not that
    speech: nobody."""
    text = (
        "According to a Tessel Mills press release, the yard lost money for years. The "
        "workers marched on Friday.\n"
        "The Kestrel Union has also condemned the closure. In a press statement released on "
        'Monday, the Kestrel Union urged the council to reopen the yard at once. "We urge '
        'the council to show restraint and to talk to the workers," read the press release. '
        "In his speech on Monday, Mayor Ana Ruiz urged the council to reopen the yard. "
        '"The yard must close by May," the report said.'
    )
    assert speakers(backend, text) == {
        "We urge the council to show restraint and to talk to the workers": "Kestrel Union",
        "The yard must close by May": None,
    }


def test_quotes_words_relayed_are_the_first_speakers(backend: SpacyBackend) -> None:
    """ "X and Y said the strikes could come '...,' Z told the agency": X and Y said the
    words (the first-named of them), Z relays them."""
    text = (
        "However, Ivo Brandt and Tomas Varga said the strikes could come ``if decisive steps "
        "are not taken at once for a real change in the valley,'' Foreign Ministry spokesman "
        "Pavel Lind told the Kestrel news agency."
    )
    assert speakers(backend, text) == {
        "if decisive steps are not taken at once for a real change in the valley": "Ivo Brandt"
    }


def test_quotes_headline_name_colon_quote(backend: SpacyBackend) -> None:
    """A line that is only a name, a colon and a quote (a headline) is the name's quote:
    the model tags "North Vale" a place; it speaks as the text names it."""
    text = (
        'North Vale: "Norland bombed the refugee camp"\n'
        "Published on: 11 November 2011\n"
        "A refugee camp in the north was bombed on Thursday, officials said."
    )
    assert speakers(backend, text)["Norland bombed the refugee camp"] == "North Vale"
