"""The lexicon of names in news copy and tests of a token's or a name's shape.

Word lists (titles, honorifics and their abbreviations, demonyms, countries, months,
surname-first family names, name particles, separators) and the small predicates built on
them: is this token a title ("Mayor", "Dr."), an honorific ("Mr."), an initial ("K.",
not "U.S."), a country; which words of a full name may stand alone for it; where a name
pattern the model misses ends ("K. Curran", "Ri Jong Ho", "Rhee Dong-su").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token


def _words(text: str) -> frozenset[str]:
    """A word list written as text, lowercased ("_" stands for a space)."""
    return frozenset(w.replace("_", " ").casefold() for w in text.split())


SPLIT_WORDS = frozenset({"v", "v.", "vs", "vs.", "versus", "at"})
SPLIT_PUNCT = frozenset("()[]{},;:/|")
DASHES = frozenset({"-", "–", "—", "--"})
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs", "madam", "mme", "sir", "dame"})
ABBREVIATIONS = dict(
    pair.split(":")
    for pair in _words("""
dr:doctor prof:professor adm:admiral gen:general lt:lieutenant col:colonel maj:major
capt:captain cmdr:commander cdr:commander sgt:sergeant cpl:corporal gov:governor sen:senator
rep:representative rev:reverend insp:inspector supt:superintendent det:detective
amb:ambassador pres:president brig:brigadier
""")
)
TITLE_WORDS = _words("""
president vice prime minister secretary chancellor premier mayor governor senator congressman
congresswoman councillor councilor councilman councilwoman alderman judge justice chief deputy
director chairman chairwoman chairperson commissioner inspector superintendent sergeant
detective constable captain commander admiral general colonel lieutenant corporal brigadier
ambassador envoy consul king queen prince princess emperor empress sheikh pope cardinal bishop
archbishop rabbi imam pastor reverend professor doctor coach manager spokesman spokeswoman
spokesperson attorney prosecutor lawyer sheriff marshal master skipper striker midfielder
defender goalkeeper ceo executive founder chairman leader official officer ayatollah sultan
emir duke duchess earl baron surgeon nurse teacher deckhand shipowner businessman businesswoman
economist analyst activist diplomat negotiator ombudsman treasurer rector editor publisher
correspondent president-elect mp mep magistrate coroner warden harbourmaster
""")
DEMONYMS = _words("""
American British English French German Italian Spanish Russian Chinese Japanese Korean Indian
Pakistani Australian Canadian Mexican Brazilian Argentine Dutch Belgian Swiss Austrian Swedish
Norwegian Danish Finnish Polish Czech Slovak Hungarian Romanian Bulgarian Serbian Croatian
Bosnian Greek Turkish Israeli Palestinian Iranian Iraqi Syrian Lebanese Jordanian Egyptian Saudi
Kenyan Nigerian Ethiopian Moroccan Algerian Tunisian Libyan Ukrainian Belarusian Irish Scottish
Welsh Portuguese Cuban Colombian Chilean Peruvian Venezuelan Indonesian Malaysian Thai Vietnamese
Filipino Afghan Taiwanese Zimbabwean Ghanaian Ugandan Jamaican Kazakh Georgian Armenian Lithuanian
Latvian Estonian Slovenian Icelandic Qatari Kuwaiti Yemeni Sudanese Somali Bangladeshi Nepalese
""")
EAST_ASIAN_SURNAMES = _words("""
kim lee rhee ri park pak choi choe jung chung kang cho yoon yun jang lim han shin oh seo kwon
hwang ahn song moon wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin xi he
nguyen tran pham
""")
COUNTRIES = _words("""
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas
Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil
Brunei Bulgaria Burkina_Faso Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros
Congo Costa_Rica Croatia Cuba Cyprus Czech_Republic Denmark Djibouti Dominica Dominican_Republic
Ecuador Egypt El_Salvador Eritrea Estonia Ethiopia Fiji Finland France Gabon Gambia Georgia Germany
Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran
Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kazakstan Kenya Kuwait Kyrgyzstan Laos
Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Macedonia Madagascar Malawi
Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Moldova Monaco Mongolia Montenegro Morocco
Mozambique Myanmar Burma Namibia Nepal Netherlands Holland New_Zealand Nicaragua Niger Nigeria
North_Korea South_Korea Norway Oman Pakistan Panama Papua_New_Guinea Paraguay Peru Philippines
Poland Portugal Qatar Romania Russia Rwanda San_Marino Saudi_Arabia Senegal Serbia Seychelles
Sierra_Leone Singapore Slovakia Slovenia Somalia South_Africa Spain Sri_Lanka Sudan Suriname
Swaziland Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Trinidad Tunisia
Turkey Turkmenistan Uganda Ukraine United_Arab_Emirates United_Kingdom Britain Great_Britain
United_States Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Yugoslavia Zaire Zambia Zimbabwe
England Scotland Wales Northern_Ireland U.S. USA U.K.
""")  # "_" stands for a space
PARTICLES = _words("van von de den der da di du la le al el bin ibn dos das del y ul")
JOINERS = frozenset({"of", "the", "for", "and", "&", "-"})
STATE_WORDS = frozenset({"late", "then", "now"})
PERSON_NOUNS = TITLE_WORDS | frozenset(
    "wife husband son daughter sister brother mother father widow man woman passenger".split()
)
VESSELS = frozenset("ship ferry vessel boat tanker freighter yacht trawler liner tug".split())
NOT_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U."})
MONTHS = _words("""
january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec
""")
INITIAL = re.compile(r"^(?:[A-Z]\.){1,2}$")


def has_digit(text: str) -> bool:
    """Whether ``text`` contains a digit (numbers are never part of a name)."""
    return any(c.isdigit() for c in text)


def plain_word(tok: Token) -> str:
    """A token's lowercase form without a trailing full stop ("Adm." → "adm")."""
    return tok.lower_.rstrip(".")


def is_honorific(tok: Token) -> bool:
    return plain_word(tok) in HONORIFICS and tok.text[0].isupper()


def is_abbrev_title(tok: Token) -> bool:
    """A capitalised title abbreviation or honorific ("Dr.", "Adm", "Mr.")."""
    return tok.text[0].isupper() and (plain_word(tok) in ABBREVIATIONS or is_honorific(tok))


def is_title(tok: Token) -> bool:
    """A title or honorific that can stand before a name."""
    return is_abbrev_title(tok) or plain_word(tok) in TITLE_WORDS


def is_country(text: str) -> bool:
    return " ".join(text.split()).casefold() in COUNTRIES


def is_initial(tok: Token) -> bool:
    """A personal initial ("K.", "J.J."), not a country abbreviation ("U.S.")."""
    return bool(INITIAL.match(tok.text)) and tok.text not in NOT_INITIALS


def capitalised(tok: Token) -> bool:
    """A capitalised word that is not a title or a stop word."""
    plain = not (tok.is_upper or tok.is_stop or is_title(tok))
    return tok.is_alpha and tok.text[0].isupper() and plain


def glued(parsed: SpacyDoc, i: int) -> bool:
    """Whether token ``i`` is a hyphen inside a word (no space on either side)."""
    return parsed[i].text == "-" and not parsed[i].whitespace_ and not parsed[i - 1].whitespace_


def surnames_of(name: str) -> list[str]:
    """The words of a full name that may stand alone for it (surname-first names too)."""
    words = name.split()
    surname_first = words[0].casefold() in EAST_ASIAN_SURNAMES or re.search(r"-[a-z]", words[-1])
    return [words[-1], words[0]] if surname_first else [words[-1]]


def person_pattern_end(parsed: SpacyDoc, i: int) -> int:
    """End of a name pattern starting at token ``i`` ("K. Curran", "Ri Jong Ho"), else ``i``."""
    n = len(parsed)
    if i and parsed[i - 1].is_alpha and parsed[i - 1].text[0].isupper():
        return i
    if is_initial(parsed[i]) and i + 1 < n and capitalised(parsed[i + 1]):
        return i + 2
    if parsed[i].lower_ not in EAST_ASIAN_SURNAMES or not parsed[i].text[0].isupper():
        return i
    if i + 3 < n and parsed[i + 1].is_title and glued(parsed, i + 2) and parsed[i + 3].is_alpha:
        return i + 4
    if (
        i + 2 < n
        and all(capitalised(parsed[j]) and len(parsed[j]) <= 4 for j in (i + 1, i + 2))
        and not (i + 3 < n and capitalised(parsed[i + 3]))
    ):
        return i + 3
    return i
