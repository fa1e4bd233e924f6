"""Headlines in the copy: a name running on into a title-case headline, and "people"
that are only words of the headline.

- *cut* a PERSON name that runs on into the words of a headline-like line ("Ivo Brandt
  Quits Over Deal") back to the name the document gives elsewhere, else to the
  headline's verb, and one that the headline's words run into ("Sixers Hire Ana Lenz")
  back to that name (`headline_names`);
- *drop* "people" that are only words of the document's headline ("Daring Ruby Theft in
  Old Valmont", `headline_phrases`), and names of other things that are pieces of the
  headline's sentence ("Release Date May Be Pushed Back", `_headline_clause`).

Both read candidates of `ner_fixes` (`Cand`) and change or filter them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from newsdesk.annotate.names import (
    given_name,
    is_initial,
    name_shaped,
    plain_word,
    surnames_of,
    whole_word,
)
from newsdesk.annotate.ner_fixes import Cand
from newsdesk.annotate.nlp import text_of
from newsdesk.lang.en.names import PARTICLES, SUFFIXES
from newsdesk.layout import headline

__all__ = ["headline_names", "headline_phrases"]

HEADLINE_CAPITALISED = 0.6  # share of a line's words capitalised for it to be a headline
VERB_TAGS = frozenset({"VBZ", "VBD", "VBP"})
CLAUSE_TAGS = VERB_TAGS | {"MD", "RP"}  # a verb, a modal or a verb's particle ("Snaps Up")


def headline_names(parsed: SpacyDoc, cands: list[Cand]) -> None:
    """Cut a PERSON name that runs on into the words of a headline-like line (title case,
    no final stop: "Ivo Brandt Quits Over Ferry Deal") back to the name the document gives
    elsewhere ("Ivo Brandt", or a full name ending with a known surname), else back to
    the verb of the headline (`_headline_verb`)."""
    names = {c.text(parsed).casefold() for c in cands if c.label == "PERSON"}
    surnames = {s.casefold() for n in names for s in surnames_of(n)}
    for c in cands:
        if c.label != "PERSON" or c.end - c.start < 3 or not _in_headline(parsed, c.start):
            continue
        for k in range(c.end - 1, c.start, -1):
            if plain_word(parsed[k]) in SUFFIXES | PARTICLES:
                continue  # "Ivo Brandt Jr.": the suffix is the name's
            prefix = parsed[c.start : k]
            known = prefix.text.casefold() in names
            if known or (k - c.start > 1 and prefix[-1].lower_ in surnames):
                c.end = k
                break
        else:
            c.end = _headline_verb(parsed, c.start, c.end)
    written = {
        c.text(parsed).casefold()
        for c in cands
        if c.label == "PERSON" and not _in_headline(parsed, c.start)
    }
    lowercase = {t.text for t in parsed if t.is_lower and t.is_alpha}
    for c in cands:
        if c.label == "PERSON" and c.end - c.start >= 2 and _in_headline(parsed, c.start):
            _cut_words_before(parsed, c, names, surnames, written, lowercase)


def _cut_words_before(
    parsed: SpacyDoc,
    cand: Cand,
    names: set[str],
    surnames: set[str],
    written: set[str],
    lowercase: set[str],
) -> None:
    """Cut the headline's words before a name ("Sixers Hire Ana Lenz", "Rule Vale Made
    Stands") back to the name the document gives elsewhere: a full name ("Ana Lenz")
    after words none of which may be a given name or an initial, or a surname it gives
    a person after words that are verbs of the parse or written in lowercase in the
    body ("rule"). Never when the body writes the whole form: "Jack Del Rio" stays whole
    beside "Del Rio", and "- Liam Dorn" in a list beside "Dorn". ``lowercase``: the words
    the document writes in lowercase."""
    if cand.text(parsed).casefold() in written:
        return
    plain = named = True
    for k in range(cand.start + 1, cand.end):
        word = parsed[k - 1]
        plain = plain and (word.tag_.startswith("VB") or word.lower_ in lowercase)
        named = named and not (given_name(word.text) or is_initial(word))
        rest = parsed[k : cand.end]
        known = rest.text.casefold() in names
        if (named and known and len(rest) > 1) or (
            plain and (known or rest.text.casefold() in surnames)
        ):
            cand.start = k
            return


def headline_phrases(parsed: SpacyDoc, cands: list[Cand]) -> list[Cand]:
    """The candidates less the "people" that are words of the document's headline (its
    first line, in title case with no final stop, before body text: "Daring Ruby Theft in
    Old Valmont"): a name of two words or more inside the longer headline, with no given
    name or initial, whose last word the body never writes with a capital, but after
    "the"."""
    text = text_of(parsed)
    title = headline(text)
    if title is None:
        return cands
    end = text.index(title) + len(title)
    body = text[end:]
    if not _headline_line(title):
        return cands
    return [
        c
        for c in cands
        if not _headline_phrase(parsed, c, title, end, body)
        and not _headline_clause(parsed, c, end, body)
    ]


def _headline_phrase(parsed: SpacyDoc, cand: Cand, title: str, end: int, body: str) -> bool:
    """Whether a PERSON candidate is only words of the headline (`headline_phrases`): the
    body never writes its last word, where a person's surname would be, as a name ("Colts
    Top Jags" when the body has only "the Jags")."""
    words = parsed[cand.start : cand.end]
    if cand.label != "PERSON" or len(words) < 2 or words.end_char > end:
        return False
    if len(title.split()) <= len(words) or not _headline_line(title):
        return False
    if _headline_verb_at_edge(words, body):
        return True  # "Gulls Beat Harwick", "Vale Returns to Court": a verb of the headline
    if any(given_name(t.text) or is_initial(t) for t in words):
        return False
    last = [t.text for t in words if t.is_alpha][-1:]
    return not any(_written_as_a_name(w, body) for w in last)


def _written_as_a_name(word: str, body: str) -> bool:
    """Whether the body writes ``word`` capitalised as it is, not after "the"."""
    found = re.search(rf"(?<!the )(?<!The ){whole_word(word)}", body)
    return found is not None


def _headline_verb_at_edge(words: SpacySpan, body: str) -> bool:
    """Whether the first or last word of a name in a headline is the headline's verb in
    the present tense ("Tops", "Returns", "Beats"): a capitalised word ending in a
    lowercase "s", no given name, that the body never writes as a name."""
    edges = {words[0], words[-1]}
    return any(
        t.is_alpha
        and t.text[0].isupper()
        and t.text.endswith("s")
        and not t.text.endswith("ss")
        and not given_name(t.text)
        and not _written_as_a_name(t.text, body)
        for t in edges
    )


def _headline_clause(parsed: SpacyDoc, cand: Cand, end: int, body: str) -> bool:
    """Whether a name of something other than a person is a piece of the headline's
    sentence ("Release Date for Moonfall Sequel May Be Pushed Back", "Talks for Starfall
    Sequel Collapse", "Valtrix Snaps Up Harbour Consulting Firm"): three words or more
    of the headline that the body never writes, holding a verb or a particle of the
    parse after its first word ("May", "Up"), or a content word the body writes in
    lowercase ("sequel", "consulting")."""
    words = parsed[cand.start : cand.end]
    if cand.label == "PERSON" or len(words) < 3 or words.end_char > end or words.text in body:
        return False
    if any(t.tag_ in CLAUSE_TAGS for t in words[1:]):
        return True
    return any(
        t.is_alpha and not t.is_stop and re.search(whole_word(t.lower_), body) is not None
        for t in words
    )


def _headline_verb(parsed: SpacyDoc, start: int, end: int) -> int:
    """Where a name in a headline stops: at the verb the parse finds, else before the word
    ahead of its first function word ("Ivo Brandt Steps Into Row": "Steps" is the verb of
    "Into"), when two words are left; else at ``end``."""
    verbs = [t.i for t in parsed[start + 1 : end] if t.tag_ in VERB_TAGS]
    stops = [t.i for t in parsed[start + 2 : end] if t.is_stop and t.lower_ not in PARTICLES]
    cut = verbs[0] if verbs else stops[0] - (stops[0] - 1 - start >= 2) if stops else end
    if not all(name_shaped(t) or t.lower_ in PARTICLES for t in parsed[start:cut]):
        return end  # 'Ivo "The Hat" Brandt': a nickname, no headline words
    return cut


def _in_headline(parsed: SpacyDoc, i: int) -> bool:
    """Whether token ``i`` is on a line written as a headline: most words capitalised, no
    sentence punctuation at its end."""
    return _headline_line(_line_of(parsed, i))


def _line_of(parsed: SpacyDoc, i: int) -> str:
    """The line of the text holding token ``i``, stripped."""
    text = text_of(parsed)
    start = text.rfind("\n", 0, parsed[i].idx) + 1
    end = text.find("\n", parsed[i].idx)
    return text[start : end if end >= 0 else len(text)].strip()


def _headline_line(line: str) -> bool:
    """Whether a line is written as a headline: most words capitalised, no full stop or
    closing quotation mark at its end."""
    line = line.strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words or line[-1] in ".\"'”’":  # "Lenz Cast as Lead!" is a headline
        return False
    return sum(w[0].isupper() for w in words) >= HEADLINE_CAPITALISED * len(words)
