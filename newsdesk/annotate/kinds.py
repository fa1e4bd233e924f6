"""What a name names when the words around it say so: a vessel, a storm, a place, a
building, an organisation, not a person.

Read from the parse, mention by mention:

- a ship prefix opening it ("MV X", "HMS X");
- a kind noun right before the name: "the cutter X", "Hurricane X", "the provincial
  capital X"; or governing it through "of": "the town of X";
- a place or building word in the name itself: "X Hospital", "Mount X";
- the object of "aboard": a vehicle;
- the attribute of a copula whose subject is a vessel noun, and what is listed with it:
  "the missing boats are X, Y and Z";
- a name modifying a resident noun ("a Valmont man") or hanging by "of" on a person's
  name ("Ann Vale, 23, of Valmont"): where someone is from;
- a single word always written after "the" ("the Storting"): people are not "the X";
- a noun for a business or an outlet before it or modified by it ("the magazine X", "a X
  boutique"): a company, brand or outlet.

`mention_kind` gives the label one mention shows (None: no evidence); `entities` takes the
label every evidence-bearing mention of a name agrees on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.lang.en.names import ORGANISATION_NOUNS
from newsdesk.lang.en.people import (
    RESIDENT_NOUNS,
    SHIP_PREFIXES,
    STORMS,
    VEHICLE_PREPOSITIONS,
    VESSELS,
)
from newsdesk.lang.en.places import PLACE_NAME_WORDS, PLACE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

__all__ = [
    "kind_of_noun",
    "mention_kind",
    "of_a_person",
    "ship_prefix",
    "storm_prefix",
    "written_with_the",
]


def kind_of_noun(lemma: str) -> str | None:
    """The label a kind noun gives the name it describes ("yacht" → PRODUCT)."""
    if lemma in VESSELS:
        return "PRODUCT"
    if lemma in STORMS:
        return "EVENT"
    if lemma in PLACE_NOUNS:
        return "GPE"
    if lemma in ORGANISATION_NOUNS:
        return "ORG"
    return None


def mention_kind(parsed: SpacyDoc, start: int, end: int) -> str | None:
    """The label tokens ``start:end`` (a name) are shown to have by the words around them."""
    for tok in parsed[start:end]:
        label = PLACE_NAME_WORDS.get(tok.lower_)
        if label and tok.text[0].isupper():
            return label
    if start > 0:
        label = kind_of_noun(parsed[start - 1].lemma_.lower())
        if label:
            return label
    head = parsed[start:end].root
    return _governed_kind(head) or _listed_kind(head) or _origin(head) or _brand(head)


def _governed_kind(head: Token) -> str | None:
    """ "the town of X" (GPE), "aboard X" (PRODUCT)."""
    if head.dep_ != "pobj":
        return None
    prep = head.head
    if prep.lower_ in VEHICLE_PREPOSITIONS:
        return "PRODUCT"
    if prep.lower_ == "of" and prep.head.pos_ == "NOUN":
        return kind_of_noun(prep.head.lemma_.lower())
    return None


def _listed_kind(head: Token) -> str | None:
    """ "The missing boats are X, Y and Z": the kind of the copula's subject."""
    while head.dep_ == "conj" and head.head.i != head.i and head.lemma_ != "be":
        head = head.head
    verb = head.head if head.dep_ == "attr" else head if head.lemma_ == "be" else None
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return kind_of_noun(subjects[0].lemma_.lower()) if subjects else None


def _origin(head: Token) -> str | None:
    """Where someone is from: "a Valmont man", "Ann Vale, 23, of Valmont"."""
    if head.dep_ == "compound" and head.head.lemma_.lower() in RESIDENT_NOUNS:
        return "GPE"
    return "GPE" if of_a_person(head) else None


def of_a_person(head: Token) -> bool:
    """Whether a name is the object of "of" after a person's name ("Ann Vale, 23, of
    Valmont", "Ivo Brandt (D) of West Tessel"): where the person is from."""
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.ent_type_ == "PERSON"


def _brand(head: Token) -> str | None:
    """A name modifying a noun for a business or an outlet ("a Lunde boutique", "Valmont
    Info radio"): a company, brand or outlet named so."""
    if head.dep_ == "compound" and head.head.lemma_.lower() in ORGANISATION_NOUNS:
        return "ORG"
    return None


def storm_prefix(parsed: SpacyDoc, start: int, end: int) -> bool:
    """A name opening with a storm word ("Hurricane Odile"): the word is its kind, the
    rest its name. "Storm" is left out (it is also a given name)."""
    if end - start < 2:
        return False
    first = parsed[start]
    return (
        first.text[0].isupper()
        and first.lower_ != "storm"
        and kind_of_noun(first.lower_) == "EVENT"
    )


def ship_prefix(parsed: SpacyDoc, start: int, end: int) -> bool:
    """A name opening with a ship prefix in capitals ("MV Aster", "HMS Kestrel"): a
    vessel's name."""
    if end - start < 2:
        return False
    first = parsed[start]
    return first.is_upper and first.lower_.rstrip(".") in SHIP_PREFIXES


def written_with_the(parsed: SpacyDoc, start: int, end: int) -> bool:
    """A one-word name right after a lowercase "the" ("in the Storting")."""
    return end - start == 1 and start > 0 and parsed[start - 1].text == "the"
