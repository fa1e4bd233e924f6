"""The shape of personal names: particles, generational suffixes, surname-first
family names.

Particles and suffixes: general English and European naming conventions. Surname-first
family names: the most common Korean, Chinese and Vietnamese family names (national
statistics' top lists), in their usual romanisations.
"""

from __future__ import annotations

PARTICLES = frozenset("van von de den der da di du la le al el bin ibn dos das del y ul".split())
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
SURNAME_FIRST = frozenset(
    """kim lee rhee ri park pak choi choe jung chung kang cho yoon yun jang lim han shin oh
    seo kwon hwang ahn song moon wang li zhang liu chen yang huang zhao wu zhou xu sun zhu
    hu guo lin xi he nguyen tran pham""".split()
)
