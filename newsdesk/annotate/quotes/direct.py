"""Direct quotes: each quoted region with its attribution, scare quotes and titles left out.

A region without a cue of its own takes the speaker of a signature after it in its
paragraph ('"..." ― Ana Ruiz', pull-quote lists), the cue found where a quote left open
at the end of its paragraph closes, of the quote it continues
(multi-paragraph), of a neighbouring quote in the paragraph (a quote split around its cue;
never across a sentence of narration, as wire copy holds a whole article in one paragraph),
of the person subject of the sentence before it in the paragraph, of a signature line below
it (``- Alenko.``), or, when the paragraph is the quote alone, of the previous paragraph
(its last quote's speaker or its person subject). Short regions without a cue, and titles
of works and nicknames (every content word capitalised; any length after "the book"), are
scare quotes, not speech.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsdesk.annotate.quotes.attribution import attribute
from newsdesk.annotate.quotes.context import Attribution, Context, Speaker
from newsdesk.annotate.quotes.cues import is_cue, is_root_subject
from newsdesk.annotate.quotes.marks import SHORT_WORDS, Region, is_fragment, word_count
from newsdesk.annotate.quotes.names import name_words
from newsdesk.annotate.quotes.speakers import person_of, speaker_of
from newsdesk.lang.en.layout import TITLE_SMALL_WORDS
from newsdesk.lang.en.speech import SPEECH_NOUNS, WORK_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# a dash, then a name (initials allowed: "Ana M. Ruiz") and little else
SIGNATURE = re.compile(r"\s*[-—–―~]+\s*[A-Z](?:[^.!?]|(?<=\b[A-Z])\.)*\.?\s*$")
SIGNATURE_CHARS = 60  # a signature line names the speaker and little else
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def direct_quotes(ctx: Context) -> list[tuple[Region, Attribution | None]]:
    """Each speech region with its attribution (scare quotes left out)."""
    text = ctx.doc.text
    own: dict[int, Attribution] = {}
    for index, region in enumerate(ctx.regions):
        attribution = attribute(ctx, region, is_fragment(text, region))
        if attribution is not None:
            own[index] = attribution
    result: dict[int, Attribution | None] = {}
    for index, region in enumerate(ctx.regions):
        if word_count(text[region.start : region.end]) == 1 and _describes_a_noun(ctx, region):
            continue  # "in a 'clear' mind": a word marked, no speech
        attribution = own.get(index) or _signed(ctx, index) or _runs_on(ctx, index, own)
        attribution = attribution or _name_without_verb(ctx, region)
        if attribution is None:
            attribution = _inherited(ctx, index, own, result)
        noun = _noun_before(ctx, region)
        if _is_speech(text[region.start : region.end], attribution, noun in WORK_NOUNS):
            result[index] = attribution
    return [(ctx.regions[i], a) for i, a in sorted(result.items())]


def _describes_a_noun(ctx: Context, region: Region) -> bool:
    """Whether the quoted words modify a noun written right after the closing mark ("in
    a 'clear' mind", "the 'peace' talks"): for one word, a term the writer marks, not
    speech (several may be someone's words: "what Ruiz called its 'reckless, provocative'
    conduct")."""
    span = ctx.parsed.char_span(region.start, region.end, alignment_mode="expand")
    if span is None or len(span) == 0 or region.close < 0:
        return False
    root = span.root
    head = root.head
    return (
        root.dep_ in {"amod", "compound", "nmod"}
        and head.pos_ in {"NOUN", "PROPN"}
        and head.idx > region.close
        and not any(t.idx > region.close for t in root.subtree if t.i != head.i)
    )


def _inherited(
    ctx: Context,
    index: int,
    own: dict[int, Attribution],
    result: dict[int, Attribution | None],
) -> Attribution | None:
    """The attribution a region without a cue takes from the quotes and text around it."""
    region = ctx.regions[index]
    attribution = None
    if region.continues and index - 1 in result:
        attribution = result[index - 1]
    if attribution is None:
        attribution = _neighbour(ctx, index, own)
    if attribution is None and not region.continues:
        attribution = _paragraph_intro(ctx, region)
    if attribution is None and _paragraph_is_quote(ctx, region):
        attribution = _signature(ctx, *ctx.paragraphs[region.para + 1 :][:1])
    if attribution is None and _paragraph_is_quote(ctx, region):
        tail = _tail(ctx, index)
        if tail is not None:  # '"...," the records state.': not the paragraph above's
            return _tail_person(ctx, *tail)
        done = {**own, **{k: v for k, v in result.items() if v is not None}}
        attribution = _intro_speaker(ctx, region.para - 1, done)
    return attribution


def _runs_on(ctx: Context, index: int, own: dict[int, Attribution]) -> Attribution | None:
    """The attribution a quote left open at the end of its line finds where it closes, a
    line or more below ('"Thompson was hard to box.' / 'I'm satisfied," Alenko said.')."""
    j = index
    while ctx.regions[j].close < 0 and j + 1 < len(ctx.regions) and ctx.regions[j + 1].continues:
        j += 1
        found = own.get(j)
        if found is not None:  # "..., the source told us": its cue, even naming nobody
            return found
    return None


def _noun_before(ctx: Context, region: Region) -> str:
    """The lemma of the common noun right before the opening mark ("book" in "the 2005
    book '...'"), '' when the word there is no common noun."""
    before = ctx.token_at(region.opener)
    prev = ctx.parsed[before.i - 1] if before.i > 0 else None
    return prev.lemma_.lower() if prev is not None and prev.pos_ == "NOUN" else ""


def _is_title_of_work(text: str) -> bool:
    """All content words capitalised ("The Art of the Deal", "Sleepy Felix")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content) and text[-1:] not in "!?"


def _is_speech(body: str, attribution: Attribution | None, work: bool = False) -> bool:
    """Speech, not a scare quote or a title: long, or a fragment with a cue. A title
    runs to 8 words, or any length after a noun for a work (``work``)."""
    words = word_count(body)
    if _is_title_of_work(body) and (words < 8 or work):
        return False
    if words >= SHORT_WORDS:
        return True
    return attribution is not None and (
        attribution.speaker is not None or attribution.said or words > 1
    )


def _tail(ctx: Context, index: int) -> tuple[int, int] | None:
    """Where the last quote of a paragraph goes on in its sentence after the closing mark
    ('"...," the records state.', '"..." from A to B, in Alenko's view.'): an attribution
    the cues did not read, which the paragraph above does not override. None without."""
    region = ctx.regions[index]
    nxt = ctx.regions[index + 1 : index + 2]
    if region.close < 0 or nxt and nxt[0].para == region.para:
        return None
    lo, hi = region.close + 1, ctx.paragraphs[region.para][1]
    words = re.findall(r"[^\W\d_]{2,}", ctx.doc.text[lo:hi])
    ended = ctx.doc.text[region.start : region.end].rstrip()[-1:] in {".", "!", "?"}
    return (lo, hi) if len(words) >= 2 and (not ended or words[0].islower()) else None


def _tail_person(ctx: Context, lo: int, hi: int) -> Attribution | None:
    """The one person a quote's tail names ("in Alenko's view"), else nobody."""
    found: dict[str, Attribution] = {}
    for tok in ctx.parsed.char_span(lo, hi, alignment_mode="expand") or ():
        if tok.pos_ == "PROPN" and tok.dep_ not in {"compound", "flat", "pobj"}:
            speaker = person_of(ctx, tok)  # "in Alenko's view"; "posted on Twitter": no one
            known = ctx.known | ctx.entities.names
            if speaker is not None and speaker.name in known:
                found.setdefault(speaker.name, Attribution(tok.head.text, speaker))
    return next(iter(found.values())) if len(found) == 1 else None


def _paragraph_is_quote(ctx: Context, region: Region) -> bool:
    lo, hi = ctx.paragraphs[region.para]
    return (region.end - region.start) >= 0.6 * (hi - lo)


def _neighbour(ctx: Context, index: int, own: dict[int, Attribution]) -> Attribution | None:
    """Attribution of the nearest quote with a cue in the same paragraph (a quote split
    by its cue), on either side, unless that cue names nobody or a sentence of narration
    lies between them.

    A fragment only continues the quote right before it ("'...,' he said, 'fragment'").
    """
    region = ctx.regions[index]
    para = region.para
    if is_fragment(ctx.doc.text, region):
        previous = own.get(index - 1)
        if (
            index
            and ctx.regions[index - 1].para == para
            and region.start - ctx.regions[index - 1].end < 40
        ):
            return previous if previous is not None and previous.speaker is not None else None
        return None
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(ctx.regions) and ctx.regions[j].para == para:
            found = own.get(j)
            if found is not None:
                near = ctx.regions[j]
                gap = (near.end, region.start) if step < 0 else (region.end, near.start)
                if found.speaker is None or _narration_between(ctx, *gap):
                    break  # the nearest cue names nobody, or narration parts the two
                return found
            j += step
    return None


def _narration_between(ctx: Context, lo: int, hi: int) -> bool:
    """A sentence of narration (words outside quotes) lies wholly between two quotes of a
    paragraph: the later quote no longer continues the earlier one's speaker ('"...," Ruiz
    said. The line carried 40,000 passengers. "..."'). Wire copy puts a whole article in
    one paragraph, with several speakers."""
    return any(
        sent.end_char <= hi and any(t.is_alpha and not ctx.in_region(t.idx) for t in sent)
        for sent in _sentences_from(ctx, lo, hi)
    )


def _sentences_from(ctx: Context, lo: int, hi: int) -> Iterator[SpacySpan]:
    """The sentences that start between ``lo`` and ``hi``."""
    for sent in ctx.sents[bisect_right(ctx.sent_starts, lo - 1) :]:
        if sent.start_char >= hi:
            break
        yield sent


def _paragraph_intro(ctx: Context, region: Region) -> Attribution | None:
    """The person subject of the sentence just before a quote in the same paragraph
    ("Mr. Alenko says there is good reason. '...'"); in the quote's own sentence, only an
    active subject ("X lauded Y for '...'", not "X was found guilty ... '...'")."""
    lo = ctx.paragraphs[region.para][0]
    if region.start - lo < 15 or is_fragment(ctx.doc.text, region):
        return None
    index = bisect_right(ctx.sent_starts, region.start - 2) - 1
    for sent in ctx.sents[max(0, index - 1) : index + 1][::-1]:
        if sent.start_char < lo:
            continue
        inside = sent.start_char < region.opener < sent.end_char and _words_before(sent, region)
        if inside and _held_by_a_noun(ctx, region):
            return None  # "He left the court to chants of '...'": the chanters spoke
        for tok in sent:
            if tok.idx >= region.start - 1:
                break
            if inside and tok.dep_ == "nsubjpass":
                continue  # "X was found guilty, a verdict ... as the '...'": acted upon
            if is_root_subject(tok) and not ctx.in_region(tok.idx):
                speaker = person_of(ctx, tok)
                if speaker is not None:
                    return Attribution(tok.head.text, speaker)
    return None


def _held_by_a_noun(ctx: Context, region: Region) -> bool:
    """Whether a quote is what a noun of its sentence holds, after "of" ("to chants of
    '...'", "cries of '...'"), a noun no possessive gives an owner ("his promise of"):
    the subject of the sentence did not say it."""
    before = ctx.parsed.char_span(region.opener, region.opener + 1, alignment_mode="expand")
    if before is None or before.start == 0:
        return False
    prep = ctx.parsed[before.start - 1]
    noun = prep.head
    return (
        prep.lower_ == "of"
        and noun.pos_ == "NOUN"
        and not any(c.dep_ == "poss" for c in noun.children)
    )


def _words_before(sent: SpacySpan, region: Region) -> bool:
    """Words of ``sent`` stand before the quote's opening mark: it does not open it."""
    return any(t.is_alpha and t.idx < region.opener for t in sent)


def _signed(ctx: Context, index: int) -> Attribution | None:
    """A quote signed after its closing mark in its own paragraph, as pull-quotes and
    quote lists are: '"...." ― Ana Ruiz'. The last quote of the paragraph only."""
    region = ctx.regions[index]
    if region.close < 0:
        return None
    following = ctx.regions[index + 1 : index + 2]
    if following and following[0].para == region.para:
        return None
    return _signature(ctx, (region.close + 1, ctx.paragraphs[region.para][1]))


def _name_without_verb(ctx: Context, region: Region) -> Attribution | None:
    """The person named right after a quote closed on a comma, where the sentence ends
    with no verb of its own ('"...,'' Ana Ruiz, a strategist with Kestrel Bank.': the
    reporting verb left out); nobody when a finite verb follows or no person is named."""
    text = ctx.doc.text
    if region.close < 0 or not text[region.start : region.close].rstrip().endswith(","):
        return None
    after = ctx.token_at(region.close + 2)
    while after.is_punct and after.i + 1 < len(ctx.parsed) and after.idx <= region.close + 2:
        after = ctx.parsed[after.i + 1]
    if after.idx <= region.close or after.ent_type_ != "PERSON" or after.ent_iob_ != "B":
        return None
    for tok in ctx.parsed[after.i : after.sent.end]:
        if ctx.in_region(tok.idx) or tok.tag_ in FINITE_TAGS:
            return None  # another quote, or a verb: the cues decide
    speaker = person_of(ctx, after)
    return Attribution("", speaker) if speaker is not None and speaker.name else None


def _signature(ctx: Context, line: tuple[int, int] | None = None) -> Attribution | None:
    """A line (``(start, end)``) that only names who spoke the quote before it: "- Ana
    Ruiz."; None for no line."""
    if line is None:
        return None
    lo, hi = line
    match = SIGNATURE.match(ctx.doc.text[lo:hi])
    if hi - lo > SIGNATURE_CHARS or not match:
        return None
    while ctx.doc.text[lo].isspace():
        lo += 1
    span = ctx.parsed.char_span(lo, hi, alignment_mode="expand")
    run: list[Token] = []  # the capitalised words after the dash: the signer's name
    for tok in list(span or ())[1:]:
        if tok.is_space:  # a no-break space after the dash is a token of its own
            continue
        if not (tok.text[:1].isupper() or tok.text in {"-", "'", "’"} and run):
            break
        run.append(tok)
    words, title = name_words(run)
    if not words or run[-1].pos_ != "PROPN":
        return None
    start, end = run[0].idx, run[-1].idx + len(run[-1])
    name = ctx.full_name(start, end, words, title)
    if len(name.split()) < len(words):  # the model split the name ("Ana" GPE, "Ruiz")
        name = " ".join(words)
    return Attribution(ctx.doc.text[lo], Speaker(name, start, end, True, ctx.roles.get(name)))


def _colon_paragraph(ctx: Context, lo: int, hi: int) -> Attribution | None:
    """The speaker of a paragraph that ends by announcing the quote below it: the subject
    of its last clause, when that clause reports ("The Valmont Courier reports:") or its
    subject is a person ('X tweeted "..." whilst Ana Ruiz was delighted:'); the person
    a statement it names is by ("Below is a statement by Ana Ruiz, the director:")."""
    for tok in reversed(ctx.parsed.char_span(lo, hi, alignment_mode="expand") or ()):
        if tok.dep_ == "attr" and tok.lemma_.lower() in SPEECH_NOUNS and not ctx.in_region(tok.idx):
            issued = speaker_of(ctx, tok)  # "Below is a statement by Ana Ruiz:"
            if issued is not None and issued.name and issued.is_person:
                return Attribution(tok.head.text, issued)
        if tok.dep_ != "nsubj" or ctx.in_region(tok.idx):
            continue
        if tok.head.dep_ in {"relcl", "acl"}:
            continue  # "..., who she starred with,": not the clause that announces
        speaker = speaker_of(ctx, tok)
        if speaker is not None and speaker.name and (is_cue(tok.head) or speaker.is_person):
            return Attribution(tok.head.text, speaker)
    return None


def _intro_speaker(ctx: Context, para: int, done: dict[int, Attribution]) -> Attribution | None:
    """The speaker a paragraph hands to a quote that follows it: whoever it announces with
    a closing colon, else the speaker of its last quote, else the person subject of its
    last sentence."""
    if para < 0:
        return None
    lo, hi = ctx.paragraphs[para]
    index = bisect_right(ctx.sent_starts, hi - 1) - 1
    if ctx.doc.text[lo:hi].rstrip().endswith(":"):
        introduced = _colon_paragraph(ctx, lo, hi)
        if introduced is not None:  # announces the quote below, after any quote of its own
            return introduced
    last = None
    for n, attribution in sorted(done.items()):
        if ctx.regions[n].para == para and attribution.speaker is not None:
            last = attribution
    if last is not None or index < 0:
        return last
    subjects = [t for t in ctx.sents[index] if t.idx >= lo and t.dep_ == "nsubj"]
    for tok in sorted(subjects, key=lambda t: not is_root_subject(t)):
        speaker = person_of(ctx, tok)
        if speaker is not None and (is_root_subject(tok) or tok.pos_ == "PROPN"):
            return Attribution(tok.head.text, speaker)
    return _paragraph_subject(ctx, lo, hi)


def _paragraph_subject(ctx: Context, lo: int, hi: int) -> Attribution | None:
    """The one person a paragraph is about: the only person who is the subject of its
    sentences (outside quotes); with two or more, nobody."""
    found: dict[str, Attribution] = {}
    for sent in _sentences_from(ctx, lo, hi):
        for tok in sent:
            if tok.idx >= lo and is_root_subject(tok) and not ctx.in_region(tok.idx):
                speaker = person_of(ctx, tok)
                if speaker is not None and speaker.name:
                    found.setdefault(speaker.name, Attribution(tok.head.text, speaker))
    return next(iter(found.values())) if len(found) == 1 else None
