"""Attribution of one quoted region from the text around it.

A cue is looked for after the closing mark (``"...," Alenko said``; after a quote that ends
its sentence only a short ``Alenko said.``), then before the opening mark (``Alenko said:
"..."``). The speaker mention is the cue's subject, the object of "according to", or a
person named next to a cue the parse left without a subject. A short quoted fragment needs a
cue that governs it syntactically or sits right after it. Without any cue giving a speaker,
a colon or dash introduction (``Alenko was blunt: "..."``) names the speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.annotate.quotes.context import Attribution, Context, Speaker
from newsdesk.annotate.quotes.cues import cues, governs, hedged, leads, subject, unsaid
from newsdesk.annotate.quotes.joint import known_surname
from newsdesk.annotate.quotes.marks import Region
from newsdesk.annotate.quotes.names import is_title
from newsdesk.annotate.quotes.relays import quote_relays
from newsdesk.annotate.quotes.speakers import named, person_of, speaker_of
from newsdesk.annotate.quotes.windows import says_its_own, window_after, window_before
from newsdesk.annotate.roles import person_noun
from newsdesk.lang.en.speech import DENIAL_VERBS, DOCUMENT_NOUNS, SPEECH_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECTS = frozenset({"pobj", "dobj", "dative", "iobj"})
INTRODUCERS = frozenset({":", "—", "–", "-", "--"})
COMPLEMENTS = OBJECTS | {"ccomp", "xcomp"}
WH_TAGS = frozenset({"WP", "WDT"})  # "what", "who", "which", "that" as a relative


@dataclass(frozen=True, slots=True)
class _Candidate:
    """One cue found around a quote, the speaker it gives and its rank (lower is better)."""

    cue: Token
    speaker: Speaker | None
    according: bool
    rank: int
    own_subject: bool = False
    governing: bool = False


def attribute(ctx: Context, region: Region, fragment: bool) -> Attribution | None:
    """The cue, speaker and relays of a quoted region, from the text around it.

    A reporting verb with its own subject ("..., the captain said, according to the Post")
    is the cue even when its subject names nobody: "according to" is then a relay.
    """
    after = window_after(ctx, region)
    before = window_before(ctx, region)
    found = _candidates(ctx, region, fragment, after, before)
    if not any(c.speaker is not None for c in found):
        intro = _colon_intro(ctx, region, before) or _comma_cue(ctx, region, after)
        if intro is not None:
            return intro
    if not found:
        return None
    inner = _innermost(ctx, region, fragment, found)
    if inner is not None:
        return inner
    found.sort(key=lambda c: c.rank)
    primary = next(
        (c for c in found if not c.according and c.speaker is not None and c.speaker.is_person),
        None,
    )
    if primary is None:
        primary = next((c for c in found if not c.according and c.speaker is not None), None)
    if primary is None:
        primary = next((c for c in found if not c.according and c.own_subject), None)
    if primary is None:
        primary = next((c for c in found if c.speaker is not None), found[0])
    primary = _first_said(ctx, region, found, primary)
    primary = _said_within(ctx, region, found, primary)
    cue_text = "according to" if primary.according else primary.cue.text
    others = [
        (c.speaker, c.according)
        for c in found
        if c.cue is not primary.cue and c.speaker is not None
    ]
    via = quote_relays(ctx, primary.cue, primary.speaker, others)
    return Attribution(cue_text, primary.speaker, via)


def _first_said(
    ctx: Context, region: Region, found: Sequence[_Candidate], primary: _Candidate
) -> _Candidate:
    """Words relayed by somebody else are whoever first said them: '"X said the strikes
    could come '...,' Y told the agency" is X's quote (Y relays it), when X's verb opens
    the sentence before the quote and governs it, and Y's comes after the quote."""
    head = ctx.token_at(region.start)
    if primary.cue.i < head.i or primary.speaker is None:
        return primary
    for c in found:
        if c is primary or c.according or not c.governing or not c.own_subject:
            continue
        if c.cue.i > head.i or c.cue.sent.start != primary.cue.sent.start:
            continue
        if c.speaker is not None and c.speaker.is_person and c.speaker.name:
            if c.speaker.name != primary.speaker.name:
                return c
    return primary


def _said_within(
    ctx: Context, region: Region, found: Sequence[_Candidate], primary: _Candidate
) -> _Candidate:
    """Words a cue inside the primary cue's clause gives to someone else are theirs, the
    primary speaker relays them: in "Ruiz said North Kestria sent a letter, saying '...'"
    or "Ruiz said Brandt told her '...'" the letter's sender and Brandt spoke. Only the
    cue nearest above the quote in the parse, said (not negated or modal), with a named
    speaker of its own, and written between the primary cue and the quote (a cue after
    the quote that the parse put inside the clause of one before it is a relay: '"X
    said ... '...,' Y told the agency"', see `_first_said`)."""
    if primary.speaker is None:
        return primary
    head = ctx.token_at(region.start)
    by_cue = {c.cue.i: c for c in found if c.governing and not c.according}
    inner = next((by_cue[a.i] for a in head.ancestors if a.i in by_cue), None)
    if inner is None or inner is primary or not inner.own_subject or inner.cue.pos_ == "NOUN":
        return primary
    if primary.cue not in inner.cue.ancestors or unsaid(inner.cue):
        return primary
    if not primary.cue.i < inner.cue.i < head.i:
        return primary  # the inner cue after the quote: the parse hung the sentence on it
    speaker = inner.speaker
    if speaker is None or not speaker.name or speaker.name == primary.speaker.name:
        return primary
    return inner


def _subordinate(cue: Token) -> bool:
    """A cue in a clause of time, reason or condition ("when he called for ..."); not a
    clause of comment, "as" and a verb that says nothing of its own ('"...," as Ruiz said
    on Monday, ...': the quote is what was said)."""
    marks = [c.lower_ for c in cue.children if c.dep_ == "mark"]
    if marks == ["as"] and not any(c.dep_ in COMPLEMENTS for c in cue.children):
        return False
    return (
        cue.dep_ == "advcl"
        and any(c.dep_ == "advmod" and c.tag_ == "WRB" for c in cue.children)
        or bool(marks)
    )


def _acts(cue: Token) -> bool:
    """A reporting verb with an infinitive of its own ("agreeing to accept the plan",
    "promised to build"): it tells of an act, and reports no words it does not govern."""
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in cue.children
    )


def _complement(tok: Token, cue: Token) -> bool:
    """``tok`` is in what ``cue`` says (its clause or object), not in a clause of reason or
    time hanging on it ("did not mention it because '...'")."""
    for anc in [tok, *tok.ancestors]:
        if anc.head.i == cue.i and anc.i != cue.i:
            return anc.dep_ in {"ccomp", "xcomp", "dobj", "attr", "oprd"}
    return False


def _candidates(
    ctx: Context,
    region: Region,
    fragment: bool,
    after: Sequence[Token],
    before: Sequence[Token],
) -> list[_Candidate]:
    """Every cue in the windows around a region with its speaker, ranked: "..., Alenko
    said" first, then a cue governing the quote, then the nearest."""
    found: list[_Candidate] = []
    content_head = ctx.token_at(region.start)
    for window, order in ((after, 0), (before, 1)):
        for cue, subj, according in cues(ctx, window):
            leading = order == 0 and leads(window, cue, subj)
            governing = governs(content_head, cue, subj)
            if fragment and not (according or leading or governing):
                continue
            if order == 0 and not (according or leading or governing) and _subordinate(cue):
                continue  # '"...!" at Ruiz when he called for a vote': his call, not the words
            if not (according or governing) and _acts(cue):
                continue  # '"...," by agreeing to accept the plan': an act, not the words
            if subj is not None and ctx.para_of(subj.idx) != region.para:
                subj = None
            tier = 0 if leading else 1000 if governing else 2000 + 1000 * order
            rank = tier + abs(cue.i - content_head.i)
            if cue.pos_ == "NOUN":
                rank += 300
            if not according and hedged(cue, subj):  # "he reportedly said": nobody vouched
                found.append(_Candidate(cue, None, False, rank + 500, True))
                continue
            speaker = speaker_of(ctx, subj) if subj is not None else None
            if speaker is None or speaker.name is None:
                speaker = _fallback_speaker(ctx, cue, window, order == 0, subj is None) or speaker
                rank += 500
            if speaker is None and subj is None and cue.tag_ == "VBG":
                speaker = _sentence_opener(ctx, cue, region)
                rank += 500
            own = subj is not None and not according and cue.pos_ != "NOUN"
            found.append(_Candidate(cue, speaker, according, rank, own, governing))
    return found


def _innermost(
    ctx: Context, region: Region, fragment: bool, found: Sequence[_Candidate]
) -> Attribution | None:
    """No speaker when the cue nearest above the quote in the parse says nobody spoke it,
    whatever a cue further out says: its own subject names nobody ("X said the fund,
    described as '...' by officials", "X said one agent boasts '...'"; a pronoun is left
    to the cues further out; a verb with an object of its own, "the agents charge the city
    '...'", is no cue of speech), it is negated or refused ("X has not said '...'"), or
    it denies a quoted word ("X denied that he 'muzzled' Y": the word is the accuser's)."""
    head = ctx.token_at(region.start)
    by_cue = {c.cue.i: c for c in found if c.governing and not c.according}
    inner = next((by_cue[a.i] for a in head.ancestors if a.i in by_cue), None)
    if inner is None or inner.cue.pos_ == "NOUN":
        return None
    if _complement(head, inner.cue):
        if unsaid(inner.cue, modal=False):
            return Attribution(inner.cue.text, None, said=True)
        if fragment and inner.cue.lemma_.lower() in DENIAL_VERBS:
            return Attribution(inner.cue.text, None, said=True)
    if not inner.own_subject or inner.speaker is not None and inner.speaker.name is not None:
        return None
    if says_its_own(inner.cue) or region.opener - (inner.cue.idx + len(inner.cue)) > 12:
        return None  # "the agents charge the city '...'": no cue of speech; a cue far away
    subj = subject(ctx, inner.cue)
    if subj is None or not person_noun(subj):
        return None  # "he": left to the cues further out; "a majority came to believe"
    if not any(c.speaker is not None and c.speaker.name for c in found):
        return None  # nothing further out to hold back
    return Attribution(inner.cue.text, inner.speaker)


def _fallback_speaker(
    ctx: Context, cue: Token, window: Sequence[Token], after: bool, inverted: bool
) -> Speaker | None:
    """A PERSON entity near a cue whose parse gives no usable subject: between the quote and
    the cue, else (when the cue has no subject at all) right after it ("said Alenko"), even
    where the parse made that name the subject of a verb further on ('"...," said Ana
    Ruiz, daughter of the man Brandt shot': the verb of a clause about her)."""
    if inverted and after:
        described = _inverted_description(ctx, cue, window)
        if described is not None:
            return described
    if after:
        between = [t for t in window if t.i < cue.i]
    else:
        between = [t for t in window if t.i < cue.i][:12]
    following = []
    # in text order: a window before the quote is read nearest first ('"...," said Ana
    # Ruiz, an economist, "..."': her name follows the cue)
    for tok in (
        sorted(window, key=lambda t: t.i) if inverted and cue.lemma_.lower() != "tell" else ()
    ):
        # "said Mr. Gunnels": only titles and names between
        if tok.i <= cue.i:
            continue
        if tok.pos_ != "PROPN" and not is_title(tok.text):
            break
        following.append(tok)
    for group in (between, following):
        for tok in group:
            if tok.dep_ in {"pobj", "poss"} and tok.head.dep_ != "agent":
                continue  # "one of the lawyers for Ana Ruiz said"
            head = _name_head(tok)
            if head.dep_ == "pobj" and person_noun(head.head.head):
                continue  # "friends of Ana Ruiz": the friends spoke
            if head.dep_ in {"nsubj", "nsubjpass"} and head.head.i != cue.i and group is between:
                continue  # the subject of another verb: "Ruiz said the plan, praised as ..."
            if _modifies_noun(tok):
                continue  # "a Port Tessel harbour resident told": the resident spoke
            # a name right before the cue whatever the model tagged it ("body Eaton
            # said", Eaton a GPE): a person when the document names one so
            adjacent = tok.pos_ == "PROPN" and tok.i == cue.i - 1
            if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" and not tok.ent_type_ or adjacent:
                found = named(ctx, tok)
                if found is not None and found.is_person:
                    return found
    return None


def _inverted_description(ctx: Context, cue: Token, window: Sequence[Token]) -> Speaker | None:
    """The person a description after an inverted cue names: '"...," recalled the
    bartender, Ana Ruiz' (the parse makes the description the cue's object); whoever
    issued a statement so placed: '"...," read the statement'."""
    for noun in cue.children:
        if noun.i > cue.i and noun in window and noun.dep_ in OBJECTS | {"nsubj", "attr"}:
            if person_noun(noun):
                found = person_of(ctx, noun)
                return found if found is not None and found.name else None
            if noun.pos_ == "NOUN" and noun.lemma_.lower() in SPEECH_NOUNS | DOCUMENT_NOUNS:
                found = speaker_of(ctx, noun)  # '"...," read the statement'
                return found if found is not None and found.name else None
    return None


def _name_head(tok: Token) -> Token:
    """The last word of the name ``tok`` is in ("Ana" in "Ana Ruiz": "Ruiz"), which holds
    the name's place in the sentence."""
    while tok.dep_ in {"compound", "flat"} and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _modifies_noun(tok: Token) -> bool:
    """A name inside a common noun's phrase as its modifier ("a Brandt supporter", "a
    Port Tessel harbour resident"): the noun is who is meant, not the name."""
    current = tok
    while current.dep_ in {"compound", "amod", "nmod"} and current.head.i != current.i:
        current = current.head
        if current.pos_ == "NOUN":
            return True
    return False


def _sentence_opener(ctx: Context, cue: Token, region: Region) -> Speaker | None:
    """The first person named in the sentence before the quote: the implied subject of a
    participle cue ("Alenko defended the plan, saying ...") when the parse has none."""
    lo = max(cue.sent.start_char, ctx.paragraphs[region.para][0])
    for tok in cue.sent:
        if tok.idx < lo or ctx.in_region(tok.idx):
            continue
        if tok.idx >= region.start or tok.i >= cue.i:
            break
        if tok.ent_type_ == "PERSON":
            return named(ctx, tok)
    return None


def _headline_name(ctx: Context, region: Region, clause: Sequence[Token]) -> Speaker | None:
    """The speaker of a line that is only a name, a colon and a quote (a headline: 'Kestrel
    Union: "We will strike"'): the name, a person, an organisation or a country."""
    lo, hi = ctx.paragraphs[region.para]
    if not clause or region.close < 0 or ctx.doc.text[region.close + 1 : hi].strip():
        return None
    first, last = clause[-1], clause[0]
    if first.idx != lo or last.ent_type_ not in {"PERSON", "ORG", "GPE", "NORP", "LOC"}:
        return None
    if any(t.ent_type_ != last.ent_type_ or t.ent_iob_ == "B" and t is not first for t in clause):
        return None  # the whole line before the colon is one name
    return named(ctx, last)


def _comma_cue(ctx: Context, region: Region, after: Sequence[Token]) -> Attribution | None:
    """The subject of any verb that follows a quote closed on its comma, with nothing but
    its subject between ('"...," the Kestrel Courier teased on its website', '"...," Ruiz
    smiled'): the layout of attribution, whatever the verb; not a verb with an object or
    a clause of its own ('"...," Ruiz accused him of ...'); nobody when the subject names
    nobody."""
    text = ctx.doc.text
    if region.close < 0 or not text[region.start : region.close].rstrip().endswith(","):
        return None
    verb = next((t for t in after if t.pos_ == "VERB"), None)
    if verb is None or verb.tag_ not in {"VBD", "VBZ"}:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or any(
        c.dep_ in OBJECTS | {"ccomp", "xcomp"} and c.i > verb.i and not ctx.in_region(c.idx)
        for c in verb.children
    ):
        return None  # its own object or clause after it, not the quote before (nor after)
    scope = {t.i for t in subj.subtree}
    if any(t.i < verb.i and not t.is_punct and t.i not in scope for t in after):
        return None
    speaker = speaker_of(ctx, subj)
    return Attribution(verb.text, speaker) if speaker is not None and speaker.name else None


def _transcript_line(ctx: Context, region: Region, clause: Sequence[Token]) -> Attribution | None:
    """A transcript line, 'Ruiz: "..."' (a line that is only a word or two the model
    tagged as no entity, a colon and a quote, as live blogs write an exchange): the person
    named in full elsewhere in the document with that last word; a label no person of the
    document has (a product, a program answering back) says the line is not the narrator's
    nor the quote above's speaker's: nobody. None for any other line."""
    lo, hi = ctx.paragraphs[region.para]
    if not clause or len(clause) > 2 or region.close < 0 or clause[-1].idx != lo:
        return None
    if ctx.doc.text[region.close + 1 : hi].strip():
        return None
    if any(t.ent_type_ or not t.is_alpha or not t.text[:1].isupper() for t in clause):
        return None
    found = named(ctx, clause[0]) if known_surname(ctx, clause[0].text) else None
    if found is None or not found.is_person or not found.name:
        found = None
    return Attribution(":", found)


def _colon_intro(ctx: Context, region: Region, before: Sequence[Token]) -> Attribution | None:
    """A quote introduced by a colon or a dash: "Alenko was blunt: '...'"; the subject
    nearest the colon speaks, a wh-word ("Alenko apologized for what happened:") none."""
    if not before or before[0].text not in INTRODUCERS:
        return None
    label = _dash_label(ctx, before) if before[0].text == ":" else None
    if label is not None:
        return Attribution(before[0].text, label)
    clause = [t for t in before[1:] if t.text not in INTRODUCERS]
    headline = _headline_name(ctx, region, clause)
    if headline is not None:
        return Attribution(before[0].text, headline)
    if before[0].text == ":":
        transcript = _transcript_line(ctx, region, clause)
        if transcript is not None:
            return transcript
    if clause and clause[0].ent_type_ == "PERSON" and clause[0].dep_ not in OBJECTS:
        speaker = named(ctx, clause[0])
        if speaker is not None:
            return Attribution(before[0].text, speaker)
    for tok in clause:  # nearest first
        if tok.tag_ in WH_TAGS:
            continue  # "X apologized for what happened:": an embedded clause's subject
        if tok.dep_ == "nsubj" and tok.head in clause:
            speaker = person_of(ctx, tok)
            if speaker is None and tok.pos_ == "PROPN":
                speaker = speaker_of(ctx, tok)  # "the Kestrel Board was clear in its findings:"
            return Attribution(tok.head.text, speaker) if speaker is not None else None
    return None


def _dash_label(ctx: Context, before: Sequence[Token]) -> Speaker | None:
    """The name between a spaced dash and the colon that opens a quote, as digests sign
    the quotes they collect ('Pollsters agree - Ana Ruiz: "..."', 'TURNOUT UP - Kestrel
    Poll: "..."'): a run of one to four capitalised words the dash sets off from the
    line; None for anything else."""
    text = ctx.doc.text
    run: list[Token] = []
    for tok in before[1:]:
        if tok.text in INTRODUCERS - {":"}:
            spaced = text[tok.idx - 1 : tok.idx].isspace() and bool(run)
            if not spaced or not text[tok.idx + len(tok) : tok.idx + len(tok) + 1].isspace():
                return None
            speaker = named(ctx, run[0])
            if speaker is None or speaker.start < tok.idx + len(tok) or not speaker.name:
                return None
            return speaker
        if len(run) == 4 or not tok.text[:1].isupper() or tok.pos_ not in {"PROPN", "NOUN"}:
            return None
        run.append(tok)
    return None
