"""The clauses of a sentence, from its dependency parse.

A long sentence often states several things: "Vale, who has led the club since 2019, was
fined on Friday and will appeal" says that Vale has led the club since 2019, that he was
fined and that he will appeal. Another outlet may state one of them alone ("Vale has been
in charge since 2019"); compared with the whole sentence it is diluted by the rest.
`clauses` cuts a parsed sentence into such statements:

- each clause that hangs on a word of the sentence and states something as a fact (not
  an infinitive, "to appeal", nor a hedged "may appeal", and with at least
  `MIN_CONTENT_WORDS` words that are not stop words) (`CLAUSE_DEPS`: a relative clause, an
  adverbial clause, a clausal complement such as what someone said, a verb coordinated
  with another, a participial modifier, a loosely attached clause), with its own words
  and the clauses inside it. A clause that describes a noun (a relative clause or a
  modifier) is said of that noun, so the noun is put before it ("Vale who has led the
  club since 2019"); a coordinated verb without a subject of its own shares its head's
  ("Vale will appeal");
- the main clause: the sentence without those clauses ("Vale was fined on Friday"),
  unless it only says who said the rest ("police said": a reporting verb, whose clausal
  complement is a clause of its own).

Each clause keeps the offsets of its words, so that what it states (its numbers, days,
people and places) can be read from the document as for a sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.lang.en.discourse import MODALS
from newsdesk.lang.en.speech import REPORTING_VERBS
from newsdesk.lang.en.stop_words import STOP_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["CLAUSE_DEPS", "MIN_CLAUSE_WORDS", "MIN_CONTENT_WORDS", "Clause", "clauses"]

CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "conj", "acl", "parataxis"})
"""Dependency labels of the head of a clause inside a sentence."""
_OF_NOUN = frozenset({"relcl", "acl"})
_VERBAL = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NAME_PARTS = frozenset({"compound", "flat", "amod", "poss", "nummod"})
MIN_CLAUSE_WORDS = 4
"""Words (not punctuation) a clause needs to state something of its own."""
MIN_CONTENT_WORDS = 3
"""Words that are not stop words a clause needs ("it has been so long" says little)."""
_UNSTATED = MODALS - {"will", "shall", "'ll"}  # "to appeal", "may appeal": no fact yet


@dataclass(frozen=True, slots=True)
class Clause:
    """A statement inside a sentence: its text and the character stretches it covers."""

    text: str
    parts: tuple[tuple[int, int], ...]  # (start, end) character offsets, in text order


def _is_clause(token: Token) -> bool:
    """Whether ``token`` heads a clause: a verb under a clause label. (An apposition,
    "Vale, the club's treasurer", describes rather than states: left out.)"""
    return token.dep_ in CLAUSE_DEPS and token.pos_ in _VERBAL


def _stated(verb: Token) -> bool:
    """Whether the clause of ``verb`` states something as a fact: not an infinitive
    ("to appeal") nor hedged by a modal ("may appeal", "could appeal")."""
    return not any(c.dep_ in ("aux", "mark") and c.lower_ in _UNSTATED for c in verb.children)


def _name(token: Token) -> list[Token]:
    """The noun ``token`` with the words that make its name ("Gen. Emile Lahoud")."""
    return [c for c in token.lefts if c.dep_ in _NAME_PARTS] + [token]


def _subject(verb: Token) -> list[Token]:
    """The subject a coordinated verb without one shares with the verb it hangs on."""
    if verb.dep_ != "conj" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return []
    for child in verb.head.children:
        if child.dep_ in _SUBJECTS:
            return _name(child)
    return []


def _clause(tokens: Iterable[Token]) -> Clause | None:
    """The clause of ``tokens`` (in any order; punctuation at either end or beside a gap
    left out), or None when it has fewer than `MIN_CLAUSE_WORDS` words or
    `MIN_CONTENT_WORDS` words that are not stop words."""
    words = sorted(set(tokens), key=lambda t: t.i)
    kept = {t.i for t in words}
    # a mark beside a word left out ("The ferry, [which ...], ran") goes with it
    words = [t for t in words if not t.is_punct or {t.i - 1, t.i + 1} <= kept]
    while words and (words[0].is_punct or words[0].dep_ == "cc"):
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    if sum(not t.is_punct for t in words) < MIN_CLAUSE_WORDS:
        return None
    if sum(t.is_alpha and t.lower_ not in STOP_WORDS for t in words) < MIN_CONTENT_WORDS:
        return None
    parts: list[tuple[int, int]] = []
    last = -2
    for token in words:
        end = token.idx + len(token.text)
        if parts and token.i - 1 == last:
            parts[-1] = (parts[-1][0], end)
        else:
            parts.append((token.idx, end))
        last = token.i
    return Clause(" ".join(t.text for t in words if not t.is_punct), tuple(parts))


def clauses(sentence: SpacySpan) -> list[Clause]:
    """The clauses of ``sentence`` (see the module's docstring), without the sentence
    itself: none for a sentence of one clause."""
    heads = [t for t in sentence if _is_clause(t)]
    if not heads:
        return []
    found: list[Clause] = []
    for head in heads:
        if not _stated(head):
            continue
        own = list(head.subtree)
        if head.dep_ in _OF_NOUN:
            own += _name(head.head)
        own += _subject(head)
        if (clause := _clause(t for t in own if sentence.start <= t.i < sentence.end)) is not None:
            found.append(clause)
    inside = {t.i for head in heads for t in head.subtree}
    main = _clause(t for t in sentence if t.i not in inside)
    whole = _clause(sentence)
    root = sentence.root
    if main is not None and root.lemma_.lower() not in REPORTING_VERBS and _stated(root):
        found.append(main)
    return [c for c in dict.fromkeys(found) if whole is None or c.parts != whole.parts]
