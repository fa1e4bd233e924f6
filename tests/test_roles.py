"""Roles of a name from the parse (newsdesk.annotate.roles).

Texts are fictional, written for these tests; parsed with the real spaCy model.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.roles import appositions, describes_person, title_before

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "description", "expected"),
    [
        ("The ferry's captain, Henrik Vale, spoke first.", "The ferry's captain", True),
        ("Ana Vale, a retired teacher, saw the fire.", "a retired teacher", True),
        ("Valmont Mayor Ana Vale opened the bridge.", "Valmont Mayor", True),
        ("The tearful Ana Vale thanked the crew.", "tearful", False),
        ("According to an account by his brother, Ivo Brandt, he was freed.", "account", False),
        (
            "Brandt's release follows the pattern of earlier cases.",
            "Brandt's release follows",
            False,
        ),
        (
            "Instead it was, according to Ana Vale, the offices where files were kept.",
            "the offices where files were kept",
            False,
        ),
        ("Ana Vale and Ivo Brandt, engineers for Norcom, were freed.", "engineers", True),
        ("Ana Vale, an energy analysts at Norcom, spoke.", "an energy analysts", True),
    ],
)
def test_roles_a_description_of_a_person_names_what_a_person_is(
    backend: SpacyBackend, text: str, description: str, expected: bool
) -> None:
    parsed = backend(text)
    start = text.index(description)
    span = parsed.char_span(start, start + len(description), alignment_mode="expand")
    assert span is not None
    assert describes_person(span) is expected


def test_roles_a_persons_roles_say_what_a_person_is(backend: SpacyBackend) -> None:
    from newsdesk import Document
    from newsdesk.registry import build_pipeline

    text = (
        "According to an account by his brother, Ivo Brandt, the prisoner was freed on "
        "Sunday. The tearful Maria Lopez, a retired teacher, thanked the crew."
    )
    [doc] = build_pipeline(("parse", "entities"), backend=backend)([Document("d1", text)])
    roles = {e.name: [r.text for r in e.roles] for e in doc.entities if e.type == "PERSON"}
    assert roles["Ivo Brandt"] == ["his brother"]
    assert roles["Maria Lopez"] == ["a retired teacher"]


def test_roles_apposition_is_the_noun_right_before_the_comma() -> None:
    """A name the parse set in apposition to a noun further back ("company") describes
    the noun for people right before its comma: "its founder" (a hand-built parse); a
    noun for no people there leaves the head ("the head of the agency, Ivo Brandt")."""
    words = "Rivals complained about the company and the practices of its founder , Ivo Brandt ."
    heads = [1, 1, 1, 4, 2, 4, 7, 4, 7, 10, 8, 4, 13, 4, 1]
    deps = "nsubj ROOT prep det pobj cc det conj prep poss pobj punct compound appos punct"
    pos = "NOUN VERB ADP DET NOUN CCONJ DET NOUN ADP PRON NOUN PUNCT PROPN PROPN PUNCT"
    doc = _hand_parse(words, heads, deps, pos)
    assert [doc[a:b].text for a, b in appositions(doc, 12, 14)] == ["its founder"]
    words = "The head of the agency , Ivo Brandt , spoke ."
    heads = [1, 9, 1, 4, 2, 1, 7, 1, 1, 9, 9]
    deps = "det nsubj prep det pobj punct compound appos punct ROOT punct"
    pos = "DET NOUN ADP DET NOUN PUNCT PROPN PROPN PUNCT VERB PUNCT"
    doc = _hand_parse(words, heads, deps, pos)
    assert [doc[a:b].text for a, b in appositions(doc, 6, 8)] == ["The head of the agency"]


def _hand_parse(words: str, heads: list[int], deps: str, pos: str) -> Doc:
    """A parse built by hand, lemmas the words lowercased."""
    split = words.split()
    lemmas = [w.lower() for w in split]
    return Doc(Vocab(), words=split, heads=heads, deps=deps.split(), pos=pos.split(), lemmas=lemmas)


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Tessel met Norlandic Foreign Minister Ivo Brandt on Sunday.",
            "Ivo",
            "Norlandic Foreign Minister",
        ),
        ("Acting First Vice Premier Ana Vale resigned.", "Ana", "Acting First Vice Premier"),
        ("Former Harbour Master Tom Berg spoke.", "Tom", "Former Harbour Master"),
        ("The lawyer for Ivo Brandt spoke.", "Ivo", ""),
        ("Race spokesman Ivo Brandt said the boats were safe.", "Ivo", "Race spokesman"),
        ("Actor Ivo Brandt arrived late.", "Ivo", "Actor"),
        ("House Speaker-elect Ivo Brandt resigned on Monday.", "Ivo", "House Speaker-elect"),
    ],
)
def test_roles_a_title_keeps_its_qualifiers(
    backend: SpacyBackend, text: str, name: str, title: str
) -> None:
    """A capitalised qualifier of a post ("Foreign", "First", "Former"), as the posts that
    conflicts compare read it, a capitalised word the parse attaches to the title ("Race
    spokesman"), a noun for people right before the name ("Actor") and a hyphenated title
    ("Speaker-elect") are all part of the title before a name."""
    parsed = backend(text)
    start = next(t.i for t in parsed if t.text == name)
    ranges = title_before(parsed, start)
    assert (parsed[ranges[0][0] : ranges[-1][1]].text if ranges else "") == title


def test_roles_an_apposition_may_open_with_a_name_and_past_a_phrase_names_people(
    backend: SpacyBackend,
) -> None:
    """ "Ivo Brandt, Norcom's chief executive," is his role though a name opens it; past
    "of Norland" only a noun for people is still his ("Lena Ostrova of the Tessel Trust,
    an advocacy group," describes the trust), and a name alone is none ("Ana Vale,
    Norcom Radio,")."""
    from newsdesk import Document
    from newsdesk.registry import build_pipeline

    text = (
        "Ivo Brandt, Norcom's chief executive, said the deal was off. "
        "Lena Ostrova of the Tessel Trust, an advocacy group, praised the ruling. "
        "Tomas Berg of Valmont, the harbour master, closed the port."
    )
    [doc] = build_pipeline(("parse", "entities"), backend=backend)([Document("d1", text)])
    roles = {e.name: [r.text for r in e.roles] for e in doc.entities if e.type == "PERSON"}
    assert roles["Ivo Brandt"] == ["Norcom's chief executive"]
    assert roles["Lena Ostrova"] == []
    assert roles["Tomas Berg"] == ["the harbour master"]
