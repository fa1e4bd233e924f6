"""Rule-based sentence splitting with exact character offsets, and boilerplate detection.

`split_sentences` cuts a clean text into `Sentence` records whose ``start:end`` index the
text itself (no normalisation), so a summary can cite the exact characters it took. A
boundary is a ``.``, ``!`` or ``?`` (optionally followed by closing quotes or brackets),
then whitespace, then something that can open a sentence (a capital, a digit, an opening
quote). A full stop after an abbreviation ("Mr.", "Adm.", "Oct. 12"), an initial ("John
F. Kennedy") or a dotted acronym ("U.S. Navy") is not a boundary, unless the next word is
a function word that typically opens a sentence ("... in the U.S. The ..."). A blank line
always ends a sentence; a single line break does too unless it sits inside a wrapped
sentence (a lowercase letter or comma before it and a lowercase letter after it).

`is_boilerplate` flags sentences a summary must never use: captions and photo credits,
navigation ("READ MORE: ...", "Read related articles"), bylines, datelines alone,
copyright lines, links, quote fragments without their speaker, and very short fragments.

`tokens`, `stem` and `concepts` give the word features the summary compares sentences by:
lowercased tokens, a light suffix-stripping stem, and stemmed bigrams that are not two
stopwords (the concepts of Gillick & Favre's ICSI summariser).

`lead_trim` says how many leading characters of a sentence a summary may drop: a wire
dateline ("TESSEL, Oct 12 (Meridian Wire) - ") or a connective that only makes sense
after the previous sentence ("But", "Meanwhile,").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Concept = tuple[str, str]

__all__ = [
    "STOPWORDS",
    "Concept",
    "Sentence",
    "concepts",
    "dice",
    "is_boilerplate",
    "lead_trim",
    "split_sentences",
    "stem",
    "tokens",
    "unquoted_words",
    "word_count",
]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == source[start:end]`` of the text it was split from."""

    start: int
    end: int
    text: str


# Abbreviations after which a full stop never ends a sentence (titles, "No. 5", "vs.").
_TITLES = frozenset(
    """mr mrs ms dr prof sen rep gov gen adm lt col capt cpt sgt maj cmdr cmdt rev fr
    st mt ft pres supt insp det gens sens reps messrs hon atty vs v no nos vol fig approx
    ca cf esp dept est univ ave blvd rd""".split()
)
# Month abbreviations: no boundary before a day number ("Oct. 12").
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Abbreviations that often end a sentence too ("Smith Jr.", "Acme Inc.").
_AMBIGUOUS = frozenset("jr sr inc co corp ltd plc llc bros etc al".split())
# Words that open sentences: after an ambiguous abbreviation, a capitalised one of these
# means the abbreviation also ended the sentence.
_STARTERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there
    but and or so yet if when while as after before since although though because in on
    at by for from with without about during under over into of to also however meanwhile
    still now then later earlier instead many most some no not one two three what who how
    why where which police officials""".split()
)

_BOUNDARY = re.compile(r"[.!?]+(?:''|[\"'\u201d\u2019\u00bb)\]])*(?=\s)")
_OPENERS = "\"'`\u201c\u2018\u00ab([" + "0123456789"
_WORD_BEFORE = re.compile(r"(\S+)$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")


def word_count(text: str) -> int:
    """Words as ROUGE and the word cap count them: runs of non-whitespace."""
    return len(text.split())


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with offsets into it (whitespace-trimmed, none empty)."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        start = block_start
        for cut in _cuts(text, block_start, block_end):
            _add(text, start, cut, sentences)
            start = cut
        _add(text, start, block_end, sentences)
    return sentences


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))


def _blocks(text: str) -> list[tuple[int, int]]:
    """Character ranges between hard line breaks."""
    blocks: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"[ \t\r\f\v]*\n\s*", text):
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        blank = match.group().count("\n") >= 2
        wrapped = (before.islower() or before in ",;-") and after.islower()
        if blank or not wrapped:
            blocks.append((start, match.start()))
            start = match.end()
    blocks.append((start, len(text)))
    return blocks


def _cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets inside ``text[start:end]`` where a new sentence begins."""
    cuts: list[int] = []
    for match in _BOUNDARY.finditer(text, start, end):
        nxt = match.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        if _is_boundary(text, start, match.start(), match.end(), nxt, end):
            cuts.append(nxt)
    return cuts


def _is_boundary(text: str, block: int, mark: int, mark_end: int, nxt: int, end: int) -> bool:
    first = text[nxt]
    if not (first.isupper() or first in _OPENERS):
        return False
    punct = text[mark:mark_end]
    if punct != ".":
        return True  # "!", "?", "...", or a full stop followed by a closing quote
    word_match = _WORD_BEFORE.search(text, block, mark_end)
    word = word_match.group(1) if word_match else ""
    word = word.lstrip("\"'`(\u201c\u2018[")
    bare = word[:-1].lower()
    next_word = re.match(r"[\w']+", text[nxt:end])
    starter = bool(next_word) and next_word.group().lower() in _STARTERS  # type: ignore[union-attr]
    if bare in _TITLES:
        return False
    if bare in _MONTHS:
        return not first.isdigit() and starter
    if _INITIAL.match(word):
        return False
    if _DOTTED.match(word) or bare in _AMBIGUOUS:
        return starter
    return True


# ---------------------------------------------------------------------------------------------
# Boilerplate

_NOISE = re.compile(
    r"""
    \b(?:photo|photograph|image|picture|video|credit|caption|graphic)s?\s*:
    | \((?:photos?|image|picture|credit|file\ photo|video)\b
    | \bgetty\ images\b | \b(?:AP|AFP|EPA|Reuters)\ (?:photo|images?)\b
    | /(?:AP|AFP|EPA|Reuters|Getty)\b
    | \bread\ (?:more|related|also|next)\b | \brelated\ (?:articles?|stories|coverage)\b
    | ^related\s*: | \bsee\ also\b | \bclick\ here\b | \bsign\ up\b
    | \bsubscribe\ (?:to|now|today|here)\b | \bnewsletter\b | \bfollow\ (?:us|him|her|me)\ on\b
    | \bshare\ (?:this|on)\b | ^advertisement$ | \ball\ rights\ reserved\b | \bcopyright\b
    | \u00a9 | \(c\)\s*\d{4} | \bterms\ of\ (?:use|service)\b | \bprivacy\ policy\b
    | \bcookie\ policy\b | \bwe\ use\ cookies\b | https?:// | \bwww\. | \S+@\S+\.[a-z]{2,}
    | \b(?:reporting|editing|writing|additional\ reporting)\ by\b
    | \bcontributed\ (?:to\ )?(?:this|reporting)\b | \b(?:staff|associated\ press)\ writer\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'\-]*(?:\s+(?:[A-Z][\w.'\-]*|and|de|van|von)){0,5}[,.]?$")
_DATELINE = re.compile(
    r"""^[A-Z]{2}[A-Z.'\-]*(?:\s+[A-Z]{2}[A-Z.'\-]*){0,3}      # place in capitals
    (?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)?              # , State / , Oct
    (?:\s+\d{1,2})?                                              # day
    \s*(?:\([^()]{1,40}\))?                                      # (Agency)
    \s*(?:[-\u2013\u2014_]{1,2}\s+|:\s+|$)                       # separator
    """,
    re.VERBOSE,
)
_CONNECTIVE = re.compile(
    r"^(?:But|And|Yet|So|Also|However|Meanwhile|Still|Moreover|Furthermore|Nevertheless|"
    r"Nonetheless|Instead|Separately|Besides|Indeed|Then|Now|Thus|Likewise|Similarly|"
    r"In addition|In other developments|On the other hand|At the same time|Elsewhere),?\s+"
)
_OPEN_QUOTES = ("``", "\u201c", "\u2018")
_CLOSE_QUOTES = ("''", "\u201d", "\u2019")
_QUOTE_MARK = re.compile(r"``|''|[\"\u201c\u201d]")
MIN_WORDS = 5


def lead_trim(sentence: str) -> int:
    """How many leading characters of ``sentence`` a summary may drop (dateline, connective).

    The rest must still open like a sentence (a capital, a digit or a quote mark);
    otherwise nothing is dropped.
    """
    cut = 0
    dateline = _DATELINE.match(sentence)
    if dateline and dateline.end() < len(sentence):
        cut = dateline.end()
    connective = _CONNECTIVE.match(sentence, cut)
    if connective:
        rest = sentence[connective.end() :]
        if rest[:1].isupper() or rest[:1].isdigit() or rest.startswith(("``", '"', "\u201c")):
            cut = connective.end()
    if cut and word_count(sentence[cut:]) < MIN_WORDS:
        return 0
    return cut


def unquoted_words(sentence: str) -> int:
    """Words of ``sentence`` outside quotation marks (an unclosed quote runs to the end)."""
    inside = False
    outside: list[str] = []
    last = 0
    for mark in _QUOTE_MARK.finditer(sentence):
        token = mark.group()
        before = sentence[mark.start() - 1] if mark.start() else " "
        after = sentence[mark.end()] if mark.end() < len(sentence) else " "
        if token in _OPEN_QUOTES:
            opening = True
        elif token in _CLOSE_QUOTES:
            opening = False
        else:  # a straight quote: opening when it hugs the word after it
            opening = (before.isspace() or before in "([") and not after.isspace()
        if opening and not inside:
            outside.append(sentence[last : mark.start()])
            inside = True
        elif not opening:
            if inside:
                inside = False
            else:  # closes a quote opened in an earlier sentence: all before was quoted
                outside.clear()
            last = mark.end()
    if not inside:
        outside.append(sentence[last:])
    return sum(word_count(part) for part in outside)


def is_boilerplate(sentence: str) -> bool:
    """True when ``sentence`` must never appear in a summary."""
    text = sentence.strip()
    words = word_count(text)
    if words < MIN_WORDS or text[:1].islower():
        return True
    if _NOISE.search(text) or _BYLINE.match(text):
        return True
    dateline = _DATELINE.match(text)
    if dateline and word_count(text[dateline.end() :]) < MIN_WORDS:
        return True
    if text[-1] not in ".!?\"'\u201d\u2019)":
        return True  # a heading, a caption or a truncated line
    has_quote = _QUOTE_MARK.search(text) is not None
    return has_quote and unquoted_words(text) < 3


# ---------------------------------------------------------------------------------------------
# Words, stems, bigram concepts (the features the summary compares sentences by)

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself also said
    says say told may might must shall s t""".split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def stem(word: str) -> str:
    """A light English suffix stripper (plurals, -ed, -ing, -ly, final -e).

    Enough to merge the variants a bigram concept should not tell apart ("injured",
    "injures", "injuring" -> "injur"); not a full Porter stemmer.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ingly", "edly", "ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if not any(v in base for v in "aeiouy"):
                continue
            if base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            return base
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def tokens(text: str) -> list[str]:
    """Lowercased word tokens, possessive 's removed."""
    return [t[:-2] if t.endswith("'s") else t for t in _TOKEN.findall(text.lower())]


def concepts(text: str) -> frozenset[Concept]:
    """Stemmed bigrams of ``text`` that are not made of two stopwords."""
    words = tokens(text)
    stems = [stem(w) for w in words]
    return frozenset(
        (stems[i], stems[i + 1])
        for i in range(len(words) - 1)
        if not (words[i] in STOPWORDS and words[i + 1] in STOPWORDS)
    )


def dice(a: frozenset[Concept], b: frozenset[Concept]) -> float:
    """Dice coefficient of two bigram sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
