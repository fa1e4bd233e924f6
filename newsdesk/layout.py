"""The layout of an article's clean text: which spans are body and which are furniture.

One place decides what is not the story: navigation and link teasers ("Read more"), sign-up
and follow prompts, photo captions and credit lines ("Jan Berg / Meridian Wire",
"(Photo: …)"), bylines and contributor lines ("Additional reporting by …"), time stamps
("Updated 19:05", a line that is only a date), bare web addresses, embedded posts (the
text their embed code leaves, and a post closed by its "— Name (@handle) date" signature),
web-archive notices, copyright lines, and the wire dateline that opens a story
("TESSEL, Oct 12 (Meridian Wire) - "). Every stage asks it:

- `line_kind` — HTML extraction drops whole lines of furniture when a page is read;
- `nonbody_regions` — the furniture left in a stored text, as character spans (the text
  keeps it); claim alignment (`brief/slots.py`) reads no value from it and the timeline
  (`annotate/dates`) takes no date from it;
- `is_furniture` — a sentence a summary or a fact must never use;
- `dateline_end` — where a story's own text starts after its dateline;
- `credit_regions` — photo credits inside a line;
- `headline` — the first line of a plain text when it is the article's headline.

The words these rules match are language data: `newsdesk.lang.en.layout`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsdesk.lang.en.calendar import MONTHS, WEEKDAYS
from newsdesk.lang.en.layout import (
    BYLINE,
    CAPTION_LABEL,
    CONTRIBUTOR_LINE,
    COPYRIGHT_LINE,
    CREDIT_LINE,
    DATELINE,
    EMAIL,
    EMBED_OR_ARCHIVE,
    FOLLOW_PROMPT,
    FURNITURE,
    NAVIGATION_LINE,
    POST_SIGNATURE,
    READER,
    SHORT_CREDIT,
    SOURCE_LINE,
    STAMP_LINE,
    STAMP_LINKS,
    STAMP_VERBS,
    STAMP_WORDS,
    SUBSCRIPTION,
    TITLE_SMALL_WORDS,
    TRAILING_CREDIT,
    URL_LINE,
)

__all__ = [
    "Region",
    "body_lines",
    "credit_regions",
    "dateline_end",
    "headline",
    "headline_end",
    "is_furniture",
    "line_kind",
    "nonbody_regions",
    "tells_a_story",
]

MIN_BODY_WORDS = 5  # what follows a dateline must be a sentence of at least this many words
NAVIGATION_MAX_WORDS = 8  # a longer line ending like a sentence is a sentence
HEADLINE_MAX_WORDS = 20
HEADLINE_MAX_CHARS = 160
BODY_MIN_WORDS = 8  # the line after a headline is body text: a sentence of this many words
PROMPT_MAX_WORDS = 30  # a longer line with "newsletter" or "subscribe" in it is a sentence
PROMPT_BARE_WORDS = 6  # up to this many words, a subscription word alone makes a prompt
SOURCE_MAX_WORDS = 8  # "Source: Meridian Wire, agencies"; longer, a sentence
DOCUMENT_MIN_BODY_WORDS = 20  # fewer words of story text, and no whole sentence: furniture only
STAMP_MAX_TOKENS = 14  # letters and digit runs of a date-and-time line
TITLE_CASE_MIN_WORDS = 5  # a shorter line of capitalised words may be names alone

# Inline photo credits: "(Photo: Jan Berg / Meridian Wire)", "Picture by Jan Berg", and a
# "Name / Agency" credit closing a line.
_INLINE_CREDITS = (
    re.compile(r"[(\[]\s*(?:photo(?:graph)?s?|pictures?|images?|credit)\b[^)\]\n]*[)\]]", re.I),
    re.compile(
        r"\b(?:photo(?:graph)?(?:s|ed)?|pictures?|images?|credit)\s*(?:by\b|:)"
        r"(?:[^\n)\].,;]|\.(?=\S))*",  # up to the end of the clause
        re.I,
    ),
    re.compile(
        r"\b[A-Z][\w'’-]*(?: [A-Z][\w'’.-]*){0,3} ?/ ?[A-Z][\w&'’.-]*"
        r"(?: [A-Z][\w&'’.-]*){0,3}(?=\s*[)\]]?\s*$)",
        re.M,
    ),
)


@dataclass(frozen=True, slots=True)
class Region:
    """Characters ``start:end`` of a text that are not body text, and what they are."""

    start: int
    end: int
    kind: str


def line_kind(line: str) -> str | None:
    """What a whole line of furniture is ("navigation", "prompt", "credit", "stamp",
    "caption", "embed", "byline"), or None for a line of the story."""
    stripped = line.strip()
    words = len(stripped.split())
    if not stripped:
        return None
    navigation = NAVIGATION_LINE.match(stripped)
    if (
        navigation
        and words <= 25
        and (
            words <= NAVIGATION_MAX_WORDS
            or stripped[navigation.end() :].lstrip().startswith(":")
            or stripped[-1] not in ".!?"
        )
    ):
        return "navigation"  # "Read more: …", not "Related talks resumed on Monday."
    if EMAIL.search(stripped) and words <= 25:
        return "prompt"  # "Email news@… or call the newsdesk"
    if (CREDIT_LINE.match(stripped) or COPYRIGHT_LINE.match(stripped)) and words <= 15:
        return "credit"  # "Photo: Jan Berg", "© 2026 Meridian Wire"
    if STAMP_LINE.match(stripped) and words <= 8:
        return "stamp"  # "· Updated 19:05 UTC"
    if _date_and_time_only(stripped):
        return "stamp"  # "November 20, 2019 - 11:28 GMT", "2019-11-19T08:57:40+01:00"
    if URL_LINE.match(stripped):
        return "navigation"  # a bare web address
    if FOLLOW_PROMPT.match(stripped) and words <= 40:
        return "prompt"  # "Follow us on Twitter", "Follow our coverage at https://…"
    if SUBSCRIPTION.search(stripped) and (
        words <= PROMPT_BARE_WORDS or (words <= PROMPT_MAX_WORDS and READER.search(stripped))
    ):
        return "prompt"  # "Get the latest in your inbox. Subscribe to our newsletters."
    if TRAILING_CREDIT.search(stripped):
        return "caption"  # "Rescuers at the pier. (Photo: A/B)"
    if SHORT_CREDIT.match(stripped) and words <= 6:
        return "credit"
    if (EMBED_OR_ARCHIVE.search(stripped) and words <= 40) or POST_SIGNATURE.match(stripped):
        return "embed"
    if (
        BYLINE.match(stripped)
        or (CONTRIBUTOR_LINE.match(stripped) and words <= 25)
        or (SOURCE_LINE.match(stripped) and words <= SOURCE_MAX_WORDS)
    ):
        return "byline"  # "By Jane Doe", "Additional reporting by Tom Roe", "Source: …"
    return None


_STAMP_LABEL = re.compile(r"^[^\d:]{1,30}:\s*")
_STAMP_TOKEN = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*|\d+")
_TIME_ZONE = re.compile(r"^(?:[A-Z]{1,3}T|UTC|[TZ])$")
_NUMBER_JOINER = re.compile(r"\d[:/.\-]\d")


def _date_and_time_only(line: str) -> bool:
    """A line that is one date, with or without its time, and nothing else (after an
    optional short label ending in a colon): numbers, a month and a weekday name, AM/PM,
    time-zone letters, and "on", "at" or a verb such as "updated"; with such a verb, two
    dates ("on July 13, 2026 at 10:50 AM, updated July 29, 2026 at 12:16 PM")."""
    label = _STAMP_LABEL.match(line)
    if label and len(label.group().split()) <= 2:
        line = line[label.end() :]
    found: list[str] = _STAMP_TOKEN.findall(line)
    tokens = [t for t in found if t.lower() not in STAMP_LINKS]
    dates = 2 if any(t.lower() in STAMP_VERBS for t in found) else 1
    if not tokens or len(tokens) > STAMP_MAX_TOKENS * dates:
        return False
    months = weekdays = 0
    for token in tokens:
        lower = token.lower().rstrip(".")
        if lower in MONTHS:
            months += 1
        elif lower in WEEKDAYS:
            weekdays += 1
        elif not (token.isdigit() or lower in STAMP_WORDS or _TIME_ZONE.match(token)):
            return False
    if months > dates or weekdays > dates:
        return False  # a span of dates ("29 November | 20 January") is information
    numbers = sum(t.isdigit() for t in tokens)
    if months:
        return numbers >= 1
    # A date written in numbers (a time alone, "4:14 p.m.", heads an update, not a stamp).
    return numbers >= 3 and bool(_NUMBER_JOINER.search(line))


@lru_cache(maxsize=65536)
def is_furniture(sentence: str) -> bool:
    """Whether a sentence is a caption, credit, prompt, navigation, notice or legal line,
    or a heading written in title case ("Gang Member Convicted Of Murdering Deputy.").

    (Remembered for the last sentences asked: the summary and the facts ask of the same.)"""
    text = sentence.strip()
    return _furniture_words(text) or _title_case(text)


def _furniture_words(text: str) -> bool:
    """Whether ``text`` has the words of a caption, credit, prompt or notice."""
    return bool(
        FURNITURE.search(text)
        or BYLINE.match(text)
        or CAPTION_LABEL.match(text)
        or EMBED_OR_ARCHIVE.search(text)
        or STAMP_LINE.match(text)
    )


_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _title_case(text: str) -> bool:
    """Whether every word of ``text`` (five or more) is capitalised, a short word such as
    "of" or "with" among them: a heading, never a sentence of the story."""
    words = _LETTERS.findall(text)
    return (
        len(words) >= TITLE_CASE_MIN_WORDS
        and all(w[0].isupper() for w in words)
        and any(w.lower() in TITLE_SMALL_WORDS for w in words)
    )


def dateline_end(text: str, start: int = 0) -> int:
    """The offset after a wire dateline opening ``text[start:]`` ("VALMONT (Wire) - "), or
    ``start`` when there is none or nothing of a sentence follows it."""
    line = text[start:].split("\n", 1)[0]
    found = DATELINE.match(line)
    if not found or found.end() >= len(line):
        return start
    rest = line[found.end() :]
    return start + found.end() if len(rest.split()) >= MIN_BODY_WORDS else start


def headline(text: str) -> str | None:
    """The first line of ``text`` when it reads as a headline: short (at most 20 words),
    opening like a title, with no final full stop, comma or colon, not furniture or a
    dateline, and followed by a line of body text. Whole lines of furniture above it (a
    time stamp, "Published Friday, March 8"; a credit) are passed over. None otherwise."""
    lines = [ln.strip() for ln in text.strip().split("\n") if ln.strip()]
    while len(lines) > 2 and line_kind(lines[0]) is not None:
        lines = lines[1:]
    if len(lines) < 2:
        return None
    first, body = lines[0], lines[1]
    words = first.split()
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS or len(first) > HEADLINE_MAX_CHARS:
        return None
    if first[-1] in ".,;:" or not (first[0].isupper() or first[0].isdigit() or first[0] in "\"'“‘"):
        return None
    if line_kind(first) is not None or _furniture_words(first) or dateline_end(first) > 0:
        return None
    if len(body.split()) < BODY_MIN_WORDS and len(lines) > 2:
        body = lines[2]  # a byline or time stamp may stand between headline and body
    return first if len(body.split()) >= BODY_MIN_WORDS else None


def headline_end(text: str, title: str | None = None) -> int:
    """The offset right after the headline that opens ``text``, 0 without one: where what
    the document tells begins. The headline is ``title`` when given (a document's metadata
    title, which pages often repeat as their first line) or else the one read from the text
    (`headline`); it opens the text when only whole lines of furniture stand above it (a
    time stamp, a credit)."""
    title = (title or "").strip() or headline(text)
    at = text.find(title) if title else -1
    above = [ln for ln in text[:at].split("\n") if ln.strip()] if at > 0 else []
    if not title or at < 0 or any(line_kind(ln) is None for ln in above):
        return 0
    return at + len(title)


def credit_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of photo credits inside lines ("(Photo: Jan Berg / Meridian Wire)")."""
    spans = sorted(m.span() for pattern in _INLINE_CREDITS for m in pattern.finditer(text))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def nonbody_regions(text: str) -> list[Region]:
    """The spans of ``text`` that are not the story, in text order: whole lines of
    furniture (an embedded post's text with the signature that closes it), inline
    credits, and the dateline opening each paragraph."""
    regions: list[Region] = []
    previous: re.Match[str] | None = None
    for line in re.finditer(r"[^\n]+", text):
        kind = line_kind(line.group())
        if kind is not None:
            regions.append(Region(line.start(), line.end(), kind))
            if previous is not None and POST_SIGNATURE.match(line.group().strip()):
                # the post itself is the line its signature closes
                regions.append(Region(previous.start(), previous.end(), "embed"))
            previous = line
            continue
        previous = line
        end = dateline_end(text, line.start())
        if end > line.start():
            regions.append(Region(line.start(), end, "dateline"))
    regions += [Region(a, b, "credit") for a, b in credit_regions(text)]
    return sorted(set(regions), key=lambda r: (r.start, r.end))


def body_lines(text: str) -> list[str]:
    """The story text of each line of ``text``: outside `nonbody_regions`, in lines that
    are not furniture (`is_furniture`)."""
    regions = nonbody_regions(text)
    lines = []
    for line in re.finditer(r"[^\n]+", text):
        kept, at = [], line.start()
        for r in regions:
            if r.end > at and r.start < line.end():
                kept.append(text[at : max(at, r.start)])
                at = max(at, r.end)
        kept.append(text[at : line.end()])
        rest = " ".join(kept)
        if rest.strip() and not is_furniture(rest):
            lines.append(rest)
    return lines


def tells_a_story(text: str) -> bool:
    """Whether a document is a source: ``DOCUMENT_MIN_BODY_WORDS`` words of story text
    (`body_lines`), or a line of it that is a whole sentence of ``BODY_MIN_WORDS`` words or
    more (a one-sentence news brief: "Vale, 32, was convicted of two counts of arson.").
    An embedded-post notice, a web-archive page, a caption or a headline alone is none."""
    from newsdesk.sentences import sentence_mark  # it reads this module's line kinds

    lines = body_lines(text)
    if sum(len(line.split()) for line in lines) >= DOCUMENT_MIN_BODY_WORDS:
        return True
    return any(
        len(line.split()) >= BODY_MIN_WORDS and sentence_mark(line) in {".", "!", "?"}
        for line in lines
    )
