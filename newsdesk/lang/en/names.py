"""The shape of personal names: particles, generational suffixes, surname-first
family names.

Particles and suffixes: general English and European naming conventions. Surname-first
family names: the most common Korean, Chinese and Vietnamese family names (national
statistics' top lists), in their usual romanisations. Company words: the legal forms and
the trade words that end a company's name in English-language business copy ("Inc",
"Holdings", "Telecom"); none ends a person's name. Organisation nouns: general English
nouns for shops, firms and news outlets.
"""

from __future__ import annotations

PARTICLES = frozenset("van von de den der da di du la le al el bin ibn dos das del y ul".split())
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# The legal forms a company's name may end in ("Co." of "Taiwan Semiconductor
# Manufacturing Co.", whose initials may leave it out: "TSMC").
LEGAL_FORMS = frozenset(
    """inc incorporated corp corporation co company ltd limited plc llc lp gmbh ag sa nv bv
    spa""".split()
)
COMPANY_WORDS = LEGAL_FORMS | frozenset(
    """group holdings telecom telecoms communications airlines airways motors industries
    technologies systems networks pharmaceuticals petroleum oil bank bancorp insurance
    securities ventures partners labs laboratories""".split()
)
# Words that end the name of a public body, a service, a sports league or a university
# team ("Valmont Police", "Tessel Fire Department", "Norland State", "Premier League");
# none ends a person's name.
BODY_WORDS = frozenset(
    """police fire rescue department ministry council committee commission authority
    agency board service services facilities state league""".split()
)
# Words ending the name of a body that stands in one place: "the District Court in
# Valmont", "Orsk Bible Church in Orsk" name a court or a church and where it is, unlike
# a cause's name that holds a place ("Human Rights in Orskia"). Besides these, the
# building words of `places.PLACE_NAME_WORDS`, `COMPANY_WORDS` and `BODY_WORDS`.
LOCATED_WORDS = frozenset(
    "court church embassy consulate office bureau branch club mission".split()
)
# Common nouns for a business or a news outlet: a name modifying one ("a Lunde boutique",
# "Valmont Info radio") or described by one ("the magazine Kestrel", "a newspaper, X") is
# the name of a company, brand or outlet, even when it is a person's name.
ORGANISATION_NOUNS = frozenset(
    """store shop boutique brand label chain franchise outlet dealership showroom
    jeweller jeweler jewelry jewellery restaurant cafe bakery plant factory firm company
    retailer newspaper magazine daily weekly tabloid journal radio television channel
    broadcaster""".split()
)
# Words after a hyphen that turn a name into a modifier ("Lenz-style", "Brandt-era"),
# besides participles ("-led", "-backed") and "-ly" words ("-friendly").
COMPOUND_ADJECTIVE_HEADS = frozenset("style era like born run type".split())
SURNAME_FIRST = frozenset(
    """kim lee rhee ri park pak choi choe jung chung kang cho yoon yun jang lim han shin oh
    seo kwon hwang ahn song moon wang li zhang liu chen yang huang zhao wu zhou xu sun zhu
    hu guo lin xi he nguyen tran pham""".split()
)
# Endings one given name is spelt with in its familiar forms ("Betty", "Bettie",
# "Betti"; "Bobby", "Bobbie"; "Kelsey", "Kelsie"): general English spelling variation
# of diminutives, longest first.
DIMINUTIVE_ENDINGS = ("ie", "ey", "y", "i")
