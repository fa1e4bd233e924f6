"""The person resolver: which person a name written in a document stands for, and which
names of a story are one person. Entities, quotes and the briefing all take their names
from here, so one person has one name everywhere.

- Within a document, `entities` groups PERSON mentions (full names first; a bare surname
  joins the full name its title names, else the one mentioned last before it).
  `DocumentPeople` indexes the result by character offset: the name of the person a
  mention belongs to. The quotes read speaker names through it, so a speaker is named as
  the entity is.
- A name no entity holds (a speaker the parse found outside the entities) becomes the
  longest name of the document ending with it (`canonical_name`).
- Across a story, `story_targets` joins names that are one person: equal up to case,
  accents, spacing around hyphens and a quoted nickname ("Marek 'Red' Olsza" = 'Marek
  "The Red" Olsza'); a full name whose given name is a familiar form of another's with the
  same surname ("Tom Lenz" = "Thomas Lenz" = "Thomas J. Lenz"), whose surname is written
  in one word or two ("Ivo DelVecchio" = "Ivo Del Vecchio"), with a particle or without
  ("Omar al-Brandt" = "Omar Brandt"), or whose long surname differs by one letter from
  another's with the same given names ("Marek Olsztyk" = "Marek Olsztynk"), is that
  person, and so is one whose given name spells a familiar form another way ("Bettie
  Page" = "Betty Mae Page"); so is one whose given name is another spelling of the
  other's ("Robyn" / "Robin", "Katherine" / "Kathryn") when no document writes both,
  and a full name with middle names or initials added ("Ana M. Ruiz" = "Ana Ruiz"), with
  given names before it ("Ana Maria Ruiz" = "Maria Ruiz") or cut after its initial ("Ana
  M."), when only one such fuller name exists (or all of them are one person); a surname
  alone joins the one person with that surname, else a given name alone the one person
  with that given name; with two owners they stay apart.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from nicknames import NickNamer

from newsdesk.annotate.names import surnames_of, without_suffixes
from newsdesk.lang.en.names import DIMINUTIVE_ENDINGS, PARTICLES, SUFFIXES
from newsdesk.model import Entity

__all__ = ["DocumentPeople", "canonical_name", "name_key", "story_targets", "strip_nickname"]

# a nickname in quotation marks inside a name: Marek "The Red" Olsza
NICKNAME = re.compile(r"\s[\"'“‘`][^\"'“”‘’`]+[\"'”’`]+(?=\s)")
INITIAL = re.compile(r"^[a-z]\.$")  # a middle initial, casefolded ("m.")
SHORTEST_VARIED = 5  # a surname this long may lose a letter and stay recognisable
SHORTEST_CHANGED = 7  # ... or have one letter changed ("Jansen" / "Hansen" are two names)
# a hyphen written with spaces around it inside a name ("Soo - ri")
HYPHEN = re.compile(r"\s*-\s*")


def strip_nickname(name: str) -> str:
    """A name without a quoted nickname, single-spaced ("Marek Olsza")."""
    return " ".join(NICKNAME.sub(" ", name).split())


def name_key(name: str) -> str:
    """What two writings of one name share: casefolded, single-spaced, accents and a quoted
    nickname left out, no spaces around a hyphen ("Marek 'Red' Olsza" and 'Marek "The Red"
    Olsza' → "marek olsza"; "Han Soo - ri" and "Han Soo-ri" → "han soo-ri"; "Zoë Ruíz" →
    "zoe ruiz")."""
    plain = HYPHEN.sub("-", strip_nickname(name))
    folded = unicodedata.normalize("NFKD", plain.casefold())
    words = [w.rstrip(".") if w.rstrip(".") in SUFFIXES else w for w in folded.split()]
    return "".join(c for c in " ".join(words) if not unicodedata.combining(c))


def _length(words: tuple[str, ...]) -> int:
    return len(words)


def canonical_name(
    words: Sequence[str],
    title: str | None,
    people: Sequence[tuple[int, tuple[str, ...], str | None]],
    position: int,
) -> str:
    """The full name a partial name stands for.

    ``people`` are the PERSON mentions of the document as ``(start, name words, title)``.
    Candidates are the names whose last words are ``words``; the longest wins. Between
    different people sharing the surname the title decides ("Mayor Brandt"), then the one
    mentioned most recently before ``position`` (or first after it).
    """
    key = tuple(words)
    if not key:
        return ""
    n = len(key)
    candidates: set[tuple[str, ...]] = {
        tuple(w) for _, w, _ in people if len(w) >= n and tuple(w[-n:]) == key
    }
    if not candidates:
        return " ".join(key)
    full: set[tuple[str, ...]] = {
        w for w in candidates if not any(len(o) > len(w) and o[-len(w) :] == w for o in candidates)
    }
    if title and len(full) > 1:
        full = {w for _, w, t in people if t == title and w in full} or full
    if len(full) > 1:
        before = [(s, w) for s, w, _ in people if s < position and w in candidates]
        if before:
            latest = max(before)[1]
            owners: list[tuple[str, ...]] = [f for f in sorted(full) if f[-len(latest) :] == latest]
            if owners:
                longest = max(owners, key=_length)
                return " ".join(longest)
        after = sorted((s, w) for s, w, _ in people if s >= position and w in full)
        if after:
            return " ".join(after[0][1])
    best = max(sorted(full), key=_length)
    return " ".join(best)


class DocumentPeople:
    """The PERSON entities of one document, looked up by character offset."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        spans = sorted(
            (m.span.start, m.span.end, e.name)
            for e in entities
            if e.type == "PERSON"
            for m in e.mentions
        )
        self._starts = [s for s, _, _ in spans]
        self._spans = spans
        self.names = frozenset(name for _, _, name in spans)

    def name_at(self, start: int, end: int) -> str | None:
        """The name of the person whose mention overlaps ``start:end`` most, else None."""
        best, best_overlap = None, 0
        i = bisect_right(self._starts, end)
        for s, e, name in reversed(self._spans[max(0, i - 8) : i]):
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = name, overlap
        return best


def story_targets(
    people: Mapping[str, str], documents: Mapping[str, frozenset[str]] | None = None
) -> dict[str, str]:
    """For the PERSON names of a story (``name_key`` → a written form), the key each one
    joins: its own, or the one person it names. A full name that is a spelling or nickname
    variant of another ("Tom Lenz" of "Thomas Lenz") joins it, else one with middle names
    added ("Ana M. Ruiz" of "Ana Ruiz"), else one with given names before it, else one cut
    after an initial, the surest kind that fits (beside "Ana M. Ruiz", "Deputy Ana Ruiz"
    with a title the model kept is no second owner of "Ana Ruiz"); so does one whose given name
    is another spelling of the other's ("Robyn Lenz" / "Robin Lenz", `_given_variant`)
    when ``documents`` (key → the documents writing it) shows no document writing both; a
    surname alone joins the one person with that surname, else a given name alone the one
    person with that given name; with two owners they stay apart."""
    full = sorted((k for k in people if len(k.split()) > 1), key=lambda k: (-len(k), k))
    targets = {key: key for key in people}
    for key in full:
        variants = [
            o
            for o in full
            if _spelling_variant(key, o)
            or _nickname_of(key, o)
            or _spaced_variant(key, o)
            or _particle_variant(key, o)
            or _diminutive_variant(key, o)
        ]
        for fits in (_fuller, _tail, _cut_after_initial):  # the surest kind of form first
            variants = variants or [o for o in full if fits(key, o)]
        owners = {targets[o] for o in variants}  # "Robert Livingston" is "Robert L. ..."
        if len(owners) == 1:
            targets[key] = owners.pop()
    if documents is not None:
        _join_given_variants(full, targets, documents)
    by_surname: dict[str, set[str]] = defaultdict(set)
    by_given: dict[str, set[str]] = defaultdict(set)
    for key in full:
        for surname in surnames_of(strip_nickname(people[key])):
            by_surname[name_key(surname)].add(targets[key])
        by_given[key.split()[0]].add(targets[key])
    for key in people:
        if len(key.split()) == 1:
            owners = by_surname.get(key) or by_given.get(key, set())
            targets[key] = next(iter(owners)) if len(owners) == 1 else key
    return targets


def _join_given_variants(
    full: Sequence[str], targets: dict[str, str], documents: Mapping[str, frozenset[str]]
) -> None:
    """Join a person to the one other person of the story whose full name differs only in
    a spelling of the given name (`_given_variant`), when no document writes both; the
    shorter names first, so a name joins the fuller one."""
    for key in reversed(full):
        if targets[key] != key:
            continue
        owners = {
            targets[o]
            for o in full
            if targets[o] != key and (_given_variant(key, o) or _given_variant(o, key))
        }
        if len(owners) != 1:
            continue
        owner = owners.pop()
        mine = {k for k in full if targets[k] == key}
        theirs = {k for k in full if targets[k] == owner}
        if _documents_of(mine, documents) & _documents_of(theirs, documents):
            continue
        for k in mine:
            targets[k] = owner


def _documents_of(keys: Iterable[str], documents: Mapping[str, frozenset[str]]) -> set[str]:
    """The documents writing any of the names."""
    return {d for k in keys for d in documents.get(k, frozenset())}


SHORTEST_GIVEN_VARIED = 5  # a given name this long may have one letter changed ("Robyn")
SHARED_FAMILIAR_FORMS = 2  # ... or be another spelling with this many nicknames in common


def _given_variant(one: str, other: str) -> bool:
    """Two writings of one person's name whose given names are spellings of one name: the
    same surname, the middle names of one among the other's, and given names with the
    same initial one letter apart ("robin lenz" / "robyn ann lenz"), sharing their
    familiar forms ("katherine lenz" / "kathryn lenz", `_familiar_forms_shared`) or
    spelling one familiar form two ways ("bettie" / "betty", `_diminutives`), or long
    given names apart in their first letter only (`_transliterated`)."""
    a, b = one.split(), other.split()
    if len(a) > len(b) or a[-1] != b[-1] or a[0] == b[0]:
        return False
    if not _middles_among(a, b):
        return False
    x, y = a[0].rstrip("."), b[0].rstrip(".")
    if min(len(x), len(y)) < 2:
        return False  # an initial
    if x[0] != y[0]:
        return _transliterated(x, y)
    return _one_letter_apart(x, y) or _familiar_forms_shared(x, y) or _diminutives(x, y)


def _diminutive_variant(short: str, long: str) -> bool:
    """Two writings of one full name whose given names spell one familiar form two ways
    ("bettie page" / "betty mae page", `_diminutives`), the longer with middle names the
    shorter lacks: one person even where one document writes both ("Bettie Page, born
    Betty Mae Page"). Names alike but for the given name are compared as other spellings
    are (`_given_variant`: when no document writes both)."""
    a, b = short.split(), long.split()
    if len(a) >= len(b) or a[-1] != b[-1] or not _middles_among(a, b):
        return False  # alike but for the given name ("Terry Page", "Terri Page"): two people?
    return _diminutives(a[0].rstrip("."), b[0].rstrip("."))


def _diminutives(x: str, y: str) -> bool:
    """Two spellings of one familiar given name, alike but for its ending ("bettie" /
    "betty", "kelsey" / "kelsie", "robbie" / "robby"), the stem at least four letters
    ("mary" / "marie", "tony" / "toni" are other names)."""

    def stem(word: str) -> str:
        for ending in DIMINUTIVE_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                return word[: -len(ending)]
        return word

    return x != y and stem(x) != x and stem(x) == stem(y)


def _transliterated(x: str, y: str) -> bool:
    """Two romanisations of one long given name that differ in their first letter only
    ("kastellan" / "gastellan"): both at least `SHORTEST_CHANGED` letters long."""
    return min(len(x), len(y)) >= SHORTEST_CHANGED and len(x) == len(y) and x[1:] == y[1:]


def _familiar_forms_shared(x: str, y: str) -> bool:
    """Two spellings of one formal given name: at least two familiar forms in common
    ("katherine" / "kathryn": kate, kathy), neither a woman's form of the other (one
    ending in "a" where the other does not: "alexandra" / "alexander", or the other
    with an ending added: "josephine" / "joseph")."""
    if x.endswith("a") != y.endswith("a") or x.startswith(y) or y.startswith(x):
        return False
    names = _nicknamer()
    return len(names.nicknames_of(x) & names.nicknames_of(y)) >= SHARED_FAMILIAR_FORMS


def _one_letter_apart(x: str, y: str) -> bool:
    """Two words of at least `SHORTEST_GIVEN_VARIED` letters, one letter changed, added or
    left out."""
    if min(len(x), len(y)) < SHORTEST_GIVEN_VARIED:
        return False
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    short, long = sorted((x, y), key=len)
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


def _fuller(short: str, long: str) -> bool:
    """``long`` is ``short`` with middle names or initials added ("ana ruiz" / "ana m.
    ruiz", "ana maria ruiz"), and maybe a generational suffix ``short`` does not write
    ("ana m. ruiz jr"; "ana ruiz jr" alone may be her son): the same first and last words,
    the others in order."""
    a, b = short.split(), long.split()
    if a[-1] not in SUFFIXES:
        b = without_suffixes(b)
    if len(a) >= len(b) or a[0] != b[0] or a[-1] != b[-1]:
        return False
    return _middles_among(a, b)


def _middles_among(a: list[str], b: list[str]) -> bool:
    """The middle words of name ``a`` are among those of name ``b``, in order ("m." of
    "ana m. ruiz" in "ana maria m. ruiz"; none always are)."""
    rest = iter(b[1:-1])
    return all(word in rest for word in a[1:-1])


def _cut_after_initial(short: str, long: str) -> bool:
    """``short`` is ``long`` cut after a middle initial, its surname lost ("ana m." / "ana
    m. ruiz"): the words of ``short``, ending in an initial, open ``long``."""
    a, b = short.split(), long.split()
    return 1 < len(a) < len(b) and b[: len(a)] == a and bool(INITIAL.match(a[-1]))


def _tail(short: str, long: str) -> bool:
    """``long`` is ``short`` with given names before it ("lise brandt" / "ka'vona lise
    brandt": a middle name and the surname, the first given name left out)."""
    a, b = short.split(), long.split()
    return 1 < len(a) < len(b) and b[-len(a) :] == a and a[-1] not in SUFFIXES


def _nickname_of(short: str, formal: str) -> bool:
    """``short`` is ``formal`` with its given name in a familiar form ("tom lenz" /
    "thomas lenz", "tom lenz" / "thomas j. lenz"): the same surname, the middle names of
    ``short`` among the other's, the first given name a nickname of the other's (a
    hand-curated list of English names and their nicknames)."""
    a, b = short.split(), formal.split()
    if len(a) < 2 or len(a) > len(b) or a[-1] != b[-1] or len(a[0]) >= len(b[0]):
        return False  # the familiar form is the shorter one
    if not _middles_among(a, b):
        return False
    names = _nicknamer()
    return a[0] in names.nicknames_of(b[0]) or b[0] in names.nicknames_of(a[0])


@cache
def _nicknamer() -> NickNamer:
    """The nickname table, read once (the `nicknames` package)."""
    return NickNamer()


def _spaced_variant(one: str, other: str) -> bool:
    """Two writings of one full name whose surname is written in one word or two ("ivo
    delvecchio" / "ivo del vecchio"): the same given name, the same letters after it."""
    a, b = one.split(), other.split()
    return len(a) != len(b) and a[0] == b[0] and "".join(a[1:]) == "".join(b[1:])


def _particle_variant(one: str, other: str) -> bool:
    """Two writings of one full name, one with a particle the other leaves out ("omar
    al-brandt" / "omar brandt", "ivo van brandt" / "ivo brandt"): the same words once
    particles, alone or opening a hyphenated word, are left out."""
    a, b = _without_particles(one), _without_particles(other)
    return one != other and len(a) > 1 and a == b


def _without_particles(name: str) -> list[str]:
    """The words of a name key without particles ("al-brandt" → "brandt")."""
    words = []
    for word in name.split():
        head, _, rest = word.partition("-")
        if word in PARTICLES:
            continue
        words.append(rest if rest and head in PARTICLES else word)
    return words


def _spelling_variant(short: str, long: str) -> bool:
    """Two writings of one full name that differ by one letter of a long surname, left out
    ("marek olsztyk" / "marek olsztynk") or changed ("olsztonek" / "olsztanek"): the same
    given names, the surnames one edit apart."""
    a, b = short.split(), long.split()
    if len(a) != len(b) or a[:-1] != b[:-1] or a[-1] == b[-1]:
        return False
    x, y = a[-1], b[-1]
    if len(y) == len(x) + 1 and len(x) >= SHORTEST_VARIED:
        return any(y[:i] + y[i + 1 :] == x for i in range(len(y)))
    if len(x) == len(y) >= SHORTEST_CHANGED:
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    return False
