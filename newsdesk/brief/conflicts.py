"""Where sources differ: the same attribute given different values by different documents.

`find_conflicts` reads each document's dependency parse (``Document.parse``, a spaCy
``Doc`` of ``Document.text``) and collects *claims*: a key (what is described), a value
and the characters that state it. Four kinds are read:

* a person's **age**: ``Henrik Maalstad, 54,`` / ``54-year-old Henrik Maalstad`` /
  ``Henrik Maalstad, aged 54`` / ``Henrik Maalstad (54)``;
* a person's **title**, the capitalised post written before the name (``Deputy Harbour
  Master Inga Solberg``); honorifics (Mr, Ms, Dr) alone are no title;
* **counts**: a number, the noun it counts and the word that governs it, normalised
  through small synonym sets (people injured/hurt/wounded, killed/dead, missing,
  rescued, arrested, treated; passengers, crew or people on board; votes for and
  against; the value of an object in one currency);
* the **date** of a named event (collision, grounding, theft, arrest ...), from explicit
  day-and-month dates or, when the document has a timeline, its resolved dates.

People are matched across documents by full name, a surname alone by the one full name
it can stand for (first in the same document, then in the story); ``Document.entities``
is not used. A conflict needs two documents whose values disagree; a document that gives
two incompatible values for one key is left out of that key (its key is ambiguous), and
approximate numbers ("about 200", "more than 12") are not compared. Being conservative is
the point: a false conflict is worse than a missed one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsdesk.model import Conflict, Document, Span, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["claim_spans", "find_conflicts", "number_value", "numbers_in", "parse_of"]

# ---------------------------------------------------------------------------- numbers

_SMALL = """zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen"""
_UNITS = {w: i for i, w in enumerate(_SMALL.split())}
_TENS = {
    w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty".split(), 2)
}
_TENS["ninety"] = 90
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FILLERS = {"a", "an", "and", "-"}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_APPROX = frozenset(
    """about around almost nearly approximately roughly some over under more less fewer
    than least most up estimated approx circa several nigh upwards""".split()
)
_NEGATORS = frozenset("no not none nobody never without".split())


def number_value(words: Sequence[str]) -> float | None:
    """The value of a number written in ``words`` ("2.4 million", "twenty - one", "a dozen").

    None when a word is not part of a number or no number word is present.
    """
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        w = raw.lower()
        if _DIGITS.match(w):
            current += float(w.replace(",", ""))
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0.0
        elif w in _FILLERS:
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | {"dozen", "hundred"}


def _is_number(token: Token) -> bool:
    """A digit string or a number word ("12", "1,200", "twelve", "million", "dozen")."""
    return token.lower_ in _NUMBER_WORDS or bool(_DIGITS.match(token.lower_))


def _chain(top: Token) -> list[Token]:
    """The tokens of the number phrase headed by ``top`` ("2.4 million", "a dozen")."""
    tokens = [top]
    stack = [top]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in {"compound", "quantmod", "nummod", "punct", "det"} and (
                _is_number(child) or child.lower_ in _FILLERS
            ):
                tokens.append(child)
                stack.append(child)
    return sorted(tokens, key=lambda t: t.i)


def _number_tops(parse: Doc) -> Iterator[Token]:
    """The last token of every number phrase (the one attached outside the phrase)."""
    for token in parse:
        if not _is_number(token) or token.ent_type_ in {"PERCENT", "ORDINAL"}:
            continue
        if token.dep_ in {"compound", "quantmod", "nummod"} and _is_number(token.head):
            continue
        yield token


def _approximate(chain: list[Token]) -> bool:
    """Whether the number is hedged ("about 12", "more than 200", "an estimated 41m")
    or negated ("no one hurt")."""
    doc = chain[0].doc
    left = doc[max(0, chain[0].i - 2) : chain[0].i]
    if any(t.lower_ in _APPROX or t.lower_ in _NEGATORS for t in left):
        return True
    return any(c.lower_ in _APPROX for t in chain for c in t.children)


def numbers_in(parse: Doc, start: int, end: int) -> list[tuple[int, float]]:
    """The numbers written between characters ``start`` and ``end`` of ``parse``.

    Each is (character offset of its last word, value), in text order.
    """
    found = []
    for top in _number_tops(parse):
        if start <= top.idx < end:
            value = number_value([t.text for t in _chain(top)])
            if value is not None:
                found.append((top.idx, value))
    return found


# ---------------------------------------------------------------------------- claims


@dataclass(frozen=True, slots=True)
class _Claim:
    """One document's value for one key, with the characters that state it."""

    key: tuple[str, ...]
    label: str
    value: Hashable
    claim: TextSpan
    note: str = ""  # e.g. the object a value belongs to, to name the conflict


def _token_span(doc: Document, tokens: Sequence[Token], limit: int = 160) -> TextSpan:
    """The claim text from the first to the last of ``tokens`` (the head tokens if long)."""
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    if last.idx + len(last.text) - first.idx > limit:
        last = max(tokens[:2], key=lambda t: t.i)
        first = min(tokens[:2], key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    return TextSpan(doc.span(start, end), doc.text[start:end])


# ---------------------------------------------------------------------------- people

_HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame madam madame mme mlle".split())
_TITLE_HEADS = frozenset(
    """master captain mayor minister inspector councillor councilor lieutenant commander
    director chief president senator governor sergeant officer judge justice professor
    secretary chancellor superintendent constable admiral general colonel major
    commissioner chair chairman chairwoman chairperson ambassador bishop sheriff marshal
    representative speaker treasurer attorney coroner warden premier consul
    commodore detective""".split()
)
_TITLE_MODIFIERS = frozenset(
    """deputy assistant acting vice interim senior junior associate first second prime
    executive harbour harbor port police fire coast guard foreign finance defence defense
    transport health home interior city state district county managing lord lance staff
    rear flight wing petty under former""".split()
)
_RANK_WORDS = frozenset(
    """deputy assistant acting vice interim chief senior junior associate under first
    second lance rear lord prime executive""".split()
)
_ABBREVIATIONS = {
    "capt": "captain", "det": "detective", "insp": "inspector", "supt": "superintendent",
    "lt": "lieutenant", "cmdr": "commander", "gen": "general", "col": "colonel",
    "sgt": "sergeant", "gov": "governor", "sen": "senator", "rep": "representative",
    "prof": "professor", "cllr": "councillor", "adm": "admiral",
}  # fmt: skip
_TITLE_WORDS = _TITLE_HEADS | _TITLE_MODIFIERS | set(_ABBREVIATIONS) | _HONORIFICS


def _title_word(token: Token) -> str | None:
    """The normalised title word ``token`` is, or None (lowercase words never are)."""
    if not token.text[:1].isupper():
        return None
    low = token.lower_.rstrip(".")
    if low not in _TITLE_WORDS:
        return None
    return _ABBREVIATIONS.get(low, low)


@dataclass(frozen=True, slots=True)
class _Name:
    """A person's name in a parse: tokens ``start:end`` (title words excluded)."""

    start: int
    end: int
    text: str


def _names(parse: Doc) -> list[_Name]:
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
            out.append(_Name(start, end, " ".join(t.text for t in parse[start:end])))
    return out


class _People:
    """Resolves a name in a document to one person of the story (full name) or None."""

    def __init__(self, names: dict[str, list[_Name]]) -> None:
        self._story: dict[str, set[str]] = defaultdict(set)
        self._doc: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._full = {n.text for found in names.values() for n in found if n.text.count(" ") == 1}
        for doc_id, found in names.items():
            for name in found:
                parts = name.text.split()
                if len(parts) >= 3 and " ".join(parts[-2:]) in self._full:
                    parts = parts[-2:]  # "Tragic Arvid Lunde": a word spaCy took into the name
                if len(parts) >= 2:
                    self._story[parts[-1].lower()].add(" ".join(parts))
                    self._doc[doc_id, parts[-1].lower()].add(" ".join(parts))

    def resolve(self, doc_id: str, name: str) -> str | None:
        """The full name ``name`` (in document ``doc_id``) stands for; None if ambiguous."""
        parts = name.split()
        if len(parts) >= 3 and " ".join(parts[-2:]) in self._full:
            return " ".join(parts[-2:])
        if len(parts) >= 2:
            return " ".join(parts)
        surname = name.lower()
        for candidates in (self._doc.get((doc_id, surname)), self._story.get(surname)):
            if candidates:
                return next(iter(candidates)) if len(candidates) == 1 else None
        return name


def _extra_names(parse: Doc, known_surnames: set[str]) -> list[_Name]:
    """Capitalised name chains spaCy did not label PERSON whose surname is a known person's.

    Only chains followed by ``, <age>`` are looked at ("Arvid Lunde, 31," tagged ORG).
    """
    out = []
    for token in parse:
        if token.text != "," or token.i == 0 or token.i + 1 >= len(parse):
            continue
        last = parse[token.i - 1]
        if last.ent_type_ == "PERSON" or last.pos_ != "PROPN" or not _is_number(parse[token.i + 1]):
            continue
        start = last.i
        while start > 0 and last.i - start < 2 and parse[start - 1].pos_ == "PROPN":
            start -= 1
        if last.i > start and last.lower_ in known_surnames and not _title_word(parse[start]):
            out.append(
                _Name(start, last.i + 1, " ".join(t.text for t in parse[start : last.i + 1]))
            )
    return out


def _ages(parse: Doc, name: _Name) -> Iterator[Token]:
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


def _person_claims(
    doc: Document, parse: Doc, names: list[_Name], people: _People
) -> Iterator[_Claim]:
    """Age and title claims about the people ``names`` (found in ``parse``)."""
    for name in names:
        person = people.resolve(doc.id, name.text)
        if person is None:
            continue
        if name.text.endswith(" " + person):
            name = _Name(name.end - len(person.split()), name.end, person)
        first, last = parse[name.start], parse[name.end - 1]
        for age in _ages(parse, name):
            if 0 < int(age.text) < 120:
                span = _token_span(doc, [first, last, age], limit=400)
                yield _Claim(("age", person), f"age of {person}", int(age.text), span)
        title = _title_before(parse, name)
        if title is not None:
            words, start = title
            span = _token_span(doc, [parse[start], last], limit=400)
            yield _Claim(("title", person), f"title of {person}", words, span)


def _title_before(parse: Doc, name: _Name) -> tuple[tuple[str, ...], int] | None:
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
    if not words or words[-1] not in _TITLE_HEADS:
        return None
    start = i + 1
    while parse[start].lower_.rstrip(".") in _HONORIFICS or parse[start].text == ".":
        start += 1
    return tuple(words), start


def _titles_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Equal, or one is the other with a qualifier that is not a rank ("Detective")."""
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if long[len(long) - len(short) :] != short:
        return False
    return not any(w in _RANK_WORDS for w in long[: len(long) - len(short)])


# ---------------------------------------------------------------------------- counts


def _inverse(table: dict[str, str]) -> dict[str, str]:
    """``{"injured": "injure hurt"}`` -> ``{"injure": "injured", "hurt": "injured"}``."""
    return {word: name for name, words in table.items() for word in words.split()}


_CATEGORIES = _inverse({
    "injured": "injure injured hurt wound wounded",
    "killed": "kill killed die dead perish drown",
    "missing": "missing miss unaccounted",
    "rescued": "rescue evacuate airlift",
    "arrested": "arrest detain",
    "treated": "treat hospitalise hospitalize",
    "aboard": "carry board hold transport aboard",
    "value": "worth value insure price appraise",
    "approved": "approve pass adopt back endorse",
    "rejected": "reject defeat",
})  # fmt: skip

_HARM = frozenset({"injured", "killed", "missing", "rescued", "arrested", "treated"})
_PEOPLE = frozenset("people person passenger victim casualty individual".split())
_ON_BOARD_NOUNS = {
    "passenger": "passengers", "crew": "crew", "people": "people", "person": "people",
}  # fmt: skip
_CURRENCIES = {
    "crown": "crowns", "krone": "crowns", "krona": "crowns", "kroner": "crowns",
    "euro": "euros", "€": "euros", "dollar": "dollars", "$": "dollars", "pound": "pounds",
    "£": "pounds", "franc": "francs", "yen": "yen",
}  # fmt: skip
_GENERIC_OBJECTS = frozenset("treasure piece object artefact artifact it one instrument".split())
_ELSEWHERE = frozenset("another previous earlier ago former separate".split())
_DEGREE = frozenset(
    "seriously critically severely badly gravely slightly lightly fatally mortally".split()
)
_MODALS = frozenset("can could might may would should must will shall 'll 'd to".split())


def _counted_noun(top: Token) -> tuple[Token | None, Token] | None:
    """(counted noun or None, the nominal the clause is about) or None for a subset.

    "12 people" counts people; "Twelve of his passengers" counts passengers; "Nine of
    the 12 people" and "two of them" count a subset and are skipped.
    """
    if top.dep_ == "nummod" and top.head.pos_ in {"NOUN", "PROPN"}:
        return top.head, top.head
    for child in top.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                return None
            obj = objects[0]
            if obj.pos_ == "PRON" or any(_is_number(c) for c in obj.children):
                return None
            return obj, top
    return None, top


def _predicate(x: Token) -> Token | None:
    """The word that says what happened to the nominal ``x`` (verb, participle or 'worth')."""
    for child in x.children:
        if child.dep_ in {"acl", "relcl", "amod"} and child.lemma_.lower() in _CATEGORIES:
            return child
    if x.head.lower_ == "worth" and x.dep_ in {"pobj", "npadvmod", "dobj"}:
        return x.head
    if x.dep_ == "conj":
        return _predicate(x.head)
    if x.dep_ in {"nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd"}:
        head = x.head
        if head.lemma_ == "be":
            for child in head.children:
                if child.dep_ in {"acomp", "attr"} and child.lemma_.lower() in _CATEGORIES:
                    return child
        return head
    if x.dep_ == "pobj":
        prep = x.head
        return prep if prep.lower_ == "worth" else prep.head
    return None


def _hedged(predicate: Token) -> bool:
    """Negated, modal or infinitive ("no one was hurt", "could have killed", "licensed to
    carry 400 passengers")."""
    return any(
        c.dep_ == "neg" or (c.dep_ in {"aux", "auxpass"} and c.lower_ in _MODALS)
        for c in predicate.children
    )


def _on_board(x: Token) -> bool:
    """``x`` is modified by "on board" or "aboard" ("the 231 passengers on board")."""
    for child in x.children:
        if child.lower_ == "aboard":
            return True
        if child.dep_ == "prep" and child.lower_ in {"on", "onboard"}:
            if any(c.lower_ == "board" for c in child.children):
                return True
    return False


def _noun_text(noun: Token) -> str:
    """The lemma of ``noun`` with a 'crew' compound folded in ("crew member" -> crew)."""
    if any(c.dep_ == "compound" and c.lower_ == "crew" for c in noun.children):
        return "crew"
    return noun.lemma_.lower()


def _elsewhere(sentence: SpacySpan) -> bool:
    """Whether a sentence may be about another event ("another ferry", "a year ago")."""
    return any(t.lower_ in _ELSEWHERE for t in sentence)


def _count_claims(doc: Document, parse: Doc) -> Iterator[_Claim]:
    """Counts of people (harmed, on board), votes and values of objects."""
    for top in _number_tops(parse):
        chain = _chain(top)
        value = number_value([t.text for t in chain])
        if value is None or _approximate(chain):
            continue
        found = _counted_noun(top)
        if found is None or _elsewhere(top.sent):
            continue
        noun, x = found
        claim = _count_claim(doc, chain, value, noun, x)
        if claim is not None:
            yield claim


def _count_claim(
    doc: Document, chain: list[Token], value: float, noun: Token | None, x: Token
) -> _Claim | None:
    """The claim a number makes, or None when it is not one of the known kinds."""
    lemma = _noun_text(noun) if noun is not None else None
    if lemma == "vote":
        return _vote_claim(doc, chain, value, x)
    predicate = _predicate(x)
    category = _CATEGORIES.get(predicate.lemma_.lower()) if predicate is not None else None
    if predicate is not None and _hedged(predicate):
        return None
    tokens = [*chain, *([noun] if noun is not None else []), x]
    if lemma in _CURRENCIES and category == "value" and predicate is not None:
        return _value_claim(doc, chain, value, x, predicate, _CURRENCIES[lemma])
    if category in _HARM and (lemma is None or lemma in _PEOPLE) and predicate is not None:
        if x.dep_ == "conj" or any(c.dep_ == "conj" for c in x.children):
            return None  # "3 crew and 12 passengers": parts of a total
        if any(c.lower_ in _DEGREE for c in predicate.children):
            return None  # "four seriously injured": a subset
        auxiliaries = [c for c in predicate.children if c.dep_ in {"aux", "auxpass", "prt"}]
        span = _token_span(doc, [*tokens, predicate, *auxiliaries])
        label = f"number of people {category}"
        return _Claim(("count", category, "people"), label, value, span)
    if lemma in _ON_BOARD_NOUNS and (category == "aboard" or _on_board(x)):
        what = _ON_BOARD_NOUNS[lemma]
        label = "number of people on board" if what == "people" else f"number of {what}"
        extra = [predicate] if category == "aboard" and predicate is not None else []
        extra += [t for c in x.children if c.dep_ == "prep" for t in c.subtree]
        return _Claim(("count", "aboard", what), label, value, _token_span(doc, tokens + extra))
    return None


def _vote_claim(doc: Document, chain: list[Token], value: float, votes: Token) -> _Claim | None:
    """``by nine votes to four``: the tally (for, against) of an approval or rejection."""
    parse = votes.doc
    against: float | None = None
    end = votes
    if votes.i + 2 < len(parse) and parse[votes.i + 1].lower_ in {"to", "against"}:
        other = parse[votes.i + 2]
        if _is_number(other):
            against = number_value([other.text])
            end = other
    head = votes
    while head.dep_ in {"pobj", "prep", "agent", "dobj", "nsubj"} and head.head is not head:
        head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            break
    outcome = _CATEGORIES.get(head.lemma_.lower())
    if outcome not in {"approved", "rejected"} or against is None:
        return None
    span = _token_span(doc, [*chain, end])
    return _Claim(("votes", outcome), "vote count", (value, against), span)


def _value_claim(
    doc: Document, chain: list[Token], value: float, x: Token, predicate: Token, currency: str
) -> _Claim:
    """``insured for 2.4 million crowns`` / ``worth 3 million crowns``."""
    owner: Token | None = None
    if predicate.dep_ in {"acl", "amod", "relcl"}:
        owner = predicate.head
    elif predicate.lower_ == "worth":
        head = predicate.head
        if head.pos_ in {"NOUN", "PROPN"}:
            owner = head
        else:
            roles = {"dobj": 0, "nsubjpass": 1, "nsubj": 2}
            objects = sorted(
                (c for c in head.children if c.dep_ in roles), key=lambda c: roles[c.dep_]
            )
            owner = objects[0] if objects else None
    elif predicate.pos_ in {"VERB", "AUX"}:
        subjects = [c for c in predicate.children if c.dep_ in {"nsubjpass", "nsubj"}]
        owner = subjects[0] if subjects else None
    thing = owner.lemma_.lower() if owner is not None and owner.pos_ != "PRON" else "it"
    span = _token_span(doc, [predicate, *chain, x])
    return _Claim(("value", currency), "value", value, span, note=thing)


# ---------------------------------------------------------------------------- dates

_MONTH_NAMES = "january february march april may june july august september october november"
_MONTHS = {m: i for i, m in enumerate([*_MONTH_NAMES.split(), "december"], 1)}
_EXPLICIT = re.compile(
    r"^(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[A-Za-z]+)"
    r"|(?P<m2>[A-Za-z]+)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?P<year>\d{4}))?$"
)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_EVENTS = _inverse({
    "collision": "collide collision crash",
    "grounding": "ground grounding aground",
    "theft": "steal theft burglary heist robbery rob",
    "arrest": "arrest",
    "vote": "vote",
    "sinking": "sink sinking capsize",
    "fire": "fire blaze",
    "explosion": "explode explosion blast",
})  # fmt: skip

DateValue = tuple[int | None, int, int]


def _explicit_date(text: str) -> DateValue | None:
    """``12 October`` / ``October 12, 2026`` / ``3 October 2026`` as (year, month, day)."""
    m = _EXPLICIT.match(" ".join(re.sub(r"^(?:on|by|since|the)\s+", "", text, flags=re.I).split()))
    month = m and (m["m1"] or m["m2"]).lower()
    if not m or month not in _MONTHS:
        return None
    return int(m["year"]) if m["year"] else None, _MONTHS[month], int(m["d1"] or m["d2"])


def _event_of(root: Token) -> Token | None:
    """The event word a date attaches to ("collided on Monday", "the collision of 12 Oct").

    Walks up from the date through its preposition and at most one noun ("collided with
    a tanker on 12 October") and stops at the first verb.
    """
    head = root.head.head if root.dep_ == "pobj" else root.head
    for _ in range(2):
        if head.lemma_.lower() in _EVENTS:
            return head
        if head.pos_ in {"VERB", "AUX"} or head.head is head:
            return None
        head = head.head.head if head.dep_ == "pobj" else head.head
    return None


def _dated_spans(doc: Document, parse: Doc) -> Iterator[tuple[int, int, DateValue]]:
    """Day-precise dates: from the timeline when there is one, else explicit dates."""
    seen: set[tuple[int, int]] = set()
    for item in doc.timeline:
        m = _ISO_DAY.match(item.date or "")
        if m and item.span.doc == doc.id:
            seen.add((item.span.start, item.span.end))
            yield item.span.start, item.span.end, (int(m[1]), int(m[2]), int(m[3]))
    for ent in parse.ents:
        value = _explicit_date(ent.text)
        if ent.label_ == "DATE" and value and not any(s <= ent.start_char < e for s, e in seen):
            yield ent.start_char, ent.end_char, value


def _date_claims(doc: Document, parse: Doc) -> Iterator[_Claim]:
    """The dates given for named events."""
    for start, end, value in _dated_spans(doc, parse):
        span = parse.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        event = _event_of(span.root)
        if event is None or _hedged(event) or _elsewhere(span.sent):
            continue
        name = _EVENTS[event.lemma_.lower()]
        claim = _token_span(doc, [event, *span])
        yield _Claim(("date", name), f"date of the {name}", value, claim)


def _dates_compatible(a: DateValue, b: DateValue) -> bool:
    """Same day and month; a missing year fits any year."""
    return a[1:] == b[1:] and (a[0] is None or b[0] is None or a[0] == b[0])


# ---------------------------------------------------------------------------- grouping


def _compatible(key: tuple[str, ...], a: Any, b: Any) -> bool:
    """Whether two values of ``key`` can both be true."""
    kind = key[0]
    if kind == "title":
        return _titles_compatible(a, b)
    if kind == "date":
        return _dates_compatible(a, b)
    if kind == "votes":
        return bool(a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1]))
    return bool(a == b)


def _consistent(values: Sequence[Any], same: Callable[[Any, Any], bool]) -> bool:
    """Every two of ``values`` can both be true."""
    return all(same(a, b) for i, a in enumerate(values) for b in values[i + 1 :])


def _disagreement(claims: list[_Claim], order: dict[str, int]) -> Conflict | None:
    """The conflict among ``claims`` of one key, or None when the documents agree."""
    key = claims[0].key

    def same(a: Any, b: Any) -> bool:
        return _compatible(key, a, b)

    by_doc: dict[str, list[_Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.claim.span.doc].append(c)
    usable = {d: cs for d, cs in by_doc.items() if _consistent([c.value for c in cs], same)}
    docs = sorted(usable, key=order.__getitem__)
    clash = any(
        not same(a.value, b.value)
        for i, d1 in enumerate(docs)
        for d2 in docs[i + 1 :]
        for a in usable[d1]
        for b in usable[d2]
    )
    if not clash:
        return None
    kept = sorted(
        dict.fromkeys(c.claim for d in docs for c in usable[d]),
        key=lambda t: (order[t.span.doc], t.span.start),
    )
    return Conflict(_about(claims), tuple(kept))


def _about(claims: list[_Claim]) -> str:
    """The conflict's label; a value names its object ("value of the astrolabe")."""
    if claims[0].label != "value":
        return claims[0].label
    things = [c.note for c in claims if c.note not in _GENERIC_OBJECTS]
    if not things:
        return "value"
    best = max(dict.fromkeys(things), key=things.count)
    return f"value of the {best}"


def _split_values(claims: list[_Claim]) -> list[list[_Claim]]:
    """Value claims of one currency, split by the object they price.

    Claims about a generic object ("a treasure worth ...") join the one specific object
    the story prices, and are dropped when there are several.
    """
    specific: dict[str, list[_Claim]] = defaultdict(list)
    generic: list[_Claim] = []
    for c in claims:
        (generic if c.note in _GENERIC_OBJECTS else specific[c.note]).append(c)
    if not specific:
        return [generic]
    groups = list(specific.values())
    if len(groups) == 1:
        groups[0].extend(generic)
    return groups


def _collect(docs: Sequence[Document]) -> list[_Claim]:
    """Every claim of every parsed document."""
    parsed = [(d, p) for d in docs if (p := parse_of(d)) is not None]
    names = {d.id: _names(p) for d, p in parsed}
    surnames = {n.text.split()[-1].lower() for ns in names.values() for n in ns if " " in n.text}
    for d, p in parsed:
        names[d.id] += _extra_names(p, surnames)
    people = _People(names)
    claims: list[_Claim] = []
    for doc, parse in parsed:
        claims.extend(_person_claims(doc, parse, names[doc.id], people))
        claims.extend(_count_claims(doc, parse))
        claims.extend(_date_claims(doc, parse))
    return claims


def find_conflicts(docs: Sequence[Document]) -> tuple[Conflict, ...]:
    """Attributes that different documents of one story give different values for.

    Each document needs ``parse`` (a spaCy ``Doc`` of its text); documents without one
    (or with the parse of another text) are skipped. Conflicts come in order of their
    first claim (document order, then position); each conflict's claims are in the same
    order.
    """
    order = {d.id: i for i, d in enumerate(docs)}
    by_key: dict[tuple[str, ...], list[_Claim]] = defaultdict(list)
    for claim in _collect(docs):
        by_key[claim.key].append(claim)
    conflicts = []
    for key, claims in by_key.items():
        groups = _split_values(claims) if key[0] == "value" else [claims]
        for group in groups:
            conflict = _disagreement(group, order) if group else None
            if conflict is not None:
                conflicts.append(conflict)
    conflicts.sort(key=lambda c: (order[c.claims[0].span.doc], c.claims[0].span.start))
    return tuple(conflicts)


def parse_of(doc: Document) -> Doc | None:
    """``doc.parse`` when it is a parse of ``doc.text`` (else None: offsets would not fit)."""
    parse = doc.parse
    return parse if parse is not None and getattr(parse, "text", None) == doc.text else None


def claim_spans(conflicts: Sequence[Conflict]) -> list[Span]:
    """The spans of every claim of ``conflicts`` (for marking facts as conflicting)."""
    return [claim.span for conflict in conflicts for claim in conflict.claims]
