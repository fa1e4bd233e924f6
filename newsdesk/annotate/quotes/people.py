"""The people of a document: the canonical name of every PERSON mention, the role
(apposition or pre-nominal title) and the gender known for each name."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsdesk.annotate.quotes.context import Context
from newsdesk.annotate.quotes.names import gender, is_title
from newsdesk.annotate.roles import appositions, describes_person, title_before
from newsdesk.lang.en.names import PARTICLES
from newsdesk.lang.en.people import (
    FEMININE,
    MASCULINE,
    RELATIONAL_NOUNS,
    gender_of,
)
from newsdesk.lang.en.titles import ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.tokens import Token


def resolve_people(ctx: Context) -> None:
    """Canonical names of all PERSON mentions, their roles and genders."""
    for person in ctx.people:
        name = ctx.full_name(person.start, person.end, person.words, person.title)
        ctx.canon.append((person.start, name))
        ctx.known.add(name)
        found = list(roles(ctx, person.start, person.end))
        if found and name not in ctx.roles:
            ctx.roles[name] = found[0]
        described = ctx.descriptions.setdefault(name, [])
        described += [f.lower() for f in found]
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


def role(ctx: Context, start: int, end: int) -> str | None:
    """The role of the mention at characters ``start:end``: the first of its `roles`."""
    return next(roles(ctx, start, end), None)


def roles(ctx: Context, start: int, end: int) -> Iterator[str]:
    """The roles of the mention at characters ``start:end`` as the entities read them
    (`roles.appositions`: "X, a professor at Y", "the ferry's captain, X"; then
    `roles.title_before`: "Valmont Mayor X", the title kept inside the mention too), those
    that say what a person is (`roles.describes_person`: not "a tearful X", nor "X,
    himself an exile"), on the mention's line and outside quotations."""
    parsed = ctx.parsed
    first, last = ctx.token_at(start).i, ctx.token_at(end - 1).i + 1
    for k in range(first, last - 1):  # "Mayor Ana Vale", "Colts coach Ana Vale" as one
        tok, after = parsed[k], parsed[k + 1]  # mention: the name starts after its title
        lower = tok.is_lower and tok.lower_ not in PARTICLES and tok.whitespace_
        if (is_title(tok.text) or lower) and after.text[:1].isupper():
            first = k + 1
    titles = title_before(parsed, first)
    whole = [(titles[0][0], titles[-1][1])] if titles else []  # "Wyoming Gov." in one
    for a, b in appositions(parsed, first, last) + whole:
        s, e = _on_line(ctx, parsed[a].idx, parsed[b - 1].idx + len(parsed[b - 1]), start)
        text, at = _stripped(ctx, s, e, " ,;:—–-")
        if not text or ctx.in_region(s):
            continue
        span = parsed.char_span(at, at + len(text), alignment_mode="expand")
        if span is None or describes_person(span):
            yield text


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
