"""Where sources agree: statements grouped across the documents that make them.

`group_facts` links sentences of different documents that say the same thing: their
similarity is high (a given embedding similarity, or a TF-IDF cosine over words and word
pairs computed here with numpy, or, with a sentence encoder, the embedding cosine of a
pair that shares some words), or they state one action of one participant in their
parses (`events.same_event`: "police arrested Jon Vale" and "Vale was arrested at the border")
with some words in common, *and* the numbers, people, places and days they name agree
(`newsdesk.brief.values.agree`). Two sentences that take different values of a
`Conflict` are never one fact; two whose numbers differ only inside the claims of a
conflict without values are one disputed statement. Groups are merged greedily, most
similar pair first, never two sentences of one document in a group and never two
sentences that disagree. A sentence then left alone is paired with the sentence of
another document it says the same as most surely (`_pair_leftovers`): a sentence that
says two things supports two facts. With a sentence encoder, so does a sentence of one
fact that says what a sentence of another fact says, in words and in meaning: it joins
that fact too (`_second_facts`). A clause of a long sentence may state alone what
another document's sentence, or a clause of it, states (`clauses.clauses`: "Hale, whose
six-year term begins in May, won" and "Hale's term is six years"): with a sentence
encoder, such a pair that no fact links yet is a fact of its own that cites the clause
(`_clause_facts`). Last, a value that several documents state alike
(`newsdesk.brief.align.slot_agreements`: an age, a day, a count) in sentences no fact
links is a fact of its own, citing the claims that state it (`_slot_facts`).

A fact is ``corroborated`` when two or more documents make it (its sources agree with
each other; `Fact.conflicts` names the conflicts other outlets raise on its values),
``conflicting`` when a source overlaps the claim of a conflict without values or its one
source states a disputed value, ``single-source`` otherwise. Its text is its most central
sentence that states no disputed value (ties go to the earliest document).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from spacy.tokens import Doc

from newsdesk.annotate.quotes.marks import find_regions, paragraphs
from newsdesk.brief.align import disagreeing, disputes, same_value, slot_agreements
from newsdesk.brief.clauses import clauses
from newsdesk.brief.conflicts import claim_spans, parse_of
from newsdesk.brief.events import Predicates, actions, predicates, same_event
from newsdesk.brief.slots import Slot, person_names
from newsdesk.brief.values import DocumentValues, Values, agree
from newsdesk.embed import SentenceEncoder
from newsdesk.lang.en.stop_words import STOP_WORDS
from newsdesk.layout import is_furniture
from newsdesk.model import Agreement, Conflict, Document, Fact, Span
from newsdesk.sentences import ends_sentence, sentence_mark, sentences_of

__all__ = [
    "EMBEDDING_THRESHOLD",
    "EVENT_THRESHOLD",
    "TFIDF_THRESHOLD",
    "group_facts",
    "tfidf_similarity",
]

Similarity = Callable[[list[str]], npt.NDArray[np.floating]]

TFIDF_THRESHOLD = 0.3
"""TF-IDF cosine at or above which two sentences may state the same fact."""
EMBEDDING_THRESHOLD = 0.68
"""Embedding cosine at or above which two sentences may state the same fact."""
CONFLICT_FLOOR = 0.5
"""Share of the threshold two sentences need when a conflict has claims in both."""
PLAIN_FLOOR = 0.1
"""TF-IDF cosine without names two sentences need besides (with the default similarity)."""
EVENT_THRESHOLD = 0.1
"""TF-IDF cosine two sentences that state the same action of one participant need."""
EVENT_BONUS = 0.2
"""Added to the similarity of two such sentences when pairs are merged, surest first."""
MEANING_THRESHOLD = 0.72
"""Sentence-embedding cosine at or above which two sentences say the same (with an encoder)."""
MEANING_FLOOR = 0.2
"""TF-IDF cosine two sentences need before their embeddings are compared."""
CLAUSE_THRESHOLD = 0.75
"""Embedding cosine at or above which a clause of one sentence says what another sentence
or a clause of it does (with an encoder)."""
SECOND_FACT_MEANING = 0.65
"""Embedding cosine two sentences of different facts need to be a fact of their own besides
(`_second_facts`)."""
ANCHORED_MEANING = 0.6
"""Embedding cosine at or above which two sentences that name the same things and state
the same action say the same (`_anchored`), whatever words they share (with an encoder)."""
MIN_WORDS = 3

_WORD = re.compile(r"[A-Za-z0-9]+(?:\.[0-9]+)?")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_OPENING_QUOTES = "\"“‘'"
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’")
_PERSONAL = ("age of ", "title of ")


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A candidate statement: where it is and what it names."""

    rank: int  # the document's place (earliest first)
    span: Span
    text: str
    values: Values
    predicates: Predicates = frozenset()
    clauses: tuple[_Clause, ...] = ()  # its clauses (`clauses.clauses`), if several
    actions: frozenset[str] = frozenset()  # its content verbs (`actions`)
    # its words but punctuation: (lowercase, lemma, part of speech, dependency label)
    words: tuple[tuple[str, str, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class _Clause:
    """A clause of a candidate sentence: its words, what it names and where it is."""

    words: str  # its words, as the encoder reads them
    values: Values
    span: Span  # from its first character to its last
    text: str  # the text of its span
    actions: frozenset[str] = frozenset()  # its content verbs (`actions`)


# ---------------------------------------------------------------------------- sentences


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """The quoted stretches of ``text``, marks included, as the quote reader pairs them
    (`newsdesk.annotate.quotes.marks`: per line, multi-paragraph quotes continued)."""
    lines = paragraphs(text)
    return [
        (r.opener, r.close + 1 if r.close >= 0 else lines[r.para][1])
        for r in find_regions(text, lines)
    ]


def _is_statement(text: str) -> bool:
    """A full sentence that states something: not a question ("So what do you think?"),
    not a piece of a sentence (opening in lowercase), not a caption, credit or headline,
    nor a quote without its speaker.

    (Sentences inside a longer quote are caught by `_quote_regions`.)
    """
    if len(text.split()) < MIN_WORDS or not ends_sentence(text) or text[0].islower():
        return False
    if sentence_mark(text) == "?":
        return False
    if is_furniture(text):
        return False
    return not (text[0] in _OPENING_QUOTES and len(_QUOTED.sub(" ", text).split()) < 2)


def _doc_sentences(doc: Document, parse: Doc) -> list[tuple[int, int]]:
    """The statement sentences of ``doc`` (``parse`` is its parse)."""
    out = []
    text = doc.text
    quotes = _quote_regions(text)
    for sentence in sentences_of(text, parse):
        start, end = sentence.start, sentence.end
        while end < len(text) and text[end] in '"”':
            end += 1  # a closing quote spaCy put in the next sentence
        inside = any(qs < start < qe or qs <= start < end <= qe for qs, qe in quotes)
        if not inside and _is_statement(text[start:end]):
            out.append((start, end))
    return out


def _features(
    doc: Document, rank: int, start: int, end: int, values: DocumentValues, parse: Doc | None
) -> _Sentence:
    """The sentence ``start:end`` of ``doc`` with its values and actions (none without a
    parse)."""
    stated: Predicates = frozenset()
    verbs: frozenset[str] = frozenset()
    words: tuple[tuple[str, str, str, str], ...] = ()
    parts: tuple[_Clause, ...] = ()
    if parse is not None and (span := parse.char_span(start, end, alignment_mode="expand")):
        stated = predicates(span)
        verbs = actions(span)
        words = tuple((t.lower_, t.lemma_.lower(), t.pos_, t.dep_) for t in span if not t.is_punct)
        parts = tuple(
            _Clause(
                c.text,
                values.within_parts(c.parts),
                doc.span(c.parts[0][0], c.parts[-1][1]),
                " ".join(doc.text[c.parts[0][0] : c.parts[-1][1]].split()),
                actions(t for t in span if any(a <= t.idx < b for a, b in c.parts)),
            )
            for c in clauses(span)
        )
    text = " ".join(doc.text[start:end].split())
    return _Sentence(
        rank, doc.span(start, end), text, values.within(start, end), stated, parts, verbs, words
    )


def _collect(
    docs: Sequence[Document], sentences: Sequence[Span] | None, disputed: Sequence[Span]
) -> tuple[list[_Sentence], dict[str, DocumentValues]]:
    """The candidate sentences, in document rank then text order, and each document's
    values."""
    ranked = sorted(range(len(docs)), key=lambda i: (docs[i].published or "9999", i))
    rank = {docs[i].id: r for r, i in enumerate(ranked)}
    by_id = {d.id: d for d in docs}
    parses = {d.id: parse_of(d) for d in docs}
    if sentences is None:
        found = [(d.id, s, e) for d in docs if (p := parses[d.id]) for s, e in _doc_sentences(d, p)]
    else:
        found = [(s.doc, s.start, s.end) for s in sentences if s.doc in by_id]
    # numbers inside conflict claims are left out: the conflict reports them, and the
    # rest of the sentence may still agree; people are compared by their story-wide names
    people = person_names(docs)
    values = {
        i: DocumentValues(by_id[i], p, disputed, people.get(i, [])) for i, p in parses.items()
    }
    out = [
        _features(by_id[d], rank[d], s, e, values[d], parses[d]) for d, s, e in dict.fromkeys(found)
    ]
    return sorted(out, key=lambda s: (s.rank, s.span.start)), values


# ---------------------------------------------------------------------------- same statement


def _anchored(a: _Sentence | _Clause, b: _Sentence | _Clause) -> bool:
    """Whether two sentences name one thing alike and state one action of it: they share
    a person, a place, a day or a number (each naming it) and an action, negated or
    hedged alike ("Vale was arrested in Orsk on Friday" and "police arrested Vale, 32,
    who fled from Orsk"; "Vale may resign" is not "Vale will resign")."""
    x, y = a.values, b.values
    named = (
        (x.people | x.speakers) & (y.people | y.speakers) or x.places & y.places or x.days & y.days
    )
    return bool((named or x.numbers & y.numbers) and a.actions & b.actions)


_CHANGEABLE = frozenset({"ADJ", "ADV", "NOUN", "VERB"})


def _one_word_changed(a: _Sentence, b: _Sentence) -> bool:
    """Whether ``b`` is a copy of ``a`` with one content word changed for another in the
    same place of the parse (not another form of it): "to avoid appearing biased" and "to
    avoid appearing embarrassed" give two reasons. An edit that changes only that word
    changes what the sentence says. (Numbers, names and days are compared by
    `values.agree`.)"""
    x, y = a.words, b.words
    if len(x) != len(y) or len(x) < MIN_WORDS:
        return False
    changed = [(p, q) for p, q in zip(x, y, strict=True) if p[0] != q[0]]
    if len(changed) != 1:
        return False
    ((p, q),) = changed
    return p[3] == q[3] and {p[2], q[2]} <= _CHANGEABLE and p[1] != q[1]


# ---------------------------------------------------------------------------- similarity


def _meaning(
    texts: list[str], compared: npt.NDArray[np.bool_], encoder: SentenceEncoder
) -> npt.NDArray[np.float64]:
    """Embedding cosines of the ``compared`` pairs of ``texts`` (0 elsewhere); only the
    texts of compared pairs are embedded."""
    wanted = np.flatnonzero(compared.any(axis=0) | compared.any(axis=1))
    if not len(wanted):
        return np.zeros(compared.shape, dtype=float)
    rows = np.asarray(encoder.encode([texts[i] for i in wanted]), dtype=float)
    vectors = np.zeros((len(texts), rows.shape[1]))
    vectors[wanted] = rows
    return np.where(compared, vectors @ vectors.T, 0.0)


def _embedded(
    units: Sequence[_Sentence | _Clause],
    compared: npt.NDArray[np.bool_],
    worded: Callable[[int, int], bool],
    agreeing: Callable[[int, int], bool],
    threshold: float,
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
    """Which pairs of ``units`` to embed, of the ``compared`` ones: those ``worded`` alike
    or `_anchored` (naming one thing alike and stating one action of it) whose values are
    ``agreeing``, each pair once (upper triangle); and the cosine each pair needs, the
    lower `ANCHORED_MEANING` for an anchored pair, else ``threshold``."""
    anchored = np.zeros(compared.shape, dtype=bool)
    for x, y in np.argwhere(np.triu(compared, 1)):
        alike = _anchored(units[x], units[y])
        compared[x, y] = bool((alike or worded(x, y)) and agreeing(x, y))
        anchored[x, y] = anchored[y, x] = alike and compared[x, y]
    needed = np.where(anchored, min(ANCHORED_MEANING, threshold), threshold)
    return np.triu(compared, 1), needed


def _clause_facts(
    items: Sequence[_Sentence],
    apart: npt.NDArray[np.bool_],
    encoder: SentenceEncoder,
    together: Sequence[set[int]],
    valued: Sequence[Conflict],
) -> list[list[_Sentence]]:
    """Facts that a clause of a sentence states with another document's sentence or one of
    its clauses ("Hale, whose six-year term begins in May, won" says what "Hale's term is
    six years" does), each as its sources (a clause cites its own characters), earliest
    first.

    A clause and a sentence, or two clauses, say the same when their TF-IDF cosine reaches
    `MEANING_FLOOR`, their values agree and their embedding cosine reaches
    `CLAUSE_THRESHOLD`; they are grouped as sentences are (surest first, every pair
    linked, one per document), never two of sentences that one fact links already
    (``together``) and never two that take different values of a conflict. A sentence
    that says several things supports a fact for each."""
    units = [(i, c) for i, s in enumerate(items) for c in (None, *s.clauses)]
    if all(c is None for _, c in units):
        return []
    shown = [
        items[i] if c is None else dataclasses.replace(items[i], span=c.span, text=c.text)
        for i, c in units
    ]
    words = [items[i].text if c is None else c.words for i, c in units]
    stated = [items[i].values if c is None else c.values for i, c in units]
    owner = np.array([i for i, _ in units])
    whole = np.array([c is None for _, c in units])
    unit = [items[i] if c is None else c for i, c in units]
    worded = tfidf_similarity(words) >= MEANING_FLOOR
    compared = apart[owner][:, owner] & ~(whole[:, None] & whole)

    def numbered(x: int) -> Values:
        """A clause's values, its sentence's numbers where it states none: "a movie called
        Nightfall" is not "the 2006 movie Nightfall" when its sentence says the movie came
        out in 2005."""
        if stated[x].numbers:
            return stated[x]
        sentence = items[owner[x]].values
        return dataclasses.replace(
            stated[x],
            numbers=sentence.numbers,
            measures=sentence.measures,
            approximate=sentence.approximate,
        )

    compared, needed = _embedded(
        unit,
        compared,
        lambda x, y: bool(worded[x, y]),
        lambda x, y: agree(numbered(x), numbered(y)),
        CLAUSE_THRESHOLD,
    )
    cosines = _meaning(words, compared | compared.T, encoder)
    linked = (cosines >= needed) & (compared | compared.T)
    facts_of: dict[int, set[int]] = defaultdict(set)
    for n, members in enumerate(together):
        for m in members:
            facts_of[m].add(n)
    paired: set[frozenset[int]] = set()  # sentences a clause fact links already

    def linkable(x: int, y: int) -> bool:
        i, j = int(owner[x]), int(owner[y])
        return bool(
            linked[x, y]
            and not facts_of[i] & facts_of[j]
            and frozenset((i, j)) not in paired
            and not disagreeing(shown[x].span, shown[y].span, valued)
        )

    groups = _Groups(shown, linkable)
    for _, x, y in sorted(
        ((cosines[x, y], x, y) for x, y in np.argwhere(linked) if x < y), reverse=True
    ):
        if linkable(x, y):
            groups.merge(int(x), int(y))
            group = groups.members[groups.group[x]]
            paired.update(frozenset((int(owner[m]), int(owner[n]))) for m in group for n in group)
    return [
        sorted((shown[m] for m in members), key=lambda s: (s.rank, s.span.start))
        for members in groups.members.values()
        if len(members) > 1
    ]


def _stem(word: str) -> str:
    """A crude stem: common inflection endings cut off ("injuring" -> "injur")."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _terms(text: str, names: bool = True) -> list[str]:
    """Content-word stems and the pairs of neighbouring content words.

    With ``names=False`` capitalised words (names, mostly) are left out too.
    """
    found = _WORD.findall(text.replace("’", "'") if names else _CAPITALISED.sub(" ", text))
    words = [_stem(w) for w in (f.lower() for f in found) if w not in STOP_WORDS]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def tfidf_similarity(texts: list[str], names: bool = True) -> npt.NDArray[np.float64]:
    """The (n, n) cosine similarity of ``texts`` as TF-IDF vectors of words and word pairs.

    ``names=False`` leaves capitalised words out (what a sentence says, not who it names).
    """
    n = len(texts)
    bags = [Counter(_terms(t, names)) for t in texts]
    df = Counter(t for bag in bags for t in bag)
    idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}
    weights = [{t: (1 + math.log(c)) * idf[t] for t, c in bag.items()} for bag in bags]
    norms = np.array([math.sqrt(sum(w * w for w in row.values())) or 1.0 for row in weights])
    # Only terms two texts share add to a dot product: walk each such term's postings.
    result = np.zeros((n, n))
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for row, bag in enumerate(weights):
        for term, weight in bag.items():
            if df[term] > 1:
                postings[term].append((row, weight))
    for posting in postings.values():
        for k, (i, wi) in enumerate(posting):
            for j, wj in posting[k + 1 :]:
                result[i, j] += wi * wj
    result = (result + result.T) / np.outer(norms, norms)
    np.fill_diagonal(result, [1.0 if row else 0.0 for row in weights])
    return result


# ---------------------------------------------------------------------------- grouping


def _overlaps(span: Span, claims: Sequence[Span]) -> bool:
    """``span`` shares at least one character with one of ``claims``."""
    return any(c.overlaps(span) for c in claims)


def _disputed(a: _Sentence, b: _Sentence, conflicts: Sequence[Conflict]) -> bool:
    """Whether one conflict about a count, value or date has claims in both sentences.

    Conflicts about a person (age, title) are incidental to what a sentence says.
    """
    for conflict in conflicts:
        if conflict.about.startswith(_PERSONAL):
            continue
        spans = [c.span for c in conflict.claims]
        if _overlaps(a.span, spans) and _overlaps(b.span, spans):
            return True
    return False


class _Groups:
    """Greedy grouping: merge two groups when every pair across them may be linked."""

    def __init__(self, items: list[_Sentence], linkable: Callable[[int, int], bool]) -> None:
        self.items = items
        self.linkable = linkable
        self.group = list(range(len(items)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(items))}

    def merge(self, i: int, j: int) -> None:
        """Join the groups of ``i`` and ``j`` if no document repeats and all pairs link."""
        gi, gj = self.group[i], self.group[j]
        if gi == gj:
            return
        left, right = self.members[gi], self.members[gj]
        if {self.items[a].span.doc for a in left} & {self.items[b].span.doc for b in right}:
            return
        if not all(self.linkable(a, b) for a in left for b in right):
            return
        for b in right:
            self.group[b] = gi
        left.extend(right)
        del self.members[gj]


def _representative(
    members: list[int],
    sim: npt.NDArray[np.floating],
    items: list[_Sentence],
    valued: Sequence[Conflict],
) -> int:
    """The member that states no disputed value of ``valued`` if one does, then the one
    most similar to the others; ties go to the earliest document."""

    def key(i: int) -> tuple[bool, float, int, int]:
        others = [float(sim[i, j]) for j in members if j != i]
        centrality = round(sum(others) / len(others), 6) if others else 0.0
        return (
            bool(disputes(items[i].span, valued)),
            -centrality,
            items[i].rank,
            items[i].span.start,
        )

    return min(members, key=key)


def _pair_leftovers(
    found: list[tuple[list[int], int]],
    pairs: Sequence[tuple[float, int, int]],
    linkable: Callable[[int, int], bool],
    docs_of: npt.NDArray[np.int_],
) -> list[tuple[list[int], int]]:
    """The groups (members, the one shown), each sentence left alone paired with the
    sentence of another document it says the same as most surely (``pairs``: the pairs
    whose words or meaning say the same, surest first), which already belongs to a fact
    whose other sources it does not agree with ("Reid checked into a clinic in Orsk" says
    what one outlet's "Reid checked into a clinic" does, not the "on Friday" of a third).
    A sentence that says two things supports two facts; the pair shows the sentence that
    was alone, and a sentence supports one such pair per document."""
    alone = {members[0] for members, _ in found if len(members) == 1}
    paired: dict[int, int] = {}
    taken: set[tuple[int, int]] = set()
    for _, i, j in pairs:
        for lone, other in ((i, j), (j, i)):
            if lone in alone and lone not in paired and (other, docs_of[lone]) not in taken:
                if linkable(lone, other):
                    paired[lone] = other
                    taken.add((other, docs_of[lone]))
    return [
        ([members[0], paired[members[0]]], best)
        if len(members) == 1 and members[0] in paired
        else (members, best)
        for members, best in found
    ]


def _second_facts(
    found: Sequence[tuple[list[int], int]],
    pairs: Sequence[tuple[float, int, int]],
    linkable: Callable[[int, int], bool],
    docs_of: npt.NDArray[np.int_],
    texts: Sequence[str],
    encoder: SentenceEncoder,
) -> list[tuple[list[int], int]]:
    """The groups (members, the one shown), a sentence of one fact added to another fact
    whose sentence it says the same as: a sentence that says two things joins one fact
    with one outlet and may say its other thing with another ("The rebels, a coalition of
    A, B and C, took up arms on May 2" with one outlet's "the rebels, a coalition of A, B
    and C, faced resistance" and another's "the rebellion launched May 2"). ``pairs`` are
    the pairs whose words or meaning say the same, surest first; a pair no fact links yet
    that may be linked is one when the encoder, too, finds that the two sentences say the
    same (`SECOND_FACT_MEANING`: two sentences that share names and words but say
    different things, "the fire service was called to the store at six" and "the store's
    roof collapsed at six", are none). The sentence joins the other sentence's fact when it
    may be linked with all its sources (and its document is not one of them), else the two
    are a fact of their own; a sentence is added so once per document."""
    groups = [(list(members), best) for members, best in found]
    linked = {frozenset((a, b)) for members, _ in groups for a in members for b in members}
    candidates = []
    taken: set[tuple[int, int]] = set()
    for _, i, j in pairs:
        if frozenset((i, j)) in linked or (i, docs_of[j]) in taken or (j, docs_of[i]) in taken:
            continue
        if linkable(i, j):
            candidates.append((i, j))
            taken.update({(i, docs_of[j]), (j, docs_of[i])})
    if not candidates:
        return groups
    wanted = sorted({k for pair in candidates for k in pair})
    rows = np.asarray(encoder.encode([texts[k] for k in wanted]), dtype=float)
    vector = {k: rows[n] for n, k in enumerate(wanted)}
    for i, j in candidates:
        if float(vector[i] @ vector[j]) < SECOND_FACT_MEANING:
            continue
        if frozenset((i, j)) in linked:
            continue  # joined already, with a fact another candidate grew
        joined = False
        for members, _ in groups:
            if j in members and i not in members and len(members) > 1:
                if docs_of[i] not in {docs_of[m] for m in members} and all(
                    linkable(i, m) for m in members
                ):
                    members.append(i)
                    linked.update(frozenset((i, m)) for m in members)
                    joined = True
                break
        if not joined:
            groups.append(([i, j], i))
            linked.add(frozenset((i, j)))
    return groups


def _agreement(
    sources: list[_Sentence], shown: _Sentence, valued: Sequence[Conflict], plain: Sequence[Span]
) -> Agreement:
    """Conflicting if a source overlaps a claim of ``plain`` (the claims of conflicts
    without values) or the one source ``shown`` states a disputed value of ``valued``;
    else corroborated from two documents (sources never take different values of one
    conflict: `group_facts` does not link them; where other outlets differ,
    `Fact.conflicts` says so), single-source from one."""
    if any(_overlaps(s.span, plain) for s in sources):
        return "conflicting"
    if len({s.span.doc for s in sources}) >= 2:
        return "corroborated"
    return "conflicting" if disputes(shown.span, valued) else "single-source"


def group_facts(
    docs: Sequence[Document],
    sentences: Sequence[Span] | None = None,
    similarity: Similarity | None = None,
    conflicts: Sequence[Conflict] = (),
    encoder: SentenceEncoder | None = None,
    slots: Sequence[Slot] = (),
) -> tuple[Fact, ...]:
    """The statements of ``docs`` grouped across documents, best supported first.

    ``sentences`` are the candidate statements (default: the parse's sentences of each
    document, without captions, credits, headlines and bare quote fragments);
    ``similarity`` maps texts to an (n, n) cosine matrix (default: `tfidf_similarity`);
    ``encoder`` (with the default similarity) also links pairs whose embedding cosine
    reaches `MEANING_THRESHOLD` among those with a TF-IDF cosine of `MEANING_FLOOR`;
    ``conflicts`` keep sentences that take different values apart and are linked from
    the facts that state their values; ``slots`` (`conflicts.story_slots`) add the values
    several documents state alike where their sentences are not one fact
    (`_slot_facts`: "Vale, 32" and "32-year-old Vale"). Facts are ordered by the number
    of documents that make them, then by position.
    """
    claims = claim_spans(conflicts)
    items, values = _collect(docs, sentences, claims)
    if not items:
        return ()
    texts = [s.text for s in items]
    sim = np.asarray(similarity(texts) if similarity else tfidf_similarity(texts), dtype=float)
    plain = None if similarity else tfidf_similarity(texts, names=False)
    threshold = EMBEDDING_THRESHOLD if similarity else TFIDF_THRESHOLD
    doc_number = {d: n for n, d in enumerate(dict.fromkeys(s.span.doc for s in items))}
    docs_of = np.array([doc_number[s.span.doc] for s in items])
    apart = docs_of[:, None] != docs_of
    meaning = np.zeros_like(sim)
    needed = np.full(sim.shape, MEANING_THRESHOLD)
    if encoder is not None and plain is not None:
        # only pairs the words do not link already (too few words, or words that are
        # mostly names), whose values agree, are embedded; so are pairs of few shared
        # words that name one thing alike and state one action of it (`_anchored`)
        words_link = (sim >= threshold) & (plain >= PLAIN_FLOOR)
        compared, needed = _embedded(
            items,
            ~words_link & apart,
            lambda i, j: bool(sim[i, j] >= MEANING_FLOOR),
            lambda i, j: agree(items[i].values, items[j].values),
            MEANING_THRESHOLD,
        )
        meaning = _meaning(texts, compared | compared.T, encoder)

    @cache
    def one_event(i: int, j: int) -> bool:
        """The two sentences state one action (with the default similarity only)."""
        return (
            plain is not None
            and sim[i, j] >= EVENT_THRESHOLD
            and same_event(items[i].predicates, items[j].predicates)
        )

    valued = [c for c in conflicts if c.values]

    def linkable(i: int, j: int) -> bool:
        a, b = items[i], items[j]
        if disagreeing(a.span, b.span, valued) or _one_word_changed(a, b):
            return False
        worded = plain is None or plain[i, j] >= PLAIN_FLOOR
        said = (worded and sim[i, j] >= threshold) or meaning[i, j] >= needed[i, j]
        if (said or one_event(i, j)) and agree(a.values, b.values):
            return True
        disputed = worded and sim[i, j] >= threshold * CONFLICT_FLOOR
        return bool(disputed and _disputed(a, b, conflicts))

    groups = _Groups(items, linkable)
    floor = min(threshold * CONFLICT_FLOOR, EVENT_THRESHOLD if plain is not None else 1.0)
    candidates = np.argwhere(((sim >= floor) | (meaning >= needed)) & apart)

    def said(i: int, j: int) -> float:
        """How surely two sentences say the same: their similarity, in words or meaning."""
        return max(float(sim[i, j]), float(meaning[i, j] - needed[i, j]) + threshold)

    def strength(i: int, j: int) -> float:
        """Similarity, raised for two sentences that state one action (a surer link)."""
        return said(i, j) + (EVENT_BONUS if one_event(i, j) else 0.0)

    pairs = sorted(((strength(i, j), int(i), int(j)) for i, j in candidates if i < j), reverse=True)
    for _, i, j in pairs:
        groups.merge(i, j)
    found = [
        (members, _representative(members, sim, items, valued))
        for members in groups.members.values()
    ]
    surest = sorted(
        ((said(i, j), i, j) for _, i, j in pairs if said(i, j) >= threshold), reverse=True
    )
    found = _pair_leftovers(found, surest, linkable, docs_of)
    if encoder is not None:
        found = _second_facts(found, surest, linkable, docs_of, texts, encoder)
    facts = []
    for members, best in found:
        sources = sorted((items[m] for m in members), key=lambda s: (s.rank, s.span.start))
        facts.append((len({s.span.doc for s in sources}), sources[0], items[best], sources))
    if encoder is not None and plain is not None:
        together = [set(members) for members, _ in found if len(members) > 1]
        by_clause = _clause_facts(items, apart, encoder, together, valued)
        # a sentence one of them cites whole is no longer a fact of one source
        cited = {s.span for sources in by_clause for s in sources}
        facts = [f for f in facts if len(f[3]) > 1 or f[3][0].span not in cited]
        wholes = {s.span for s in items}
        for sources in by_clause:
            # shown by a whole sentence if one is a source (a clause reads as a fragment)
            shown = max(sources, key=lambda s: (s.span in wholes, len(s.text)))
            facts.append((len(sources), sources[0], shown, sources))
    unvalued = [claim.span for c in conflicts if not c.values for claim in c.claims]
    made = [
        (
            count,
            (first.rank, first.span.start),
            Fact(
                best.text,
                tuple(s.span for s in sources),
                _agreement(sources, best, valued, unvalued),
                _disputed_by([s.span for s in sources], conflicts),
            ),
        )
        for count, first, best, sources in facts
    ]
    made += _slot_facts(slots, items, values, [f for _, _, f in made], conflicts)
    made.sort(key=lambda f: (-f[0], f[1]))
    return tuple(f for _, _, f in made)


def _slot_facts(
    slots: Sequence[Slot],
    items: Sequence[_Sentence],
    values: Mapping[str, DocumentValues],
    facts: Sequence[Fact],
    conflicts: Sequence[Conflict],
) -> list[tuple[int, tuple[int, int], Fact]]:
    """Facts of the values several documents state alike (`align.slot_agreements`: a
    person's age or home town, the day of an event, a count, a measure) that no
    corroborated fact states already ("Vale, 32, was charged" in two outlets says Vale is
    32), in sentences no such fact links (two sentences are one fact at most; "Vale, 32,
    was charged" and "32-year-old Vale fled" are none). Each cites the claims that state
    the value, inside statement sentences (no headline, caption or quote without its
    speaker). Claims that take different values of a conflict, or name different numbers,
    days, people or places, as sentences of one fact may not (`values.agree`: "killed two
    soldiers, Vale and Marsh" is not "killed two soldiers, Hale and Rook"), are no fact.
    Returned as (documents, (rank, start) of the first claim, fact); the fact's text is
    its longest claim."""
    rank = {s.span.doc: s.rank for s in items}
    valued = [c for c in conflicts if c.values]
    linked = [f.sources for f in facts if f.agreement == "corroborated"]
    sentences_of_doc: dict[str, list[_Sentence]] = defaultdict(list)
    for sentence in items:
        sentences_of_doc[sentence.span.doc].append(sentence)
    slots_of_key: dict[tuple[str, ...], list[Slot]] = defaultdict(list)
    for slot in slots:
        slots_of_key[slot.key].append(slot)
    made = []
    for agreement in slot_agreements(slots):
        found = [
            (s.claim, sentence.span)
            for s in agreement
            for sentence in sentences_of_doc[s.claim.span.doc]
            if sentence.span.contains(s.claim.span)
        ]
        first = agreement[0]
        alike = [s.claim.span for s in slots_of_key[first.key] if same_value(s, first)]
        if len({claim.span.doc for claim, _ in found}) < 2 or any(
            sum(any(s.overlaps(sentence) for s in sources) for _, sentence in found) >= 2
            or len({s.doc for s in sources if any(s.overlaps(c) for c in alike)}) >= 2
            for sources in linked
        ):
            continue  # two sentences are one fact at most; a value is stated once
        claims = sorted((c for c, _ in found), key=lambda c: (rank[c.span.doc], c.span.start))
        stated = [values[c.span.doc].within(c.span.start, c.span.end) for c in claims]
        if any(disagreeing(a.span, b.span, valued) for a in claims for b in claims) or not all(
            agree(a, b) for a in stated for b in stated
        ):
            continue
        spans = tuple(c.span for c in claims)
        shown = max(claims, key=lambda c: len(c.text))
        fact = Fact(
            " ".join(shown.text.split()), spans, "corroborated", _disputed_by(spans, conflicts)
        )
        made.append((len(spans), (rank[spans[0].doc], spans[0].start), fact))
        linked.append(tuple(sentence for _, sentence in found))
    return made


def _disputed_by(spans: Sequence[Span], conflicts: Sequence[Conflict]) -> tuple[int, ...]:
    """The indexes of the conflicts on a value one of ``spans`` states (`Fact.conflicts`)."""
    return tuple(sorted({n for span in spans for n in disputes(span, conflicts)}))
