"""Who does what, read from the parse: the event a value belongs to and who it is about.

`newsdesk.brief.slots` reads values (numbers, dates, colours); this module reads what
holds them together across documents:

* the **event** a date or a count belongs to: the verb a date dates, past a participle
  that only names a noun ("launched a line called Mantra in September": the launch),
  and the participle that describes a counted noun ("99 members seized"); a day on which
  something was going on ("were searching Wednesday") dates none;
* the **agent** of an event: the named subject of the verb a value belongs to ("Jan
  Berg was arrested on Sunday" → Jan Berg; "he was arrested" → unknown), so that values
  of two people's events ("Berg was arrested on Sunday", "Holm was arrested on 6
  January") are never compared;
* the **kind of place** an event happened in: the common nouns reached from its verb
  through locative prepositions and the nouns that qualify them ("found dead in a hotel
  room" → hotel, room; "found dead in his room at a motel" → room, motel), so that a
  place of one kind in one report and of another in the next can be compared;
* the **value on a scale** ("a magnitude 6.1 quake", "a 6. 4 - magnitude temblor"),
  read from the characters for the same reason;
* the **claim** that states a value: the clause of the verb that governs it, within its
  sentence and line, cut between words around it when long (`claim_of`);
* the **actions** a sentence states with their participants ("police arrested Vale" and
  "Vale was arrested" state one: `predicates`, `same_event`) and its main actions
  (`actions`), by which `newsdesk.brief.facts` tells two sentences state one event;
* the **clock time** of an event, read from the characters ("at about 1:30 a.m.", "1: 30
  a. m.", "1:00am") rather than from the entity recogniser, which splits times written
  with spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from newsdesk.lang.en.calendar import TIME_BOUNDS, TIME_NOUNS
from newsdesk.lang.en.discourse import MODALS, SERIES_LATEST
from newsdesk.lang.en.measures import ANCHOR_SYNONYMS, SCALES
from newsdesk.lang.en.numbers import APPROXIMATORS
from newsdesk.lang.en.places import GOAL_PREPOSITIONS, LOCATIVE_PREPOSITIONS
from newsdesk.lang.en.speech import REPORTED_VERBS, REPORTING_VERBS
from newsdesk.lang.en.stop_words import STOP_WORDS
from newsdesk.lang.en.tense import PRESENT_BE
from newsdesk.model import Document, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "MAX_CLAIM_CHARS",
    "Predicates",
    "actions",
    "agent_of",
    "anchor_lemma",
    "arguments",
    "claim_of",
    "clock_times",
    "described",
    "event_of",
    "hedged",
    "numbered",
    "ongoing",
    "participle_after",
    "picks_up",
    "place_nouns",
    "predicates",
    "reported_by",
    "same_event",
    "scale_values",
    "unnamed_agent",
    "verb_of",
]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A clock time: "1:30 a.m.", "1: 30 a. m.", "1:00am", "11 p.m." (hours and minutes read).
CLOCK = re.compile(
    r"(?<![\d:])(\d{1,2})(?:\s?[:.]\s?(\d{2}))?\s?([ap])\.?\s?m\b\.?(?!\w)", re.IGNORECASE
)


def verb_of(token: Token, steps: int = 6) -> Token | None:
    """The nearest verb above ``token`` (itself when it is one), or None."""
    tok = token
    for _ in range(steps):
        if tok.pos_ == "VERB":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok if tok.pos_ == "VERB" else None


def anchor_lemma(verb: Token) -> str:
    """The lemma a verb's event is keyed and compared by, the verbs by which reports give
    one count or date joined (`ANCHOR_SYNONYMS`: "14 people were *hurt*", "*injuring* 12
    people" → injure)."""
    lemma = verb.lemma_.lower()
    return ANCHOR_SYNONYMS.get(lemma, lemma)


def hedged(predicate: Token) -> bool:
    """Negated, modal or infinitive ("no one was hurt", "could have killed", "licensed to
    carry 400 passengers")."""
    return any(
        c.dep_ == "neg" or (c.dep_ in {"aux", "auxpass"} and c.lower_ in MODALS)
        for c in predicate.children
    )


def _naming(verb: Token) -> bool:
    """Whether a verb is a participle that only names a noun ("a line *called* Mantra",
    "a ship named Orla"): no event, so a date the parse hangs on it dates the verb
    above ("launched a line called Mantra in September": the launch)."""
    return verb.dep_ == "acl" and any(c.dep_ == "oprd" for c in verb.children)


def event_of(root: Token) -> Token | None:
    """The verb a date or time dates ("collided with a tanker *on 12 October*"): the
    nearest verb above it that is no naming participle (`_naming`); None for the day
    someone said something, for a negated or modal verb, and for a date outside any
    clause (a headline). Nor does a day on which something was going on ("police were
    searching Wednesday"): an activity in the progressive may run over several days, and
    another report's day for it ("searching Friday") is no other day of one event. A
    clock time of one ("was driving … at about 1:30 a.m.") is a moment of it and kept."""
    tok = root
    for _ in range(6):
        if tok.pos_ == "VERB" and not _naming(tok):
            break
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    if tok.pos_ != "VERB" or hedged(tok) or tok.lemma_.lower() in REPORTED_VERBS:
        return None
    if root.ent_type_ == "DATE" and _progressive(tok):
        return None
    return tok


def _progressive(verb: Token) -> bool:
    """Whether a verb is in the progressive: a present participle after a form of "be"
    ("were searching", "is holding")."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" for c in verb.children
    )


def participle_after(noun: Token) -> Token | None:
    """The past participle right after a noun that describes it ("99 members *seized*",
    "800 homes *destroyed*"); not one set off by a comma ("one person, injured dozens":
    another clause)."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.head != noun or after.dep_ != "acl" or after.tag_ != "VBN":
        return None
    return after if noun.pos_ == "NOUN" else None


def agent_of(focus: Token, people: Sequence[tuple[int, int, str]]) -> str | None:
    """The named subject of the verb ``focus`` belongs to: the story-wide name of the
    person mention (``people``: character start, end, name) it falls in, or the proper
    noun as written ("Hamas"); None for a pronoun, a common noun or no subject. A verb
    joined to another ("was arrested and charged") shares its subject. A subject that
    holds the value itself ("dlrs 400,000 was paid", which the parse heads by the
    currency) is what is counted, not who acts."""
    subject = _subject(focus)
    return None if subject is None or _holds(subject, focus) else _name(subject, people)


def _holds(phrase: Token, focus: Token) -> bool:
    """Whether ``focus`` (a value's token) lies in the noun phrase ``phrase`` heads, below
    it with no verb between (not in a clause describing it: "Orbis 7, which was
    introduced in August")."""
    tok = focus
    while tok.i != phrase.i:
        if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def unnamed_agent(focus: Token) -> bool:
    """Whether the subject of the verb ``focus`` belongs to is "he" or "she": a person
    the sentence does not name."""
    subject = _subject(focus)
    return subject is not None and subject.lower_ in _PERSONAL_PRONOUNS


_PERSONAL_PRONOUNS = frozenset({"he", "she"})
# Pronouns that pick up a thing or things named before ("A quake hit the town in May.
# *It* killed 40 people"): a sentence they open goes on about the sentence before.
_THING_PRONOUNS = frozenset({"it", "they"})


def picks_up(sent: SpacySpan) -> bool:
    """Whether the main clause of ``sent`` has a pronoun for a thing or things as its
    subject ("It killed 40 people and injured 200"): the sentence continues about what
    the one before it named."""
    return any(t.dep_ in _SUBJECTS and t.lower_ in _THING_PRONOUNS for t in sent.root.children)


def reported_by(focus: Token) -> str:
    """Who a value is reported by: the subject of the nearest verb of speech above it ("the
    survey *said* it was a magnitude 6.1 quake" → "the survey"), lowercased; empty when no
    speaker is written. A verb of speech in the passive is passed over: its subject is
    who the words are about ("Vale is *accused* of stealing 20 cars, the police said" →
    "the police")."""
    for verb in focus.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in REPORTED_VERBS:
            if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
                continue
            for child in verb.children:
                if child.dep_ in _SUBJECTS:
                    return "".join(t.text_with_ws for t in child.subtree).strip().lower()
            return ""
    return ""


def _subject(focus: Token) -> Token | None:
    """The subject of the verb ``focus`` belongs to, or of the verb a clause without one
    depends on ("was arrested and charged", "finished after completing 17 passes"); a
    relative pronoun stands for the noun its clause describes ("Vale, who completed 28
    passes")."""
    verb = verb_of(focus)
    for _ in range(3):
        if verb is None:
            return None
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            relative = subjects[0].tag_ in {"WP", "WDT"} and verb.dep_ == "relcl"
            return verb.head if relative else subjects[0]
        if verb.dep_ in {"conj", "xcomp", "advcl"}:
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head  # "finished with 29 of 34 after completing his first 17"
        else:
            return None
    return None


_PLACES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})  # no participants
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative"})


def arguments(focus: Token, people: Sequence[tuple[int, int, str]]) -> frozenset[str]:
    """The named participants of the verb ``focus`` belongs to: its subject, object and
    the objects of its prepositions ("was driving his Bentley", "going west in his
    Bentley" → the Bentley), as `agent_of` names them. Places are none (two events
    happen in one town), unless a trip goes to or comes from them ("left for Libya",
    "left Jerba for Dubai": two trips); nor is the source of an attribution ("according
    to the survey", two prepositions away), nor the phrase that holds the value itself
    ("provided nearly dlrs 400,000", which the parse heads by the currency)."""
    verb = verb_of(focus)
    if verb is None:
        return frozenset()
    found = [c for c in verb.children if c.dep_ in _ARGUMENTS and c.ent_type_ not in _PLACES]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        goal = prep.lower_ in GOAL_PREPOSITIONS
        found += [
            o
            for o in prep.children
            if o.dep_ == "pobj" and (o.ent_type_ not in _PLACES or (goal and o.pos_ == "PROPN"))
        ]
    names = (_name(t, people) for t in found if not _holds(t, focus))
    return frozenset(n for n in names if n)


def described(focus: Token) -> str:
    """The noun a participle clause that ``focus`` belongs to describes ("a statement
    released Friday" → statement; "a letter released Monday" → letter): who or what the
    event is about, as a lemma; empty for a verb of a clause of its own."""
    verb = verb_of(focus)
    if verb is None or verb.dep_ != "acl" or verb.head.pos_ != "NOUN":
        return ""
    return verb.head.lemma_.lower()


def ongoing(focus: Token) -> bool:
    """Whether the verb ``focus`` belongs to is in the present progressive with a day
    ("Monday, the players are holding news conferences in 11 cities"): what a report
    written before the day's event ended says, which a later report may update. Without
    a day it is a state ("is serving three life sentences")."""
    verb = verb_of(focus)
    return (
        verb is not None
        and verb.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lower_ in PRESENT_BE for c in verb.children)
        and any(t.ent_type_ == "DATE" for t in verb.subtree)
    )


def numbered(focus: Token) -> bool:
    """Whether the verb ``focus`` belongs to has a subject numbered in a series past its
    first ("the sixth aftershock shook …", "a second blast hit …"), or its sentence
    describes its event as the latest of a series ("the quake was the latest in a
    series", "hit by a 6.1 quake, the latest tremor"; not "the latest figures show"):
    one event of several, whose values are not the story's."""
    if any(_latest(t) for t in focus.sent):
        return True
    verb = verb_of(focus)
    if verb is None:
        return False
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    words = [c for s in subjects for c in s.children]
    if not subjects:  # a parse that lost the subject: the words right before the verb
        words = [t for t in verb.doc[max(0, verb.i - 4) : verb.i] if "\n" not in t.text]
    return any(c.ent_type_ == "ORDINAL" and c.lower_ not in {"first", "1st"} for c in words)


def _latest(token: Token) -> bool:
    """Whether ``token`` describes an event as the latest of a series: "latest" as what
    something is ("was the latest") or in a phrase set beside the event ("…, the latest
    tremor")."""
    if token.lower_ not in SERIES_LATEST:
        return False
    described = token if token.dep_ == "attr" else token.head
    return token.dep_ in {"attr", "amod"} and described.dep_ in {"attr", "appos", "npadvmod"}


def _name(subject: Token, people: Sequence[tuple[int, int, str]]) -> str | None:
    """A subject's name: the person it stands for, or its proper noun phrase. A common
    noun is named by the name set beside it ("the actress, Tara Reid,"; "the actress and
    former reporter Tara Reid", which the parse joins as two). A number right after a
    proper noun is part of its name ("Orbis 7" is not "Orbis 8")."""
    for start, end, name in people:
        if start <= subject.idx < end:
            return name
    if subject.pos_ == "NOUN":
        beside = (c for c in subject.children if c.dep_ in {"appos", "conj"})
        return next((n for c in beside if c.pos_ == "PROPN" and (n := _name(c, people))), None)
    if subject.pos_ != "PROPN":
        return None
    words = [c for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    words += [c for c in subject.children if c.dep_ == "nummod" and c.i == subject.i + 1]
    return " ".join(t.text for t in sorted([*words, subject], key=lambda t: t.i)).lower()


def clock_times(sent: SpacySpan) -> Iterator[tuple[float, str, bool, Token]]:
    """The clock times written in a sentence, bounds left out ("by 7 a.m."): (minutes
    after midnight, the text, whether
    hedged "about", its hour token: the parse attaches a time written apart, "1: 30 a.
    m.", by its hour more often than by its last token)."""
    text = sent.text
    for m in CLOCK.finditer(text):
        hours, minutes = int(m[1]), int(m[2] or 0)
        if not 1 <= hours <= 12 or minutes > 59:
            continue
        span = sent.doc.char_span(
            sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand"
        )
        if span is None or len(span) == 0:
            continue
        value = (hours % 12 + (12 if m[3].lower() == "p" else 0)) * 60 + minutes
        before = sent.doc[span.start - 1].lower_ if span.start > 0 else ""
        bound = sent.doc[span.start - 2].lower_ if span.start > 1 else ""
        if before in TIME_BOUNDS or (before in APPROXIMATORS and bound in TIME_BOUNDS):
            continue  # "by 7 a.m.", "until about noon": a bound, not when it happened
        yield float(value), m.group().rstrip(), before in APPROXIMATORS, span[0]


def place_nouns(verb: Token) -> tuple[list[Token], ...]:
    """The common nouns of each place a verb is said to happen in: for each locative
    prepositional phrase of the verb ("in a hotel room in Biloxi"), the nouns of the
    phrase and of the locative phrases and compounds nested in it (hotel, room; a name
    such as "Biloxi" is no kind)."""
    places = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPOSITIONS:
            continue
        nouns: list[Token] = []
        _collect(prep, nouns, 0)
        if nouns:
            places.append(nouns)
    return tuple(places)


def _collect(prep: Token, nouns: list[Token], depth: int) -> None:
    """The common nouns under a locative preposition (two levels of nesting at most)."""
    for obj in prep.children:
        if obj.dep_ != "pobj" or obj.pos_ != "NOUN" or obj.lemma_.lower() in TIME_NOUNS:
            continue  # "at this time": no place
        for word in (obj, *(c for c in obj.children if c.dep_ == "compound")):
            if word.pos_ == "NOUN" and word.is_alpha and word.lower_ not in STOP_WORDS:
                nouns.append(word)
        for inner in obj.children:
            if depth < 1 and inner.dep_ == "prep" and inner.lower_ in LOCATIVE_PREPOSITIONS:
                _collect(inner, nouns, depth + 1)


_SCALE_NUMBER = r"(\d{1,2}(?:\s?\.\s?\d{1,2})?)(?!\d|,\d|\s?\.\s?\d)"
_SCALE_AFTER = re.compile(rf"\b([A-Za-z]+)(?:\s?-\s?|\s+of\s+|\s+){_SCALE_NUMBER}")
_SCALE_BEFORE = re.compile(rf"(?<![\d.,])\b{_SCALE_NUMBER}\s?-?\s?([A-Za-z]+)\b")


def scale_values(sent: SpacySpan) -> Iterator[tuple[str, float, str, Token]]:
    """Values on a scale written beside its name (`SCALES`): "magnitude 6.1",
    "magnitude of 6.1", "6.1-magnitude", "6. 1 magnitude": (scale, value, the text, the
    number's first token)."""
    text = sent.text
    found = [(m.group(1), m.group(2), m) for m in _SCALE_AFTER.finditer(text)]
    found += [(m.group(2), m.group(1), m) for m in _SCALE_BEFORE.finditer(text)]
    for word, number, m in found:
        if word.lower() not in SCALES:
            continue
        start = sent.start_char + m.start(2 if m.re is _SCALE_AFTER else 1)
        span = sent.doc.char_span(start, start + len(number), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        value = float(number.replace(" ", ""))
        yield word.lower(), value, m.group().strip(), span[0]


MAX_CLAIM_CHARS = 240


def claim_of(doc: Document, sent: SpacySpan, focus: Token) -> TextSpan:
    """The clause that states a value: the subtree of the verb governing ``focus`` within
    its sentence and its line ("had a depth of 1.2 miles"), at most ``MAX_CLAIM_CHARS``
    around it."""
    verb = focus
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i and verb.head in sent:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        verb = focus
    start = max(verb.left_edge.idx, sent.start_char)
    last = verb.right_edge
    end = min(last.idx + len(last.text), sent.end_char)
    start = max(start, doc.text.rfind("\n", start, focus.idx) + 1)  # one line: no stamp
    if (newline := doc.text.find("\n", focus.idx, end)) >= 0:
        end = newline
    if end - start > MAX_CLAIM_CHARS:  # a window around the value, cut between words
        if focus.idx - MAX_CLAIM_CHARS // 2 > start:
            start = doc.text.find(" ", focus.idx - MAX_CLAIM_CHARS // 2, focus.idx) + 1 or start
        if start + MAX_CLAIM_CHARS < end:
            end = max(
                doc.text.rfind(" ", focus.idx, start + MAX_CLAIM_CHARS), focus.idx + len(focus.text)
            )
    while end > start and not doc.text[end - 1].isalnum():
        end -= 1  # no trailing punctuation or space
    while start < end and doc.text[start].isspace():
        start += 1
    if start >= end:  # a parse whose clause lies outside its sentence: the word itself
        start, end = focus.idx, focus.idx + len(focus.text)
    return TextSpan(doc.span(start, end), doc.text[start:end])


# ---------------------------------------------------------------------------- predicates

Predicates = frozenset[tuple[str, str, str]]
"""What a sentence states: (action lemma, role, participant lemma) triples."""


_DOER = frozenset({"nsubj"})
_UNDERGOER = frozenset({"nsubjpass", "dobj"})
_OTHER = frozenset({"attr", "oprd", "dative", "acomp"})
_HEDGES = MODALS - {"will", "shall", "'ll", "to"}  # "could undermine" is no fact yet
_VALUES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


def _participant(token: Token) -> str | None:
    """The word a participant is compared by (None for pronouns, stop words and values:
    days and numbers are compared by `values.agree`, and say nothing of who took part). A
    part of a whole stands for the whole ("half of the roof", "two of the crew")."""
    whole = [g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if (token.is_stop or token.ent_type_ in _VALUES or token.like_num) and whole:
        token = whole[0]
    if token.pos_ == "PRON" or token.is_stop or token.ent_type_ in _VALUES:
        return None
    if not token.text[:1].isalnum():
        return None
    return str(token.lemma_).lower()


def _action(verb: Token) -> str | None:
    """The action a verb states, keyed as `predicates` keys it ("not undermine", "may
    undermine"), or None for no content verb (a reporting verb, a stop word)."""
    if verb.pos_ != "VERB" or verb.dep_ == "prep" or verb.is_stop:
        return None
    if verb.lemma_.lower() in REPORTING_VERBS:
        return None
    action = anchor_lemma(verb)
    if any(c.dep_ == "neg" for c in verb.children):
        return f"not {action}"
    if any(c.dep_ == "aux" and c.lower_ in _HEDGES for c in verb.children):
        return f"may {action}"
    return action


def actions(tokens: Iterable[Token]) -> frozenset[str]:
    """The main actions ``tokens`` (a sentence or a clause) state (`_action`): those of
    its top verbs and the verbs coordinated with them, or, where a top verb reports
    ("police said", "she claimed"), those of what it reports. The verbs of clauses inside
    them ("arrested at a house *where he was found*", "*finding* him so quickly may have
    saved lives") are what those clauses state, not the sentence."""
    words = {t.i: t for t in tokens}
    todo = [t for t in words.values() if t.head.i == t.i or t.head.i not in words]
    found: set[str] = set()
    seen: set[int] = set()
    while todo:
        verb = todo.pop()
        if verb.i in seen:
            continue
        seen.add(verb.i)
        below = [c for c in verb.children if c.i in words]
        if verb.lemma_.lower() in REPORTING_VERBS:
            todo += [c for c in below if c.dep_ in ("ccomp", "conj")]
            continue
        if (action := _action(verb)) is not None:
            found.add(action)
        todo += [c for c in below if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        if verb.pos_ == "AUX" or verb.lemma_.lower() in STOP_WORDS:
            todo += [c for c in below if c.dep_ in ("xcomp", "ccomp", "acomp")]
    return frozenset(found)


def predicates(span: SpacySpan | Doc) -> Predicates:
    """The actions ``span`` states with their participants, from its dependency parse.

    An action is a content verb (not a reporting verb such as "say", not a stop word
    such as "have", not the "according" of "according to"), named by its lemma with
    synonyms joined (`events.anchor_lemma`: "wound" is "injure"), marked when negated
    ("not undermine") or hedged by a modal ("may undermine"). Its participants are
    the heads of its subject (role ``doer``), passive subject and object (``undergoer``,
    so "police arrested Vale" and "Vale was arrested" agree), "by" phrase (``doer``) and
    other objects and prepositional objects (``other``). Days, times and numbers are
    no participants.
    """
    found: set[tuple[str, str, str]] = set()
    for verb in span:
        if (action := _action(verb)) is None:
            continue
        for child in verb.children:
            if child.dep_ in ("prep", "agent"):
                role = "doer" if child.dep_ == "agent" else "other"
                heads = [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ in _DOER | _UNDERGOER | _OTHER:
                role = (
                    "doer"
                    if child.dep_ in _DOER
                    else "undergoer"
                    if child.dep_ in _UNDERGOER
                    else "other"
                )
                heads = [child]
            else:
                continue
            for head in heads:
                if (word := _participant(head)) is not None:
                    found.add((action, role, word))
    return frozenset(found)


def same_event(a: Predicates, b: Predicates) -> bool:
    """Whether two sentences state one action of the same participants.

    They share an action and, besides its doer, one participant that undergoes it in
    either sentence ("Vale was arrested" and "police arrested Vale"), or the doer too,
    or two participants ("collided with a ship in fog"). Different named doers of the
    action ("the mayor plans to run", "the senator might run") are not one event.
    """

    def of(p: Predicates, action: str, roles: tuple[str, ...]) -> set[str]:
        return {w for v, r, w in p if v == action and r in roles}

    for action in {v for v, _, _ in a} & {v for v, _, _ in b}:
        doers_a, doers_b = of(a, action, ("doer",)), of(b, action, ("doer",))
        if doers_a and doers_b and not doers_a & doers_b:
            continue
        shared = of(a, action, ("undergoer", "other")) & of(b, action, ("undergoer", "other"))
        undergone = shared & (of(a, action, ("undergoer",)) | of(b, action, ("undergoer",)))
        if shared and (undergone or doers_a & doers_b or len(shared) >= 2):
            return True
    return False
