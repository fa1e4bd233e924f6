"""Genre rules on short hand-written texts."""

from __future__ import annotations

import pytest

from newsdesk.annotate.genre import classify_genre, decide_genre, genre_features
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.model import GENRES, Document

WIRE_REPORT = (
    "The central bank raised its main interest rate by half a point on Tuesday, officials "
    'said. The decision was unanimous, the bank said in a statement. "We must act to '
    'contain prices and we should not wait," the governor told reporters. Inflation reached '
    "6 percent in September, according to the statistics office. Markets fell after the "
    "announcement, traders said. The next meeting is in December, the bank added."
)
EDITORIAL = (
    "This newspaper has long argued that the city cannot keep borrowing. In our view, the "
    "council's latest budget is reckless. We believe the mayor must now choose: cut the "
    "waste or raise taxes honestly. We should not pretend the deficit will vanish. Our "
    "city deserves better than shameful accounting tricks. We urge the council to reject "
    "this plan."
)
ANALYSIS = (
    "The rate rise suggests the bank is more worried about inflation than about growth. "
    "If prices keep climbing, further increases are likely, and that could weigh on "
    "housing. The question is whether wages will follow. Higher rates may also strengthen "
    "the currency, which might help importers but could hurt exporters. In other words, "
    "this suggests the bank is betting that the economy is strong enough to absorb it."
)
LISTING = (
    "Opening hours for the city museum: Monday to Friday from nine to five, Saturday from "
    "ten to four, closed on Sunday. Tickets cost five euros for adults and two euros for "
    "children under twelve. Guided tours start every hour from the main entrance hall."
)


def genre_of(text: str) -> str:
    genre, _ = classify_genre(Document(id="d", text=text))
    return genre


@pytest.mark.parametrize(
    ("text", "expected"),
    [(WIRE_REPORT, "report"), (EDITORIAL, "opinion"), (ANALYSIS, "analysis"), (LISTING, "other")],
)
def test_genres(text: str, expected: str) -> None:
    assert genre_of(text) == expected


def test_short_text_is_other() -> None:
    assert genre_of("Officials said so.") == "other"
    assert genre_of("") == "other"


def test_evidence_features() -> None:
    genre, evidence = classify_genre(Document(id="d", text=EDITORIAL))
    assert genre in GENRES
    assert set(evidence) >= {
        "first_person_plural",
        "evaluative",
        "obligation",
        "editorial",
        "attribution",
        "questions",
        "hedges",
    }
    assert evidence["first_person_plural"] > 5
    assert evidence["editorial"] > 0
    assert evidence["obligation"] > 0
    assert evidence["evaluative"] > 0
    assert evidence["attribution"] == 0


def test_quoted_speech_does_not_make_a_report_an_opinion() -> None:
    features = genre_features(Document(id="d", text=WIRE_REPORT))
    assert features["first_person_plural"] == 0
    assert features["obligation"] == 0
    assert features["attribution"] >= 0.8


def test_questions_are_counted() -> None:
    text = "Why does the council keep borrowing? Who will pay? " * 5
    assert genre_features(Document(id="d", text=text))["questions"] > 5


def test_decide_genre_thresholds() -> None:
    base = {
        "words": 100.0,
        "first_person_plural": 0.0,
        "evaluative": 0.0,
        "obligation": 0.0,
        "editorial": 0.0,
        "hedges": 0.0,
        "attribution": 0.0,
        "questions": 0.0,
    }
    assert decide_genre(base) == "other"
    assert decide_genre({**base, "attribution": 0.5}) == "report"
    assert decide_genre({**base, "hedges": 2.5}) == "analysis"
    assert decide_genre({**base, "editorial": 1.0, "first_person_plural": 2.0}) == "opinion"
    assert decide_genre({**base, "first_person_plural": 3.0, "obligation": 2.0}) == "opinion"


@pytest.mark.slow
def test_with_a_spacy_parse() -> None:
    from newsdesk.annotate.nlp import SpacyBackend

    parsed = SpacyBackend()(WIRE_REPORT)
    genre, evidence = classify_genre(Document(id="d", text=WIRE_REPORT), parsed)
    assert genre == "report"
    assert evidence["attribution"] >= 0.8


SHORT_REPORT = (
    "Fire crews in Wrenford put out a blaze at the old grain mill on Tuesday night. The "
    "roof collapsed before midnight and two engines stayed until dawn. Nobody was hurt, "
    "and the mill had stood empty since the spring."
)


def test_a_short_report_that_says_no_said_is_a_report(backend: SpacyBackend) -> None:
    """Told in the past tense, with no attribution verb: still a report, not other."""
    genre, evidence = classify_genre(Document(id="d", text=SHORT_REPORT), backend(SHORT_REPORT))
    assert evidence["attribution"] == 0
    assert genre == "report"


def test_a_listing_with_a_parse_is_still_other(backend: SpacyBackend) -> None:
    genre, evidence = classify_genre(Document(id="d", text=LISTING), backend(LISTING))
    assert evidence["narrative"] < 0.35
    assert genre == "other"


WIRE_EDITORIAL = (
    "The Harbor Ledger said in an editorial on Sunday: The new ferry timetable for Tellport "
    "is the most careful plan the port authority has yet produced. It moves the first "
    "crossing to six in the morning, adds a late boat on Fridays and keeps fares where "
    "they were. Commuters asked for exactly this for years. The authority listened, and "
    "the town is the better for it."
)


def test_an_editorial_announced_in_the_opening_is_opinion() -> None:
    """A wire slug or page header naming an editorial makes the piece opinion, even when
    it has few first-person or evaluative words."""
    genre, evidence = classify_genre(Document(id="d", text=WIRE_EDITORIAL))
    assert evidence["editorial_opening"] == 1
    assert genre == "opinion"
    late = WIRE_REPORT + " The Harbor Ledger criticised the decision in an editorial."
    assert classify_genre(Document(id="d", text=late))[0] == "report"


HEDGING_COLUMN = (
    "The new coach of the Wrenford Larks arrived in the spring with a thick binder and a "
    "quiet manner. Perhaps that is what the club needs after three seasons of shouting. "
    "His first signings were young and cheap, and the league table has not moved much. "
    "The binder is probably full of sound ideas, and I have watched this club long enough "
    "to know that ideas are rarely what it lacks. Patience, maybe."
)


def test_hedging_in_the_first_person_singular_is_opinion() -> None:
    """Hedges would point to analysis, but the writer's own "I" makes it a column."""
    genre, evidence = classify_genre(Document(id="d", text=HEDGING_COLUMN))
    assert evidence["hedges"] >= 0.9
    assert evidence["attribution"] == 0
    assert genre == "opinion"
    assert genre_of(ANALYSIS) == "analysis"
