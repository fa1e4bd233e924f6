"""Facts grouped across sources: corroborated, single-source and conflicting statements.

The demo-corpus and parse-based tests use the real spaCy model (module-scoped); the
similarity and sentence-filter tests need no model.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from newsdesk import Conflict, Document, Fact, Settings, Span, TextSpan, read
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.conflicts import find_conflicts
from newsdesk.brief.events import predicates, same_event
from newsdesk.brief.facts import group_facts, tfidf_similarity
from newsdesk.registry import build_pipeline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COLLISION = EXAMPLES / "strait-ferry-collision"

WIRE = "wire"
POST = "post"


def parsed(backend: SpacyBackend, doc: Document) -> Document:
    """``doc`` parsed, with the entities and timeline conflicts read people and dates from."""
    [annotated] = build_pipeline(("parse", "entities", "dates"), backend=backend)([doc])
    return annotated


@pytest.fixture(scope="module")
def collision(backend: SpacyBackend) -> list[Document]:
    docs = [
        d
        for d in read([str(p) for p in sorted(COLLISION.iterdir())], Settings())
        if isinstance(d, Document)
    ]
    return [parsed(backend, d) for d in docs]


@pytest.fixture(scope="module")
def collision_facts(collision: list[Document]) -> tuple[Fact, ...]:
    return group_facts(collision, conflicts=find_conflicts(collision))


def fact_with(facts: tuple[Fact, ...], text: str) -> Fact:
    found = [f for f in facts if text in f.text]
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def docs_of(fact: Fact) -> list[str]:
    return [s.doc for s in fact.sources]


# ---------------------------------------------------------------------------- demo corpus


@pytest.mark.slow
def test_facts_demo_corroborated_by_wire_and_gazette(collision_facts: tuple[Fact, ...]) -> None:
    fact = fact_with(collision_facts, "On 3 October, another Kessary Lines ferry")
    assert fact.agreement == "corroborated"
    assert docs_of(fact) == ["meridian-wire-collision", "harbour-gazette-editorial"]


@pytest.mark.slow
def test_facts_demo_corroborated_quote(collision_facts: tuple[Fact, ...]) -> None:
    fact = fact_with(collision_facts, "We lost the radar picture for almost a minute")
    assert fact.agreement == "corroborated"
    assert docs_of(fact) == ["meridian-wire-collision", "northshore-post-captain-interview"]
    assert fact.text.endswith("the captain said, according to the Northshore Post.")


@pytest.mark.slow
def test_facts_demo_single_source(collision_facts: tuple[Fact, ...]) -> None:
    fact = fact_with(collision_facts, "Nadia Kessel, who works for Kessary Lines")
    assert fact.agreement == "single-source"
    assert docs_of(fact) == ["meridian-wire-collision"]


@pytest.mark.slow
def test_facts_demo_conflicting(
    collision_facts: tuple[Fact, ...], collision: list[Document]
) -> None:
    # The wire's lead states 12 injured, the Clarion 14. The lead is one collision in fog
    # with the captain's interview: that fact is shown by the interview's sentence, which
    # states no disputed value; the Clarion's line is disputed.
    hurt = fact_with(collision_facts, "14 people were hurt")
    assert hurt.agreement == "conflicting"
    assert "daily-clarion-ferry-horror" in docs_of(hurt)
    # The Clarion's captain is 58, the others' 54: whatever fact cites that sentence is
    # either shown by a sentence that states no age, or marked conflicting.
    clarion = next(d for d in collision if d.id == "daily-clarion-ferry-horror")
    at = clarion.text.index("Henrik Maalstad, 58")
    [captain] = [
        f
        for f in collision_facts
        if any(s.doc == clarion.id and s.start <= at < s.end for s in f.sources)
    ]
    assert "Maalstad, 5" not in captain.text or captain.agreement == "conflicting"


@pytest.mark.slow
def test_facts_demo_sources_and_order(
    collision: list[Document], collision_facts: tuple[Fact, ...]
) -> None:
    texts = {d.id: d.text for d in collision}
    for fact in collision_facts:
        assert fact.sources
        assert len({s.doc for s in fact.sources}) == len(fact.sources)  # one per document
        assert fact.text in {" ".join(texts[s.doc][s.start : s.end].split()) for s in fact.sources}
    supports = [len(f.sources) for f in collision_facts]
    assert supports == sorted(supports, reverse=True)
    # captions, credits, headlines and quote fragments are not facts
    assert not any(f.text.startswith(("(Photo", "WRECKED", "Editorial")) for f in collision_facts)
    assert not any(
        f.text == "Until it does, every captain is making his own rules." for f in collision_facts
    )


@pytest.mark.slow
def test_facts_demo_ten_documents(collision: list[Document]) -> None:
    """Ten documents (five and their copies) still group (speed is measured in bench/)."""
    docs = collision + [dataclasses.replace(d, id=d.id + "-copy") for d in collision]
    facts = group_facts(docs, conflicts=find_conflicts(docs))
    assert facts[0].agreement in {"corroborated", "conflicting"}
    assert len(facts[0].sources) >= 2


# ---------------------------------------------------------------------------- mini texts

WIRE_TEXT = (
    "The ferry Aurora struck the harbour wall in Tessel on Monday morning. "
    "Harbour officials said twelve people were taken to hospital with minor injuries. "
    "The mayor praised the rescue crews for their quick work."
)
POST_TEXT = (
    "On Monday morning the ferry Aurora struck the harbour wall in Tessel. "
    "Harbour officials said fourteen people were taken to hospital with minor injuries. "
    "A new timetable will be published next week by the ferry company."
)


@pytest.fixture(scope="module")
def pair(backend: SpacyBackend) -> list[Document]:
    return [
        parsed(backend, Document(WIRE, WIRE_TEXT, published="2026-10-12T08:00:00Z")),
        parsed(backend, Document(POST, POST_TEXT, published="2026-10-12T09:00:00Z")),
    ]


@pytest.mark.slow
def test_facts_mini_corroborated_and_single(pair: list[Document]) -> None:
    facts = group_facts(pair)
    first = facts[0]
    assert first.agreement == "corroborated"
    assert first.text == "The ferry Aurora struck the harbour wall in Tessel on Monday morning."
    assert docs_of(first) == [WIRE, POST]
    singles = [f for f in facts if f.agreement == "single-source"]
    assert "The mayor praised the rescue crews for their quick work." in [f.text for f in singles]


@pytest.mark.slow
def test_facts_mini_different_numbers_are_not_one_fact(pair: list[Document]) -> None:
    """Twelve and fourteen people in hospital: two statements, not one corroborated fact."""
    facts = group_facts(pair)
    hospital = [f for f in facts if "taken to hospital" in f.text]
    assert len(hospital) == 2
    assert all(f.agreement == "single-source" for f in hospital)


@pytest.mark.slow
def test_facts_mini_conflict_joins_and_marks(pair: list[Document]) -> None:
    """With a conflict covering both numbers, the two sentences are one disputed fact."""
    wire, post = pair
    claims = []
    for doc, word in ((wire, "twelve people"), (post, "fourteen people")):
        start = doc.text.index(word)
        claims.append(TextSpan(doc.span(start, start + len(word)), word))
    conflict = Conflict("number of people taken to hospital", tuple(claims))
    facts = group_facts(pair, conflicts=[conflict])
    hospital = [f for f in facts if "taken to hospital" in f.text]
    assert len(hospital) == 1
    assert hospital[0].agreement == "conflicting"
    assert docs_of(hospital[0]) == [WIRE, POST]


@pytest.mark.slow
def test_facts_mini_given_sentences_and_similarity(pair: list[Document]) -> None:
    wire, post = pair
    sentences = [
        wire.span(0, WIRE_TEXT.index(".") + 1),
        post.span(0, POST_TEXT.index(".") + 1),
    ]

    def never(texts: list[str]) -> npt.NDArray[np.float64]:
        return np.eye(len(texts))

    def always(texts: list[str]) -> npt.NDArray[np.float64]:
        return np.ones((len(texts), len(texts)))

    apart = group_facts(pair, sentences=sentences, similarity=never)
    assert [f.agreement for f in apart] == ["single-source", "single-source"]
    together = group_facts(pair, sentences=sentences, similarity=always)
    assert [docs_of(f) for f in together] == [[WIRE, POST]]
    assert together[0].sources == tuple(sentences)


@pytest.mark.slow
def test_facts_sentences_inside_a_quote_are_not_facts(backend: SpacyBackend) -> None:
    text = (
        "The harbour was closed on Monday after the ferry struck the wall. "
        '"We heard a terrible noise. Everyone on the deck was thrown to the floor. '
        'It was the worst night of my life," one passenger told reporters afterwards.'
    )
    facts = group_facts([parsed(backend, Document("d1", text))])
    # the quote's sentences, even the last one with its speaker, start inside the quote
    assert [f.text for f in facts] == [
        "The harbour was closed on Monday after the ferry struck the wall.",
    ]
    assert {f.agreement for f in facts} == {"single-source"}


@pytest.mark.slow
def test_facts_questions_and_pieces_of_sentences_are_not_facts(backend: SpacyBackend) -> None:
    """Two outlets asking their readers the same question corroborate nothing."""
    ask = "So what do you think of the new timetable? Tell us in the comments."
    docs = [
        parsed(backend, Document("d1", f"The ferry timetable changes on Monday. {ask}")),
        parsed(backend, Document("d2", f"Dunmore Ferries changes its timetable on Monday. {ask}")),
        parsed(backend, Document("d3", "for the new ferry timetable.\nIt starts on Monday.")),
    ]
    texts = [f.text for f in group_facts(docs)]
    assert not [t for t in texts if t.endswith("?") or t[0].islower()]
    assert "The ferry timetable changes on Monday." in " ".join(texts)


def test_facts_without_parse_or_documents() -> None:
    assert group_facts([]) == ()
    assert group_facts([Document("d1", WIRE_TEXT)]) == ()  # no parse, no sentences given


def test_facts_given_sentences_need_no_parse() -> None:
    wire = Document(WIRE, WIRE_TEXT)
    post = Document(POST, POST_TEXT)
    end_w, end_p = WIRE_TEXT.index(".") + 1, POST_TEXT.index(".") + 1
    facts = group_facts([wire, post], sentences=[Span(WIRE, 0, end_w), Span(POST, 0, end_p)])
    assert [(f.agreement, docs_of(f)) for f in facts] == [("corroborated", [WIRE, POST])]


def test_facts_tfidf_similarity() -> None:
    sim = tfidf_similarity(
        [
            "The ferry struck the harbour wall on Monday.",
            "On Monday the ferry struck the harbour wall.",
            "The council approved the budget.",
        ]
    )
    assert sim.shape == (3, 3)
    assert np.allclose(np.diag(sim), 1.0)
    assert sim[0, 1] > 0.6
    assert sim[0, 2] < 0.1
    assert tfidf_similarity([]).shape == (0, 0)


@pytest.mark.slow
def test_facts_one_action_of_one_participant_is_one_fact(backend: SpacyBackend) -> None:
    # Few words in common, but both say that Vale was arrested (active and passive).
    wire = parsed(
        backend,
        Document(WIRE, "Border officers arrested Jon Vale near the old checkpoint at Harlow Pass."),
    )
    post = parsed(
        backend,
        Document(POST, "Vale was arrested at the checkpoint a day after the smuggling raid."),
    )
    facts = group_facts([wire, post])
    assert [(f.agreement, docs_of(f)) for f in facts] == [("corroborated", [WIRE, POST])]


@pytest.mark.slow
def test_facts_same_action_of_different_doers_is_not_one_fact(backend: SpacyBackend) -> None:
    wire = parsed(backend, Document(WIRE, "Mayor Ines Rook plans to run for governor next year."))
    post = parsed(backend, Document(POST, "Senator Abel Marsh said he might run for governor."))
    assert not same_event(predicates(wire.parse), predicates(post.parse))
    assert {f.agreement for f in group_facts([wire, post])} == {"single-source"}


@pytest.mark.slow
def test_facts_predicates_roles(backend: SpacyBackend) -> None:
    doc = parsed(backend, Document(WIRE, "Rescuers found the climber, according to police."))
    found = predicates(doc.parse)
    assert ("find", "doer", "rescuer") in found
    assert ("find", "undergoer", "climber") in found
    assert not any(action == "accord" for action, _, _ in found)  # "according to" is no act


@pytest.mark.slow
def test_facts_stray_mark_does_not_hide_the_rest(backend: SpacyBackend) -> None:
    # One line opens with two apostrophes and closes with a double mark; the lines after
    # it are still statements (marks pair line by line).
    text = (
        "''The ridge was icy,\" the guide said.\n"
        "The climber fell about 80 metres on the northern face.\n"
        "His body was recovered by a rescue team on Sunday.\n"
    )
    facts = group_facts([parsed(backend, Document(WIRE, text))])
    assert [f.text for f in facts] == [
        "''The ridge was icy,\" the guide said.",  # a quote with its speaker is a statement
        "The climber fell about 80 metres on the northern face.",
        "His body was recovered by a rescue team on Sunday.",
    ]


@pytest.mark.slow
def test_facts_shown_by_a_sentence_without_disputed_values(
    collision_facts: tuple[Fact, ...], collision: list[Document]
) -> None:
    # The wire's lead ("... injuring 12 people", the Clarion says 14) and the captain's
    # interview state one collision: the fact is shown by the interview's sentence, and
    # is corroborated by both, since neither disagrees with what is shown.
    wire = next(d for d in collision if d.id == "meridian-wire-collision")
    lead = wire.text.index("carrying 213 passengers")
    [fact] = [
        f
        for f in collision_facts
        if any(s.doc == wire.id and s.start <= lead < s.end for s in f.sources)
    ]
    assert "injuring 12 people" not in fact.text
    assert fact.agreement == "corroborated"
    assert len(set(docs_of(fact))) >= 2


@pytest.mark.slow
def test_facts_negated_or_hedged_action_is_another_statement(backend: SpacyBackend) -> None:
    stated = parsed(backend, Document(WIRE, "The strike could delay the ferry service."))
    denied = parsed(
        backend, Document(POST, "The union said the strike did not delay the ferry service.")
    )
    done = parsed(backend, Document("third", "The strike delayed the ferry service by a week."))
    assert ("may delay", "undergoer", "service") in predicates(stated.parse)
    assert ("not delay", "undergoer", "service") in predicates(denied.parse)
    assert not same_event(predicates(stated.parse), predicates(denied.parse))
    assert same_event(predicates(done.parse), predicates(done.parse))
    assert not same_event(predicates(done.parse), predicates(denied.parse))


# ---------------------------------------------------------------------------- meaning, disputes


@pytest.mark.slow
def test_facts_paraphrase_linked_by_meaning(backend: SpacyBackend) -> None:
    """Two outlets word one charge differently (few words in common): the sentence
    encoder links them, the words alone do not."""
    from newsdesk.embed import Embedder

    docs = [
        parsed(
            backend,
            Document(
                "d1",
                "Ravi Okafor, 31, is accused of setting fire to the "
                "Lindqvist bakery in Marsten early on Sunday.",
            ),
        ),
        parsed(
            backend,
            Document(
                "d2",
                "Ravi Okafor, aged 31 and from Marsten, was charged "
                "with arson following the blaze at the Lindqvist bakery at the weekend.",
            ),
        ),
    ]
    assert [f.agreement for f in group_facts(docs)] == ["single-source", "single-source"]
    [fact] = group_facts(docs, encoder=Embedder())
    assert (fact.agreement, docs_of(fact)) == ("corroborated", ["d1", "d2"])


@pytest.mark.slow
def test_facts_corroborated_yet_disputed_by_another_outlet(backend: SpacyBackend) -> None:
    """Two outlets give the same depth, a third another: the two corroborate each other
    (the fact links the conflict), the third is not their support."""
    texts = [
        "The quake struck at 2:09 a.m. about 14 miles north of Halvik and had a depth of 1.2 "
        "miles.",
        "The quake struck at 2:09 a.m. about 14 miles north of Halvik and had a depth of 1.2 "
        "miles, officials said.",
        "The quake struck at 2:09 a.m., 14 miles north of Halvik, at a depth of 12 miles.",
    ]
    docs = [parsed(backend, Document(f"q{i}", t)) for i, t in enumerate(texts, 1)]
    conflicts = find_conflicts(docs)
    assert [c.about for c in conflicts] == ["depth (length)"]
    facts = group_facts(docs, conflicts=conflicts)
    assert [(f.agreement, docs_of(f), f.conflicts) for f in facts] == [
        ("corroborated", ["q1", "q2"], (0,)),
        ("conflicting", ["q3"], (0,)),
    ]
    assert facts[0].disputed and facts[0].to_dict()["conflicts"] == [0]


def test_facts_a_sentence_left_alone_pairs_with_the_one_it_agrees_with(
    backend: SpacyBackend,
) -> None:
    """Two outlets give different days; a third names no day. The third's sentence
    corroborates each of the others, which never share a fact."""
    texts = {
        "a": "Mara Voss checked into a clinic in Orsk on Friday to be treated for exhaustion.",
        "b": "Mara Voss checked into a clinic in Orsk on Tuesday to be treated for exhaustion.",
        "c": "Mara Voss checked into a clinic in Orsk to be treated for exhaustion.",
    }
    docs = [parsed(backend, Document(i, t)) for i, t in texts.items()]
    together = [set(docs_of(f)) for f in group_facts(docs) if f.agreement == "corroborated"]
    assert sorted(map(sorted, together)) == [["a", "c"], ["b", "c"]]


def test_facts_sentences_alike_mostly_in_names_are_linked_by_meaning(
    backend: SpacyBackend,
) -> None:
    """Much of what two sentences share is names, which the words alone do not trust:
    the sentence encoder decides."""
    from newsdesk.embed import Embedder

    docs = [
        parsed(
            backend,
            Document(
                "d1", "Jon Vale is scheduled to be arraigned in Orsk District Court on Wednesday."
            ),
        ),
        parsed(
            backend,
            Document(
                "d2",
                "Jon Vale faces arraignment in Orsk District Court on Wednesday morning "
                "on theft charges.",
            ),
        ),
    ]
    assert [f.agreement for f in group_facts(docs)] == ["single-source", "single-source"]
    [fact] = group_facts(docs, encoder=Embedder())
    assert (fact.agreement, docs_of(fact)) == ("corroborated", ["d1", "d2"])


def test_facts_a_value_stated_alike_in_unlinked_sentences_is_a_fact(
    backend: SpacyBackend,
) -> None:
    """Two sentences that say different things but give one person's age: the age is
    a corroborated fact citing the two claims, not the whole sentences; a different age
    is a conflict and no fact."""
    from newsdesk.brief.conflicts import story_slots

    wire = parsed(
        backend,
        Document(WIRE, "Jon Vale, 32, was charged with smuggling after the raid at the docks."),
    )
    post = parsed(
        backend,
        Document(POST, "The 32-year-old Vale fled across the border in a stolen truck."),
    )
    slots = story_slots([wire, post])
    assert group_facts([wire, post]) == group_facts([wire, post], slots=())
    assert {f.agreement for f in group_facts([wire, post])} == {"single-source"}
    [age] = [f for f in group_facts([wire, post], slots=slots) if f.agreement == "corroborated"]
    assert docs_of(age) == [WIRE, POST]
    assert [
        wire.text[s.start : s.end] if s.doc == WIRE else post.text[s.start : s.end]
        for s in age.sources
    ] == [
        "Jon Vale, 32",
        "32-year-old Vale",
    ]
    older = parsed(backend, Document(POST, post.text.replace("32-year-old", "33-year-old")))
    conflicts = find_conflicts([wire, older])
    assert [c.about for c in conflicts] == ["age of Jon Vale"]
    facts = group_facts([wire, older], conflicts=conflicts, slots=story_slots([wire, older]))
    assert "corroborated" not in {f.agreement for f in facts}


def test_facts_a_value_stated_alike_of_different_people_is_no_fact(
    backend: SpacyBackend,
) -> None:
    """One count in claims that name different people: two events (or a dispute), no
    corroborated fact."""
    from newsdesk.brief.conflicts import story_slots

    texts = (
        "Rebels killed two soldiers, Jon Vale and Ed Marsh, near the bridge at Harlow.",
        "Rebels killed two soldiers, Tom Hale and Abe Rook, near the bridge at Harlow.",
    )
    [wire, post] = [
        parsed(backend, Document(name, t)) for name, t in zip((WIRE, POST), texts, strict=True)
    ]
    slots = story_slots([wire, post])
    assert [(s.key, s.value) for s in slots] == [(("count", "soldier", "kill"), 2.0)] * 2
    facts = group_facts([wire, post], conflicts=find_conflicts([wire, post], slots), slots=slots)
    assert {f.agreement for f in facts} == {"single-source"}


def test_facts_a_value_already_corroborated_is_stated_once(backend: SpacyBackend) -> None:
    """Both outlets give the captain's age in a sentence they share: the age is stated
    there, and the wire's other mention of it makes no second fact."""
    from newsdesk.brief.conflicts import story_slots

    shared = "Captain Jon Vale, 54, has sailed for Kessary Lines for twenty years."
    wire = parsed(backend, Document(WIRE, f"Jon Vale, 54, took the helm in May. {shared}"))
    post = parsed(backend, Document(POST, shared))
    slots = story_slots([wire, post])
    assert [s.claim.span.doc for s in slots if s.key[0] == "age"] == [WIRE, WIRE, POST]
    facts = group_facts([wire, post], slots=slots)
    assert [(f.agreement, f.text) for f in facts if f.agreement == "corroborated"] == [
        ("corroborated", shared)
    ]


def test_facts_a_clause_says_what_another_outlet_says_alone(backend: SpacyBackend) -> None:
    """One outlet states in a relative clause of a long sentence what another states in a
    sentence of its own: the clause (its own characters) and that sentence are one fact;
    the long sentence, which says more, stays a fact of its own."""
    from newsdesk.embed import Embedder

    long = (
        "The ferry, which was carrying 40 passengers from Orsk to Halvik, ran aground on a "
        "sandbank near the lighthouse late on Sunday after its engine failed in heavy fog."
    )
    short = "The vessel had 40 passengers on board for the crossing from Orsk to Halvik."
    docs = [parsed(backend, Document("d1", long)), parsed(backend, Document("d2", short))]
    facts = group_facts(docs, encoder=Embedder())
    assert [
        (f.agreement, [docs[int(s.doc[1]) - 1].text[s.start : s.end] for s in f.sources])
        for f in facts
    ] == [
        ("corroborated", ["ferry, which was carrying 40 passengers from Orsk to Halvik", short]),
        ("single-source", [long]),
    ]


def test_facts_a_clause_fact_is_shown_by_a_whole_sentence(backend: SpacyBackend) -> None:
    """A fact a clause supports reads as its whole-sentence source, even a shorter one
    (the clause is a piece of a sentence)."""
    from newsdesk.embed import Embedder

    long = (
        "The ferry, which was carrying 40 passengers from Orsk to Halvik, ran aground on a "
        "sandbank near the lighthouse late on Sunday after its engine failed in heavy fog."
    )
    short = "The vessel had 40 passengers from Orsk to Halvik."
    docs = [parsed(backend, Document("d1", long)), parsed(backend, Document("d2", short))]
    [fact, _] = group_facts(docs, encoder=Embedder())
    assert (fact.agreement, fact.text) == ("corroborated", short)
