"""Reported speech: the clause of a reporting verb outside quotes ("X said that <clause>",
without "that"), and the clause an "according to" phrase hangs on. A clause that is mostly
a direct quote already is left out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from newsdesk.annotate.quotes.context import Attribution, Context
from newsdesk.annotate.quotes.cues import according_to, hedged, own_outlet, subject, unsaid
from newsdesk.annotate.quotes.relays import sentence_relays
from newsdesk.annotate.quotes.speakers import speaker_of
from newsdesk.lang.en.speech import REPORTED_VERBS
from newsdesk.layout import headline_end

if TYPE_CHECKING:
    from spacy.tokens import Token

MIN_TOKENS = 3  # a shorter clause is not reported speech


def reported(ctx: Context) -> Iterator[tuple[int, int, Attribution]]:
    """Clauses of reporting verbs outside quotes: ``X said that <clause>``, never in the
    page's headline (`layout.headline`). A clause stays on its cue's line: the parse
    starts a sentence at each line (`newsdesk.annotate.nlp`)."""
    body = _body_start(ctx.doc.text)
    for tok in ctx.parsed:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORTED_VERBS:
            continue
        if ctx.in_region(tok.idx) or unsaid(tok):
            continue
        clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if clause is None:
            continue
        if _tail_cue(tok, clause):  # "X asked Y to go, an official said": what precedes
            told = [t for t in tok.subtree if t.i < clause.left_edge.i]
            tok = clause
        else:
            told = list(clause.subtree)
        subj = subject(ctx, tok)
        if subj is None or own_outlet(ctx, subj):
            continue  # the writer's own outlet ("the Clarion can reveal") is no speaker
        span = _span(told, _opens_clause, _is_edge)
        if span is None or span[0] <= tok.idx < span[1]:
            continue
        start, end = span if span[0] >= body else (body, span[1])
        if len(ctx.doc.text[start:end].split()) < MIN_TOKENS or _mostly_quoted(ctx, start, end):
            continue
        speaker = None if hedged(tok, subj) else speaker_of(ctx, subj)
        yield start, end, Attribution(tok.text, speaker, sentence_relays(ctx, tok, speaker))


def according_reported(ctx: Context) -> Iterator[tuple[int, int, Attribution]]:
    """``According to X, <clause>`` and ``<clause>, according to X``."""
    for tok in ctx.parsed:
        obj = according_to(tok)
        if obj is None or ctx.in_region(tok.idx) or tok.head.pos_ not in {"VERB", "AUX"}:
            continue
        if own_outlet(ctx, obj):
            continue
        phrase = {t.i for t in tok.subtree}
        runs: list[list[Token]] = [[]]
        for t in tok.head.subtree:
            if t.i in phrase:
                runs.append([])
            else:
                runs[-1].append(t)
        span = _span(max(runs, key=len), _is_edge, _is_edge)
        if span is None:
            continue
        start, end = span
        if _mostly_quoted(ctx, start, end):
            continue
        yield start, end, Attribution("according to", speaker_of(ctx, obj))


def _tail_cue(verb: Token, clause: Token) -> bool:
    """Whether the clause a reporting verb seems to report is the sentence's own cue set
    off at its end ("Vale asked Lenz to serve as envoy, a senior official said on
    Tuesday"): after the verb and a comma, itself a reporting verb with a subject and
    nothing it reports of its own; what it reports is the sentence before it."""
    if clause.i < verb.i or clause.lemma_.lower() not in REPORTED_VERBS:
        return False
    first = clause.left_edge
    if first.i == 0 or first.doc[first.i - 1].text != ",":
        return False
    kids = {c.dep_ for c in clause.children}
    return "nsubj" in kids and not kids & {"ccomp", "xcomp", "dobj"}


def _is_edge(tok: Token) -> bool:
    """A token left off either end of a clause: punctuation, a quote mark, a line break."""
    return bool(tok.is_punct or tok.is_quote or tok.is_space)


def _opens_clause(tok: Token) -> bool:
    """A token left off the start of a clause: "that", punctuation, a quote mark."""
    return tok.dep_ == "mark" or _is_edge(tok)


def _span(
    tokens: Sequence[Token],
    strip_start: Callable[[Token], bool],
    strip_end: Callable[[Token], bool],
) -> tuple[int, int] | None:
    """Characters of ``tokens`` without the tokens stripped at either edge; None when fewer
    than ``MIN_TOKENS`` remain."""
    first, last = 0, len(tokens)
    while first < last and strip_start(tokens[first]):
        first += 1
    while last > first and strip_end(tokens[last - 1]):
        last -= 1
    if last - first < MIN_TOKENS:
        return None
    return tokens[first].idx, tokens[last - 1].idx + len(tokens[last - 1])


def _body_start(text: str) -> int:
    """Where the body begins: after the headline line (`layout.headline_end`) and the
    space after it, or 0 without a headline."""
    end = headline_end(text)
    while end and end < len(text) and text[end].isspace():
        end += 1
    return end


def _mostly_quoted(ctx: Context, start: int, end: int) -> bool:
    """More than half of ``start:end`` lies inside quoted regions."""
    overlapping = [r for r in ctx.regions if r.start < end and start < r.end]
    quoted = sum(min(r.end, end) - max(r.start, start) for r in overlapping)
    return quoted > 0.5 * (end - start)
