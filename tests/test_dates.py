"""Time expressions: each normalisation rule on hand-written sentences, plus the bench gate.

The anchor is Wednesday 14 October 2026 (ISO week 42) unless a test says otherwise.
"""

from __future__ import annotations

import json

import pytest

from newsdesk.annotate.dates import (
    annotate_dates,
    contract_date,
    document_date,
    extract_times,
    find_timexes,
    parse_anchor,
    split_sentences,
)
from newsdesk.annotate.dates.timex import REFS
from newsdesk.annotate.nlp import SpacyBackend
from newsdesk.model import Document, TimeExpression
from tests.conftest import ROOT, bench_module, require_shared_data

ANCHOR = "2026-10-14"


def times(text: str, published: str | None = ANCHOR) -> list[TimeExpression]:
    return list(extract_times(Document(id="d", text=text, published=published)))


def one(text: str, published: str | None = ANCHOR) -> TimeExpression:
    found = times(text, published)
    assert len(found) == 1, found
    return found[0]


def value_of(text: str, anchor: str | None = ANCHOR) -> list[str | None]:
    return [t.value for t in find_timexes(text, anchor)]


# --- the rules of the brief ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "date"),
    [
        ("The minister resigned on Tuesday.", "Tuesday", "2026-10-13"),
        ("Prices peaked last November.", "last November", "2025-11"),
        ("Sales fell earlier this month.", "earlier this month", "2026-10"),
        ("Exports have risen since February.", "February", "2026-02"),
        ("The plant opened in 2019.", "2019", "2019"),
        ("The vote took place on 3 October.", "3 October", "2026-10-03"),
        ("He was born on Oct. 12, 1998.", "Oct. 12, 1998", "1998-10-12"),
        ("The treaty was signed on 12 October 2026.", "12 October 2026", "2026-10-12"),
        ("The ruling came yesterday.", "yesterday", "2026-10-13"),
        ("The report is published today.", "today", "2026-10-14"),
        ("The court rules tomorrow.", "tomorrow", "2026-10-15"),
        ("Profits doubled last year.", "last year", "2025"),
        ("Elections are due next year.", "next year", "2027"),
        ("Turnout was low in August 2024.", "August 2024", "2024-08"),
        ("The deal closed last month.", "last month", "2026-09"),
        ("He died three years ago.", "three years ago", "2023"),
    ],
)
def test_rule(sentence: str, expression: str, date: str) -> None:
    found = one(sentence)
    assert found.expression == expression
    assert found.date == date


def test_a_span_before_a_named_event_is_not_counted_from_the_page_date() -> None:
    """A span "three weeks before the film's release" counts back from the release, which the
    sentence does not date: no date is guessed. Without an event it counts back."""
    assert times("Talks began three weeks before the film's release in Orsa.") == []
    assert times("The ferry left a week before Easter.") == []
    assert one("He had left two days before, police said.").date == "2026-10-12"


def test_weekday_on_the_anchor_weekday_is_the_anchor() -> None:
    assert one("The strike began on Wednesday.").date == "2026-10-14"


def test_weekday_in_future_clause_is_the_next_one() -> None:
    assert one("Talks will resume on Friday.").date == "2026-10-16"
    assert one("The court is expected to rule on Monday.").date == "2026-10-19"


def test_last_and_next_weekday() -> None:
    assert one("They met last Wednesday.").date == "2026-10-07"
    assert one("They meet next Tuesday.").date == "2026-10-20"


def test_possessive_weekday_looks_back() -> None:
    assert one("Investors will digest Monday's ruling.").date == "2026-10-12"


def test_month_without_year_follows_tense() -> None:
    assert one("The mission will fly in December.").date == "2026-12"
    assert one("The factory closed in December.").date == "2025-12"
    assert one("The dividend is payable Dec. 15.").date == "2026-12-15"
    assert one("A federal judge ruled on Nov. 3 that the law stands.").date == "2025-11-03"


def test_until_looks_forward() -> None:
    assert one("The offer was extended until March 6.").date == "2027-03-06"


def test_weeks_quarters_seasons_and_decades() -> None:
    assert value_of("The board meets next week.") == ["2026-W43"]
    assert one("The board meets next week.").date == "2026-10"
    assert value_of("Profit rose in the third quarter.") == ["2026-Q3"]
    assert one("Profit rose in the third quarter.").date == "2026"
    assert value_of("Profit rose in the third quarter. A year earlier it fell.") == [
        "2026-Q3",
        "2025-Q3",
    ]
    assert value_of("Tourism boomed this summer.") == ["2026-SU"]
    assert value_of("Fashions of the 1990s are back.") == ["199X"]
    assert one("Fashions of the 1990s are back.").date is None
    assert value_of("Officials said over the weekend that talks failed.") == ["2026-W41-WE"]
    assert value_of("Sales rose in the second half of 2025.") == ["2025-H2"]
    assert value_of("Sales rose in the first half of the year.") == ["2026-H1"]
    assert value_of("Sales fell in last year's second half.") == ["2025-H2"]


def test_a_bare_half_is_no_date() -> None:
    """A game's half is no half year: "the first half" alone is not a date."""
    assert times("Vale scored twice in the first half.") == []
    found = times("The Gulls led 33-26 at the start of the second half on Friday.")
    assert [t.expression for t in found] == ["Friday"]


def test_vague_references_are_valued_but_left_out_of_the_timeline() -> None:
    assert value_of("Prices are now falling, as they did recently.") == [
        "PRESENT_REF",
        "PAST_REF",
    ]
    assert times("Prices are now falling, as they did recently.") == []


def test_holiday() -> None:
    assert one("The parade will be held on Thanksgiving.").date == "2026-11-26"


def test_no_anchor_relative_none_absolute_resolved() -> None:
    text = "On Tuesday the court cited its ruling of Oct. 12, 1998, and a 2019 law; last year it"
    text += " ruled again on 3 October."
    found = {t.expression: t.date for t in times(text, published=None)}
    assert found["Tuesday"] is None
    assert found["last year"] is None
    assert found["3 October"] is None
    assert found["Oct. 12, 1998"] == "1998-10-12"
    assert found["2019"] == "2019"


@pytest.mark.parametrize(
    "stamp",
    ["September 14, 2013 10:46 AM", "Published: Sept. 14, 2013", "Saturday, Sept. 14, 2013"],
)
def test_without_published_the_page_header_date_is_the_anchor(stamp: str) -> None:
    """A plain-text page that states its own date in a header line: relative dates are
    read against it (the page's publication date, not a guess)."""
    text = f"Cyclist hurt on Harbour Road\n{stamp}\nA cyclist was hurt on Friday, police said."
    found = {t.expression: t.date for t in extract_times(Document(id="d", text=text))}
    assert found["Friday"] == "2013-09-13"


@pytest.mark.parametrize(
    "text",
    [
        # a date inside a sentence of the first line is no page date
        "The council met on Sept. 14, 2013, and voted. On Friday the mayor resigned.",
        # a date below the header lines is none either
        "Cyclist hurt\nA cyclist was hurt.\nPolice came.\nSept. 14, 2013\nOn Friday it rained.",
    ],
)
def test_without_published_a_date_in_the_text_is_no_anchor(text: str) -> None:
    found = {t.expression: t.date for t in extract_times(Document(id="d", text=text))}
    assert found["Friday"] is None


def test_explicit_anchor_overrides_published() -> None:
    doc = Document(id="d", text="The vote was held on Tuesday.", published="1998-01-01")
    (found,) = extract_times(doc, anchor="2026-10-14T09:30:00Z")
    assert found.date == "2026-10-13"


def test_spans_cover_the_expression_exactly() -> None:
    text = "On Tuesday, officials said prices peaked last November and fell earlier this month."
    doc = Document(id="d", text=text, published=ANCHOR)
    found = extract_times(doc)
    assert [t.expression for t in found] == ["Tuesday", "last November", "earlier this month"]
    for t in found:
        assert doc.text_of(t.span) == t.expression
        assert t.span.doc == "d"


def test_event_is_the_sentence() -> None:
    text = "Markets were calm. The minister resigned on Tuesday. Shares rose."
    assert one(text).event == "The minister resigned on Tuesday."


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices may rise.",
        "Thousands march through the capital.",
        "About 2000 troops arrived.",
        "The shares cost $1995 each.",
        "Jan Kavan signed the accord.",
        "Growth was 1999 percent.",
    ],
)
def test_non_expressions(sentence: str) -> None:
    assert times(sentence) == []


def test_contract_date_mapping() -> None:
    assert contract_date("1998-10-12") == "1998-10-12"
    assert contract_date("1998-10-12TNI") == "1998-10-12"
    assert contract_date("1998-10") == "1998-10"
    assert contract_date("1998") == "1998"
    assert contract_date("1998-Q3") == "1998"
    assert contract_date("1998-SU") == "1998"
    assert contract_date("2026-W43") == "2026-10"
    assert contract_date("2025-W53") is None
    assert contract_date("199X") is None
    assert contract_date("PRESENT_REF") is None
    assert contract_date(None) is None


def test_parse_anchor() -> None:
    assert str(parse_anchor("2026-10-14T08:00:00+02:00")) == "2026-10-14"
    assert str(parse_anchor("19980108")) == "1998-01-08"
    assert parse_anchor("yesterday") is None
    assert parse_anchor(None) is None


def test_split_sentences_keeps_abbreviations() -> None:
    text = "Mr. Smith arrived on Oct. 12. He left."
    spans = split_sentences(text)
    assert [text[s:e].strip() for s, e in spans] == ["Mr. Smith arrived on Oct. 12.", "He left."]


@pytest.mark.slow
def test_with_a_spacy_parse() -> None:
    from newsdesk.annotate.nlp import SpacyBackend

    text = "Markets were calm. The talks will resume on Friday, officials said on Tuesday."
    doc = Document(id="d", text=text, published=ANCHOR)
    found = extract_times(doc, SpacyBackend()(text))
    assert [(t.expression, t.date) for t in found] == [
        ("Friday", "2026-10-16"),
        ("Tuesday", "2026-10-13"),
    ]
    assert found[0].event.startswith("The talks will resume")


# --- the bench gate -----------------------------------------------------------------------


@pytest.mark.slow
def test_dates_bench_measures_what_annotate_ships(backend: SpacyBackend) -> None:
    """The bench's newsdesk predictor finds what `extract_times` (the dates stage) finds
    on a parsed document, vague references aside (the timeline leaves them out)."""
    bench = bench_module("dates")
    # "meets" and "travels" are tensed only in the parse: without it, both days look back.
    text = (
        "The ferry line said on Tuesday it would resume sailings next week. Last year it "
        "carried 2 million people. The board meets Friday. The minister travels on Thursday."
    )
    parsed = backend(text)
    shipped = extract_times(Document(id="d", text=text, published=ANCHOR), parsed)
    predicted = bench.newsdesk_predictor(backend)({"text": text, "dct": {"value": ANCHOR}})
    assert [(p.start, p.end, contract_date(p.value)) for p in predicted if p.value not in REFS] == [
        (t.span.start, t.span.end, t.date) for t in shipped
    ]
    assert [t.date for t in shipped][-2:] == ["2026-10-16", "2026-10-15"]


@pytest.mark.slow
def test_dates_gate_tempeval_train(backend: SpacyBackend) -> None:
    """The shipped path (with the parse), against bench/floors/dates.json."""
    bench = bench_module("dates")
    path = bench.data_dir() / bench.DATA_FILE
    require_shared_data(path)
    floors = json.loads((ROOT / "bench" / "floors" / "dates.json").read_text(encoding="utf-8"))
    assert floors["measured"]["mode"].startswith("parse")
    report, _ = bench.run(bench.load_docs(path), nlp=backend, baseline=False)
    scores = report["systems"]["newsdesk"]
    assert scores["all"]["value_accuracy"] >= floors["value_accuracy"]
    assert scores["held_out"]["value_accuracy"] >= floors["held_out_value_accuracy"]
    assert scores["all"]["extent_f1"] >= floors["extent_f1"]


@pytest.mark.parametrize(
    "text",
    [
        "Tickets are sold by phone at (818) 374-1925 until noon.",
        "Tickets are sold by phone at 818-374-1925 until noon.",
        "The councillor arrived in a 2008 Porsche 911 with tinted windows.",
        "The clinic at 1925 Harbour Road closed its doors.",
    ],
)
def test_dates_numbers_that_are_not_years(text: str) -> None:
    doc = Document(id="n", text=text, published="2026-03-04")
    assert extract_times(doc, None) == ()


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The 2008 Valdmark Games opened the new stadium.", "2008"),
        ("In 2008 parliament passed the ferry law.", "2008"),
        ("The quay was rebuilt in 1925 after the storm.", "1925"),
    ],
)
def test_dates_years_beside_names_stay_years(text: str, year: str) -> None:
    doc = Document(id="y", text=text, published="2026-03-04")
    assert [t.date for t in extract_times(doc, None)] == [year]


def test_timeline_leaves_out_time_stamps_and_captions() -> None:
    """The page's own stamp and a photo credit's date are no events of the story."""
    text = (
        "Ferry hits pier in fog\nPublished March 3, 2026\n"
        "A ferry struck the pier on Monday, the harbour office said.\n"
        "Photo: Jan Berg / Meridian Wire, March 2, 2026\n"
    )
    found = extract_times(Document(id="d", text=text))
    assert [(t.expression, t.date) for t in found] == [("Monday", "2026-03-02")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Filed 15/09/2013 by the desk.", "2013-09-15"),  # a part above 12: day first
        ("Filed 09/15/2013 by the desk.", "2013-09-15"),  # month first
        ("Filed 15 / 09 / 2013 by the desk.", "2013-09-15"),  # written with spaces
        ("Filed 05/05/2013 by the desk.", "2013-05-05"),  # both orders are one day
        ("Filed 2/3/2009 by the desk.", None),  # undecided: never guessed
        ("Filed Tue, 02/07/2013 by the desk.", "2013-07-02"),  # the weekday decides
        ("Filed 2/3/2009. Updated 2/13/2009.", "2009-02-03"),  # the page's other date decides
        ("Filed 2/3/2009. Updated 13/2/2009.", "2009-03-02"),
    ],
)
def test_dates_slash_date_order_is_decided_never_guessed(text: str, value: str | None) -> None:
    assert value_of(text, None)[0] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tue Jul 2, 2013 1:28PM GMT", "2013-07-02"),  # "Jul" without its full stop
        ("10 Jun 2013 09:10", "2013-06-10"),
        ("10:55 P.M. FEB. 2, 2009", "2009-02-02"),  # a shouted full date
        ("PUBLISHED FRIDAY, MARCH 8, 2013 AT 12:46 PM", "2013-03-08"),
    ],
)
def test_dates_full_dates_as_stamps_write_them(text: str, value: str) -> None:
    assert value_of(text, None) == [value]


@pytest.mark.parametrize(
    "stamp",
    [
        "Last updated 15:48 14 / 09 / 2013",
        "14 September 2013 Last updated at 11:11 GMT",
        "Meridian Wire, Saturday 14 Sep 2013",
        "Posted: Sat, 09/14/2013 - 13:42",
    ],
)
def test_dates_page_date_from_stamp_lines(stamp: str) -> None:
    """Stamps that hold a few words beside the date are the page's date."""
    text = f"Cyclist hurt on Harbour Road\n{stamp}\nYesterday a cyclist was hurt, police said."
    found = {t.expression: t.date for t in extract_times(Document(id="d", text=text))}
    assert found["Yesterday"] == "2013-09-13"


STAMPED = "Cyclist hurt on Harbour Road\n14 September 2013\nYesterday a cyclist was hurt."


def test_dates_stage_keeps_the_page_date_it_read() -> None:
    """The dates stage reads the page's own date once: the timeline is anchored on it and
    the document keeps it (`Document.stated_date`) for the briefing to ask."""
    doc = annotate_dates(Document(id="d", text=STAMPED))
    assert doc.stated_date == "2013-09-14"
    assert {t.expression: t.date for t in doc.timeline}["Yesterday"] == "2013-09-13"
    assert doc.timeline == extract_times(Document(id="d", text=STAMPED))


def test_dates_stage_records_a_page_that_states_no_date() -> None:
    doc = annotate_dates(Document(id="d", text="Cyclist hurt\nYesterday a cyclist was hurt."))
    assert doc.stated_date == ""  # read, and there is none (None: not read)
    assert document_date(doc) is None


def test_dates_stage_reads_no_page_date_when_published_is_known() -> None:
    doc = annotate_dates(Document(id="d", text=STAMPED, published="2013-09-20"))
    assert doc.stated_date is None
    assert {t.expression: t.date for t in doc.timeline}["Yesterday"] == "2013-09-19"
    assert document_date(doc) == "2013-09-20"


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        ("2014-01-02", "2014-01-02"),  # the dates stage's reading is taken as it is
        ("", None),  # the dates stage found no date: the page is not read again
        (None, "2013-09-14"),  # not through the dates stage: the page is read
    ],
)
def test_dates_document_date_asks_the_stage_then_the_page(
    stated: str | None, expected: str | None
) -> None:
    assert document_date(Document(id="d", text=STAMPED, stated_date=stated)) == expected


@pytest.mark.parametrize(
    "first_line",
    [
        "Ferry operators and port unions met Tessel council officials on 14 September 2013",
        "Released 2/3/2013 by the council",  # the day is undecided: no page date
    ],
)
def test_dates_no_page_date_from_a_sentence_or_an_undecided_day(first_line: str) -> None:
    text = f"{first_line}\nCyclist hurt\nYesterday a cyclist was hurt, police said."
    found = {t.expression: t.date for t in extract_times(Document(id="d", text=text))}
    assert found["Yesterday"] is None


@pytest.mark.parametrize(
    "text",
    [
        "The councillor arrived in a 2008 Varro 911 on Saturday.",
        "The Harriers beat the Rovers 2 - 1 and then 21-13 in the final on Saturday.",
        "Organisers counted 2013 passengers at the quay on Saturday.",
        "Call the harbour office on 0161 2013 1998 before Saturday.",
    ],
)
def test_dates_model_years_scores_and_counts_are_not_dates(text: str) -> None:
    doc = Document(id="m", text=text, published="2026-03-04")
    assert [t.expression for t in extract_times(doc, None)] == ["Saturday"]


@pytest.mark.parametrize(
    ("text", "expression", "event"),
    [
        (
            "Minister Ola Brandt said on Tuesday that the 1998 treaty would not be reopened.",
            "1998",
            "the 1998 treaty",
        ),
        (
            "Vale rose to fame with her 2009 role in the film Harbour Lights and lives in Tessel.",
            "2009",
            "her 2009 role in the film Harbour Lights",
        ),
        (
            "The harbour authority blamed Friday's collision on a faulty radar, the report said.",
            "Friday",
            "Friday's collision",
        ),
        (
            "Minister Ola Brandt said on Tuesday that the 1998 treaty would not be reopened.",
            "Tuesday",
            "Minister Ola Brandt said on Tuesday that the 1998 treaty would not be reopened.",
        ),
        ("The club won the 2004 season.", "2004", "The club won the 2004 season."),
    ],
)
def test_a_date_before_a_noun_dates_that_thing_not_the_sentence(
    text: str, expression: str, event: str
) -> None:
    """ "the 1998 treaty" dates the treaty: the minister spoke on Tuesday, not in 1998."""
    from newsdesk.annotate.nlp import SpacyBackend

    doc = Document(id="d", text=text, published=ANCHOR)
    found = {t.expression: t.event for t in extract_times(doc, SpacyBackend()(text))}
    assert found[expression] == event
