"""Cue detection: reporting verbs in the active voice ("said", not "was reported"), "according
to", speech nouns owned by a name ("Alenko's ... promise"), and the subject each cue gives
(climbing from a participle such as "adding" to the verb it hangs on)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from newsdesk.annotate.quotes.context import Context
from newsdesk.lang.en.people import PERSONAL
from newsdesk.lang.en.speech import (
    DOCUMENT_NOUNS,
    HEDGE_ADVERBS,
    REFUSAL_VERBS,
    REPORTED_VERBS,
    REPORTING_VERBS,
    SELF_NOUNS,
    SPEECH_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

RELATIVE = frozenset("who that which whom".split())


def is_cue(tok: Token) -> bool:
    """A reporting verb in the active voice ("said", not "was reported")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    children = list(tok.children)
    if lemma == "go":
        return any(c.dep_ == "prt" and c.lower_ == "on" for c in children)
    if lemma in {"shoot", "fire", "hit", "push", "lash"}:  # "shot back"
        return any(c.dep_ == "prt" and c.lower_ in {"back", "out"} for c in children)
    if lemma == "put":  # "as the Courier put it"
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in children)
    if lemma not in REPORTING_VERBS:
        return False
    if lemma == "continue" and any(c.dep_ == "xcomp" for c in children):
        return False  # "will continue to be"
    if quotes_someone(tok):
        return False  # "the paper quoted X as saying": "saying" is the cue
    if tok.tag_ == "VBN" and tok.i > 0 and tok.nbor(-1).lower_ in {"when", "as", "if", "once"}:
        return False  # "when asked", "as reported"
    return not any(c.dep_ in {"auxpass", "nsubjpass"} for c in children)


def according_to(tok: Token) -> Token | None:
    """The object of "according to" when ``tok`` is "according"; for a work by a named
    author, the author ("according to calculations by Ana Ruiz")."""
    if tok.lower_ != "according":
        return None
    for child in tok.children:
        if child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _author(obj)
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        for obj in nxt.children:
            if obj.dep_ == "pobj":
                return _author(obj)
    return None


def _author(noun: Token) -> Token:
    """The proper noun a common noun is "by" ("calculations by Ana Ruiz", "a study by
    Kestrel Poll"): whose work speaks; else the noun itself."""
    if noun.pos_ != "NOUN":
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                return obj
    return noun


def _direct_subject(ctx: Context, verb: Token, passive: bool = False) -> Token | None:
    """The active (or also passive) subject of ``verb`` nearest to it, outside quotes."""
    deps = {"nsubj", "nsubjpass"} if passive else {"nsubj"}
    subjects = [
        c for c in verb.children if c.dep_ in deps and _wordlike(c) and not ctx.in_region(c.idx)
    ]
    if not subjects:
        return None
    child = min(subjects, key=lambda c: abs(c.i - verb.i))
    if child.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return child


def _wordlike(tok: Token) -> bool:
    """A token with a letter or digit in it: a dash written "_" that the parse made a
    subject ("the fund _ described as '...' by officials") is none."""
    return any(ch.isalnum() for ch in tok.text)


def subject(ctx: Context, tok: Token) -> Token | None:
    """Subject of a cue verb; for a cue set off by commas, the name after it. Without one
    of its own ("..., adding"; "after telling", "was convicted of telling": through the
    preposition; a verb the parse hung on another as ``dep``), the subject of the nearest
    reporting verb above it, else of the nearest verb above it."""
    own = _direct_subject(ctx, tok)
    if own is not None:
        return _set_off_name(ctx, tok, own) or own
    quoted = _quoted_as(tok)
    if quoted is not None:  # "he was quoted as saying": the one quoted spoke
        return _direct_subject(ctx, quoted, passive=True)
    quoted = _quoted_as(tok, active=True)
    if quoted is not None:  # "the paper quoted sources as saying": the sources spoke
        return next(c for c in quoted.children if c.dep_ == "dobj")
    if tok.tag_ in {"VBN", "VBD"} and tok.dep_ in {"acl", "relcl"}:
        # "the man described by the Times as": the Times spoke (a participle the parse
        # took for a past tense without a subject, too)
        return _agent(ctx, tok)
    if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.head.head.pos_ in {"VERB", "AUX"}:
        # "Alenko issued a statement saying ...": the subject of the verb above the noun
        owner = _direct_subject(ctx, tok.head.head)
        return owner if owner is not None else tok.head
    if tok.dep_ in {"relcl", "acl"} and tok.head.pos_ in {"PROPN", "NOUN"}:
        return tok.head
    fallback = None
    current = tok
    for _ in range(4):
        through = current.dep_ == "pcomp" and current.head.dep_ == "prep"
        if through and fallback is None:
            current = current.head  # "after telling ...", "convicted of telling ..."
        elif current.dep_ not in {"conj", "xcomp", "advcl", "ccomp", "dep"}:
            break
        current = current.head
        if current.pos_ not in {"VERB", "AUX"}:
            break
        found = _direct_subject(ctx, current, passive=True)
        if through and found is not None and not _controls(found, tok):
            break
        if found is not None and (is_cue(current) or _sends_words(current, tok)):
            return found
        if fallback is None:
            fallback = found
    return fallback


def _sends_words(verb: Token, participle: Token) -> bool:
    """``verb`` sends or issues words that ``participle`` reports, as its object: "North
    Kestria sent a letter to the board, saying ...", "the union issued a statement on
    Monday, saying ..." (the participle hung on the verb, not on the noun): whoever sent
    them said them."""
    if participle.dep_ != "advcl" or participle.head.i != verb.i or participle.i < verb.i:
        return False
    return any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in SPEECH_NOUNS | DOCUMENT_NOUNS
        for c in verb.children
    )


def _set_off_name(ctx: Context, verb: Token, subj: Token) -> Token | None:
    """The name after a cue set off by commas inside a sentence, which the parse read as
    the sentence's subject: "The plan, said Rep. Ana Ruiz, was '...'" ("the plan" is what
    was said, Ruiz the speaker). None when the cue is not so set off."""
    if subj.i > verb.i or verb.i == 0 or verb.nbor(-1).text != ",":
        return None
    if subj.ent_type_ == "PERSON" or subj.pos_ in {"PROPN", "PRON"}:
        return None
    name: list[Token] = []
    for tok in verb.doc[verb.i + 1 : verb.i + 8]:
        if tok.pos_ != "PROPN" or ctx.in_region(tok.idx):
            break
        name.append(tok)
    end = verb.i + 1 + len(name)
    if not name or end >= len(verb.doc) or verb.doc[end].text != ",":
        return None
    if not any(t.ent_type_ == "PERSON" for t in name):
        return None
    return name[-1]


def _controls(subj: Token, participle: Token) -> bool:
    """``subj`` is the implied subject of a participle in a prepositional phrase of its
    verb: before the phrase ("X was convicted of telling"), or after a phrase that opens
    the sentence ("After telling ..., X checked in"); not a subject the parse found after
    a phrase inside the sentence ("X, despite admitting ..., the victims need")."""
    if subj.i < participle.i:
        return True
    opener = participle.sent[0]
    while opener.is_punct and opener.i < participle.i:
        opener = participle.doc[opener.i + 1]
    return opener.i == participle.head.i


def _quoted_as(verb: Token, active: bool = False) -> Token | None:
    """The passive "quoted" of "X was quoted as saying", when ``verb`` is its "saying";
    with ``active``, the "quoted" of "the paper quoted X as saying" (X its object)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() != "quote":
        return None
    quoted = prep.head
    if active:
        return quoted if any(c.dep_ == "dobj" for c in quoted.children) else None
    return quoted if any(c.dep_ == "auxpass" for c in quoted.children) else None


def quotes_someone(verb: Token) -> bool:
    """ "quoted X as saying": the words are X's (the cue is "saying"), the one who quoted
    them a relay."""
    return (
        verb.lemma_.lower() == "quote"
        and any(c.dep_ == "dobj" for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    )


def _agent(ctx: Context, verb: Token) -> Token | None:
    """The "by" phrase of a participle used passively ("described by the Times as ...",
    "described as 'aid' by officials"), else None: the noun it modifies is what was
    described, not who spoke."""
    for tok in verb.subtree:
        if tok.i > verb.i and tok.lower_ == "by" and tok.dep_ in {"agent", "prep"}:
            objects = [c for c in tok.children if c.dep_ == "pobj"]
            if objects and not ctx.in_region(objects[0].idx):
                return objects[0]
    return None


def hedged(verb: Token, subj: Token | None) -> bool:
    """The writer does not vouch for who spoke: a pronoun subject with "reportedly",
    "allegedly" ("he reportedly said"), or under a passive "is said to" ("she is said to
    have told")."""
    if subj is None or subj.lower_ not in PERSONAL:
        return False
    current = verb
    for _ in range(4):
        if any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in current.children):
            return True
        if current is not verb and current.lemma_.lower() in REPORTED_VERBS | {"allege"}:
            if any(c.dep_ == "auxpass" for c in current.children):
                return True
        if current.dep_ not in {"xcomp", "conj"}:
            break
        current = current.head
    return False


def unsaid(verb: Token, modal: bool = True) -> bool:
    """Words nobody is reported to have said: a negated verb ("has not said whether she
    will appeal", "never said"), a modal one ("may say", "would say"; unless ``modal`` is
    False), or one that a refusal governs ("declined to say whether")."""
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ == "never":
            return True
        if modal and child.dep_ == "aux" and child.tag_ == "MD":
            return True
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in REFUSAL_VERBS
        or (verb.dep_ == "xcomp" and head.i != verb.i and unsaid(head, modal))
    )


def own_outlet(ctx: Context, tok: Token) -> bool:
    """``tok`` names the outlet that wrote the document ("the Clarion" in The Daily
    Clarion, "this newspaper"): the writer, never a speaker or a relay."""
    words = [t.lower_ for t in tok.subtree if t.i <= tok.i and not t.is_punct]
    if len(words) == 2 and words[0] in {"this", "our"} and words[1] in SELF_NOUNS:
        return True
    outlet = ctx.doc.outlet
    if not outlet or tok.pos_ != "PROPN":
        return False
    if tok.ent_type_ == "PERSON" and "the" not in words:
        return False  # "Emily Post said" in the Northshore Post
    words = [w for w in words if w != "the"]
    owned = [w for w in outlet.lower().split() if w != "the"]
    return bool(words) and len(words) <= len(owned) and words == owned[-len(words) :]


def is_root_subject(tok: Token) -> bool:
    """The subject of the sentence's root verb, or of a verb joined to it."""
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    head = tok.head
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")


def takes_clause(verb: Token) -> bool:
    """The verb has a clausal complement after it ("said that ...", "said the plan ...")."""
    return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def cues(ctx: Context, window: Iterable[Token]) -> Iterator[tuple[Token, Token | None, bool]]:
    """(cue token, speaker token, is "according to") in window order. A cue whose source
    is the document's own outlet ("the Clarion can reveal") is the writer's: left out."""
    for tok in window:
        obj = according_to(tok)
        if obj is not None:
            if not own_outlet(ctx, obj):
                yield tok, obj, True
        elif is_cue(tok):
            subj = subject(ctx, tok)
            if subj is None or not own_outlet(ctx, subj):
                yield tok, subj, False
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS:
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PROPN" and not _judged(tok):
                yield tok, owner, False


def _judged(noun: Token) -> bool:
    """A speech noun that is the subject of "be" in what another cue reports ("the board
    said Brandt's comments are '...'"): the quote is what is said of the comments, by
    the other cue's speaker, not the comments themselves."""
    verb = noun.head
    return (
        noun.dep_ == "nsubj"
        and verb.lemma_.lower() == "be"
        and verb.dep_ == "ccomp"
        and is_cue(verb.head)
    )


def leads(window: Sequence[Token], cue: Token, subj: Token | None) -> bool:
    """The window opens with the cue and its own subject ("..., Alenko said" / "said
    Alenko"); a participle ("..., adding") does not lead."""
    if subj is None or subj.i not in {t.i for t in window}:
        return False
    scope = {t.i for t in subj.subtree}
    return all(t.is_punct or t.i in scope for t in window if t.i < cue.i)


def governs(tok: Token, cue: Token, subj: Token | None) -> bool:
    """``tok`` is governed by ``cue`` and not inside the subject phrase."""
    for anc in tok.ancestors:
        if subj is not None and anc == subj:
            return False
        if anc == cue:
            return True
    return False
