"""Corrections of spaCy's entity spans for news copy: candidate mentions as token ranges.

General news-domain fixes, no name lists but countries:
- *split* at line breaks, brackets, spaced dashes (in a PERSON not one after a name's
  particle: "Omar al - Brandt"), slashes, numbers, "v"/"at" (PERSON: "and");
- *trim* determiners, demonyms, months, possessives, numbers, lowercase edges ("Jiangsu
  province"); titles leave PERSON names and become roles ("Mayor", "Dr.", "Adm."); so do a
  title's country ("Envoy to Norland Ivo Brandt") and an adjective or participle opening
  the sentence ("Jobless Ivo Brandt"), an opening preposition or reporting verb ("Aboard
  X", 'Added Brandt, "..."'), a noun for people before a given name ("Polygamist Tom
  Lenz"); a company or body word or a country after a brand ends a company's name, not a
  person's ("Orland Telecom", "Valmont Police", "Veltrix Norland"); a ship prefix makes a
  vessel ("MV Aster");
- *drop* common nouns taken for names and all-caps guesses no mixed-case line confirms,
  and anything inside a photo credit;
- *widen* a name to the given name the model left out ("Ka'Vona" of "Ka'Vona Lise
  Brandt", `add_given_names`) or to the name after "the" (`names_after_the`);
- *add* names the model missed, *propagate* and *harmonise* labels over the document:
  `newsdesk.annotate.ner_spread`.

Candidates read from the layout of the copy (datelines, results lines) are in `layout`;
names cut at a headline's words and "people" that are only words of the headline
("Daring Ruby Theft in Old Valmont") in `headlines`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from newsdesk.annotate.kinds import ship_prefix, storm_prefix
from newsdesk.annotate.names import (
    DASHES,
    DETERMINERS,
    OPEN_MARKS,
    POSSESSIVE,
    SPLIT_PUNCT,
    SPLIT_WORDS,
    after_title_of,
    answer_marker,
    given_name,
    glued,
    has_digit,
    is_abbrev_title,
    is_country,
    is_initial,
    is_title,
    month_given_name,
    name_shaped,
    plain_word,
    whole_word,
    written_as_name,
)
from newsdesk.annotate.nlp import text_of
from newsdesk.annotate.roles import Ranges
from newsdesk.lang.en.calendar import MONTHS, TIME_ZONES, WEEKDAYS
from newsdesk.lang.en.names import (
    BODY_WORDS,
    COMPANY_WORDS,
    COMPOUND_ADJECTIVE_HEADS,
    PARTICLES,
    SUFFIXES,
    SURNAME_FIRST,
)
from newsdesk.lang.en.people import names_people
from newsdesk.lang.en.places import DEMONYMS, PLACE_NAME_WORDS, PLACE_NOUNS
from newsdesk.lang.en.speech import REPORTING_VERBS
from newsdesk.lang.en.stop_words import PREPOSITIONS


@dataclass(slots=True)
class Cand:
    """A candidate mention: tokens ``start:end`` of the parse with a label."""

    start: int
    end: int
    label: str
    fixed: bool = False  # label set by a rule that harmonisation must not override

    def text(self, parsed: SpacyDoc) -> str:
        return parsed[self.start : self.end].text


def majority_label(labels: Iterable[str]) -> str:
    """The most frequent label (ties: the first seen)."""
    return Counter(labels).most_common(1)[0][0]


# ---------------------------------------------------------------- split and trim


def pieces(parsed: SpacyDoc, start: int, end: int, label: str) -> list[Cand]:
    """One spaCy entity split at separators and trimmed; empty pieces dropped."""
    found: list[Cand] = []
    begin = start
    for i in range(start, end + 1):
        if i == end or _separates(parsed, i, label):
            cand = _trim(parsed, begin, i, label)
            if cand is not None:
                found.append(cand)
            begin = i + 1
    return found


def _separates(parsed: SpacyDoc, i: int, label: str) -> bool:
    """Whether token ``i`` cannot be inside a name (it splits the entity there)."""
    tok = parsed[i]
    text = tok.text
    if tok.is_space or (i > 0 and "\n" in parsed[i - 1].whitespace_):
        return True
    if text in SPLIT_PUNCT or tok.lower_ in SPLIT_WORDS or has_digit(text):
        return True
    if text in DASHES and (tok.whitespace_ or (i > 0 and parsed[i - 1].whitespace_)):
        return not (label == "PERSON" and _particle_hyphen(parsed, i))
    return label == "PERSON" and tok.is_lower and tok.lower_ not in PARTICLES  # "and", "st"


def _particle_hyphen(parsed: SpacyDoc, i: int) -> bool:
    """A dash written with spaces between a name's particle and the rest of the name
    ("Ivo Al - Brandt", as copy that spaces its hyphens writes "Al-Brandt"), a given name
    before the particle that no such dash joins to a word before it ("Al - Orsk Al -
    Lunde" is two names)."""
    return (
        2 < i < len(parsed) - 1
        and parsed[i].text == "-"
        and parsed[i - 1].lower_ in PARTICLES
        and name_shaped(parsed[i + 1])
        and name_shaped(parsed[i - 2])
        and parsed[i - 3].text not in DASHES
    )


def _trim(parsed: SpacyDoc, start: int, end: int, label: str) -> Cand | None:
    """Trim the edges of ``start:end``; titles move out of PERSON names."""
    while start < end and _edge_junk(parsed[start], leading=True):
        if label == "PERSON" and month_given_name(parsed, start, end):
            break  # "April Renn, 32,": the month is her given name
        start += 1
    if start < end and answer_marker(parsed[start]):
        start += 1  # "A. Absolutely": a transcript's answer, no name
        if end - start < 2:
            return None
    while start < end and _edge_junk(parsed[end - 1], leading=False):
        end -= 1
    while label == "PERSON" and end - start > 1 and _shouted_word(parsed[end - 1]):
        end -= 1  # "Wylie AGAIN": not a name's last word ("the WHO", "the US" stay whole)
    while label == "PERSON" and end - start > 1 and _abbreviated_title(parsed, end - 1):
        end -= 1  # "Valmont Police Sgt." cut off before the sergeant's name
    fixed = False
    if storm_prefix(parsed, start, end):
        return Cand(start + 1, end, "EVENT", True)
    if ship_prefix(parsed, start, end):
        return Cand(start, end, "PRODUCT", True)
    if label == "PERSON" and _inverted_attribution(parsed, start, end):
        start += 1  # 'Added Brandt, "We ...': the verb of an attribution, no given name
    inner = [k for k in range(start, end - 1) if is_title(parsed[k])]
    named = len(inner) == 1 == inner[0] - start + 1 and _titled_name(parsed, start, end)
    if inner and (label == "PERSON" or named or is_abbrev_title(parsed[inner[-1]])):
        label, fixed, start = "PERSON", label != "PERSON", inner[-1] + 1
        if parsed[start].is_lower:
            return None  # "the Bishop of Bountiful": a post and what it is of, no name
    if end - start > 2 and label == "PERSON" and parsed[start].lower_ in DEMONYMS:
        start += 1
    if _title_complement(parsed, start, end, label):
        label, fixed, start = "PERSON", label != "PERSON", start + 1
    if label == "PERSON":
        start, end = _extend_hyphens(parsed, start, end)
    if start >= end or not any(
        t.text[0].isupper() and t.text[0].isalpha() for t in parsed[start:end]
    ):
        return None
    if end - start > 2 and is_country(parsed[start].text) and given_name(parsed[start + 1].text):
        label, fixed, start = "PERSON", True, start + 1  # "... to Norland Ivo Brandt"
    elif label == "PERSON" and end - start > 2:
        start = _after_descriptor(parsed, _after_leading_modifier(parsed, start, end), end)
    elif label == "PERSON" and end - start == 2 and _common_word(parsed, start):
        start += 1  # "Born Vincenzo", "Media Mogul": the document writes "born", "media"
    if label == "PERSON" and end - start == 1 and is_abbrev_title(parsed[start]):
        return None  # "Col" of "Col. Moammar Gadhafi" cut off by a sentence break
    if label == "PERSON" and _a_post(parsed, start, end):
        label, fixed = "ORG", True  # the office: "Torvik County Sheriff('s Department)"
    if is_country(parsed[start:end].text):
        label, fixed = "GPE", True
    elif label == "PERSON" and _company_name(parsed, start, end):
        label, fixed = "ORG", True
    elif is_initial(parsed[start]) and 1 < end - start < 4 and not answer_marker(parsed[start]):
        label, fixed = "PERSON", True
    return Cand(start, end, label, fixed)


def _a_post(parsed: SpacyDoc, start: int, end: int) -> bool:
    """Whether a "name" ends with a title's word after a place's common noun or another
    title's word: a post, an office, not who holds it ("Torvik County Sheriff", "Deputy
    Sheriff"; not "Ana Marta King", "Hun Sen": a name's word before the title's)."""
    before = parsed[end - 2] if end - start > 1 else None
    return (
        before is not None
        and is_title(parsed[end - 1])
        and (before.lower_ in PLACE_NOUNS or is_title(before))
        and not given_name(parsed[start].text)
    )


def _title_complement(parsed: SpacyDoc, start: int, end: int, label: str) -> bool:
    """Whether a name of three words or more opens with the complement of a title's "of"
    that the model took into it ("Secretary of the Treasury Ivo Brandt", "Chief of Police
    Ana Vale"): a first word that is no given name, and, unless the model said PERSON, a
    last word the document writes without the rest ("Brandt said")."""
    if end - start < 3 or not after_title_of(parsed, start) or given_name(parsed[start].text):
        return False
    if not written_as_name(parsed[start + 1 : end].text):
        return False  # "President of the Medical Association of the State of Torvik"
    return label == "PERSON" or _written_alone(parsed, start, end)


def _titled_name(parsed: SpacyDoc, start: int, end: int) -> bool:
    """Three words the model took for a name of something that are a title and a person's
    name ("Councillor J. Hale", "Prince Ivo Lunde"), not a place named after someone
    ("Prince Ivo Island": a place word at the end) nor a body whose name opens with a
    title's word ("Major League Baseball": a body's word after the title)."""
    if end - start != 3 or PLACE_NAME_WORDS.get(parsed[end - 1].lower_):
        return False
    return not any(plain_word(t) in COMPANY_WORDS | BODY_WORDS for t in parsed[start + 1 : end])


def _inverted_attribution(parsed: SpacyDoc, start: int, end: int) -> bool:
    """A reporting verb opening a sentence before the speaker's name ('Added Brandt,
    "We ..."', "Said Hale: ..."): the verb in the past or present ("added", "says"),
    the name followed by a comma, a colon or a quotation mark."""
    if end - start < 2 or end >= len(parsed) or not parsed[start].is_sent_start:
        return False
    first = parsed[start]
    if parsed[end].text not in {",", ":"} | OPEN_MARKS:
        return False
    return _reporting_form(first.lower_)


def _reporting_form(word: str) -> bool:
    """A reporting verb in the past or the third person ("said", "added", "says")."""
    if word in {"said", "told", "wrote", "says", "tells", "writes"}:
        return True
    if word.endswith("ed"):
        return word[:-1] in REPORTING_VERBS or word[:-2] in REPORTING_VERBS
    return word.endswith("s") and word[:-1] in REPORTING_VERBS


def _after_leading_modifier(parsed: SpacyDoc, start: int, end: int) -> int:
    """Where a name starts once a word absorbed before it is left out: an adjective or a
    participle opening the sentence ("Jobless Ivo Brandt", "Retired Ivo Brandt") before a
    name of two words or more; one the model took into the name only before a given name
    ("Unemployed John Brandt")."""
    first = parsed[start]
    taken = first.ent_type_ == "PERSON" and not (
        _participle_shaped(first) and given_name(parsed[start + 1].text)
    )
    if not first.is_sent_start or taken:
        return start
    return start + 1 if _modifier_shaped(first) else start


def _after_descriptor(parsed: SpacyDoc, start: int, end: int) -> int:
    """Where a name starts once a description the model took into it is left out, when
    two words are left: a post abbreviated in capitals and the words before it ("Colts QB
    Andrew Luck", "DT Tyson Jackson"), or a first word that is no given name and is a
    common noun: the document writes it in lowercase too ("Cornerback Vontae Davis" beside
    "cornerback Darius Butler"), or writes the name without it (`_written_without`), or a
    noun for people before a given name ("Polygamist Tom Lenz", `_describes_people`)."""
    for k in range(end - 3, start - 1, -1):
        tok = parsed[k]
        if tok.is_alpha and tok.is_upper and 1 < len(tok) < 4 and not given_name(tok.text):
            return k + 1
    first = parsed[start]
    if end - start < 3 or given_name(first.text) or not first.is_alpha or first.is_upper:
        return start
    if _describes_people(first) and given_name(parsed[start + 1].text):
        return start + 1  # "Polygamist Tom Lenz"
    if _plural_shaped(first) and given_name(parsed[start + 1].text):
        return start + 1  # "Britons Tom Lenz", "Bobcats Tom Lenz": no given name is plural
    lowercase = re.search(whole_word(first.lower_), text_of(parsed))
    return start + 1 if lowercase or _written_without(parsed, start, end) else start


def _common_word(parsed: SpacyDoc, i: int) -> bool:
    """A capitalised word opening a name of two words that is a common word: no known
    given name nor particle, and the document writes it in lowercase too ("Born Ivo",
    "Injured Reserve" beside "born", "injured")."""
    tok = parsed[i]
    if not tok.is_alpha or tok.is_upper or not tok.text[0].isupper() or given_name(tok.text):
        return False
    if tok.lower_ in PARTICLES | SURNAME_FIRST or not parsed[i + 1].text[:1].isupper():
        return False  # "He Jiankui", "Sun Yang": a surname written first
    return re.search(whole_word(tok.lower_), text_of(parsed)) is not None


def _plural_shaped(tok: Token) -> bool:
    """A word tagged as a plural ("Bobcats"), or written as one whose singular is a people
    or a word the document writes too ("Canadians"; "Britons" beside "a Briton"); not a
    given name ("Charles", "Andres")."""
    if tok.lower_.endswith("ss") or given_name(tok.text):
        return False
    if tok.tag_ in {"NNPS", "NNS"}:
        return True
    if len(tok) <= 3 or not tok.lower_.endswith("s"):
        return False
    singular = tok.lower_[:-1]  # "Canadians" (a people), "Britons" beside "a Briton"
    return singular in DEMONYMS or re.search(whole_word(singular), tok.doc.text.lower()) is not None


def _written_without(parsed: SpacyDoc, start: int, end: int) -> bool:
    """Whether the document also writes the name without its first word, a given name
    opening what is left ("Actor Ivo Brandt" beside "Ivo Brandt"), when no name word
    stands before it (in "Zine El Abidine Ben Ali" the model may cut "Abidine Ben Ali")."""
    if not given_name(parsed[start + 1].text) or (start and name_shaped(parsed[start - 1])):
        return False
    text = text_of(parsed)
    rest = parsed[start + 1 : end].text
    alone = len(re.findall(whole_word(rest), text))
    return alone > text.count(parsed[start:end].text)


def _modifier_shaped(tok: Token) -> bool:
    """An adjective or a participle ("Jobless", "Retired"), not a given name."""
    return (tok.tag_ in {"JJ", "VBN", "VBD"} or _participle_shaped(tok)) and not given_name(
        tok.text
    )


def _participle_shaped(tok: Token) -> bool:
    """A word with the ending of a participle or an adjective ("Retired", "Jobless")."""
    return len(tok) >= 6 and tok.lower_.endswith(("ed", "less", "ful"))


def _company_name(parsed: SpacyDoc, start: int, end: int) -> bool:
    """A "person" that is a company or a public body: a company word or a body's word at
    its end ("Orland Telecom", "Valmont Police"), a country after a word no one is named
    ("Veltrix Norland", a national branch), or an acronym the document writes alone
    after words in mixed case (`_acronym_after`: "Tessel RCMP", a local branch)."""
    last = parsed[end - 1]
    if end - start < 2 or not last.text[0].isupper():
        return False
    if plain_word(last) in COMPANY_WORDS | BODY_WORDS or _acronym_after(parsed, start, end):
        return True
    return is_country(last.text) and not given_name(parsed[start].text)


def _acronym_after(parsed: SpacyDoc, start: int, end: int) -> bool:
    """A name ending in an acronym of capitals after words in mixed case that the
    document also writes alone ("Tessel RCMP" beside "asked RCMP to act"): a branch of
    a body. Not a person's letters after the name, never written alone ("Ivo Brandt
    QC"), nor a generational "III"; a line all in capitals shouts every word."""
    last = parsed[end - 1]
    word = last.text.replace(".", "")
    if len(word) < 2 or not (word.isalpha() and word.isupper()) or plain_word(last) in SUFFIXES:
        return False
    if any(t.is_upper for t in parsed[start : end - 1]) or is_initial(last):
        return False
    return _written_alone(parsed, start, end)


def _written_alone(parsed: SpacyDoc, start: int, end: int) -> bool:
    """Whether the document writes the last word of ``start:end`` without the words
    before it more often than it writes the whole span."""
    text = text_of(parsed)
    alone = len(re.findall(rf"(?<![\w.-]){re.escape(parsed[end - 1].text)}(?![\w-])", text))
    return alone > text.count(parsed[start:end].text)


def _edge_junk(tok: Token, leading: bool) -> bool:
    """Tokens never at the edge of a name: determiners, punctuation, numbers, possessives."""
    if tok.is_space or has_digit(tok.text) or not any(c.isalpha() for c in tok.text):
        return True  # "``" opening a quotation is not tagged punctuation
    if tok.is_punct and not (tok.text == "." and not leading and len(tok.text) > 1):
        return True
    if leading:
        opener = bool(tok.is_sent_start) and (
            tok.tag_ == "VBG" or tok.dep_ == "prep" or tok.lower_ in PREPOSITIONS
        )
        # "Following Alenko's conviction", "Aboard Endeavour": an opening preposition
        return tok.lower_ in DETERMINERS or tok.is_lower or plain_word(tok) in MONTHS or opener
    return tok.text in POSSESSIVE or tok.is_lower


def _abbreviated_title(parsed: SpacyDoc, i: int) -> bool:
    """A title abbreviation written with its full stop before a person's name ("Sgt. Ivo
    Lenz", not "Sen" of "met Hun Sen. Talks ...")."""
    tok = parsed[i]
    after = i + 1 if tok.text.endswith(".") else i + 2
    if after >= len(parsed) or (after == i + 2 and parsed[i + 1].text != "."):
        return False
    name = parsed[after]
    return is_abbrev_title(tok) and (name.ent_type_ == "PERSON" or given_name(name.text))


def _shouted_word(tok: Token) -> bool:
    """A function word in capitals after a name ("Wylie AGAIN brought the kick out"):
    emphasis, never a part of the name."""
    return tok.is_upper and tok.is_alpha and len(tok) > 1 and tok.is_stop


def _compound_adjective_head(tok: Token) -> bool:
    """A lowercase word after a hyphen that makes the name a modifier ("Hun Sen-led",
    "Brandt-friendly", "Lenz-style"): a participle or an adverb-like ending, or one of a
    few heads of compound adjectives."""
    word = tok.text
    return word.islower() and (word.endswith(("ed", "ly")) or word in COMPOUND_ADJECTIVE_HEADS)


def _extend_hyphens(parsed: SpacyDoc, start: int, end: int) -> tuple[int, int]:
    """Extend a span cut inside a hyphenated word ("Rhee Dong" + "-su")."""
    while (
        end + 1 < len(parsed)
        and glued(parsed, end)
        and parsed[end + 1].is_alpha
        and not _compound_adjective_head(parsed[end + 1])
    ):
        end += 2
    while start >= 2 and glued(parsed, start - 1) and parsed[start - 2].is_title:
        start -= 2
    return start, end


# ---------------------------------------------------------------- drop and widen


def plausible(parsed: SpacyDoc, cands: list[Cand], caps: set[int]) -> list[Cand]:
    """Drop common nouns taken for names ("Extras") and all-caps guesses of the model that
    no mixed-case line confirms ("BASKETBALL", "PRESS DIGEST")."""
    cands = [
        c
        for c in cands
        if c.fixed
        or c.start in caps
        or any(t.pos_ in {"PROPN", "ADJ"} or t.is_upper for t in parsed[c.start : c.end])
    ]
    mixed = {c.text(parsed).casefold() for c in cands if c.start not in caps}
    return [
        c for c in cands if c.fixed or c.start not in caps or c.text(parsed).casefold() in mixed
    ]


def no_dates(parsed: SpacyDoc, cands: list[Cand]) -> list[Cand]:
    """The candidates but a body or place that is only a day, a month or a time zone
    ("Wednesday", "April", "EDT" under a headline taken for a name); a person keeps a
    given name such as "April"."""
    return [c for c in cands if c.label == "PERSON" or not _calendar_only(parsed, c)]


def _calendar_only(parsed: SpacyDoc, cand: Cand) -> bool:
    """Whether every word of a candidate names a day, a month or a time zone."""
    words = [plain_word(t) for t in parsed[cand.start : cand.end] if not t.is_punct]
    return bool(words) and all(w in MONTHS or w in WEEKDAYS or w in TIME_ZONES for w in words)


def outside(parsed: SpacyDoc, cands: list[Cand], regions: Ranges) -> list[Cand]:
    """The candidates overlapping none of the character ranges."""
    return [c for c in cands if not _in_regions(parsed, c, regions)]


def _in_regions(parsed: SpacyDoc, cand: Cand, regions: Ranges) -> bool:
    """Whether a candidate overlaps any of the character ranges."""
    start, end = parsed[cand.start].idx, parsed[cand.end - 1].idx + len(parsed[cand.end - 1])
    return any(a < end and start < b for a, b in regions)


def add_given_names(parsed: SpacyDoc, cands: list[Cand]) -> None:
    """Widen PERSON names to the given name the model left out before them: before a lone
    surname, or a first name of its own the parse attaches to the name ("Ka'Vona" of
    "Ka'Vona Lise Brandt": an apostrophe inside a given name), never a noun for people
    before a name of two words ("Owner Arte Lenz", "City Clerk Ana Lenz"), nor a word
    before a name of two words opening with a known given name that is none itself
    ("Harbour Ivo Lenz", "Fired Ana Vale"; "Mary Ann Vale", "Ka'Vona Ann Vale" are one
    name: `_no_given_name`), nor a plural or a word the document names something else
    with ("Bobcats Ivo Lenz", "Britons Ana Vale": `_words_named_otherwise`)."""
    others = _words_named_otherwise(parsed, cands)
    for c in cands:
        if c.label != "PERSON" or not _given_name_before(parsed, c.start):
            continue
        prev = parsed[c.start - 1]
        if prev.tag_ == "NNPS" or prev.text in others:
            continue
        if c.end - c.start == 1 or (
            c.end - c.start == 2
            and prev.head.i in range(c.start, c.end)
            and not _describes_people(prev)  # "Owner Arte Lenz said"
            and not (given_name(parsed[c.start].text) and _no_given_name(prev))
        ):
            c.start -= 1


def _no_given_name(tok: Token) -> bool:
    """A word of letters only that is no known given name ("Fired", "Harbour"); one with
    an apostrophe inside is a given name's shape ("Ka'Vona")."""
    return tok.is_alpha and not given_name(tok.text)


def _words_named_otherwise(parsed: SpacyDoc, cands: list[Cand]) -> set[str]:
    """The capitalised words of the document's names of nationalities and of its names
    of organisations and places in two words or more or in a plural ("Britons", "Bobcats"
    of "the Valmont Bobcats", "the Bobcats"), and their singulars ("Bobcat"): a word
    before a person's name that the document also writes in such a name is no given
    name. Another name of one word may be the given name itself, mislabelled ("Ivo" as
    an organisation)."""
    labels = {"ORG", "GPE", "LOC", "FAC"}
    found = {
        t.text
        for c in cands
        if c.label in labels and (c.end - c.start > 1 or parsed[c.start].text.endswith("s"))
        for t in parsed[c.start : c.end]
    }
    found |= {t.text for t in parsed if t.ent_type_ == "NORP"}
    found |= {w[:-1] for w in found if len(w) > 3 and w.endswith("s")}
    return {w for w in found if w[:1].isupper() and not given_name(w)}


def names_after_the(parsed: SpacyDoc, cands: list[Cand]) -> None:
    """Relabel ORG, widened to the whole name, a "person" that ends a longer name written
    after "the": every mention follows capitalised words the model left out, themselves
    after "the" ("the Orsk Harbour Pride Fund" as the "person" "Pride Fund"), no word a
    given name, an initial or a title ("the Texas Ranger Tom Lenz" is a ranger)."""
    by_text: dict[str, list[Cand]] = defaultdict(list)
    for c in cands:
        if c.label == "PERSON" and not c.fixed:
            by_text[c.text(parsed)].append(c)
    for found in by_text.values():
        starts = [_after_the(parsed, c) for c in found]
        if all(k is not None for k in starts):
            for c, k in zip(found, starts, strict=True):
                c.start, c.label, c.fixed = k or c.start, "ORG", True


def _after_the(parsed: SpacyDoc, cand: Cand) -> int | None:
    """Where the whole name starts when a mention ends a run of capitalised words on its
    line opened by "the", none of the run a given name, an initial or a title; else None."""
    k = cand.start
    while k > 0 and parsed[k - 1].text[:1].isupper() and parsed[k - 1].is_alpha:
        if "\n" in parsed[k - 1].whitespace_:
            break
        k -= 1
    if k == cand.start or k == 0 or parsed[k - 1].lower_ != "the":
        return None
    run = parsed[k : cand.end]
    return None if any(given_name(t.text) or is_initial(t) or is_title(t) for t in run) else k


def _given_name_before(parsed: SpacyDoc, start: int) -> bool:
    """Whether a name follows a capitalised proper noun the model left out."""
    if start == 0:
        return False
    prev = parsed[start - 1]
    return (
        name_shaped(prev)
        and not after_title_of(parsed, start - 1)  # "Director of Production Ana Vale"
        and prev.pos_ == "PROPN"
        and not prev.ent_type_
        and not (prev.is_sent_start and _modifier_shaped(prev))
        and prev.lower_ not in DEMONYMS
        and "\n" not in prev.whitespace_
        and not _opening_descriptor(parsed, start)
    )


def _opening_descriptor(parsed: SpacyDoc, start: int) -> bool:
    """A capitalised word before a name that opens with a given name, opening a line or a
    sentence or naming people ("Actor Tom Lenz will play ...", "the Texas Ranger Tom
    Lenz"): a description, not another given name."""
    prev = parsed[start - 1]
    opens = prev.is_sent_start or prev.i == 0 or "\n" in parsed[prev.i - 1].text_with_ws
    describes = opens or _describes_people(prev)
    return describes and given_name(parsed[start].text) and not given_name(prev.text)


SHORTEST_DESCRIPTION = 5  # "Noor" is a given name, "Agent" a description


def _describes_people(tok: Token) -> bool:
    """A capitalised noun for people that is no given name ("Agent", "Polygamist",
    "Englishman": a known noun or an agent ending, `names_people`)."""
    word = tok.text
    if len(word) < SHORTEST_DESCRIPTION or not word.isalpha() or word.isupper():
        return False
    return names_people(word.lower()) and not given_name(word)
