"""Tests of a token's or a name's shape in news copy.

The word lists (titles, honorifics and their abbreviations, demonyms, countries, months,
surname-first family names, name particles) live in `newsdesk.lang.en`; the separators
and the small predicates built on them live here: is this token a title ("Mayor",
"Dr."), an honorific ("Mr."), an initial ("K.", not "U.S."), a country; which words of
a full name may stand alone for it; where a name pattern the model misses ends ("K.
Curran", "Ri Jong Ho", "Rhee Dong-su").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nicknames import NickNamer
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from newsdesk.annotate.nlp import text_of
from newsdesk.lang.en.calendar import MONTHS
from newsdesk.lang.en.names import PARTICLES, SUFFIXES, SURNAME_FIRST
from newsdesk.lang.en.places import COUNTRIES, PLACE_ABBREVIATIONS
from newsdesk.lang.en.stop_words import PREPOSITIONS
from newsdesk.lang.en.titles import ABBREVIATIONS, CREDENTIALS, HONORIFICS, TITLE_WORDS

SPLIT_WORDS = frozenset({"v", "v.", "vs", "vs.", "versus", "at"})
SPLIT_PUNCT = frozenset("()[]{},;:/|")
DASHES = frozenset({"-", "–", "—", "--"})
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
JOINERS = frozenset({"of", "the", "for", "and", "&", "-"})
STATE_WORDS = frozenset({"late", "then", "now"})
NOT_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U."}) | PLACE_ABBREVIATIONS
TRANSCRIPT_MARKERS = frozenset({"Q.", "A."})  # question and answer of an interview
INITIAL = re.compile(r"^(?:[A-Z]\.){1,2}$")
ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")  # "AMD", "U.N.", "TSMC": a name's initials


def given_name(word: str) -> bool:
    """A given name with a familiar form or a formal one in the nickname table ("Michael",
    "Tom"); a company's or a place's name is neither."""
    names = _nicknamer()
    key = word.casefold()
    return bool(names.nicknames_of(key) or names.canonicals_of(key))


@cache
def _nicknamer() -> NickNamer:
    """The nickname table (the `nicknames` package), read once."""
    return NickNamer()


def has_digit(text: str) -> bool:
    """Whether ``text`` contains a digit (numbers are never part of a name)."""
    return any(c.isdigit() for c in text)


def plain_word(tok: Token) -> str:
    """A token's lowercase form without a trailing full stop ("Adm." → "adm")."""
    return tok.lower_.rstrip(".")


def is_honorific(tok: Token) -> bool:
    return plain_word(tok) in HONORIFICS and tok.text[0].isupper()


def is_abbrev_title(tok: Token) -> bool:
    """A capitalised title abbreviation or honorific ("Dr.", "Adm", "Mr.")."""
    return tok.text[0].isupper() and (plain_word(tok) in ABBREVIATIONS or is_honorific(tok))


def is_title(tok: Token) -> bool:
    """A title or honorific that can stand before a name."""
    return is_abbrev_title(tok) or plain_word(tok) in TITLE_WORDS


def after_title_of(parsed: SpacyDoc, i: int) -> bool:
    """Whether token ``i`` opens what follows the "of" of a capitalised title ("Chief of
    Police ...", "Secretary of the Treasury ..."): the title's complement, no given name
    of the person named after it."""
    k = i - 1
    if k >= 0 and parsed[k].lower_ == "the":
        k -= 1
    if k < 1 or parsed[k].lower_ != "of":
        return False
    title = parsed[k - 1]
    return title.text[:1].isupper() and is_title(title)


def is_country(text: str) -> bool:
    return " ".join(text.split()).casefold() in COUNTRIES


def is_initial(tok: Token) -> bool:
    """A personal initial ("K.", "J.J."), not a country abbreviation, closed up ("U.S.")
    or spaced ("U. S.", as some wire copy writes it)."""
    return (
        bool(INITIAL.match(tok.text))
        and tok.text not in NOT_INITIALS
        and not _spaced_abbreviation(tok)
    )


def _spaced_abbreviation(tok: Token) -> bool:
    """Whether a one-letter initial is part of a run of them, one space apart, that spells
    a country abbreviation ("U. S." → "U.S.")."""
    if len(tok.text) != 2:
        return False
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and _one_letter(doc[start - 1]) and doc[start - 1].whitespace_ == " ":
        start -= 1
    while end < len(doc) and _one_letter(doc[end]) and doc[end - 1].whitespace_ == " ":
        end += 1
    return end - start > 1 and "".join(t.text for t in doc[start:end]) in NOT_INITIALS


def _one_letter(tok: Token) -> bool:
    return len(tok.text) == 2 and bool(INITIAL.match(tok.text))


def answer_marker(tok: Token) -> bool:
    """A one-letter initial opening a sentence or a line before a word that is no proper
    noun: the "A." or "Q." of an interview transcript ("A. Absolutely.", "Q. Do you
    ..."), not a person's initial ("K. Curran said"); before a proper noun too, in a
    document laid out as an interview (`_transcript`: "Q. Orland is the biggest ...")."""
    doc = tok.doc
    if len(tok.text) != 2 or not INITIAL.match(tok.text) or tok.i + 1 >= len(doc):
        return False
    if not _opens_line_or_sentence(tok):
        return False
    return doc[tok.i + 1].pos_ != "PROPN" or (tok.text in TRANSCRIPT_MARKERS and _transcript(doc))


def _opens_line_or_sentence(tok: Token) -> bool:
    """Whether a token opens the document, a sentence or a line."""
    return tok.i == 0 or bool(tok.is_sent_start) or "\n" in tok.doc[tok.i - 1].whitespace_


def _transcript(doc: SpacyDoc) -> bool:
    """Whether the document is laid out as an interview: both "Q." and "A." open a
    sentence or a line somewhere in it ("Q. Orland is the second-biggest. Why? A. In
    the first decade ..."), so that "Q." before a name is a question's mark ("Q.
    Orland is ..."), no initial."""
    opening = {t.text for t in doc if t.text in TRANSCRIPT_MARKERS and _opens_line_or_sentence(t)}
    return opening == TRANSCRIPT_MARKERS


LONGEST_CREDENTIAL = 4  # tokens of one credential ("M." "B." "A.", "Ph.D.")


def credentials(parsed: SpacyDoc, name_ends: set[int]) -> list[tuple[int, int]]:
    """Character ranges of the credentials written after a person's name and a comma
    ("Ana Vale, MD,", "Ana Vale, M. D., M. B. A.,", "Ivo Brandt, PhD"): degrees and
    post-nominal letters (`CREDENTIALS`), capitalised, each up to the next comma, stop or
    bracket; the next may follow the last. ``name_ends`` are the token indices right
    after a PERSON name ("Bethesda, MD" is a place and its state)."""
    found: list[tuple[int, int]] = []
    after = set(name_ends)
    for comma in sorted(i for i in range(1, len(parsed) - 1) if parsed[i].text == ","):
        if comma not in after:
            continue
        end = _credential_end(parsed, comma + 1)
        if end:
            found.append((parsed[comma + 1].idx, parsed[end - 1].idx + len(parsed[end - 1])))
            after.add(end)
    return found


def _credential_end(parsed: SpacyDoc, start: int) -> int:
    """Where a credential starting at token ``start`` ends (0 when there is none): its
    tokens' letters, capitalised, spell one of `CREDENTIALS`, and a comma, a stop, a
    bracket or the end of the text follows."""
    letters = ""
    for end in range(start, min(start + LONGEST_CREDENTIAL, len(parsed))):
        tok = parsed[end]
        if not tok.text[:1].isupper() or not tok.text.replace(".", "").isalpha():
            return 0
        letters += tok.text.replace(".", "").casefold()
        follows = parsed[end + 1].text if end + 1 < len(parsed) else "."
        if letters in CREDENTIALS and follows in {",", ".", ";", ")"}:
            return end + 1
    return 0


def capitalised(tok: Token) -> bool:
    """A capitalised word that is not a title or a stop word."""
    plain = not (tok.is_upper or tok.is_stop or is_title(tok))
    return tok.is_alpha and tok.text[0].isupper() and plain


NAME_WORD = re.compile(r"[^\W\d_][^\W\d_]*(?:['’][^\W\d_]+)*")


def name_shaped(tok: Token) -> bool:
    """`capitalised`, letters joined by apostrophes allowed ("Ka'Vona", "O'Brien")."""
    plain = not (tok.is_upper or tok.is_stop or is_title(tok))
    return bool(NAME_WORD.fullmatch(tok.text)) and tok.text[0].isupper() and plain


def whole_word(words: str) -> str:
    """A pattern for ``words`` written whole: not inside a longer word, a hyphenated one
    or after an apostrophe ("Vale" in "Ana Vale said", not in "Vale-Ruiz" or "Valerie")."""
    return rf"(?<![\w'’-]){re.escape(words)}(?![\w'’-])"


INITIALS = re.compile(r"[A-Z]\.?|(?:[A-Z]\.)+")  # "U.", "S", "U.N.", not "NASA"


def only_initials(parsed: SpacyDoc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are initials and nothing else ("U. S.", "F. B. I."):
    an abbreviation, not a person's name, which has a word after its initials."""
    words = [t.text for t in parsed[start:end] if t.text != "."]
    return bool(words) and all(INITIALS.fullmatch(w) for w in words)


def glued(parsed: SpacyDoc, i: int) -> bool:
    """Whether token ``i`` is a hyphen inside a word (no space on either side)."""
    return parsed[i].text == "-" and not parsed[i].whitespace_ and not parsed[i - 1].whitespace_


GLUED_WORD = re.compile(r"[A-Z]?[a-z]{3,}(?=[A-Z][a-z])")  # "Gazette" of "GazetteAna"


def glued_to_a_word(parsed: SpacyDoc, start: int, end: int) -> bool:
    """A name run together with the word before it where the copy lost a line break
    ("Courtesy of the Valmont GazetteAna Vale, ..."): a word of four letters or more glued
    to a capitalised one, before more words of the name, where the document writes what
    follows the seam on its own ("Ana Vale"); "McKay", "LeBron", "DeShawn" have a shorter
    head, "NationsBank" no word after it."""
    text = text_of(parsed)
    for tok in parsed[start : end - 1]:
        seam = GLUED_WORD.match(tok.text)
        if seam is not None:
            rest = text[tok.idx + seam.end() : parsed[end - 1].idx + len(parsed[end - 1])]
            if re.search(whole_word(rest), text):
                return True
    return False


def month_given_name(parsed: SpacyDoc, i: int, end: int) -> bool:
    """Whether a month's name opening a name the model calls a person is the person's
    given name ("April Renn, 32, ...", "the film stars June Orsk"): written in full and
    capitalised, before a word shaped like a name, with no number on either side and no
    preposition before it ("In April Renn said ..." names a month)."""
    tok = parsed[i]
    if plain_word(tok) not in MONTHS or not (tok.is_alpha and tok.is_title) or end - i < 2:
        return False
    if not name_shaped(parsed[i + 1]) or has_digit(parsed[i + 1].text):
        return False
    before = parsed[i - 1] if i else None
    return before is None or not (before.like_num or before.lower_ in PREPOSITIONS)


def without_suffixes(words: Sequence[str]) -> list[str]:
    """The words of a name without its generational suffixes ("Ann Lee Jr." -> "Ann",
    "Lee"); a one-word name stays as it is."""
    out = list(words)
    while len(out) > 1 and out[-1].rstrip(".,").casefold() in SUFFIXES:
        out.pop()
    return out


def without_possessive(name: str) -> str:
    """A written name without its possessive ending ("Ann Lee's" -> "Ann Lee")."""
    return re.sub(r"['’]s$", "", name.strip())


def initials(words: Sequence[str]) -> str:
    """The initials of a name's capitalised words, joining words left out ("United
    States" -> "US", "Bank of Orsk" -> "BO")."""
    return "".join(w[0] for w in words if w[:1].isupper() and w.casefold() not in JOINERS)


def surnames_of(name: str) -> list[str]:
    """The words of a full name that may stand alone for it (surname-first names too)."""
    words = name.split()
    if len(words) > 2:  # "Arcade Joseph Vale Jr.": Vale ("Fred Jr." has no surname)
        words = without_suffixes(words)
    surname_first = words[0].casefold() in SURNAME_FIRST or re.search(r"-[a-z]", words[-1])
    return [words[-1], words[0]] if surname_first else [words[-1]]


OPEN_MARKS = frozenset({'"', "“", "'", "‘", "``"})
CLOSE_MARKS = frozenset({'"', "”", "'", "’", "''"})
NICKNAME_WORDS = 4  # at most this many words between the marks


def nickname_pattern_end(parsed: SpacyDoc, i: int) -> int:
    """End of a name with a quoted nickname starting at token ``i`` ('Marek "The Red"
    Olsza'), else ``i``: a capitalised word, a quoted capitalised run, a capitalised word."""
    n = len(parsed)
    if not capitalised(parsed[i]) or i + 1 >= n or parsed[i + 1].text not in OPEN_MARKS:
        return i
    j = i + 2
    while j < n and j - i - 2 < NICKNAME_WORDS and parsed[j].text not in CLOSE_MARKS:
        if not (parsed[j].is_alpha and (parsed[j].text[0].isupper() or parsed[j].is_stop)):
            return i
        j += 1
    if j == i + 2 or j + 1 >= n or parsed[j].text not in CLOSE_MARKS:
        return i
    return j + 2 if capitalised(parsed[j + 1]) else i


PARTICLE_RUN = 3  # at most this many particles inside a name ("van den", "de la")


def particle_pattern_end(parsed: SpacyDoc, i: int) -> int:
    """End of a name with lowercase particles inside starting at token ``i`` ("Ivo van der
    Brandt", the model having tagged a part of it PERSON), else ``i``: a capitalised
    word, one to three particles, a capitalised word."""
    n = len(parsed)
    first = parsed[i]
    if not name_shaped(first) or not (first.ent_type_ == "PERSON" or given_name(first.text)):
        return i
    j = i + 1
    while j < n and j - i - 1 < PARTICLE_RUN and parsed[j].is_lower:
        if parsed[j].lower_ not in PARTICLES or parsed[j - 1].whitespace_ != " ":
            return i
        j += 1
    if j == i + 1 or j >= n or not name_shaped(parsed[j]):
        return i
    return j + 1


def person_pattern_end(parsed: SpacyDoc, i: int) -> int:
    """End of a name pattern starting at token ``i`` ("K. Curran", "Ri Jong Ho"), else ``i``."""
    n = len(parsed)
    if i and parsed[i - 1].is_alpha and parsed[i - 1].text[0].isupper():
        return i
    if is_initial(parsed[i]) and i + 1 < n and capitalised(parsed[i + 1]):
        if answer_marker(parsed[i]) or parsed[i + 1].pos_ != "PROPN":
            return i  # "in Pomona, N.J. Instead, ...": an abbreviation ends a sentence
        if i and parsed[i - 1].like_num:
            return i  # "200 W. Harbour Road": a street address
        return i + 2
    if parsed[i].lower_ not in SURNAME_FIRST or not parsed[i].text[0].isupper():
        return i
    if i + 3 < n and parsed[i + 1].is_title and glued(parsed, i + 2) and parsed[i + 3].is_alpha:
        return i + 4
    if (
        i + 2 < n
        and all(capitalised(parsed[j]) and len(parsed[j]) <= 4 for j in (i + 1, i + 2))
        and not (i + 3 < n and capitalised(parsed[i + 3]))
    ):
        return i + 3
    return i


def written_as_name(name: str) -> bool:
    """Whether every word of ``name`` can be a word of a person's name: capitalised, or a
    particle ("van", "bin"); not "and" between two names ("Brandt and Hale"), a verb the
    model took into a title of a work ("Hale called Brandt a liar") or the "of the" of a
    body ("Association of the Fishers of Torvik")."""
    return not any(w == "&" or (w.islower() and w not in PARTICLES) for w in name.split())
