"""Tense of the clause around a time expression: from function words alone
(`regex_tense`) or from the verb governing it in a spaCy parse (`parse_tense`,
`parsed_tense`). The tense decides which occurrence of a repeating date is meant."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from newsdesk.lang.en.tense import (
    FUTURE_IF_TO,
    FUTURE_MARKERS,
    NOT_PAST_ED,
    PASSIVE_AUX,
    PAST_IRREGULAR,
    PRESENT_WORDS,
    REPORTING_PAST,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

Tense = Literal["past", "present", "future", "reported"]
TenseOf = Callable[[int, int], Tense | None]
"""The tense of the clause around ``text[start:end]``, or None when it cannot tell."""


def regex_tense(text: str, start: int, end: int, sentence: tuple[int, int]) -> Tense | None:
    """The tense of the clause around ``text[start:end]``, from function words alone.

    A preposition right before the expression can settle it ("until", "by", "payable",
    "as early as" look forward; "since" looks back). Otherwise the tensed word nearest to
    the expression in its clause (to the right, only up to the next comma) decides:
    "will", "'ll", modals, "to be", "plans to", "scheduled" → future; reporting verbs
    ("said", "announced") → reported; other past forms ("was", "rose", "-ed" outside the
    passive) → past; "is"/"are"/"has" → present.
    """
    s_start, s_end = sentence
    left = text[s_start:start]
    right = text[end:s_end]
    cue = _preposition_cue(left)
    if cue is not None:
        return cue
    clause_left = _CLAUSE_BREAK.split(left)[-1]
    clause_right = re.split(r",|;|:|\s(?:but|while)\s", right)[0]
    words_left = re.findall(r"[A-Za-z']+", clause_left)
    words_right = re.findall(r"[A-Za-z']+", clause_right)
    words = words_left + words_right
    ranked = [(len(words_left) - i, 0, i) for i in range(len(words_left))]
    ranked += [(i + 1, 1, len(words_left) + i) for i in range(len(words_right))]
    for _, _, i in sorted(ranked):
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        previous = words[i - 1].lower() if i > 0 else ""
        kind = _word_tense(words[i], following, previous)
        if kind:
            return kind
    return None


_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:but|and|while|although|though|which|who)\s|\s(?:but|while)\s"
)
_FORWARD_CUE = re.compile(
    r"\b(?:until|till|by|as\s+(?:early|soon)\s+as|no\s+later\s+than|payable|of\s+record|"
    r"extended\s+(?:to|until|through)|expires?|due|scheduled\s+for|deadline\s+of|"
    r"starting|beginning|effective)\s+(?:(?:the|early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)
_BACKWARD_CUE = re.compile(r"\b(?:since|ago)\s+(?:(?:the|early|late|mid)[\s-]+)?$", re.IGNORECASE)


def _preposition_cue(left: str) -> Tense | None:
    """ "until Tuesday" looks forward (not "Until Tuesday, they had …"); "since" looks back."""
    tail = left[-40:]
    if _FORWARD_CUE.search(tail) and not re.fullmatch(r"\W*[Uu]ntil\s+", tail[-8:].lstrip()):
        return "future"
    if _BACKWARD_CUE.search(tail):
        return "past"
    return None


def _word_tense(word: str, following: str, previous: str = "") -> Tense | None:
    """The tense a single word marks, if any (its neighbours disambiguate "plans to")."""
    lower = word.lower()
    if lower.endswith("ed") or lower in PAST_IRREGULAR:
        if previous in PASSIVE_AUX:
            return None
        if previous in ("is", "are", "am"):
            return "present"
    if lower == "next" and following == "to":
        return None
    if lower == "be" and previous == "to":
        return "future"
    if lower in FUTURE_MARKERS or (lower in FUTURE_IF_TO and following in ("to", "for")):
        return "future"
    if lower in REPORTING_PAST:
        return "reported"
    if lower in PAST_IRREGULAR or (
        lower.endswith("ed") and len(lower) > 4 and lower not in NOT_PAST_ED and word[0].islower()
    ):
        return "past"
    if lower in PRESENT_WORDS:
        return "present"
    return None


def parse_tense(token: Token) -> Tense | None:
    """The tense of the verb governing ``token`` in a spaCy parse."""
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        verb = verb.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "shall", "wo"}:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in (
        "expect",
        "schedule",
        "plan",
        "set",
        "hope",
        "intend",
        "aim",
    ):
        return "future"
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if "VBD" in tags or (verb.tag_ == "VBN" and words & {"has", "have", "had"}):
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return None


def parsed_tense(parsed: Doc) -> TenseOf:
    """A tense function that reads the verb governing a span in a spaCy parse."""

    def tense(start: int, end: int) -> Tense | None:
        """The tense of the verb governing ``text[start:end]``."""
        span: SpacySpan | None = parsed.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return parse_tense(span.root)

    return tense
