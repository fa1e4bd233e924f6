"""The text a quote's cue is looked for in: the clause after the closing mark, then the one
before the opening mark, within the quote's paragraph. Short quoted terms inside a window
are stepped over; other quotes, marks and sentence ends close it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.annotate.quotes.context import Context
from newsdesk.annotate.quotes.cues import is_cue, leads, subject, takes_clause
from newsdesk.annotate.quotes.marks import Region
from newsdesk.lang.en.speech import ADDRESSEE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_WINDOW = 45
SENTENCE_END = frozenset({".", "!", "?", ";"})


def _in_short(ctx: Context, char: int) -> bool:
    """``char`` is in a short quoted term (marks included), which windows step over."""
    return any(a <= char <= b for a, b in ctx.short)


def window_after(ctx: Context, region: Region) -> list[Token]:
    """Tokens after the closing mark up to the end of the clause, in the same paragraph.

    After a quote that ends its sentence (``."``) only a short ``Alenko said.`` counts (an
    object other than the person spoken to, "Norland accused Vessia of ...", is a
    statement of its own).
    """
    text = ctx.doc.text
    hi = ctx.paragraphs[region.para][1]
    close = region.close
    if close < 0:
        return []
    ended = text[region.end - 1] in ".!?"
    tokens: list[Token] = []
    i = ctx.token_at(close).i + 1
    while i < len(ctx.parsed) and len(tokens) < MAX_WINDOW:
        tok = ctx.parsed[i]
        if tok.is_space or _in_short(ctx, tok.idx) and tok.idx < hi:
            i += 1
            continue
        if tok.idx >= hi or tok.idx in ctx.mark_chars or ctx.in_region(tok.idx):
            break
        if tok.text in SENTENCE_END or tok.text == ":":
            break
        tokens.append(tok)
        i += 1
    if ended and tokens and not tokens[0].is_lower:
        # a new sentence after the quote: only "Alenko said." that takes no clause
        tokens = tokens[:15]
        first = next((t for t in tokens if is_cue(t)), None)
        if first is None or takes_clause(first) or says_its_own(first):
            return []
        if not leads(tokens, first, subject(ctx, first)) or _has_own_quote(ctx, first):
            return []
    return tokens


def says_its_own(cue: Token) -> bool:
    """A reporting verb with an object that is not the person spoken to ("Norland accused
    Vessia of ..."): a statement of its own, not the attribution of the quote before."""
    if cue.lemma_.lower() in ADDRESSEE_VERBS:
        return False
    return any(c.dep_ == "dobj" for c in cue.children)


def _has_own_quote(ctx: Context, cue: Token) -> bool:
    """The cue introduces a quote later in its own sentence ("X described the plan as
    '...'"): it is that quote's cue, not the previous one's."""
    end = cue.sent.end_char
    for region in ctx.regions:
        if cue.idx < region.start < end:
            head = ctx.token_at(region.start)
            if any(a.i == cue.i for a in head.ancestors):
                return True
    return False


def window_before(ctx: Context, region: Region) -> list[Token]:
    """Tokens before the opening mark back to the sentence start, in the same paragraph."""
    lo = ctx.paragraphs[region.para][0]
    if region.continues or region.start <= lo:
        return []
    opener = ctx.token_at(region.opener)
    tokens: list[Token] = []
    i = opener.i - 1
    while i >= 0 and len(tokens) < MAX_WINDOW:
        tok = ctx.parsed[i]
        if tok.is_space or _in_short(ctx, tok.idx) and tok.idx >= lo:
            i -= 1
            continue
        if tok.idx < lo or tok.idx in ctx.mark_chars or ctx.in_region(tok.idx):
            break
        if tok.text in SENTENCE_END:
            break
        tokens.append(tok)
        i -= 1
    return tokens
