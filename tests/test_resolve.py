"""The person resolver: which names of a story are one person (fictional names only)."""

from __future__ import annotations

import pytest

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.resolve import name_key, story_targets


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Marek 'Red' Olsza", 'Marek "The Red" Olsza'),
        ("Han Soo - ri", "Han Soo-ri"),
        ("Zoë Ruíz", "Zoe Ruiz"),
        ("ELSA  VANTER", "Elsa Vanter"),
        ("Orvin Pell Halloway Jr.", "Orvin Pell Halloway Jr"),
    ],
)
def test_resolve_name_key_same_person(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def _people(*names: str) -> dict[str, str]:
    return {name_key(n): n for n in names}


def test_resolve_nickname_joins_formal_name() -> None:
    """Issue 10: "Tom Lenz" in one report and "Thomas Lenz" in another are one person, and
    the surname alone joins them both."""
    targets = story_targets(_people("Thomas Lenz", "Tom Lenz", "Lenz"))
    assert targets == {
        "thomas lenz": "thomas lenz",
        "tom lenz": "thomas lenz",
        "lenz": "thomas lenz",
    }


@pytest.mark.parametrize(
    "names",
    [
        ("Thomas Lenz", "Tamara Lenz"),  # one surname, two people
        ("Tom Lenz", "Tom Harrow"),  # one given name, two people
        ("Thomas Lenz", "Tom Lenzer"),  # a nickname, another surname
    ],
)
def test_resolve_different_people_stay_apart(names: tuple[str, str]) -> None:
    targets = story_targets(_people(*names))
    assert targets == {name_key(n): name_key(n) for n in names}


def test_resolve_surname_with_two_people_stays_alone() -> None:
    targets = story_targets(_people("Thomas Lenz", "Tamara Lenz", "Lenz"))
    assert targets["lenz"] == "lenz"


def test_resolve_spelling_variant_joins() -> None:
    targets = story_targets(_people("Marek Olsztynk", "Marek Olsztyk"))
    assert targets["marek olsztyk"] == "marek olsztynk"


def test_resolve_one_changed_letter_of_a_long_surname_joins() -> None:
    targets = story_targets(_people("Ilona Strakovitova", "Ilona Strakavitova", "Strakavitova"))
    assert len(set(targets.values())) == 1


def test_resolve_one_changed_letter_of_a_short_surname_stays_apart() -> None:
    targets = story_targets(_people("Erik Jansen", "Erik Hansen"))
    assert targets == {"erik jansen": "erik jansen", "erik hansen": "erik hansen"}


def test_resolve_middle_initial_joins_the_one_fuller_name() -> None:
    targets = story_targets(_people("Ana Ruiz", "Ana M. Ruiz", "Ruiz"))
    assert targets == {
        "ana ruiz": "ana m. ruiz",
        "ana m. ruiz": "ana m. ruiz",
        "ruiz": "ana m. ruiz",
    }


def test_resolve_two_fuller_names_leave_the_short_one_alone() -> None:
    targets = story_targets(_people("Ana Ruiz", "Ana M. Ruiz", "Ana T. Ruiz"))
    assert targets["ana ruiz"] == "ana ruiz"


def test_resolve_name_without_its_first_given_name_joins_the_full_name() -> None:
    """Issue 10: "Lise Brandt" (a middle name and the surname) and "Ka'vona Brandt" are
    the one "Ka'Vona Lise Brandt" of the story."""
    targets = story_targets(_people("Ka'Vona Lise Brandt", "Lise Brandt", "Ka'vona Brandt"))
    assert set(targets.values()) == {"ka'vona lise brandt"}


def test_resolve_name_tail_with_two_fuller_names_stays_apart() -> None:
    targets = story_targets(_people("Ivo Lise Brandt", "Ana Lise Brandt", "Lise Brandt"))
    assert targets["lise brandt"] == "lise brandt"


def _documents(**names: str) -> dict[str, frozenset[str]]:
    """name_key → the documents writing it, from "doc=Name;Name" keyword arguments."""
    found: dict[str, set[str]] = {}
    for doc, written in names.items():
        for name in written.split(";"):
            found.setdefault(name_key(name), set()).add(doc)
    return {k: frozenset(v) for k, v in found.items()}


def test_resolve_given_name_one_letter_apart_joins_across_documents() -> None:
    """ "Robyn Ann Velde" in one report, "Robin Velde" in another: one person."""
    people = _people("Robyn Ann Velde", "Robyn Velde", "Robin Velde", "Velde")
    documents = _documents(a="Robyn Ann Velde", b="Robin Velde;Velde", c="Robyn Velde")
    targets = story_targets(people, documents)
    assert targets["robin velde"] == targets["robyn velde"] == "robyn ann velde"
    assert targets["velde"] == "robyn ann velde"


def test_resolve_given_name_spelt_two_ways_joins_across_documents() -> None:
    """ "Katherine Velde" and "Kathryn Velde" (one name's spellings: kate, kathy) in two
    reports are one person; written in one report, two."""
    people = _people("Katherine Velde", "Kathryn Velde")
    targets = story_targets(people, _documents(a="Katherine Velde", b="Kathryn Velde"))
    assert targets["kathryn velde"] == targets["katherine velde"]
    targets = story_targets(people, _documents(a="Katherine Velde;Kathryn Velde"))
    assert targets["kathryn velde"] != targets["katherine velde"]


def test_resolve_given_name_one_letter_apart_in_one_document_stays_apart() -> None:
    """A document writing both "Marian Velde" and "Marion Velde" names two people."""
    people = _people("Marian Velde", "Marion Velde")
    documents = _documents(a="Marian Velde;Marion Velde", b="Marion Velde")
    targets = story_targets(people, documents)
    assert targets["marian velde"] == "marian velde"
    assert targets["marion velde"] == "marion velde"


@pytest.mark.parametrize(
    "names",
    [
        ("Tomas Velde", "Jonas Velde"),  # two letters apart
        ("Anna Velde", "Anne Velde"),  # too short to tell a spelling from another name
        ("Ellen Velde", "Allen Velde"),  # another initial
        ("Alexander Velde", "Alexandra Velde"),  # a man's name and a woman's
        ("Joseph Velde", "Josephine Velde"),
    ],
)
def test_resolve_other_given_names_sharing_a_surname_stay_apart(names: tuple[str, str]) -> None:
    documents = _documents(a=names[0], b=names[1])
    targets = story_targets(_people(*names), documents)
    assert targets[name_key(names[0])] != targets[name_key(names[1])]


def test_roles_in_passing_one_rule_for_entities_and_quotes(backend: SpacyBackend) -> None:
    """A person introduced as another's relative is mentioned in passing (the passage is
    about the other person), unless they are the subject that speaks."""
    from newsdesk.annotate.quotes.cues import is_cue
    from newsdesk.annotate.roles import in_passing

    def passing(text: str, name: str, speaks: bool = False) -> bool:
        parsed = backend(text)
        start = text.index(name)
        token = parsed.char_span(start, start + len(name)).root
        return in_passing(token, is_cue) if speaks else in_passing(token)

    assert passing("His late brother, Otto Brandt, founded the yard.", "Otto Brandt")
    assert passing("The yard of Otto Brandt, her brother, closed.", "Otto Brandt")
    assert passing("Lena Ostrova, whose father Karl Ostrova built it, spoke.", "Karl Ostrova")
    assert not passing("Otto Brandt, her brother, said the yard would close.", "Otto Brandt")
    assert not passing("His wife, Ann Vale, said he was at home.", "Ann Vale", speaks=True)
    assert not passing("Otto Brandt founded the yard in 1990.", "Otto Brandt")


def test_resolve_nickname_joins_formal_name_with_middle_initial() -> None:
    """ "Tom Lenz" is the "Thomas J. Lenz" of the story, even when "Thomas Lenz" is
    written too (it is the same fuller name)."""
    targets = story_targets(_people("Thomas J. Lenz", "Thomas Lenz", "Tom Lenz", "Lenz"))
    assert set(targets.values()) == {"thomas j. lenz"}


def test_resolve_surname_in_one_word_or_two_joins() -> None:
    """ "Ivo DelVecchio" and "Ivo Del Vecchio" are one person; so is "Del Vecchio"."""
    targets = story_targets(_people("Ivo Del Vecchio", "Ivo DelVecchio", "Del Vecchio"))
    assert len(set(targets.values())) == 1


def test_resolve_nickname_with_other_middle_name_stays_apart() -> None:
    targets = story_targets(_people("Thomas J. Lenz", "Tom K. Lenz"))
    assert targets["tom k. lenz"] == "tom k. lenz"


def test_resolve_name_cut_after_its_initial_joins_the_full_name() -> None:
    """ "Ana M." (a line cut the surname off) is the one "Ana M. Ruiz" of the story; with
    two such full names it stays alone."""
    assert story_targets(_people("Ana M.", "Ana M. Ruiz"))["ana m."] == "ana m. ruiz"
    assert story_targets(_people("Ana M.", "Ana M. Ruiz", "Ana M. Vale"))["ana m."] == "ana m."


def test_resolve_name_with_a_particle_joins_the_name_without_it() -> None:
    """ "Omar al-Brandt" (copy that spaces its hyphens: "al - Brandt") and "Omar Brandt"
    are one person; so are "Ivo van Hale" and "Ivo Hale"."""
    targets = story_targets(_people("Omar al - Brandt", "Omar Brandt", "Ivo van Hale", "Ivo Hale"))
    assert targets["omar brandt"] == targets["omar al-brandt"]
    assert targets["ivo hale"] == targets["ivo van hale"]
    assert targets["omar brandt"] != targets["ivo hale"]


def test_resolve_fuller_name_with_a_suffix_joins() -> None:
    # a middle initial and a generational suffix the short name does not write
    targets = story_targets(_people("Orvin Halloway", "Orvin P. Halloway II", "Halloway"))
    assert targets["orvin halloway"] == "orvin p. halloway ii"


def test_resolve_suffix_alone_stays_apart() -> None:
    # "Orvin Halloway Jr." may be the son of "Orvin Halloway"
    targets = story_targets(_people("Orvin Halloway", "Orvin Halloway Jr."))
    assert targets["orvin halloway"] == "orvin halloway"


def test_resolve_name_with_a_middle_initial_wins_over_one_with_a_word_before_it() -> None:
    # "Member Ana Ruiz" (a title the model kept) is no second owner of "Ana Ruiz"
    names = {name_key(n): n for n in ("Ana M. Ruiz", "Ana Ruiz", "Member Ana Ruiz")}
    targets = story_targets(names, {k: frozenset({k}) for k in names})
    assert targets["ana ruiz"] == "ana m. ruiz"
