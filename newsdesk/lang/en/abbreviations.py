"""Abbreviations whose full stop is no sentence end, and the words that open sentences.

Hand-written for newsdesk from the abbreviations of English news copy (AP style titles,
"No.", "vs.", street and unit abbreviations).
"""

from __future__ import annotations

from newsdesk.lang.en.titles import ABBREVIATIONS

# A full stop after one of these never ends a sentence ("Mr. Smith", "No. 5", "vs.").
NO_BREAK = frozenset(ABBREVIATIONS) | frozenset(
    """mr mrs ms messrs cpt cmdt fr st mt ft gens sens reps hon atty vs v no nos vol fig
    approx ca cf esp dept est univ ave blvd rd""".split()
)
# Abbreviations that often end a sentence too ("Smith Jr.", "Acme Inc.").
AMBIGUOUS = frozenset("jr sr inc co corp ltd plc llc bros etc al".split())
# Words that open sentences: after an ambiguous abbreviation, a capitalised one of these
# means the abbreviation also ended the sentence.
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there
    but and or so yet if when while as after before since although though because in on
    at by for from with without about during under over into of to also however meanwhile
    still now then later earlier instead many most some no not one two three what who how
    why where which police officials""".split()
)
