"""Months, weekdays, seasons and parts of the day, with their numbers.

English calendar names and their common news abbreviations (AP style: "Sept.", "Oct.").
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# "Oct." before a day number is no sentence end.
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
# Weekday abbreviations of page time stamps ("Tue Jul 2, 2013", "Fri., May 3"): AP style
# and the three-letter forms of HTTP/RFC 2822 dates.
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "TMO",
    "afternoon": "TAF",
    "evening": "TEV",
    "night": "TNI",
    "tonight": "TNI",
}

# Month words that are also common words or abbreviations ("may", "march", "sept").
AMBIGUOUS_MONTHS = frozenset("may march jan mar dec sept sep oct nov feb apr aug".split())
# Month words a month standing alone may be ("Sept." after its full stop is dropped).
BARE_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "sept jan feb aug oct nov dec apr".split()
)
# Determiners before a year that names a product's model, not a time, when a capitalised
# name follows ("his 2008 Bentley", "a 2013 Varro sedan"; "the 2004 tsunami" is a date):
# the indefinite articles and possessive determiners of English grammar.
MODEL_YEAR_DETERMINERS = frozenset("a an his her their its my our your".split())
# Prepositions that make a time a bound, not the time something happened ("put out *by*
# 7 a.m.", "closed *until* noon"): the temporal prepositions of English grammar other
# than "at", "on", "in" and "around".
TIME_BOUNDS = frozenset("by until till before after since from between through".split())
# Nouns that name a time, not a place ("at this time", "in the morning", "at the moment"):
# the general words for a point or stretch of time, the parts of a day and the units of
# duration.
TIME_NOUNS = frozenset(
    "time moment point stage period while season weekend day week month year decade "
    "century hour minute second morning afternoon evening night midnight noon dawn dusk "
    "today tonight tomorrow yesterday past future".split()
)
# Words that make a duration an offset from another time, not how long an event lasted
# ("17 hours *after* the attack", "two days *later*", "three weeks *ago*").
TIME_OFFSETS = frozenset("after before since later earlier ago".split())
# Adjectives that make a span of time one reaching back from now ("over the past two
# years", "in the last 15 months"): a window events fall in, not how long one lasted.
RECENT_SPANS = frozenset("past last previous".split())
# Periods that "last" puts a month or more before the story ("last season", "last year").
LONG_PERIODS = frozenset("season year decade century".split())
# Time zones a news page writes after a time ("11:28 EDT").
TIME_ZONES = frozenset("gmt utc bst cet cest est edt cst cdt pst pdt mst mdt".split())
