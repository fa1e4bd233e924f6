"""Organisations as speakers when no person is named.

Two general readings of a common-noun subject:

* a spokesperson of a named organisation ("a Harbour Board spokeswoman said") speaks for
  it: the organisation is the speaker, the noun phrase the role; a lowercase noun there
  ("a ministry statement") names the one organisation the document names with it;
* a definite description ("the group said") stands for the one organisation the document
  names with that noun ("the pressure group Clear Tide", "the Kestrel group"); with none
  or several, nobody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.annotate.quotes.context import Context, Speaker
from newsdesk.lang.en.speech import (
    DOCUMENT_NOUNS,
    MEDIUM_NOUNS,
    SELF_NOUNS,
    SPEECH_NOUNS,
    SPOKESPERSON_NOUNS,
    STATE_BODY_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

ORG_TYPES = frozenset({"ORG", "GPE", "NORP"})
# nouns whose owner speaks through them: a statement, a report, a radio station
AUTHORED_NOUNS = SPEECH_NOUNS | DOCUMENT_NOUNS | MEDIUM_NOUNS
# which modifier of such a noun names its owner first: "Moscow's NTV station" is NTV's
OWNER_ORDER = {"compound": 0, "nmod": 1, "poss": 2, "pobj": 3}


def _org_name(ctx: Context, tok: Token) -> str | None:
    """The source text of the organisation entity ``tok`` is in, without a leading
    lowercase determiner (nor a sentence's capital "The", `without_capital_the`); None
    when ``tok`` is in no organisation entity."""
    if tok.ent_type_ not in ORG_TYPES:
        return None
    for ent in ctx.parsed.ents:
        if ent.start <= tok.i < ent.end:
            words = [t for t in ent if not (t.i == ent.start and t.is_lower)]
            words = without_capital_the(ctx, words)
            return ctx.doc.text[words[0].idx : words[-1].idx + len(words[-1])] if words else None
    return None


def without_capital_the(ctx: Context, tokens: list[Token]) -> list[Token]:
    """A name's tokens without a leading "The" that only opens the sentence: "The Kestrel
    Harbour Board said ..." is the Kestrel Harbour Board when the document also writes
    the name without a capital "The" ("the Kestrel Harbour Board", "Kestrel Harbour Board
    chief Ana Ruiz"); a name only ever written with it keeps it ("The Valmont Courier")."""
    if len(tokens) < 2 or tokens[0].text != "The" or not tokens[0].is_sent_start:
        return tokens
    rest = [t.text for t in tokens[1:]]
    for tok in ctx.parsed:
        if tok.i == tokens[1].i or tok.text != rest[0] or tok.i + len(rest) > len(ctx.parsed):
            continue
        if [t.text for t in ctx.parsed[tok.i : tok.i + len(rest)]] != rest:
            continue
        if tok.i == 0 or ctx.parsed[tok.i - 1].text != "The":
            return tokens[1:]
    return tokens


def spokesperson_org(ctx: Context, tok: Token) -> Speaker | None:
    """The organisation a spokesperson noun, a speech or document noun or a medium is
    modified by: "a Harbour Board spokeswoman", "according to a Harbour Board statement",
    "a statement by the Kestrel Union", "Valmont Broadcasting radio said"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in SPOKESPERSON_NOUNS | AUTHORED_NOUNS:
        return None
    owners = [c for c in _owners(tok) if c.dep_ in OWNER_ORDER]
    if lemma in MEDIUM_NOUNS:  # "a Thai newspaper", "Moscow's station": no owners
        owners = [c for c in owners if c.ent_type_ not in {"GPE", "NORP"}]
    for child in sorted(owners, key=lambda c: OWNER_ORDER[c.dep_]):
        name = (
            _org_name(ctx, child)
            or _named_with(ctx, child)
            or _untagged(ctx, child)
            or _org_modifier(ctx, child)
            or _described_owner(ctx, child)
            or _state_body(ctx, child)
        )
        if name:
            left = next(tok.subtree)
            role = ctx.doc.text[left.idx : tok.idx + len(tok)]
            if lemma not in SPOKESPERSON_NOUNS:  # a statement has no role
                full = _full_org(ctx, name)
                return Speaker(full, child.idx, child.idx + len(child), False, None)
            return Speaker(name, left.idx, tok.idx + len(tok), False, role)
    return None


def _owners(noun: Token) -> list[Token]:
    """The words that may name whose a spokesperson or a statement is: its modifiers ("a
    Harbour Board spokeswoman") and the object of its "for", "of", "by" or "from" ("a
    spokesman for the Harbour Board", "a statement by the union", "a statement from the
    government")."""
    found = list(noun.children)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"for", "of", "by", "from"}:
            found += [c for c in child.children if c.dep_ == "pobj"]
    return found


def _untagged(ctx: Context, tok: Token) -> str | None:
    """A proper noun the model tagged as no entity, with the proper nouns before it ("a
    spokesman for Harwell Mills"): whose spokesperson it is, when nothing else says."""
    if tok.pos_ != "PROPN" or tok.ent_type_:
        return None
    words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
    return ctx.doc.text[words[0].idx : tok.idx + len(tok)]


def _org_modifier(ctx: Context, noun: Token) -> str | None:
    """The organisation that modifies a common noun owning a statement: "a statement by
    the 15 Kestrel League countries" is the Kestrel League's."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return None
    for child in noun.children:
        if child.dep_ == "compound":
            name = _org_name(ctx, child) or _untagged(ctx, child)
            if name:
                return name
    return None


def _named_with(ctx: Context, noun: Token) -> str | None:
    """The one organisation the document names with a common noun written lowercase before
    a speech noun ("a ministry statement": the Ministry of Transport, when the document
    names no other ministry), else None."""
    if noun.pos_ != "NOUN" or not noun.is_lower or noun.ent_type_:
        return None
    lemma = noun.lemma_.lower()
    names = set()
    for ent in ctx.parsed.ents:
        words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        if ent.label_ == "ORG" and words and lemma in {words[0].lower_, words[-1].lower_}:
            names.add(ctx.doc.text[words[0].idx : words[-1].idx + len(words[-1])])
    return names.pop() if len(names) == 1 else None


def _full_org(ctx: Context, name: str) -> str:
    """The one longer name of an organisation in the document that ends with ``name``
    ("Cabinet" → "Israeli Cabinet" written earlier), else ``name``."""
    words = name.casefold().split()
    longer = set()
    for ent in ctx.parsed.ents:
        if ent.label_ not in ORG_TYPES:
            continue
        tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        found = ctx.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])] if tokens else ""
        written = found.casefold().split()
        if len(written) > len(words) and written[-len(words) :] == words:
            longer.add(found)
    return longer.pop() if len(longer) == 1 else name


def _state_body(ctx: Context, noun: Token) -> str | None:
    """The name of a body of a state written as a nationality and a lowercase noun for it,
    after "the": "the Norlandic navy", "the Kestrian foreign ministry" (the words as
    written, without "the"); None for anything else, and for a possessive ("Norland's
    navy": which of its names the body goes by is not written)."""
    if not _state_body_noun(noun):
        return None
    lefts = list(noun.lefts)
    if not lefts or lefts[0].dep_ != "det" or lefts[0].lower_ != "the":
        return None
    words = lefts[1:]
    if not words or words[0].dep_ != "amod" or not _nationality(words[0]):
        return None
    if any(t.dep_ not in {"amod", "compound"} or not t.is_lower for t in words[1:]):
        return None
    if [t.i for t in words] != list(range(noun.i - len(words), noun.i)):
        return None
    return ctx.doc.text[words[0].idx : noun.idx + len(noun)]


def _state_body_noun(tok: Token) -> bool:
    """A lowercase common noun for a body of a state ("navy", "ministry")."""
    return tok.pos_ == "NOUN" and tok.is_lower and tok.lemma_.lower() in STATE_BODY_NOUNS


def _nationality(tok: Token) -> bool:
    """A word for a nationality: tagged so, or a capitalised adjective the model put in an
    organisation or place ("The Norwegian navy" tagged as one organisation)."""
    if tok.ent_type_ == "NORP":
        return True
    return tok.pos_ == "ADJ" and tok.text[:1].isupper() and tok.ent_type_ in {"ORG", "GPE"}


def _named_state_body(ctx: Context, noun: Token) -> str | None:
    """The one body of a state the document names by its nationality with ``noun``
    (`_state_body`) that "the navy" or "Norland's navy" stands for: any one for "the
    navy", one whose nationality begins as the country does for "Norland's navy"
    ("Norlandic navy"); None with none or several."""
    if not _state_body_noun(noun):
        return None
    lefts = list(noun.lefts)
    if len(lefts) != 1:
        return None
    country = lefts[0] if lefts[0].dep_ == "poss" and lefts[0].ent_type_ == "GPE" else None
    if country is None and (lefts[0].dep_ != "det" or lefts[0].lower_ != "the"):
        return None
    names = {
        body
        for tok in ctx.parsed
        if tok.lemma_.lower() == noun.lemma_.lower() and not ctx.in_region(tok.idx)
        for body in [_state_body(ctx, tok)]
        if body is not None
    }
    if country is not None:
        stem = country.text[:4].casefold()
        names = {n for n in names if n[:4].casefold() == stem}
    return names.pop() if len(names) == 1 else None


def described_org(ctx: Context, tok: Token) -> Speaker | None:
    """The one organisation named with the head noun of "the group" earlier in the text:
    "the pressure group Clear Tide" (apposition) or "the Clear Tide group" (compound); a
    body of a state named by its nationality ("the Norlandic navy", `_state_body`), and
    "the navy" or "Norland's navy" where the document names one such navy
    (`_named_state_body`)."""
    body = _state_body(ctx, tok) or _named_state_body(ctx, tok)
    if body is not None:
        return Speaker(body, next(tok.subtree).idx, tok.idx + len(tok), False, None)
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    lemma = tok.lemma_.lower()
    names: dict[str, Token] = {}
    for noun in ctx.parsed[: tok.i]:
        if noun.lemma_.lower() != lemma or noun.pos_ != "NOUN" or ctx.in_region(noun.idx):
            continue
        for child in noun.children:
            if child.dep_ in {"appos", "compound"}:
                name = _org_name(ctx, child)
                if name:
                    names.setdefault(name.casefold(), child)
    start = next(tok.subtree).idx
    if not names:
        headed = _headed_by(ctx, lemma, tok.i) or _modified_like(ctx, tok)
        return Speaker(headed, start, tok.idx + len(tok), False, None) if headed else None
    if len(names) != 1:
        return None
    [child] = names.values()
    name = _org_name(ctx, child)
    return Speaker(name, start, tok.idx + len(tok), False, None)


def _described_owner(ctx: Context, tok: Token) -> str | None:
    """The organisation a definite description after "by" or "for" stands for ("a report
    by the rights organization", `described_org`)."""
    if tok.dep_ != "pobj":
        return None
    found = described_org(ctx, tok)
    return found.name if found is not None else None


def _modified_like(ctx: Context, noun: Token) -> str | None:
    """The one organisation named before ``noun`` whose name holds the lowercase words
    that modify it, in order: "the New York-based human rights organization" is Human
    Rights Watch, named so before (an entity, or proper nouns the model tagged as none).
    At least one of the words is a noun ("the new party" is no "New Party"); None with
    none or several."""
    words: list[Token] = []
    for tok in reversed(list(noun.lefts)):
        if tok.i != noun.i - len(words) - 1 or tok.dep_ not in {"compound", "amod"}:
            break
        if not tok.is_alpha or not tok.is_lower or tok.pos_ not in {"NOUN", "ADJ"}:
            break
        words.insert(0, tok)
    if not any(t.pos_ == "NOUN" for t in words):
        return None
    wanted = [t.lower_ for t in words]
    names = {
        ctx.doc.text[run[0].idx : run[-1].idx + len(run[-1])]
        for run in _proper_runs(ctx, noun.i)
        if _holds(wanted, [t.lower_ for t in run])
    }
    return names.pop() if len(names) == 1 else None


def _proper_runs(ctx: Context, before: int) -> list[list[Token]]:
    """The names before token ``before`` outside quotes that may be an organisation's:
    organisation entities and runs of proper nouns in no entity."""
    runs: list[list[Token]] = [
        [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        for ent in ctx.parsed.ents
        if ent.label_ == "ORG" and ent.end <= before and not ctx.in_region(ent.start_char)
    ]
    run: list[Token] = []
    for tok in [*ctx.parsed[:before], None]:
        if tok is not None and tok.pos_ == "PROPN" and not tok.ent_type_:
            run.append(tok)
            continue
        if run and not ctx.in_region(run[0].idx):
            runs.append(run)
        run = []
    return [r for r in runs if r]


def _holds(wanted: list[str], words: list[str]) -> bool:
    """``words`` hold ``wanted`` as consecutive words, and one more word besides."""
    n = len(wanted)
    return len(words) > n and any(words[i : i + n] == wanted for i in range(len(words) - n + 1))


def _headed_by(ctx: Context, lemma: str, before: int) -> str | None:
    """The one organisation named before token ``before`` whose name ends with the noun
    ("the commission": the Kestrel Harbour Commission); a shorter form of that name ("the
    Kestrel Commission": same first and last words) is the same one; for a medium, a name
    that ends with any word for one ("the newspaper": the Varna Sports Daily). None with
    none or several."""
    outlets = MEDIUM_NOUNS | SELF_NOUNS
    kinds = outlets if lemma in outlets else {lemma}
    names: set[str] = set()
    for ent in ctx.parsed.ents:
        if ent.label_ != "ORG" or ent.start >= before or ctx.in_region(ent.start_char):
            continue
        words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        if len(words) > 1 and words[-1].lower_ in kinds and words[-1].pos_ == "PROPN":
            names.add(ctx.doc.text[words[0].idx : words[-1].idx + len(words[-1])])
    longest = {n for n in names if not any(_shortened(n, other) for other in names)}
    return longest.pop() if len(longest) == 1 else None


def _shortened(short: str, long: str) -> bool:
    """``short`` is ``long`` with inner words left out ("Truth Commission" of "Truth and
    Reconciliation Commission")."""
    a, b = short.casefold().split(), long.casefold().split()
    if len(a) >= len(b) or a[0] != b[0] or a[-1] != b[-1]:
        return False
    rest = iter(b[1:-1])
    return all(word in rest for word in a[1:-1])


def described_document(ctx: Context, tok: Token) -> Speaker | None:
    """Whoever issued "the statement" or "the report": the one owner the document gives
    earlier nouns of that word ("a statement by the Kestrel Union said ... the statement
    added"); with none or several, nobody."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in SPEECH_NOUNS | DOCUMENT_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    owners: dict[str, Speaker] = {}
    for noun in ctx.parsed[: tok.i]:
        if noun.lemma_.lower() != lemma or noun.pos_ != "NOUN" or ctx.in_region(noun.idx):
            continue
        found = spokesperson_org(ctx, noun)
        if found is not None and found.name:
            owners.setdefault(found.name.casefold(), found)
    if len(owners) != 1:
        return None
    [owner] = owners.values()
    start = next(tok.subtree).idx
    return Speaker(owner.name, start, tok.idx + len(tok), False, None)
