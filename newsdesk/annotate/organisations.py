"""One organisation, one entity: the names one story writes an organisation by.

A report names a company in full once ("Advanced Micro Devices Inc.") and then by a
shorter form: without its legal form or trade word ("Advanced Micro Devices", "ATI" of
"ATI Technologies"), or by its initials ("AMD", "TSMC" of "Taiwan Semiconductor
Manufacturing Co."). The first words of a name are no short form of it (the Federal
Reserve is not the Federal Reserve Bank of New York). `organisation_targets` joins each
such form to the one fuller name it stands for; a form two names could stand for stays
apart. (People are joined by `newsdesk.annotate.resolve`.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from newsdesk.annotate.names import ACRONYM, initials, without_possessive
from newsdesk.lang.en.names import COMPANY_WORDS, LEGAL_FORMS

__all__ = ["organisation_targets"]


def organisation_targets(names: Mapping[str, str]) -> dict[str, str]:
    """For the organisation names of a story (name key → a written form), the key each
    one joins: the key of the fullest name of the same organisation, or its own. A short
    form that could stand for two organisations ("Orsk" of "Orsk Telecom" and "Orsk
    Bank") stays apart."""
    targets = {key: key for key in names}
    size = {k: (len(_words(n)), len(n), k) for k, n in names.items()}
    letter = {k: "".join(_words(n))[:1].casefold() for k, n in names.items()}
    by_letter: dict[str, list[str]] = defaultdict(list)  # a short form keeps the letter
    for key in names:
        by_letter[letter[key]].append(key)
    for key in sorted(names, key=lambda k: size[k], reverse=True):  # fullest first
        owners = {
            targets[k]
            for k in by_letter[letter[key]]
            if size[k] > size[key] and _stands_for(names[key], names[k])
        }
        if len(owners) == 1:
            targets[key] = owners.pop()
    return targets


def _words(name: str) -> list[str]:
    """The words of a name without a leading "the" or a possessive ending."""
    words = without_possessive(name).split()
    return words[1:] if words and words[0].casefold() == "the" else words


def _plain(word: str) -> str:
    return word.casefold().rstrip(".,")


def _stands_for(short: str, long: str) -> bool:
    """Whether ``short`` is a shorter form of ``long``: the same name with another legal
    form or none ("Veltrix Corporation", "Veltrix Corp.", "Veltrix"), ``long`` without
    the trade words that end it ("ATI" of "ATI Technologies Inc."), or its initials, with
    or without its legal form ("AMD" of "Advanced Micro Devices", "TSMC" of "Taiwan
    Semiconductor Manufacturing Co.", "U.N." of "the United Nations")."""
    mine, theirs = [_plain(w) for w in _words(short)], [_plain(w) for w in _words(long)]
    if _without(mine, LEGAL_FORMS) == _without(theirs, LEGAL_FORMS) != []:
        return True
    n = len(mine)
    if 0 < n < len(theirs) and theirs[:n] == mine and set(theirs[n:]) <= COMPANY_WORDS:
        return True
    words = _words(short)
    if len(words) != 1 or not ACRONYM.match(words[0]):
        return False
    letters = words[0].replace(".", "")
    content = [w for w in _words(long) if initials([w])]
    while len(content) >= 2:
        if initials(content) == letters:
            return True
        if _plain(content[-1]) not in LEGAL_FORMS:
            return False
        content = content[:-1]
    return False


def _without(words: list[str], tail: frozenset[str]) -> list[str]:
    """``words`` without the words of ``tail`` that end them."""
    end = len(words)
    while end > 1 and words[end - 1] in tail:
        end -= 1
    return words[:end]
