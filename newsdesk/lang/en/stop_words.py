"""Function words left out of word features (summary concepts, story terms, fact keys).

The classic English stop list of function words (pronouns, auxiliaries, articles,
prepositions, conjunctions; as in the SMART and NLTK lists) plus the reporting words
every news story repeats ("said", "told", "according"), which say nothing of its topic.
Stages that run on a parse may use spaCy's ``STOP_WORDS`` instead.
"""

from __future__ import annotations

STOP_WORDS = frozenset(
    """a about above according after again against all also am among an and any are around
    as at be because been before being below between both but by can could de did do
    does doing down during each el few for from further get got had has have having he
    her here hers herself him himself his how i if in into is it its itself just la le
    like may me might more most must my myself new no nor not now of off on once one
    only onto or other our ours ourselves out over own per s said same say says shall
    she should since so some such t than that the their theirs them themselves then
    there these they this those through to told too two under until up us very via was
    we were what when where which while who whom why will with would you your yours
    yourself yourselves""".split()
)
