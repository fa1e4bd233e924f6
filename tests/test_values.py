"""What two sentences may contradict each other on (`newsdesk.brief.values`): the one test
the facts and the summary's citations use."""

from __future__ import annotations

from newsdesk import Document
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.brief.conflicts import parse_of
from newsdesk.brief.facts import group_facts
from newsdesk.brief.summary import summarize
from newsdesk.brief.values import DocumentValues, Values, agree, place_keys
from newsdesk.registry import build_pipeline


def values(text: str, backend: SpacyBackend | None = None) -> Values:
    """The values of ``text`` as one document (parsed and annotated with ``backend``)."""
    doc = Document("v", text)
    if backend is not None:
        [doc] = build_pipeline(("parse", "entities", "dates"), backend=backend)([doc])
    return DocumentValues(doc, parse_of(doc)).within(0, len(text))


def values_agree(a: str, b: str, backend: SpacyBackend | None = None) -> bool:
    return agree(values(a, backend), values(b, backend))


def test_numbers_and_days_without_a_parse() -> None:
    assert values_agree("Twelve people were hurt on Monday.", "12 people were hurt on Monday.")
    assert values_agree("Twelve people were hurt, three badly.", "Twelve people were hurt.")
    assert not values_agree("Twelve people were hurt.", "Fourteen people were hurt.")
    assert not values_agree("It sank on Monday.", "It sank on Sunday.")
    assert values_agree("It sank on Monday.", "It sank yesterday.")


def test_ranks_of_one_noun() -> None:
    """Ordinals agree noun by noun: "the sixth round" is not "the 11th round", and "a
    second title" says nothing of a round."""
    assert not values_agree("Vale stopped Lenz in the 11th round.", "Vale won in the sixth round.")
    assert values_agree("Vale stopped Lenz in the sixth round.", "Vale won in the 6th round.")
    assert values_agree("Vale won a second title on Saturday.", "Vale won in the sixth round.")


def test_months_and_years() -> None:
    assert not values_agree("She launched the line in December.", "She launched it in September.")
    assert values_agree("She launched the line in December.", "She launched it on 9 December.")
    assert not values_agree("He was convicted in June 1998.", "He was jailed in June 1999.")
    assert values_agree("He was convicted in June 1998.", "He was convicted in June.")
    assert values_agree("It opened on Friday.", "It opened in October.")
    assert not values_agree("It opened on October 12.", "It opened on 13 October.")
    assert values_agree("May I say it opened in May?", "It opened in May.")
    assert values_agree("It opened on Sept. 12.", "It opened on September 12.")


def test_numbers_from_the_parse(backend: SpacyBackend) -> None:
    assert values("Some 2.4 million people voted.", backend).numbers == {2_400_000.0}
    assert values_agree("Two dozen boats sank.", "24 boats sank.", backend)


def test_a_span_of_time_with_an_article_is_one(backend: SpacyBackend) -> None:
    """A span of time with an article is the number one: "for a week" is not "almost three
    weeks"."""
    a = "Mara Voss died in Orsk after lingering in a coma for a week after a stroke."
    b = "Mara Voss died in Orsk from a stroke suffered almost three weeks ago."
    assert 1.0 in values(a, backend).numbers
    assert not values_agree(a, b, backend)
    assert values_agree(a, "Mara Voss died in Orsk after a week in a coma.", backend)


def test_people_and_places(backend: SpacyBackend) -> None:
    """Two sentences that name different people, or different places, are not one
    statement; naming none is no disagreement."""
    in_orsk = "The singer Mara Voss checked into a clinic in Orsk on Tuesday."
    assert values(in_orsk, backend).people == {"voss"}
    assert "orsk" in values(in_orsk, backend).places
    assert not values_agree(in_orsk, in_orsk.replace("Orsk", "Lubeck"), backend)
    assert not values_agree(in_orsk, in_orsk.replace("Mara Voss", "Lena Brandt"), backend)
    assert values_agree(in_orsk, "She checked into a clinic on Tuesday.", backend)


def test_place_keys() -> None:
    assert place_keys("U.S.") & place_keys("United States")
    assert place_keys("Southern California") & place_keys("California")
    assert not place_keys("Los Angeles") & place_keys("Malibu")
    assert place_keys("") == frozenset()


def test_summary_cites_no_outlet_that_names_another_place(backend: SpacyBackend) -> None:
    """A line that names no place may be said by outlets that place it differently: it
    cites one side only."""
    line = (
        "The singer Mara Voss checked into a clinic to be treated for exhaustion, her agent said."
    )
    texts = {
        "a": line,
        "b": "The singer Mara Voss checked into a clinic in Orsk to be treated for exhaustion.",
        "c": "The singer Mara Voss checked into a clinic in Lubeck to be treated for exhaustion.",
    }
    docs = build_pipeline(("parse", "entities", "dates"), backend=backend)(
        [Document(i, t, published="2026-03-03" if i == "a" else None) for i, t in texts.items()]
    )
    [item] = summarize(list(docs), words=30)
    cited = {c.doc for c in item.citations}
    assert "a" in cited and len(cited & {"b", "c"}) == 1, item


def test_facts_keep_apart_sentences_that_name_different_places(backend: SpacyBackend) -> None:
    texts = [
        "Firefighters fought a blaze at a paper mill in Orsk on Sunday night.",
        "Firefighters fought a blaze at a paper mill in Lubeck on Sunday night.",
        "Firefighters fought a blaze at a paper mill on Sunday night, officials said.",
    ]
    docs = build_pipeline(("parse", "entities", "dates"), backend=backend)(
        [Document(f"d{i}", t) for i, t in enumerate(texts)]
    )
    facts = group_facts(list(docs))
    together = [f for f in facts if len({s.doc for s in f.sources}) > 1]
    assert together, [f.text for f in facts]
    assert all({"d0", "d1"} - {s.doc for s in f.sources} for f in together)


def test_one_of_is_no_count(backend: SpacyBackend) -> None:
    assert values("It is one of the largest providers.", backend).numbers == frozenset()
    assert values("It is one of the largest providers.").numbers == frozenset()
    assert values_agree(
        "Orsk Net, one of the largest providers, went down.",
        "Orsk Net, two of whose lines failed, went down.",
    )
    assert values("One man died.", backend).numbers == {1.0}
