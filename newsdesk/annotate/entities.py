"""Named entities: spaCy's NER corrected for news copy, names resolved, roles attached.

    parsed.ents ─► split/trim ─► add datelines, patterns, results, repeats ─► drop photo
    credits ─► harmonise labels ─► resolve names ─► roles ─► Entity

General news-domain fixes on spaCy's spans (token ranges), no name lists but countries:
- *split* at line breaks, brackets, spaced dashes, slashes, numbers, "v"/"at" (PERSON: "and");
- *trim* determiners, demonyms, months, possessives, numbers, lowercase edges ("Jiangsu
  province"); titles leave PERSON names and become roles ("Mayor", "Dr.", "Adm.");
- *add* hyphenated and surname-first names ("Rhee Dong-su", "Ri Jong Ho"), initials ("K.
  Curran"), all-caps datelines and their agency, sports results lines (teams; "Name
  ( Country )" competitors); all-caps guesses no mixed-case line confirms are dropped;
- *propagate* a name to its other occurrences (all-caps lines too); a PERSON's surname is
  PERSON when it stands alone; *harmonise*: once a string is PERSON it is PERSON everywhere,
  else the majority label wins; a name described as a person ("His wife, Marit") is PERSON.

Resolution: full names first; a bare surname ("Alenko", "Mr. Alenko") joins the full name
sharing it: the one its title names ("Mayor", "Dr."), else one already called by surname
alone, else the one mentioned last. `merge_entities` does the same across a story.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from newsdesk.model import Document, Entity, Mention, Span, TextSpan

NAME_LABELS = frozenset(
    "PERSON ORG GPE LOC NORP FAC EVENT PRODUCT WORK_OF_ART LAW LANGUAGE".split()
)
SPLIT_WORDS = frozenset({"v", "v.", "vs", "vs.", "versus", "at"})
SPLIT_PUNCT = frozenset("()[]{},;:/|")
DASHES = frozenset({"-", "–", "—", "--"})
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
CREDIT_PATTERNS = (
    re.compile(r"[(\[]\s*(?:photo(?:graph)?s?|pictures?|images?|credit)\b[^)\]\n]*[)\]]", re.I),
    re.compile(
        r"\b(?:photo(?:graph)?(?:s|ed)?|pictures?|images?|credit)\s*(?:by\b|:)"
        r"(?:[^\n)\].,;]|\.(?=\S))*",  # up to the end of the clause
        re.I,
    ),
    re.compile(
        r"\b[A-Z][\w'’-]*(?: [A-Z][\w'’.-]*){0,3} ?/ ?[A-Z][\w&'’.-]*"
        r"(?: [A-Z][\w&'’.-]*){0,3}(?=\s*[)\]]?\s*$)",
        re.M,
    ),
)


Ranges = list[tuple[int, int]]  # token (or character) ranges
Titles = dict[int, Ranges]  # id of a PERSON candidate → its title ranges


@dataclass(slots=True)
class _Cand:
    """A candidate mention: tokens ``start:end`` of the parse with a label."""

    start: int
    end: int
    label: str
    fixed: bool = False  # label set by a rule that harmonisation must not override


@dataclass(slots=True)
class _Group:
    """Mentions resolved to one entity, before it is frozen into an `Entity`."""

    label: str
    mentions: list[_Cand] = field(default_factory=list)
    roles: Ranges = field(default_factory=list)  # character offsets


def extract_entities(doc: Document, parsed: SpacyDoc) -> tuple[Entity, ...]:
    """Named entities of ``doc`` from its spaCy parse, corrected, resolved, with roles."""
    caps = _caps_tokens(parsed)
    cands = [
        piece
        for ent in parsed.ents
        if ent.label_ in NAME_LABELS
        for piece in _pieces(parsed, ent.start, ent.end, ent.label_)
    ]
    cands = _plausible(parsed, cands, caps)
    cands = _overlay(cands, _datelines(parsed) + _pattern_names(parsed) + _results(parsed))
    credits = [m.span() for pattern in CREDIT_PATTERNS for m in pattern.finditer(doc.text)]
    cands = [c for c in cands if not _in_regions(parsed, c, credits)]
    cands = _overlay(cands, _propagate(parsed, cands, caps), keep_old=True)
    cands = [c for c in cands if not _in_regions(parsed, c, credits)]
    _harmonise(parsed, cands, caps)
    for c in cands:
        if c.label == "PERSON" and c.end - c.start == 1 and _given_name_before(parsed, c.start):
            c.start -= 1
    return _resolve(doc, parsed, cands)


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
    apart). The majority type over documents relabels every mention. Returns the merged
    entities (ids "e1", "e2"... in order of first appearance) and old id → new id.
    """
    items = list(entities)
    groups: dict[str, list[Entity]] = {}
    for entity in items:
        groups.setdefault(entity.name.casefold(), []).append(entity)
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for key, members in groups.items():
        if _majority_type(members) == "PERSON" and len(key.split()) > 1:
            for surname in _surnames(members[0].name):
                full_by_surname[surname.casefold()].add(key)
    target = {key: key for key in groups}
    for key, members in groups.items():
        owners = full_by_surname.get(key, set())
        if len(key.split()) == 1 and len(owners) == 1 and _majority_type(members) == "PERSON":
            target[key] = next(iter(owners))
    merged: dict[str, list[Entity]] = {}
    for entity in items:
        merged.setdefault(target[entity.name.casefold()], []).append(entity)
    result: list[Entity] = []
    mapping: dict[str, str] = {}
    for n, members in enumerate(merged.values(), start=1):
        result.append(_merge_group(f"e{n}", members, set(full_by_surname)))
        mapping.update({m.id: f"e{n}" for m in members})
    return tuple(result), mapping


def _merge_group(new_id: str, members: Sequence[Entity], surnames: set[str]) -> Entity:
    """One entity from several: majority type (PERSON if some document says so and the
    name ends in a story surname: "Arvid Lunde"), longest name, every mention and role."""
    etype = _majority_type(members)
    if etype != "PERSON" and any(m.type == "PERSON" for m in members) and surnames:
        etype = "PERSON" if members[0].name.split()[-1].casefold() in surnames else etype
    names = [m.name for m in members] + [a for m in members for a in m.aliases]
    name = max(names, key=lambda n: (len(n.split()), not n.isupper(), len(n)))
    aliases = tuple(dict.fromkeys(a for a in names if a != name))
    roles: dict[str, TextSpan] = {}
    for role in (r for m in members for r in m.roles):
        roles.setdefault(role.text.casefold(), role)
    mentions = tuple(replace(x, label=etype) for m in members for x in m.mentions)
    return Entity(new_id, name, etype, aliases, tuple(roles.values()), mentions)


def _majority_type(members: Sequence[Entity]) -> str:
    """The type most documents give (ties: the first seen)."""
    votes = Counter(m.type for m in members)
    return max(votes, key=lambda t: (votes[t], -[m.type for m in members].index(t)))


# ---------------------------------------------------------------- candidates


def _pieces(parsed: SpacyDoc, start: int, end: int, label: str) -> list[_Cand]:
    """One spaCy entity split at separators and trimmed; empty pieces dropped."""
    pieces: list[_Cand] = []
    begin = start
    for i in range(start, end + 1):
        if i == end or _separates(parsed, i, label):
            cand = _trim(parsed, begin, i, label)
            if cand is not None:
                pieces.append(cand)
            begin = i + 1
    return pieces


def _separates(parsed: SpacyDoc, i: int, label: str) -> bool:
    """Whether token ``i`` cannot be inside a name (it splits the entity there)."""
    tok = parsed[i]
    text = tok.text
    if tok.is_space or (i > 0 and "\n" in parsed[i - 1].whitespace_):
        return True
    if text in SPLIT_PUNCT or tok.lower_ in SPLIT_WORDS or any(c.isdigit() for c in text):
        return True
    if text in DASHES and (tok.whitespace_ or (i > 0 and parsed[i - 1].whitespace_)):
        return True
    return label == "PERSON" and tok.is_lower and tok.lower_ not in PARTICLES  # "and", "st"


def _trim(parsed: SpacyDoc, start: int, end: int, label: str) -> _Cand | None:
    """Trim the edges of ``start:end``; titles move out of PERSON names."""
    while start < end and _edge_junk(parsed[start], leading=True):
        start += 1
    while start < end and _edge_junk(parsed[end - 1], leading=False):
        end -= 1
    fixed = False
    inner = [k for k in range(start, end - 1) if _is_title(parsed[k])]
    named = len(inner) == 1 == inner[0] - start + 1 and end - start == 3  # "Councillor J. Hale"
    if inner and (label == "PERSON" or named or _is_abbrev_title(parsed[inner[-1]])):
        label, fixed, start = "PERSON", label != "PERSON", inner[-1] + 1
    if end - start > 2 and label == "PERSON" and parsed[start].lower_ in DEMONYMS:
        start += 1
    if label == "PERSON":
        start, end = _extend_hyphens(parsed, start, end)
    if start >= end or not any(
        t.text[0].isupper() and t.text[0].isalpha() for t in parsed[start:end]
    ):
        return None
    if _is_country(parsed[start:end].text):
        label, fixed = "GPE", True
    elif _is_initial(parsed[start]) and 1 < end - start < 4:
        label, fixed = "PERSON", True
    return _Cand(start, end, label, fixed)


def _edge_junk(tok: Token, leading: bool) -> bool:
    """Tokens never at the edge of a name: determiners, punctuation, numbers, possessives."""
    if tok.is_space or any(c.isdigit() for c in tok.text):
        return True
    if tok.is_punct and not (tok.text == "." and not leading and len(tok.text) > 1):
        return True
    if leading:
        return tok.lower_ in DETERMINERS or tok.is_lower or _word(tok) in MONTHS
    return tok.text in POSSESSIVE or tok.is_lower


def _extend_hyphens(parsed: SpacyDoc, start: int, end: int) -> tuple[int, int]:
    """Extend a span cut inside a hyphenated word ("Rhee Dong" + "-su")."""
    while end + 1 < len(parsed) and _glued(parsed, end) and parsed[end + 1].is_alpha:
        end += 2
    while start >= 2 and _glued(parsed, start - 1) and parsed[start - 2].is_title:
        start -= 2
    return start, end


def _glued(parsed: SpacyDoc, i: int) -> bool:
    """Whether token ``i`` is a hyphen inside a word (no space on either side)."""
    return parsed[i].text == "-" and not parsed[i].whitespace_ and not parsed[i - 1].whitespace_


def _plausible(parsed: SpacyDoc, cands: list[_Cand], caps: set[int]) -> list[_Cand]:
    """Drop common nouns taken for names ("Extras") and all-caps guesses of the model that
    no mixed-case line confirms ("BASKETBALL", "PRESS DIGEST")."""
    cands = [
        c
        for c in cands
        if c.fixed
        or c.start in caps
        or any(t.pos_ in {"PROPN", "ADJ"} or t.is_upper for t in parsed[c.start : c.end])
    ]
    mixed = {_text(parsed, c).casefold() for c in cands if c.start not in caps}
    return [
        c for c in cands if c.fixed or c.start not in caps or _text(parsed, c).casefold() in mixed
    ]


def _given_name_before(parsed: SpacyDoc, start: int) -> bool:
    """Whether a lone surname follows a capitalised proper noun the model left out."""
    if start == 0:
        return False
    prev = parsed[start - 1]
    return (
        _capitalised(prev)
        and prev.pos_ == "PROPN"
        and not prev.ent_type_
        and prev.lower_ not in DEMONYMS
        and "\n" not in prev.whitespace_
    )


def _overlay(old: list[_Cand], new: list[_Cand], keep_old: bool = False) -> list[_Cand]:
    """Merge candidate lists: on overlap the new wins (unless ``keep_old``), but never over
    an old PERSON containing it ("George W. Bush")."""
    if not keep_old:
        people = [c for c in old if c.label == "PERSON"]
        new = [n for n in new if not any(p.start <= n.start and n.end <= p.end for p in people)]
    winners, losers = (old, new) if keep_old else (new, old)
    taken = {i for c in winners for i in range(c.start, c.end)}
    kept = [c for c in losers if not any(i in taken for i in range(c.start, c.end))]
    return sorted(winners + kept, key=lambda c: c.start)


def _datelines(parsed: SpacyDoc) -> list[_Cand]:
    """All-caps place names opening a line before "(", ",", a date or a dash + prose."""
    found: list[_Cand] = []
    for start in _line_starts(parsed):
        end = start
        while end < len(parsed) and end - start < 4 and _caps_word(parsed[end]):
            end += 1
        if end == start or end >= len(parsed):
            continue
        nxt = parsed[end]
        if nxt.text in {"(", ","} or any(c.isdigit() for c in nxt.text):
            found.append(_Cand(start, end, "GPE", True))
            close = next((k for k in range(end + 1, end + 6) if parsed[k : k + 1].text == ")"), 0)
            if nxt.text == "(" and close > end + 1 and parsed[close + 1 : close + 2].text in DASHES:
                found.append(_Cand(end + 1, close, "ORG", True))  # "(Meridian Wire) -"
        elif nxt.text in DASHES and end + 1 < len(parsed) and not _caps_word(parsed[end + 1]):
            found.append(_Cand(start, end, "GPE", True))
    return found


def _caps_word(tok: Token) -> bool:
    """An all-caps word of a dateline ("VALMONT", "ST.", "URUS-MARTAN")."""
    text = tok.text.rstrip(".")
    return len(text) > 1 and text.replace("-", "").isalpha() and text.isupper()


def _line_starts(parsed: SpacyDoc) -> list[int]:
    """Indexes of the first token of each line."""
    after_break = ("\n" in t.text + t.whitespace_ for t in parsed)
    return [
        t.i for t, brk in zip(parsed, [True, *after_break], strict=False) if brk and not t.is_space
    ]


def _pattern_names(parsed: SpacyDoc) -> list[_Cand]:
    """Names the model misses: "K. Curran", "Ri Jong Ho", "Rhee Dong-su"."""
    found: list[_Cand] = []
    i = 0
    while i < len(parsed) - 1:
        end = _person_pattern_end(parsed, i)
        found += [_Cand(i, end, "PERSON", True)] if end > i else []
        i = max(end, i + 1)
    return found


def _results(parsed: SpacyDoc) -> list[_Cand]:
    """Sports results lines: teams ("Haitai 2 Samsung 0", "Surrey v Kent", standings rows)
    and competitors followed by their country ("Jansher Khan ( Pakistan )")."""
    found: list[_Cand] = []
    starts = _line_starts(parsed) + [len(parsed)]
    for a, b in zip(starts, starts[1:], strict=False):
        items = _line_items(parsed, a, b)
        shape = "".join(kind for kind, _, _ in items)
        names = [(s, e) for kind, s, e in items if kind == "N"]
        team = re.fullmatch(r"N#+N#*|NvN#*|N###+", shape)
        golfer = (
            shape.startswith("N###")
            and names[0][1] - names[0][0] > 1
            and all(t.ent_type_ == "PERSON" for t in parsed[names[0][0] : names[0][1]])
        )
        if team and not golfer:
            found += [
                _Cand(s, e, "GPE" if _is_country(parsed[s:e].text) else "ORG", True)
                for s, e in names
            ]
        for kind, s, e in items:
            if kind == "N" and e - s > 1 and _country_follows(parsed, e):
                found.append(_Cand(s, e, "PERSON", True))
    return found


def _line_items(parsed: SpacyDoc, a: int, b: int) -> list[tuple[str, int, int]]:
    """A line as items: N name run, # number, v "v"/"at", o anything else (punct skipped)."""
    items: list[tuple[str, int, int]] = []
    i = a
    while i < b:
        tok = parsed[i]
        if tok.text[0].isupper() and tok.text[0].isalpha() and tok.lower_ not in SPLIT_WORDS:
            j = i + 1
            while j < b and parsed[j].text[0].isupper() and parsed[j].lower_ not in SPLIT_WORDS:
                j += 1
            items.append(("N", i, j))
            i = j
            continue
        if any(c.isdigit() for c in tok.text):
            items.append(("#", i, i + 1))
        elif tok.lower_ in SPLIT_WORDS:
            items.append(("v", i, i + 1))
        elif not (tok.is_punct or tok.is_space):
            items.append(("o", i, i + 1))
        i += 1
    return items


def _country_follows(parsed: SpacyDoc, end: int) -> bool:
    """Whether "( Country )" follows token ``end``."""
    if end >= len(parsed) or parsed[end].text != "(":
        return False
    for close in range(end + 2, min(end + 5, len(parsed))):
        if parsed[close].text == ")":
            return _is_country(parsed[end + 1 : close].text)
    return False


def _propagate(parsed: SpacyDoc, cands: list[_Cand], caps: set[int]) -> list[_Cand]:
    """Other occurrences of known names (case-insensitive in all-caps lines)."""
    known: dict[tuple[str, ...], str] = {}
    for c in cands:
        words = tuple(t.lower_ for t in parsed[c.start : c.end])
        if c.start not in caps or words not in known:
            known[words] = c.label
        if c.label == "PERSON" and c.end - c.start > 1:
            for surname in _surnames(_text(parsed, c)):
                known.setdefault((surname.lower(),), "PERSON")
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in sorted(known, key=len, reverse=True):
        by_first[words[0]].append(words)
    found: list[_Cand] = []
    i = 0
    while i < len(parsed):
        match = _match_known(parsed, i, by_first.get(parsed[i].lower_, []), caps)
        found += [_Cand(i, i + len(match), known[match])] if match else []
        i += len(match) if match else 1
    return found


def _match_known(
    parsed: SpacyDoc, i: int, options: list[tuple[str, ...]], caps: set[int]
) -> tuple[str, ...] | None:
    """The longest known name starting at token ``i`` (capitalised as a name)."""
    tok = parsed[i]
    if not tok.text[:1].isupper() or (tok.is_sent_start and tok.i not in caps and tok.is_stop):
        return None
    for words in options:
        end = i + len(words)
        if end <= len(parsed) and tuple(t.lower_ for t in parsed[i:end]) == words:
            if not (end < len(parsed) and _glued(parsed, end)):
                return words
    return None


def _caps_tokens(parsed: SpacyDoc) -> set[int]:
    """Tokens on lines whose words are all in capitals (headlines, tables, datelines)."""
    caps: set[int] = set()
    starts = _line_starts(parsed) + [len(parsed)]
    for start, end in zip(starts, starts[1:], strict=False):
        words = [t for t in parsed[start:end] if t.is_alpha and len(t.text) > 1]
        if words and all(t.is_upper for t in words):
            caps.update(range(start, end))
    return caps


def _in_regions(parsed: SpacyDoc, cand: _Cand, regions: Ranges) -> bool:
    """Whether a candidate overlaps any of the character ranges."""
    start, end = parsed[cand.start].idx, parsed[cand.end - 1].idx + len(parsed[cand.end - 1])
    return any(a < end and start < b for a, b in regions)


def _harmonise(parsed: SpacyDoc, cands: list[_Cand], caps: set[int]) -> None:
    """One label per string: PERSON if any mention is, else the majority (mixed-case first)."""
    surnames = {
        s.casefold()
        for c in cands
        if c.label == "PERSON" and c.end - c.start > 1
        for s in _surnames(_text(parsed, c))
    }
    by_text: dict[str, list[_Cand]] = defaultdict(list)
    for c in cands:
        by_text[parsed[c.start : c.end].text.casefold()].append(c)
    for text, group in by_text.items():
        fixed = [c.label for c in group if c.fixed]
        labels = [c.label for c in group if c.start not in caps] or [c.label for c in group]
        if fixed:
            label = Counter(fixed).most_common(1)[0][0]
        elif "PERSON" in labels or text in surnames or _family_name(text, surnames):
            label = "PERSON"
        else:
            label = Counter(labels).most_common(1)[0][0]
        for c in group:
            c.label = label


def _family_name(text: str, surnames: set[str]) -> bool:
    """A two- or three-word name ending in a known PERSON surname ("Marit Maalstad")."""
    words = text.split()
    return 1 < len(words) < 4 and words[-1] in surnames


# ---------------------------------------------------------------- resolution


def _resolve(doc: Document, parsed: SpacyDoc, cands: list[_Cand]) -> tuple[Entity, ...]:
    """Group candidates into entities (full names first, then bare surnames) and freeze them."""
    titles = {id(c): _title_before(parsed, c.start) for c in cands if c.label == "PERSON"}
    inside = {i for ranges in titles.values() for a, b in ranges for i in range(a, b)}
    cands = [c for c in cands if c.label == "PERSON" or not _title_word(parsed, c, inside)]
    groups: dict[tuple[str, str], _Group] = {}
    full = {id(c) for c in cands if c.label == "PERSON" and len(_text(parsed, c).split()) > 1}
    for c in cands:
        if id(c) in full:
            key = " ".join(_text(parsed, c).split()).casefold()
            groups.setdefault(("PERSON", key), _Group("PERSON")).mentions.append(c)
    people = list(groups.values())  # full names only so far
    for c in cands:
        if id(c) not in full:
            group = _pick_person(parsed, c, people, titles) if c.label == "PERSON" else None
            key = _text(parsed, c).casefold()
            group = group or groups.setdefault((c.label, key), _Group(c.label))
            group.mentions.append(c)
    ordered = sorted(groups.values(), key=lambda g: min(c.start for c in g.mentions))
    for group in ordered:
        group.mentions.sort(key=lambda c: c.start)
        group.roles = _roles(parsed, group, titles)
        group.label = _label_by_role(parsed, group, titles)
    return tuple(_freeze(doc, parsed, f"{doc.id}:e{n}", g) for n, g in enumerate(ordered, 1))


def _title_word(parsed: SpacyDoc, cand: _Cand, inside: set[int]) -> bool:
    """A word of a title phrase the model took for a name ("Harbour" in "Harbour Master")."""
    if cand.label in {"GPE", "ORG"} or cand.end not in inside or cand.start not in inside:
        return False
    return _is_title(parsed[cand.end]) and parsed[cand.end - 1].pos_ != "ADJ"


def _label_by_role(parsed: SpacyDoc, group: _Group, titles: Titles) -> str:
    """PERSON for a name described as a person ("His wife, Marit"), PRODUCT for a vessel."""
    heads = {
        parsed[a:b].root.lemma_.lower()
        for c in group.mentions
        for a, b in titles.get(id(c), []) + _appositions(parsed, c.start, c.end)
    }
    if heads and heads <= VESSELS:
        return "PRODUCT"
    return "PERSON" if heads & PERSON_NOUNS and group.label in RELABEL else group.label


def _pick_person(
    parsed: SpacyDoc, cand: _Cand, people: list[_Group], titles: Titles
) -> _Group | None:
    """The full-name group a bare surname joins (title match, else most recent)."""
    word = _text(parsed, cand).casefold()
    options = [
        g for g in people if word in {s.casefold() for s in _surnames(_text(parsed, g.mentions[0]))}
    ]
    if not options:
        return None
    own = _title_words(parsed, titles.get(id(cand), []))
    if own:
        titled = [g for g in options if own & _group_titles(parsed, g, titles)]
        options = titled or options

    def recency(g: _Group) -> tuple[bool, int, int]:
        before = [c.start for c in g.mentions if c.start < cand.start]
        owner = any(c.end - c.start == 1 for c in g.mentions)  # already called by surname
        return (owner, 1, max(before)) if before else (owner, 0, -g.mentions[0].start)

    return max(options, key=recency)


def _text(parsed: SpacyDoc, cand: _Cand) -> str:
    return parsed[cand.start : cand.end].text


def _group_titles(parsed: SpacyDoc, group: _Group, titles: Titles) -> set[str]:
    """Normalised title words of a group's mentions and appositions."""
    words: set[str] = set()
    for c in group.mentions:
        words |= _title_words(parsed, titles.get(id(c), []))
        words |= _title_words(parsed, _appositions(parsed, c.start, c.end))
    return words


def _roles(parsed: SpacyDoc, group: _Group, titles: Titles) -> Ranges:
    """Character ranges of titles and appositions of the group's mentions, deduplicated."""
    seen: dict[str, tuple[int, int]] = {}
    for c in group.mentions:
        if _text(parsed, c).isupper():  # a headline: its titles are shouted, not roles
            continue
        ranges = titles.get(id(c), []) + _appositions(parsed, c.start, c.end)
        for start, end in ranges:
            span = parsed[start:end]
            seen.setdefault(span.text.casefold(), (span.start_char, span.end_char))
    return list(seen.values())


def _freeze(doc: Document, parsed: SpacyDoc, entity_id: str, group: _Group) -> Entity:
    """The `Entity` of a group: canonical name, aliases, roles, mentions."""
    mentions = tuple(
        Mention(doc.span(s.start_char, s.end_char), s.text, group.label)
        for s in (parsed[c.start : c.end] for c in group.mentions)
    )
    forms = list(dict.fromkeys(m.text for m in mentions))
    name = max(forms, key=lambda n: (len(n.split()), not n.isupper(), len(n)))
    roles = tuple(TextSpan(doc.span(a, b), doc.text[a:b]) for a, b in group.roles)
    return Entity(
        entity_id, name, group.label, tuple(f for f in forms if f != name), roles, mentions
    )


# ---------------------------------------------------------------- titles and names


def _words(text: str) -> frozenset[str]:
    """A word list written as text, lowercased ("_" stands for a space)."""
    return frozenset(w.replace("_", " ").casefold() for w in text.split())


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs", "madam", "mme", "sir", "dame"})
ABBREVIATIONS = dict(
    pair.split(":")
    for pair in _words("""
dr:doctor prof:professor adm:admiral gen:general lt:lieutenant col:colonel maj:major
capt:captain cmdr:commander cdr:commander sgt:sergeant cpl:corporal gov:governor sen:senator
rep:representative rev:reverend insp:inspector supt:superintendent det:detective
amb:ambassador pres:president brig:brigadier
""")
)
TITLE_WORDS = _words("""
president vice prime minister secretary chancellor premier mayor governor senator congressman
congresswoman councillor councilor councilman councilwoman alderman judge justice chief deputy
director chairman chairwoman chairperson commissioner inspector superintendent sergeant
detective constable captain commander admiral general colonel lieutenant corporal brigadier
ambassador envoy consul king queen prince princess emperor empress sheikh pope cardinal bishop
archbishop rabbi imam pastor reverend professor doctor coach manager spokesman spokeswoman
spokesperson attorney prosecutor lawyer sheriff marshal master skipper striker midfielder
defender goalkeeper ceo executive founder chairman leader official officer ayatollah sultan
emir duke duchess earl baron surgeon nurse teacher deckhand shipowner businessman businesswoman
economist analyst activist diplomat negotiator ombudsman treasurer rector editor publisher
correspondent president-elect mp mep magistrate coroner warden harbourmaster
""")
DEMONYMS = _words("""
American British English French German Italian Spanish Russian Chinese Japanese Korean Indian
Pakistani Australian Canadian Mexican Brazilian Argentine Dutch Belgian Swiss Austrian Swedish
Norwegian Danish Finnish Polish Czech Slovak Hungarian Romanian Bulgarian Serbian Croatian
Bosnian Greek Turkish Israeli Palestinian Iranian Iraqi Syrian Lebanese Jordanian Egyptian Saudi
Kenyan Nigerian Ethiopian Moroccan Algerian Tunisian Libyan Ukrainian Belarusian Irish Scottish
Welsh Portuguese Cuban Colombian Chilean Peruvian Venezuelan Indonesian Malaysian Thai Vietnamese
Filipino Afghan Taiwanese Zimbabwean Ghanaian Ugandan Jamaican Kazakh Georgian Armenian Lithuanian
Latvian Estonian Slovenian Icelandic Qatari Kuwaiti Yemeni Sudanese Somali Bangladeshi Nepalese
""")
EAST_ASIAN_SURNAMES = _words("""
kim lee rhee ri park pak choi choe jung chung kang cho yoon yun jang lim han shin oh seo kwon
hwang ahn song moon wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin xi he
nguyen tran pham
""")
COUNTRIES = _words("""
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas
Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil
Brunei Bulgaria Burkina_Faso Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros
Congo Costa_Rica Croatia Cuba Cyprus Czech_Republic Denmark Djibouti Dominica Dominican_Republic
Ecuador Egypt El_Salvador Eritrea Estonia Ethiopia Fiji Finland France Gabon Gambia Georgia Germany
Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran
Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kazakstan Kenya Kuwait Kyrgyzstan Laos
Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Macedonia Madagascar Malawi
Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Moldova Monaco Mongolia Montenegro Morocco
Mozambique Myanmar Burma Namibia Nepal Netherlands Holland New_Zealand Nicaragua Niger Nigeria
North_Korea South_Korea Norway Oman Pakistan Panama Papua_New_Guinea Paraguay Peru Philippines
Poland Portugal Qatar Romania Russia Rwanda San_Marino Saudi_Arabia Senegal Serbia Seychelles
Sierra_Leone Singapore Slovakia Slovenia Somalia South_Africa Spain Sri_Lanka Sudan Suriname
Swaziland Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Trinidad Tunisia
Turkey Turkmenistan Uganda Ukraine United_Arab_Emirates United_Kingdom Britain Great_Britain
United_States Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Yugoslavia Zaire Zambia Zimbabwe
England Scotland Wales Northern_Ireland U.S. USA U.K.
""")  # "_" stands for a space
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
PARTICLES = _words("van von de den der da di du la le al el bin ibn dos das del y ul")
JOINERS = frozenset({"of", "the", "for", "and", "&", "-"})
STATE_WORDS = frozenset({"late", "then", "now"})
PERSON_NOUNS = TITLE_WORDS | frozenset(
    "wife husband son daughter sister brother mother father widow man woman passenger".split()
)
VESSELS = frozenset("ship ferry vessel boat tanker freighter yacht trawler liner tug".split())
RELABEL = frozenset({"GPE", "LOC", "NORP", "ORG", "FAC", "PRODUCT", "WORK_OF_ART"})
NOT_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U."})
MONTHS = _words("""
january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec
""")
INITIAL = re.compile(r"^(?:[A-Z]\.){1,2}$")


def _word(tok: Token) -> str:
    """A token's lowercase form without a trailing full stop ("Adm." → "adm")."""
    return tok.lower_.rstrip(".")


def _is_honorific(tok: Token) -> bool:
    return _word(tok) in HONORIFICS and tok.text[0].isupper()


def _is_abbrev_title(tok: Token) -> bool:
    """A capitalised title abbreviation or honorific ("Dr.", "Adm", "Mr.")."""
    return tok.text[0].isupper() and (_word(tok) in ABBREVIATIONS or _is_honorific(tok))


def _is_title(tok: Token) -> bool:
    """A title or honorific that can stand before a name."""
    return _is_abbrev_title(tok) or _word(tok) in TITLE_WORDS


def _is_country(text: str) -> bool:
    return " ".join(text.split()).casefold() in COUNTRIES


def _is_initial(tok: Token) -> bool:
    """A personal initial ("K.", "J.J."), not a country abbreviation ("U.S.")."""
    return bool(INITIAL.match(tok.text)) and tok.text not in NOT_INITIALS


def _surnames(name: str) -> list[str]:
    """The words of a full name that may stand alone for it (surname-first names too)."""
    words = name.split()
    surname_first = words[0].casefold() in EAST_ASIAN_SURNAMES or re.search(r"-[a-z]", words[-1])
    return [words[-1], words[0]] if surname_first else [words[-1]]


def _capitalised(tok: Token) -> bool:
    """A capitalised word that is not a title or a stop word."""
    plain = not (tok.is_upper or tok.is_stop or _is_title(tok))
    return tok.is_alpha and tok.text[0].isupper() and plain


def _person_pattern_end(parsed: SpacyDoc, i: int) -> int:
    """End of a name pattern starting at token ``i`` ("K. Curran", "Ri Jong Ho"), else ``i``."""
    n = len(parsed)
    if i and parsed[i - 1].is_alpha and parsed[i - 1].text[0].isupper():
        return i
    if _is_initial(parsed[i]) and i + 1 < n and _capitalised(parsed[i + 1]):
        return i + 2
    if parsed[i].lower_ not in EAST_ASIAN_SURNAMES or not parsed[i].text[0].isupper():
        return i
    if i + 3 < n and parsed[i + 1].is_title and _glued(parsed, i + 2) and parsed[i + 3].is_alpha:
        return i + 4
    if (
        i + 2 < n
        and all(_capitalised(parsed[j]) and len(parsed[j]) <= 4 for j in (i + 1, i + 2))
        and not (i + 3 < n and _capitalised(parsed[i + 3]))
    ):
        return i + 3
    return i


def _title_before(parsed: SpacyDoc, start: int) -> Ranges:
    """Token ranges of the titles before a name: ("Deputy Chief of the Naval Staff", "Adm.")."""
    first, i = start, start - 1
    while i >= 0:
        tok = parsed[i]
        if tok.is_space or "\n" in tok.whitespace_ or tok.ent_type_ in NUMERIC_LABELS:
            break
        if _is_title(tok) and (tok.text[0].isupper() or _word(tok) in TITLE_WORDS):
            first = i
        elif tok.is_lower and tok.pos_ in {"ADJ", "NOUN"} and i + 1 == first:
            first = i if tok.lower_ not in STATE_WORDS else first
        elif i + 1 == first < start and tok.ent_type_ in {"NORP", "GPE", "ORG"}:
            first = i  # "North Korean envoy", "Valmont Mayor"
        elif not ((tok.is_alpha and tok.text[0].isupper()) or tok.lower_ in JOINERS):
            break
        if tok.is_sent_start or tok.ent_type_ == "PERSON":
            break
        i -= 1
    while first < start and (parsed[first].lower_ in JOINERS or _is_honorific(parsed[first])):
        first += 1
    return _split_ranks(parsed, first, start)


def _split_ranks(parsed: SpacyDoc, first: int, end: int) -> Ranges:
    """A title phrase without honorifics, its closing rank abbreviation apart ("Adm.")."""
    while end > first and _is_honorific(parsed[end - 1]):
        end -= 1
    if end - first > 1 and _is_abbrev_title(parsed[end - 1]):
        return [(first, end - 1), (end - 1, end)]
    return [(first, end)] if end > first else []


def _title_words(parsed: SpacyDoc, ranges: Ranges) -> set[str]:
    """Normalised title words in token ranges ("Dr." → "doctor")."""
    words = {_word(t) for a, b in ranges for t in parsed[a:b]}
    return {ABBREVIATIONS.get(w, w) for w in words} & (TITLE_WORDS | set(ABBREVIATIONS.values()))


def _appositions(parsed: SpacyDoc, start: int, end: int) -> Ranges:
    """Token ranges of descriptions in apposition to a mention, after or before it."""
    root = parsed[start:end].root
    found: Ranges = []
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end and child.pos_ == "NOUN":
            left = child.left_edge.i
            ok = parsed[left - 1].text == "," and parsed[left].tag_ != "WP$"
            if left > end and ok and not parsed[left].ent_type_:
                found.append((left, _clause_end(parsed, child)))
    head = root.head  # "The ferry's captain, Henrik Maalstad"
    before = root.dep_ == "appos" and head.i < start - 1 and parsed[start - 1].text == ","
    edge = head.left_edge
    if before and head.pos_ == "NOUN" and not head.ent_type_ and edge.tag_ != "WP$":
        found.append((edge.i, start - 1))
    return [(a, b) for a, b in found if 0 < b - a <= 20]


def _clause_end(parsed: SpacyDoc, head: Token) -> int:
    """Where an apposition ends: before a relative clause, a comma, a quote or a bracket."""
    end = head.right_edge.i + 1
    for tok in parsed[head.i + 1 : end]:
        if tok.dep_ in {"relcl", "acl"}:
            end = min(end, tok.left_edge.i)
    for i in range(head.i + 1, end):
        if parsed[i].text in {",", ";", "(", '"', "“", "”", ":"} or parsed[i].is_space:
            return i
    return end
