"""People in a story's parses: their names, and the ages and titles written with them.

Names are PERSON entities with title words and a possessive removed, plus capitalised
chains spaCy missed that carry an age and a known surname. ``People`` matches a name
across documents: a full name stands for itself, a surname alone for the one full name
it can stand for (first in the same document, then in the story). A title is the
capitalised post written before the name (``Deputy Harbour Master Inga Solberg``);
honorifics (Mr, Ms, Dr) alone are no title.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdesk.brief.claims import Claim, token_span
from newsdesk.brief.number_words import is_number
from newsdesk.lang.en.titles import (
    ABBREVIATIONS,
    HONORIFICS,
    RANK_WORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from newsdesk.model import Document

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Name", "People", "names_by_document", "person_claims", "titles_compatible"]

_HONORIFICS = HONORIFICS | {"dr"}
_ABBREVIATIONS = {k: v for k, v in ABBREVIATIONS.items() if k != "dr"}  # "Dr." is no post
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS | set(_ABBREVIATIONS) | _HONORIFICS


def _title_word(token: Token) -> str | None:
    """The normalised title word ``token`` is, or None (lowercase words never are)."""
    if not token.text[:1].isupper():
        return None
    low = token.lower_.rstrip(".")
    if low not in _TITLE_WORDS:
        return None
    return _ABBREVIATIONS.get(low, low)


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name in a parse: tokens ``start:end`` (title words excluded)."""

    start: int
    end: int
    text: str


def _name(parse: Doc, start: int, end: int) -> Name:
    """The name written in tokens ``start:end`` of ``parse``."""
    return Name(start, end, " ".join(t.text for t in parse[start:end]))


def _names(parse: Doc) -> list[Name]:
    """PERSON entities with leading title words and a trailing possessive removed."""
    out = []
    for ent in parse.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start, ent.end
        while start < end and (
            _title_word(parse[start]) or parse[start].pos_ != "PROPN" or parse[start].text == "."
        ):
            start += 1
        if end - 1 > start and parse[end - 1].lower_ in {"'s", "’s", "'"}:
            end -= 1
        if start < end and all(t.text[:1].isupper() for t in parse[start:end]):
            out.append(_name(parse, start, end))
    return out


def _extra_names(parse: Doc, known_surnames: set[str]) -> list[Name]:
    """Capitalised name chains spaCy did not label PERSON whose surname is a known person's.

    Only chains followed by ``, <age>`` are looked at ("Arvid Lunde, 31," tagged ORG).
    """
    out = []
    for token in parse:
        if token.text != "," or token.i == 0 or token.i + 1 >= len(parse):
            continue
        last = parse[token.i - 1]
        if last.ent_type_ == "PERSON" or last.pos_ != "PROPN" or not is_number(parse[token.i + 1]):
            continue
        start = last.i
        while start > 0 and last.i - start < 2 and parse[start - 1].pos_ == "PROPN":
            start -= 1
        if last.i > start and last.lower_ in known_surnames and not _title_word(parse[start]):
            out.append(_name(parse, start, last.i + 1))
    return out


def names_by_document(parsed: Sequence[tuple[Document, Doc]]) -> dict[str, list[Name]]:
    """The names in each parsed document, by document id.

    A chain spaCy did not label PERSON counts when its surname is the surname of a full
    name found anywhere in the story.
    """
    names = {d.id: _names(p) for d, p in parsed}
    surnames = {n.text.split()[-1].lower() for ns in names.values() for n in ns if " " in n.text}
    for d, p in parsed:
        names[d.id] += _extra_names(p, surnames)
    return names


class People:
    """Resolves a name in a document to one person of the story (full name) or None."""

    def __init__(self, names: dict[str, list[Name]]) -> None:
        self._story: dict[str, set[str]] = defaultdict(set)
        self._doc: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._full = {n.text for found in names.values() for n in found if n.text.count(" ") == 1}
        for doc_id, found in names.items():
            for name in found:
                parts = self._parts(name.text)
                if len(parts) >= 2:
                    self._story[parts[-1].lower()].add(" ".join(parts))
                    self._doc[doc_id, parts[-1].lower()].add(" ".join(parts))

    def _parts(self, name: str) -> list[str]:
        """The words of ``name``; the last two only when they are a known full name
        ("Tragic Arvid Lunde": a word spaCy took into the name)."""
        parts = name.split()
        if len(parts) >= 3 and " ".join(parts[-2:]) in self._full:
            return parts[-2:]
        return parts

    def resolve(self, doc_id: str, name: str) -> str | None:
        """The full name ``name`` (in document ``doc_id``) stands for; None if ambiguous."""
        parts = self._parts(name)
        if len(parts) >= 2:
            return " ".join(parts)
        surname = name.lower()
        for candidates in (self._doc.get((doc_id, surname)), self._story.get(surname)):
            if candidates:
                return next(iter(candidates)) if len(candidates) == 1 else None
        return name


def _ages(parse: Doc, name: Name) -> Iterator[Token]:
    """The age numbers written with ``name``: ``Name, 54,`` / ``Name (54)`` / ``Name, aged
    54`` / ``54-year-old Name`` (up to two describing words in between)."""
    i = name.end + (parse[name.end + 1 : name.end + 2].text == "aged")
    if i + 1 < len(parse) and parse[name.end].text in {",", "("}:
        number = parse[i + 1]
        closing = parse[i + 2].text if i + 2 < len(parse) else "."
        if number.text.isdigit() and closing in {",", ".", ";", ")", ":", "-", "–", "—"}:
            yield number
    for i in range(name.start - 5, max(-1, name.start - 8), -1):
        if [t.lower_ for t in parse[i + 1 : i + 5]] == ["-", "year", "-", "old"]:
            between = parse[i + 5 : name.start]
            if parse[i].text.isdigit() and all(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in between):
                yield parse[i]


def person_claims(doc: Document, parse: Doc, names: list[Name], people: People) -> Iterator[Claim]:
    """Age and title claims about the people ``names`` (found in ``parse``)."""
    for name in names:
        person = people.resolve(doc.id, name.text)
        if person is None:
            continue
        if name.text.endswith(" " + person):
            name = Name(name.end - len(person.split()), name.end, person)
        first, last = parse[name.start], parse[name.end - 1]
        for age in _ages(parse, name):
            if 0 < int(age.text) < 120:
                span = token_span(doc, [first, last, age], limit=400)
                yield Claim(("age", person), f"age of {person}", int(age.text), span)
        title = _title_before(parse, name)
        if title is not None:
            words, start = title
            span = token_span(doc, [parse[start], last], limit=400)
            yield Claim(("title", person), f"title of {person}", words, span)


def _title_before(parse: Doc, name: Name) -> tuple[tuple[str, ...], int] | None:
    """The capitalised title written right before ``name`` and its first token index."""
    i = name.start - 1
    words: list[str] = []
    while i >= 0:
        token = parse[i]
        if token.text == "." and i > 0 and parse[i - 1].lower_ in _ABBREVIATIONS:
            i -= 1
            continue
        word = _title_word(token)
        if word is None or token.sent.start != parse[name.start].sent.start:
            break
        words.insert(0, word)
        i -= 1
    while words and words[0] in _HONORIFICS:
        words.pop(0)
        i += 1
    if not words or words[-1] not in TITLE_HEADS:
        return None
    start = i + 1
    while parse[start].lower_.rstrip(".") in _HONORIFICS or parse[start].text == ".":
        start += 1
    return tuple(words), start


def titles_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Equal, or one is the other with a qualifier that is not a rank ("Detective")."""
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if long[len(long) - len(short) :] != short:
        return False
    return not any(w in RANK_WORDS for w in long[: len(long) - len(short)])
