"""Relations between the entities of one document, from a few reliable news patterns.

Precision over recall: a relation is emitted only when a pattern ties two entity mentions
through spaCy's dependency parse, and its evidence is the sentence that states it.

- kinship: "X, (the) son of (the late) Y" → X child_of Y; "X, the father of Y" → X
  parent_of Y; "X's wife Y", "X, whose husband, Y", "his wife, Y" (his/her → the person
  last named as a subject, in this or the previous sentence) → Y spouse_of X; brother,
  sister, cousin... → relative_of;
- employment: "X, a professor of maritime law at Tessel University" / "a minister at the
  embassy of Y" / "a spokesperson for Y" / "chief executive of Y" / "X, who works for Y"
  → X employed_by Y; "X, a member of Y" → X member_of Y;
- place: "Y-based X" and "X in Y" (the "in" attached to the organisation) → ORG/FAC X
  located_in GPE/LOC Y.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsdesk.lang.en.people import CHILD, JOB_NOUNS, MEMBER_NOUNS, PARENT, RELATIVE, SPOUSE
from newsdesk.lang.en.titles import TITLE_WORDS
from newsdesk.model import Document, Entity, Relation

KIN = {
    **dict.fromkeys(CHILD, "child_of"),
    **dict.fromkeys(PARENT, "parent_of"),
    **dict.fromkeys(SPOUSE, "spouse_of"),
    **dict.fromkeys(RELATIVE, "relative_of"),
}
JOBS = TITLE_WORDS | JOB_NOUNS
MEMBERS = MEMBER_NOUNS
EMPLOYERS = frozenset({"ORG", "GPE", "NORP", "FAC"})
PLACES = frozenset({"GPE", "LOC"})
JOB_PREPS = frozenset({"at", "of", "for", "with"})
PRONOUN_OWNERS = frozenset({"his", "her"})


def extract_relations(
    doc: Document, parsed: SpacyDoc, entities: Sequence[Entity]
) -> tuple[Relation, ...]:
    """Relations stated in ``doc`` between ``entities`` (ids of this document's entities)."""
    index = _token_index(doc, parsed, entities)
    types = {e.id: e.type for e in entities}
    found: dict[tuple[str, str, str], Relation] = {}
    finders = (
        _kinship(parsed, index, types),
        _employment(parsed, index, types),
        _located(parsed, index, types),
    )
    for finder in finders:
        for subject, predicate, obj, anchor in finder:
            if subject != obj and (subject, predicate, obj) not in found:
                sent = _evidence(anchor.sent)
                found[(subject, predicate, obj)] = Relation(
                    doc.span(sent[0], sent[1]), subject, predicate, obj
                )
    return tuple(found.values())


Found = Iterator[tuple[str, str, str, Token]]


def _token_index(doc: Document, parsed: SpacyDoc, entities: Sequence[Entity]) -> dict[int, str]:
    """Token index → id of the entity whose mention covers that token."""
    index: dict[int, str] = {}
    for entity in entities:
        for mention in entity.mentions:
            if mention.span.doc != doc.id:
                continue
            span = parsed.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if span is not None:
                index.update(dict.fromkeys(range(span.start, span.end), entity.id))
    return index


def _evidence(sent: SpacySpan) -> tuple[int, int]:
    """Character offsets of a sentence without its surrounding whitespace."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    return start, sent.start_char + len(text.rstrip())


# ---------------------------------------------------------------- kinship


def _kinship(parsed: SpacyDoc, index: dict[int, str], types: dict[str, str]) -> Found:
    """Family relations around kin nouns ("son of", "X's wife", "his wife, Y")."""
    for tok in parsed:
        predicate = KIN.get(tok.lower_)
        if predicate is None or tok.pos_ != "NOUN":
            continue
        owner = _of_person(tok, index, types)
        if owner is not None:
            person = _described(tok, index, types)
            if person is not None:
                yield person, predicate, owner, tok
            continue
        person = _named_after(tok, index, types)
        owner = _possessor(parsed, tok, index, types, exclude=person)
        if person is not None and owner is not None:
            yield person, predicate, owner, tok


def _of_person(tok: Token, index: dict[int, str], types: dict[str, str]) -> str | None:
    """The PERSON in "K of (the late) Y" ("son of the late shipowner Pavel Markov")."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return _person_at(obj, index, types)
    return None


def _person_at(tok: Token, index: dict[int, str], types: dict[str, str]) -> str | None:
    """The PERSON entity at a noun or at a name in apposition/compound with it."""
    for cand in [tok, *tok.children]:
        if cand is tok or cand.dep_ in {"appos", "compound"}:
            entity = index.get(cand.i)
            if entity is not None and types.get(entity) == "PERSON":
                return entity
    return None


def _described(tok: Token, index: dict[int, str], types: dict[str, str]) -> str | None:
    """The PERSON a descriptive noun is about: apposition or "X is the K" subject."""
    node = tok
    for _ in range(4):
        if node.dep_ == "appos" or node.dep_ == "compound":
            return _person_at(node.head, index, types) or _subject_of(node.head, index, types)
        if node.dep_ in {"attr", "acomp"}:
            return _subject_of(node.head, index, types)
        if node.dep_ != "conj":
            break
        node = node.head
    for child in tok.children:  # "the captain, Henrik Maalstad" read the other way round
        if child.dep_ == "appos" and child.i > tok.i:
            return _person_at(child, index, types)
    return None


def _subject_of(verb: Token, index: dict[int, str], types: dict[str, str]) -> str | None:
    """The PERSON subject of a verb (following "conj" to the first verb of a series)."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return _person_at(child, index, types)
        if verb.dep_ != "conj":
            return None
        verb = verb.head
    return None


def _named_after(tok: Token, index: dict[int, str], types: dict[str, str]) -> str | None:
    """The PERSON named right after a kin noun ("wife, Marit Maalstad", "wife Marit")."""
    i = tok.i + 1
    if i < len(tok.doc) and tok.doc[i].text == ",":
        i += 1
    if i < len(tok.doc):
        entity = index.get(i)
        if entity is not None and types.get(entity) == "PERSON":
            return entity
    return None


def _possessor(
    parsed: SpacyDoc,
    tok: Token,
    index: dict[int, str],
    types: dict[str, str],
    exclude: str | None,
) -> str | None:
    """Whose kin: "X's wife" → X; "his wife" → the person last named before "his", or the
    one the kin is coordinated with ("met Ana Vale and her husband": Vale's)."""
    for child in tok.children:
        if child.dep_ != "poss":
            continue
        if child.lower_ in PRONOUN_OWNERS:
            partner = _person_at(tok.head, index, types) if tok.dep_ == "conj" else None
            if partner is not None and partner != exclude:
                return partner
            return _antecedent(parsed, child.i, index, types, exclude)
        if child.lower_ == "whose":  # "Jorun Hale, whose husband, Per Hale, ..."
            if tok.dep_ == "appos":  # the parser's other reading of the same clause
                return _person_at(tok.head, index, types)
            clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
            return None if clause is None else _person_at(clause.head, index, types)
        return _person_at(child, index, types)
    return None


def _antecedent(
    parsed: SpacyDoc,
    i: int,
    index: dict[int, str],
    types: dict[str, str],
    exclude: str | None,
) -> str | None:
    """The PERSON last named as a subject before token ``i`` (this or the previous sentence)."""
    sent = parsed[i].sent
    floor = parsed[sent.start - 1].sent.start if sent.start > 0 else 0
    for j in range(i - 1, floor - 1, -1):
        entity = index.get(j)
        if entity is None or entity == exclude or types.get(entity) != "PERSON":
            continue
        if parsed[j].dep_ in {"nsubj", "nsubjpass"}:  # the topic, not a name in passing
            return entity
    return None


# ---------------------------------------------------------------- employment


def _employment(parsed: SpacyDoc, index: dict[int, str], types: dict[str, str]) -> Found:
    """Jobs and memberships: "X, a professor ... at Y", "X, who works for Y"."""
    for tok in parsed:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and (lemma in JOBS or lemma in MEMBERS):
            predicate = "member_of" if lemma in MEMBERS else "employed_by"
            employer = _employer(tok, index, types)
            person = _described(tok, index, types) if employer else None
            if person is not None and employer is not None:
                yield person, predicate, employer, tok
        elif tok.pos_ == "VERB" and lemma == "work":
            employer = _employer(tok, index, types, preps=frozenset({"for", "at"}))
            person = _worker(tok, index, types) if employer else None
            if person is not None and employer is not None:
                yield person, "employed_by", employer, tok


def _employer(
    tok: Token, index: dict[int, str], types: dict[str, str], preps: frozenset[str] = JOB_PREPS
) -> str | None:
    """The organisation a job noun or "work" points to, through "at/of/for", else a
    compound ("Norland state representative of the Harbour Coalition" works for the
    coalition; "a Valtrix engineer" for Valtrix).

    "at the embassy of Pellor" and "at the Pellorian embassy" reach the country through
    the institution noun.
    """
    found = _employer_after(tok, index, types, preps)
    if found is not None:
        return found
    for child in tok.children:
        if child.dep_ == "compound" and child.i < tok.i:
            entity = index.get(child.i)
            if entity is not None and types.get(entity) in EMPLOYERS:
                return entity
    return None


def _employer_after(
    tok: Token, index: dict[int, str], types: dict[str, str], preps: frozenset[str]
) -> str | None:
    """The organisation a job noun or "work" points to through "at/of/for" (`_employer`)."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            entity = index.get(obj.i)
            if entity is not None and types.get(entity) in EMPLOYERS - {"NORP"}:
                return entity
            if entity is None:
                found = _institution_owner(obj, index, types)
                if found is not None:
                    return found
            if prep.lower_ == "of":  # "professor of maritime law at Tessel University"
                found = _employer(obj, index, types, frozenset({"at", "with"}))
                if found is not None:
                    return found
    return None


def _institution_owner(obj: Token, index: dict[int, str], types: dict[str, str]) -> str | None:
    """The entity owning an unnamed institution: "the embassy of Y", "the Y embassy"."""
    for child in obj.children:
        entity = index.get(child.i)
        if child.dep_ in {"amod", "compound", "nmod"} and entity is not None:
            if types.get(entity) in EMPLOYERS:
                return entity
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                entity = index.get(pobj.i)
                if pobj.dep_ == "pobj" and entity and types.get(entity) in EMPLOYERS:
                    return entity
    return None


def _worker(verb: Token, index: dict[int, str], types: dict[str, str]) -> str | None:
    """Who works: the subject, or the person a "who works for" clause hangs on."""
    if verb.dep_ == "relcl":
        return _person_at(verb.head, index, types)
    return _subject_of(verb, index, types)


# ---------------------------------------------------------------- places


def _located(parsed: SpacyDoc, index: dict[int, str], types: dict[str, str]) -> Found:
    """ "Valmont-based Kessary Lines" and "Kessary Lines in Valmont" → located_in."""
    for tok in parsed:
        if tok.lower_ == "based" and tok.i >= 2 and parsed[tok.i - 1].text == "-":
            place = index.get(tok.i - 2)
            org = index.get(tok.i + 1) if tok.i + 1 < len(parsed) else None
            if place and org and types.get(place) in PLACES and types.get(org) in {"ORG", "FAC"}:
                yield org, "located_in", place, tok
        elif tok.lower_ == "in" and tok.dep_ == "prep":
            org = index.get(tok.head.i)
            if org is None or types.get(org) not in {"ORG", "FAC"} or tok.head.i != tok.i - 1:
                continue
            for obj in tok.children:
                place = index.get(obj.i)
                if obj.dep_ == "pobj" and place and types.get(place) in PLACES:
                    yield org, "located_in", place, tok
