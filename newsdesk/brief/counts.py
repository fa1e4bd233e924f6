"""Count claims: a number, the noun it counts and the word that governs it.

Counts are normalised through small synonym sets: people injured/hurt/wounded,
killed/dead, missing, rescued, arrested, treated; passengers, crew or people on board;
votes for and against; the value of an object in one currency. Approximate, hedged,
partial ("four seriously injured", "3 crew and 12 passengers") and subset ("nine of
the 12 people") numbers make no claim.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsdesk.brief.claims import Claim, elsewhere, hedged, inverse, token_span
from newsdesk.brief.number_words import (
    approximate,
    is_number,
    number_phrase,
    number_tops,
    number_value,
)
from newsdesk.model import Document

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["count_claims"]

_CATEGORIES = inverse({
    "injured": "injure injured hurt wound wounded",
    "killed": "kill killed die dead perish drown",
    "missing": "missing miss unaccounted",
    "rescued": "rescue evacuate airlift",
    "arrested": "arrest detain",
    "treated": "treat hospitalise hospitalize",
    "aboard": "carry board hold transport aboard",
    "value": "worth value insure price appraise",
    "approved": "approve pass adopt back endorse",
    "rejected": "reject defeat",
})  # fmt: skip

_HARM = frozenset({"injured", "killed", "missing", "rescued", "arrested", "treated"})
_PEOPLE = frozenset("people person passenger victim casualty individual".split())
_ON_BOARD_NOUNS = {
    "passenger": "passengers", "crew": "crew", "people": "people", "person": "people",
}  # fmt: skip
_CURRENCIES = {
    "crown": "crowns", "krone": "crowns", "krona": "crowns", "kroner": "crowns",
    "euro": "euros", "€": "euros", "dollar": "dollars", "$": "dollars", "pound": "pounds",
    "£": "pounds", "franc": "francs", "yen": "yen",
}  # fmt: skip
_DEGREE = frozenset(
    "seriously critically severely badly gravely slightly lightly fatally mortally".split()
)


def _counted_noun(top: Token) -> tuple[Token | None, Token] | None:
    """(counted noun or None, the nominal the clause is about) or None for a subset.

    "12 people" counts people; "Twelve of his passengers" counts passengers; "Nine of
    the 12 people" and "two of them" count a subset and are skipped.
    """
    if top.dep_ == "nummod" and top.head.pos_ in {"NOUN", "PROPN"}:
        return top.head, top.head
    for child in top.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                return None
            obj = objects[0]
            if obj.pos_ == "PRON" or any(is_number(c) for c in obj.children):
                return None
            return obj, top
    return None, top


def _predicate(x: Token) -> Token | None:
    """The word that says what happened to the nominal ``x`` (verb, participle or 'worth')."""
    for child in x.children:
        if child.dep_ in {"acl", "relcl", "amod"} and child.lemma_.lower() in _CATEGORIES:
            return child
    if x.head.lower_ == "worth" and x.dep_ in {"pobj", "npadvmod", "dobj"}:
        return x.head
    if x.dep_ == "conj":
        return _predicate(x.head)
    if x.dep_ in {"nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd"}:
        head = x.head
        if head.lemma_ == "be":
            for child in head.children:
                if child.dep_ in {"acomp", "attr"} and child.lemma_.lower() in _CATEGORIES:
                    return child
        return head
    if x.dep_ == "pobj":
        prep = x.head
        return prep if prep.lower_ == "worth" else prep.head
    return None


def _on_board(x: Token) -> bool:
    """``x`` is modified by "on board" or "aboard" ("the 231 passengers on board")."""
    for child in x.children:
        if child.lower_ == "aboard":
            return True
        if child.dep_ == "prep" and child.lower_ in {"on", "onboard"}:
            if any(c.lower_ == "board" for c in child.children):
                return True
    return False


def _noun_text(noun: Token) -> str:
    """The lemma of ``noun`` with a 'crew' compound folded in ("crew member" -> crew)."""
    if any(c.dep_ == "compound" and c.lower_ == "crew" for c in noun.children):
        return "crew"
    return noun.lemma_.lower()


def count_claims(doc: Document, parse: Doc) -> Iterator[Claim]:
    """Counts of people (harmed, on board), votes and values of objects."""
    for top in number_tops(parse):
        chain, value = number_phrase(top)
        if value is None or approximate(chain):
            continue
        found = _counted_noun(top)
        if found is None or elsewhere(top.sent):
            continue
        noun, x = found
        claim = _count_claim(doc, chain, value, noun, x)
        if claim is not None:
            yield claim


def _count_claim(
    doc: Document, chain: list[Token], value: float, noun: Token | None, x: Token
) -> Claim | None:
    """The claim a number makes, or None when it is not one of the known kinds."""
    lemma = _noun_text(noun) if noun is not None else None
    if lemma == "vote":
        return _vote_claim(doc, chain, value, x)
    predicate = _predicate(x)
    category = _CATEGORIES.get(predicate.lemma_.lower()) if predicate is not None else None
    if predicate is not None and hedged(predicate):
        return None
    tokens = [*chain, *([noun] if noun is not None else []), x]
    if lemma in _CURRENCIES and category == "value" and predicate is not None:
        return _value_claim(doc, chain, value, x, predicate, _CURRENCIES[lemma])
    if category in _HARM and (lemma is None or lemma in _PEOPLE) and predicate is not None:
        if x.dep_ == "conj" or any(c.dep_ == "conj" for c in x.children):
            return None  # "3 crew and 12 passengers": parts of a total
        if any(c.lower_ in _DEGREE for c in predicate.children):
            return None  # "four seriously injured": a subset
        auxiliaries = [c for c in predicate.children if c.dep_ in {"aux", "auxpass", "prt"}]
        span = token_span(doc, [*tokens, predicate, *auxiliaries])
        label = f"number of people {category}"
        return Claim(("count", category, "people"), label, value, span)
    if lemma in _ON_BOARD_NOUNS and (category == "aboard" or _on_board(x)):
        what = _ON_BOARD_NOUNS[lemma]
        label = "number of people on board" if what == "people" else f"number of {what}"
        extra = [predicate] if category == "aboard" and predicate is not None else []
        extra += [t for c in x.children if c.dep_ == "prep" for t in c.subtree]
        return Claim(("count", "aboard", what), label, value, token_span(doc, tokens + extra))
    return None


def _vote_claim(doc: Document, chain: list[Token], value: float, votes: Token) -> Claim | None:
    """``by nine votes to four``: the tally (for, against) of an approval or rejection."""
    parse = votes.doc
    against: float | None = None
    end = votes
    if votes.i + 2 < len(parse) and parse[votes.i + 1].lower_ in {"to", "against"}:
        other = parse[votes.i + 2]
        if is_number(other):
            against = number_value([other.text])
            end = other
    head = votes
    while head.dep_ in {"pobj", "prep", "agent", "dobj", "nsubj"} and head.head is not head:
        head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            break
    outcome = _CATEGORIES.get(head.lemma_.lower())
    if outcome not in {"approved", "rejected"} or against is None:
        return None
    span = token_span(doc, [*chain, end])
    return Claim(("votes", outcome), "vote count", (value, against), span)


def _value_claim(
    doc: Document, chain: list[Token], value: float, x: Token, predicate: Token, currency: str
) -> Claim:
    """``insured for 2.4 million crowns`` / ``worth 3 million crowns``."""
    owner: Token | None = None
    if predicate.dep_ in {"acl", "amod", "relcl"}:
        owner = predicate.head
    elif predicate.lower_ == "worth":
        head = predicate.head
        if head.pos_ in {"NOUN", "PROPN"}:
            owner = head
        else:
            roles = {"dobj": 0, "nsubjpass": 1, "nsubj": 2}
            objects = sorted(
                (c for c in head.children if c.dep_ in roles), key=lambda c: roles[c.dep_]
            )
            owner = objects[0] if objects else None
    elif predicate.pos_ in {"VERB", "AUX"}:
        subjects = [c for c in predicate.children if c.dep_ in {"nsubjpass", "nsubj"}]
        owner = subjects[0] if subjects else None
    thing = owner.lemma_.lower() if owner is not None and owner.pos_ != "PRON" else "it"
    span = token_span(doc, [predicate, *chain, x])
    return Claim(("value", currency), "value", value, span, note=thing)
