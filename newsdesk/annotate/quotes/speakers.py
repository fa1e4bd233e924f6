"""Speaker resolution: from the token a cue points at to a speaker with a canonical name.

A proper-noun mention becomes the full name it stands for (`canonical_name`), with the role
given next to it or known from elsewhere in the document; "he"/"she" becomes the most
recent compatible person (root subjects first, sentence by sentence back); a common noun
with a person named in apposition ("a spokesman, John Doe") becomes that person, the noun
phrase their role; "the mayor" becomes the one person described so (`nominal`).
Organisations and places are speakers too, but not people.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import partial
from typing import TYPE_CHECKING

from newsdesk.annotate.quotes.context import Context, Speaker
from newsdesk.annotate.quotes.cues import is_cue, is_root_subject, subject
from newsdesk.annotate.quotes.joint import (
    family_name,
    first_of_family,
    known_surname,
    one_of_joined,
    pair_before,
    the_pair,
)
from newsdesk.annotate.quotes.names import is_title, name_words, title_before
from newsdesk.annotate.quotes.nominal import described, holds_another_post, is_description
from newsdesk.annotate.quotes.organisations import (
    described_document,
    described_org,
    spokesperson_org,
    without_capital_the,
)
from newsdesk.annotate.quotes.people import role
from newsdesk.annotate.roles import in_passing, person_noun
from newsdesk.lang.en.people import (
    DESCRIBED_NOUNS,
    KIN_NOUNS,
    MASCULINE,
    PERSONAL,
    RELATIONAL_NOUNS,
    RESIDENT_NOUNS,
    gender_of,
    names_people,
)
from newsdesk.lang.en.speech import DOCUMENT_NOUNS, ISSUING_VERBS, SPEECH_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

PARTY_TAG = re.compile(r"^[A-Z]-[A-Z][A-Za-z]*\.?$")
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
PLURAL = frozenset({"NNS", "NNPS"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})
SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "\n"})
# endings of nouns for one who does something ("trader", "actor", "analyst"); not the
# endings nouns for bodies share ("government", "department", "restaurant")
DOER_SUFFIXES = ("er", "or", "ist")
# nouns for people that say how they stand to somebody else or what they look like ("the
# friend", "the young man"), not what they do: no variation on a named subject
UNSETTLED = KIN_NOUNS | RELATIONAL_NOUNS | RESIDENT_NOUNS | DESCRIBED_NOUNS
# how far back "he"/"she" looks for a person: three paragraphs, or at least this many
# sentences where the text puts one sentence on each line
PARAGRAPHS_BACK = 3
SENTENCES_BACK = 6


def _entity_of(ctx: Context, tok: Token) -> SpacySpan | None:
    """The named entity ``tok`` is part of (None outside entities)."""
    if not tok.ent_type_:
        return None
    start, end = tok.i, tok.i + 1
    while start > 0 and ctx.parsed[start].ent_iob_ == "I":
        start -= 1
    while end < len(ctx.parsed) and ctx.parsed[end].ent_iob_ == "I":
        end += 1
    return ctx.parsed[start:end]


def _mention_tokens(ctx: Context, tok: Token) -> tuple[list[Token], str]:
    """The tokens of the name around ``tok`` and their entity label ('' if none)."""
    if tok.ent_type_:
        ent = _entity_of(ctx, tok)
        if ent is not None:
            conjunct = one_of_joined(ctx, list(ent), tok)
            return conjunct or list(ent), tok.ent_type_
    tokens = [tok]
    for child in reversed(list(tok.lefts)):
        if (
            child.dep_ in {"compound", "flat"}
            and child.pos_ == "PROPN"
            and child.i == tokens[0].i - 1
        ):
            tokens.insert(0, child)
        else:
            break
    return tokens, ""


def speaker_of(ctx: Context, tok: Token) -> Speaker | None:
    """Resolve the subject token of a cue to a speaker (None: nobody identifiable)."""
    if ctx.in_region(tok.idx):
        return None
    surnamed = surname_as_pronoun(ctx, tok)
    if surnamed is not None:
        return Speaker(surnamed, tok.idx, tok.idx + len(tok), True, ctx.roles.get(surnamed))
    if tok.pos_ == "PRON" and tok.lower_ == "it" and tok.dep_ == "nsubj" and is_cue(tok.head):
        return _body_before(ctx, tok)
    if tok.pos_ == "PRON" and tok.lower_ in PERSONAL:
        name = _antecedent(ctx, tok, "m" if tok.lower_ in MASCULINE else "f")
        if name is None:
            return None
        return Speaker(name, tok.idx, tok.idx + len(tok), True, ctx.roles.get(name))
    if tok.pos_ == "PRON" and tok.lower_ == "they" or the_pair(tok):
        return _person_named(ctx, pair_before(ctx, tok, partial(_is_person_name, ctx)))
    if _surname_as_noun(ctx, tok):
        found = named(ctx, tok)
        if found is not None and not found.is_person:  # "Davies", named "Darcy Davies, a ..."
            full = _described_surname(ctx, tok) or found.name
            return Speaker(full, found.start, found.end, True, found.role)
        return found
    family = family_name(ctx, tok)
    if family is not None:
        return _person_named(ctx, first_of_family(ctx, tok, family))
    if tok.ent_type_ == "NORP" and _brought_in_with(tok, ARTICLES) and not _a_known_name(ctx, tok):
        left = [t for t in tok.subtree if t.i <= tok.i]
        return Speaker(None, left[0].idx, tok.idx + len(tok), True, _phrase(ctx, left))
    if _is_age(tok):  # "the 55-year-old said"
        return _subject_before(ctx, tok)
    if tok.ent_type_ != "PERSON":
        inner = _named_in_phrase(ctx, tok)
        if inner is None:
            inner = _issued_by(ctx, tok)
        if inner is None:
            inner = spokesperson_org(ctx, tok)
        if inner is None:  # the nearest "in a statement", before owners given earlier
            inner = _issued_in(ctx, tok)
        if inner is None:
            inner = _written_by(ctx, tok)
        if inner is None and not names_people(
            tok.lower_, by_ending=False
        ):  # "the official" is a person
            inner = described_org(ctx, tok)
        if inner is None:
            inner = described_document(ctx, tok)
        if inner is None and is_description(tok):
            found = described(ctx, tok)
            if found is None or found.name is None:
                return _introduced_later(ctx, tok) or _subject_before(ctx, tok) or found
            return found
        if inner is not None or tok.pos_ != "PROPN" and tok.ent_type_ not in ORG_LABELS:
            return inner
    return named(ctx, tok)


def _body_before(ctx: Context, pronoun: Token) -> Speaker | None:
    """The body "it" stands for when it speaks ("A statement from the Harbour Board said
    ... '...,' it added"; "Kestrel Wire reported ... '...,' it said"): the nearest subject
    of a finite verb of saying or issuing before it, in its sentence or the two before,
    when that names a body the model tagged as one (an organisation, or a statement whose
    issuer is so named); nobody when that subject is a person, a post ("the County
    Attorney's report said") or names nobody."""
    index = bisect_right(ctx.sent_starts, pronoun.idx) - 1
    for sent in reversed(ctx.sents[max(0, index - 2) : index + 1]):
        for tok in reversed(list(sent)):
            if tok.i >= pronoun.i or ctx.in_region(tok.idx) or tok.dep_ != "nsubj":
                continue
            if tok.head.tag_ not in FINITE:
                continue  # "requiring Europeans to think": nobody's statement
            if not (is_cue(tok.head) or tok.head.lemma_.lower() in ISSUING_VERBS):
                continue  # "It contends" after "the Department filed its suit": the suit
            found = speaker_of(ctx, tok)
            if found is None or found.is_person or not found.name:
                return None
            if ctx.token_at(found.start).ent_type_ not in ORG_LABELS:
                return None  # "the County Attorney's report said": a post, not a body
            end = pronoun.idx + len(pronoun)
            return Speaker(found.name, pronoun.idx, end, False, found.role)
    return None


def _a_known_name(ctx: Context, tok: Token) -> bool:
    """A proper noun the model tagged as a people ("the 36-year-old Brandt", NORP) that is
    the surname of a person the document names: that person, not a member of a people."""
    return tok.pos_ == "PROPN" and known_surname(ctx, tok.text)


def _person_named(ctx: Context, tok: Token | None) -> Speaker | None:
    """The person the name at ``tok`` stands for (None: no token, or no person)."""
    found = named(ctx, tok) if tok is not None else None
    return found if found is not None and found.is_person else None


def _phrase(ctx: Context, tokens: list[Token]) -> str:
    return ctx.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]


def surname_as_pronoun(ctx: Context, tok: Token) -> str | None:
    """The person a capitalised "He" inside a sentence names: the one person named in full
    in the document with the family name He, first or last ("He Lianfei", "Ivo He"): "and
    He said" is that person, not the pronoun. None for the pronoun."""
    if tok.text != "He" or tok.is_sent_start or tok.i == 0:
        return None
    before = tok.doc[tok.i - 1]
    if before.is_space or before.text in SENTENCE_ENDS or before.is_quote:
        return None  # '"...." He said' opens a sentence the parse did not cut
    named_he = {n for _, n in ctx.canon if _family_he(n.split())}
    return named_he.pop() if len(named_he) == 1 else None


def _family_he(words: list[str]) -> bool:
    """A full name whose first or last word is He."""
    return len(words) > 1 and "He" in (words[0], words[-1])


def _surname_as_noun(ctx: Context, tok: Token) -> bool:
    """A person's surname the parse read as a common noun ("Case said", after "Ana Case"
    was named): capitalised inside its sentence, or opening it as the subject of a verb of
    saying ("Davies wrote that ..."), alone; the surname of a person the document names in
    full, or of a name it describes as a person whatever the model tagged it ("Darcy
    Davies, an agriculture student", tagged ORG)."""
    if tok.pos_ != "NOUN" or not tok.text[:1].isupper():
        return False
    if tok.is_sent_start and not (tok.dep_ == "nsubj" and is_cue(tok.head)):
        return False
    if any(c.dep_ in {"det", "compound", "amod", "poss"} for c in tok.children):
        return False
    return known_surname(ctx, tok.text) or _described_surname(ctx, tok) is not None


def _described_surname(ctx: Context, tok: Token) -> str | None:
    """The name of two proper nouns or more ending with ``tok``'s word, before it in the
    document, that a common noun for a person stands in apposition to ("Darcy Davies, an
    agriculture student": any noun for people, those known by their ending too)."""
    for other in ctx.parsed[: tok.i]:
        if other.text != tok.text or other.pos_ != "PROPN":
            continue
        tokens = [other]
        for left in reversed(list(other.lefts)):
            if left.dep_ not in {"compound", "flat"} or left.i != tokens[0].i - 1:
                break
            tokens.insert(0, left)
        if len(tokens) > 1 and all(t.pos_ == "PROPN" for t in tokens):
            if any(c.dep_ == "appos" and person_noun(c) for c in other.children):
                return " ".join(t.text for t in tokens)
    return None


def _introduced_later(ctx: Context, noun: Token) -> Speaker | None:
    """The person a description that speaks is named as right after (cataphora): "The
    senior official who ... said '...'. Ana Ruiz, a member of the board, said ...", "The
    victim's nephew said ... '...,' said Ivo Brandt." Only a description in the lede or a
    relative of someone ("the victim's nephew"), and only a person first named as the
    subject of a reporting verb in the next two sentences, before anybody else new."""
    lemma = noun.lemma_.lower()
    relative = lemma in KIN_NOUNS and any(c.dep_ == "poss" for c in noun.children)
    if noun.dep_ != "nsubj" or not is_cue(noun.head):
        return None
    index = bisect_right(ctx.sent_starts, noun.idx) - 1
    if index != 0 and not relative:
        return None
    earlier = {name for start, name in ctx.canon if start < noun.idx}
    gender = _noun_gender(noun)
    for sent in ctx.sents[index + 1 : index + 3]:
        for tok in sent:
            if not is_cue(tok) or ctx.in_region(tok.idx):
                continue
            subj = subject(ctx, tok)
            found = person_of(ctx, subj) if subj is not None and subj.i in _span(sent) else None
            if found is not None and found.name and found.name not in earlier:
                if gender is None or ctx.genders.get(found.name, gender) == gender:
                    return None if holds_another_post(ctx, found.name, noun) else found
        lo, hi = sent.start_char, sent.end_char
        if any(lo <= start < hi and name not in earlier for start, name in ctx.canon):
            return None  # somebody else is named first
    return None


def _subject_before(ctx: Context, noun: Token) -> Speaker | None:
    """The person a description that speaks names by the writer's variation on the last
    subject ("Ana Ruiz acknowledged ... But the former trader warned ...", "The Kestrian
    leader added"): the one named person who is the root subject of the sentence before
    (nobody when an unnamed person is one), of the description's gender, when the
    description is the subject of a reporting verb, lowercase, with "the", a word before
    its noun and no possessor, "of" or clause after it; its noun one for what a person
    does or holds (not how they stand to somebody, "the friend", or look, "the young
    man"); never brought in before as somebody unnamed ("a spokesman said ... the
    spokesman added"); no person named before it in its sentence. A post ("the Kestrian
    leader") only when the person is given a post whose words hold all the description's
    but those naming where the post is ("President Ana Ruiz"). Else None."""
    age = _is_age(noun)
    if noun.dep_ != "nsubj" or not is_cue(noun.head) or not (age or person_noun(noun)):
        return None
    lemma = noun.lemma_.lower()
    if not age and not names_people(lemma, by_ending=False) and not lemma.endswith(DOER_SUFFIXES):
        return None  # "the government": a body whose name ends like "resident"
    if noun.tag_ in PLURAL or lemma in UNSETTLED or not noun.is_lower:
        return None  # "the friend": somebody's; "The Reporter": a paper's name
    for child in noun.children:
        aside = child.dep_ == "acl" and child.i > 0 and child.nbor(-1).text == ","
        if child.dep_ in {"poss", "prep", "relcl", "acl", "appos"} and not aside:
            return None  # "the captain of the ferry", "the man who ..."; not an aside
    if any(
        t.lemma_.lower() == lemma and t.pos_ == "NOUN" and _brought_in_with(t, UNNAMED)
        for t in ctx.parsed[: noun.i]
    ):
        return None  # "a spokesman said ... the spokesman added": somebody unnamed
    index = bisect_right(ctx.sent_starts, noun.idx) - 1
    if index < 1 or any(p[0].i < noun.i and p[2] for p in _sentence_people(ctx, index)):
        return None
    subjects = set()
    for tok, root, name in _sentence_people(ctx, index - 1):
        found = _antecedent(ctx, tok, _gender(tok)) if name is None and root else name
        if root and not found:
            return None  # an unnamed person ("a police official said"), or nobody known
        if root and found:
            subjects.add(found)
    if len(subjects) != 1:
        return None
    [name] = subjects
    if _noun_gender(noun) not in {None, ctx.genders.get(name, _noun_gender(noun))}:
        return None
    left = [t for t in noun.subtree if t.i <= noun.i]
    modifiers = [t for t in left[:-1] if t.is_alpha and t.dep_ != "det"]
    if not modifiers:
        return None  # "the driver said": as often somebody new
    if is_title(noun.text):
        posts = _post_words(ctx, name)
        said = {t.lower_ for t in modifiers if not _names_where(t)}  # where: the post's own
        if not posts or not said <= posts:
            return None
    phrase = ctx.doc.text[left[0].idx : noun.idx + len(noun)]
    return Speaker(name, left[0].idx, noun.idx + len(noun), True, ctx.roles.get(name) or phrase)


def _is_age(tok: Token) -> bool:
    """ "The 55-year-old": a person said by their age, as "the" and a number of years."""
    return (
        tok.lower_ == "old"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and any(c.lower_ in {"year", "years"} for c in tok.children)
    )


def _names_where(tok: Token) -> bool:
    """A word that names a place or a people ("Kestrian", "Valmont's"): where a post is."""
    return tok.ent_type_ in {"NORP", "GPE", "LOC"}


def _post_words(ctx: Context, name: str) -> set[str]:
    """The words of a person's roles and of the titles written right before their name
    ("Kestrian President Ana Ruiz": kestrian, president), lowercased."""
    words = {w for r in ctx.descriptions.get(name, []) for w in re.findall(r"[\w-]+", r.lower())}
    for start, canonical in ctx.canon:
        if canonical != name:
            continue
        i = ctx.token_at(start).i - 1
        while i >= 0 and ctx.parsed[i].is_alpha and ctx.parsed[i].dep_ in {"compound", "amod"}:
            words.add(ctx.parsed[i].lower_)
            i -= 1
    return words


def _gender(pronoun: Token) -> str:
    return "m" if pronoun.lower_ in MASCULINE else "f"


def _span(sent: SpacySpan) -> range:
    return range(sent.start, sent.end)


def _issued_by(ctx: Context, noun: Token) -> Speaker | None:
    """Whoever a statement or document is said to come from by a participle: "a court
    document filed by state attorney Ana Ruiz", "a statement issued by the union"; a
    person named right after its "by" or "from": "a statement by Ana Ruiz" (a body so
    named is `spokesperson_org`'s)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEECH_NOUNS | DOCUMENT_NOUNS:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"by", "from"} and prep.i == noun.i + 1:
            agent = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if agent is not None and _is_person_name(ctx, agent):
                return _person_named(ctx, agent)
    for verb in noun.children:
        if verb.dep_ != "acl" or verb.tag_ != "VBN":
            continue
        for prep in verb.children:
            if prep.dep_ == "agent" or prep.dep_ == "prep" and prep.lower_ == "by":
                agent = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if agent is not None and agent.i != noun.i:
                    return speaker_of(ctx, agent)
    return None


def _issued_in(ctx: Context, noun: Token) -> Speaker | None:
    """Whoever spoke "in a statement" just before speaks through "the statement" (or
    "the press release" after "a press statement"): "In a press statement issued on
    Monday, the union urged ... '...,' read the press release." The subject of the verb
    the nearest such phrase hangs on, in the sentence or the two before; nobody when that
    verb has none."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEECH_NOUNS | DOCUMENT_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    index = bisect_right(ctx.sent_starts, noun.idx) - 1
    for sent in reversed(ctx.sents[max(0, index - 2) : index + 1]):
        for earlier in reversed(list(sent)):
            if earlier.i >= noun.i or earlier.pos_ != "NOUN" or ctx.in_region(earlier.idx):
                continue
            if not _same_kind(earlier, noun):
                continue
            prep = earlier.head
            if earlier.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ != "VERB":
                continue
            subj = next((c for c in prep.head.children if c.dep_ == "nsubj"), None)
            found = speaker_of(ctx, subj) if subj is not None else None
            return found if found is not None and found.name else None
    return None


def _written_by(ctx: Context, noun: Token) -> Speaker | None:
    """The named writer of a letter or statement that speaks: its possessor ("Ana Ruiz's
    letter continued"), or, for "the letter", the one person or body the text gave as
    issuing a letter before ("Ana Ruiz ... wrote a letter ... '...,' the letter read");
    nobody with none or two."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEECH_NOUNS | DOCUMENT_NOUNS:
        return None
    owner = _owner(ctx, noun)
    if owner is not None or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return owner
    owners: dict[str, Speaker] = {}
    for earlier in ctx.parsed[: noun.i]:
        if earlier.lemma_.lower() != noun.lemma_.lower() or earlier.pos_ != "NOUN":
            continue
        found = None if ctx.in_region(earlier.idx) else _owner(ctx, earlier)
        if found is not None and found.name:
            owners.setdefault(found.name, found)
    if len(owners) != 1:
        return None
    [found] = owners.values()
    return Speaker(found.name, next(noun.subtree).idx, noun.idx + len(noun), found.is_person, None)


def _owner(ctx: Context, noun: Token) -> Speaker | None:
    """Whose letter ``noun`` is: a named possessor, or the named subject of a verb that
    issues it ("wrote a letter"); None when nobody is named so."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            found = speaker_of(ctx, child)
            return found if found is not None and found.name else None
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in ISSUING_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    found = speaker_of(ctx, subj) if subj is not None else None
    return found if found is not None and found.name else None


def _same_kind(earlier: Token, noun: Token) -> bool:
    """Two nouns for one document: the same word, or the same modifier ("a press
    statement" ... "the press release"); not "his speech" ... "the report"."""
    if earlier.lemma_.lower() == noun.lemma_.lower():
        return True
    if earlier.lemma_.lower() not in SPEECH_NOUNS | DOCUMENT_NOUNS:
        return False
    kinds = {c.lower_ for c in noun.children if c.dep_ == "compound"}
    return any(c.dep_ == "compound" and c.lower_ in kinds for c in earlier.children)


def person_of(ctx: Context, tok: Token) -> Speaker | None:
    """`speaker_of` when it is a person, else None."""
    speaker = speaker_of(ctx, tok)
    return speaker if speaker is not None and speaker.is_person else None


def named(ctx: Context, tok: Token) -> Speaker | None:
    """The canonical name of the proper-noun mention around ``tok``."""
    tokens, label = _mention_tokens(ctx, tok)
    if label != "PERSON":
        tokens = without_capital_the(ctx, tokens)
    words, title = name_words(tokens)
    if title is None:
        title = title_before(ctx.parsed, tokens[0].i)
    if not words or label in NUMERIC_LABELS or len(words) == 1 and len(words[0]) == 1:
        return None  # a lone letter names nobody
    if len(words) == 1 and is_title(words[0]) and not known_surname(ctx, words[0]):
        return None  # "Rep." or "Councillor" alone: a title cut from its name
    if _party_tag(ctx, tok):
        return None
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1])
    keys = ctx.person_keys()
    known = any(w[-len(words) :] == words for _, w, _ in keys)
    # a resolved person inside a longer span of the model ("Envoy to Norland Ivo Brandt")
    resolved = ctx.entities.name_at(start, end) is not None
    if label in ORG_LABELS and _described_as_person(tokens):
        label = "PERSON"  # "Ana Ruiz, another retired journalist," tagged ORG
    if label == "PERSON" or known or resolved or (not label and tok.pos_ == "PROPN"):
        name = ctx.full_name(start, end, words, title)
        found = role(ctx, start, end) or ctx.roles.get(name)
        return Speaker(name, start, end, True, found)
    return Speaker(" ".join(words), start, end, False, role(ctx, start, end))


def _described_as_person(tokens: list[Token]) -> bool:
    """A name of two or more proper nouns with a common noun for a person in apposition
    ("Ana Ruiz, another retired journalist, said"): a person, whatever the model tagged it."""
    if len(tokens) < 2 or not all(t.pos_ == "PROPN" for t in tokens):
        return False
    return any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and names_people(c.lemma_.lower(), by_ending=False)
        for c in tokens[-1].children
    )


def _party_tag(ctx: Context, tok: Token) -> bool:
    """``tok`` is in a party-and-place tag written after a name ("D-Ore.", "R-Tex.")."""
    text = ctx.doc.text
    start, end = tok.idx, tok.idx + len(tok)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return bool(PARTY_TAG.match(text[start:end].strip(",;()")))


def _named_in_phrase(ctx: Context, tok: Token) -> Speaker | None:
    """A person named in apposition to a common noun: "a spokesman, John Doe" (a person
    to the resolver even where the parse tagged the name otherwise). A name before the
    noun modifies it: "Salt Lake officials", "a Brandt aide" name nobody."""
    apposed = [c for c in tok.children if c.dep_ in {"appos", "compound", "flat"}]
    post = _post_holder(ctx, tok)
    if post is not None:
        return post
    for child in apposed + _apposed_across(ctx, tok) + _titled_conjunct(tok):
        if child.i < tok.i:
            continue
        if _is_person_name(ctx, child) or _name_after_noun(tok, child):
            found = named(ctx, child)
            if found is not None and not found.is_person:  # "wife Mapahai", tagged GPE
                found = Speaker(found.name, found.start, found.end, True, found.role)
            if found is not None:
                tokens = list(tok.subtree)
                role_end = min(child.left_edge.idx, tokens[-1].idx + len(tokens[-1]))
                phrase = ctx.doc.text[tokens[0].idx : role_end].strip(" ,")
                return Speaker(found.name, found.start, found.end, True, phrase or found.role)
    return None


def _post_holder(ctx: Context, noun: Token) -> Speaker | None:
    """The person named at the end of a post written with "of" before the name: "said
    Secretary of the Interior Ana Ruiz", "chief of staff Ivo Brandt emerged saying" (the
    parse makes the post the subject and the name the object of its "of"). The words
    closing the object that the resolver holds as a person (the post's own words, "the
    Interior", "staff", stay out; an object that is only a name is whose post or friends
    they are: "friends of Ana Ruiz"); None without such a name."""
    if not is_title(noun.text) or noun.tag_ in PLURAL:
        return None  # "the wife of former dictator Ana Ruiz": his wife, not the post
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i < noun.i:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "PROPN":
            continue
        run = [obj]
        for left in reversed(list(obj.lefts)):
            if left.dep_ != "compound" or left.pos_ != "PROPN" or left.i != run[0].i - 1:
                break
            run.insert(0, left)
        for first in range(len(run) - 1):  # the longest name first, of two words or more
            start, end = run[first].idx, obj.idx + len(obj)
            name = ctx.entities.name_at(start, end)
            words = [t.text for t in run[first:]]
            if obj.left_edge.i >= run[first].i:
                break  # the whole object is the name: "friends of Ana Ruiz", hers
            if name is not None and name.split()[-len(words) :] == words:
                role = ctx.doc.text[noun.left_edge.idx : start].strip(" ,")
                return Speaker(name, start, end, True, role or ctx.roles.get(name))
    return None


def _name_after_noun(noun: Token, name: Token) -> bool:
    """A proper noun set right after a noun for a person as its apposition ("said the
    fisherman's wife Ina, 35"): her name, whatever the model tagged it, unless it tagged
    it an organisation."""
    return (
        name.dep_ == "appos"
        and name.pos_ == "PROPN"
        and name.i == noun.i + 1
        and name.ent_type_ not in {"ORG", "FAC", "PRODUCT", "WORK_OF_ART"}
        and person_noun(noun)
    )


def _apposed_across(ctx: Context, noun: Token) -> list[Token]:
    """A person's name the parse hung in apposition on the object of the noun's
    preposition, where it closes the noun's phrase: "An economist at Kestrel Savings Bank,
    Ilse Brandt, said" (a bank has no name of a person beside it: the economist has), "one
    of the mayor's lawyers, Ana Ruiz" (the one of them named)."""
    found = []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.i < noun.i:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.ent_type_ == "PERSON":
                continue
            if person_noun(obj) and noun.lower_ != "one":
                continue  # "a friend of the victim, Ana Ruiz": the victim's name
            for name in obj.children:
                last = max(t.i for t in noun.subtree if not t.is_punct)
                if name.dep_ == "appos" and name.i > obj.i and last == name.i:
                    found.append(name)
    return found


def _titled_conjunct(noun: Token) -> list[Token]:
    """The name ending a run of posts joined by "and" that the parse split at the "and":
    "actress and former travel reporter Ana Ruiz" (the name is the second post's, and
    the first has no determiner of its own, so one person holds both); not "the actress
    and Ana Ruiz", two people."""
    if not person_noun(noun) or any(c.dep_ == "det" for c in noun.children):
        return []
    found = []
    for name in noun.children:
        if name.dep_ != "conj" or name.pos_ != "PROPN" or name.i < noun.i:
            continue
        if any(c.dep_ == "compound" and person_noun(c) for c in name.children):
            found.append(name)
    return found


def _is_person_name(ctx: Context, tok: Token) -> bool:
    """``tok`` is in a PERSON entity of the parse, or in a proper-noun name that the
    resolver holds as a person ("An ANC spokesman, Thabo Masebe," tagged ORG)."""
    if tok.ent_type_ == "PERSON":
        return True
    if tok.pos_ != "PROPN":
        return False
    tokens, _ = _mention_tokens(ctx, tok)
    return ctx.entities.name_at(tokens[0].idx, tokens[-1].idx + len(tokens[-1])) is not None


def _apposed_to_subject(ctx: Context, tok: Token) -> bool:
    """A person named in apposition to a root subject: "His sister, Ida Lunde, said"."""
    if tok.dep_ != "appos" or not _is_person_name(ctx, tok):
        return False
    if is_root_subject(tok.head):
        return True
    noun = tok.head.head.head  # "An economist at Kestrel Savings Bank, Ilse Brandt, said"
    return tok.head.dep_ == "pobj" and is_root_subject(noun) and tok in _apposed_across(ctx, noun)


def _sentence_people(ctx: Context, index: int) -> list[tuple[Token, bool, str | None]]:
    """People mentioned in sentence ``index`` outside quotes, in order: (token, root
    subject or in apposition to one, name); the name is None for a personal pronoun that is
    a root subject."""
    cached = ctx.sent_people.get(index)
    if cached is not None:
        return cached
    found: list[tuple[Token, bool, str | None]] = []
    for tok in ctx.sents[index]:
        if ctx.in_region(tok.idx):
            continue
        root_subject = is_root_subject(tok) or _apposed_to_subject(ctx, tok)
        surnamed = surname_as_pronoun(ctx, tok)
        if surnamed is not None:
            found.append((tok, root_subject, surnamed))
            continue
        if tok.pos_ == "PRON" and tok.lower_ in PERSONAL and root_subject:
            found.append((tok, True, None))
            continue
        if root_subject and _unnamed_speaker(ctx, tok):
            found.append((tok, True, ""))
            continue
        if not _proper(ctx, tok) or (tok.ent_type_ != "PERSON" and not root_subject):
            continue
        if tok.dep_ in {"compound", "flat"} and tok.head.pos_ == "PROPN":
            continue  # the head token stands for the whole name
        if tok.ent_type_ == "PERSON" and not ctx.entities.name_at(tok.idx, tok.idx + len(tok)):
            continue  # tagged PERSON, but the resolver found no person there (a credit, a boat)
        if _where_from(ctx, tok):
            continue
        speaker = named(ctx, tok)
        if speaker is not None and speaker.is_person and speaker.name:
            speaks = root_subject and is_cue(tok.head)  # "Ruiz said": a person, known or not
            if speaks or speaker.name in ctx.known or speaker.name in ctx.entities.names:
                found.append((tok, root_subject, speaker.name))
    ctx.sent_people[index] = found
    return found


def _proper(ctx: Context, tok: Token) -> bool:
    """A proper noun, or a capitalised word the parse tagged as a common noun inside a
    name the resolver holds as a person ("Sanders said", "Sanders" a NOUN)."""
    if tok.pos_ == "PROPN":
        return True
    return (
        tok.pos_ == "NOUN"
        and tok.ent_type_ == "PERSON"
        and tok.text[:1].isupper()
        and ctx.entities.name_at(tok.idx, tok.idx + len(tok)) is not None
    )


def _where_from(ctx: Context, tok: Token) -> bool:
    """A name right after "<person> from" ("Ivo Brandt from Kestrel Wire"): where that
    person is from, a band, a firm or a town, whatever the model tagged it; not somebody
    "he" may stand for."""
    tokens, _ = _mention_tokens(ctx, tok)
    start = tokens[0].i
    if start < 2 or ctx.parsed[start - 1].lower_ != "from":
        return False
    return ctx.parsed[start - 2].ent_type_ == "PERSON"


def _unnamed_speaker(ctx: Context, tok: Token) -> bool:
    """``tok`` is an unnamed person who speaks: a person noun brought in as somebody new
    ("a police official said"), or "the official" after such a one, as the subject of a
    reporting verb, with no name beside it. A definite description with no such
    introduction ("the party's nominee said") may be somebody named before: not this."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or not is_cue(tok.head) or not names_people(lemma):
        return False
    if _named_in_phrase(ctx, tok) is not None:
        return False  # "a spokesman, John Doe"
    if _brought_in_with(tok, INDEFINITE):
        return True
    found = described(ctx, tok) if is_description(tok) else None
    if found is not None and found.name is not None:
        return False
    return any(
        t.lemma_.lower() == lemma
        and t.pos_ == "NOUN"
        and _brought_in_with(t, INDEFINITE)
        and _named_in_phrase(ctx, t) is None
        for t in ctx.parsed[: tok.i]
    )


INDEFINITE = frozenset({"a", "an"})
ARTICLES = INDEFINITE | {"the"}
UNNAMED = INDEFINITE | {"another", "one"}  # "another neighbour said"


def _brought_in_with(noun: Token, articles: frozenset[str]) -> bool:
    """A noun brought in with one of ``articles``: `INDEFINITE` ("a police official"), or
    `ARTICLES` (for a member of a people or a party, "a Texas Republican" and "the
    Democrat who is familiar with ...": a description of someone unnamed)."""
    return any(c.dep_ == "det" and c.lower_ in articles for c in noun.children)


def _noun_gender(noun: Token) -> str | None:
    return gender_of(noun.lemma_.lower())


def _antecedent(ctx: Context, pronoun: Token, gender: str) -> str | None:
    """The person a "he"/"she" stands for: the most recent compatible root subject, else
    the most recent compatible person, searched sentence by sentence backwards over the
    last three paragraphs, or the last `SENTENCES_BACK` sentences where those reach further
    (a text with one sentence on each line). A root subject that is itself "he"/"she"
    stands for its own antecedent."""
    if pronoun.i in ctx.antecedents:
        return ctx.antecedents[pronoun.i]
    ctx.antecedents[pronoun.i] = None  # no cycles
    index = bisect_right(ctx.sent_starts, pronoun.idx) - 1
    floor = min(
        ctx.paragraphs[max(0, ctx.para_of(pronoun.idx) - PARAGRAPHS_BACK)][0],
        ctx.sents[max(0, index - SENTENCES_BACK)].start_char,
    )
    result = None
    while result is None and index >= 0 and ctx.sents[index].end_char > floor:
        people = [p for p in _sentence_people(ctx, index) if p[0].i < pronoun.i]
        people = [p for p in people if not in_passing(p[0], is_cue)]
        ranked = [p for p in reversed(people) if p[1]] + [p for p in reversed(people) if not p[1]]
        for tok, _, name in ranked:
            if name is None:
                if (tok.lower_ in MASCULINE) == (gender == "m"):
                    result = _antecedent(ctx, tok, gender)
                    break
                continue
            if name == "":  # an unnamed person spoke last: "he" is them, named nobody
                if _noun_gender(tok) in {None, gender}:
                    ctx.antecedents[pronoun.i] = None
                    return None
                continue
            if ctx.genders.get(name, gender) == gender:
                result = name
                break
        index -= 1
    ctx.antecedents[pronoun.i] = result
    return result
