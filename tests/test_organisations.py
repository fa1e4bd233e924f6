"""One organisation, one entity (`newsdesk.annotate.organisations`), and the story merge
that uses it (`merge_entities`)."""

from __future__ import annotations

from newsdesk.annotate.entities import merge_entities
from newsdesk.annotate.organisations import organisation_targets
from newsdesk.annotate.resolve import name_key
from newsdesk.model import Entity, Mention, Span


def targets(*names: str) -> dict[str, str]:
    found = organisation_targets({name_key(n): n for n in names})
    return {k: v for k, v in found.items() if k != v}


def test_legal_form_and_trade_words() -> None:
    assert targets("Veltrix Corp.", "Veltrix") == {"veltrix": "veltrix corp."}
    assert targets("Orsk Technologies Inc.", "Orsk Technologies", "Orsk") == {
        "orsk technologies": "orsk technologies inc.",
        "orsk": "orsk technologies inc.",
    }


def test_initials() -> None:
    assert targets("Northern Grain Board", "NGB") == {"ngb": "northern grain board"}
    assert targets("Tessel Ferry Manufacturing Co.", "TFM", "TFMC") == {
        "tfm": "tessel ferry manufacturing co.",
        "tfmc": "tessel ferry manufacturing co.",
    }
    assert targets("the United Harbours Authority", "U.H.A.") == {
        "u.h.a.": "the united harbours authority"
    }
    assert targets("Bank of Orsk", "BO") == {"bo": "bank of orsk"}


def test_what_stays_apart() -> None:
    # the first words of a name are no short form; two names the initials fit: ambiguous
    assert targets("Federal Grain Board of Orsk", "Federal Grain Board") == {}
    assert targets("Northern Grain Board", "National Gas Bureau", "NGB") == {}
    assert targets("Orsk Telecom", "Orsk Bank") == {}  # which of the two is "Orsk"
    assert targets("Veltrix", "Kestrel") == {}


def entity(id: str, name: str, type: str, doc: str) -> Entity:
    mention = Mention(Span(doc, 0, len(name)), name, type)
    return Entity(id, name, type, mentions=(mention,))


def test_merge_entities_joins_an_organisations_forms_across_documents() -> None:
    merged, mapping = merge_entities(
        [
            entity("a1", "Veltrix Corp.", "ORG", "a"),
            entity("b1", "Veltrix", "ORG", "b"),
            entity("b2", "Northern Grain Board", "ORG", "b"),
            entity("c1", "NGB", "ORG", "c"),
            entity("c2", "New Orsk", "GPE", "c"),
        ]
    )
    names = sorted((e.name, e.aliases) for e in merged)
    assert names == [
        ("New Orsk", ()),
        ("Northern Grain Board", ("NGB",)),
        ("Veltrix Corp.", ("Veltrix",)),
    ]
    assert mapping["a1"] == mapping["b1"] and mapping["b2"] == mapping["c1"]


def test_name_without_the_place_it_opens_with() -> None:
    """ "Harbour Lions" is the "Valmont Harbour Lions" of a story placing Valmont, and
    "Treasury" the "Norland Treasury" (a country): the short form a report goes on with."""
    places = {"valmont"}
    found = organisation_targets(
        {name_key(n): n for n in ("Valmont Harbour Lions", "Harbour Lions", "Lions Club")},
        places,
    )
    assert found["harbour lions"] == "valmont harbour lions"
    assert found["lions club"] == "lions club"
    found = organisation_targets({"norway treasury": "Norway Treasury", "treasury": "Treasury"})
    assert found["treasury"] == "norway treasury"


def test_merge_entities_place_short_form_needs_a_document_writing_both() -> None:
    """The "Foreign Ministry" only another report writes may be another country's."""
    merged, mapping = merge_entities(
        [
            entity("a1", "Valmont", "GPE", "a"),
            entity("a2", "Valmont Foreign Ministry", "ORG", "a"),
            entity("a3", "Foreign Ministry", "ORG", "a"),
            entity("b1", "Valmont Harbour Board", "ORG", "b"),
            entity("c1", "Harbour Board", "ORG", "c"),
        ]
    )
    assert mapping["a2"] == mapping["a3"]
    assert mapping["b1"] != mapping["c1"]
