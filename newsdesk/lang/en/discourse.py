"""Words that place a clause in the discourse: connectives, modals, other events.

Hand-written for newsdesk from English grammar (the conjunctive adverbs and modal
auxiliaries of standard grammars, e.g. Quirk et al. §8.134 and §4.49) and news usage.
"""

from __future__ import annotations

# Words and phrases that open a sentence by linking it to the one before ("However, ...");
# a summary line taken out of its place may drop them.
CONNECTIVES = (
    "But And Yet So Also However Meanwhile Still Moreover Furthermore Nevertheless "
    "Nonetheless Instead Separately Besides Indeed Then Now Thus Likewise Similarly".split()
    + ["In addition", "In other developments", "On the other hand", "At the same time"]
    + ["Elsewhere"]
)
# Modal auxiliaries and the infinitive marker: a verb with one of them states no fact
# ("could have killed", "licensed to carry").
MODALS = frozenset("can could might may would should must will shall 'll 'd to".split())
# Words by which a sentence may be about another event than the story's ("another ferry",
# "a year ago", "the previous crash").
OTHER_EVENT = frozenset("another previous earlier ago former separate".split())
# Words that describe an event as one of a series after others ("the quake was *the
# latest* in a series", "a 6.1 quake, *the latest* tremor"): its values are not the
# first event's.
SERIES_LATEST = frozenset({"latest"})
# Adverb particles of phrasal verbs ("called *in* six engines", "sent *out* two boats"),
# which a parse may take for a preposition whose object is the verb's object.
PARTICLES = frozenset("in out up off down back over".split())
# Adverbs that make a counted noun before them a distance or a gap ("arrested five
# buildings *away*", "two doors *down*", "born three years *apart*"): no count of things.
SPACING = frozenset("away apart down".split())
