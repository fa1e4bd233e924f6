"""Number words, ordinals, and the words that make a number approximate or negate it.

English cardinal and ordinal number words (the spelled-out forms style guides use).
"""

from __future__ import annotations

_SMALL = """zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen"""
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
# "zero" … "nineteen", "twenty" … "ninety" with their values.
NUMBER_WORDS: dict[str, int] = {
    **{w: i for i, w in enumerate(_SMALL.split())},
    **{w: 10 * i for i, w in enumerate(_TENS.split(), 2)},
}
SCALES: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# The short scales news writes after a sum's digits ("$35m", "£2.5bn", "$40 bn"): "m"
# and "k" only joined to the digits ("35 m" may be metres), "mn" and "bn" either way.
SUM_SUFFIXES: dict[str, float] = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}
JOINED_SUM_SUFFIXES = frozenset({"k", "m"})
# English's adverbs of how many times ("married twice"): the count "married three times"
# states in one word ("once" is left out: "once he left", "once again").
TIMES_ADVERBS: dict[str, float] = {"twice": 2.0, "thrice": 3.0}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
# Words that make a number approximate ("nearly 200", "more than 40").
APPROXIMATORS = frozenset(
    """about around almost nearly approximately roughly some over under more less fewer
    than least most up estimated approx circa several nigh upwards""".split()
)
NEGATORS = frozenset("no not none nobody never without".split())
# Nouns that follow a count ("1998 troops"): a number before one is no year.
COUNT_NOUNS = frozenset(
    "percent people troops soldiers men women children jobs shares workers employees miles "
    "feet meters metres tons points barrels units cars homes votes dollars yen pounds "
    "students members acres passengers police officers residents refugees deaths cases "
    "seats rooms ships planes aircraft guns rounds times pages words".split()
)
# Words that open a range of numbers ("between six and 75", "from 140 to 150"): English
# grammar's range prepositions.
RANGE_STARTS = frozenset({"between", "from"})
