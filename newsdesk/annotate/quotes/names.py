"""Names: the name words and title of a mention, the full name a partial name stands for
(`canonical_name`), the PERSON mentions of a parse and the gender an honorific tells."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsdesk.annotate.names import without_suffixes
from newsdesk.annotate.quotes.context import Person
from newsdesk.lang.en.people import gender_of
from newsdesk.lang.en.titles import ABBREVIATIONS, HONORIFICS, TITLE_WORDS

TITLES = HONORIFICS | TITLE_WORDS | frozenset(ABBREVIATIONS)

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token


def _title_key(word: str) -> str:
    """A title word as the word lists spell it: "Dr." -> "dr"."""
    return word.lower().rstrip(".")


def is_title(word: str) -> bool:
    return _title_key(word) in TITLES


def title_before(parsed: SpacyDoc, i: int) -> str | None:
    """The title right before token ``i`` ("Mayor" in "Mayor Brandt"), or None."""
    if i > 0 and is_title(parsed[i - 1].text):
        return _title_key(parsed[i - 1].text)
    return None


def name_words(tokens: Sequence[Token]) -> tuple[tuple[str, ...], str | None]:
    """Name words of a mention, and its title (the last leading title word).

    Leading titles and lowercase words are dropped, as are possessive endings; a title word
    is kept when it is the last word ("Mr. King", "Judge").
    """
    texts = _source_words(
        [t for t in tokens if t.dep_ != "case" and t.text not in {"'s", "’s", "'", "’"}]
    )
    title = None
    start = 0
    while start < len(texts) - 1 and (is_title(texts[start]) or not texts[start][:1].isupper()):
        if is_title(texts[start]):
            title = _title_key(texts[start])
        start += 1
    words = tuple(without_suffixes(texts[start:]))
    if len(words) == 1 and not words[0][:1].isupper():
        return (), title
    return words, title


def _source_words(tokens: Sequence[Token]) -> list[str]:
    """The words of a name as the source writes them: tokens with no space between them
    are one word ("Joon-hee", not "Joon - hee")."""
    words: list[str] = []
    end = -1
    for tok in tokens:
        if words and tok.idx == end:
            words[-1] += tok.text
        else:
            words.append(tok.text)
        end = tok.idx + len(tok.text)
    return words


def gender(title: str | None) -> str | None:
    """'m' or 'f' from an honorific ("Mr.", "Ms"); None when the title does not tell.

    A first name is no evidence: gender comes from the text (honorifics, gendered nouns,
    the pronouns used of the person; see `quotes.people`)."""
    return gender_of(title) if title else None


def find_people(parsed: SpacyDoc) -> list[Person]:
    """PERSON mentions with their name words and a title just before them."""
    found = []
    for ent in parsed.ents:
        if ent.label_ != "PERSON":
            continue
        words, title = name_words(list(ent))
        if not words:
            continue
        if title is None:
            title = title_before(parsed, ent.start)
        found.append(Person(ent.start_char, ent.end_char, words, title))
    return found
