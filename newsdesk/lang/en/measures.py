"""Units of measure and the closed classes of attribute values a report can state.

Unit names and their sizes: SI and US customary units as English writes them (singular
lemmas and common abbreviations), with their size in one base unit per dimension.
Currencies: the major currencies' names and symbols. Colours: the basic colour terms of
English (Berlin & Kay) and common car-paint variants. Directions: the compass points.
"""

from __future__ import annotations

# unit → (dimension, size in the dimension's base unit: metre, day, kilogram)
UNITS: dict[str, tuple[str, float]] = {
    "millimetre": ("length", 0.001), "millimeter": ("length", 0.001), "mm": ("length", 0.001),
    "centimetre": ("length", 0.01), "centimeter": ("length", 0.01), "cm": ("length", 0.01),
    "metre": ("length", 1.0), "meter": ("length", 1.0), "m": ("length", 1.0),
    "kilometre": ("length", 1000.0), "kilometer": ("length", 1000.0), "km": ("length", 1000.0),
    "inch": ("length", 0.0254), "foot": ("length", 0.3048), "feet": ("length", 0.3048),
    "ft": ("length", 0.3048), "yard": ("length", 0.9144), "mile": ("length", 1609.344),
    "second": ("duration", 1 / 86400), "minute": ("duration", 1 / 1440),
    "hour": ("duration", 1 / 24), "day": ("duration", 1.0), "week": ("duration", 7.0),
    "month": ("duration", 30.44), "year": ("duration", 365.25), "decade": ("duration", 3652.5),
    "gram": ("mass", 0.001), "kilogram": ("mass", 1.0), "kg": ("mass", 1.0),
    "pound": ("mass", 0.4536), "lb": ("mass", 0.4536), "ton": ("mass", 1000.0),
    "tonne": ("mass", 1000.0),
}  # fmt: skip
# currency words and symbols → the currency's name
CURRENCIES: dict[str, str] = {
    "$": "dollars", "dollar": "dollars", "dlrs": "dollars", "usd": "dollars",
    "€": "euros", "euro": "euros", "eur": "euros", "£": "pounds sterling",
    "sterling": "pounds sterling", "gbp": "pounds sterling", "¥": "yen", "yen": "yen",
    "yuan": "yuan", "rupee": "rupees", "franc": "francs", "krone": "crowns",
    "krona": "crowns", "kroner": "crowns", "kronor": "crowns", "crown": "crowns",
    "rouble": "roubles", "ruble": "roubles",
}  # fmt: skip
# counted nouns that name the same thing ("people" and "persons" counted as persons)
COUNTED_SYNONYMS: dict[str, str] = {"people": "person", "persons": "person"}
# nouns that count people without an agent suffix ("-er", "-ist"): a count of them is
# never taken for a count of things written with another noun
PEOPLE_COUNTED = frozenset(
    "person people child children victim crew staff team family survivor hostage".split()
)
# verbs (lemmas) by which reports give one count or date: the injured, the dead, those on
# board, those arrested ("14 people were *hurt*" and "*injuring* 12 people" report one
# number; "*detained* 40 people", "40 people were *arrested*")
ANCHOR_SYNONYMS: dict[str, str] = {
    "hurt": "injure", "wound": "injure", "die": "kill", "perish": "kill",
    "aboard": "carry", "board": "carry", "detain": "arrest",
}  # fmt: skip
# verbs that report an arrest when what they act on names people ("*seized* 40 suspects";
# "seized two boats" is no arrest)
PEOPLE_ANCHOR_SYNONYMS: dict[str, str] = {"seize": "arrest", "capture": "arrest"}
# words that place those counted on a vessel or vehicle ("231 passengers on board")
ABOARD = frozenset({"aboard", "board"})
COLOURS = frozenset(
    """black white red green yellow blue brown orange pink purple grey gray silver gold
    beige maroon navy tan""".split()
)
# Each direction's compass bearing in degrees.
BEARINGS = {
    d: 45 * i
    for i, names in enumerate(
        [
            "north",
            "northeast north-east",
            "east",
            "southeast south-east",
            "south",
            "southwest south-west",
            "west",
            "northwest north-west",
        ]
    )
    for d in names.split()
}
DIRECTIONS = frozenset(BEARINGS)
# Words naming a scale whose value is written beside them ("a magnitude 6.1 quake",
# "a 6.1-magnitude earthquake", "magnitude of 6.1"): seismic and storm scales.
SCALES = frozenset({"magnitude", "category"})
