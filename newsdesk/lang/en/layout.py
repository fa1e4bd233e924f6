"""Words that mark page furniture in news text: captions and credits, bylines, navigation
and link teasers, sign-up and follow prompts, embedded-post and web-archive notices,
copyright lines, time stamps.

Hand-written for newsdesk from the layout conventions of English news sites (photo
credits "Name / Agency" and "(Photo: …)", "Read more", "Sign up for our newsletter",
"Updated 19:05") and the text that embedded social posts and web archives leave in an
extracted page. Agency names are the world's four photo agencies that credit lines name.
"""

from __future__ import annotations

import re

from newsdesk.lang.en.calendar import TIME_ZONES

# What a credit names: "Photo: …", "Picture by …", "Image credit …".
CREDIT = r"(?:photo(?:graph)?s?|pictures?|images?|credit|video|illustration)\s*(?:by\b|:|/|credit)"
PHOTO_AGENCIES = r"(?:AP|AFP|EPA|Reuters|Getty)"

# A line that opens with one of these is navigation or a prompt, not the story.
NAVIGATION_LINE = re.compile(
    r"^\W*(?:read more|read next|more on this|related(?: articles?| stories| coverage| reading)?|"
    r"see also|also read|recommended|most read|trending|click here|sign up|subscribe|"
    r"advertisement|sponsored|share (?:this|on)|follow us|newsletter|"
    r"(?:do you|got a) (?:have a )?(?:story|tip)|contact us|tips?:)\b",
    re.IGNORECASE,
)
CREDIT_LINE = re.compile(rf"^\W*{CREDIT}", re.IGNORECASE)
TRAILING_CREDIT = re.compile(rf"[\(\[]\s*{CREDIT}[^\)\]]*[\)\]]\s*$", re.IGNORECASE)
SHORT_CREDIT = re.compile(r"^[\w .'\-]{2,60}/[\w .'\-]{2,60}$")  # "Jan Berg / Meridian Wire"
# A line naming who reported, wrote or edited the story, or where it comes from:
# "Additional reporting by Jan Berg", "Writing by …; Editing by …", "SOURCE: Meridian Wire".
CONTRIBUTOR_LINE = re.compile(
    r"^\W*(?:(?:additional|staff|wire|further)\s+)?(?:reporting|writing|editing|compiled|"
    r"produced|translated|research)(?:\s+(?:and|&)\s+\w+)?\s+by\b",
    re.IGNORECASE,
)
# A copyright line: "Copyright 2026 Meridian Wire", "© Meridian Wire", "(c) 2026 …".
COPYRIGHT_LINE = re.compile(
    r"^\W{0,3}(?:(?i:copyright)\s*(?:[\u00a9\u24d2]|\([cC]\)|\d{4}|[A-Z])|[\u00a9\u24d2]"
    r"|\([cC]\)\s*\d{4})"
)
SOURCE_LINE = re.compile(r"^\W*sources?\s*:", re.IGNORECASE)
# A prompt to follow the outlet or a writer: "Follow us on Twitter", "Follow @desk …",
# "Follow our full coverage at https://…".
FOLLOW_PROMPT = re.compile(
    r"^\W*follow\b.*(?:@\w|https?://|www\.|\bon\s+(?:twitter|facebook|instagram|youtube|"
    r"linkedin|tiktok|threads|bluesky|mastodon|social media)\b)",
    re.IGNORECASE,
)
# Words of a subscription prompt; a short line with one, or one addressed to the reader
# ("Get the latest in your inbox", "Thanks for signing up!"), is a prompt.
SUBSCRIPTION = re.compile(
    r"\b(?:newsletters?|subscri(?:be|bed|bing|ption|ptions)|sign(?:ing|ed)?[ -]up|inbox)\b",
    re.IGNORECASE,
)
READER = re.compile(r"\b(?:you|your|our|us)\b", re.IGNORECASE)
# A line that is nothing but a web address.
URL_LINE = re.compile(r"^\W*(?:https?://|www\.)\S+$", re.IGNORECASE)
# Parts of a time stamp besides numbers: AM/PM and time-zone letters ("11:28 AMT").
STAMP_WORDS = frozenset("am pm a.m p.m".split()) | TIME_ZONES
# Words a date-and-time line may hold besides dates: "on July 13, 2026 at 10:50 AM,
# updated July 29, 2026 at 12:16 PM". A line with one of the verbs may give two dates.
STAMP_VERBS = frozenset("updated published posted modified edited created".split())
STAMP_LINKS = STAMP_VERBS | frozenset("on at last".split())
STAMP_LINE = re.compile(r"^\W*(?:last )?(?:updated|published|posted|modified)\b", re.IGNORECASE)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
# Text an embedded social post or a web archive leaves in an extracted page.
EMBED_OR_ARCHIVE = re.compile(
    r"\b(?:add location information to your tweets|you can add location information|"
    r"embed this (?:tweet|post|video)|view (?:this )?post on (?:instagram|facebook|x)|"
    r"a post shared by|pic\.twitter\.com/|wayback machine|"
    r"(?:this|the) (?:page|article|story) (?:was|has been) archived|"
    r"captured on [a-z]+ \d{1,2}, \d{4}|javascript is (?:disabled|required))",
    re.IGNORECASE,
)
# The signature closing an embedded social post: "— Jan Berg (@janberg) November 18, 2019".
POST_SIGNATURE = re.compile(
    r"^[\u2014\u2013-]{1,2}\s*[^\n]{1,80}\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?$"
)
# Anywhere in a sentence: it is a caption, a credit, navigation or a legal line.
FURNITURE = re.compile(
    rf"""
    \b(?:photo|photograph|image|picture|video|credit|caption|graphic)s?\s*:
    | \((?:photos?|image|picture|credit|file\ photo|video)\b
    | \bgetty\ images\b | \b{PHOTO_AGENCIES}\ (?:photo|images?)\b
    | /{PHOTO_AGENCIES}\b | \b(?:photo|picture)\ by\b
    | \bread\ (?:more|related|also|next)\b | \brelated\ (?:articles?|stories|coverage)\b
    | ^related\s*: | \bsee\ also\b | \bclick\ here\b | \bsign\ up\b
    | \bsubscribe\ (?:to|now|today|here)\b | \bnewsletter\b | \bfollow\ (?:us|him|her|me)\ on\b
    | \bshare\ (?:this|on)\b | ^advertisement$ | \ball\ rights\ reserved\b | \bcopyright\b
    | \u00a9 | \(c\)\s*\d{{4}} | \bterms\ of\ (?:use|service)\b | \bprivacy\ policy\b
    | \bcookie\ policy\b | \bwe\ use\ cookies\b | https?:// | \bwww\. | \S+@\S+\.[a-z]{{2,}}
    | \b(?:reporting|editing|writing|additional\ reporting)\ by\b
    | \bcontributed\ (?:to\ )?(?:this|reporting)\b | \b(?:staff|associated\ press)\ writer\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A byline alone on its line: "By Jane Doe", "By Jane Doe and Tom Roe".
BYLINE = re.compile(r"^By\s+[A-Z][\w.'\-]*(?:\s+(?:[A-Z][\w.'\-]*|and|de|van|von)){0,5}[,.]?$")
# A wire dateline opening a text: "TESSEL, Oct 12 (Meridian Wire) - ", "VALMONT -".
DATELINE = re.compile(
    r"""^[A-Z]{3}[A-Z.'\-]*(?:\s+[A-Z]{2}[A-Z.'\-]*){0,3}      # place in capitals
    (?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)?              # , State / , Oct
    (?:\s+\d{1,2})?                                              # day
    \s*(?:\([^()]{1,40}\))?                                      # (Agency)
    \s*(?:[-\u2013\u2014_]{1,2}\s+|:\s+|$)                       # separator
    """,
    re.VERBOSE,
)
# A caption's shouted label: "WRECKED: the bow of …".
CAPTION_LABEL = re.compile(r"^[A-Z][A-Z' -]{2,}:\s")
# The short words a heading in title case capitalises and a sentence never does:
# "Gang Member Convicted Of Murdering Deputy" (articles, conjunctions, prepositions).
TITLE_SMALL_WORDS = frozenset(
    "a an the and but or nor of in on at to for with from by as into onto over after".split()
)
