"""Named entities: spaCy's NER corrected for news copy, names resolved, roles attached.

    parsed.ents ─► split/trim ─► add datelines, patterns, results, repeats ─► drop photo
    credits and headline phrases ─► harmonise labels ─► resolve names ─► roles ─► Entity

The steps live by concern: `ner_fixes` corrects spaCy's spans (split, trim, drop, add,
propagate, harmonise), `headlines` cuts names at a headline's words and drops headline
phrases, `layout` reads datelines, all-caps and results lines, `names` holds
the word lists and name-shape tests, `roles` finds titles and appositions, `kinds` what a
name names from the words around it. This module runs them and resolves the candidates
into entities; a name described as a person ("His wife, Marit") or used as one ("Ana
Vale, 20,", "Ivo Brandt and Ana Vale", "Ms. Vale", a speaker described by a
nationality: `person_use`) is PERSON whatever the model said, one described as a vessel is PRODUCT,
a "person" the words around it show to be a place ("the town of X", "X Hospital") takes
that label, and a person's name standing for a building named
after them ("the Ada Lunde Center" ... "back at Ada Lunde") is FAC.

Resolution: full names first; a bare surname ("Alenko", "Mr. Alenko") joins the full name
sharing it: the one its title names ("Mayor", "Dr."), else the one mentioned last before it
(else first after it). `merge_entities` joins the names of a story through the person
resolver (`resolve`), which the quotes read their speakers' names from too.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from newsdesk.annotate.headlines import headline_names, headline_phrases
from newsdesk.annotate.kinds import kind_of_noun, mention_kind, written_with_the
from newsdesk.annotate.layout import caps_tokens, datelines, results
from newsdesk.annotate.names import (
    POSSESSIVE,
    credentials,
    glued,
    glued_to_a_word,
    has_digit,
    is_country,
    is_title,
    name_shaped,
    only_initials,
    plain_word,
    surnames_of,
)
from newsdesk.annotate.ner_fixes import (
    Cand,
    add_given_names,
    majority_label,
    names_after_the,
    no_dates,
    outside,
    pieces,
    plausible,
)
from newsdesk.annotate.ner_spread import (
    harmonise,
    join_adjacent,
    join_place_in_name,
    overlay,
    pattern_names,
    propagate,
    quoted_titles,
    speaking_names,
    titled_names,
)
from newsdesk.annotate.nlp import text_of
from newsdesk.annotate.organisations import acronym_people, organisation_targets, person_forms
from newsdesk.annotate.person_use import (
    opens_with_given_name,
    titles_by_use,
    used_as_a_person,
)
from newsdesk.annotate.resolve import name_key, story_targets
from newsdesk.annotate.roles import (
    Ranges,
    appositions,
    describes_person,
    in_passing,
    person_noun,
    title_before,
    title_words,
)
from newsdesk.lang.en.measures import DIRECTIONS
from newsdesk.lang.en.names import COMPANY_WORDS
from newsdesk.lang.en.people import (
    FEMALE_NOUNS,
    JOB_NOUNS,
    KIN_NOUNS,
    MALE_NOUNS,
    PERSON_NOUNS,
    RELATIONAL_NOUNS,
    RESIDENT_NOUNS,
    gender_of,
)
from newsdesk.lang.en.places import DEMONYMS, PLACE_NAME_WORDS, PLACE_PREPOSITIONS
from newsdesk.lang.en.stop_words import PREPOSITIONS
from newsdesk.lang.en.titles import (
    ABBREVIATIONS,
    HONORIFICS,
    OTHER_POSTS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)
from newsdesk.layout import credit_regions, nonbody_regions
from newsdesk.model import Document, Entity, Mention, Span, TextSpan

__all__ = ["entity_at", "extract_entities", "merge_entities"]

NAME_LABELS = frozenset(
    "PERSON ORG GPE LOC NORP FAC EVENT PRODUCT WORK_OF_ART LAW LANGUAGE".split()
)
RELABEL = frozenset({"GPE", "LOC", "NORP", "ORG", "FAC", "PRODUCT", "WORK_OF_ART"})
# labels a kind noun describing a name gives it outright ("the yacht X", "the magazine X")
KIND_LABELS = frozenset({"PRODUCT", "EVENT", "ORG"})
PLACE_TYPES = frozenset({"GPE", "LOC"})  # what may open an organisation's name

# heads of a description that say it describes a person ("the mayor", "a Valmont
# resident"), whatever the model labelled the name
PERSON_HEADS = PERSON_NOUNS | RESIDENT_NOUNS | TITLE_WORDS
# words of a role that say its holder is a person ("his sister", "the mayor", "Dr.")
PERSON_ROLE_WORDS = (
    PERSON_HEADS
    | RELATIONAL_NOUNS
    | FEMALE_NOUNS
    | MALE_NOUNS
    | JOB_NOUNS
    | TITLE_WORDS
    | HONORIFICS
    | frozenset(ABBREVIATIONS)
)

Titles = dict[int, Ranges]  # id of a PERSON candidate → its title ranges


@dataclass(slots=True)
class _Group:
    """Mentions resolved to one entity, before it is frozen into an `Entity`."""

    label: str
    mentions: list[Cand] = field(default_factory=list)
    roles: Ranges = field(default_factory=list)  # character offsets


def extract_entities(doc: Document, parsed: SpacyDoc) -> tuple[Entity, ...]:
    """Named entities of ``doc`` from its spaCy parse, corrected, resolved, with roles."""
    caps = caps_tokens(parsed)
    cands = [
        piece
        for ent in parsed.ents
        if ent.label_ in NAME_LABELS
        for piece in pieces(parsed, ent.start, ent.end, ent.label_)
    ]
    cands = plausible(parsed, cands, caps)
    cands = overlay(cands, datelines(parsed) + pattern_names(parsed) + results(parsed))
    cands = overlay(cands, titled_names(parsed, cands) + speaking_names(parsed))
    ends = {c.end for c in cands if c.label == "PERSON"}
    credits = furniture_regions(doc.text) + credentials(parsed, ends)
    cands = outside(parsed, cands, credits)
    cands = overlay(cands, propagate(parsed, cands, caps), keep_old=True)
    cands = outside(parsed, cands, credits)
    headline_names(parsed, cands)
    harmonise(parsed, cands, caps)
    acronym_people(parsed, cands, caps)
    quoted_titles(parsed, cands)
    cands = join_place_in_name(parsed, join_adjacent(parsed, cands))
    add_given_names(parsed, cands)
    cands = headline_phrases(parsed, cands)
    titles_by_use(parsed, cands)
    names_after_the(parsed, cands)
    cands = [c for c in no_dates(parsed, cands) if not glued_to_a_word(parsed, c.start, c.end)]
    return _resolve(doc, parsed, cands)


NAMELESS_FURNITURE = frozenset({"stamp", "navigation", "prompt", "embed"})
"""Kinds of page furniture (`newsdesk.layout.line_kind`) whose names are nobody in the
story. A caption names who is in the picture, a credit or byline line may run on into
the story, and a dateline gives the place: those are read."""


def furniture_regions(text: str) -> Ranges:
    """The character ranges of ``text`` that name nobody in the story: photo credits inside
    lines, and lines of time stamps ("PUBLISHED FRIDAY, MARCH 8"), navigation, prompts and
    embedded posts."""
    lines = [(r.start, r.end) for r in nonbody_regions(text) if r.kind in NAMELESS_FURNITURE]
    return credit_regions(text) + lines


def entity_at(entities: Iterable[Entity], span: Span) -> Entity | None:
    """The entity with a mention overlapping ``span`` (the largest overlap wins)."""
    best, best_overlap = None, 0
    for entity in entities:
        for mention in entity.mentions:
            m = mention.span
            overlap = min(m.end, span.end) - max(m.start, span.start)
            if m.doc == span.doc and overlap > best_overlap:
                best, best_overlap = entity, overlap
    return best


def merge_entities(entities: Iterable[Entity]) -> tuple[tuple[Entity, ...], dict[str, str]]:
    """Merge the entities of several documents of one story.

    Entities join when their canonical names are equal (case-insensitive); a surname-only
    PERSON joins the unique full name with that surname (two full names sharing it stay
    apart); an organisation's short form (without its legal form, or its initials) joins
    the one fuller name it stands for (`organisation_targets`), and so does a "person"
    that is an organisation's singular or its name without an acronym or a place opening
    it ("Tar Heel" of "Tar Heels", "Valmont Bobcats" of "NBA Valmont Bobcats",
    `person_forms`), when no role says a person. The majority type over
    documents relabels every mention; a one-word "person" that no role, title or full name
    of the story shows to be one is not a person (`_shown_a_person`). Returns the merged
    entities (ids "e1", "e2"... in order of first appearance) and old id → new id.
    """
    items = list(entities)
    groups: dict[str, list[Entity]] = {}
    for entity in items:
        groups.setdefault(name_key(entity.name), []).append(entity)
    people = {k: m[0].name for k, m in groups.items() if _majority_type(m) == "PERSON"}
    organisations = {k: m[0].name for k, m in groups.items() if _majority_type(m) == "ORG"}
    places = {name_key(e.name) for e in items if e.type in PLACE_TYPES}
    written = {k: frozenset(x.span.doc for e in groups[k] for x in e.mentions) for k in groups}
    target = {key: key for key in groups} | story_targets(people, written)
    target |= _kin_apart(groups, people, target)
    target |= organisation_targets(organisations, places, written)
    target |= _bare_person_names(items, groups, target, written)
    org_forms = {
        k: target[o]
        for k, o in person_forms(people, organisations, places).items()
        if not any(_person_role(r.text) for e in groups[k] for r in e.roles)
    }
    target |= org_forms
    full_by_surname = {s.casefold() for k, w in people.items() if " " in k for s in surnames_of(w)}
    name_words = full_by_surname | {k.split()[0] for k in people if " " in k}
    merged: dict[str, list[Entity]] = {}
    for entity in items:
        merged.setdefault(target[name_key(entity.name)], []).append(entity)
    result: list[Entity] = []
    mapping: dict[str, str] = {}
    for n, members in enumerate(merged.values(), start=1):
        entity = _merge_group(f"e{n}", members, full_by_surname)
        if entity.type == "PERSON" and any(name_key(m.name) in org_forms for m in members):
            entity = _relabel(entity, "ORG")  # "Tar Heel" of the "Tar Heels"
        if entity.type == "PERSON" and not _shown_a_person(entity, name_words):
            others = [m.type for m in members if m.type != "PERSON"]
            entity = _relabel(entity, majority_label(others) if others else "ORG")
        result.append(entity)
        mapping.update({m.id: f"e{n}" for m in members})
    companies = [e.name for e in result if e.type == "ORG"]
    result = [
        _relabel(e, "ORG") if e.type == "PERSON" and _company_short_form(e, companies) else e
        for e in result
    ]
    return tuple(result), mapping


def _kin_apart(
    groups: Mapping[str, Sequence[Entity]], people: Mapping[str, str], target: Mapping[str, str]
) -> dict[str, str]:
    """The one-word names kept apart from the full name they would join, when a role of
    theirs is kin of that person's ("Brandt's son" of an "Ivo" beside "Ivo Brandt", as
    `_kin_of` keeps them apart within a document): by a surname the story writes alone
    for that person more than for anyone else ("Brandt's father, Ivo" beside Ivo Brandt
    and a Tom Brandt called "Brandt" may be Ivo): key → its own key."""
    called: dict[str, Counter[str]] = defaultdict(Counter)  # surname → person → mentions
    for key, members in groups.items():
        for entity in members:
            for m in entity.mentions:
                if " " not in m.text.strip():
                    called[m.text.strip().casefold()][target.get(key, key)] += 1
    apart = {}
    for key, members in groups.items():
        full = target.get(key, key)
        if " " in key or full == key or full not in people:
            continue
        owned = {
            f"{s}{p}"
            for s in map(str.casefold, surnames_of(people[full]))
            if called[s] and called[s].most_common(1)[0][0] == full
            for p in POSSESSIVE
        }
        roles = {w.casefold() for e in members for r in e.roles for w in r.text.split()}
        if roles & owned:
            apart[key] = key
    return apart


def _bare_person_names(
    items: Sequence[Entity],
    groups: dict[str, list[Entity]],
    target: dict[str, str],
    written: Mapping[str, frozenset[str]],
) -> dict[str, str]:
    """The one-word names a document labelled as no person ("Brandt" as a place, "Lenz"
    as an organisation) that stand for one person of the story: another document writes
    the word alone for that person (a bare surname of "Ivo Brandt" there), or the word is
    the surname of the one person the story names in full in every document that writes
    it ("Varnova" beside "Ilse Varnova", which the merge alone shows to be a person, as a
    document shows its own names: `ner_spread.harmonise`): key → that person's key. Not a
    country or a nationality ("Jordan" stays a country beside a "Jordan" of "Ana
    Jordan")."""
    owners: dict[str, set[str]] = {}
    for entity in items:
        if entity.type == "PERSON":
            for alias in entity.aliases:
                if len(alias.split()) == 1:
                    owners.setdefault(name_key(alias), set()).add(target[name_key(entity.name)])
    for key, members in groups.items():
        if " " in key and _majority_type(members) == "PERSON":
            for surname in map(name_key, surnames_of(members[0].name)):
                if surname in written and written[surname] <= written[key]:
                    owners.setdefault(surname, set()).add(target[key])
    found: dict[str, str] = {}
    for key, members in groups.items():
        people = owners.get(key, set())
        if len(people) != 1 or _majority_type(members) == "PERSON" or " " in key:
            continue
        if is_country(key) or key in DEMONYMS:
            continue
        found[key] = people.pop()
    return found


def _company_short_form(entity: Entity, companies: Sequence[str]) -> bool:
    """A "person" the story also writes as the start of a company's name: the same words
    then more ending in a company word ("Veltrix" / "Veltrix Inc.", "Lunde Skiing Corp."),
    or then "of" ("Norland Oil of Valmont"), when no title makes it a person ("president
    of Veltrix" is a title of someone else)."""
    titled = any(
        set(_before_preposition(words := _plain_words(r.text))) & (TITLE_WORDS | HONORIFICS)
        and words[-1] not in PLACE_PREPOSITIONS | {"of", "at", "for"}
        for r in entity.roles
    )
    if titled:
        return False
    prefix = entity.name + " "
    rest = [c[len(prefix) :].split() for c in companies if c.startswith(prefix)]
    return any(w[0] == "of" or w[-1].casefold().rstrip(".") in COMPANY_WORDS for w in rest)


def _before_preposition(words: list[str]) -> list[str]:
    """The words of a role before its first preposition: its head and what modifies it
    ("the owner" of "the owner of three major ski runs": "major" there is no rank)."""
    cut = [i for i, w in enumerate(words) if w in PREPOSITIONS]
    return words[: cut[0]] if cut else words


def _shown_a_person(entity: Entity, name_words: set[str]) -> bool:
    """Whether the story shows a PERSON entity to be a person: a name of two words or
    more, a word of a person's full name ("Brandt" of "Felix Brandt"), or a role that is
    a person's ("his sister", "the mayor"). A one-word "person" shown by nothing (a boat
    that "rolled over", a town) is not listed as a person."""
    forms = [entity.name, *entity.aliases]
    if any(len(f.split()) > 1 for f in forms) or any(f.casefold() in name_words for f in forms):
        return True
    return any(_person_role(r.text) for r in entity.roles)


def _person_role(role: str) -> bool:
    """A role that is a person's: one of its words, or the singular of one, a noun for
    people, a relation, a family word or a title ("his parents", "his sister", "Dr.")."""
    words = _plain_words(role)
    singular = {w[:-1] for w in words if w.endswith("s")}
    return bool((set(words) | singular) & (PERSON_ROLE_WORDS | KIN_NOUNS))


def _plain_words(text: str) -> list[str]:
    """Lowercase words without possessive endings or full stops ("Dr." → "dr")."""
    return [w.removesuffix("'s").removesuffix("’s").rstrip(".") for w in text.lower().split()]


def _relabel(entity: Entity, label: str) -> Entity:
    """``entity`` with type ``label`` on it and every mention."""
    mentions = tuple(replace(m, label=label) for m in entity.mentions)
    return replace(entity, type=label, mentions=mentions)


def _merge_group(new_id: str, members: Sequence[Entity], surnames: set[str]) -> Entity:
    """One entity from several: majority type (PERSON if some document says so and the
    name ends in a story surname: "Arvid Lunde"), longest name, every mention and role."""
    etype = _majority_type(members)
    if etype != "PERSON" and any(m.type == "PERSON" for m in members) and surnames:
        etype = "PERSON" if members[0].name.split()[-1].casefold() in surnames else etype
    names = [m.name for m in members] + [a for m in members for a in m.aliases]
    name = _canonical_name(names)
    aliases = tuple(dict.fromkeys(a for a in names if a != name))
    roles: dict[str, TextSpan] = {}
    for role in (r for m in members for r in m.roles):
        roles.setdefault(role.text.casefold(), role)
    mentions = tuple(replace(x, label=etype) for m in members for x in m.mentions)
    return Entity(new_id, name, etype, aliases, tuple(roles.values()), mentions)


def _majority_type(members: Sequence[Entity]) -> str:
    """The type most documents give (ties: PERSON when a role shows one of them to be a
    person, "President Vale" beside "the Vale administration"; else the first seen)."""
    counts = Counter(m.type for m in members)
    titled = any(m.type == "PERSON" and any(_person_role(r.text) for r in m.roles) for m in members)
    if titled and counts["PERSON"] == max(counts.values()):
        return "PERSON"
    return majority_label(m.type for m in members)


def _canonical_name(names: Sequence[str]) -> str:
    """The fullest form: most words, then not all-caps, then longest (ties: the first)."""
    return max(names, key=lambda n: (len(n.split()), not n.isupper(), len(n)))


# ---------------------------------------------------------------- resolution


def _resolve(doc: Document, parsed: SpacyDoc, cands: list[Cand]) -> tuple[Entity, ...]:
    """Group candidates into entities (full names first, then bare surnames) and freeze them."""
    titles = {id(c): title_before(parsed, c.start) for c in cands if c.label == "PERSON"}
    inside = {i for ranges in titles.values() for a, b in ranges for i in range(a, b)}
    cands = [c for c in cands if c.label == "PERSON" or not _title_word(parsed, c, inside)]
    cands = [c for c in cands if c.label != "PERSON" or not _only_a_post(parsed, c)]
    groups: dict[tuple[str, str], _Group] = {}
    full = {id(c) for c in cands if c.label == "PERSON" and len(c.text(parsed).split()) > 1}
    for c in cands:
        if id(c) in full:
            key = " ".join(c.text(parsed).split()).casefold()
            groups.setdefault(("PERSON", key), _Group("PERSON")).mentions.append(c)
    people = list(groups.values())  # full names only so far
    for c in cands:
        if id(c) not in full:
            group = _pick_person(parsed, c, people, titles) if c.label == "PERSON" else None
            key = c.text(parsed).casefold()
            group = group or groups.setdefault((c.label, key), _Group(c.label))
            group.mentions.append(c)
    ordered = sorted(groups.values(), key=lambda g: min(c.start for c in g.mentions))
    people_at = {
        i
        for c in cands
        if c.label == "PERSON" and c.end - c.start > 1
        for i in range(c.start, c.end)
    }
    places = {c.text(parsed).casefold() for c in cands if c.label in PLACE_TYPES}
    for group in ordered:
        group.mentions.sort(key=lambda c: c.start)
        group.roles = _roles(parsed, group, titles)
        group.label = _label_by_role(parsed, group, titles, people_at, places)
    return tuple(_freeze(doc, parsed, f"{doc.id}:e{n}", g) for n, g in enumerate(ordered, 1))


def _title_word(parsed: SpacyDoc, cand: Cand, inside: set[int]) -> bool:
    """A word of a title phrase the model took for a name ("Harbour" in "Harbour Master")."""
    if cand.label in {"GPE", "ORG"} or cand.end not in inside or cand.start not in inside:
        return False
    return is_title(parsed[cand.end]) and parsed[cand.end - 1].pos_ != "ADJ"


def _only_a_post(parsed: SpacyDoc, cand: Cand) -> bool:
    """A "person" of two words or more that is only a post: qualifiers of a post, then
    the post ("Associate Dean", "Deputy Harbour Master" with no name after it)."""
    words = [plain_word(t) for t in parsed[cand.start : cand.end]]
    heads = TITLE_WORDS | OTHER_POSTS
    return len(words) > 1 and words[-1] in heads and set(words[:-1]) <= heads | TITLE_MODIFIERS


def _descriptions(parsed: SpacyDoc, cand: Cand, titles: Titles) -> Ranges:
    """Token ranges describing a mention: its titles, then its appositions."""
    return titles.get(id(cand), []) + appositions(parsed, cand.start, cand.end)


def _label_by_role(
    parsed: SpacyDoc, group: _Group, titles: Titles, people: set[int], places: set[str]
) -> str:
    """PERSON for a name described as a person ("His wife, Marit") or used as one
    (`person_use.used_as_a_person`: "Ana Vale, 20,", "Ivo Brandt and Ana Vale": ``people`` are the
    tokens of the full names labelled PERSON, ``places`` the names labelled GPE or LOC);
    PRODUCT for a vessel, EVENT for a storm and ORG for an outlet ("the yacht Windrush",
    "Hurricane Odile", "a newspaper, the Valmont Daily"); for a "person", the
    kind the words around its mentions show (`kinds`: "the town of X", "X Hospital",
    "aboard X", "in the Storting"), or GPE when only ever named as a place is ("in Port
    Tessel", "near Valmont")."""
    roots = [parsed[a:b].root for c in group.mentions for a, b in _descriptions(parsed, c, titles)]
    heads = {root.lemma_.lower() for root in roots}
    described_as_person = bool(heads & PERSON_HEADS) or (
        opens_with_given_name(parsed, group.mentions) and any(person_noun(r) for r in roots)
    )
    described = {kind_of_noun(h) for h in heads} | {_kind_before(parsed, c) for c in group.mentions}
    described.discard(None)
    if len(described) == 1 and not described_as_person and described <= KIND_LABELS:
        return described.pop() or group.label
    if described_as_person and group.label in RELABEL:
        return "PERSON"
    if group.label in RELABEL and used_as_a_person(parsed, group.mentions, people, places):
        return "PERSON"
    if group.label != "PERSON":
        return group.label
    if all(written_with_the(parsed, c.start, c.end) for c in group.mentions):
        return "ORG"
    if not described_as_person and (thing := _used_as_a_thing(parsed, group)):
        return thing
    if _short_for_a_building(parsed, group):
        return "FAC"
    return group.label if described_as_person else _not_a_person(parsed, group) or group.label


def _used_as_a_thing(parsed: SpacyDoc, group: _Group) -> str | None:
    """PRODUCT or ORG for a "person" the document writes, at least every other time, with
    an article or "its" of its own ("a Corvax Nimbus", "the 15-inch Corvax Nimbus",
    "its Corvax Nimbus"; people are "the popular Ivo Brandt", not "the Ivo Brandt"):
    PRODUCT when one article is "a", "an" or "its" or a measure stands between, else ORG
    ("the Harbour Lions"); ORG too when one mention of the whole name has "the" of its
    own ("beat the Harwick Bobcats" ... "Harwick Bobcats coach Ana Lenz")."""
    kinds = [_article_of(parsed, c) for c in group.mentions]
    if 2 * sum(k is not None for k in kinds) >= len(kinds):
        return "PRODUCT" if "PRODUCT" in kinds else "ORG"
    full = max(len(c.text(parsed)) for c in group.mentions)
    in_full = [k for k, c in zip(kinds, group.mentions, strict=True) if len(c.text(parsed)) == full]
    return "ORG" if "ORG" in in_full else None  # not "the Donald" of a Donald Vale


THING_ARTICLES = {"the": "ORG", "a": "PRODUCT", "an": "PRODUCT", "its": "PRODUCT"}


def _article_of(parsed: SpacyDoc, cand: Cand) -> str | None:
    """The label an article of a mention's own gives it ("the Corvax Nimbus": ORG, "a
    Corvax Nimbus", "the 15-inch Corvax Nimbus": PRODUCT), None without one; only
    numbers and measures may stand between the article and the name."""
    root = parsed[cand.start : cand.end].root
    for child in root.children:
        if child.i >= cand.start or child.dep_ not in {"det", "poss"}:
            continue
        label = THING_ARTICLES.get(child.lower_)
        between = parsed[child.i + 1 : cand.start]
        if label and all(_measure_token(t) for t in between):
            return "PRODUCT" if len(between) else label
    return None


def _measure_token(tok: Token) -> bool:
    """A token of a number or a measure before a name ("15-inch", "320GB")."""
    if tok.like_num or has_digit(tok.text) or tok.text == "-":
        return True
    doc = tok.doc
    return tok.i >= 2 and glued(doc, tok.i - 1) and doc[tok.i - 2].like_num


def _short_for_a_building(parsed: SpacyDoc, group: _Group) -> bool:
    """A person's name that stands for a building named after them: the document writes it
    before a building word ("the Ada Lunde Clinic") and its every mention is the object of
    a preposition ("back at Ada Lunde")."""
    name = group.mentions[0].text(parsed)
    after = rf"{re.escape(name)}\s+([A-Z][a-z]+)\b"
    if not any(
        PLACE_NAME_WORDS.get(m.lower()) == "FAC" for m in re.findall(after, text_of(parsed))
    ):
        return False
    return all(parsed[c.start : c.end].root.dep_ == "pobj" for c in group.mentions)


def _not_a_person(parsed: SpacyDoc, group: _Group) -> str | None:
    """The label of a "person" the words around its mentions show to be something else;
    one written only in initials ("F. B. I.") is an abbreviation of an organisation."""
    shown = {k for c in group.mentions if (k := mention_kind(parsed, c.start, c.end))}
    if len(shown) == 1:
        return shown.pop()
    if all(_placed(parsed, c) for c in group.mentions):
        return "GPE"
    if all(only_initials(parsed, c.start, c.end) for c in group.mentions):
        return "ORG"
    return None


def _kind_before(parsed: SpacyDoc, cand: Cand) -> str | None:
    """The label the common noun right before a name gives it ("the yacht Windrush",
    "Hurricane Odile"), when it is a vessel or storm word."""
    if cand.start == 0:
        return None
    label = kind_of_noun(parsed[cand.start - 1].lemma_.lower())
    return label if label in {"PRODUCT", "EVENT"} else None


def _placed(parsed: SpacyDoc, cand: Cand) -> bool:
    """A mention standing where places stand: the object of "in", "near", "outside" …,
    or of the "of" after a compass direction ("380 km west of Korvado")."""
    head = parsed[cand.start : cand.end].root
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ in PLACE_PREPOSITIONS:
        return True
    return prep.lower_ == "of" and prep.i > 0 and parsed[prep.i - 1].lower_ in DIRECTIONS


def _pick_person(
    parsed: SpacyDoc, cand: Cand, people: list[_Group], titles: Titles
) -> _Group | None:
    """The full-name group a bare surname joins (title match, else most recent)."""
    word = cand.text(parsed).casefold()
    options = [
        g for g in people if word in {s.casefold() for s in surnames_of(g.mentions[0].text(parsed))}
    ]
    if not options:
        owner = _given_name_owner(parsed, word, people)
        return None if owner and _kin_of(parsed, cand, owner, people, titles) else owner
    own = title_words(parsed, titles.get(id(cand), []))
    if own:
        titled = [g for g in options if own & _group_titles(parsed, g, titles)]
        options = titled or options
    gender = _gender({plain_word(parsed[cand.start - 1])} if cand.start else set())
    if gender and len(options) > 1:
        genders = {id(g): _group_gender(parsed, g, titles) for g in options}
        options = (
            [g for g in options if genders[id(g)] == gender]
            or [g for g in options if genders[id(g)] is None]
            or options
        )

    called = any(c.end - c.start == 1 for g in options for c in g.mentions)

    def recency(g: _Group) -> tuple[int, int, bool]:
        """The person mentioned last before the surname (the one the passage is about: a
        person just introduced wins over one called by surname earlier, unless introduced
        in passing as someone's relative, or in a list of names while another is already
        called by the surname), then the first mentioned after it."""
        owner = any(c.end - c.start == 1 for c in g.mentions)  # already called by surname
        before = [
            c.start
            for c in g.mentions
            if c.start < cand.start
            and not _in_passing(parsed, c)
            and (owner or not called or not _listed(parsed, c))
        ]
        return (1, max(before), owner) if before else (0, -g.mentions[0].start, owner)

    return max(options, key=recency)


def _gender(words: set[str]) -> str | None:
    """ "F" or "M" when the words (honorifics, family and gendered nouns) tell one."""
    told = {gender_of(w) for w in words}
    female, male = "f" in told, "m" in told
    return "F" if female and not male else "M" if male and not female else None


def _group_gender(parsed: SpacyDoc, group: _Group, titles: Titles) -> str | None:
    """The gender a group's honorifics and descriptions tell ("sister", "Mrs."), if one."""
    words: set[str] = set()
    for c in group.mentions:
        words |= {plain_word(parsed[c.start - 1])} if c.start else set()
        words |= {plain_word(t) for a, b in _descriptions(parsed, c, titles) for t in parsed[a:b]}
    return _gender(words)


def _kin_of(
    parsed: SpacyDoc, cand: Cand, group: _Group, people: list[_Group], titles: Titles
) -> bool:
    """Whether a mention is described as someone of ``group``'s by a possessive of that
    person's name ("Brandt's son, Ivo" is not Ivo Brandt): a surname the document writes
    alone for that person more than for anyone else."""
    alone = Counter(
        (c.text(parsed).casefold(), id(g))
        for g in people
        for c in g.mentions
        if c.end - c.start == 1
    )
    surnames = {
        s
        for s in map(str.casefold, surnames_of(group.mentions[0].text(parsed)))
        if alone[s, id(group)] >= max((alone[s, id(g)] for g in people), default=0) > 0
    }
    return any(
        tok.text.casefold() in surnames
        and tok.i + 1 < len(parsed)
        and parsed[tok.i + 1].text in POSSESSIVE
        for a, b in _descriptions(parsed, cand, titles)
        for tok in parsed[a:b]
    )


def _given_name_owner(parsed: SpacyDoc, word: str, people: list[_Group]) -> _Group | None:
    """The one full name of the document a lone word opens ("Gao" of "Gao Hongmin", "Ivo"
    of "Ivo Brandt"), when no other full name starts with it."""
    owners = [
        g
        for g in people
        if parsed[g.mentions[0].start].lower_ == word and name_shaped(parsed[g.mentions[0].start])
    ]
    return owners[0] if len(owners) == 1 else None


def _listed(parsed: SpacyDoc, cand: Cand) -> bool:
    """A name given in a list of names ("Ana Vale and Ivo Hale are the victims"): a
    conjunct, or the head of conjuncts, that are names."""
    head = parsed[cand.start : cand.end].root
    conjuncts = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "conj":
        conjuncts.append(head.head)
    return any(c.pos_ == "PROPN" for c in conjuncts)


def _in_passing(parsed: SpacyDoc, cand: Cand) -> bool:
    """A mention introducing someone as another person's relative (`roles.in_passing`),
    or after a family word ("said daughter Marit Maalstad"): a bare surname later is
    still the other person's."""
    if cand.start > 0 and parsed[cand.start - 1].lemma_.lower() in KIN_NOUNS:
        return True
    return in_passing(parsed[cand.start : cand.end].root)


def _group_titles(parsed: SpacyDoc, group: _Group, titles: Titles) -> set[str]:
    """Normalised title words of a group's mentions and appositions."""
    words: set[str] = set()
    for c in group.mentions:
        words |= title_words(parsed, _descriptions(parsed, c, titles))
    return words


def _roles(parsed: SpacyDoc, group: _Group, titles: Titles) -> Ranges:
    """Character ranges of titles and appositions of the group's mentions, deduplicated."""
    seen: dict[str, tuple[int, int]] = {}
    for c in group.mentions:
        if c.text(parsed).isupper():  # a headline: its titles are shouted, not roles
            continue
        for start, end in _descriptions(parsed, c, titles):
            span = parsed[start:end]
            seen.setdefault(span.text.casefold(), (span.start_char, span.end_char))
    return list(seen.values())


def _describes_person(parsed: SpacyDoc, start: int, end: int) -> bool:
    """Whether the characters ``start:end`` may say what a person is (`describes_person`:
    not "tearful", nor "an account" in "an account by his brother, Ivo Brandt")."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    return span is not None and describes_person(span)


def _freeze(doc: Document, parsed: SpacyDoc, entity_id: str, group: _Group) -> Entity:
    """The `Entity` of a group: canonical name, aliases, roles (a person's only those that
    say what a person is), mentions."""
    mentions = tuple(
        Mention(doc.span(s.start_char, s.end_char), s.text, group.label)
        for s in (parsed[c.start : c.end] for c in group.mentions)
    )
    forms = list(dict.fromkeys(m.text for m in mentions))
    name = _canonical_name(forms)
    roles = tuple(
        TextSpan(doc.span(a, b), doc.text[a:b])
        for a, b in group.roles
        if group.label != "PERSON" or _describes_person(parsed, a, b)
    )
    return Entity(
        entity_id, name, group.label, tuple(f for f in forms if f != name), roles, mentions
    )
