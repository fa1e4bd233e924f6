"""Entities: names that are no person's (a transcript's "Q.", a place's abbreviation before
an outlet's word, a body whose name opens with a title's word or ends in an acronym, an
organisation named "... in <Place>"), people the model or a description took for
something else, and one person written two ways across a story. Fictional texts, real
parses."""

from __future__ import annotations

import pytest

from newsdesk.annotate.entities import extract_entities, merge_entities
from newsdesk.annotate.ner_fixes import Cand, pieces
from newsdesk.annotate.ner_spread import harmonise
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.annotate.resolve import name_key, story_targets
from newsdesk.model import Entity, Mention, Span, TextSpan
from tests.conftest import make_document


def annotate(backend: SpacyBackend, text: str) -> dict[str, str]:
    """Name → type of the entities of one document."""
    entities: tuple[Entity, ...] = extract_entities(make_document(text), backend(text))
    return {e.name: e.type for e in entities}


def people(backend: SpacyBackend, text: str) -> set[str]:
    """The names of the people of one document."""
    return {name for name, kind in annotate(backend, text).items() if kind == "PERSON"}


def test_entities_transcript_question_mark_is_no_initial(backend: SpacyBackend) -> None:
    # "Q." and "A." both open sentences: an interview, so "Q. Orland" is no "K. Curran"
    text = (
        "Q. Orland is the second-biggest oil company. Why does it need to grow? "
        "A. In the first decade, it grew."
    )
    assert not people(backend, text)


def test_entities_initial_before_a_name_outside_a_transcript_is_a_person(
    backend: SpacyBackend,
) -> None:
    assert people(backend, "J.J. Kestrel scored twice. K. Curran said so.") == {
        "J.J. Kestrel",
        "K. Curran",
    }


@pytest.mark.parametrize(
    "text",
    [
        "According to this L.A. Times story, the Hawks have made an offer.",
        "The offer was first reported by the N.Y. Times on Monday.",
    ],
)
def test_entities_place_abbreviation_is_no_initial(backend: SpacyBackend, text: str) -> None:
    assert not people(backend, text)


def test_entities_body_opening_with_a_title_word_is_no_person(backend: SpacyBackend) -> None:
    # "Major" is a rank, but "League" is a body's word: no "League Baseball" with a title
    found = annotate(
        backend, "There are teams in Major League Baseball not named the Valmont Hawks."
    )
    assert found.get("Major League Baseball") == "ORG"
    assert "League Baseball" not in found


def test_entities_title_before_a_name_the_model_took_for_a_body_is_a_person(
    backend: SpacyBackend,
) -> None:
    assert people(backend, "Prince Ivo Lunde visited the ward.") == {"Ivo Lunde"}


def test_entities_place_and_acronym_is_a_body(backend: SpacyBackend) -> None:
    # a place, then an acronym the document also writes alone: a local branch
    text = (
        "Sgt. Ivo Brandt told reporters that Tessel RCMP began an investigation. "
        "Residents had asked RCMP to act."
    )
    found = annotate(backend, text)
    assert found["Tessel RCMP"] == "ORG"
    assert people(backend, text) == {"Ivo Brandt"}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Ivo Brandt III came to the hearing. III was there.", "PERSON"),  # a suffix
        ("Tessel RCMP came to the hearing. Residents asked RCMP to act.", "ORG"),
        ("IVO BRANDT came to the hearing. BRANDT said so.", "PERSON"),  # all shouted
        ("Ivo Brandt QC came to the hearing.", "PERSON"),  # letters after a name
    ],
)
def test_entities_person_ending_in_capitals(backend: SpacyBackend, text: str, label: str) -> None:
    parsed = backend(text)
    end = text.index(" came")
    [piece] = pieces(parsed, 0, parsed.char_span(0, end).end, "PERSON")
    assert piece.label == label


def test_entities_oil_ends_a_companys_name(backend: SpacyBackend) -> None:
    text = "Back then Orland had two companies: Norland Oil of Valmont and Vacuna Oil."
    found = annotate(backend, text)
    assert found.get("Vacuna Oil") == "ORG"


def test_entities_organisation_named_in_a_place_is_one_name(backend: SpacyBackend) -> None:
    # the document never writes "Human Rights" without "in Orskia": one organisation
    text = (
        "Ivo Lenz, director of Norland-based Human Rights in Orskia, said so. "
        "The letter was released by Human Rights in Orskia on Wednesday."
    )
    found = annotate(backend, text)
    assert found["Human Rights in Orskia"] == "ORG"
    assert "Human Rights" not in found and "Orskia" not in found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the model's own words before a ferry: "in Valmont" is where it lies
        ("The bow of the ferry Aster Grace in Valmont harbour was torn.", "Valmont"),
        # "the Red Cross" alone elsewhere: a body working in a place
        ("The Red Cross in Orskia sent food. The Red Cross said more was coming.", "Orskia"),
        # a company's name, no plural: "in Valmont" says where it is
        ("Shares of Kessary Lines in Valmont fell sharply on Monday.", "Valmont"),
        # a court, a university: "in Orskia" says where it stands
        ("The case went to the Valmont District Court in Orskia on Monday.", "Orskia"),
        ("Students at Tessel University in Orskia marched on Monday.", "Orskia"),
    ],
)
def test_entities_body_in_a_place_keeps_the_place(
    backend: SpacyBackend, text: str, place: str
) -> None:
    found = annotate(backend, text)
    assert place in found
    assert not [name for name in found if name.endswith(f" in {place}")]


def test_entities_given_name_described_by_a_noun_for_people_is_a_person(
    backend: SpacyBackend,
) -> None:
    # "jeweler" may name a shop, but "Gary Kestrel" opens with a given name
    text = (
        "In Valmont, Gary Kestrel, a conservative jeweler challenging Mrs. Vale, says so. "
        "Kestrel said he would win."
    )
    assert annotate(backend, text)["Gary Kestrel"] == "PERSON"


def _entity(doc: str, name: str, kind: str, aliases: tuple[str, ...] = ()) -> Entity:
    mentions = tuple(Mention(Span(doc, 0, len(f)), f, kind) for f in (name, *aliases))
    return Entity(f"{doc}:e1", name, kind, aliases, (), mentions)


def _person_with_role(doc: str, name: str, role: str) -> Entity:
    """A PERSON entity of one mention with one role written after it."""
    return Entity(
        f"{doc}:e1",
        name,
        "PERSON",
        (),
        (TextSpan(Span(doc, 20, 20 + len(role)), role),),
        (Mention(Span(doc, 0, len(name)), name, "PERSON"),),
    )


def test_merge_entities_bare_surname_labelled_as_a_place_joins_its_person() -> None:
    # another report writes "Brandtmoor" alone for Ivo Brandtmoor: one person
    merged, _ = merge_entities(
        [
            _entity("a", "Ivo Brandtmoor", "PERSON", ("Brandtmoor",)),
            _entity("b", "Ivo Brandtmoor", "PERSON", ("Brandtmoor",)),
            _entity("c", "Brandtmoor", "LOC"),
        ]
    )
    assert [(e.name, e.type, len(e.mentions)) for e in merged] == [("Ivo Brandtmoor", "PERSON", 5)]


@pytest.mark.parametrize(
    "entities",
    [
        # a country stays a country beside a person of that surname
        [_entity("a", "Ana Norland", "PERSON", ("Norland",)), _entity("b", "Norway", "GPE")],
        # two people called by that surname: whose it is cannot be told
        [
            _entity("a", "Ana Vale", "PERSON", ("Vale",)),
            _entity("b", "Ivo Vale", "PERSON", ("Vale",)),
            _entity("c", "Vale", "ORG"),
        ],
    ],
)
def test_merge_entities_bare_name_without_one_owner_stays_apart(
    entities: list[Entity],
) -> None:
    merged, _ = merge_entities(entities)
    assert len(merged) == len(entities)


def test_merge_entities_company_short_form_with_a_rank_word_inside_a_role() -> None:
    # "major" in "the owner of three major ski runs" is no rank: the short form of the
    # company "Tessel Skiing Co." is the company
    person = _person_with_role("a", "Tessel Skiing", "the owner of three major ski runs")
    merged, _ = merge_entities([person, _entity("a", "Tessel Skiing Co.", "ORG")])
    assert {e.name: e.type for e in merged}["Tessel Skiing"] == "ORG"


def test_resolve_given_names_romanised_two_ways_join() -> None:
    # one long given name, its first letter written "K" in one report and "G" in another
    names = {name_key(n): n for n in ("Kastellan Oruzbayev", "Gastellan Oruzbayev")}
    targets = story_targets(names, {k: frozenset({k}) for k in names})
    assert targets["kastellan oruzbayev"] == targets["gastellan oruzbayev"]


def test_resolve_short_given_names_a_letter_apart_stay_two() -> None:
    names = {name_key(n): n for n in ("Dana Oruzbayev", "Gana Oruzbayev")}
    targets = story_targets(names, {k: frozenset({k}) for k in names})
    assert targets["dana oruzbayev"] != targets["gana oruzbayev"]


def test_entities_end_of_a_longer_name_after_the_is_a_body(backend: SpacyBackend) -> None:
    # the model's "person" "Pride Agenda" ends "the Empire State Pride Agenda"
    text = (
        "Vale won the backing of the Empire State Pride Agenda. Ana Kors, executive "
        "director of the Empire State Pride Agenda, cited his record."
    )
    found = annotate(backend, text)
    assert found["Empire State Pride Agenda"] == "ORG"
    assert not [name for name in people(backend, text) if "Agenda" in name]


def test_entities_a_name_written_once_with_its_own_the_is_no_person(
    backend: SpacyBackend,
) -> None:
    # "the Harwick Bobcats": a team, though its other mentions have no article ("Harwick
    # Bobcats coach"); a person is "the popular Ana Lenz", never "the Ana Lenz"
    text = (
        "Ivo Vale scored twice as Valmont beat the Harwick Bobcats on Sunday. Harwick Bobcats "
        "coach Ana Lenz said the team was tired. Harwick Bobcats fans left early."
    )
    found = annotate(backend, text)
    assert found["Harwick Bobcats"] == "ORG"
    assert found["Ana Lenz"] == "PERSON"


def test_entities_a_nickname_with_the_keeps_its_person(backend: SpacyBackend) -> None:
    # "The Donald": a nickname of one of the words of a person's name
    text = (
        "Donald Vale spoke for an hour on Monday. Supporters cheered as Vale walked on stage. "
        "“Here comes Big Daddy,” she said. “The Donald.” Vale thanked the crowd."
    )
    assert annotate(backend, text)["Donald Vale"] == "PERSON"


def test_entities_person_after_the_and_a_title_stays_a_person(backend: SpacyBackend) -> None:
    text = "He met the Texas Ranger Tom Lenz on Monday. Lenz spoke."
    assert "Tom Lenz" in people(backend, text)


@pytest.mark.parametrize(
    "text",
    [
        '"I do not know who to vote for," said Tamsa, 45, a Valmont resident who declined '
        "to give her surname.",
        '"I do not know who to vote for," Tamsa, a resident of Valmont who declined to '
        "give her surname, said.",
    ],
)
def test_entities_name_described_as_a_resident_is_a_person(
    backend: SpacyBackend, text: str
) -> None:
    # the model says a place or a work; "a Valmont resident" says a person
    [tamsa] = [e for e in extract_entities(make_document(text), backend(text)) if e.name == "Tamsa"]
    assert tamsa.type == "PERSON"
    [merged], _ = merge_entities([tamsa])
    assert merged.type == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "ADA RENN STAYS IN TALKS TO DIRECT 'EMBER' SEQUEL\nWednesday, 04 April 2026 10: 30\n"
        "After opening to the third biggest weekend ever, the studio Lumen said on Monday "
        "that talks with director Ada Renn go on.",
        "Ada Renn won't direct 'Ember' sequel\nApril 7th, 2026 12: 30pm EDT\n"
        "Filmmaker Ada Renn has reportedly pulled out of the sequel, the studio Lumen said.",
    ],
)
def test_entities_a_day_a_month_or_a_time_zone_is_no_body(backend: SpacyBackend, text: str) -> None:
    """The stamp under a headline gave "Wednesday", "April" and "EDT" as organisations."""
    found = annotate(backend, text)
    assert not {"Wednesday", "April", "EDT"} & found.keys()
    assert found["Ada Renn"] == "PERSON" and found["Lumen"] == "ORG"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Jeff Terrow, MD, a surgeon at the clinic, said the patient was stable.", "Jeff Terrow"),
        ("Ann Valerin, M. D., M. B. A., who runs the clinic, said it would reopen.", "Ann Valerin"),
        ("Tom Roeland, PhD, a chemist, said the sample was clean.", "Tom Roeland"),
    ],
)
def test_entities_credential_after_a_name_is_no_entity(
    backend: SpacyBackend, text: str, person: str
) -> None:
    # degrees written after a name and a comma: no place, no person, no part of the name
    assert annotate(backend, text) == {person: "PERSON"}


def test_entities_state_after_a_place_is_no_credential(backend: SpacyBackend) -> None:
    found = annotate(backend, "The firm moved from Bethesda, MD, to Valmont last year.")
    assert found.get("MD") == "GPE"


@pytest.mark.parametrize(
    ("entities", "name"),
    [
        # a player written as a modifier: the singular of the team's name
        (
            [
                _entity("a", "Tar Marmots", "ORG"),
                _entity("b", "Tar Marmot", "PERSON"),
                _entity("c", "Tar Marmot", "PERSON"),
            ],
            "Tar Marmots",
        ),
        # the team's name without the league's acronym opening it
        (
            [_entity("a", "NBA Valmont Bobcats", "ORG"), _entity("b", "Valmont Bobcats", "PERSON")],
            "NBA Valmont Bobcats",
        ),
    ],
)
def test_merge_entities_person_that_is_a_form_of_an_organisation(
    entities: list[Entity], name: str
) -> None:
    merged, _ = merge_entities(entities)
    assert [(e.name, e.type) for e in merged] == [(name, "ORG")]


def test_merge_entities_person_ending_an_organisations_name_stays_a_person() -> None:
    # "Friends of" is no acronym or place: the fund is named after the person
    merged, _ = merge_entities(
        [_entity("a", "Friends of Ana Vale", "ORG"), _entity("b", "Ana Vale", "PERSON")]
    )
    assert {e.name: e.type for e in merged}["Ana Vale"] == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "Associate Dean said the school would reopen on Monday.",
        '"We are ready," said Associate Dean. The school reopens Monday.',
    ],
)
def test_entities_post_alone_is_no_person(backend: SpacyBackend, text: str) -> None:
    # qualifiers of a post and the post, no name after them: no person
    assert not people(backend, text)


def test_entities_post_before_a_name_keeps_the_person(backend: SpacyBackend) -> None:
    assert people(backend, "Deputy Mayor Ana Vale said the roads were open.") == {"Ana Vale"}


def test_merge_entities_surname_typed_a_place_joins_the_person_named_in_full_beside_it() -> None:
    # the model called "Ilse Varnova" an organisation in one report and her surname a
    # place in both; the merge shows her a person (a role in the other report), and
    # "Varnova" is written only where her full name is: her surname
    titled = _person_with_role("b", "Ilse Varnova", "the mayor")
    merged, _ = merge_entities(
        [
            _entity("a", "Ilse Varnova", "ORG"),
            _entity("a", "Varnova", "GPE"),
            titled,
            _entity("b", "Varnova", "GPE"),
        ]
    )
    assert [(e.name, e.type, len(e.mentions)) for e in merged] == [("Ilse Varnova", "PERSON", 4)]


def test_merge_entities_place_named_like_a_person_elsewhere_stays_a_place() -> None:
    # "Varnova" the town is written in a report that never names Ilse Varnova
    merged, _ = merge_entities(
        [_entity("a", "Ilse Varnova", "PERSON"), _entity("b", "Varnova", "GPE")]
    )
    assert sorted((e.name, e.type) for e in merged) == [
        ("Ilse Varnova", "PERSON"),
        ("Varnova", "GPE"),
    ]


def test_entities_name_of_only_initials_is_no_person(backend: SpacyBackend) -> None:
    # the model reads "N. Y." as a person; nothing but initials is an abbreviation
    text = "N. Y. officials said the ferry Corvin Star would sail again on Friday."
    assert "N. Y." in annotate(backend, text)
    assert "N. Y." not in people(backend, text)


def test_entities_name_with_a_waterway_word_is_a_place(backend: SpacyBackend) -> None:
    # "Bayou" names a waterway, as "Canal" and "Avenue" name a canal and a street
    text = "The storm flooded Bayou Tessel overnight, Ana Vale said."
    assert annotate(backend, text).get("Bayou Tessel") == "LOC"


def test_entities_participle_the_model_took_into_a_name_is_cut(backend: SpacyBackend) -> None:
    # the model takes "Unemployed" into the name; the given name after it shows where the
    # name begins
    text = "The flood hit the valley on Monday.\nUnemployed John Brandt, 23, was arrested."
    assert people(backend, text) == {"John Brandt"}


def test_entities_post_and_what_it_is_of_name_no_one(backend: SpacyBackend) -> None:
    # the post moved out of the name left "of Torvik" as a person
    assert not people(backend, 'Ana Vale, long known as "the Queen of Torvik," runs a sect.')


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Marrow County Sheriff's Deputy Jan Holm was shot.", "ORG"),  # the office
        ("Torvik City Mayor's aide Jan Holm was shot.", "ORG"),
        ("Anna Bishop's deputy Jan Holm was shot.", "PERSON"),
        ("Ana Marta King's deputy Jan Holm was shot.", "PERSON"),  # a name's word before it
    ],
)
def test_entities_name_ending_with_a_post_is_the_office(
    backend: SpacyBackend, text: str, label: str
) -> None:
    parsed = backend(text)
    end = text.index("'s")
    [piece] = pieces(parsed, 0, parsed.char_span(0, end).end, "PERSON")
    assert piece.label == label


def test_harmonise_keeps_a_verb_between_names_out_of_a_person(backend: SpacyBackend) -> None:
    # the model read 'Lenz called Brandt a "liar"' as a work's title; ending in Ivo
    # Brandt's surname does not make it a person, as "called" is no word of a name
    parsed = backend('Ivo Brandt was sentenced. Then Lenz called Brandt a "liar."')
    cands = [Cand(0, 2, "PERSON"), Cand(6, 9, "WORK_OF_ART")]
    assert parsed[6:9].text == "Lenz called Brandt"
    harmonise(parsed, cands, set())
    assert [c.label for c in cands] == ["PERSON", "WORK_OF_ART"]


def test_entities_name_after_a_compass_direction_is_a_place(backend: SpacyBackend) -> None:
    # "380 kilometers west of Alma": the model read the town as a person
    text = (
        "The rebels took the airbase, 380 kilometers (235 miles) west of Alma, "
        "the rebel stronghold."
    )
    assert annotate(backend, text).get("Alma") == "GPE"


def test_entities_post_of_a_body_leaves_the_body_whole(backend: SpacyBackend) -> None:
    # the post's "of" opens no person's name when what follows has "of the" in it
    text = (
        "In 2002, she became President of the Medical Association of the State of Torvik, "
        "the first woman to hold the post. Torvik has 40 hospitals."
    )
    assert not people(backend, text)
    assert "Medical Association of the State of Torvik" in annotate(backend, text)


@pytest.mark.parametrize(("role", "apart"), [("Brandt's son", True), ("the mayor", False)])
def test_merge_entities_given_name_described_as_kin_stays_apart(role: str, apart: bool) -> None:
    # report b wrote "Brandt's son, Ivo": the son, not Ivo Brandt of report a
    merged, _ = merge_entities(
        [_entity("a", "Ivo Brandt", "PERSON", ("Brandt",)), _person_with_role("b", "Ivo", role)]
    )
    assert len(merged) == (2 if apart else 1)


def test_merge_entities_given_name_kin_of_someone_else_joins() -> None:
    # "Brandt's father, Ivo" where "Brandt" alone is Ana Brandt: the father is Ivo Brandt
    merged, _ = merge_entities(
        [
            _entity("a", "Ivo Brandt", "PERSON"),
            _entity("a", "Ana Brandt", "PERSON", ("Brandt", "Brandt")),
            _person_with_role("b", "Ivo", "Brandt's father"),
        ]
    )
    assert sorted(e.name for e in merged) == ["Ana Brandt", "Ivo Brandt"]
