"""Quotes and speaker attribution on top of a spaCy parse.

`extract_quotes` finds direct quotes (text between quotation marks) and reported speech
("X said that ...") and says who spoke, in what role, and through which outlets.

How it works, in order:

1. Quote marks are paired *within each paragraph* (a line of the text), so one unbalanced
   mark, or markup such as ``<tweet author="...">`` (masked), costs at most its own paragraph.
   Curly marks, straight marks (opening or closing by context) and the NYT ``''...''`` are
   read. A paragraph that opens a quote without closing it continues into the next one when
   that paragraph reopens with a mark (multi-paragraph quotes). Double marks are paired when
   a paragraph has any, single marks only in paragraphs without double marks, so inner single
   quotes stay part of the outer quote.
2. A *cue* is looked for around each quoted region, in its paragraph: after the closing mark
   (``"...," Alenko said``; after a quote that ends its sentence only a short ``Alenko
   said.``), then before the opening mark (``Alenko said: "..."``). Cues are reporting verbs
   in the active voice (say, tell, add, call, ...), "according to", and speech nouns owned by
   a name ("Obama's ... promise"). The speaker mention is the cue's subject (climbing from a
   participle such as "adding" to the verb it hangs on), the object of "according to", or a
   person named next to a cue the parse left without a subject. A short quoted fragment needs
   a cue that governs it syntactically or sits right after it (GGT drops fragments under four
   words; here they are kept when a cue and speaker go with them).
3. A region without a cue takes the speaker of the quote it continues (multi-paragraph), of a
   neighbouring quote in the paragraph (a quote split around its cue), of a colon or dash
   introduction (``Alenko was blunt: "..."``), of the person subject of the sentence before it
   in the paragraph, of a signature line below it (``- Sanders.``), or, when the paragraph is
   the quote alone, of the previous paragraph (its last quote's speaker or its person subject).
4. Short regions without a cue, and titles of works and nicknames (every content word
   capitalised), are scare quotes, not speech: skipped.
5. Speaker mentions become canonical names: "he"/"she" the most recent compatible person
   (root subjects first, sentence by sentence back; gender from honorifics, common first
   names and the pronouns used in sentences naming one person); a surname the longest full
   name in the document ending with it (`canonical_name`): a title ("Mayor Brandt") picks
   between people sharing a surname, else the one mentioned most recently. Titles are not part
   of names; roles come from apposition or pre-nominal titles. Other cues of the same quote
   whose source is an organisation ("..., according to Meridian Wire", "the Northshore Post
   reports") and the outlet a quote was told to become ``via``, outermost first.
6. Reported speech: a reporting verb outside quotes with a clausal complement gives a quote
   with ``direct=False`` whose span is the clause (without "that"), unless the clause is
   mostly a direct quote already.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsdesk.model import Document, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["canonical_name", "extract_quotes"]

REPORTING_VERBS = frozenset(
    """say tell add state claim explain note write argue insist report announce warn
    acknowledge admit indicate suggest reply respond ask continue declare confirm deny
    recall predict contend assert observe remark comment tweet complain concede joke quip
    testify vow promise urge caution stress emphasize emphasise boast lament scream shout
    yell exclaim whisper mutter retort counter agree disclose reveal reiterate allege
    maintain recount describe conclude proclaim post muse crack question wonder call dub
    label brand term characterize chant point interject scoff snap thunder gush rail
    plead beg demand order pledge opine read fume mention email text message quote answer
    accuse mock attack hail praise blast slam criticize criticise decry dismiss denounce
    condemn tout ponder pray sing repeat think believe hope fear worry feel remember bark
    charge assure reassure""".split()
)
# nouns that attribute a quote to their possessor ("Obama's ... promise")
SPEECH_NOUNS = frozenset(
    """statement remark comment word message tweet post dictum slogan motto promise pledge
    claim response reply answer warning vow argument speech letter memo testimony
    quote quip joke line mantra refrain assertion admission""".split()
)
# verbs that introduce reported speech or thought ("X believes that ...")
REPORTED_VERBS = REPORTING_VERBS | frozenset(
    "believe think hope fear worry expect estimate show find learn know".split()
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
HONORIFICS = frozenset("mr mrs ms miss mx dr".split())
TITLES = HONORIFICS | frozenset(
    """prof professor sen senator rep representative gov governor gen general adm admiral
    col colonel capt captain lt lieutenant sgt sergeant cmdr commander maj major rev
    reverend mayor president vice judge justice sir dame lord lady deputy chancellor
    minister secretary chairman chairwoman chair commissioner ambassador attorney sheriff
    chief inspector detective officer speaker leader pastor father sister rabbi imam pope
    king queen prince princess councillor councilman councilwoman alderman
    spokesman spokeswoman spokesperson""".split()
)
MASCULINE = frozenset("he him his himself".split())
FEMININE = frozenset("she her hers herself".split())
PERSONAL = MASCULINE | FEMININE
OBJECTS = frozenset({"pobj", "dobj", "dative", "iobj"})
RELATIVE = frozenset("who that which whom".split())
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
OPEN_CONTEXT = frozenset(" \t([{—–-/:;,")
SENTENCE_END = frozenset({".", "!", "?", ";"})
MARKUP = re.compile(r"<[^<>\n]{0,2000}>")
DOUBLE_MARKS = frozenset('"“”„')
SINGLE_MARKS = frozenset("'‘’")
MAX_WINDOW = 45
SIGNATURE = re.compile(r"\s*[-—–~]+\s*[A-Z][^.!?]*\.?\s*$")
SHORT_WORDS = 4  # a region of fewer words is a fragment: needs a cue and a speaker
# first names whose gender decides "he" / "she" when no honorific does
_FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary chelsea melania ivanka kellyanne huma hope sarah
    nikki elizabeth nancy dianne kamala tulsi jill michelle condoleezza madeleine katrina
    omarosa debbie donna kristen anika inga ingrid astrid greta sofia elena olga irina
    natasha katya marta ines clara lena nora freya""".split()
)
_MALE_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy
    harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse
    dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph
    randy eugene vincent russell elijah louis bobby philip johnny bernie mike tim ted marco
    chris jeb ben rand barack bill reince newt rudy mitch paul lindsey chuck harry corey
    stephen jared eric steve sean rick jim tom dan bob rob ron hugh mitt al jim dmitri felix
    ivan sergei nikolai pavel oleg anton boris lars erik sven magnus henrik anders piotr
    tomas jan karl hans otto""".split()
)


@dataclass(frozen=True, slots=True)
class _Region:
    """Characters between a pair of quote marks (``end`` is exclusive)."""

    start: int
    end: int
    para: int
    opener: int  # index of the opening mark
    close: int  # index of the closing mark; -1: runs on into the next paragraph
    continues: bool = False  # True: continues the open region of the previous paragraph


@dataclass(frozen=True, slots=True)
class _Person:
    """One PERSON mention: its name words (titles removed) and the title before it."""

    start: int
    end: int
    words: tuple[str, ...]
    title: str | None


@dataclass(frozen=True, slots=True)
class _Speaker:
    """A resolved speaker mention."""

    name: str | None
    start: int
    end: int
    is_person: bool
    role: str | None = None


@dataclass(slots=True)
class _Attribution:
    """What a cue says about a quote: cue text, speaker and relays."""

    cue: str
    speaker: _Speaker | None
    via: tuple[str, ...] = ()


@dataclass(slots=True)
class _Context:
    """Per-document lookups shared by every step."""

    doc: Document
    parsed: SpacyDoc
    paragraphs: list[tuple[int, int]]
    token_starts: list[int]
    people: list[_Person]
    regions: list[_Region] = field(default_factory=list)
    region_starts: list[int] = field(default_factory=list)
    mark_chars: set[int] = field(default_factory=set)
    canon: list[tuple[int, str]] = field(default_factory=list)  # (mention start, full name)
    roles: dict[str, str] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    sents: list[SpacySpan] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    sent_people: dict[int, list[tuple[Token, bool, str | None]]] = field(default_factory=dict)
    antecedents: dict[int, str | None] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    short: list[tuple[int, int]] = field(default_factory=list)  # short quoted terms

    def token_at(self, char: int) -> Token:
        return self.parsed[max(0, bisect_right(self.token_starts, char) - 1)]

    def in_region(self, char: int) -> bool:
        i = bisect_right(self.region_starts, char) - 1
        return i >= 0 and self.regions[i].start <= char < self.regions[i].end

    def para_of(self, char: int) -> int:
        return max(0, bisect_right([p[0] for p in self.paragraphs], char) - 1)


# ---------------------------------------------------------------------------
# 1. paragraphs and quote marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as ``(start, end)``, trailing whitespace excluded."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if line.strip():
            spans.append((match.start(), match.start() + len(line.rstrip())))
    return spans


def _mark_kind(text: str, i: int, lo: int, hi: int) -> str:
    """'o' (opening), 'c' (closing) or 'a' (either) for the quote mark at ``text[i]``."""
    ch = text[i]
    if ch in "“‘„":
        return "o"
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if ch == "’":
        return "x" if prev.isalnum() and nxt.isalnum() else "c"
    if ch == "”":
        return "c"
    if prev.isspace() and nxt.isspace():
        return "a"
    opening = prev in OPEN_CONTEXT or prev in "“‘\"'"
    closing = not prev.isspace() and (not nxt.isalnum())
    if ch == "'":
        if prev.isalnum() and nxt.isalnum():
            return "x"  # apostrophe: don't, Clinton's
        if opening and nxt.isalpha():
            return "o"
        if closing and prev not in "([{/" and not prev.isdigit():
            return "c"
        return "x"
    if opening and not closing:
        return "o"
    if closing and not opening:
        return "c"
    return "a"


def _masked_marks(text: str, lo: int, hi: int, marks: frozenset[str]) -> list[int]:
    """Positions of ``marks`` in ``text[lo:hi]`` outside markup tags."""
    masked = [(m.start() + lo, m.end() + lo) for m in MARKUP.finditer(text[lo:hi])]
    return [i for i in range(lo, hi) if text[i] in marks and not any(s <= i < e for s, e in masked)]


def _pair(text: str, lo: int, hi: int, positions: list[int]) -> tuple[list[tuple[int, int]], int]:
    """Pair marks in one paragraph; returns the pairs and an unclosed opener (or -1)."""
    pairs: list[tuple[int, int]] = []
    opened = -1
    for pos in positions:
        kind = _mark_kind(text, pos, lo, hi)
        if kind == "x":
            continue
        if opened < 0:
            if kind in "oa":
                opened = pos
        elif kind in "ca":
            pairs.append((opened, pos))
            opened = -1
        else:
            opened = pos  # two openers: the first was stray
    return pairs, opened


def _paragraph_marks(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int]], int]:
    """Quote pairs of one paragraph: double marks if any, else single marks."""
    doubles = _masked_marks(text, lo, hi, DOUBLE_MARKS)
    if doubles:
        return _pair(text, lo, hi, doubles)
    singles = _masked_marks(text, lo, hi, SINGLE_MARKS)
    pairs, opened = _pair(text, lo, hi, singles)
    return pairs, opened


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and a trailing comma from ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _find_regions(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[_Region]:
    """Every quoted region of the text, paired paragraph by paragraph."""
    regions: list[_Region] = []
    # two apostrophes or backquotes (NYT style ''…'') are a double mark; same length
    text = text.replace("''", '" ').replace("``", '" ')
    pending = False  # the previous paragraph left a quote open
    for index, (lo, hi) in enumerate(paragraphs):
        pairs, opened = _paragraph_marks(text, lo, hi)
        for n, (a, b) in enumerate(pairs):
            s, e = _inner(text, a + 1, b)
            if e > s:
                cont = pending and n == 0 and a == lo
                regions.append(_Region(s, e, index, a, b, cont))
        if opened >= 0:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt[0]] in "“\"‘'":
                s, e = _inner(text, opened + 1, hi)
                if e > s:
                    cont = pending and opened == lo
                    regions.append(_Region(s, e, index, opened, -1, cont))
                pending = True
                continue
        pending = False
    return regions


# ---------------------------------------------------------------------------
# 5. names


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in TITLES


def _name_words(tokens: Sequence[Token]) -> tuple[tuple[str, ...], str | None]:
    """Name words of a mention, and its title (the last leading title word).

    Leading titles and lowercase words are dropped, as are possessive endings; a title word
    is kept when it is the last word ("Mr. King", "Judge").
    """
    texts = [t.text for t in tokens if t.dep_ != "case" and t.text not in {"'s", "’s", "'", "’"}]
    title = None
    start = 0
    while start < len(texts) - 1 and (_is_title(texts[start]) or not texts[start][:1].isupper()):
        if _is_title(texts[start]):
            title = texts[start].lower().rstrip(".")
        start += 1
    words = tuple(texts[start:])
    while len(words) > 1 and words[-1].rstrip(".,").lower() in SUFFIXES:
        words = words[:-1]
    if len(words) == 1 and not words[0][:1].isupper():
        return (), title
    return words, title


def _length(words: tuple[str, ...]) -> int:
    return len(words)


def canonical_name(
    words: Sequence[str],
    title: str | None,
    people: Sequence[tuple[int, tuple[str, ...], str | None]],
    position: int,
) -> str:
    """The full name a partial name stands for.

    ``people`` are the PERSON mentions of the document as ``(start, name words, title)``.
    Candidates are the names whose last words are ``words``; the longest wins. Between
    different people sharing the surname the title decides ("Mayor Brandt"), then the one
    mentioned most recently before ``position`` (or first after it).
    """
    key = tuple(words)
    if not key:
        return ""
    n = len(key)
    candidates: set[tuple[str, ...]] = {
        tuple(w) for _, w, _ in people if len(w) >= n and tuple(w[-n:]) == key
    }
    if not candidates:
        return " ".join(key)
    full: set[tuple[str, ...]] = {
        w for w in candidates if not any(len(o) > len(w) and o[-len(w) :] == w for o in candidates)
    }
    if title in {"mr", "mrs", "ms", "miss"} and len(full) > 1:
        unwanted = _FEMALE_NAMES if title == "mr" else _MALE_NAMES
        full = {f for f in full if f[0].lower() not in unwanted} or full
    if title and len(full) > 1:
        full = {w for _, w, t in people if t == title and w in full} or full
    if len(full) > 1:
        before = [(s, w) for s, w, _ in people if s < position and w in candidates]
        if before:
            latest = max(before)[1]
            owners: list[tuple[str, ...]] = [f for f in sorted(full) if f[-len(latest) :] == latest]
            if owners:
                longest = max(owners, key=_length)
                return " ".join(longest)
        after = sorted((s, w) for s, w, _ in people if s >= position and w in full)
        if after:
            return " ".join(after[0][1])
    best = max(sorted(full), key=_length)
    return " ".join(best)


def _people(parsed: SpacyDoc) -> list[_Person]:
    """PERSON mentions with their name words and a title just before them."""
    found = []
    for ent in parsed.ents:
        if ent.label_ != "PERSON":
            continue
        words, title = _name_words(list(ent))
        if not words:
            continue
        if title is None and ent.start > 0 and _is_title(parsed[ent.start - 1].text):
            title = parsed[ent.start - 1].text.lower().rstrip(".")
        found.append(_Person(ent.start_char, ent.end_char, words, title))
    return found


def _person_key(ctx: _Context) -> list[tuple[int, tuple[str, ...], str | None]]:
    return [(p.start, p.words, p.title) for p in ctx.people]


def _resolve_people(ctx: _Context) -> None:
    """Canonical names of all PERSON mentions, their roles and genders."""
    key = _person_key(ctx)
    for person in ctx.people:
        name = canonical_name(person.words, person.title, key, person.start)
        ctx.canon.append((person.start, name))
        ctx.known.add(name)
        head = ctx.token_at(person.end - 1)
        role = _role(ctx, head, person.start, person.end)
        if role and name not in ctx.roles:
            ctx.roles[name] = role
        gender = _gender(person.title, name)
        if gender and name not in ctx.genders:
            ctx.genders[name] = gender
    _infer_genders(ctx)


def _infer_genders(ctx: _Context) -> None:
    """Gender of people no honorific or first name tells: from sentences that mention one
    person and only "he/his/him" or only "she/her" outside quotes (a majority vote)."""
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


def _gender(title: str | None, name: str) -> str | None:
    if title in {"mr"}:
        return "m"
    if title in {"mrs", "ms", "miss"}:
        return "f"
    first = name.split()[0].lower() if name else ""
    if first in _FEMALE_NAMES:
        return "f"
    if first in _MALE_NAMES:
        return "m"
    return None


def _role(ctx: _Context, head: Token, start: int, end: int) -> str | None:
    """Apposition ("X, a professor at Y") or pre-nominal title ("Mayor X") of a mention."""
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i and child.ent_type_ != "PERSON":
            tokens = list(child.subtree)
            s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            text = ctx.doc.text[s:e].strip(" ,;:—–-")
            if text and not ctx.in_region(s):
                return text
    left = [t for t in head.lefts if t.dep_ in {"compound", "amod", "nmod", "nummod"}]
    pre = [t for t in left if t.idx < start]
    if not pre:
        # a title spaCy kept inside the entity ("Mayor Anika Brandt")
        words = []
        tok = ctx.token_at(start)
        while tok.idx < end and _is_title(tok.text) and tok.lower_.rstrip(".") not in HONORIFICS:
            words.append(tok.text)
            if tok.i + 1 >= len(ctx.parsed):
                break
            tok = ctx.parsed[tok.i + 1]
        return " ".join(words) or None
    first = min(t.left_edge.i for t in pre)
    tokens = [t for t in ctx.parsed[first : ctx.token_at(start).i] if t.idx < start]
    while tokens and (tokens[0].dep_ in {"det", "poss", "case"} or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[0].lower_.rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    if not tokens:
        return None
    text = ctx.doc.text[tokens[0].idx : start].strip(" ,")
    if any(t.lower_.rstrip(".") in HONORIFICS for t in tokens):
        return None
    return text or None


# ---------------------------------------------------------------------------
# 2. cues and speakers


def _mention_tokens(ctx: _Context, tok: Token) -> tuple[list[Token], str]:
    """The tokens of the name around ``tok`` and their entity label ('' if none)."""
    if tok.ent_type_:
        ent = _entity_of(ctx, tok)
        if ent is not None:
            return list(ent), tok.ent_type_
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


def _entity_of(ctx: _Context, tok: Token) -> SpacySpan | None:
    """The named entity ``tok`` is part of (None outside entities)."""
    if not tok.ent_type_:
        return None
    start, end = tok.i, tok.i + 1
    while start > 0 and ctx.parsed[start].ent_iob_ == "I":
        start -= 1
    while end < len(ctx.parsed) and ctx.parsed[end].ent_iob_ == "I":
        end += 1
    return ctx.parsed[start:end]


def _speaker_of(ctx: _Context, tok: Token) -> _Speaker | None:
    """Resolve the subject token of a cue to a speaker (None: nobody identifiable)."""
    if ctx.in_region(tok.idx):
        return None
    if tok.pos_ == "PRON" and tok.lower_ in PERSONAL:
        name = _antecedent(ctx, tok, "m" if tok.lower_ in MASCULINE else "f")
        if name is None:
            return None
        return _Speaker(name, tok.idx, tok.idx + len(tok), True, ctx.roles.get(name))
    if tok.ent_type_ != "PERSON":
        inner = _named_in_phrase(ctx, tok)
        if inner is not None or tok.pos_ != "PROPN" and tok.ent_type_ not in ORG_LABELS:
            return inner
    return _named(ctx, tok)


def _named(ctx: _Context, tok: Token) -> _Speaker | None:
    """The canonical name of the proper-noun mention around ``tok``."""
    tokens, label = _mention_tokens(ctx, tok)
    words, title = _name_words(tokens)
    if title is None and tokens[0].i > 0 and _is_title(ctx.parsed[tokens[0].i - 1].text):
        title = ctx.parsed[tokens[0].i - 1].text.lower().rstrip(".")
    if not words or label in {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}:
        return None
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1])
    key = _person_key(ctx)
    known = any(w[-len(words) :] == words for _, w, _ in key)
    if label == "PERSON" or known or (not label and tok.pos_ == "PROPN"):
        name = canonical_name(words, title, key, start)
        role = _role(ctx, tokens[-1], start, end) or ctx.roles.get(name)
        return _Speaker(name, start, end, True, role)
    name = " ".join(words)
    return _Speaker(name, start, end, False, _role(ctx, tokens[-1], start, end))


def _named_in_phrase(ctx: _Context, tok: Token) -> _Speaker | None:
    """A person named in apposition to a common noun: "a spokesman, John Doe"."""
    for child in tok.children:
        if child.dep_ in {"appos", "compound", "flat"} and child.ent_type_ == "PERSON":
            found = _named(ctx, child)
            if found is not None:
                tokens = list(tok.subtree)
                role_end = min(child.left_edge.idx, tokens[-1].idx + len(tokens[-1]))
                role = ctx.doc.text[tokens[0].idx : role_end].strip(" ,")
                return _Speaker(found.name, found.start, found.end, True, role or found.role)
    return None


def _is_root_subject(tok: Token) -> bool:
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    head = tok.head
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")


def _sentence_people(ctx: _Context, index: int) -> list[tuple[Token, bool, str | None]]:
    """People mentioned in sentence ``index`` outside quotes, in order: (token, root
    subject, name); the name is None for a personal pronoun that is a root subject."""
    cached = ctx.sent_people.get(index)
    if cached is not None:
        return cached
    found: list[tuple[Token, bool, str | None]] = []
    for tok in ctx.sents[index]:
        if ctx.in_region(tok.idx):
            continue
        root_subject = _is_root_subject(tok)
        if tok.pos_ == "PRON" and tok.lower_ in PERSONAL and root_subject:
            found.append((tok, True, None))
            continue
        if tok.pos_ != "PROPN" or (tok.ent_type_ != "PERSON" and not root_subject):
            continue
        if tok.dep_ in {"compound", "flat"} and tok.head.pos_ == "PROPN":
            continue  # the head token stands for the whole name
        named = _named(ctx, tok)
        if named is not None and named.is_person and named.name:
            if (
                tok.ent_type_ == "PERSON"
                or named.name in ctx.known
                or root_subject
                and not tok.ent_type_
            ):
                found.append((tok, root_subject, named.name))
    ctx.sent_people[index] = found
    return found


def _antecedent(ctx: _Context, pronoun: Token, gender: str) -> str | None:
    """The person a "he"/"she" stands for: the most recent compatible root subject, else
    the most recent compatible person, searched sentence by sentence backwards. A root
    subject that is itself "he"/"she" stands for its own antecedent."""
    if pronoun.i in ctx.antecedents:
        return ctx.antecedents[pronoun.i]
    ctx.antecedents[pronoun.i] = None  # no cycles
    index = bisect_right(ctx.sent_starts, pronoun.idx) - 1
    floor = ctx.paragraphs[max(0, ctx.para_of(pronoun.idx) - 3)][0]
    result = None
    while result is None and index >= 0 and ctx.sents[index].end_char > floor:
        people = [p for p in _sentence_people(ctx, index) if p[0].i < pronoun.i]
        ranked = [p for p in reversed(people) if p[1]] + [p for p in reversed(people) if not p[1]]
        for tok, _, name in ranked:
            if name is None:
                if (tok.lower_ in MASCULINE) == (gender == "m"):
                    result = _antecedent(ctx, tok, gender)
                    break
                continue
            if ctx.genders.get(name, gender) == gender:
                result = name
                break
        index -= 1
    ctx.antecedents[pronoun.i] = result
    return result


def _direct_subject(ctx: _Context, verb: Token, passive: bool = False) -> Token | None:
    """The active (or also passive) subject of ``verb`` nearest to it, outside quotes."""
    deps = {"nsubj", "nsubjpass"} if passive else {"nsubj"}
    subjects = [c for c in verb.children if c.dep_ in deps and not ctx.in_region(c.idx)]
    if not subjects:
        return None
    child = min(subjects, key=lambda c: abs(c.i - verb.i))
    if child.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return child


def _subject(ctx: _Context, tok: Token) -> Token | None:
    """Subject of a cue verb. Without one of its own ("..., adding"), the subject of the
    nearest reporting verb above it, else of the nearest verb above it."""
    own = _direct_subject(ctx, tok)
    if own is not None:
        return own
    if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.head.head.pos_ in {"VERB", "AUX"}:
        # "Trump issued a statement saying ...": the subject of the verb above the noun
        owner = _direct_subject(ctx, tok.head.head)
        return owner if owner is not None else tok.head
    if tok.dep_ in {"relcl", "acl"} and tok.head.pos_ in {"PROPN", "NOUN"}:
        return tok.head
    fallback = None
    current = tok
    for _ in range(4):
        if current.dep_ not in {"conj", "xcomp", "advcl", "ccomp"}:
            break
        current = current.head
        if current.pos_ not in {"VERB", "AUX"}:
            break
        subject = _direct_subject(ctx, current, passive=True)
        if subject is not None and _is_cue(current):
            return subject
        if fallback is None:
            fallback = subject
    return fallback


def _is_cue(tok: Token) -> bool:
    """A reporting verb in the active voice ("said", not "was reported")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    children = list(tok.children)
    if lemma == "go":
        return any(c.dep_ == "prt" and c.lower_ == "on" for c in children)
    if lemma in {"shoot", "fire", "hit", "push", "lash"}:  # "shot back"
        return any(c.dep_ == "prt" and c.lower_ in {"back", "out"} for c in children)
    if lemma == "put":  # "as Vulture put it"
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in children)
    if lemma not in REPORTING_VERBS:
        return False
    if lemma == "continue" and any(c.dep_ == "xcomp" for c in children):
        return False  # "will continue to be"
    if tok.tag_ == "VBN" and tok.i > 0 and tok.nbor(-1).lower_ in {"when", "as", "if", "once"}:
        return False  # "when asked", "as reported"
    return not any(c.dep_ in {"auxpass", "nsubjpass"} for c in children)


def _according_to(tok: Token) -> Token | None:
    """The object of "according to" when ``tok`` is "according"."""
    if tok.lower_ != "according":
        return None
    for child in tok.children:
        if child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        for obj in nxt.children:
            if obj.dep_ == "pobj":
                return obj
    return None


def _window_after(ctx: _Context, region: _Region) -> list[Token]:
    """Tokens after the closing mark up to the end of the clause, in the same paragraph.

    After a quote that ends its sentence (``."``) only a short ``Alenko said.`` counts.
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
        first = next((t for t in tokens if _is_cue(t)), None)
        if first is None or _takes_clause(first):
            return []
        if not _leads(tokens, first, _subject(ctx, first)):
            return []
    return tokens


def _takes_clause(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _in_short(ctx: _Context, char: int) -> bool:
    """``char`` is in a short quoted term (marks included), which windows step over."""
    return any(a <= char <= b for a, b in ctx.short)


def _window_before(ctx: _Context, region: _Region) -> list[Token]:
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


def _cues(ctx: _Context, window: Iterable[Token]) -> Iterator[tuple[Token, Token | None, bool]]:
    """(cue token, speaker token, is "according to") in window order."""
    for tok in window:
        obj = _according_to(tok)
        if obj is not None:
            yield tok, obj, True
        elif _is_cue(tok):
            yield tok, _subject(ctx, tok), False
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS:
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PROPN":
                yield tok, owner, False


def _fallback_speaker(
    ctx: _Context, cue: Token, window: Sequence[Token], after: bool, inverted: bool
) -> _Speaker | None:
    """A PERSON entity near a cue whose parse gives no usable subject: between the quote and
    the cue, else (when the cue has no subject at all) right after it ("said Alenko")."""
    if after:
        between = [t for t in window if t.i < cue.i]
    else:
        between = [t for t in window if t.i < cue.i][:12]
    following = []
    for tok in window if inverted and cue.lemma_.lower() != "tell" else ():
        # "said Mr. Gunnels": only titles and names between
        if tok.i <= cue.i:
            continue
        if tok.pos_ != "PROPN" and not _is_title(tok.text):
            break
        following.append(tok)
    for group in (between, following):
        for tok in group:
            if tok.dep_ in {"pobj", "poss"} and tok.head.dep_ != "agent":
                continue  # "one of the prosecutors for David Petraeus said"
            if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" and not tok.ent_type_:
                found = _named(ctx, tok)
                if found is not None and found.is_person:
                    return found
    return None


def _sentence_opener(ctx: _Context, cue: Token, region: _Region) -> _Speaker | None:
    """The first person named in the sentence before the quote: the implied subject of a
    participle cue ("Alenko defended the plan, saying ...") when the parse has none."""
    lo = max(cue.sent.start_char, ctx.paragraphs[region.para][0])
    for tok in cue.sent:
        if tok.idx < lo or ctx.in_region(tok.idx):
            continue
        if tok.idx >= region.start or tok.i >= cue.i:
            break
        if tok.ent_type_ == "PERSON":
            return _named(ctx, tok)
    return None


def _leads(window: Sequence[Token], cue: Token, subject: Token | None) -> bool:
    """The window opens with the cue and its own subject ("..., Alenko said" / "said
    Alenko"); a participle ("..., adding") does not lead."""
    if subject is None or subject.i not in {t.i for t in window}:
        return False
    scope = {t.i for t in subject.subtree}
    return all(t.is_punct or t.i in scope for t in window if t.i < cue.i)


def _in_subtree(tok: Token, cue: Token, subject: Token | None) -> bool:
    """``tok`` is governed by ``cue`` and not inside the subject phrase."""
    for anc in tok.ancestors:
        if subject is not None and anc == subject:
            return False
        if anc == cue:
            return True
    return False


def _attribute(ctx: _Context, region: _Region, fragment: bool) -> _Attribution | None:
    """The cue, speaker and relays of a quoted region, from the text around it."""
    after = _window_after(ctx, region)
    before = _window_before(ctx, region)
    found: list[tuple[Token, _Speaker | None, bool, int]] = []
    content_head = ctx.token_at(region.start)
    for window, order in ((after, 0), (before, 1)):
        for cue, subj, according in _cues(ctx, window):
            leads = order == 0 and _leads(window, cue, subj)
            governs = _in_subtree(content_head, cue, subj)
            if fragment and not (according or leads or governs):
                continue
            if subj is not None and ctx.para_of(subj.idx) != region.para:
                subj = None
            speaker = _speaker_of(ctx, subj) if subj is not None else None
            # "..., Alenko said" first, then a cue governing the quote, then the nearest
            tier = 0 if leads else 1000 if governs else 2000 + 1000 * order
            rank = tier + abs(cue.i - content_head.i)
            if cue.pos_ == "NOUN":
                rank += 300
            if speaker is None:
                speaker = _fallback_speaker(ctx, cue, window, order == 0, subj is None)
                rank += 500
            if speaker is None and subj is None and cue.tag_ == "VBG":
                speaker = _sentence_opener(ctx, cue, region)
                rank += 500
            found.append((cue, speaker, according, rank))
    if not any(f[1] is not None for f in found):
        intro = _colon_intro(ctx, region, before)
        if intro is not None:
            return intro
    if not found:
        return None
    found.sort(key=lambda f: f[3])
    primary = next((f for f in found if not f[2] and f[1] is not None and f[1].is_person), None)
    if primary is None:
        primary = next((f for f in found if f[1] is not None), found[0])
    cue_text = "according to" if primary[2] else primary[0].text
    speaker = primary[1]
    if speaker is None:
        return _Attribution(cue_text, None)
    # relays, innermost first: the outlet told, then other cues by distance from the quote
    relays = _recipients(ctx, primary[0])
    for cue, other, according, _ in found:
        if cue is not primary[0] and other is not None and other.name:
            if according or not other.is_person:
                relays.append(other.name)
    via = tuple(dict.fromkeys(r for r in reversed(relays) if r != speaker.name))
    return _Attribution(cue_text, speaker, via)


def _colon_intro(ctx: _Context, region: _Region, before: Sequence[Token]) -> _Attribution | None:
    """A quote introduced by a colon or a dash: "Alenko was blunt: '...'"."""
    if not before or before[0].text not in {":", "—", "–", "-", "--"}:
        return None
    clause = [t for t in before[1:] if t.text not in {":", "—", "–", "-", "--"}]
    if clause and clause[0].ent_type_ == "PERSON" and clause[0].dep_ not in OBJECTS:
        speaker = _named(ctx, clause[0])
        if speaker is not None:
            return _Attribution(before[0].text, speaker)
    for tok in clause:  # nearest first
        if tok.dep_ == "nsubj" and tok.head in clause:
            speaker = _speaker_of(ctx, tok)
            if speaker is not None and speaker.is_person:
                return _Attribution(tok.head.text, speaker)
            return None
    return None


def _recipients(ctx: _Context, cue: Token) -> list[str]:
    """Outlets a quote was told to: "X told the Northshore Post"."""
    if cue.lemma_.lower() != "tell":
        return []
    out: list[str] = []
    for child in cue.children:
        if child.dep_ in {"dobj", "dative"} and child.ent_type_ in {"ORG", "PERSON", "GPE"}:
            speaker = _speaker_of(ctx, child)
            if speaker is not None and speaker.name and not speaker.is_person:
                out.append(speaker.name)
    return out


# ---------------------------------------------------------------------------
# 3-4. regions to quotes


def _word_count(text: str) -> int:
    return len(text.split())


def _is_title_of_work(text: str) -> bool:
    """All content words capitalised ("The Art of the Deal", "Crooked Hillary")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with"}
    content = [w for w in words if w.lower() not in small]
    return bool(content) and all(w[0].isupper() for w in content) and text[-1:] not in "!?"


def _paragraph_is_quote(ctx: _Context, region: _Region) -> bool:
    lo, hi = ctx.paragraphs[region.para]
    return (region.end - region.start) >= 0.6 * (hi - lo)


def _intro_speaker(ctx: _Context, para: int, done: dict[int, _Attribution]) -> _Attribution | None:
    """The speaker a paragraph hands to a quote that follows it: the speaker of its last
    quote, or the person subject of its last sentence."""
    if para < 0:
        return None
    last = None
    for index, attribution in sorted(done.items()):
        if ctx.regions[index].para == para and attribution.speaker is not None:
            last = attribution
    if last is not None:
        return last
    lo, hi = ctx.paragraphs[para]
    index = bisect_right(ctx.sent_starts, hi - 1) - 1
    if index < 0 or ctx.sents[index].start_char < lo and index + 1 < len(ctx.sents):
        return None
    subjects = [t for t in ctx.sents[index] if t.idx >= lo and t.dep_ == "nsubj"]
    for tok in sorted(subjects, key=lambda t: not _is_root_subject(t)):
        speaker = _speaker_of(ctx, tok)
        if speaker is not None and speaker.is_person:
            if _is_root_subject(tok) or tok.ent_type_ == "PERSON":
                return _Attribution(tok.head.text, speaker)
    return None


def _signature(ctx: _Context, para: int) -> _Attribution | None:
    """A paragraph that only names who spoke the quote above it: "- Sanders."."""
    if para >= len(ctx.paragraphs):
        return None
    lo, hi = ctx.paragraphs[para]
    if hi - lo > 60 or not SIGNATURE.match(ctx.doc.text[lo:hi]):
        return None
    span = ctx.parsed.char_span(lo, hi, alignment_mode="expand")
    for tok in span or ():
        if tok.pos_ == "PROPN" and not (
            tok.dep_ in {"compound", "flat"} and tok.head.pos_ == "PROPN"
        ):
            speaker = _named(ctx, tok)
            if speaker is not None and speaker.name:
                return _Attribution(ctx.doc.text[lo], speaker)
    return None


def _direct_quotes(ctx: _Context) -> list[tuple[_Region, _Attribution | None]]:
    """Each speech region with its attribution (scare quotes left out)."""
    text = ctx.doc.text
    own: dict[int, _Attribution] = {}
    for index, region in enumerate(ctx.regions):
        fragment = _word_count(text[region.start : region.end]) < SHORT_WORDS
        attribution = _attribute(ctx, region, fragment)
        if attribution is not None:
            own[index] = attribution
    result: dict[int, _Attribution | None] = {}
    for index, region in enumerate(ctx.regions):
        attribution = own.get(index)
        if attribution is None and region.continues and index - 1 in result:
            attribution = result[index - 1]
        if attribution is None:
            attribution = _neighbour(ctx, index, own)
        if attribution is None and not region.continues:
            attribution = _paragraph_intro(ctx, region)
        if attribution is None and _paragraph_is_quote(ctx, region):
            attribution = _signature(ctx, region.para + 1)
        if attribution is None and _paragraph_is_quote(ctx, region):
            attribution = _intro_speaker(
                ctx, region.para - 1, {**own, **{k: v for k, v in result.items() if v is not None}}
            )
        if not _is_speech(text[region.start : region.end], attribution):
            continue
        result[index] = attribution
    return [(ctx.regions[i], a) for i, a in sorted(result.items())]


def _paragraph_intro(ctx: _Context, region: _Region) -> _Attribution | None:
    """The person subject of the sentence just before a quote in the same paragraph
    ("Mr. Slinker says there is good reason. '...'")."""
    lo = ctx.paragraphs[region.para][0]
    if region.start - lo < 15 or _word_count(ctx.doc.text[region.start : region.end]) < SHORT_WORDS:
        return None
    index = bisect_right(ctx.sent_starts, region.start - 2) - 1
    for sent in ctx.sents[max(0, index - 1) : index + 1][::-1]:
        if sent.start_char < lo:
            continue
        for tok in sent:
            if tok.idx >= region.start - 1:
                break
            if _is_root_subject(tok) and not ctx.in_region(tok.idx):
                speaker = _speaker_of(ctx, tok)
                if speaker is not None and speaker.is_person:
                    return _Attribution(tok.head.text, speaker)
    return None


def _is_speech(body: str, attribution: _Attribution | None) -> bool:
    """Speech, not a scare quote or a title: long, or a fragment with a cue."""
    words = _word_count(body)
    if _is_title_of_work(body) and words < 8:
        return False
    if words >= SHORT_WORDS:
        return True
    return attribution is not None and (attribution.speaker is not None or words > 1)


def _neighbour(ctx: _Context, index: int, own: dict[int, _Attribution]) -> _Attribution | None:
    """Attribution of the nearest quote in the same paragraph (a quote split by its cue).

    A fragment only continues the quote right before it ("'...,' he said, 'fragment'").
    """
    region = ctx.regions[index]
    para = region.para
    if _word_count(ctx.doc.text[region.start : region.end]) < SHORT_WORDS:
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
            if found is not None and found.speaker is not None:
                return found
            j += step
    return None


# ---------------------------------------------------------------------------
# 6. reported speech


def _reported(ctx: _Context) -> Iterator[tuple[int, int, _Attribution]]:
    """Clauses of reporting verbs outside quotes: ``X said that <clause>``."""
    for tok in ctx.parsed:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORTED_VERBS:
            continue
        if ctx.in_region(tok.idx):
            continue
        clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        subject = _subject(ctx, tok)
        if clause is None or subject is None:
            continue
        span = _clause_span(clause)
        if span is None or span[0] <= tok.idx < span[1]:
            continue
        start, end = span
        quoted = sum(min(r.end, end) - max(r.start, start) for r in _overlapping(ctx, start, end))
        if quoted > 0.5 * (end - start):
            continue
        speaker = _speaker_of(ctx, subject)
        yield start, end, _Attribution(tok.text, speaker, _sentence_relays(ctx, tok, speaker))


def _according_reported(ctx: _Context) -> Iterator[tuple[int, int, _Attribution]]:
    """``According to X, <clause>`` and ``<clause>, according to X``."""
    for tok in ctx.parsed:
        obj = _according_to(tok)
        if obj is None or ctx.in_region(tok.idx) or tok.head.pos_ not in {"VERB", "AUX"}:
            continue
        phrase = {t.i for t in tok.subtree}
        runs: list[list[Token]] = [[]]
        for t in tok.head.subtree:
            if t.i in phrase:
                runs.append([])
            else:
                runs[-1].append(t)
        tokens = max(runs, key=len)
        while tokens and (tokens[0].is_punct or tokens[0].is_quote or tokens[0].is_space):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_quote or tokens[-1].is_space):
            tokens = tokens[:-1]
        if len(tokens) < 3:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        quoted = sum(min(r.end, end) - max(r.start, start) for r in _overlapping(ctx, start, end))
        if quoted > 0.5 * (end - start):
            continue
        yield start, end, _Attribution("according to", _speaker_of(ctx, obj))


def _clause_span(clause: Token) -> tuple[int, int] | None:
    """Characters of a clause without its "that", punctuation and quote marks at the edges."""
    tokens = list(clause.subtree)
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct or tokens[0].is_quote):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_quote):
        tokens = tokens[:-1]
    if len(tokens) < 3:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _sentence_relays(ctx: _Context, cue: Token, speaker: _Speaker | None) -> tuple[str, ...]:
    """Relays of reported speech: the outlet told, and "according to" an organisation."""
    if speaker is None:
        return ()
    relays = _recipients(ctx, cue)
    for tok in cue.sent:
        obj = _according_to(tok)
        if obj is not None:
            found = _speaker_of(ctx, obj)
            if found is not None and found.name and not found.is_person:
                relays.append(found.name)
    return tuple(dict.fromkeys(r for r in reversed(relays) if r != speaker.name))


def _overlapping(ctx: _Context, start: int, end: int) -> list[_Region]:
    return [r for r in ctx.regions if r.start < end and start < r.end]


# ---------------------------------------------------------------------------
# public entry point


def _context(doc: Document, parsed: SpacyDoc) -> _Context:
    paragraphs = _paragraphs(doc.text)
    ctx = _Context(doc, parsed, paragraphs, [t.idx for t in parsed], _people(parsed))
    ctx.regions = _find_regions(doc.text, paragraphs)
    ctx.region_starts = [r.start for r in ctx.regions]
    for region in ctx.regions:
        ctx.mark_chars.add(region.opener)
        if region.close >= 0:
            ctx.mark_chars.add(region.close)
            if _word_count(doc.text[region.start : region.end]) < SHORT_WORDS:
                ctx.short.append((region.opener, region.close))
    ctx.sents = list(parsed.sents)
    ctx.sent_starts = [sent.start_char for sent in ctx.sents]
    _resolve_people(ctx)
    return ctx


def _quote(
    doc: Document, start: int, end: int, attribution: _Attribution | None, direct: bool
) -> Quote:
    span = doc.span(start, end)
    speaker = attribution.speaker if attribution else None
    return Quote(
        span=span,
        text=doc.text[start:end],
        speaker=speaker.name if speaker else None,
        speaker_role=speaker.role if speaker else None,
        via=attribution.via if attribution else (),
        direct=direct,
        speaker_span=doc.span(speaker.start, speaker.end) if speaker else None,
        cue=attribution.cue if attribution else None,
    )


def extract_quotes(doc: Document, parsed: SpacyDoc) -> tuple[Quote, ...]:
    """Direct quotes and reported speech of ``doc``, in text order.

    ``parsed`` is spaCy's parse of exactly ``doc.text``.
    """
    if parsed.text != doc.text:
        raise ValueError(f"the parse does not match the text of document {doc.id!r}")
    ctx = _context(doc, parsed)
    quotes = [_quote(doc, r.start, r.end, a, True) for r, a in _direct_quotes(ctx)]
    quotes += [_quote(doc, s, e, a, False) for s, e, a in _reported(ctx)]
    quotes += [_quote(doc, s, e, a, False) for s, e, a in _according_reported(ctx)]
    return tuple(sorted(quotes, key=lambda q: (q.span.start, q.span.end)))
