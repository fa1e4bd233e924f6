"""The grammar: one regular expression per kind of time expression, each with the
resolver that turns its match into a TIMEX3 value. Longer matches win; on equal length,
the earlier rule wins (see `candidates`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.annotate.dates import resolve_dates, resolve_periods
from newsdesk.annotate.dates.context import Resolver


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver


# ---------------------------------------------------------------------------------------
# Lexical building blocks of the grammar

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
# In a full date (day and year beside it) "Jun", "Jul" and "Mar" need no full stop.
_MONTH_IN_DATE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|May\.|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORDWORD = (
    r"(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    r"|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_YEAR = (
    rf"(?:(?:nineteen|eighteen)[- ](?:{_TENS}(?:[- ]{_ONES})?|{_TEENS}|oh[- ]{_ONES})"
    rf"|two thousand(?:(?: and)? {_ONES})?)"
)
_NUM = rf"(?:\d+|{_TENS}(?:[- ]{_ONES})?|{_TEENS}|{_ONES}|a|an|a few|several)"
_PART = r"(?:morning|afternoon|evening|night)"
_EDGE = r"(?:early|late|mid|earlier|later)"
_QUARTER_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile one grammar pattern."""
    return re.compile(pattern, flags)


_I = re.IGNORECASE
# "early", "late", "the end of" … before a month or year
MOD = rf"(?:(?:the\s+)?(?:very\s+)?(?:{_EDGE}|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)"
_SHIFT_WD = r"(?:(?P<shift>last|next|this(?:\s+(?:coming|past))?|early|late|earlier|later)\s+)"

RULES: tuple[Rule, ...] = (
    Rule(
        "full_date",
        _rx(
            rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<mon>{_MONTH_IN_DATE})\s+"
            rf"(?P<day>{_DAY}|{_ORDWORD}),?\s+(?:(?:in|of)\s+)?(?P<year>{_YEAR}|{_SPOKEN_YEAR})\b"
            rf"(?!\s*(?:%|percent))",
            _I,
        ),
        resolve_dates.full_date,
    ),
    Rule(
        "full_date_dmy",
        _rx(
            rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAY}|{_ORDWORD})\s+(?:of\s+)?"
            rf"(?P<mon>{_MONTH_IN_DATE}),?\s+(?P<year>{_YEAR}|{_SPOKEN_YEAR})\b",
            _I,
        ),
        resolve_dates.full_date,
    ),
    Rule(
        "iso_date",
        _rx(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
        resolve_dates.numeric_date,
    ),
    Rule(
        "slash_date",
        _rx(
            r"(?<![\d/])(?<!/\s)(?P<a>[0-3]?\d)(?P<sep>/| / )(?P<b>[0-3]?\d)(?P=sep)"
            r"(?P<year>\d{4}|\d{2})(?![\d/])(?!\s/)"
        ),
        resolve_dates.slash_date,
    ),
    Rule(
        "month_day",
        _rx(
            rf"\b(?:(?P<shift>[Tt]his coming|[Tt]his past|[Tt]his|[Nn]ext|[Ll]ast)\s+)?"
            rf"(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s+(?P<day>{_DAY}|{_ORDWORD})\b"
            rf"(?!\s*(?:%|percent|,\s*\d|\d|-\w))"
        ),
        resolve_dates.month_day,
    ),
    Rule(
        "day_month",
        _rx(
            rf"\b(?:(?P<shift>[Tt]his coming|[Tt]his past|[Tt]his|[Nn]ext|[Ll]ast)\s+)?"
            rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAY}|{_ORDWORD})\s+(?:of\s+)?(?P<mon>{_MONTH})(?!\w)"
        ),
        resolve_dates.month_day,
    ),
    Rule(
        "month_year",
        _rx(
            rf"\b(?:{MOD})?(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?:the\s+year\s+)?"
            rf"(?P<year>{_YEAR}|{_SPOKEN_YEAR})\b(?!\s*(?:%|percent))"
        ),
        resolve_dates.month_year,
    ),
    Rule(
        "month_rel_year",
        _rx(
            rf"\b(?:{MOD})?(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b",
            _I,
        ),
        resolve_dates.month_rel_year,
    ),
    Rule(
        "month_shift",
        _rx(
            rf"\b(?:{MOD}|(?P<shift>[Ll]ast|[Nn]ext|[Tt]his(?:\s+(?:coming|past))?)\s+)"
            rf"(?P<mon>{_MONTH})(?![\w'])"
        ),
        resolve_dates.month_only,
    ),
    Rule("month_bare", _rx(rf"\b(?P<mon>{_MONTH})(?!\w|'(?!s\b))"), resolve_dates.month_only),
    Rule(
        "week_of",
        _rx(rf"\b(?:the\s+)?week\s+of\s+(?P<mon>{_MONTH})\s+(?P<day>{_DAY}|{_ORDWORD})\b"),
        resolve_dates.week_of,
    ),
    Rule(
        "the_year",
        _rx(
            r"\b(?:(?:earlier|later)\s+in\s+)?the\s+(?P<q>full|fiscal|current\s+fiscal|calendar|"
            r"current\s+calendar|latest\s+fiscal|previous\s+fiscal|previous|prior|same)?\s*year\b"
            r"(?!['’-]|\s+(?:ago|earlier|before|later|after|of|to|in\s+which|when)\b)",
            _I,
        ),
        resolve_periods.the_year,
    ),
    Rule(
        "holiday",
        _rx(
            r"\b(?P<h>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|"
            r"Independence\s+Day|Halloween|Valentine's\s+Day|Labor\s+Day|Memorial\s+Day)"
            r"(?!\s+(?:holiday|weekend|season|shopping|sales|parade|dinner|tree|cards?|gifts?)\b)"
        ),
        resolve_dates.holiday,
    ),
    Rule(
        "half_year",
        _rx(
            rf"\b(?:the\s+)?(?:(?P<rel>last|next|this)\s+year'?s\s+)?(?P<h>first|second|last)"
            rf"[\s-]half(?:\s+of\s+(?:(?:the|this)\s+year|(?:fiscal\s+)?(?P<year>{_YEAR})))?\b",
            _I,
        ),
        resolve_periods.half,
    ),
    Rule(
        "year",
        _rx(
            rf"(?:\b{MOD}|\b(?:fiscal|calendar|model)\s+(?:year\s+)?|\b(?:the\s+)?year\s+|"
            rf"\bpost-|\bpre-|\bthe\s+(?P<half>first|second|last)\s+half\s+of\s+(?:fiscal\s+)?)?"
            rf"(?<![\d,.$£€#/])(?P<year>{_YEAR})(?![\d%/]|[.,]\d|-\d|\s*(?:%|percent))\b"
            rf"(?!'?s\b)",
            _I,
        ),
        resolve_dates.year_only,
    ),
    Rule(
        "spoken_year",
        _rx(
            rf"\b(?:the\s+year\s+)?(?P<year>{_SPOKEN_YEAR})\b(?!\s+(?:hundred|thousand|million))",
            _I,
        ),
        resolve_dates.year_only,
    ),
    Rule(
        "decade",
        _rx(
            rf"\b(?:the\s+)?(?:{_EDGE}[\s-]+|mid-)?(?:(?P<cent>1[6-9]|20)(?P<dec>[0-9]0)'?s\b|"
            rf"'(?P<dec2>[0-9]0)s\b)",
            _I,
        ),
        resolve_dates.decade,
    ),
    Rule(
        "century",
        _rx(r"\b(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)[\s-]century\b", _I),
        resolve_dates.century,
    ),
    Rule(
        "relative_day",
        _rx(
            rf"\b(?:(?:{_EDGE})\s+)?(?P<word>today|tonight|yesterday|tomorrow|"
            rf"the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow))\b"
            rf"(?:\s+(?P<part>{_PART}))?",
            _I,
        ),
        resolve_dates.relative_day,
    ),
    Rule(
        "weekday",
        _rx(
            rf"\b{_SHIFT_WD}?(?P<wd>{_WEEKDAY})(?:\s+(?P<part>{_PART}))?\b(?!,?\s+{_MONTH})",
        ),
        resolve_dates.weekday,
    ),
    Rule(
        "weekday_lower_shift",
        _rx(
            rf"\b(?P<shift>[Ll]ast|[Nn]ext|[Tt]his(?:\s+(?:coming|past))?|[Ee]arly|[Ll]ate|"
            rf"[Ee]arlier|[Ll]ater)\s+(?P<wd>{_WEEKDAY})(?:\s+(?P<part>{_PART}))?\b"
        ),
        resolve_dates.weekday,
    ),
    Rule(
        "this_unit",
        _rx(
            rf"\b(?:{MOD})?(?P<rel>this|last|next|the\s+coming|the\s+current|this\s+coming|"
            rf"this\s+past|the\s+previous|the)\s+(?P<unit>year|month|week|weekend|quarter)\b"
            rf"(?!['’]s\s+(?:end|close))(?!-)",
            _I,
        ),
        resolve_periods.this_unit,
    ),
    Rule(
        "year_end",
        _rx(
            r"\b(?:(?:around|at|by|until|before)\s+)?(?:the\s+)?(?:year[\s-]end|year's\s+end"
            r"|end\s+of\s+(?:the|this)\s+year)\b(?!-)",
            _I,
        ),
        resolve_periods.year_end,
    ),
    Rule(
        "ago",
        _rx(
            rf"\b(?:(?:about|nearly|almost|more\s+than|less\s+than|some|roughly|just|only|"
            rf"over|at\s+least|exactly|barely)\s+)?(?P<n>{_NUM})(?:\s+or\s+so)?\s+"
            rf"(?P<unit>years?|months?|weeks?|days?|decades?|quarters?)(?:\s+or\s+so)?\s+"
            rf"(?P<dir>ago|earlier|later|before|from\s+now|hence)\b",
            _I,
        ),
        resolve_periods.ago,
    ),
    Rule(
        "quarter",
        _rx(
            rf"\b(?:(?:the|its|their|a|an)\s+(?:\w+\s+)??)?(?:(?P<owner>this|last|next)\s+year'?s\s+)?"
            rf"(?:(?P<qyear>{_YEAR})\s+)?(?:fiscal[\s-]+)?(?P<q>{_QUARTER_ORD})[\s-]+"
            rf"(?:fiscal[\s-]+)?(?:-?period|quarter)(?:\s+of\s+(?:fiscal\s+)?(?P<year>{_YEAR}))?\b",
            _I,
        ),
        resolve_periods.quarter,
    ),
    Rule(
        "the_quarter",
        _rx(
            r"\b(?:the|its)\s+(?P<which>latest|current|most\s+recent|recent|just-ended|"
            r"just\s+ended|same)?\s*(?:fiscal\s+)?(?P<xe>quarter)\b(?!s)(?!\s+(?:of|a\s+year))"
            rf"(?:\s+end(?:ed|ing)\s+(?P<mon>{_MONTH})\s+(?P<day>{_DAY}))?",
            _I,
        ),
        resolve_periods.the_quarter,
    ),
    Rule(
        "latest_period",
        _rx(r"\bthe\s+latest\s+(?:period|three\s+months)\b", _I),
        resolve_periods.the_quarter,
    ),
    Rule(
        "year_earlier_period",
        _rx(
            rf"\b(?:the\s+)?(?:year[\s-](?:earlier|ago)|(?P<year>{_YEAR}))\s+"
            rf"(?:(?:first|second|third|fourth)\s+)?(?:period|quarter)\b"
            rf"|\b[Yy]ear-(?:earlier|ago)\b|\bthe\s+quarter\s+a\s+year\s+(?:ago|earlier)\b",
        ),
        resolve_periods.year_earlier_period,
    ),
    Rule(
        "that_unit",
        _rx(
            r"\b(?:(?:earlier|later)\s+)?(?:that|the\s+(?P<rel>same|following|next|previous|"
            r"preceding)|that\s+same)\s+(?P<unit>day|month|year)\b",
            _I,
        ),
        resolve_periods.that_unit,
    ),
    Rule(
        "season",
        _rx(
            r"\b(?:(?P<shift>last|next|this(?:\s+(?:past|coming))?|early|late|the|in)\s+)"
            r"(?P<season>spring|summer|fall|autumn|winter)\b(?!\s+(?:of\s+)?(?:19|20)\d\d)"
            r"(?!\s+(?:collection|season|olympics|games|school|camp|break|vacation|"
            r"festival|semester|term|wheat|months)\b)",
            _I,
        ),
        resolve_periods.season_unless_name,
    ),
    Rule(
        "season_year",
        _rx(
            rf"\b(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+(?:of\s+)?"
            rf"(?P<year>{_YEAR})\b",
            _I,
        ),
        resolve_periods.season,
    ),
    Rule(
        "present_ref",
        _rx(
            r"\b(?:right\s+now|now|currently|at\s+present|at\s+the\s+moment|these\s+days|"
            r"nowadays|(?:(?:the|its|his|her|their|our)\s+|\b(?=current\s+[a-z]))(?P<x>current)(?!\s+(?:account|quarter|year|"
            r"month|week|fiscal|period|dollars?|prices?|assets|liabilities|yield|rate|session))"
            r"|then[\s-]current)\b(?!\s+that\b)",
            _I,
        ),
        resolve_periods.present_ref,
    ),
    Rule(
        "past_ref",
        _rx(
            r"\b(?:recently|lately|in\s+(?P<past>the\s+past)(?!\s+(?:\w+\s+)?(?:years?|months?|"
            r"weeks?|days?|decades?))|(?:in\s+)?recent\s+(?:days|weeks|months|years|times)|"
            r"recently|recent(?=\s+[a-zA-Z]))\b",
            _I,
        ),
        resolve_periods.past_ref,
    ),
    Rule(
        "future_ref",
        _rx(
            r"\b(?:(?:the|in)\s+(?:near\s+|foreseeable\s+|distant\s+)?future|"
            r"the\s+(?:near|short)\s+term|in\s+(?:the\s+)?coming\s+(?:days|weeks|months|years)|"
            r"a\s+later\s+date|(?<!as\s)soon(?!\s+(?:as|after|afterwards?|thereafter)\b)(?!-)|"
            r"(?<![-\w])future(?=\s+[a-z]))\b",
            _I,
        ),
        resolve_periods.future_ref,
    ),
)

RULES_BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}
