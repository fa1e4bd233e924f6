"""Pronouns and the nouns that describe people and their relations.

Hand-written for newsdesk from English grammar (personal pronouns, kinship terms) and
general English nouns for people.
"""

from __future__ import annotations

from typing import Literal

from newsdesk.lang.en.measures import PEOPLE_COUNTED
from newsdesk.lang.en.titles import ABBREVIATIONS, TITLE_WORDS

MASCULINE = frozenset("he him his himself".split())
FEMININE = frozenset("she her hers herself".split())
PERSONAL = MASCULINE | FEMININE
# Nouns that tell the gender of the person they describe ("His sister, X").
FEMALE_NOUNS = frozenset(
    """sister wife mother daughter widow grandmother granddaughter aunt niece girlfriend
    fiancee stepmother stepdaughter mum mom spokeswoman chairwoman councilwoman
    congresswoman businesswoman actress""".split()
)
MALE_NOUNS = frozenset(
    """brother husband father son widower grandfather grandson uncle nephew boyfriend
    fiance stepfather stepson dad spokesman chairman councilman congressman businessman
    actor""".split()
)
CHILD = frozenset({"son", "daughter", "child", "stepson", "stepdaughter"})
PARENT = frozenset({"father", "mother", "parent", "stepfather", "stepmother"})
SPOUSE = frozenset({"wife", "husband", "spouse", "widow", "widower", "partner"})
RELATIVE = frozenset(
    """brother sister sibling cousin uncle aunt nephew niece grandson granddaughter
    grandfather grandmother grandchild brother-in-law sister-in-law son-in-law
    daughter-in-law father-in-law mother-in-law""".split()
)
# Honorifics that tell a woman or a man ("Miss Jenkin" is not "John Jenkin").
FEMALE_HONORIFICS = frozenset("mrs ms miss madam madame mme mlle dame".split())
MALE_HONORIFICS = frozenset("mr messrs sir msgr monsignor".split())  # a monsignor is a priest
# Family words: a person introduced by one ("said daughter Ann Vale") is named in passing.
KIN_NOUNS = CHILD | PARENT | SPOUSE | RELATIVE
# Nouns for two people spoken of together ("the *pair* said"): joint words.
PAIR_NOUNS = frozenset({"pair", "couple", "duo"})
# Nouns that relate one person to another: "his" in "his sister" is someone else.
RELATIONAL_NOUNS = (
    FEMALE_NOUNS
    | MALE_NOUNS
    | frozenset("cousin partner spouse friend colleague lawyer boss family relative".split())
)
# Nouns for people that no agent suffix (-er, -ist, -man …) tells.
PERSON_NOUNS = frozenset(
    """pilot nurse chef clerk coach guard diplomat aide envoy man woman passenger wife
    husband son daughter sister brother mother father widow""".split()
)
# Nouns of employment: "an engineer at X" → employed by X.
JOB_NOUNS = frozenset(
    """employee worker staffer researcher scientist engineer spokesperson adviser advisor
    consultant lecturer head president partner pilot crew agent representative
    investigator economist strategist journalist reporter columnist photographer officer
    director secretary chief""".split()
)
MEMBER_NOUNS = frozenset({"member", "fellow", "trustee", "backbencher"})
# Nouns naming a vessel: a name described by one is a ship, not a person.
VESSELS = frozenset(
    """ship ferry vessel boat tanker freighter yacht trawler liner tug cutter sloop ketch
    schooner catamaran trimaran dinghy barge steamer sailboat lifeboat warship frigate
    destroyer submarine cruiser carrier""".split()
)
# Prefixes written before a ship's name, in capitals ("MV Aster", "HMS Kestrel").
SHIP_PREFIXES = frozenset("mv ms mt hms hmas hmcs uss ins rms ss sv fv".split())
# Prepositions whose object is a vehicle ("aboard the Kestrel"), never a person.
VEHICLE_PREPOSITIONS = frozenset({"aboard", "onboard"})
# Common nouns a place name modifies when it says where someone is from ("a Valmont man").
RESIDENT_NOUNS = frozenset("man woman boy girl teenager teen resident native".split())
# Nouns naming a storm: "Hurricane Odile" is an event, not a person.
STORMS = frozenset("hurricane typhoon cyclone storm tornado".split())
# Nouns for people by their sex or age alone ("a black male", "two juveniles").
DESCRIBED_NOUNS = frozenset("male female adult juvenile minor youth".split())
# Endings of agent nouns: a noun that ends so may name people ("driver", "resident",
# "surgeon", "representative", "captain", "spokesperson").
AGENT_SUFFIXES = (
    "er", "or", "ist", "man", "ian", "ant", "ent", "ee", "eon", "ive", "ain", "person"
)  # fmt: skip


def gender_of(word: str) -> Literal["f", "m"] | None:
    """ "f" or "m" for a lowercase word that tells a person's gender (an honorific or a
    gendered noun: "mrs", "sister", "mr", "nephew"), else None. A first name never does."""
    if word in FEMALE_NOUNS or word in FEMALE_HONORIFICS:
        return "f"
    if word in MALE_NOUNS or word in MALE_HONORIFICS:
        return "m"
    return None


def names_people(noun: str, by_ending: bool = True) -> bool:
    """Whether a noun (a lemma) may name people: a known noun for people, a title or post
    ("mayor", "official"), or, with ``by_ending``, one with an agent suffix ("driver",
    "resident"), which some names of bodies share ("the regulator")."""
    return (
        noun in _PEOPLE_NOUNS
        or noun in TITLE_WORDS
        or noun in ABBREVIATIONS.values()
        or by_ending
        and noun.endswith(AGENT_SUFFIXES)
    )


_PEOPLE_NOUNS = (
    PERSON_NOUNS
    | JOB_NOUNS
    | MEMBER_NOUNS
    | RELATIONAL_NOUNS
    | RESIDENT_NOUNS
    | PEOPLE_COUNTED
    | DESCRIBED_NOUNS
)
