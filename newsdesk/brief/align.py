"""Claims aligned across documents by meaning and by value.

The slots each sentence states (`newsdesk.brief.slots`: measures, sums, counts, dates
and times of events, colours, directions, a person's age and title) are compared across
documents. Two sentences of different documents are *aligned* when they give a slot of
the same key and say much the same otherwise: they share content words (a Jaccard
overlap of their lemmas) or a name; a person's age or title is aligned by the person
alone. Slots whose events have different named subjects (`Slot.agent`) are never
aligned, nor one agent's acts on different named objects or trips to or from different
places (`Slot.parties`: "signed Wynn", "signed Bell"; "left for Varro", "left for
Dunmore"), nor dates of participles describing different nouns (`Slot.theme`: "a
statement released Friday", "a letter released Monday"). An earlier event's figures
(`Slot.past`: "killed 26,000 in Bam in 2003") align only with that year's figures in
sentences that share a name and words. Values of aligned slots are
compared: equal, or equal up to the rounding a careful editor accepts (a hedged "nearly
$1 million" against "$972,814", or "$973,000" against "$972,814", which is a *minor*
difference), is agreement; anything else is a conflict on that attribute, unless a
document states both values: in two slots, as a number it writes anywhere with the same
noun or unit ("rushed for 404 yards and two touchdowns"), or as posts written together
("Chairman Rep. Bob Holm"); a document whose two values are each reported by another
named source ("the institute said 5.9, but the survey said 6.1") reports the disagreement
and is no such case. A value's claims are gathered from one aligned sentence to the next.
A figure an advance gives for its day's event, in the present
progressive ("are holding … in 11 cities"), against one a report gives after it ("held …
in 14 cities") is an *update*, as are values that follow one another in publication
time (the day a page states in its header, when it has no publication time). Sums of
money are not aligned by a name every document of the story uses (the firm or country the
story is about has many sums).

A kind of place is compared by substitution: one noun for another in the place of one
event ("found dead in a hotel room", "in his room at a motel"), where neither document
uses the other's noun anywhere. So is the thing a verb's object counts ("called in six
engines", "called four appliances"): where each document counts that verb's object once,
with one noun that names no people, and neither uses the other's noun, the two counts
are one; so are a count of "people" and one of a noun for some people ("89 people were
arrested", "99 members seized"), on the same terms. A count of one read from an article
("serving a life sentence") is compared only with a number another document writes for
the same noun ("three life sentences").

`slot_conflicts` groups the disagreements into conflicts whose claims are grouped by value;
`disagreeing` tells whether two spans state different values of one conflict, and
`supported` keeps such spans out of a summary line's citations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from newsdesk.brief.number_words import close, same_date
from newsdesk.brief.posts import titles_compatible
from newsdesk.brief.quantities import Written
from newsdesk.brief.slots import PERSON_KINDS, Slot
from newsdesk.lang.en.calendar import WEEKDAYS
from newsdesk.lang.en.measures import BEARINGS
from newsdesk.lang.en.people import names_people
from newsdesk.lang.en.titles import SAME_POST, TITLE_HEADS
from newsdesk.model import Conflict, ConflictKind, ConflictValue, Document, Span, SummaryItem

__all__ = [
    "agree",
    "aligned",
    "disagreeing",
    "disputes",
    "same_value",
    "slot_agreements",
    "slot_conflicts",
    "supported",
]

PLACED_KINDS = frozenset({"origin", "seat"})  # towns: compared unless both name both
GENERIC_PEOPLE = "person"  # the noun a count of "people" is keyed by (`COUNTED_SYNONYMS`)
ALIGN_JACCARD = 0.2  # content-word overlap that aligns two sentences sharing a slot key
# overlap of two sentences written in the same words, whose participants the parse read
# apart ("BP announced a $48.2 billion agreement to buy Amoco", "BP announced an
# agreement to buy Amoco for $48.2 million": the buyer in one, the bought in the other)
SAME_WORDS = 0.6
APPROX_MINUTES = 15  # "about 1:30 a.m." agrees with "1:40 a.m."
NUMERIC_KINDS = frozenset({"count", "measure", "money", "scale"})  # values that can be updated
CATEGORICAL_KINDS = frozenset({"place"})  # kinds compared by substitution (`_substitution`)
NEAR_BEARING = 45  # degrees between two directions from a place that agree ("west", "southwest")
SEVERAL_THINGS = 3  # values one document gives for one key that make the key ambiguous there
MANY_VALUES = 4  # values of one conflict that show its attribute names several things
SOLE_RATIO = 4  # counts aligned by being each report's only one differ at most this much


# ---------------------------------------------------------------------------- comparing


def agree(a: Slot, b: Slot) -> bool:
    """Whether two values of one attribute can both be true (rounding accepted)."""
    kind = a.key[0]
    if kind == "title":
        return titles_compatible(str(a.value).split(), str(b.value).split())
    if kind == "date":
        return _same_day(str(a.value), str(b.value))
    if kind == "direction" and a.value != b.value:  # "west", "southwest": near enough
        from_a, from_b = BEARINGS.get(str(a.value)), BEARINGS.get(str(b.value))
        if from_a is None or from_b is None:
            return False
        turn = abs(from_a - from_b) % 360
        return min(turn, 360 - turn) <= NEAR_BEARING
    if kind in PLACED_KINDS:  # "Fort Collins" and "Fort": one town written short
        mine, theirs = set(str(a.value).lower().split()), set(str(b.value).lower().split())
        return mine <= theirs or theirs <= mine
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    x, y = float(a.value), float(b.value)
    if x == y:
        return True
    if kind == "time":
        return (a.approx or b.approx) and abs(x - y) <= APPROX_MINUTES
    return close(x, y, a.approx or b.approx)


def minor(a: Slot, b: Slot) -> bool:
    """Whether two exact numbers differ by no more than rounding ("$972,814" and
    "$973,000"): agreement, but a difference a careful reader is shown."""
    if isinstance(a.value, str) or isinstance(b.value, str) or a.approx or b.approx:
        return False
    return a.value != b.value and a.key[0] != "time" and agree(a, b)


def _same_day(a: str, b: str) -> bool:
    """Whether two days or months (`slots._day` values) can be one: a weekday left
    unresolved fits any date that falls on it, and any month; a day or month without its
    year fits that day or month of any year; a month fits each of its days."""
    if a.startswith("weekday") and b.startswith("weekday"):
        return a == b
    if a.startswith("weekday") or b.startswith("weekday"):
        weekday, day = (a, b) if a.startswith("weekday") else (b, a)
        try:
            return date.fromisoformat(day).weekday() == WEEKDAYS.get(weekday.split()[-1])
        except ValueError:
            return True  # a month, or a day without its year
    return same_date(a, b)


def aligned(a: Slot, b: Slot) -> bool:
    """Whether two slots of one key are stated by sentences that say much the same."""
    if a.key != b.key or a.claim.span.doc == b.claim.span.doc:
        return False
    if a.key[0] in PERSON_KINDS or (a.written and b.written):
        return True  # a person's; one verb's object each document counts once
    if a.past or b.past:  # an earlier event's figure: that event named alike, said alike
        shared = a.words & b.words
        union = a.words | b.words
        return bool(a.names & b.names) and len(shared) >= ALIGN_JACCARD * len(union)
    if a.theme and b.theme and a.theme != b.theme:
        return False  # "a statement released Friday", "a letter released Monday"
    mine, theirs = a.parties - {a.agent}, b.parties - {b.agent}
    if mine and theirs and not mine & theirs:
        return False  # one agent's two acts: "signed Wynn on Tuesday", "signed Bell today"
    if a.agent and b.agent:  # one named person's act, or two people's
        return a.agent == b.agent  # not "Berg was arrested on Sunday", "Holm… on 6 January"
    if a.key[0] == "count" and (a.unnamed or b.unnamed):
        return False  # "he completed 17 passes", "Vale completed 28": perhaps two people
    if a.key[0] == "time" and a.label != b.label and not a.parties & b.parties:
        return False  # clock times of two verbs: one event only when it has one participant
    union = a.words | b.words
    overlap = len(a.words & b.words) / len(union) if union else 0.0
    if a.parties and b.parties and not a.parties & b.parties and overlap < SAME_WORDS:
        return False  # "signed Wynn on Tuesday", "signed Bell today": two events
    if a.sole and b.sole and not _dated_apart(a, b) and _comparable(a, b):
        return True  # each report counts it once: "80 people were wounded", "injuring 50"
    return overlap >= ALIGN_JACCARD or bool(a.names & b.names)


def slot_conflicts(
    docs: Sequence[Document],
    slots: Sequence[Slot],
    vocabulary: Mapping[str, frozenset[str]] | None = None,
    written: Mapping[str, Written] | None = None,
) -> tuple[Conflict, ...]:
    """Attributes whose aligned values differ between documents, with claims by value.
    ``vocabulary`` (each document's lemmas) lets kinds of place be compared
    (`_substitution`); without it they are not. ``written`` (each document's numbers,
    `Written`) tells the values a document gives outside any slot."""
    order = {d.id: i for i, d in enumerate(docs)}
    published = {d.id: _published(d) for d in docs}
    by_key: dict[tuple[str, ...], list[Slot]] = defaultdict(list)
    numbered = _sole(_numbered(_unambiguous(slots)))
    if vocabulary:
        numbered = _without_story_names(numbered, vocabulary)
    for slot in _objects_substituted(numbered, vocabulary) if vocabulary else numbered:
        by_key[slot.key].append(slot)
    conflicts = []
    for key, members in by_key.items():
        if key[0] in CATEGORICAL_KINDS:
            conflict = _substitution(members, order, vocabulary) if vocabulary else None
        else:
            conflict = _conflict(
                members, order, published, vocabulary, numbered, written or {}
            ) or _minor_difference(members, order)
        if conflict is not None:
            conflicts.append(conflict)
    conflicts.sort(key=lambda c: (order[c.claims[0].span.doc], c.claims[0].span.start))
    return tuple(conflicts)


def _without_story_names(
    slots: Sequence[Slot], vocabulary: Mapping[str, frozenset[str]]
) -> list[Slot]:
    """The slots, sums of money less the names that every document of the story uses
    (``vocabulary``: each document's lemmas): the firm or country a whole story is about
    has many sums (prices, sales, fines), and its name tells no two of them to be one
    ("a $600 netbook from Brindle", "Brindle sells a screen for $50"). Counts and
    measures keep them: the story's town names the event they count."""
    if len(vocabulary) < 2:
        return list(slots)
    every = frozenset.intersection(*vocabulary.values())
    return [
        replace(s, names=frozenset(n for n in s.names if not set(n.split()) <= every))
        if s.key[0] == "money"
        else s
        for s in slots
    ]


def _published(doc: Document) -> str | None:
    """When ``doc`` was published: its ``published`` time, else the day its page states in
    its header ("Posted Nov 27, 2031"), read by the dates stage."""
    from newsdesk.annotate.dates import document_date

    return doc.published or document_date(doc)


AGREEMENT_SKIPPED = frozenset({"title", "place"})
"""Kinds never reported as agreements: a person's post belongs with the person (who is
who), and kinds of place are compared by substitution only."""


def slot_agreements(slots: Sequence[Slot]) -> list[list[Slot]]:
    """Attributes that two or more documents give the same value, in sentences that say
    much the same (`aligned`): per key, the most documents whose slots all align with
    each other and state one value (`same_value`), one slot per document.
    Keys a document gives several values for are left out, as `slot_conflicts` leaves
    them."""
    by_key: dict[tuple[str, ...], list[Slot]] = defaultdict(list)
    for slot in _numbered(_unambiguous(slots)):
        if slot.key[0] not in AGREEMENT_SKIPPED and not slot.past:
            by_key[slot.key].append(slot)
    found = []
    for members in by_key.values():
        best: list[Slot] = []
        for seed in members:
            chosen = [seed]
            for slot in members:
                if slot.claim.span.doc not in {c.claim.span.doc for c in chosen} and all(
                    aligned(c, slot) and same_value(c, slot) for c in chosen
                ):
                    chosen.append(slot)
            if len(chosen) > max(len(best), 1):
                best = chosen
        if best:
            found.append(best)
    return found


def same_value(a: Slot, b: Slot) -> bool:
    """Whether two slots state one value, not merely values that can both be true: equal
    up to an editor's rounding ("$972,814", "$973,000"; not "nearly $1 million"), the same
    weekday, or dates one of which contains the other ("September", "Sept. 2"), never a
    weekday against a date."""
    if a.key[0] == "date":
        x, y = str(a.value), str(b.value)
        return x == y or (
            not x.startswith("weekday") and not y.startswith("weekday") and _same_day(x, y)
        )
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    return close(float(a.value), float(b.value), approx=False)


def _unambiguous(slots: Sequence[Slot]) -> list[Slot]:
    """The slots, less those of a key for which their document itself gives
    ``SEVERAL_THINGS`` or more values that cannot be true together ("earned $4.9 million",
    "$30 million", "$750,000": of several players): the key names several things there,
    and none of its values is that document's claim. A person's age, home town and post
    are kept, and kinds of place (compared by substitution)."""
    by_doc_key: dict[tuple[str, tuple[str, ...]], list[Slot]] = defaultdict(list)
    for slot in slots:
        by_doc_key[slot.claim.span.doc, slot.key].append(slot)
    several = set()
    for k, found in by_doc_key.items():
        if k[1][0] in PERSON_KINDS or k[1][0] in CATEGORICAL_KINDS:
            continue
        values: list[Slot] = []
        for slot in found:
            if not any(agree(slot, v) for v in values):
                values.append(slot)
        if len(values) >= SEVERAL_THINGS:
            several.add(k)
    return [s for s in slots if (s.claim.span.doc, s.key) not in several]


def _countable(slot: Slot) -> bool:
    """Whether a slot is a whole count of what a verb acted on or a noun counts, written
    with a number: not a count of one read from an article, a size ("an 11-game
    streak"), or an average ("logged 20.2 points")."""
    return (
        slot.key[0] == "count"
        and not slot.implied
        and not slot.size
        and not isinstance(slot.value, str)
        and float(slot.value).is_integer()
    )


def _sole(slots: Sequence[Slot]) -> list[Slot]:
    """The slots, each count (`_countable`) marked ``sole`` when its document gives its
    key (the noun and the verb) one value only, in every slot of that key: reports of
    one story that each count the injured once count the same people, however they
    word it ("As many as 80 people were also wounded", "the governor said 50 were
    injured")."""
    values: dict[tuple[str, tuple[str, ...]], list[Slot]] = defaultdict(list)
    for slot in slots:
        if _countable(slot):
            found = values[slot.claim.span.doc, slot.key]
            if not any(agree(slot, v) for v in found):
                found.append(slot)
    return [
        replace(s, sole=True) if _countable(s) and len(values[s.claim.span.doc, s.key]) == 1 else s
        for s in slots
    ]


def _comparable(a: Slot, b: Slot) -> bool:
    """Whether two counts are within ``SOLE_RATIO`` of each other: reports that
    misstate one count give figures of one size ("80", "50"); "26 people" against "213
    people" count two things ("killing 26" in a reprisal, 213 killed by the blast)."""
    low, high = sorted((abs(float(a.value)), abs(float(b.value))))
    return low > 0 and high <= SOLE_RATIO * low


def _dated_apart(a: Slot, b: Slot) -> bool:
    """Whether the sentences of two slots date their events on days that cannot be one
    ("On Aug. 20 … killing 26 people", "On Aug. 7 … killed more than 200"): two events."""
    return bool(a.days and b.days) and not any(_same_day(x, y) for x in a.days for y in b.days)


def _numbered(slots: Sequence[Slot]) -> list[Slot]:
    """The slots, without a count of one read from an article ("a life sentence") unless
    another document writes a number for the same noun, qualified by the same words, of
    the same verb ("three life sentences"; not "two girls" against "a 9-year-old
    girl")."""
    written: dict[tuple[tuple[str, ...], tuple[str, ...]], set[str]] = defaultdict(set)
    for slot in slots:
        if not slot.implied:
            written[slot.key, slot.modifiers].add(slot.claim.span.doc)
    return [s for s in slots if not s.implied or written[s.key, s.modifiers] - {s.claim.span.doc}]


def _objects_substituted(
    slots: Sequence[Slot], vocabulary: Mapping[str, frozenset[str]]
) -> list[Slot]:
    """The slots, counts of one verb's object written with another noun in another
    document re-keyed to one noun ("called in six engines" / "called four appliances":
    a count of one thing), where each document counts that verb's object once, with one
    noun for a thing that is not a person (or one "people" and the other a noun for
    people: "89 people were arrested", "99 members seized"), and never uses the other
    document's noun; a count of a passive's subject or a participle's noun (its doer
    unsaid) is compared only with another such count."""
    by_verb: dict[str, dict[str, list[Slot]]] = defaultdict(lambda: defaultdict(list))
    for slot in slots:
        if slot.key[0] == "count" and slot.verb_object and not slot.implied:
            by_verb[slot.key[2]][slot.claim.span.doc].append(slot)
    renamed: dict[int, Slot] = {}
    for per_doc in by_verb.values():
        nouns = {doc: {s.key[1] for s in found} for doc, found in per_doc.items()}
        if len(per_doc) < 2 or any(
            len(n) != 1 or len(f) != 1
            for f, n in zip(per_doc.values(), nouns.values(), strict=True)
        ):
            continue
        if len({found[0].verb_object for found in per_doc.values()}) > 1:
            continue  # "three tugs were sent", "the yard sent five boats": perhaps two senders
        kinds = {next(iter(n)) for n in nouns.values()}
        people = [names_people(k) for k in kinds]
        if len(kinds) != 2 or (any(people) and not (all(people) and GENERIC_PEOPLE in kinds)):
            continue  # things, or "people" and a noun for some people ("members")
        first, other = sorted(
            kinds, key=lambda k: min(order for order, n in enumerate(nouns.values()) if k in n)
        )
        if any(
            (other if first in n else first) in vocabulary.get(doc, frozenset())
            for doc, n in nouns.items()
        ):
            continue  # a document that uses both nouns counts two things
        for found in per_doc.values():
            slot = found[0]
            if slot.key[1] == other:
                key = (slot.key[0], first, *slot.key[2:])
                renamed[id(slot)] = replace(slot, key=key, written=other)
            else:
                renamed[id(slot)] = replace(slot, written=first)
    return [renamed.get(id(s), s) for s in slots]


def _kind(key: tuple[str, ...]) -> tuple[str, ...]:
    """The part of a slot key that says what is compared for `_clashes`' "one document
    gives both": a count's noun without its verb (points scored, points finished); every
    other key whole."""
    return key[:2] if key[0] == "count" else key


def _clashes(
    slots: list[Slot],
    vocabulary: Mapping[str, frozenset[str]] | None = None,
    story: Sequence[Slot] = (),
    written: Mapping[str, Written] | None = None,
) -> list[tuple[Slot, Slot]]:
    """Aligned pairs of slots whose values differ, where no document states both values
    among the slots of their kind in ``story`` or the numbers it writes with the same
    noun, unit or currency (``written``: "rushed for 404 yards and two touchdowns", a
    list no slot is read from) (a document that gives both tells two things apart: two
    players' points; it does not disagree with itself), nor, for a
    person's post, uses the other's words anywhere ("Rep. Bob Holm" and "Bob Holm, the
    incoming speaker" in a report that calls him speaker elsewhere)."""
    kind = _kind(slots[0].key) if slots else ()
    past = slots[0].past if slots else ""
    stated: dict[str, list[Slot]] = defaultdict(list)
    for slot in [*slots, *story]:
        if _kind(slot.key) == kind and slot.past == past:  # an earlier event's are its own
            stated[slot.claim.span.doc].append(slot)

    numbers = written or {}

    def gives(doc: str, slot: Slot) -> bool:
        """Whether ``doc`` gives ``slot``'s value, in a slot (a post among others held at
        once: "Chairman Rep. Bob Holm" gives chairman and representative) or as a number
        it writes."""
        return any(agree(x, slot) or _within(slot, x) for x in stated.get(doc, ())) or any(
            counted == _written_kind(slot) and _near(value, slot)
            for counted, value in numbers.get(doc, ())
        )

    def both(a: Slot, b: Slot) -> bool:
        """Whether one document gives both values, for whatever verb (of two people, two
        events), other than as two sources' reports of one value ("the institute said
        5.9, but the survey said 6.1": a disagreement it reports)."""
        return any(
            gives(doc, a) and gives(doc, b) and not _sources_differ(stated.get(doc, ()), a, b)
            for doc in {*stated, *numbers}
        )

    return [
        (a, b)
        for i, a in enumerate(slots)
        for b in slots[i + 1 :]
        if aligned(a, b)
        and not agree(a, b)
        and not both(a, b)
        and not (vocabulary and a.key[0] == "title" and _uses_other(a, b, vocabulary))
        and not (vocabulary and a.key[0] in PLACED_KINDS and _both_name(a, b, vocabulary))
    ]


def _sources_differ(stated: Sequence[Slot], a: Slot, b: Slot) -> bool:
    """Whether a document's slots that give ``a``'s value and ``b``'s value (``stated``,
    all of them in slots) are each reported by a named source, never one source for
    both: two sources' values of one thing, not two things."""
    mine = [x for x in stated if agree(x, a)]
    theirs = [x for x in stated if agree(x, b)]
    return (
        bool(mine and theirs)
        and all(x.source for x in [*mine, *theirs])
        and not {x.source for x in mine} & {x.source for x in theirs}
    )


def _within(post: Slot, posts: Slot) -> bool:
    """Whether a post is one of several written together, each a post's head word
    ("chairman" in "Chairman Rep.": "chairman representative"; not "director" in
    "assistant director", one post)."""
    words = str(posts.value).split()
    mine = str(post.value).split()
    return (
        post.key[0] == "title"
        and sum(w in TITLE_HEADS for w in words) > 1
        and all(w in TITLE_HEADS for w in mine)
        and set(mine) < set(words)
    )


def _written_kind(slot: Slot) -> tuple[str, ...]:
    """What a slot counts or measures, as `Written` keys a number: a count's noun with
    the words before it ("three life sentences" are no "three 10-year sentences")."""
    return (*slot.key[:2], *slot.modifiers) if slot.key[0] == "count" else slot.key[:2]


def _near(value: float, slot: Slot) -> bool:
    """Whether a number written equals a numeric slot's value, up to rounding."""
    return not isinstance(slot.value, str) and close(value, float(slot.value), slot.approx)


def _both_name(a: Slot, b: Slot, vocabulary: Mapping[str, frozenset[str]]) -> bool:
    """Whether each of two home towns' documents names the other's town somewhere (a
    town one report never names is a town it did not give; two reports that both name
    both towns may tell one's home and the other's scene)."""

    def names(doc: str, place: str) -> bool:
        return set(place.lower().split()) <= vocabulary.get(doc, frozenset())

    return names(a.claim.span.doc, str(b.value)) and names(b.claim.span.doc, str(a.value))


def _uses_other(a: Slot, b: Slot, vocabulary: Mapping[str, frozenset[str]]) -> bool:
    """Whether either slot's document uses a word of the other's value that its own value
    lacks ("deputy", "speaker"), in any of the forms of that post's word ("chairman" in a
    report that says he "chairs" the committee: `SAME_POST`)."""
    mine, theirs = set(str(a.value).split()), set(str(b.value).split())

    def uses(words: set[str], doc: str) -> bool:
        forms = words | {SAME_POST.get(w, w) for w in words}
        return bool(forms & vocabulary.get(doc, frozenset()))

    return uses(mine - theirs, b.claim.span.doc) or uses(theirs - mine, a.claim.span.doc)


def _conflict(
    members: list[Slot],
    order: dict[str, int],
    published: dict[str, str | None],
    vocabulary: Mapping[str, frozenset[str]] | None = None,
    story: Sequence[Slot] = (),
    numbers: Mapping[str, Written] | None = None,
) -> Conflict | None:
    """The conflict among slots of one key, or None when every aligned pair agrees
    (``story``: every slot of the story, and ``numbers``: every number each document
    writes, for the values one document gives both of).

    Its claims are the clashing slots and the slots of other documents that agree with
    one of them in an aligned sentence. A number whose values follow one another in the
    documents' publication times is an update (values in time order). ``MANY_VALUES`` or
    more values that are no update are several things under one key: no conflict."""
    clashes = _clashes(members, vocabulary, story, numbers)
    if not clashes:
        return None
    slots = _supporters(list({id(s): s for pair in clashes for s in pair}.values()), members)
    groups: list[list[Slot]] = []
    for slot in sorted(slots, key=lambda s: (order[s.claim.span.doc], s.claim.span.start)):
        home = next((g for g in groups if agree(g[0], slot)), None)
        if home is None:
            groups.append([slot])
        else:
            home.append(slot)
    numeric = members[0].key[0] in NUMERIC_KINDS
    times = _update_times(groups, members, published) if numeric else None
    if numeric and times is None:
        times = _tense_order(groups)
    if times is None and len(groups) >= MANY_VALUES:
        return None  # four sums "earned": several players' pay, not one disputed figure
    if len({g[0].shown.lower() for g in groups}) == 1:
        return None  # "today" and "today" in pages of two days: each true of its own day
    if times is not None:
        groups = [g for _, g in sorted(zip(times, groups, strict=True), key=lambda x: x[0])]
    written = [s for s in slots if not s.implied] or slots  # "three sentences", not "a"
    label = max((s.label for s in written), key=lambda x: sum(s.label == x for s in written))
    return _by_value(label, groups, "conflict" if times is None else "update")


def _supporters(core: list[Slot], members: Sequence[Slot]) -> list[Slot]:
    """The clashing slots ``core`` and every other slot of ``members`` that agrees with one
    already taken, in a sentence aligned with it: the claims of each value, gathered from
    one aligned sentence to the next ("the 5.9 quake struck the island", "a magnitude of
    5.9", "measured magnitude 5.9")."""
    taken = {id(s): s for s in core}
    grown = True
    while grown:
        grown = False
        for slot in members:
            if id(slot) not in taken and any(
                aligned(slot, c) and agree(slot, c) for c in list(taken.values())
            ):
                taken[id(slot)] = slot
                grown = True
    return list(taken.values())


def _substitution(
    members: list[Slot], order: dict[str, int], vocabulary: Mapping[str, frozenset[str]]
) -> Conflict | None:
    """A kind substituted for another in one place of one event: aligned sentences whose
    place nouns share a noun and differ by exactly one noun on each side ("a hotel room",
    "his room at a motel"; not "a house", "a bathtub": one may hold the other), where
    neither document uses the other's noun anywhere (a report that says
    "motel" once and "hotel" once has not chosen a kind). The first such pair of nouns
    is the conflict; every slot naming one of them, in a document that never uses the
    other, is a claim of that value."""
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if not aligned(a, b):
                continue
            mine, theirs = set(str(a.value).split()), set(str(b.value).split())
            only_a, only_b = mine - theirs, theirs - mine
            if len(only_a) != 1 or len(only_b) != 1 or not mine & theirs:
                continue  # one noun for one, in a place both name the same way ("room")
            x, y = only_a.pop(), only_b.pop()
            if x in vocabulary[b.claim.span.doc] or y in vocabulary[a.claim.span.doc]:
                continue
            groups = [
                sorted(
                    (
                        s
                        for s in members
                        if own in str(s.value).split() and other not in vocabulary[s.claim.span.doc]
                    ),
                    key=lambda s: (order[s.claim.span.doc], s.claim.span.start),
                )
                for own, other in ((x, y), (y, x))
            ]
            return _by_value(a.label, groups, "conflict", shown=(x, y))
    return None


def _minor_difference(members: list[Slot], order: dict[str, int]) -> Conflict | None:
    """A ``minor`` difference among slots of one key that otherwise agree: aligned exact
    values of two documents that differ by rounding only ("$972,814" and "$973,000")."""
    pairs = [
        (a, b)
        for i, a in enumerate(members)
        for b in members[i + 1 :]
        if aligned(a, b) and minor(a, b)
    ]
    if not pairs:
        return None
    slots = sorted(
        {id(s): s for pair in pairs for s in pair}.values(),
        key=lambda s: (order[s.claim.span.doc], s.claim.span.start),
    )
    groups: dict[float | str, list[Slot]] = {}
    for slot in slots:
        groups.setdefault(slot.value, []).append(slot)
    return _by_value(slots[0].label, list(groups.values()), "minor")


def _by_value(
    label: str, groups: list[list[Slot]], kind: ConflictKind, shown: Sequence[str] = ()
) -> Conflict:
    """A conflict on ``label`` whose claims are grouped by value, one group a value, each
    value as its first slot writes it (or as ``shown`` names them, one a group)."""
    names = shown or [g[0].shown for g in groups]
    values = tuple(
        ConflictValue(name, tuple(dict.fromkeys(s.claim for s in g)))
        for name, g in zip(names, groups, strict=True)
    )
    claims = tuple(dict.fromkeys(c for v in values for c in v.claims))
    return Conflict(label, claims, attribute=label, values=values, kind=kind)


def _update_times(
    groups: list[list[Slot]], members: list[Slot], published: dict[str, str | None]
) -> list[str] | None:
    """Each value's first publication time when the values follow one another in time
    (every document that states a value, aligned or not, published before every document
    of the next: 12, then 14, then 12 again is no update), else None."""
    spans: list[tuple[str, str]] = []
    for group in groups:
        stating = group + [m for m in members if agree(m, group[0])]
        times = [published.get(s.claim.span.doc) for s in stating]
        if not all(times):
            return None
        known = sorted(t for t in times if t)
        spans.append((known[0], known[-1]))
    ordered = sorted(spans)
    if any(ordered[i][1] >= ordered[i + 1][0] for i in range(len(ordered) - 1)):
        return None
    return [first for first, _ in spans]


def _tense_order(groups: list[list[Slot]]) -> list[str] | None:
    """For two values, one stated only while its event was going on ("are holding … in
    11 cities") and one only after ("held … in 14 cities"): their order in time, the
    ongoing first (an update, not a conflict); else None."""
    states = [{s.ongoing for s in g} for g in groups]
    if len(groups) != 2 or sorted(map(sorted, states)) != [[False], [True]]:
        return None
    return ["0" if True in found else "1" for found in states]


# ---------------------------------------------------------------------------- support


def _value_index(span: Span, conflict: Conflict) -> int | None:
    """Which of ``conflict``'s values ``span`` states (its claims overlap), if any."""
    for n, value in enumerate(conflict.values):
        if any(c.span.overlaps(span) for c in value.claims):
            return n
    return None


def disagreeing(a: Span, b: Span, conflicts: Sequence[Conflict]) -> bool:
    """Whether ``a`` and ``b`` state different values of one conflict or update (values
    that differ by rounding only agree)."""
    for conflict in conflicts:
        if conflict.kind == "minor":
            continue
        x, y = _value_index(a, conflict), _value_index(b, conflict)
        if x is not None and y is not None and x != y:
            return True
    return False


def disputes(span: Span, conflicts: Sequence[Conflict]) -> tuple[int, ...]:
    """The indexes of the conflicts (with values; updates are no dispute) on a value that
    ``span`` states."""
    return tuple(
        n
        for n, conflict in enumerate(conflicts)
        if conflict.values
        and conflict.kind == "conflict"
        and _value_index(span, conflict) is not None
    )


def supported(
    items: Sequence[SummaryItem], conflicts: Sequence[Conflict]
) -> tuple[SummaryItem, ...]:
    """Summary items whose citations all agree with the span the line was taken from and
    with each other (of two supporting spans that state different values of one
    conflict, the earlier cited is kept: a line that states neither value is no support
    for both), each marked with the conflicts on a value it states (a disputed line)."""
    out = []
    for item in items:
        first, *others = item.citations
        kept: list[Span] = []
        for other in others:
            if not any(disagreeing(cited, other, conflicts) for cited in (first, *kept)):
                kept.append(other)
        out.append(replace(item, citations=(first, *kept), conflicts=disputes(first, conflicts)))
    return tuple(out)
