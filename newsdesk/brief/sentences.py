"""What the summary needs of a sentence: whether it is boilerplate, what it may drop, and
the word features it is compared by. Sentences themselves come from the one splitter,
`newsdesk.sentences`.

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

from newsdesk.lang.en.discourse import CONNECTIVES
from newsdesk.lang.en.layout import DATELINE
from newsdesk.lang.en.stop_words import STOP_WORDS
from newsdesk.layout import is_furniture
from newsdesk.sentences import Sentence, ends_sentence, split_sentences, word_count

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


# ---------------------------------------------------------------------------------------------
# Boilerplate

_CONNECTIVE = re.compile(r"^(?:" + "|".join(map(re.escape, CONNECTIVES)) + r"),?\s+")
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
    dateline = DATELINE.match(sentence)
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
    if is_furniture(text):
        return True
    dateline = DATELINE.match(text)
    if dateline and word_count(text[dateline.end() :]) < MIN_WORDS:
        return True
    if not ends_sentence(text):
        return True  # a heading, a caption or a truncated line
    has_quote = _QUOTE_MARK.search(text) is not None
    return has_quote and unquoted_words(text) < 3


# ---------------------------------------------------------------------------------------------
# Words, stems, bigram concepts (the features the summary compares sentences by)

STOPWORDS = STOP_WORDS
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
