"""A person's age and post, as a sentence states them beside the person's name.

* **age**: "Henrik Maalstad, 54," / "Henrik Maalstad (54)" / "Henrik Maalstad, aged 54" /
  "the 54-year-old Henrik Maalstad" / "Henrik Maalstad's, 54, career";
* **ages of a group**: the ages listed for several people a plural noun names ("the
  bodies of two women, 68 and 48 years old"; "the victims, who were 61 and 48 years
  old"), keyed by that noun and the number of ages;
* **seat of a building**: the town a named clinic, hotel or other building is in
  ("Harbour Clinic in Dunmore", "the Dunmore Harbour Clinic", where the story names
  Dunmore as a place), keyed by the name without the town;
* **home town**: the town a person is "of" ("Tom Berg of Tessel", "Tom Berg, of
  Tessel,"; a country, or a town written with its region, is none);
* **post**: the capitalised title before the name ("Deputy Harbour Master Inga
  Solberg") or a post in apposition ("Inga Solberg, the deputy harbour master"; "the
  harbour master, Inga Solberg"; "Inga Solberg, a spokeswoman for the Tessel Port
  Authority": a post at a named organisation); a former or incoming post is none.

`newsdesk.brief.slots` keys both by the person the annotation found, not by the words
written; `titles_compatible` tells whether two posts can be one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newsdesk.annotate.names import DASHES, DETERMINERS, POSSESSIVE
from newsdesk.annotate.roles import title_before
from newsdesk.lang.en.people import names_people
from newsdesk.lang.en.places import COUNTRIES, PLACE_NAME_WORDS
from newsdesk.lang.en.titles import (
    ABBREVIATIONS,
    HONORIFICS,
    NOT_NOW_QUALIFIERS,
    RANK_WORDS,
    SAME_POST,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)
from newsdesk.model import Document, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "PersonReading",
    "group_ages",
    "organisation_seats",
    "person_readings",
    "titles_compatible",
]

PersonReading = tuple[tuple[str, ...], str, str, str, "Token", TextSpan]
_TITLE_TOKENS = TITLE_WORDS | TITLE_HEADS | TITLE_MODIFIERS | set(ABBREVIATIONS) | HONORIFICS


def person_readings(
    doc: Document, parse: Doc, mentions: Sequence[tuple[int, int, str]]
) -> Iterator[PersonReading]:
    """The ages, home towns and titles written with the person mentions of one
    sentence."""
    for start, end, person in mentions:
        span = parse.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        first, last = span.start, span.end
        while first < last and (_title_word(parse[first]) or parse[first].pos_ != "PROPN"):
            first += 1  # "Captain Tom Berg": the name starts after its title
        if last - 1 > first and parse[last - 1].lower_ in POSSESSIVE:
            last -= 1
        if first >= last:
            continue
        for age in _ages(parse, first, last):
            if 0 < int(age.text) < 120:
                claim = _token_span(doc, [parse[first], parse[last - 1], age])
                yield ("age", person), f"age of {person}", age.text, age.text, age, claim
        home = _home(parse, last)
        if home is not None:
            claim = _token_span(doc, [parse[first], home[-1]])
            place = home.text
            yield ("origin", person), f"home town of {person}", place, place, home.root, claim
        title = _title_before(parse, first) or _post_beside(parse, first, last)
        if title is not None:
            words, at, upto = title
            named = {w.lower() for w in person.split()}
            outside = (i for i in range(at, upto + 1) if not first <= i < last)
            if any(parse[i].lower_.rstrip(".") in named for i in outside):
                continue  # "…from strongman Hun Sen. Hun Sen said": his name, no "Sen."
            claim = _token_span(doc, [parse[at], parse[upto], parse[first], parse[last - 1]])
            shown = " ".join(words)
            yield ("title", person), f"title of {person}", shown, shown, parse[at], claim


def _post_beside(parse: Doc, first: int, last: int) -> tuple[tuple[str, ...], int, int] | None:
    """The post an appositive gives the name in tokens ``first:last`` ("Tom Berg, the
    harbour master,"; "the consul, Tom Berg"): its head is a post (`TITLE_HEADS`), with
    the qualifiers of a post before it ("deputy"); a former or incoming post is none. With
    the first and last token of the post's phrase."""
    name = parse[first:last]
    candidates = [t for tok in name for t in tok.children if t.dep_ == "appos"]
    candidates += [name.root.head] if name.root.dep_ == "appos" else []
    for head in candidates:
        if head.pos_ != "NOUN" or head.i in range(first, last):
            continue
        if head.lemma_.lower() not in TITLE_HEADS and not _post_at_organisation(head):
            continue
        before = [c for c in head.children if c.i < head.i and c.dep_ in {"amod", "compound"}]
        if any(c.lower_ in NOT_NOW_QUALIFIERS for c in before):
            return None
        words = [c.lower_ for c in before if c.lower_ in TITLE_MODIFIERS]
        start = min([head.i, *(c.i for c in before)])
        end = head.i if head.lemma_.lower() in TITLE_HEADS else head.right_edge.i
        return (*words, head.lemma_.lower()), min(start, head.left_edge.i), end
    return None


def _home(parse: Doc, last: int) -> Span | None:
    """The town a person is "of", written right after the name ending before token
    ``last`` ("Tom Berg of Tessel", "Tom Berg, of Tessel,"): a name of one to three
    capitalised words with no article (the parse's entity label, often wrong for small
    towns, is not trusted), not a country, and followed by no other name ("of Tessel,
    Norland" says the region too)."""
    i = last + (last < len(parse) and parse[last].text == ",")
    if i + 1 >= len(parse) or parse[i].lower_ != "of":
        return None
    end = i + 1
    while end < len(parse) and parse[end].pos_ == "PROPN" and parse[end].text[:1].isupper():
        end += 1
    if not 1 <= end - i - 1 <= 3 or parse[i + 1].ent_type_ not in _PLACE_LABELS:
        return None
    place = parse[i + 1 : end]
    if place.text.casefold() in COUNTRIES or any(t.ent_iob_ == "B" for t in place[1:]):
        return None
    after = parse[end : end + 2]
    if end < len(parse) and parse[end].ent_iob_ == "I":
        return None  # the name runs on
    if len(after) == 2 and after[0].text == "," and after[1].pos_ == "PROPN":
        return None
    return place


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})


def _post_at_organisation(head: Token) -> bool:
    """Whether an appositive noun of a person is a post held at a named organisation
    ("Tom Berg, a spokesman for the Tessel Port Authority"): a word for a post
    (`TITLE_WORDS`) whose "for", "of" or "at" phrase names an organisation."""
    if head.lemma_.lower() not in TITLE_WORDS:
        return False
    return any(
        prep.lower_ in {"for", "of", "at"} and any(t.ent_type_ == "ORG" for t in prep.subtree)
        for prep in head.children
        if prep.dep_ == "prep"
    )


def _token_span(doc: Document, tokens: Sequence[Token]) -> TextSpan:
    """The text from the first to the last of ``tokens``."""
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    return TextSpan(doc.span(start, end), doc.text[start:end])


def group_ages(sent: Span) -> Iterator[tuple[tuple[str, ...], str, str, str, Token]]:
    """The ages a sentence lists for a group of people ("two women -- 68 and 48 years
    old", "the names of the women, who were 61 and 48 years old"): two or more numbers
    joined by commas and "and" before "years old", and the plural noun for people they
    describe (`_group_of`). Keyed ("ages", the noun's lemma, how many ages); the value is
    the ages in ascending order; with the first number (the claim's focus)."""
    doc = sent.doc
    for old in sent:
        if old.lower_ != "old" or old.i < 2:
            continue
        i = old.i - 1 - (doc[old.i - 1].text in DASHES)
        if doc[i].lemma_.lower() != "year":
            continue
        i -= 1 + (doc[i - 1].text in DASHES)
        numbers: list[Token] = []
        while i >= sent.start and doc[i].text.isdigit():
            numbers.append(doc[i])
            if i - 1 < sent.start or doc[i - 1].lower_ not in {"and", ","}:
                break
            i -= 2
        if len(numbers) < 2 or not all(0 < int(n.text) < 120 for n in numbers):
            continue
        group = _group_of(numbers[-1])
        if group is None:
            continue
        ages = sorted(int(n.text) for n in numbers)
        first = numbers[-1]
        key = ("ages", group.lemma_.lower(), str(len(ages)))
        shown = doc[first.i : numbers[0].i + 1].text
        value = " ".join(map(str, ages))
        yield key, f"ages of the {group.lower_}", value, shown, first


def _group_of(number: Token) -> Token | None:
    """The plural noun for people a listed age describes: the noun the list stands in
    apposition to ("two women -- 68 and 48"), or the antecedent of the relative clause
    it completes ("the women, who were 61 and 48"), or that antecedent's "of" phrase
    when the antecedent names no people ("the names of the women, who were…")."""
    token = number
    for _ in range(6):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ != "NOUN" or token.lemma_.lower() == "year":
            continue
        for noun in (token, *(o for p in token.children if p.lower_ == "of" for o in p.children)):
            if noun.tag_ == "NNS" and names_people(noun.lemma_.lower(), by_ending=False):
                return noun
        return None
    return None


def organisation_seats(
    sent: Span, places: frozenset[str]
) -> Iterator[tuple[tuple[str, ...], str, str, str, Token]]:
    """The towns a sentence places named buildings in (a name of two words or more
    ending in a word for a building: "Harbour Clinic", "Tessel Hotel"): "<name> in
    <town>" (the first place of "in Dunmore, Norland") or a name opening with a word
    the story names as a place (``places``: "Dunmore Harbour Clinic", when another
    report writes "Dunmore" as a place). Keyed ("seat", the name without the town,
    lowercase); a country is no town."""
    doc = sent.doc
    for name in sent.ents:
        if name.label_ not in _SEATED_LABELS:
            continue
        words = [t for t in name if t.lower_ not in DETERMINERS]
        if len(words) < 2 or PLACE_NAME_WORDS.get(words[-1].lower_) != "FAC":
            continue  # a building's name ("Harbour Clinic"), not a court's or a firm's
        at = name.end
        town = next(
            (e for e in sent.ents if e.start == at + 1 and e.label_ == "GPE"),
            None,
        )
        if at < len(doc) and doc[at].lower_ == "in" and town is not None:
            if town.text.casefold() not in COUNTRIES:
                yield _seat(" ".join(t.text for t in words), town.text, words[0])
        opening = words[0].text
        if len(words) >= 3 and opening in places and opening.casefold() not in COUNTRIES:
            yield _seat(" ".join(t.text for t in words[1:]), words[0].text, words[0])


_SEATED_LABELS = frozenset({"ORG", "FAC"})


def _seat(name: str, town: str, focus: Token) -> tuple[tuple[str, ...], str, str, str, Token]:
    return ("seat", name.lower()), f"location of {name}", town, town, focus


def _ages(parse: Doc, start: int, end: int) -> Iterator[Token]:
    """The age numbers written with the name in tokens ``start:end``: ``Name, 54,`` /
    ``Name (54)`` / ``Name, aged 54`` / ``54-year-old Name`` (up to two describing words
    in between); after a possessive too (``Name's, 54, career``). A record or score is
    none: ``Name (45-7-2)``."""
    if end < len(parse) and parse[end].lower_ in POSSESSIVE:
        end += 1  # "Reid's, 33, acting career": the age of the owner
    i = end + (parse[end + 1 : end + 2].text == "aged")
    if i + 1 < len(parse) and parse[end].text in {",", "("}:
        number = parse[i + 1]
        closing = parse[i + 2].text if i + 2 < len(parse) else "."
        after = parse[i + 3].text if i + 3 < len(parse) else ""
        record = after[:1].isdigit()  # "(45-7-2)", "(10-0)"
        ends = closing in {",", ".", ";", ")", ":"} or (closing in DASHES and not record)
        if number.text.isdigit() and ends:
            yield number
    for i in range(start - 5, max(-1, start - 8), -1):
        if [t.lower_ for t in parse[i + 1 : i + 5]] == ["-", "year", "-", "old"]:
            between = parse[i + 5 : start]
            if parse[i].text.isdigit() and all(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in between):
                yield parse[i]


def _title_word(token: Token) -> str | None:
    """The normalised title word ``token`` is, or None (lowercase words never are)."""
    if not token.text[:1].isupper():
        return None
    low = token.lower_.rstrip(".")
    if low not in _TITLE_TOKENS:
        return None
    return ABBREVIATIONS.get(low, low)


def _title_before(parse: Doc, start: int) -> tuple[tuple[str, ...], int, int] | None:
    """The capitalised post ending the title phrase before the name starting at token
    ``start`` (`roles.title_before`: "Deputy Harbour Master" of "Port Deputy Harbour Master
    Inga Solberg"), its first and last token; an honorific alone is no post."""
    ranges = title_before(parse, start)
    if not ranges:
        return None
    words: list[str] = []
    first = ranges[-1][1]
    for i in range(first - 1, ranges[0][0] - 1, -1):
        token = parse[i]
        if token.text == "." and i > 0 and parse[i - 1].lower_ in ABBREVIATIONS:
            continue
        word = _title_word(token)
        if word is None:
            break
        words.insert(0, word)
        first = i
    if not words or words[-1] not in TITLE_HEADS:
        return None
    return tuple(words), first, start - 1


def titles_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Equal (words for one post written two ways are one: "Justice", "Judge"), or one
    is the other with a qualifier that is not a rank ("Detective Inspector" and
    "Inspector"; not "Deputy Mayor" and "Mayor")."""
    a = [SAME_POST.get(w, w) for w in a]
    b = [SAME_POST.get(w, w) for w in b]
    if tuple(a) == tuple(b):
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if tuple(long[len(long) - len(short) :]) != tuple(short):
        return False
    return not any(w in RANK_WORDS for w in long[: len(long) - len(short)])
