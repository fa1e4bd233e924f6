"""Countries, demonyms and the words that say a name is a place, as written in English news copy.

Country names: the sovereign states of the United Nations' member list with common short
and historical forms (Burma, Zaire, Yugoslavia) and the home nations of the UK.
Demonyms: the adjectives of the most reported countries. "_" stands for a space.
Place abbreviations: the AP stylebook's two-letter state abbreviations written with full
stops, the District of Columbia's and Los Angeles'.
Place nouns and place-name words: general English (the kinds of settlement and
administrative unit, natural features and buildings that head a proper name).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word list written as text, casefolded ("_" stands for a space)."""
    return frozenset(w.replace("_", " ").casefold() for w in text.split())


# Words that end a street name ("1925 Main Street" is an address, not a year).
STREET_SUFFIXES = _words("""
street st. avenue ave. road rd. boulevard blvd. lane ln. drive dr. way place pl. court ct.
terrace square highway parkway
""")
# Common nouns that say a name is a place: "the provincial capital X", "the town of X".
PLACE_NOUNS = frozenset(
    """city town village hamlet province capital state county district region island port
    suburb municipality prefecture neighbourhood neighborhood borough""".split()
)
# Words that make a capitalised name a place or a building, never a person's name
# ("X Hospital", "Mount X"). Words that are also common surnames (Park, Hill, Church,
# Lake, Ford) are left out, and so are street words that are (Street, Lane, Drive, Way).
PLACE_NAME_WORDS = {
    **dict.fromkeys(
        """mount mountain glacier river island peninsula valley canyon desert volcano
        reservoir strait canal bayou lagoon avenue ave ave. boulevard blvd blvd.""".split(),
        "LOC",
    ),
    **dict.fromkeys(
        """hospital clinic university college school academy airport station stadium arena
        cathedral mosque temple synagogue museum prison jail hotel motel center centre
        institute""".split(),
        "FAC",
    ),
}
# Words before a place's name that name a part of it ("Southern California" is in
# California), so a statement about the part may be one about the whole.
REGION_MODIFIERS = _words("""
northern southern eastern western central greater upper lower northeastern northwestern
southeastern southwestern
""")
# Prepositions whose object is a place ("in Port Tessel", "near the town").
PLACE_PREPOSITIONS = frozenset("in near outside across throughout inside".split())
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
# Places abbreviated with full stops in news copy (the AP style of the United States'
# two-word states and the District, and "L.A."): "N.Y. Times", "L.A. Times" are no
# person's initials and a name.
PLACE_ABBREVIATIONS = frozenset("D.C. L.A. N.C. N.D. N.H. N.J. N.M. N.Y. R.I. S.C. S.D.".split())
# Prepositions that say where an event happened ("found dead in a hotel room", "arrested
# at his home"): the locative prepositions of English grammar; "on" and "near" are left
# out (they also place a thing inside a place: "on the third floor", "near the window").
LOCATIVE_PREPOSITIONS = frozenset({"in", "at"})
# Prepositions of a movement's goal or source ("left *for* Libya", "flew *from* Varro"):
# the place a trip goes to or comes from is one of its participants, not where it happened.
GOAL_PREPOSITIONS = frozenset({"to", "for", "from", "into", "toward", "towards"})
