"""What every step sees: the document, its parse and per-document lookups, and the records
passed between steps (PERSON mentions, resolved speakers, attributions)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsdesk.annotate.quotes.marks import Region
from newsdesk.annotate.resolve import DocumentPeople, canonical_name
from newsdesk.model import Document

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# a PERSON mention as `canonical_name` takes it: (start, name words, title)
PersonKey = tuple[int, tuple[str, ...], str | None]


@dataclass(frozen=True, slots=True)
class Person:
    """One PERSON mention: its name words (titles removed) and the title before it."""

    start: int
    end: int
    words: tuple[str, ...]
    title: str | None


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker mention."""

    name: str | None
    start: int
    end: int
    is_person: bool
    role: str | None = None


@dataclass(slots=True)
class Attribution:
    """What a cue says about a quote: cue text, speaker and relays."""

    cue: str
    speaker: Speaker | None
    via: tuple[str, ...] = ()
    said: bool = False  # a cue governs the words as said, by nobody named ("denied that")


@dataclass(slots=True)
class Context:
    """Per-document lookups shared by every step."""

    doc: Document
    parsed: SpacyDoc
    paragraphs: list[tuple[int, int]]
    token_starts: list[int]
    people: list[Person]
    entities: DocumentPeople = field(default_factory=lambda: DocumentPeople(()))
    regions: list[Region] = field(default_factory=list)
    region_starts: list[int] = field(default_factory=list)
    mark_chars: set[int] = field(default_factory=set)
    canon: list[tuple[int, str]] = field(default_factory=list)  # (mention start, full name)
    roles: dict[str, str] = field(default_factory=dict)
    # every role and title a name is given ("the ferry's captain", "mayor"), lowercased
    descriptions: dict[str, list[str]] = field(default_factory=dict)
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

    def full_name(self, start: int, end: int, words: tuple[str, ...], title: str | None) -> str:
        """The name of the person a mention stands for: its entity's name (the resolver
        shared with `entities`), else the longest name in the document it can stand for."""
        return self.entities.name_at(start, end) or canonical_name(
            words, title, self.person_keys(), start
        )

    def person_keys(self) -> list[PersonKey]:
        """The PERSON mentions as `canonical_name` takes them."""
        return [(p.start, p.words, p.title) for p in self.people]
