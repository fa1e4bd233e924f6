"""Attribution chains (``via``): the outlets and organisations a quote came through.

A quote told to an outlet ("X told the Northshore Post") and other cues of the same quote
whose source is an organisation ("..., according to Meridian Wire", "the Northshore Post
reports") are relays. They are collected innermost first and given outermost first,
without repeats and without the speaker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsdesk.annotate.quotes.context import Context, Speaker
from newsdesk.annotate.quotes.cues import according_to, own_outlet
from newsdesk.annotate.quotes.speakers import speaker_of

if TYPE_CHECKING:
    from spacy.tokens import Token


def _chain(relays: Sequence[str], speaker: Speaker | None) -> tuple[str, ...]:
    """Relays collected innermost first, as ``via``: outermost first, no repeats, no speaker."""
    name = speaker.name if speaker is not None else None
    return tuple(dict.fromkeys(r for r in reversed(relays) if r != name))


def _recipients(ctx: Context, cue: Token) -> list[str]:
    """Outlets a quote was told to: "X told the Northshore Post"."""
    if cue.lemma_.lower() != "tell":
        return []
    out: list[str] = []
    for child in cue.children:
        if child.dep_ in {"dobj", "dative"} and child.ent_type_ in {"ORG", "PERSON", "GPE"}:
            if own_outlet(ctx, child):
                continue  # "told the Clarion" in the Clarion: the writer, not a relay
            speaker = speaker_of(ctx, child)
            if speaker is not None and speaker.name and not speaker.is_person:
                out.append(speaker.name)
    return out


def quote_relays(
    ctx: Context,
    cue: Token,
    speaker: Speaker | None,
    others: Iterable[tuple[Speaker, bool]],
) -> tuple[str, ...]:
    """``via`` of a direct quote: the outlet its cue says it was told, then the sources of
    its other cues (``(source, is "according to")``, nearest first) that are organisations
    or objects of "according to"."""
    relays = _recipients(ctx, cue)
    for other, according in others:
        if other.name and (according or not other.is_person):
            relays.append(other.name)
    return _chain(relays, speaker)


def sentence_relays(ctx: Context, cue: Token, speaker: Speaker | None) -> tuple[str, ...]:
    """Relays of reported speech: the outlet told, and "according to" an organisation."""
    if speaker is None:
        return ()
    relays = _recipients(ctx, cue)
    for tok in cue.sent:
        obj = according_to(tok)
        if obj is not None and not own_outlet(ctx, obj):
            found = speaker_of(ctx, obj)
            if found is not None and found.name and not found.is_person:
                relays.append(found.name)
    return _chain(relays, speaker)
