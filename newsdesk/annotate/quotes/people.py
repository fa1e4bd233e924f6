"""The people of a document: the canonical name of every PERSON mention, the role
(apposition or pre-nominal title) and the gender known for each name."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsdesk.annotate.quotes.context import Context
from newsdesk.annotate.quotes.names import gender, is_title
from newsdesk.annotate.roles import describes_person, person_noun
from newsdesk.lang.en.people import (
    FEMININE,
    MASCULINE,
    RELATIONAL_NOUNS,
    gender_of,
)
from newsdesk.lang.en.titles import ABBREVIATIONS, HONORIFICS

if TYPE_CHECKING:
    from spacy.tokens import Token


def resolve_people(ctx: Context) -> None:
    """Canonical names of all PERSON mentions, their roles and genders."""
    for person in ctx.people:
        name = ctx.full_name(person.start, person.end, person.words, person.title)
        ctx.canon.append((person.start, name))
        ctx.known.add(name)
        head = ctx.token_at(person.end - 1)
        found = role(ctx, head, person.start, person.end)
        if found and name not in ctx.roles:
            ctx.roles[name] = found
        described = ctx.descriptions.setdefault(name, [])
        if found:
            described.append(found.lower())
        if person.title:
            described.append(ABBREVIATIONS.get(person.title, person.title))
        told = gender(person.title)
        if told and name not in ctx.genders:
            ctx.genders[name] = told
    for person, (_, name) in zip(ctx.people, ctx.canon, strict=True):
        told = _noun_gender(ctx.token_at(person.end - 1))
        if told:  # "His sister, Ida Lunde": stronger than a first name
            ctx.genders[name] = told
    _infer_genders(ctx)


def _noun_gender(head: Token) -> str | None:
    """'f' or 'm' from a gendered noun in apposition ("his sister, X", "X, her husband")."""
    nouns = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        nouns.append(head.head)
    return next((g for n in nouns if (g := gender_of(n.lemma_.lower()))), None)


def _infer_genders(ctx: Context) -> None:
    """Gender of people no honorific or first name tells: from sentences that mention one
    person and only "he/his/him" or only "she/her" outside quotes (a majority vote); a
    possessive that may be somebody else's (`_not_theirs`) does not vote."""
    votes: dict[str, list[int]] = {}
    starts = [start for start, _ in ctx.canon]
    for sent in ctx.parsed.sents:
        lo = bisect_right(starts, sent.start_char - 1)
        hi = bisect_right(starts, sent.end_char - 1)
        names = {name for _, name in ctx.canon[lo:hi]}
        if len(names) != 1:
            continue
        name = names.pop()
        if name in ctx.genders and name not in votes:
            continue
        masc = fem = 0
        for tok in sent:
            if tok.dep_ == "poss" and _not_theirs(tok):
                continue  # "his sister, Ida Lunde": "his" is somebody else
            if tok.lower_ in MASCULINE and not ctx.in_region(tok.idx):
                masc += 1
            elif tok.lower_ in FEMININE and not ctx.in_region(tok.idx):
                fem += 1
        if bool(masc) != bool(fem):
            tally = votes.setdefault(name, [0, 0])
            tally[0 if masc else 1] += 1
    for name, (masc, fem) in votes.items():
        if masc != fem:
            ctx.genders[name] = "m" if masc > fem else "f"


def _not_theirs(possessive: Token) -> bool:
    """A possessive that need not be the named person's: of a relational noun ("his
    sister"), or in what they reported ("X said the family had been told of his death"),
    unless that clause is about the named person ("expected X to be back at his home")."""
    if possessive.head.lemma_.lower() in RELATIONAL_NOUNS:
        return True
    clause = next((a for a in possessive.ancestors if a.dep_ == "ccomp"), None)
    return clause is not None and not _named_subject(clause)


def _named_subject(verb: Token) -> bool:
    """The subject of ``verb`` is a person's name."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
        for c in verb.children
    )


def role(ctx: Context, head: Token, start: int, end: int) -> str | None:
    """Apposition ("X, a professor at Y"; "the ferry's captain, X") or pre-nominal title
    ("Mayor X") of a mention, when it says what a person is (`roles.describes_person`, as
    for the entities: not "a tearful X", nor "X, himself an exile"). An age ("X, 54,") is
    not a role."""
    for text, at in _roles(ctx, head, start, end):
        span = ctx.parsed.char_span(at, at + len(text), alignment_mode="expand")
        if span is None or describes_person(span):
            return text
    return None


def _roles(ctx: Context, head: Token, start: int, end: int) -> Iterator[tuple[str, int]]:
    """The roles a mention may have (`role`), surest first, each with where it starts."""
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i and child.ent_type_ != "PERSON":
            tokens = _without_second_apposition(*_hyphenated(head, child))
            if all(t.like_num or t.is_punct for t in tokens):
                continue
            s, e = _on_line(ctx, tokens[0].idx, tokens[-1].idx + len(tokens[-1]), end)
            text, at = _stripped(ctx, s, e, " ,;:—–-")
            if text and not ctx.in_region(s):
                yield text, at
    noun = head.head
    if head.dep_ == "appos" and noun.i < head.i and person_noun(noun):
        s = noun.left_edge.idx
        text, at = _stripped(ctx, s, noun.idx + len(noun), " ,;:—–-")
        if text and not ctx.in_region(s):
            yield text, at
    left = [t for t in head.lefts if t.dep_ in {"compound", "amod", "nmod", "nummod"}]
    pre = [t for t in left if t.idx < start]
    if not pre:
        title = _title_in_entity(ctx, start, end)
        if title:
            yield title, start
        return
    first = min(t.left_edge.i for t in pre)
    tokens = [t for t in ctx.parsed[first : ctx.token_at(start).i] if t.idx < start]
    if tokens and tokens[-1].pos_ == "NOUN" and not person_noun(tokens[-1]):
        if any(t.dep_ in {"det", "poss"} for t in [*tokens, *head.lefts]):
            return  # "his nephew's shattered body Ruiz said": a thing, no title
    while tokens and (tokens[0].dep_ in {"det", "poss", "case"} or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[0].lower_.rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    if not tokens:
        return
    text, at = _stripped(ctx, *_on_line(ctx, tokens[0].idx, start, start), " ,")
    if text and not any(t.lower_.rstrip(".") in HONORIFICS for t in tokens):
        yield text, at


def _stripped(ctx: Context, start: int, end: int, chars: str) -> tuple[str, int]:
    """The text of characters ``start:end`` without ``chars`` at its edges, and where
    that text starts."""
    raw = ctx.doc.text[start:end]
    kept = raw.lstrip(chars)
    return kept.rstrip(chars), start + len(raw) - len(kept)


def _on_line(ctx: Context, start: int, end: int, name: int) -> tuple[int, int]:
    """``start:end`` cut to the line of the name at ``name``: a title or an apposition
    never runs across a line break ("said Wednesday / Attorney General Ana Berg": the
    title is "Attorney General")."""
    line_start, line_end = ctx.paragraphs[ctx.para_of(name)]
    return max(start, line_start), min(end, line_end)


def _hyphenated(head: Token, role: Token) -> tuple[list[Token], list[Token]]:
    """The words of an apposition to ``head`` starting at ``role``, with the appositions
    the parse split off one hyphenated word ("co", "-", "chair" of "co-chair of X"), and
    the heads of those pieces."""
    pieces = [role]
    tokens = list(role.subtree)
    for sibling in head.children:
        if sibling.i <= role.i or sibling.dep_ != "appos":
            continue
        if tokens[-1].whitespace_ or sibling.left_edge.i != tokens[-1].i + 1:
            break
        pieces.append(sibling)
        tokens += list(sibling.subtree)
    return tokens, pieces


def _without_second_apposition(tokens: list[Token], pieces: list[Token]) -> list[Token]:
    """The role's words (its head word in ``pieces``) up to a second apposition inside it
    that names no person ("research director of Telescope, the succession of problems ..."
    ends at "Telescope")."""
    heads = {t.i for t in pieces}
    for tok in tokens:
        if (
            tok.dep_ == "appos"
            and tok.i not in heads
            and tok.pos_ == "NOUN"
            and not person_noun(tok)
        ):
            cut = tok.left_edge.i
            return [t for t in tokens if t.i < cut]
    return tokens


def _title_in_entity(ctx: Context, start: int, end: int) -> str | None:
    """A title spaCy kept inside the entity ("Mayor Anika Brandt"), honorifics excepted."""
    words = []
    tok = ctx.token_at(start)
    while tok.idx < end and is_title(tok.text) and tok.lower_.rstrip(".") not in HONORIFICS:
        words.append(tok.text)
        if tok.i + 1 >= len(ctx.parsed):
            break
        tok = ctx.parsed[tok.i + 1]
    return " ".join(words) or None
