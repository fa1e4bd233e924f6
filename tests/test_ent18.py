"""Who is who on real news: names without a word fused before them, titles without the
words of another phrase (issue 10).

Texts are fictional, written for these tests; parsed with the real spaCy model.
"""

from __future__ import annotations

import pytest

from newsdesk.annotate.nlp import SpacyBackend

pytestmark = pytest.mark.slow


def _people(backend: SpacyBackend, text: str) -> dict[str, list[str]]:
    """Name → roles of the PERSON entities of ``text``."""
    from newsdesk import Document
    from newsdesk.registry import build_pipeline

    [doc] = build_pipeline(("parse", "entities"), backend=backend)([Document("d1", text)])
    return {e.name: [r.text for r in e.roles] for e in doc.entities if e.type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a noun with its own article, the object of another phrase, is no title word
        (
            "In a Monday statement President Ivo Brandt said the bridge would open.",
            "Ivo Brandt",
            ["President"],
        ),
        (
            "Two of the witnesses District Attorney Marek Olsza called were late.",
            "Marek Olsza",
            ["District Attorney"],
        ),
        # a noun whose relative clause the name is the subject of is no title
        ("It was the last time Marek Olsza played at home.", "Marek Olsza", []),
        # a name with "of" leading the title's capitalised qualifier
        (
            "He is the son-in-law of Hall of Fame coach Marek Olsza.",
            "Marek Olsza",
            ["Hall of Fame coach"],
        ),
        (
            "In between rounds Hall of Fame trainer Marek Olsza told him to stop.",
            "Marek Olsza",
            ["Hall of Fame trainer"],
        ),
        # ... not a title or a nationality after "of"
        ("She joined the Government of Prime Minister Ana Vale.", "Ana Vale", ["Prime Minister"]),
    ],
)
def test_ent18_titles_are_the_words_that_qualify_the_name(
    backend: SpacyBackend, text: str, name: str, roles: list[str]
) -> None:
    assert _people(backend, text)[name] == roles


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a plural before a known given name is no given name
        ("The victims were Canadians Peter Olsza and Ana Vale.", "Peter Olsza"),
        # a word the document writes in a team's name, or a plural, is no given name
        ("The Valmont Bobcats won. Bobcats Peter Olsza scored.", "Peter Olsza"),
    ],
)
def test_ent18_no_word_fused_before_a_name(backend: SpacyBackend, text: str, name: str) -> None:
    assert name in _people(backend, text)


def test_ent18_a_given_name_left_out_still_joins() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsdesk.annotate.ner_fixes import Cand, add_given_names

    words = ["Fired", "Peter", "Olsza", "met", "Ka'Vona", "Marie", "Malik", "."]
    parsed = Doc(
        Vocab(),
        words=words,
        pos=["PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT"],
        tags=["NNP", "NNP", "NNP", "VBD", "NNP", "NNP", "NNP", "."],
        heads=[2, 2, 3, 3, 6, 6, 3, 3],
        deps=["compound", "compound", "nsubj", "ROOT", "compound", "compound", "dobj", "punct"],
    )
    cands = [Cand(1, 3, "PERSON"), Cand(5, 7, "PERSON")]
    add_given_names(parsed, cands)
    # "Fired" before a known given name is no given name; "Ka'Vona" before "Marie" is
    assert [(c.start, c.end) for c in cands] == [(1, 3), (4, 7)]


def test_ent18_a_common_word_opening_a_name_of_two_words_is_left_out(
    backend: SpacyBackend,
) -> None:
    # the document writes "juror" in lowercase: a common word, here a title
    people = _people(backend, "Juror Olsza asked the judge. Another juror left.")
    assert people == {"Olsza": ["Juror"]}


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a noun the parse joins to the name describes the person, whatever the noun
        ("The Saints signed cornerback Mike Tanner on Monday.", "Mike Tanner", ["cornerback"]),
        ("The team signed rookie John Harlow from Valmont.", "John Harlow", ["rookie"]),
        # a plural is a list's description, not one person's
        ("The Saints lost running backs John Harlow and Mike Tanner.", "John Harlow", []),
    ],
)
def test_ent18_a_noun_set_before_a_name_describes_the_person(
    backend: SpacyBackend, text: str, name: str, roles: list[str]
) -> None:
    assert _people(backend, text)[name] == roles


def test_ent18_a_counted_noun_before_a_name_is_no_description() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsdesk.annotate.roles import describes_person

    words = ["That", "is", "one", "reason", "Tanner", "left", "."]
    parsed = Doc(
        Vocab(),
        words=words,
        pos=["PRON", "AUX", "NUM", "NOUN", "PROPN", "VERB", "PUNCT"],
        tags=["DT", "VBZ", "CD", "NN", "NNP", "VBD", "."],
        heads=[1, 1, 3, 4, 5, 1, 1],
        deps=["nsubj", "ROOT", "nummod", "compound", "nsubj", "ccomp", "punct"],
        ents=["O", "O", "O", "O", "B-PERSON", "O", "O"],
    )
    assert not describes_person(parsed[3:4])
    parsed[2].dep_ = "amod"  # "rookie" of "the rookie Tanner" is one
    parsed[3].lemma_ = "rookie"
    assert describes_person(parsed[3:4])


def test_ent18_no_title_ends_with_a_joiner(backend: SpacyBackend) -> None:
    people = _people(backend, "The fine went to the ministry of the Rev. John Harlow.")
    assert people["John Harlow"] == ["Rev."]
    people = _people(backend, "Deputy Chief of the Naval Staff Adm. John Harlow spoke.")
    assert people["John Harlow"] == ["Deputy Chief of the Naval Staff", "Adm."]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a surname written first that is also an English word, the word written in
        # lowercase elsewhere: still the name's ("the sun", "the park")
        ("Swimmer Sun Yang won the race in Orsa. The sun was out all day.", "Sun Yang"),
        ("Coach Park Minho praised the team. They met in the park.", "Park Minho"),
        # a given name ending in "s" is no plural ("Andres", no "Andre" in the text)
        (
            "Mexican President Andres Manuel Lopez Obrador spoke in Orsa.",
            "Andres Manuel Lopez Obrador",
        ),
    ],
)
def test_a_name_keeps_a_first_word_that_only_looks_common(
    backend: SpacyBackend, text: str, name: str
) -> None:
    assert name in _people(backend, text)
