"""Whether a name is used as a person's: the checks, read from the parse, that make a
name PERSON whatever the model said.

- an age after a comma ("Ana Vale, 20, was charged", `used_as_a_person`);
- listed with a person's full name: conjuncts in the parse ("Ivo Brandt and Ana Vale");
- speaking and described by a nationality ("said Ivo Brandt, a Norlander watching");
- speaking of itself as "I" ("'I had to go,' Ana Vale said");
- the last word written alone after "Mr." or "Ms." elsewhere ("Ms. Vale");
- a name of two words or more opening with a given name, so that a noun for people
  describing it says a person ("Gary Kestrel, a jeweler", `opens_with_given_name`).

A capitalised word the document writes before a person's full name and before the
surname alone is a title, not a given name ("Senior Trooper Ivo Brandt" ... "Trooper
Brandt", `titles_by_use`).

Not a name of one word, a company's or a place's ("Valmont City" where "Valmont" is a
place), nor one written after an article or a possessive ("the Harbour Lions").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsdesk.annotate.names import (
    given_name,
    glued,
    is_honorific,
    is_initial,
    name_shaped,
)
from newsdesk.annotate.ner_fixes import Cand
from newsdesk.lang.en.genre import FIRST_PERSON_SINGULAR
from newsdesk.lang.en.places import DEMONYMS, PLACE_NAME_WORDS
from newsdesk.lang.en.speech import REPORTING_VERBS

__all__ = ["OLDEST_AGE", "opens_with_given_name", "titles_by_use", "used_as_a_person"]


def opens_with_given_name(parsed: SpacyDoc, mentions: Sequence[Cand]) -> bool:
    """Whether the first of a name's mentions is a name of two words or more opening with a
    given name ("Gary Kestrel"): a noun for people describing it ("a conservative
    jeweler") then says a person, where it could name a shop ("Kestrel, the jeweler")."""
    first = mentions[0]
    return first.end - first.start > 1 and given_name(parsed[first.start].text)


def titles_by_use(parsed: SpacyDoc, cands: list[Cand]) -> None:
    """Cut off a "person" a capitalised word that is no given name and that the document
    writes both before a full name and before its surname alone ("Senior Trooper Ivo
    Brandt" ... "Trooper Brandt", where "Trooper" is no known title): a title."""
    people = [c for c in cands if c.label == "PERSON"]
    full: dict[tuple[str, str], list[Cand]] = {}
    for c in people:
        inside = c.end - c.start > 2 and given_name(parsed[c.start + 1].text)
        if inside and not given_name(parsed[c.start].text):  # "Trooper Ivo Brandt"
            full.setdefault((parsed[c.start].text, parsed[c.end - 1].text), []).append(c)
        elif c.end - c.start > 1 and c.start > 0 and name_shaped(parsed[c.start - 1]):
            full.setdefault((parsed[c.start - 1].text, parsed[c.end - 1].text), [])
    for c in cands:
        key = (parsed[c.start].text, parsed[c.end - 1].text)
        if c.end - c.start == 2 and key in full and not given_name(key[0]):
            c.label, c.fixed = "PERSON", True  # "Trooper Brandt" taken for a body
            for cand in [c, *full[key]]:
                cand.start += 1
            full[key] = []


OLDEST_AGE = 110  # a number after a name and a comma up to this is an age ("Ana Vale, 20,")


def used_as_a_person(
    parsed: SpacyDoc, mentions: Sequence[Cand], people: set[int], places: set[str]
) -> bool:
    """Whether a name the model labelled as something else (an organisation, a place) is
    used as a person's at some mention: a name of two or three words, none a company's or
    a place's ("Valmont City": the document writes "Valmont" as a place) and none after
    an article or a possessive ("the Harbour Lions", "your Ivo Brandts"), given an age
    after a comma ("Ana Vale, 20, and ..."), listed with a person's name ("Ivo Brandt and
    Ana Vale"), speaking and described by a nationality (`_speaker_from`), or whose last
    word the document writes alone after "Mr." or "Ms." ("Ms. Vale"). ``people`` are
    the tokens of the full names labelled PERSON, ``places`` the names labelled GPE or
    LOC (casefolded)."""
    if any(c.fixed for c in mentions):
        return False
    first = mentions[0]
    words = parsed[first.start : first.end]
    if not 2 <= len(words.text.split()) <= 3 or not _name_words(words):
        return False
    if words[0].lower_ in places or any(t.lower_ in PLACE_NAME_WORDS for t in words):
        return False
    if any(c.start and parsed[c.start - 1].tag_ in {"DT", "PRP$"} for c in mentions):
        return False  # "the Harbour Lions", "your Ivo Brandts"
    return words[-1].lower_ in _addressed_surnames(parsed) or any(
        _aged(parsed, c.end)
        or _listed_with(parsed, c, people)
        or _speaker_from(parsed, c)
        or _speaks_as_i(parsed, c)
        for c in mentions
    )


def _name_words(words: SpacySpan) -> bool:
    """Words of a person's name: name-shaped, initials ("K.", "J.J.") or joined by a
    hyphen ("Ana Vale-Ruiz"), the first perhaps initials in two capitals ("CC Vale")."""
    first = words[0]
    opening = first.is_alpha and first.is_upper and len(first) == 2
    return all(
        name_shaped(t) or is_initial(t) or glued(t.doc, t.i) or (t.i == first.i and opening)
        for t in words
    )


def _speaking(parsed: SpacyDoc, cand: Cand) -> Token | None:
    """The head of a name that is the subject of a verb of saying, else None."""
    head = parsed[cand.start : cand.end].root
    speaks = head.dep_ == "nsubj" and head.head.lemma_.lower() in REPORTING_VERBS
    return head if speaks else None


def _speaker_from(parsed: SpacyDoc, cand: Cand) -> bool:
    """A name that speaks and is described by where it is from: the subject of a verb
    of saying with an apposition that opens with an article and a nationality ("said
    Ivo Brandt, a Norlander watching the race", "Ana Vale, an Orskan supporter, said")."""
    if _speaking(parsed, cand) is None:
        return False
    end = cand.end
    return (
        end + 2 < len(parsed)
        and parsed[end].text == ","
        and parsed[end + 1].lower_ in {"a", "an"}
        and parsed[end + 2].lower_ in DEMONYMS
    )


def _speaks_as_i(parsed: SpacyDoc, cand: Cand) -> bool:
    """A name that speaks of itself as "I": the subject of a verb of saying whose
    sentence quotes words in the first person singular ("'I had to go to class,' Ana
    Vale said"). An organisation speaks as "we"."""
    head = _speaking(parsed, cand)
    if head is None:
        return False
    opened = False
    for t in head.sent:
        if t.is_quote:
            opened = not opened
        elif opened and t.lower_ in FIRST_PERSON_SINGULAR:
            return True
    return False


def _aged(parsed: SpacyDoc, end: int) -> bool:
    """An age after a name: a comma, a number up to `OLDEST_AGE`, a comma or a stop."""
    if end + 2 >= len(parsed) or parsed[end].text != "," or parsed[end + 2].text not in ",.;":
        return False
    age = parsed[end + 1].text
    return age.isdigit() and 0 < int(age) <= OLDEST_AGE


def _listed_with(parsed: SpacyDoc, cand: Cand, people: set[int]) -> bool:
    """A name listed with a person's full name: the parse joins their heads as
    conjuncts (not "Valmont v Orsk, Lunde City v Tessel" in a results line)."""
    head = parsed[cand.start : cand.end].root
    others = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "conj":
        others.append(head.head)
    return any(o.i in people for o in others)


def _addressed_surnames(parsed: SpacyDoc) -> set[str]:
    """Lowercase words the document writes right after an honorific ("Ms. Vale")."""
    return {
        parsed[t.i + 1].lower_
        for t in parsed[:-1]
        if is_honorific(t) and name_shaped(parsed[t.i + 1])
    }
