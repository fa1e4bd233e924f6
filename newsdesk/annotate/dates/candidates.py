"""Candidate finding: every match of every grammar rule, cheap context checks that drop
matches which are not time expressions (the verb "may", "$1998", "1998 troops"), and
the choice of non-overlapping matches (longest first, earlier rules on ties)."""

from __future__ import annotations

import re

from newsdesk.annotate.dates.context import group
from newsdesk.annotate.dates.grammar import MOD, RULES, RULES_BY_NAME, Rule
from newsdesk.lang.en.calendar import AMBIGUOUS_MONTHS, BARE_MONTH_WORDS
from newsdesk.lang.en.numbers import COUNT_NOUNS
from newsdesk.lang.en.places import STREET_SUFFIXES

Candidate = tuple[int, int, int, re.Match[str]]
"""``(start, end, rule index, match)``."""


_MONTH_CUE = re.compile(
    r"\b(?:in|since|until|till|by|from|to|through|during|of|before|after|early|late|mid|and|"
    r"or|between|last|this|next|for|on|that|each|every|the)[\s-]*$"
)
_FULL_DATES = frozenset(RULES_BY_NAME[n].pattern for n in ("full_date", "full_date_dmy"))
_MAY_CUE = re.compile(r"\b(?:in|since|until|by|of|last|this|next|early|late)\s*$")
# "(818) 374-", "818-374-" or "0161 " right before four digits: a phone number (a group
# of three or more digits, then a space or a hyphen).
_PHONE_BEFORE = re.compile(r"(?:\(\d{3}\)\s*|\b\d{3}[-.\s])\d{3}[-.]$|\b\d{3,}[-.\s]$")
# A proper name and a model number after a year: "2008 Porsche 911", "1997 Boeing 737-800".
_MODEL_AFTER = re.compile(r"\s+(?:[A-Z][\w-]*\s+){1,2}(?:[A-Z]{1,2}-?)?\d[\w-]*\b")
# Capitalised words after a number, ending in the word read as a street suffix.
_NAME_AFTER = re.compile(r"\s+(?:[A-Z][\w'-]*\s+){1,3}([A-Z][a-z]*\.?)")
_BARE_ABBREVIATION = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
# Words TIMEX3 leaves outside an expression: prepositions, and an article before an
# adjectival "third-quarter".
_LEADING_WORDS = re.compile(
    r"(?:in|by|at|until|before)\s+|(?:an?|the|its|their)\s+(?=(?:\w+\s+)?\w+-(?:quarter|period)\b)",
    re.IGNORECASE,
)


def matches(text: str) -> list[tuple[int, re.Match[str]]]:
    """The grammar matches that are time expressions, as ``(rule index, match)`` in text
    order: valid candidates, longest first, no two overlapping."""
    return _select([c for c in _candidates(text) if _valid(RULES[c[2]], c[3], text)])


def extent(m: re.Match[str]) -> tuple[int, int]:
    """The characters a match covers: group ``x`` when the rule marks the expression with
    one, or from the match start to the end of group ``xe`` (context read past its end)."""
    if "x" in m.re.groupindex and m.group("x"):
        return m.span("x")
    start, end = m.span()
    if "xe" in m.re.groupindex and m.group("xe"):
        end = m.end("xe")
    lead = _LEADING_WORDS.match(m.string, start, end)
    if lead and lead.end() < end:
        start = lead.end()
    return start, end


def _candidates(text: str) -> list[Candidate]:
    """Every match of every rule."""
    found: list[Candidate] = []
    for priority, rule in enumerate(RULES):
        for m in rule.pattern.finditer(text):
            start, end = extent(m)
            if end > start:
                found.append((start, end, priority, m))
    return found


def _select(found: list[Candidate]) -> list[tuple[int, re.Match[str]]]:
    """Longest matches first, earlier rules on ties; no two chosen matches overlap."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for start, end, priority, m in sorted(found, key=lambda f: (-(f[1] - f[0]), f[2], f[0])):
        if any(start < e and s < end for s, e in taken):
            continue
        chosen.append((start, end, priority, m))
        taken.append((start, end))
    chosen.sort(key=lambda c: c[0])
    return [(priority, m) for _, _, priority, m in chosen]


def _month_is_time(m: re.Match[str], text: str) -> bool:
    """Whether a matched month name is a month (not the verb "may", "march", a name).

    Month names must be capitalised (not shouted, unless the whole text is or the month
    stands in a full date: "FEB. 2, 2009"); a bare "May", "March" or abbreviation needs a
    preposition or determiner before it, and "May" followed by a lower-case word needs a
    strong one ("in May the …").
    """
    token = group(m, "mon")
    if not token:
        return True
    shouted = token.isupper() and len(token) > 3 and not text.isupper()
    if token[0].islower() or (shouted and m.re not in _FULL_DATES):
        return False
    word = token.lower().rstrip(".")
    if word not in AMBIGUOUS_MONTHS or m.re is not RULES_BY_NAME["month_bare"].pattern:
        return True
    before = text[max(0, m.start() - 20) : m.start()].lower()
    if not _MONTH_CUE.search(before):
        return False
    after = text[m.end() : m.end() + 3]
    return not (word == "may" and re.match(r"\s+[a-z]", after) and not _MAY_CUE.search(before))


def _year_is_time(m: re.Match[str], text: str) -> bool:
    """Whether four digits that could be a year are one: not the end of a phone number
    ("(818) 374-1925"), a model year ("2008 Porsche 911") or a street number ("1925 Main
    Street")."""
    if _PHONE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return False
    after = text[m.end() : m.end() + 60]
    if _MODEL_AFTER.match(after):
        return False
    street = _NAME_AFTER.match(after)
    return not (street and street.group(1).lower() in STREET_SUFFIXES)


def _valid(rule: Rule, m: re.Match[str], text: str) -> bool:
    """Cheap context checks that reject matches which are not time expressions."""
    if not _month_is_time(m, text):
        return False
    if rule.name == "year":
        after = text[m.end() : m.end() + 20].lower()
        next_word = re.match(r"\s*([a-z]+)", after)
        if next_word and next_word.group(1) in COUNT_NOUNS:
            return False
        before = text[max(0, m.start() - 3) : m.start()]
        if re.search(r"[$#]\s*$|No\.\s*$", before):
            return False
        if not _year_is_time(m, text):
            return False
    if rule.name == "this_unit" and group(m, "rel").lower() == "the":
        if group(m, "unit").lower() != "weekend" and not re.match(MOD, m.group(0), re.IGNORECASE):
            return False
    if rule.name == "this_unit" and re.fullmatch(r"This\s+Week", m.group(0)):
        return False
    if rule.name == "month_bare" and _BARE_ABBREVIATION.fullmatch(group(m, "mon")):
        return False
    if rule.name == "month_bare" and group(m, "mon").lower().rstrip(".") not in BARE_MONTH_WORDS:
        return False
    return True
