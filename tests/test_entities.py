"""Entities: spaCy's NER corrected, names resolved, roles, photo credits, story merging."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from newsdesk.annotate.entities import entity_at, extract_entities, merge_entities
from newsdesk.annotate.headlines import headline_names, headline_phrases
from newsdesk.annotate.kinds import mention_kind
from newsdesk.annotate.names import surnames_of
from newsdesk.annotate.ner_fixes import Cand, pieces
from newsdesk.annotate.ner_spread import _family_name, harmonise
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.model import Document, Entity, Mention, Span, TextSpan
from tests.conftest import ROOT, SHARED_DATA, bench_module, make_document, require_shared_data

REPORT = (
    "VALMONT (Meridian Wire) - Deputy Chief of the Naval Staff Adm. Rhee Dong-su said on "
    "Monday that the navy would join the search. Rhee spoke to reporters at the harbour.\n\n"
    "Dmitri Alenko, a professor of maritime law at Tessel University, said the shortcut "
    "existed in a legal grey zone. Mr. Alenko said the rules had not changed since 2019. "
    '"Nobody listened," Prof. Alenko added.\n\n'
    "Mayor Anika Brandt visited the hospital on Monday afternoon. Dr. Felix Brandt, the "
    "trauma surgeon who led the response, said two patients were in serious condition. "
    '"They are stable," Brandt said. "We are a city of sailors," Mayor Brandt said. Brandt '
    "also asked the Transport Ministry to publish its review.\n\n"
    "Tobias Wren, the son of the late shipowner Pavel Markov, said the ferry had left on "
    "time.\n\n"
    "The damaged bow of the ferry in Valmont harbour. (Photo: Lena Ortsberg/Meridian Wire)"
)


@pytest.fixture(scope="module")
def report(backend: SpacyBackend) -> tuple[Document, tuple[Entity, ...]]:
    doc = make_document(REPORT, id="d1")
    return doc, extract_entities(doc, backend(doc.text))


def annotate(backend: SpacyBackend, text: str, id: str = "d1") -> tuple[Entity, ...]:
    return extract_entities(make_document(text, id=id), backend(text))


def by_name(entities: tuple[Entity, ...], name: str) -> Entity:
    matches = [e for e in entities if e.name == name]
    assert len(matches) == 1, [e.name for e in entities]
    return matches[0]


def texts_at(doc: Document, entity: Entity) -> list[str]:
    return [doc.text[m.span.start : m.span.end] for m in entity.mentions]


def test_entities_spans_match_text(report: tuple[Document, tuple[Entity, ...]]) -> None:
    doc, entities = report
    for entity in entities:
        for mention in entity.mentions:
            assert doc.text[mention.span.start : mention.span.end] == mention.text
            assert mention.label == entity.type
        for role in entity.roles:
            assert doc.text[role.span.start : role.span.end] == role.text


def test_entities_ids_in_order_of_first_mention(
    report: tuple[Document, tuple[Entity, ...]],
) -> None:
    _, entities = report
    assert [e.id for e in entities] == [f"d1:e{n}" for n in range(1, len(entities) + 1)]
    firsts = [e.mentions[0].span.start for e in entities]
    assert firsts == sorted(firsts)


def test_entities_exact_names_and_types(report: tuple[Document, tuple[Entity, ...]]) -> None:
    _, entities = report
    assert [(e.name, e.type) for e in entities] == [
        ("Valmont", "GPE"),
        ("Meridian Wire", "ORG"),
        ("Rhee Dong-su", "PERSON"),
        ("Dmitri Alenko", "PERSON"),
        ("Tessel University", "ORG"),
        ("Anika Brandt", "PERSON"),
        ("Felix Brandt", "PERSON"),
        ("Transport Ministry", "ORG"),
        ("Tobias Wren", "PERSON"),
        ("Pavel Markov", "PERSON"),
    ]


def test_entities_hyphenated_korean_name_with_titles(
    report: tuple[Document, tuple[Entity, ...]],
) -> None:
    doc, entities = report
    rhee = by_name(entities, "Rhee Dong-su")
    assert texts_at(doc, rhee) == ["Rhee Dong-su", "Rhee"]
    assert rhee.aliases == ("Rhee",)
    assert [r.text for r in rhee.roles] == ["Deputy Chief of the Naval Staff", "Adm."]
    role = rhee.roles[0]
    assert (role.span.start, role.span.end) == (26, 57)


def test_entities_surname_and_title_mentions_join_full_name(
    report: tuple[Document, tuple[Entity, ...]],
) -> None:
    doc, entities = report
    alenko = by_name(entities, "Dmitri Alenko")
    starts = [m.span.start for m in alenko.mentions]
    assert texts_at(doc, alenko) == ["Dmitri Alenko", "Alenko", "Alenko"]
    assert doc.text[starts[1] - 4 : starts[1]] == "Mr. "
    assert doc.text[starts[2] - 6 : starts[2]] == "Prof. "
    assert alenko.aliases == ("Alenko",)
    assert [r.text for r in alenko.roles] == [
        "a professor of maritime law at Tessel University",
        "Prof.",
    ]


def test_entities_same_surname_stay_apart(report: tuple[Document, tuple[Entity, ...]]) -> None:
    doc, entities = report
    anika, felix = by_name(entities, "Anika Brandt"), by_name(entities, "Felix Brandt")
    assert [r.text for r in anika.roles] == ["Mayor"]
    assert [r.text for r in felix.roles] == ["Dr.", "the trauma surgeon"]
    stable = doc.text.index('"They are stable," Brandt') + len('"They are stable," ')
    mayor = doc.text.index("Mayor Brandt said") + len("Mayor ")
    also = doc.text.index("Brandt also")
    # a bare "Brandt" joins the Brandt last mentioned (the surgeon) ...
    assert [m.span.start for m in felix.mentions][1:] == [stable]
    # ... unless its title picks the other; the next bare one follows the mayor
    assert [m.span.start for m in anika.mentions][1:] == [mayor, also]


def test_entities_photo_credit_dropped(report: tuple[Document, tuple[Entity, ...]]) -> None:
    _, entities = report
    names = {e.name for e in entities} | {a for e in entities for a in e.aliases}
    assert "Lena Ortsberg" not in names
    # the agency keeps its dateline mention, not its mention in the credit
    wire = by_name(entities, "Meridian Wire")
    assert [(m.span.start, m.span.end) for m in wire.mentions] == [(9, 22)]
    valmont = by_name(entities, "Valmont")
    assert [m.text for m in valmont.mentions] == ["VALMONT", "Valmont"]


def test_entities_photo_credit_bracket_style(backend: SpacyBackend) -> None:
    text = (
        "Inga Solberg spoke at the terminal.\n"
        "WRECKED: The bow of the Aster Grace [Photo by Tomas Vell/Clarion Images]"
    )
    entities = annotate(backend, text)
    assert "Inga Solberg" in {e.name for e in entities}
    assert not [e for e in entities if "Vell" in e.name or "Clarion" in e.name]


def test_entities_photographers_in_caption_lines(backend: SpacyBackend) -> None:
    text = (
        "Inga Solberg said the strait would reopen.\n\n"
        "The bow of the ferry Aster Grace in Valmont harbour. Lena Ortsberg/Meridian Wire\n\n"
        "Photo: Tomas Vell\n\n"
        "Photos by Anna Berg show the damage. Captain Henrik Maalstad said the radar failed."
    )
    names = [e.name for e in annotate(backend, text)]
    assert names == ["Inga Solberg", "Aster Grace", "Valmont", "Henrik Maalstad"]


def test_entities_titles_leave_person_span(backend: SpacyBackend) -> None:
    text = "Mayor Anika Brandt met Dr. Felix Brandt and Prof. Ida Lunde in Valmont."
    entities = annotate(backend, text)
    people = [e for e in entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["Anika Brandt", "Felix Brandt", "Ida Lunde"]
    assert [[r.text for r in e.roles] for e in people] == [["Mayor"], ["Dr."], ["Prof."]]


def test_entities_possessive_excluded(backend: SpacyBackend) -> None:
    text = "Dmitri Alenko's report was published. Alenko's warning was ignored."
    doc = make_document(text)
    entities = extract_entities(doc, backend(text))
    alenko = by_name(entities, "Dmitri Alenko")
    assert [m.text for m in alenko.mentions] == ["Dmitri Alenko", "Alenko"]
    assert all(not m.text.endswith("'s") for e in entities for m in e.mentions)


def test_entities_missed_korean_name_and_label_consistency(backend: SpacyBackend) -> None:
    text = (
        "North Korean envoy Ri Jong Ho arrived in Seoul on Tuesday. "
        "Talks with Ri Jong Ho lasted three hours, officials said."
    )
    entities = annotate(backend, text)
    ri = by_name(entities, "Ri Jong Ho")
    assert ri.type == "PERSON"
    assert len(ri.mentions) == 2
    assert {m.label for m in ri.mentions} == {"PERSON"}
    assert [r.text for r in ri.roles] == ["North Korean envoy"]


def test_entities_skip_numeric_types(report: tuple[Document, tuple[Entity, ...]]) -> None:
    _, entities = report
    assert not {"DATE", "CARDINAL", "TIME"} & {e.type for e in entities}


def test_entities_dateline_and_headline_caps(backend: SpacyBackend) -> None:
    text = (
        "FERRY CAPTAIN MAALSTAD BLAMES FOG\n"
        "TESSEL, Oct 12 (Meridian Wire) - Captain Henrik Maalstad said on Monday that "
        "visibility was poor. Maalstad has sailed the route for years."
    )
    entities = annotate(backend, text)
    assert by_name(entities, "TESSEL").type == "GPE"
    maalstad = by_name(entities, "Henrik Maalstad")
    assert [m.text for m in maalstad.mentions] == ["MAALSTAD", "Henrik Maalstad", "Maalstad"]
    assert [r.text for r in maalstad.roles] == ["Captain"]


def test_entities_entity_at(report: tuple[Document, tuple[Entity, ...]]) -> None:
    doc, entities = report
    start = doc.text.index('"They are stable," Brandt') + len('"They are stable," ')
    found = entity_at(entities, Span("d1", start, start + len("Brandt")))
    assert found is not None and found.name == "Felix Brandt"
    assert entity_at(entities, Span("d1", 0, 7)) is not None
    assert entity_at(entities, Span("other", start, start + 6)) is None
    said = doc.text.index("said on Monday")
    assert entity_at(entities, Span("d1", said, said + 4)) is None


def test_entities_empty_document(backend: SpacyBackend) -> None:
    assert annotate(backend, "the ferry was late again today.") == ()


def test_entities_bare_surname_prefers_the_one_called_by_surname(backend: SpacyBackend) -> None:
    text = (
        "Captain Henrik Maalstad said the radar failed. Maalstad said he had not slept. "
        "His wife, Marit Maalstad, sat beside him. Maalstad is the son of a ferry captain."
    )
    doc = make_document(text)
    entities = extract_entities(doc, backend(text))
    henrik, marit = by_name(entities, "Henrik Maalstad"), by_name(entities, "Marit Maalstad")
    last = text.rindex("Maalstad is")
    assert [m.span.start for m in henrik.mentions][-1] == last
    assert [m.text for m in marit.mentions] == ["Marit Maalstad"]
    assert [r.text for r in marit.roles] == ["His wife"]
    assert [r.text for r in henrik.roles] == ["Captain"]


def test_entities_described_as_person_or_vessel(backend: SpacyBackend) -> None:
    text = (
        "The Aster Grace, a ferry operated by Kessary Lines, left Valmont at dawn. Veteran "
        "skipper Henrik Maalstad, 58, was on the bridge. His wife, Marit, told the Clarion he "
        "was devastated."
    )
    entities = annotate(backend, text)
    assert by_name(entities, "Aster Grace").type == "PRODUCT"
    assert by_name(entities, "Marit").type == "PERSON"
    assert [r.text for r in by_name(entities, "Henrik Maalstad").roles] == [
        "Veteran skipper"
    ]  # its qualifier too


def test_entities_title_words_are_not_names(backend: SpacyBackend) -> None:
    text = "Deputy Harbour Master Inga Solberg said the strait would stay closed."
    entities = annotate(backend, text)
    assert [(e.name, e.type) for e in entities] == [("Inga Solberg", "PERSON")]
    assert [r.text for r in entities[0].roles] == ["Deputy Harbour Master"]


def test_entities_apposition_role_stops_before_relative_clause(backend: SpacyBackend) -> None:
    text = (
        "Lucan Ferreira, a minister at the embassy who has lobbied against the increase "
        "since March, said the crew were cooperating."
    )
    entities = annotate(backend, text)
    assert [r.text for r in by_name(entities, "Lucan Ferreira").roles] == [
        "a minister at the embassy"
    ]


# ---------------------------------------------------------------- cross-document


def test_merge_entities_across_story(backend: SpacyBackend) -> None:
    first = annotate(backend, REPORT, id="a")
    second = annotate(
        backend,
        "Alenko told the Northshore Post that the ministry had ignored his warnings. "
        "Mr. Brandt declined to comment.",
        id="b",
    )
    merged, mapping = merge_entities(first + second)
    alenko = by_name(merged, "Dmitri Alenko")
    assert alenko.docs == ("a", "b")
    assert len(alenko.mentions) == 4
    assert [r.text for r in alenko.roles] == [
        "a professor of maritime law at Tessel University",
        "Prof.",
    ]
    assert mapping["a:e4"] == mapping["b:e1"] == alenko.id
    # two full names share "Brandt": the bare one in document b stays on its own
    brandts = sorted(e.name for e in merged if "Brandt" in e.name)
    assert brandts == ["Anika Brandt", "Brandt", "Felix Brandt"]
    assert [e.id for e in merged] == [f"e{n}" for n in range(1, len(merged) + 1)]
    assert set(mapping) == {e.id for e in first + second}


def _entity(id: str, name: str, etype: str, doc: str, start: int) -> Entity:
    span = Span(doc, start, start + len(name))
    role = TextSpan(Span(doc, start + 40, start + 45), "owner")
    return Entity(id, name, etype, (), (role,), (Mention(span, name, etype),))


def test_merge_entities_majority_type_relabels_mentions() -> None:
    entities = [
        _entity("a:e1", "Kessary Lines", "ORG", "a", 0),
        _entity("b:e1", "Kessary Lines", "PERSON", "b", 10),
        _entity("c:e1", "Kessary Lines", "ORG", "c", 20),
        _entity("c:e2", "Valmont", "GPE", "c", 60),
    ]
    merged, mapping = merge_entities(entities)
    assert [(e.id, e.name, e.type) for e in merged] == [
        ("e1", "Kessary Lines", "ORG"),
        ("e2", "Valmont", "GPE"),
    ]
    assert {m.label for m in merged[0].mentions} == {"ORG"}
    assert merged[0].docs == ("a", "b", "c")
    assert [r.text for r in merged[0].roles] == ["owner"]
    assert mapping == {"a:e1": "e1", "b:e1": "e1", "c:e1": "e1", "c:e2": "e2"}


def test_merge_entities_surname_joins_unique_full_name() -> None:
    entities = [
        _entity("a:e1", "Dmitri Alenko", "PERSON", "a", 0),
        _entity("b:e1", "Alenko", "PERSON", "b", 0),
        _entity("b:e2", "Rhee", "PERSON", "b", 50),
        _entity("c:e1", "Rhee Dong-su", "PERSON", "c", 0),
    ]
    merged, mapping = merge_entities(entities)
    assert [e.name for e in merged] == ["Dmitri Alenko", "Rhee Dong-su"]
    assert merged[0].aliases == ("Alenko",)
    assert mapping["b:e2"] == mapping["c:e1"] == "e2"


def test_merge_entities_empty() -> None:
    assert merge_entities([]) == ((), {})


# ---------------------------------------------------------------- quality gate


@pytest.mark.slow
def test_entities_gate_conll_testa(backend: SpacyBackend) -> None:
    require_shared_data(SHARED_DATA / "conll2003_eng" / "eng.testa.jsonl")
    floors = json.loads((ROOT / "bench" / "floors" / "entities.json").read_text())
    results = bench_module("entities").run("testa", backend=backend)
    ours = results["newsdesk"]["micro"]["f1"]
    raw = results["raw_spacy"]["micro"]["f1"]
    assert ours >= floors["conll_testa_micro_f1"], results["newsdesk"]
    assert ours >= raw
    assert not math.isnan(ours)


def test_entities_floor_file_is_sane() -> None:
    floors = json.loads((Path(ROOT) / "bench" / "floors" / "entities.json").read_text())
    assert 0.0 < floors["conll_testa_micro_f1"] < 1.0


def _bare(id: str, name: str, etype: str, doc: str, role: str | None = None) -> Entity:
    span = Span(doc, 0, len(name))
    roles = (TextSpan(Span(doc, 30, 30 + len(role)), role),) if role else ()
    return Entity(id, name, etype, (), roles, (Mention(span, name, etype),))


def test_merge_entities_one_word_name_shown_by_nothing_is_not_a_person() -> None:
    """Issue 10: a one-word "person" that no role, title or full name shows to be one
    (a yacht that "rolled over", a town) is not listed as a person; a one-word name
    described as a person, or a word of a person's full name, stays a person."""
    entities = [
        _bare("a:e1", "Windrush", "PERSON", "a"),
        _bare("b:e1", "Windrush", "PERSON", "b"),
        _bare("b:e2", "Tessaly", "PERSON", "b"),
        _bare("c:e1", "Tessaly", "GPE", "c"),
        _bare("a:e2", "Oskarsson", "PERSON", "a", "the harbour master"),
        _bare("a:e3", "Ilse", "PERSON", "a", "his sister"),
        _bare("c:e2", "Brandt", "PERSON", "c"),
        _bare("c:e3", "Anika Brandt", "PERSON", "c"),
        _bare("c:e4", "Felix Brandt", "PERSON", "c"),
    ]
    merged, _ = merge_entities(entities)
    types = {e.name: e.type for e in merged}
    assert types == {
        "Windrush": "ORG",
        "Tessaly": "GPE",
        "Oskarsson": "PERSON",
        "Ilse": "PERSON",
        "Brandt": "PERSON",
        "Anika Brandt": "PERSON",
        "Felix Brandt": "PERSON",
    }
    assert {m.label for e in merged if e.name == "Tessaly" for m in e.mentions} == {"GPE"}


def test_entities_name_with_quoted_nickname_is_one_person(backend: SpacyBackend) -> None:
    """A name with a quoted nickname inside ('Marek "The Red" Olsza') is one PERSON, named
    in the story without the nickname's quotes splitting it."""
    text = (
        'Prosecutors called several informants, including Marek "The Red" Olsza, whose '
        "evidence sank the harbour gang in 2004."
    )
    doc = Document(id="n", text=text)
    people = [e for e in extract_entities(doc, backend(text)) if e.type == "PERSON"]
    assert [e.name for e in people] == ['Marek "The Red" Olsza']


def _people(backend: SpacyBackend, text: str) -> list[str]:
    return [e.name for e in annotate(backend, text) if e.type == "PERSON"]


def test_entities_noun_for_people_before_a_two_word_name_is_no_given_name(
    backend: SpacyBackend,
) -> None:
    """ "Owner Arte Lenz said": the capitalised noun for people the model left out before
    a name of two words is a description, not a given name to add."""
    assert _people(backend, "Owner Arte Lenz said the team would spend more next season.") == [
        "Arte Lenz"
    ]


def test_entities_adjective_opening_the_sentence_is_not_part_of_the_name(
    backend: SpacyBackend,
) -> None:
    """Issue 10: "Jobless Orvin Halloway, 31, was charged" names Orvin Halloway."""
    text = "Jobless Orvin Halloway, 31, was charged on Monday. Halloway denies it."
    assert _people(backend, text) == ["Orvin Halloway"]


def test_entities_country_of_a_title_is_not_part_of_the_name(backend: SpacyBackend) -> None:
    """Issue 10: "Ambassador to Russia Andrew Holt" (one ORG span of the model) names
    Andrew Holt."""
    text = "Asked about it, British Ambassador to Russia Andrew Holt said he would not comment."
    assert _people(backend, text) == ["Andrew Holt"]


@pytest.mark.parametrize(
    "text",
    [
        "Customers of Varnex Telecom lost service on Monday, Varnex Telecom said.",
        "Veltrix Egypt and two other providers lost service after the cable was cut.",
    ],
)
def test_entities_company_names_are_not_people(backend: SpacyBackend, text: str) -> None:
    """Issue 10: a company word or a country after a brand ends a company's name."""
    assert _people(backend, text) == []


def test_entities_name_of_a_building_is_not_a_person(backend: SpacyBackend) -> None:
    """Issue 10: "at the Ada Lunde Center" ... "back at Ada Lunde": a clinic, not a person."""
    text = (
        "She was treated at the Ada Lunde Center in Valmont last year.\n"
        "She is back at Ada Lunde now, her lawyer said."
    )
    assert "Ada Lunde" not in _people(backend, text)


def test_entities_headline_words_are_not_part_of_the_name(backend: SpacyBackend) -> None:
    """Issue 10: on a title-case headline line with no final stop, a PERSON span that runs
    on into the headline stops before its verb (the word ahead of "Into")."""
    text = "Orvin Halloway Checks Into Clinic, Leaves An Hour Later\nThe singer arrived."
    parsed = backend(text)
    cand = Cand(0, 5, "PERSON")
    headline_names(parsed, [cand])
    assert cand.text(parsed) == "Orvin Halloway"


def test_entities_headline_name_stops_at_a_name_given_elsewhere(backend: SpacyBackend) -> None:
    text = "Orvin Halloway Checks Into Clinic\nHalloway arrived on Monday."
    parsed = backend(text)
    cands = [Cand(0, 5, "PERSON"), Cand(6, 7, "PERSON")]
    headline_names(parsed, cands)
    assert cands[0].text(parsed) == "Orvin Halloway"


def test_entities_name_in_a_sentence_is_not_cut_as_a_headline(backend: SpacyBackend) -> None:
    text = "Orvin Halloway Checks Into Clinic is the title of his memoir."
    parsed = backend(text)
    cand = Cand(0, 5, "PERSON")
    headline_names(parsed, [cand])
    assert cand.end == 5


def test_entities_headline_keeps_a_generational_suffix(backend: SpacyBackend) -> None:
    text = "Verdict For Orvin Pell Halloway Jr. Due Today\nOrvin Pell Halloway was in court."
    assert all(not n.endswith(("Halloway Due", "Today")) for n in _people(backend, text))


def test_entities_given_name_with_an_apostrophe_joins_the_name(backend: SpacyBackend) -> None:
    """Issue 10: "Ka'Vona Lise Brandt": the parse attaches the given name the model left
    out."""
    text = "The court heard that Halloway shot Ka'Vona Lise Brandt of Valmont in April."
    assert "Ka'Vona Lise Brandt" in _people(backend, text)


def test_entities_name_with_particles_is_one_person(backend: SpacyBackend) -> None:
    """Issue 10: "Ivo van der Brandt" is one name, not "Ivo van" and "Brandt"."""
    text = "In a statement, Trade Commissioner Ivo van der Brandt condemned the attack."
    assert "Ivo van der Brandt" in _people(backend, text)


def test_entities_headline_words_before_a_name_are_cut(backend: SpacyBackend) -> None:
    """A PERSON span the headline's words run into ("Murdering Sheriff Halloway") is cut
    back to the name the body gives, when the words cut are verbs or lowercase words of
    the body; a given name ahead of a surname the body uses alone stays."""
    text = "Deputies Catch Murdering Halloway In Valmont\nHalloway was murdering for years."
    parsed = backend(text)
    start = next(t.i for t in parsed if t.text == "Murdering")
    body = next(t.i for t in parsed if t.text == "Halloway" and t.idx > 20)
    cands = [Cand(start, start + 2, "PERSON"), Cand(body, body + 1, "PERSON")]
    headline_names(parsed, cands)
    assert cands[0].text(parsed) == "Halloway"
    text = "Orvin Halloway\nHalloway was in court."
    parsed = backend(text)
    cands = [Cand(0, 2, "PERSON"), Cand(3, 4, "PERSON")]
    headline_names(parsed, cands)
    assert cands[0].text(parsed) == "Orvin Halloway"


def test_entities_headline_name_with_a_nickname_is_kept(backend: SpacyBackend) -> None:
    text = "Orvin 'The Hat' Halloway\nThe singer arrived."
    parsed = backend(text)
    cand = Cand(0, 6, "PERSON")
    headline_names(parsed, [cand])
    assert cand.end == 6


# ---------------------------------------------------------------- issue 10: who is who


@pytest.mark.parametrize(
    "text",
    [
        # a spaced country abbreviation is no person's initial
        "The quake was measured by the U. S. Geological Survey, officials said. Later the "
        "U. S. Supreme Court met in Valmont.",
        # the "A." of an interview transcript opens an answer, not a name
        "Did Marlow Finch try to sway the board? A. Absolutely. But the board said no.",
    ],
)
def test_entities_regression_10_no_person_from_initials(backend: SpacyBackend, text: str) -> None:
    assert [e.name for e in annotate(backend, text) if e.type == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        # a rank abbreviation cut off by a sentence break is no person of its own
        (
            "Norland leader Col. Oskar Lindqvist arrived on Monday. Col. Lindqvist met the press.",
            "Oskar Lindqvist",
            ("Lindqvist",),
        ),
        # a post in capitals and the words before it are a description, not the name
        (
            "Colts QB Andrew Vantreese threw two passes, and the defence made a stop.",
            "Andrew Vantreese",
            (),
        ),
        # a function word shouted after a name is not part of it
        (
            "The return man Devon Wylocki fumbled twice. With four minutes left in the game, "
            "Wylocki AGAIN brought the kick out.",
            "Devon Wylocki",
            ("Wylocki",),
        ),
        # two pieces of one name cut apart by the model are one name
        (
            "The envoy spoke at the invitation of President Zine El Abidine Ben Ali, an "
            "official statement said.",
            "Zine El Abidine Ben Ali",
            (),
        ),
        # a lone word opening the one full name of the document is that person
        (
            "Officials questioned Gao Hongwei and Tarek Lindqvist on Monday. Gao, who helped "
            "organise the party, was released.",
            "Gao Hongwei",
            ("Gao",),
        ),
    ],
)
def test_entities_regression_10_person_names(
    backend: SpacyBackend, text: str, name: str, aliases: tuple[str, ...]
) -> None:
    person = by_name(annotate(backend, text), name)
    assert person.type == "PERSON"
    assert person.aliases == aliases


def test_entities_regression_10_descriptor_written_lowercase(backend: SpacyBackend) -> None:
    """A first word the document also writes in lowercase is a description ("Cornerback")."""
    text = (
        "Late in the game cornerback Darin Hollister made a stop. Cornerback Vontae "
        "Brisket Lamar recorded an interception."
    )
    names = [e.name for e in annotate(backend, text) if e.type == "PERSON"]
    assert "Cornerback Vontae Brisket Lamar" not in names


def test_entities_regression_10_relative_named_in_passing(backend: SpacyBackend) -> None:
    """A surname after "said daughter Xu Lanfang" stays with the person the passage is about."""
    text = (
        "The trial of dissident Xu Wenhai ended on Friday. Xu Wenhai was sentenced to 13 "
        'years. "He will not appeal," said daughter Xu Lanfang, a student. Police detained '
        "friends of Xu before the trial. Xu, 55, is a former electrician."
    )
    entities = annotate(backend, text)
    assert len(by_name(entities, "Xu Wenhai").mentions) == 4
    assert len(by_name(entities, "Xu Lanfang").mentions) == 1


def test_entities_regression_10_honorific_gender_picks_the_person(backend: SpacyBackend) -> None:
    """ "Miss Pennick" is the sister, not the brother named since."""
    text = (
        "Police found the bodies of Alice Marrow, 58, and his sister Katie Pennick, 20. "
        "John Pennick, 23, was charged. Miss Pennick was a student."
    )
    entities = annotate(backend, text)
    assert by_name(entities, "Katie Pennick").aliases == ("Pennick",)
    assert len(by_name(entities, "John Pennick").mentions) == 1


def test_entities_regression_10_company_short_form_is_no_person() -> None:
    """A "person" the story also writes with a company word after it is the company."""
    merged, _ = merge_entities(
        [
            _bare("a:e1", "Veltrixa", "PERSON", "a", role="partner"),
            _bare("b:e1", "Veltrixa Inc.", "ORG", "b"),
            _bare("b:e2", "Lunde Skiing", "PERSON", "b"),
            _bare("b:e3", "Lunde Skiing Corp.", "ORG", "b"),
            _bare("c:e1", "Ivo Brandt", "PERSON", "c", role="Mayor"),
            _bare("c:e2", "Ivo Brandt Holdings", "ORG", "c"),
        ]
    )
    types = {e.name: e.type for e in merged}
    assert types["Veltrixa"] == "ORG"
    assert types["Lunde Skiing"] == "ORG"
    assert types["Ivo Brandt"] == "PERSON"  # a mayor: a person with a company of his name


def test_entities_quoted_title_of_a_work_is_no_person(backend: SpacyBackend) -> None:
    """A name every mention of which is a whole quotation is a film's or a book's title;
    a person whose name also stands outside quotes stays a person."""
    text = (
        'Mara Voss became famous with "Jack Dunmore," a comedy. "Lena Dorn," he said, "is a '
        'fine writer." Lena Dorn said nothing.'
    )
    types = {e.name: e.type for e in annotate(backend, text)}
    assert types["Jack Dunmore"] == "WORK_OF_ART"
    assert types["Mara Voss"] == types["Lena Dorn"] == "PERSON"


def test_entities_capitalised_stop_words_that_are_names_stay(backend: SpacyBackend) -> None:
    """ "AGAIN" after a name is emphasis, but "the WHO" and "the US" are names whole."""
    text = "The WHO said that officials in the US had reported new cases of the flu."
    names = {e.name for e in annotate(backend, text)}
    assert {"WHO", "US"} <= names


def test_gender_of_is_told_by_honorifics_and_nouns_never_by_first_names() -> None:
    from newsdesk.lang.en.people import gender_of, names_people

    assert [gender_of(w) for w in ("mrs", "dame", "sister", "mr", "nephew")] == list("fffmm")
    assert gender_of("anna") is None and gender_of("official") is None
    assert names_people("official") and names_people("surgeon") and names_people("captain")
    assert not names_people("regulator", by_ending=False) and names_people("regulator")


# ---------------------------------------------------------------- not people


def test_entities_outlet_described_by_its_noun_is_not_a_person(backend: SpacyBackend) -> None:
    text = "The plan was leaked to the press. A newspaper, Ostrava Vecer, published it in full."
    people = [e.name for e in annotate(backend, text) if e.type == "PERSON"]
    assert "Ostrava Vecer" not in people


def test_entities_headline_name_the_body_gives_stays_a_person(backend: SpacyBackend) -> None:
    text = (
        "Defiant Brandt Vows Appeal in Valmont\n"
        "Mayor Ivo Brandt said on Friday that he would appeal the ruling, his office said."
    )
    brandt = by_name(annotate(backend, text), "Ivo Brandt")
    assert brandt.type == "PERSON"
    assert "Brandt" in brandt.aliases


def test_entities_opening_preposition_is_not_a_given_name(backend: SpacyBackend) -> None:
    text = "The shuttle docked on Friday. Aboard Kestrel is a passageway named Unity."
    names = [e.name for e in annotate(backend, text)]
    assert "Aboard Kestrel" not in names


def test_entities_inverted_attribution_verb_is_not_a_given_name(backend: SpacyBackend) -> None:
    text = (
        'Union director Ivo Brandt spoke on Monday. "We will not sign," he said. Added '
        'Brandt, "We owe it to the fans."'
    )
    entities = annotate(backend, text)
    assert [e.name for e in entities if e.type == "PERSON"] == ["Ivo Brandt"]
    assert "Brandt" in by_name(entities, "Ivo Brandt").aliases


def test_merge_entities_given_name_spellings_across_documents_join() -> None:
    entities = [
        _entity("a:e1", "Robyn Ann Velde", "PERSON", "a", 0),
        _entity("b:e1", "Robin Velde", "PERSON", "b", 0),
        _entity("c:e1", "Marian Hale", "PERSON", "c", 0),
        _entity("c:e2", "Marion Hale", "PERSON", "c", 60),
    ]
    merged, _ = merge_entities(entities)
    assert [e.name for e in merged] == ["Robyn Ann Velde", "Marian Hale", "Marion Hale"]
    assert merged[0].aliases == ("Robin Velde",)


def test_entities_surname_after_a_list_of_names_stays_with_the_one_called_so(
    backend: SpacyBackend,
) -> None:
    """Two people share a surname: the bare surname after a list naming the second stays
    with the person the article already calls by it."""
    text = (
        "Daniel Carver, of Oakdale, was charged on Tuesday. Carver faces two counts of "
        "murder. Carver was arrested last night at his home. Susan Carver and Emily Dunn "
        "are the victims. Police believe finding Carver so quickly saved lives."
    )
    doc = make_document(text)
    entities = extract_entities(doc, backend(text))
    daniel, susan = by_name(entities, "Daniel Carver"), by_name(entities, "Susan Carver")
    assert [m.span.start for m in daniel.mentions][-1] == text.rindex("Carver so")
    assert [m.text for m in susan.mentions] == ["Susan Carver"]


def test_entities_state_abbreviation_ending_a_sentence_is_no_initial(
    backend: SpacyBackend,
) -> None:
    text = (
        "The talk was given at Stockton College, in Pomona, N.J. Instead, he said, the "
        "laws send a message. K. Curran agreed."
    )
    names = [e.name for e in annotate(backend, text) if e.type == "PERSON"]
    assert names == ["K. Curran"]


def test_entities_description_opening_a_line_is_not_a_given_name(backend: SpacyBackend) -> None:
    text = (
        "Harbour Drama: Tom Lenz revealed as new star\n"
        "Actor Tom Lenz will play the lead, the broadcaster said. Tom Lenz, 55, is a "
        "veteran of the stage."
    )
    people = [e.name for e in annotate(backend, text) if e.type == "PERSON"]
    assert "Tom Lenz" in people
    assert "Actor Tom Lenz" not in people


def test_entities_name_made_a_modifier_by_a_hyphen_stays_the_name(
    backend: SpacyBackend,
) -> None:
    text = (
        "Prime Minister Hun Sen said on Monday that talks would resume. The Hun Sen-led "
        "government agreed. Adm. Rhee Dong-su said so."
    )
    people = [e.name for e in annotate(backend, text) if e.type == "PERSON"]
    assert people == ["Hun Sen", "Rhee Dong-su"]


def test_entities_noun_for_people_before_a_given_name_is_a_role(backend: SpacyBackend) -> None:
    text = (
        "Texas Ranger Tom Lenz testified on Monday. Polygamist Walter Lenz was convicted. "
        "Agent John Marsh said the raid was planned."
    )
    people = [e.name for e in annotate(backend, text) if e.type == "PERSON"]
    assert people == ["Tom Lenz", "Walter Lenz", "John Marsh"]


def test_entities_street_address_initial_is_no_name(backend: SpacyBackend) -> None:
    text = "She was walking into the store at 200 W. Harbour Blvd. with her husband."
    assert [e.name for e in annotate(backend, text) if e.type == "PERSON"] == []


def test_entities_name_cut_from_an_exclaimed_headline(backend: SpacyBackend) -> None:
    text = (
        "Harbour Drama Revealed: Tom Lenz Cast as the New Captain!\n"
        "The broadcaster said on Sunday that Tom Lenz would play the captain in the series."
    )
    assert [e.name for e in annotate(backend, text) if e.type == "PERSON"] == ["Tom Lenz"]


def test_entities_name_modifying_a_shop_noun_is_a_brand(backend: SpacyBackend) -> None:
    parsed = backend("Thieves robbed a Marit Lunde boutique in Valmont on Friday.")
    assert mention_kind(parsed, 3, 5) == "ORG"


def test_entities_headline_words_are_not_a_person(backend: SpacyBackend) -> None:
    parsed = backend(
        "Bold Harbour Heist in Old Valmont\n"
        "Four armed robbers entered the store on the avenue near the river, police said."
    )
    assert headline_phrases(parsed, [Cand(0, 3, "PERSON")]) == []
    body_name = backend(
        "Bold Harbour Heist in Old Valmont\n"
        "Four armed robbers entered the store, the shop's owner, Ada Heist, said on Friday."
    )
    assert len(headline_phrases(body_name, [Cand(0, 3, "PERSON")])) == 1
    # a team the body writes after "the" is no surname ("Colts Top Jags" / "the Jags")
    team = backend(
        "Gulls Beat Ravens At Valmont Park\n"
        "The Gulls led from the start and the Ravens never caught up on Saturday night."
    )
    assert headline_phrases(team, [Cand(0, 3, "PERSON")]) == []


GULLS_BODY = "Ivo Vale scored 23 points as the Gulls beat Harwick 65-53 on Friday night at home."


@pytest.mark.parametrize(
    ("headline", "name", "kept"),
    [
        ("Vale Sets Record as Skerrholm Gulls Tops Harwick", "Tops Harwick", False),
        ("Ott Vale Returns to Valmont With Win Over Harwick", "Vale Returns", False),
        ("Gulls Beat Harwick as Ivo Vale Scores 23", "Ivo Vale", True),
    ],
)
def test_entities_a_headline_verb_is_no_part_of_a_name(
    backend: SpacyBackend, headline: str, name: str, kept: bool
) -> None:
    """A "person" of the headline whose first or last word is the headline's verb in the
    present tense ("Tops", "Returns"), a word the body never writes as a name, is none;
    a name the headline shares with the body is kept."""
    parsed = backend(f"{headline}\n{GULLS_BODY}")
    span = parsed.char_span(headline.index(name), headline.index(name) + len(name))
    assert span is not None
    found = headline_phrases(parsed, [Cand(span.start, span.end, "PERSON")])
    assert len(found) == int(kept)


def test_entities_a_time_stamp_names_nobody(backend: SpacyBackend) -> None:
    text = f"PUBLISHED FRIDAY, MARCH 6, 2026 AT 9:40 AM / UPDATED AT 9:48 AM\n{GULLS_BODY}"
    names = {e.name for e in annotate(backend, text)}
    assert "Ivo Vale" in names
    assert not any("PUBLISHED" in n or "FRIDAY" in n or n == "AM" for n in names), names


def test_entities_two_surnames_joined_by_and_are_no_family_name() -> None:
    assert _family_name("Marit Lunde", {"lunde"})
    assert _family_name("Ivo van Lunde", {"lunde"})  # a particle is a name's word
    assert not _family_name("Brandt and Lunde", {"lunde"})
    assert not _family_name("Brandt called Lunde", {"lunde"})


@pytest.mark.parametrize(
    ("text", "start", "end", "label", "name"),
    [
        ("Kevin Marsh said, ``Ivo Brandt was right.''", 4, 8, "WORK_OF_ART", "Ivo Brandt"),
        ("Officers from Valmont Police arrived.", 2, 4, "PERSON", "Valmont Police"),
        ("Pirates seized the MV Aster on Friday.", 3, 5, "PERSON", "MV Aster"),
    ],
)
def test_entities_pieces_trim_and_label(
    backend: SpacyBackend, text: str, start: int, end: int, label: str, name: str
) -> None:
    parsed = backend(text)
    [piece] = pieces(parsed, start, end, label)
    assert piece.text(parsed) == name
    expected = {"Valmont Police": "ORG", "MV Aster": "PRODUCT"}.get(name, label)
    assert piece.label == expected


def test_entities_title_before_a_place_word_is_no_person(backend: SpacyBackend) -> None:
    text = "The ferry to Prince Albert Island was cancelled on Monday."
    names = [e.name for e in annotate(backend, text) if e.type == "PERSON"]
    assert "Albert Island" not in names


def test_entities_name_written_with_its_own_article_is_not_a_person(
    backend: SpacyBackend,
) -> None:
    """A "person" the text writes with an article or "its" of its own ("the 15-inch Corvax
    Nimbus", "a Corvax Nimbus") is a product; a person with an adjective ("the popular
    Tom Hale") stays one."""
    text = (
        "Velmont unveiled the 15-inch Corvax Nimbus on Tuesday. The Corvax Nimbus ships in "
        "March, and a Corvax Nimbus costs less than its rival. Analysts said the Corvax "
        "Nimbus would sell well."
    )
    assert by_name(annotate(backend, text), "Corvax Nimbus").type == "PRODUCT"
    text = "The popular Tom Hale won again on Sunday, his coach said."
    assert by_name(annotate(backend, text), "Tom Hale").type == "PERSON"


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["PERSON", "ORG", "ORG"], "ORG"),  # a college the model took once for a person
        (["PERSON", "PERSON", "ORG"], "PERSON"),
        (["PERSON", "GPE", "GPE"], "PERSON"),  # a surname read as a place stays a person
    ],
)
def test_entities_one_word_read_as_an_organisation_more_often_is_one(
    backend: SpacyBackend, labels: list[str], expected: str
) -> None:
    parsed = backend("Harwick won. Harwick lost. Harwick drew.")
    cands = [Cand(i, i + 1, label) for i, label in zip((0, 3, 6), labels, strict=True)]
    harmonise(parsed, cands, set())
    assert {c.label for c in cands} == {expected}


def test_entities_two_words_read_once_as_a_person_are_a_person(backend: SpacyBackend) -> None:
    parsed = backend("Ana Harwick won. Ana Harwick lost. Ana Harwick drew.")
    cands = [Cand(0, 2, "PERSON"), Cand(4, 6, "ORG"), Cand(8, 10, "ORG")]
    harmonise(parsed, cands, set())
    assert {c.label for c in cands} == {"PERSON"}


def test_entities_a_surname_before_a_generational_suffix() -> None:
    assert surnames_of("Tobias Arn Kelder Jr.") == ["Kelder"]
    assert surnames_of("Tobias Kelder III") == ["Kelder"]
    assert surnames_of("Fred Jr.") == ["Jr."]  # a given name and a suffix: no surname
