"""Names the model missed, added to its candidates, and one label per name over a
document (the second half of `newsdesk.annotate.ner_fixes`):

- *add* names the model missed, by pattern (`pattern_names`: hyphenated and surname-first
  names, "Rhee Dong-su", "Ri Jong Ho"; initials, "K. Curran"; particles, "Ivo van der
  Brandt"), after a title the model left without any label ("Senior Constable Ivo
  Brandt", `titled_names`) or speaking and opening with a given name ("Ivo Lars Brandt,
  one of the organisers, said", `speaking_names`); `overlay` merges added candidates
  into the model's;
- *propagate* a name to its other occurrences (all-caps lines too); a PERSON's surname is
  PERSON when it stands alone; *harmonise*: once a string is PERSON it is PERSON everywhere,
  else the majority label wins.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from newsdesk.annotate.names import (
    CLOSE_MARKS,
    OPEN_MARKS,
    given_name,
    glued,
    is_title,
    name_shaped,
    nickname_pattern_end,
    particle_pattern_end,
    person_pattern_end,
    plain_word,
    surnames_of,
    whole_word,
    written_as_name,
)
from newsdesk.annotate.ner_fixes import Cand, majority_label
from newsdesk.annotate.nlp import text_of
from newsdesk.lang.en.names import (
    BODY_WORDS,
    COMPANY_WORDS,
    LOCATED_WORDS,
)
from newsdesk.lang.en.places import PLACE_NAME_WORDS
from newsdesk.lang.en.speech import REPORTING_VERBS

# ---------------------------------------------------------------- add and propagate


def overlay(old: list[Cand], new: list[Cand], keep_old: bool = False) -> list[Cand]:
    """Merge candidate lists: on overlap the new wins (unless ``keep_old``), but never over
    an old PERSON containing it ("Anika J. Brandt")."""
    if not keep_old:
        people = [c for c in old if c.label == "PERSON"]
        new = [n for n in new if not any(p.start <= n.start and n.end <= p.end for p in people)]
    winners, losers = (old, new) if keep_old else (new, old)
    taken = {i for c in winners for i in range(c.start, c.end)}
    kept = [c for c in losers if not any(i in taken for i in range(c.start, c.end))]
    return sorted(winners + kept, key=lambda c: c.start)


def pattern_names(parsed: SpacyDoc) -> list[Cand]:
    """Names the model misses: "K. Curran", "Ri Jong Ho", "Rhee Dong-su", 'Marek "The
    Red" Olsza', "Ivo van der Brandt"."""
    found: list[Cand] = []
    i = 0
    while i < len(parsed) - 1:
        end = max(
            person_pattern_end(parsed, i),
            nickname_pattern_end(parsed, i),
            particle_pattern_end(parsed, i),
        )
        found += [Cand(i, end, "PERSON", True)] if end > i else []
        i = max(end, i + 1)
    return found


LONGEST_TITLED = 3  # words of a name the model missed after a title ("Ivo Lars Brandt")


def titled_names(parsed: SpacyDoc, cands: list[Cand]) -> list[Cand]:
    """Names the model left without a label after a title ("taken to safety by Senior
    Constable Ivo Brandt, who ..."): two or three name-shaped proper nouns no entity
    holds, on the title's line, after a capitalised title word and before no other
    capitalised word, the last no plural (a team: "Duke Blue Devils") and no company's or
    body's word ("General Harbour Motors").
    A title word that ``cands`` give as a name of something else is none ("Duke" of "the
    Duke Blue Devils" where "Duke" is a university)."""
    named = {c.text(parsed) for c in cands if c.label != "PERSON"}
    found: list[Cand] = []
    for tok in parsed:
        if not (is_title(tok) and tok.text[0].isupper()) or "\n" in tok.whitespace_:
            continue
        if tok.text in named:
            continue
        start = end = tok.i + 1
        while end < len(parsed) and end - start < LONGEST_TITLED and _unlabelled_name(parsed[end]):
            end += 1
            if "\n" in parsed[end - 1].whitespace_:
                break
        after = parsed[end] if end < len(parsed) else None
        if end - start < 2 or (after is not None and after.is_alpha and after.text[0].isupper()):
            continue
        last = parsed[end - 1]
        if last.tag_ != "NNPS" and plain_word(last) not in COMPANY_WORDS | BODY_WORDS:
            found.append(Cand(start, end, "PERSON", True))
    return found


def speaking_names(parsed: SpacyDoc) -> list[Cand]:
    """Names the model left without a label that speak ("Ivo Lars Brandt, one of the
    organisers, said", "Ana Vale of Valmont Radio said"): two or three name-shaped proper
    nouns no entity holds, opening with a given name, whose head is the subject of a
    verb of saying or has a relative clause opened by "who"."""
    found: list[Cand] = []
    i = 0
    while i < len(parsed):
        end = i
        while end < len(parsed) and end - i < LONGEST_TITLED and _unlabelled_name(parsed[end]):
            end += 1
        run = parsed[i:end]
        if end - i >= 2 and given_name(run[0].text) and _speaks(run.root):
            found.append(Cand(i, end, "PERSON", True))
        i = max(end, i + 1)
    return found


def _speaks(head: Token) -> bool:
    """A name's head that is the subject of a verb of saying, or that "who" opens a
    relative clause of."""
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in REPORTING_VERBS:
        return True
    clauses = [c for c in head.children if c.dep_ == "relcl"]
    return any(t.lower_ == "who" for c in clauses for t in c.lefts)


def _unlabelled_name(tok: Token) -> bool:
    """A name-shaped proper noun the model gave no entity label."""
    return name_shaped(tok) and tok.pos_ == "PROPN" and not tok.ent_type_


def propagate(parsed: SpacyDoc, cands: list[Cand], caps: set[int]) -> list[Cand]:
    """Other occurrences of known names (case-insensitive in all-caps lines)."""
    known: dict[tuple[str, ...], str] = {}
    for c in cands:
        words = tuple(t.lower_ for t in parsed[c.start : c.end])
        if c.start not in caps or words not in known:
            known[words] = c.label
        if c.label == "PERSON" and c.end - c.start > 1:
            for surname in surnames_of(c.text(parsed)):
                known.setdefault((surname.lower(),), "PERSON")
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in sorted(known, key=len, reverse=True):
        by_first[words[0]].append(words)
    found: list[Cand] = []
    i = 0
    while i < len(parsed):
        match = _match_known(parsed, i, by_first.get(parsed[i].lower_, []), caps)
        found += [Cand(i, i + len(match), known[match])] if match else []
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
        if len(words) == 1 and tok.is_stop:
            continue  # "He" (a surname) is not propagated over the pronoun
        end = i + len(words)
        if end <= len(parsed) and tuple(t.lower_ for t in parsed[i:end]) == words:
            if not (end < len(parsed) and glued(parsed, end)):
                return words
    return None


# ---------------------------------------------------------------- harmonise

LONGEST_NAME = 5  # tokens of a name joined from two adjacent pieces


def join_adjacent(parsed: SpacyDoc, cands: list[Cand]) -> list[Cand]:
    """One PERSON name from two PERSON pieces the model cut apart with only a space
    between them ("Ivo El" + "Amin Brandt"), every word shaped as a name's (not "Ont-based"
    + "ATI", not a heading in capitals)."""
    joined: list[Cand] = []
    for c in cands:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label == c.label == "PERSON"
            and last.end == c.start
            and parsed[last.end - 1].whitespace_ == " "
            and c.end - last.start <= LONGEST_NAME
            and all(name_shaped(t) for t in parsed[last.start : c.end])
        ):
            last.end = c.end
            continue
        joined.append(c)
    return joined


PLACE_LABELS = frozenset({"GPE", "LOC"})


def join_place_in_name(parsed: SpacyDoc, cands: list[Cand]) -> list[Cand]:
    """One organisation from a name of two words or more ending in a plural, "in" and a
    place that the model cut apart ("Human Rights in Orskia" as "Human Rights" and
    "Orskia": a cause's name holding a place, where "Kessary Lines in Valmont" is a
    company in a place), when the document never writes the first part without "in"
    and that place after it, nor after "the" (the Valmont Red Cross is "the Red Cross in
    Valmont", and "the Red Cross" alone elsewhere), no article or noun stands before it
    (`_bare_name`), its last word names no body that stands somewhere ("the District
    Court in Valmont", `_located_body`) and the place modifies no noun after it ("in
    Valmont harbour"): the place is then a word of the name."""
    text = text_of(parsed)
    joined: list[Cand] = []
    skip: set[int] = set()
    for k, c in enumerate(cands):
        if k in skip:
            continue
        place = cands[k + 1] if k + 1 < len(cands) else None
        if (
            place is not None
            and c.label == "ORG"
            and place.label in PLACE_LABELS
            and c.end - c.start > 1
            and place.start == c.end + 1
            and parsed[c.end].lower_ == "in"
            and _bare_name(parsed, c)
            and parsed[c.end - 1].tag_ == "NNPS"
            and not _located_body(parsed[c.end - 1])
            and parsed[place.end - 1].dep_ != "compound"
            and _always_with(text, c.text(parsed), parsed[c.start : place.end].text)
        ):
            joined.append(Cand(c.start, place.end, "ORG", True))
            skip.add(k + 1)
            continue
        joined.append(c)
    return joined


def _located_body(last: Token) -> bool:
    """The last word of a body's name that stands somewhere ("Court" of "the District
    Court in Valmont", "University", "Telecom"): "in" and a place after it say where."""
    word = plain_word(last)
    return bool(PLACE_NAME_WORDS.get(word)) or word in LOCATED_WORDS | COMPANY_WORDS | BODY_WORDS


def _bare_name(parsed: SpacyDoc, cand: Cand) -> bool:
    """A name with no article or common noun right before it ("the ferry Aster Grace in
    Valmont harbour" is a ferry in a harbour)."""
    if cand.start == 0:
        return True
    prev = parsed[cand.start - 1]
    return prev.tag_ not in {"DT", "PRP$"} and prev.pos_ != "NOUN"


def _always_with(text: str, part: str, whole: str) -> bool:
    """Whether every time ``text`` writes the words ``part`` they open ``whole``, and
    never after "the"."""
    return all(
        text.startswith(whole, m.start())
        and not re.search(r"(?:^|\W)the\s+$", text[max(0, m.start() - 5) : m.start()], re.I)
        for m in re.finditer(whole_word(part), text)
    )


def quoted_titles(parsed: SpacyDoc, cands: list[Cand]) -> None:
    """A "person" every mention of which is a whole quotation is the title of a work
    (starred in "Van Hale" and "Blue Harbour"): relabelled WORK_OF_ART."""

    def whole_quotation(c: Cand) -> bool:
        if c.start == 0 or parsed[c.start - 1].text not in OPEN_MARKS:
            return False
        after = c.end + (c.end < len(parsed) and parsed[c.end].text in {",", "."})
        return after < len(parsed) and parsed[after].text in CLOSE_MARKS

    by_text: dict[str, list[Cand]] = defaultdict(list)
    for c in cands:
        if c.label == "PERSON":
            by_text[c.text(parsed)].append(c)
    for found in by_text.values():
        if all(whole_quotation(c) for c in found):
            for c in found:
                c.label, c.fixed = "WORK_OF_ART", True


def harmonise(parsed: SpacyDoc, cands: list[Cand], caps: set[int]) -> None:
    """One label per string: PERSON if any mention is, else the majority (mixed-case first)."""
    surnames = {
        s.casefold()
        for c in cands
        if c.label == "PERSON" and c.end - c.start > 1
        for s in surnames_of(c.text(parsed))
    }
    by_text: dict[str, list[Cand]] = defaultdict(list)
    for c in cands:
        by_text[c.text(parsed).casefold()].append(c)
    for text, group in by_text.items():
        fixed = [c.label for c in group if c.fixed]
        labels = [c.label for c in group if c.start not in caps] or [c.label for c in group]
        if fixed:
            label = majority_label(fixed)
        elif written_as_name(written := group[0].text(parsed)) and (
            text in surnames or _family_name(written, surnames) or _person_by_label(text, labels)
        ):
            label = "PERSON"
        else:
            label = majority_label(labels)
        for c in group:
            c.label = label


def _person_by_label(text: str, labels: list[str]) -> bool:
    """Whether the model's labels make a string a person: one PERSON label, unless the
    string is one word, no surname of a full name in the document, that the model reads
    as an organisation more often than as a person ("Drake" the college, a person 3
    times in 8, an organisation 5)."""
    if "PERSON" not in labels:
        return False
    others = {label for label in labels if label != "PERSON"}
    minority = labels.count("PERSON") * 2 < len(labels)
    return len(text.split()) > 1 or not (minority and others == {"ORG"})


def _family_name(name: str, surnames: set[str]) -> bool:
    """A two- or three-word name ending in a known PERSON surname ("Marit Maalstad"),
    every word a name's (`names.written_as_name`)."""
    words = name.split()
    return 1 < len(words) < 4 and words[-1].casefold() in surnames and written_as_name(name)
