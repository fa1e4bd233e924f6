"""Function words left out of word features (summary concepts, story terms, fact keys).

The classic English stop list of function words (pronouns, auxiliaries, articles,
prepositions, conjunctions; as in the SMART and NLTK lists) plus the reporting words
every news story repeats ("said", "told", "says"), which say nothing of its topic.
Stages that run on a parse may use spaCy's ``STOP_WORDS`` instead.
"""

from __future__ import annotations

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his
    how i if in into is it its itself just may me might more most must my myself no nor
    not now of off on once only onto or other our ours ourselves out over own s said
    same say says shall she should so some such t than that the their theirs them
    themselves then there these they this those through to told too under until up us
    very was we were what when where which while who whom why will with would you your
    yours yourself""".split()
)
# Words too common in news copy to tell one story from another (story terms leave them out;
# the summary keeps them: on DUC 2004 they carry concepts).
NEWS_FILLER = frozenset(
    """according among around de el get got la le like new one per since two via
    yourselves""".split()
)
# English prepositions (a closed class, as in Quirk et al. §9.7): a capitalised one opening
# a sentence ("Aboard Endeavour is ...") is no part of the name after it.
PREPOSITIONS = frozenset(
    """aboard about above across after against along alongside amid amidst among around
    as at atop before behind below beneath beside besides between beyond by despite down
    during except for from in inside into like near of off on onboard onto opposite out
    outside over past since through throughout till to toward towards under
    underneath unlike until up upon via with within without""".split()
)
