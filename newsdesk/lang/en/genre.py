"""Markers of the genres of news writing: opinion (first person, evaluative words,
obligation, editorial formulas), analysis (hedges) and reporting (attribution verbs).

Hand-written for newsdesk after the stance and evaluation markers of the opinion-mining
literature (e.g. Biber & Finegan's stance adverbials; Wiebe et al.'s subjectivity clues),
kept to common English words.
"""

from __future__ import annotations

import re

FIRST_PERSON_PLURAL = frozenset("we us our ours ourselves".split())
FIRST_PERSON_SINGULAR = frozenset("i me my mine myself".split())
EVALUATIVE = frozenset(
    """
    absurd admirable appalling bad brave brilliant careless catastrophic courageous cowardly
    cruel dangerous deplorable desperate disastrous disgraceful dishonest dismal excellent
    failed foolish good great harmful hypocritical inexcusable irresponsible laudable
    misguided outrageous pathetic poor reckless regrettable ridiculous scandalous shameful
    shameless shocking short-sighted sensible stupid terrible timid troubling unacceptable
    unconscionable unfair unjust welcome wise wrong wrongheaded
    shamefully recklessly rightly wrongly sadly fortunately unfortunately regrettably
    """.split()
)
OBLIGATION = re.compile(r"\b(?:must|should|ought\s+to|needs?\s+to|have\s+to|has\s+to)\b", re.I)
EDITORIAL = re.compile(
    r"\b(?:we\s+believe|we\s+think|in\s+our\s+(?:view|opinion)|in\s+my\s+(?:view|opinion)|"
    r"i\s+believe|editorial|opinion|op-ed|commentary|we\s+urge|it\s+is\s+time\s+(?:for|to))\b",
    re.I,
)
HEDGES = re.compile(
    r"\b(?:could|might|may|likely|unlikely|perhaps|probably|possibly|suggests?|"
    r"appears?|seems?|indicates?|implies|means\s+that|in\s+other\s+words|"
    r"the\s+question\s+is|raises?\s+(?:the\s+)?questions?|analysts?|whether)\b",
    re.I,
)
ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according\s+to|added|announced|stated|declared|reported|"
    r"confirmed|explained|noted)\b",
    re.I,
)
