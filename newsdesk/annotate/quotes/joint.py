"""Words spoken jointly: two people named together are one source, and their words are the
first-named speaker's (the rule of both golds, and of wire copy: "said Ana Ruiz and Ivo
Brandt"). Each function gives the token of the first-named person, or None; `speakers`
names it.

* an entity the model ran over two people joined by "and" ("Mark and Condon said");
* a family ("the Brandts wrote", after "Ivo and Ana Brandt");
* "they" or "the pair" right after such a pair spoke ("they added").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsdesk.annotate.quotes.context import Context
from newsdesk.annotate.quotes.cues import is_root_subject
from newsdesk.annotate.quotes.names import name_words
from newsdesk.lang.en.people import PAIR_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token


def one_of_joined(ctx: Context, tokens: list[Token], tok: Token) -> list[Token] | None:
    """The name ``tok`` is in, when the model ran one entity over two people joined by
    "and" ("Mark and Condon said", after "Ana Mark and Ivo Condon" were named): each side a
    proper noun, the side of ``tok`` the end of a person's name the document gives in full
    (not "Procter and Gamble")."""
    joins = [t for t in tokens if t.dep_ == "cc" or t.is_punct]
    if not any(t.dep_ == "cc" for t in joins):
        return None
    parts: list[list[Token]] = [[]]
    for t in tokens:
        if t in joins:
            parts.append([])
        else:
            parts[-1].append(t)
    parts = [part for part in parts if part]
    if len(parts) < 2 or not all(part[-1].pos_ == "PROPN" for part in parts):
        return None
    own = next((part for part in parts if tok in part), None)
    words, _ = name_words(own) if own else ((), None)
    if not words or not any(w[-len(words) :] == words for _, w, _ in ctx.person_keys()):
        return None
    return own


def known_surname(ctx: Context, word: str) -> bool:
    """``word`` is the last word of a person named in full in the document."""
    return any(len(words) > 1 and words[-1] == word for _, words, _ in ctx.person_keys())


def family_name(ctx: Context, tok: Token) -> str | None:
    """The surname of "the Brandts": a plural proper noun after "the" whose singular is the
    last word of a person named in full in the document."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or not tok.text.endswith("s"):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    for singular in (tok.text[:-1], tok.text[:-2] if tok.text.endswith("es") else ""):
        if singular and known_surname(ctx, singular):
            return singular
    return None


def first_of_family(ctx: Context, tok: Token, surname: str) -> Token | None:
    """Who speaks for "the Brandts": the first-named of the last pair the text gave that
    surname together ("Ivo and Ana Brandt"); else nobody (a family is no person)."""
    for last in reversed(ctx.parsed[: tok.i]):
        if last.text != surname or last.dep_ != "conj" or ctx.in_region(last.idx):
            continue
        first = last.head
        if first.pos_ == "PROPN" and any(c.dep_ == "cc" for c in first.children):
            return first
    return None


def the_pair(tok: Token) -> bool:
    """ "the pair", "the couple": two people spoken of together."""
    return (
        tok.pos_ == "NOUN"
        and tok.lemma_.lower() in PAIR_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    )


def pair_before(ctx: Context, pronoun: Token, is_person: Callable[[Token], bool]) -> Token | None:
    """Who "they" or "the pair" are as speakers: the first-named of people joined by "and"
    ("Ana Ruiz and Ivo Brandt wrote ...; they wrote") or of a family ("the Brandts"), when
    they are the subject of the nearest sentence before the pronoun's with a subject
    outside quotes (three sentences and two paragraphs back at most: a quote may run over
    lines in between); anybody else there (or nobody), nobody."""
    index = bisect_right(ctx.sent_starts, pronoun.idx) - 1
    para = ctx.para_of(pronoun.idx)
    for sent in reversed(ctx.sents[max(0, index - 3) : index]):
        subjects = [t for t in sent if is_root_subject(t) and not ctx.in_region(t.idx)]
        if not subjects:
            continue
        subj = subjects[-1]
        if ctx.para_of(subj.idx) < para - 2:
            return None
        family = family_name(ctx, subj)
        if family is not None:
            return first_of_family(ctx, subj, family)
        joined = any(c.dep_ == "cc" for c in subj.children)
        others = [c for c in subj.children if c.dep_ == "conj"]
        if joined and others and all(is_person(t) for t in [subj, *others]):
            return subj
        return None
    return None
