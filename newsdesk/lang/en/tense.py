"""Function words that mark the tense of a clause, for reading it without a parse.

Hand-written for newsdesk from English grammar: modals and future markers, common
irregular past forms, words ending in "-ed" that are no past tense.
"""

from __future__ import annotations

FUTURE_MARKERS = frozenset(
    "will 'll shall wo gonna would can may might must should tomorrow next upcoming "
    "scheduled slated".split()
)
FUTURE_IF_TO = frozenset(
    "expected expects expect due hopes hope aims aim set going intends intend plans plan "
    "planned planning".split()
)
PAST_IRREGULAR = frozenset(
    "was were had did said told rose fell took made came went got gave saw began became "
    "left met held won lost sold bought paid sent spent found thought brought struck led "
    "ran wrote spoke broke chose drove flew grew knew threw wore ate fought caught taught "
    "sought meant felt kept slept stood understood heard built sat shot fled ago earlier "
    "yesterday arrived rolled announced".split()
)
PRESENT_WORDS = frozenset("is are has have does do says say now".split())
NOT_PAST_ED = frozenset(
    "need feed seed speed bed red shed indeed proceed exceed breed succeed heed bleed embed "
    "hundred kindred sacred naked wicked ragged rugged preferred limited related based "
    "advanced detailed experienced supposed so-called united concerned interested listed "
    "skilled armed qualified married retired registered talented renewed".split()
)
PASSIVE_AUX = frozenset("be been being".split())
# The present forms of "be" that make a progressive present ("are holding"): an event
# still going on when the report was written.
PRESENT_BE = frozenset("am is are 's 're".split())
REPORTING_PAST = frozenset(
    "said told announced reported informed added stated noted declared disclosed".split()
)
