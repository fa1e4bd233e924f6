"""Time expressions, normalised against the publication date (TIMEX3 conventions).

A compact regular grammar finds the expressions; small resolvers turn each one into a
TIMEX3 ``value`` relative to the anchor (the document creation time, normally
``Document.published``). The TIMEX3 value is kept internally (`Timex.value`: ``1998-10-12``,
``1998-10``, ``1998``, ``1998-Q3``, ``1998-W43``, ``1998-SU``, ``199X``, ``PRESENT_REF`` …)
so it can be scored against TimeML gold; `contract_date` maps it to the ``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD`` shape of `TimeExpression.date`, or None.

Conventions (TempEval-3 / TIMEX3 newswire practice):

* A bare weekday is the most recent such day before the anchor (the anchor itself if it
  is that weekday: the TempEval gold does this), or the next one when its clause is in
  the future or present tense ("meet Monday"), or follows "until"/"as early as".
  ``last Tuesday`` is always strictly before the anchor, ``next Tuesday`` strictly after;
  a possessive (``Monday's ruling``) looks back.
* A month or month-day without a year is the anchor's month (day) in the anchor's year;
  otherwise a future clause takes the next occurrence and a past one the previous one
  ("the factory closed in December", written in March). When the nearest verb only
  reports ("said", "announced") or there is none, the previous occurrence is taken
  unless the next one is under a third as far: newswire reports scheduled events in
  the past tense ("declared a dividend payable Dec. 15", written in late October).
* "Friday night" is the date of that Friday (``resolve_dates.KEEP_PART_OF_DAY`` switches
  to TIMEX3's ``TNI``/``TMO`` suffixes, which the TempEval DATE gold uses only half the
  time).
* ``this/last/next week`` are ISO weeks (``1998-W08``); in `TimeExpression.date` a week
  becomes the month (``YYYY-MM``) of its Thursday, the day that fixes which year and
  month ISO weeks belong to. A weekend is the month of its Saturday.
* Quarters, halves and seasons (``1989-Q3``, ``1989-H2``, ``1989-SU``) become their year
  in `TimeExpression.date`; decades (``199X``), centuries and the vague references
  (``PRESENT_REF`` for "now", ``PAST_REF`` for "recently", ``FUTURE_REF`` for "soon")
  have no date. `extract_times` leaves the vague references out of the timeline.
* A date in numbers with slashes ("15/09/2013", "2 / 3 / 2009") is read day first or
  month first only when that is decided: by a part above 12, by the weekday written
  before it, or by the page's other slash dates that a part above 12 decides; otherwise
  it has no value (never guessed).
* Without ``published``, the anchor is the day the page states for itself: a full date on
  one of its first lines that is a time stamp ("September 14, 2013 10:46 AM", "Published:
  Dec. 19, 2005", "10 June 2013 Last updated at 14:00 GMT"; `page_date`). Without
  either, relative expressions ("last year", "on Tuesday", "3 October") get no date,
  never today's date; absolute ones ("12 October 2026", "1998") still resolve.
* ``a year earlier``, ``the quarter``, ``that day`` refer to the last expression the text
  mentioned (TIMEX3 ``anchorTimeID``), falling back on the anchor.

dateparser is not used: it misses "last November" and "earlier this year", reads a
weekday named on that weekday as a week earlier, and cannot give quarters, weeks or the
vague references (see ``bench/dates.py`` for the comparison).

Modules, in the order a text goes through them:

* ``lexicon``: month, weekday, season names and number words, and their readers;
* ``grammar``: the rules (one pattern and one resolver each);
* ``candidates``: every rule's matches, context checks, the non-overlapping choice;
* ``tense``: the tense of a clause, from function words or a spaCy parse;
* ``sentences``: sentence spans (split here or taken from a parse);
* ``context``: what a resolver sees (anchor, tense, earlier mentions);
* ``resolve_dates``, ``resolve_periods``: one resolver per rule;
* ``anchoring``: the calendar arithmetic (weeks, quarters, offsets, which occurrence);
* ``timex``: the TIMEX3 record and `contract_date`;
* ``extract``: `find_timexes`, `extract_times` and `annotate_dates` (the dates stage).
"""

from __future__ import annotations

from newsdesk.annotate.dates.anchoring import parse_anchor
from newsdesk.annotate.dates.extract import (
    annotate_dates,
    document_date,
    extract_times,
    find_timexes,
    page_date,
)
from newsdesk.annotate.dates.sentences import parsed_sentences, split_sentences
from newsdesk.annotate.dates.tense import Tense, TenseOf, parse_tense, parsed_tense, regex_tense
from newsdesk.annotate.dates.timex import Timex, contract_date, values

__all__ = [
    "Tense",
    "TenseOf",
    "Timex",
    "annotate_dates",
    "contract_date",
    "document_date",
    "extract_times",
    "find_timexes",
    "page_date",
    "parse_anchor",
    "parse_tense",
    "parsed_sentences",
    "parsed_tense",
    "regex_tense",
    "split_sentences",
    "values",
]
