"""One organisation, one entity: the names one story writes an organisation by.

A report names a company in full once ("Advanced Micro Devices Inc.") and then by a
shorter form: without its legal form or trade word ("Advanced Micro Devices", "ATI" of
"ATI Technologies"), by its initials ("AMD", "TSMC" of "Taiwan Semiconductor
Manufacturing Co."), or without the place or country it opens with ("Red Sox" of "Boston
Red Sox", "Treasury" of "U.S. Treasury") when a document writes both. The first words of
a name are no short form of it (the Federal Reserve is not the Federal Reserve Bank of
New York). `organisation_targets` joins each such form to the one fuller name it stands
for; a form two names could stand for stays apart. (People are joined by
`newsdesk.annotate.resolve`.) Within a document, a "person" the model found that opens
with an acronym or a brand that names an organisation of the document is that
organisation or its product (`acronym_people`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping

from spacy.tokens import Doc as SpacyDoc

from newsdesk.annotate.names import (
    ACRONYM,
    given_name,
    initials,
    is_country,
    without_possessive,
)
from newsdesk.annotate.ner_fixes import Cand
from newsdesk.lang.en.names import COMPANY_WORDS, LEGAL_FORMS
from newsdesk.lang.en.places import DEMONYMS

__all__ = ["acronym_people", "organisation_targets", "person_forms"]


def organisation_targets(
    names: Mapping[str, str],
    places: Collection[str] = frozenset(),
    documents: Mapping[str, frozenset[str]] | None = None,
) -> dict[str, str]:
    """For the organisation names of a story (name key → a written form), the key each
    one joins: the key of the fullest name of the same organisation, or its own. A short
    form that could stand for two organisations ("Orsk" of "Orsk Telecom" and "Orsk
    Bank") stays apart. ``places`` (casefolded) are the story's place names: a name
    without the place or country it opens with is a short form of it too ("Harbour
    Lions" of "Valmont Harbour Lions", "Treasury" of "U.S. Treasury") when a document
    writes both (``documents``: key → the documents writing it); a "Foreign Ministry"
    only other reports write may be another country's."""
    targets = {key: key for key in names}
    size = {k: (len(_words(n)), len(n), k) for k, n in names.items()}
    local = {k: _without_place(_words(n), places) for k, n in names.items()}
    by_letter: dict[str, set[str]] = defaultdict(set)  # a short form keeps the letter
    for key, name in names.items():
        for words in (_words(name), local[key]):
            by_letter["".join(words)[:1].casefold()].add(key)
    for key in sorted(names, key=lambda k: size[k], reverse=True):  # fullest first
        letter = "".join(_words(names[key]))[:1].casefold()
        owners = {
            targets[k]
            for k in by_letter[letter]
            if size[k] > size[key]
            and (
                _stands_for(names[key], names[k])
                or (
                    local[k] != _words(names[k])
                    and _stands_for(names[key], " ".join(local[k]))
                    and _written_together(key, k, documents)
                )
            )
        }
        if len(owners) == 1:
            targets[key] = owners.pop()
    return targets


def person_forms(
    people: Mapping[str, str], names: Mapping[str, str], places: Collection[str] = frozenset()
) -> dict[str, str]:
    """For the "people" of a story (name key → a written form), the key of the one
    organisation of ``names`` each is a form of: its singular ("Tar Heel" of the team
    "Tar Heels", one of its players written as a modifier) or its name without the
    acronyms, places or nationalities opening it ("Valmont Bobcats" of "NBA Valmont
    Bobcats"); a form of two organisations stays apart. ``places`` (casefolded) are the
    story's place names."""
    found: dict[str, str] = {}
    for key in people:
        owners = {org for org, name in names.items() if org != key and _form_of(key, name, places)}
        if len(owners) == 1:
            found[key] = owners.pop()
    return found


def _form_of(key: str, name: str, places: Collection[str]) -> bool:
    """Whether the name key ``key`` is the singular of ``name`` or ``name`` without its
    opening acronyms, places and nationalities (and then perhaps its singular)."""
    words = _words(name)
    folded = [w.casefold() for w in words]
    mine = key.split()
    for n in range(len(words)):
        if n and not _opening_qualifier(words[n - 1], places):
            return False
        rest = folded[n:]
        singular = len(rest) == len(mine) and rest[:-1] == mine[:-1] and rest[-1] == mine[-1] + "s"
        if rest == mine or singular:
            return True
    return False


def _opening_qualifier(word: str, places: Collection[str]) -> bool:
    """A word opening an organisation's name that a short form leaves out: an acronym
    ("NBA"), a place, a country or a nationality."""
    plain = word.casefold()
    return bool(ACRONYM.match(word)) or plain in places or is_country(plain) or plain in DEMONYMS


def _words(name: str) -> list[str]:
    """The words of a name without a leading "the" or a possessive ending."""
    words = without_possessive(name).split()
    return words[1:] if words and words[0].casefold() == "the" else words


def _written_together(one: str, other: str, documents: Mapping[str, frozenset[str]] | None) -> bool:
    """Whether a document writes both names (always, when the documents are not known)."""
    if documents is None:
        return True
    return bool(documents.get(one, frozenset()) & documents.get(other, frozenset()))


LONGEST_PLACE = 3  # words of a place name opening an organisation's ("New York City")


def _without_place(words: list[str], places: Collection[str]) -> list[str]:
    """The words of a name after the place, country or nationality opening it ("Valmont
    Harbour Lions" → "Harbour Lions", "U.S. Treasury" → "Treasury", "Swedish Grain Board"
    → "Grain Board"), at least one word left; else the words as they are."""
    for n in range(min(LONGEST_PLACE, len(words) - 1), 0, -1):
        head = " ".join(words[:n]).casefold()
        if head in places or is_country(head) or (n == 1 and head in DEMONYMS):
            return words[n:]
    return words


def _plain(word: str) -> str:
    return word.casefold().rstrip(".,")


def _stands_for(short: str, long: str) -> bool:
    """Whether ``short`` is a shorter form of ``long``: the same name with another legal
    form or none ("Veltrix Corporation", "Veltrix Corp.", "Veltrix"), ``long`` without
    the trade words that end it ("ATI" of "ATI Technologies Inc."), or its initials, with
    or without its legal form ("AMD" of "Advanced Micro Devices", "TSMC" of "Taiwan
    Semiconductor Manufacturing Co.", "U.N." of "the United Nations")."""
    mine, theirs = [_plain(w) for w in _words(short)], [_plain(w) for w in _words(long)]
    if _without(mine, LEGAL_FORMS) == _without(theirs, LEGAL_FORMS) != []:
        return True
    n = len(mine)
    if 0 < n < len(theirs) and theirs[:n] == mine and set(theirs[n:]) <= COMPANY_WORDS:
        return True
    words = _words(short)
    if len(words) != 1 or not ACRONYM.match(words[0]):
        return False
    letters = words[0].replace(".", "")
    content = [w for w in _words(long) if initials([w])]
    while len(content) >= 2:
        if initials(content) == letters:
            return True
        if _plain(content[-1]) not in LEGAL_FORMS:
            return False
        content = content[:-1]
    return False


def _without(words: list[str], tail: frozenset[str]) -> list[str]:
    """``words`` without the words of ``tail`` that end them."""
    end = len(words)
    while end > 1 and words[end - 1] in tail:
        end -= 1
    return words[:end]


def acronym_people(parsed: SpacyDoc, cands: list[Cand], caps: set[int]) -> None:
    """Relabel ORG a "person" whose first word is an acronym or a brand written with an
    inner capital that names an organisation of the document or opens its name ("KVR
    HCS" beside "KVR Harbour Systems Inc.", "TelVox Maps" beside "TelVox"): the
    company's short name or its product, not a person's. Not on a line in capitals
    (``caps``: its tokens), where every word is written so."""
    named = {parsed[c.start].text for c in cands if c.label == "ORG"}
    for c in cands:
        first = parsed[c.start]
        if c.label != "PERSON" or c.start in caps or first.text not in named:
            continue
        if _brand_shaped(first.text) and not given_name(first.text):
            c.label, c.fixed = "ORG", True


def _brand_shaped(word: str) -> bool:
    """An acronym in capitals ("KVR") or a word with a capital inside ("TelVox")."""
    return word.isalpha() and len(word) > 1 and (word.isupper() or not word[1:].islower())
