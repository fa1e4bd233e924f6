"""Genre: is an article a report, an opinion piece, an analysis, or something else?

Transparent rules over a handful of rates, all returned as evidence. Rates are per 100
words of the text outside quotation marks (a wire report quoting a minister who says
"we must act" is still a report), except ``attribution`` (attribution verbs per
sentence, counted everywhere) and ``questions`` (question marks per 100 words).

Features:

* ``first_person_plural``: we, us, our, ours, ourselves.
* ``first_person_singular``: I, me, my, mine, myself (a columnist's voice; counts half).
* ``evaluative``: evaluative adjectives and adverbs (shameful, reckless, welcome …).
* ``obligation``: must, should, ought to, need(s) to, have/has to.
* ``editorial``: editorial markers ("we believe", "in our view", "editorial", "opinion").
* ``hedges``: analysis vocabulary (could, likely, suggests, appears, perhaps …).
* ``attribution``: said/says/told/according to/added/announced per sentence.
* ``questions``: question marks.
* ``editorial_opening``: 1 when an editorial marker stands in the first words of the
  writer's text (a page or a wire slug announcing an editorial or a column), else 0.
* ``narrative``: the share of sentences with a past-tense verb of a form of its own (not
  "cost", "put", which may be present), from the parse; 0 without one. A short report
  need not say "said" once, but it tells what happened.

Decision, in order (thresholds are the module constants, set for article-length texts:
a wire report attributes in one sentence of ten or more, an editorial has a few
first-person or evaluative words per hundred): too short → other; an editorial marker in
the opening, or editorial markers with opinion cues, or strong opinion cues and little
attribution → opinion; attribution and few hedges → report; hedges → analysis, or
opinion when the writer hedges in the first person singular; some
attribution, or a narrative (most texts that tell what happened) → report; otherwise
other (a listing, a notice).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsdesk.annotate.nlp import text_of
from newsdesk.lang.en.genre import (
    ATTRIBUTION,
    EDITORIAL,
    EVALUATIVE,
    FIRST_PERSON_PLURAL,
    FIRST_PERSON_SINGULAR,
    HEDGES,
    OBLIGATION,
)
from newsdesk.model import Document, Genre

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MIN_WORDS = 20
OPINION_WITH_MARKER = 1.0
OPINION_WITHOUT_MARKER = 2.0
OPINION_MAX_ATTRIBUTION = 0.1
REPORT_ATTRIBUTION = 0.1
REPORT_MAX_HEDGES = 1.5
ANALYSIS_HEDGES = 0.9
WEAK_REPORT_ATTRIBUTION = 0.05
REPORT_NARRATIVE = 0.35
OPENING_WORDS = 30
OPINION_HEDGING_FIRST_PERSON = 1.0

_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|``.*?''|‘[^’]*’(?!\w)", re.DOTALL)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?:\s+|$)")


def outside_quotes(text: str) -> str:
    """``text`` with every quoted passage blanked out (the writer's own words remain)."""
    return _QUOTED.sub(" ", text)


def _per_100(count: int, words: int) -> float:
    """A count per 100 words."""
    return round(100.0 * count / words, 3) if words else 0.0


def _sentences(text: str, parsed: Doc | None) -> int:
    """The number of sentences (from the parse when given)."""
    if parsed is not None and text_of(parsed) == text:
        return max(1, sum(1 for _ in parsed.sents))
    return max(1, len([s for s in _SENTENCE_END.split(text) if s.strip()]))


def _narrative(text: str, parsed: Doc | None) -> float:
    """The share of sentences with a past-tense verb (read from the parse; 0 without one):
    a report tells what happened, a listing or a notice does not."""
    if parsed is None or text_of(parsed) != text:
        return 0.0
    sentences = list(parsed.sents)
    told = sum(any(_tells(t) for t in sent) for sent in sentences)
    return round(told / len(sentences), 3) if sentences else 0.0


def _tells(token: Token) -> bool:
    """A past-tense verb whose form is not also its present ("the roof collapsed", not
    "tickets cost")."""
    return token.tag_ == "VBD" and token.lemma_.lower() != token.lower_


def genre_features(doc: Document, parsed: Doc | None = None) -> dict[str, float]:
    """The evidence rates (see the module docstring) for ``doc``."""
    text = doc.text
    outside = outside_quotes(text)
    words = [w.lower() for w in _WORD.findall(text)]
    words_out = [w.lower() for w in _WORD.findall(outside)]
    n_out = len(words_out)
    sentences = _sentences(text, parsed)
    return {
        "words": float(len(words)),
        "first_person_plural": _per_100(sum(w in FIRST_PERSON_PLURAL for w in words_out), n_out),
        "first_person_singular": _per_100(
            sum(w in FIRST_PERSON_SINGULAR for w in words_out), n_out
        ),
        "evaluative": _per_100(sum(w in EVALUATIVE for w in words_out), n_out),
        "obligation": _per_100(len(OBLIGATION.findall(outside)), n_out),
        "editorial": _per_100(len(EDITORIAL.findall(outside)), n_out),
        "hedges": _per_100(len(HEDGES.findall(outside)), n_out),
        "attribution": round(len(ATTRIBUTION.findall(text)) / sentences, 3),
        "questions": _per_100(outside.count("?"), n_out),
        "narrative": _narrative(text, parsed),
        "editorial_opening": float(bool(EDITORIAL.search(" ".join(words_out[:OPENING_WORDS])))),
    }


def decide_genre(features: dict[str, float]) -> Genre:
    """The genre the rates point to (thresholds are module constants)."""
    if features["words"] < MIN_WORDS:
        return "other"
    opinion = (
        features["first_person_plural"]
        + 0.5 * features.get("first_person_singular", 0.0)
        + features["evaluative"]
        + features["obligation"]
        + 0.5 * features["questions"]
    )
    attribution = features["attribution"]
    if features.get("editorial_opening", 0.0) > 0:
        return "opinion"
    if features["editorial"] > 0 and opinion >= OPINION_WITH_MARKER:
        return "opinion"
    if opinion >= OPINION_WITHOUT_MARKER and attribution < OPINION_MAX_ATTRIBUTION:
        return "opinion"
    if attribution >= REPORT_ATTRIBUTION and features["hedges"] < REPORT_MAX_HEDGES:
        return "report"
    if features["hedges"] >= ANALYSIS_HEDGES:
        # Hedging in the writer's own "I" is a columnist musing, not an impersonal analysis.
        if features.get("first_person_singular", 0.0) >= OPINION_HEDGING_FIRST_PERSON:
            return "opinion"
        return "analysis"
    if attribution >= WEAK_REPORT_ATTRIBUTION:
        return "report"
    if features.get("narrative", 0.0) >= REPORT_NARRATIVE:
        return "report"
    return "other"


def classify_genre(doc: Document, parsed: Doc | None = None) -> tuple[Genre, dict[str, float]]:
    """``(genre, evidence)`` for ``doc``: one of report, opinion, analysis, other."""
    features = genre_features(doc, parsed)
    return decide_genre(features), features
