"""Re-clustering without losing story ids: map new groups onto the stories users know.

Each new group keeps the id of the old story it shares most documents with, greedily by
overlap (largest first; ties by id), each old id going to one group at most. A group
that gets no old id is new: a *split* when its documents came from an old story (named
as ``other``), else a story of documents that had none. An old id that no group keeps was
*merged* into the group holding most of its documents. Documents moving between stories
that both survive are counted in ``moved`` but are not events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from newsdesk.model import StoryChange, story_id

__all__ = ["reconcile"]


def reconcile(
    old: Mapping[str, str | None], groups: Sequence[Sequence[str]]
) -> tuple[list[str], list[StoryChange]]:
    """An id for each group of document ids, and the merges and splits that made them.

    ``old`` maps each document id to its story before (None: it had none).
    """
    overlap = [Counter(old[d] for d in group if old.get(d)) for group in groups]
    pairs = sorted(
        ((count, sid, g) for g, counts in enumerate(overlap) for sid, count in counts.items()),
        key=lambda p: (-p[0], str(p[1]), p[2]),
    )
    ids: list[str | None] = [None] * len(groups)
    used: set[str] = set()
    for _, sid, g in pairs:
        if ids[g] is None and sid is not None and sid not in used:
            ids[g] = sid
            used.add(sid)
    changes: list[StoryChange] = []
    final: list[str] = []
    for g, group in enumerate(groups):
        sid = ids[g]
        if sid is None:
            sid = story_id(group)
            if overlap[g]:
                source, count = min(overlap[g].items(), key=lambda kv: (-kv[1], str(kv[0])))
                changes.append(StoryChange("split", sid, source, count))
        final.append(sid)
    holder: dict[str, Counter[int]] = {}
    for g, counts in enumerate(overlap):
        for sid, count in counts.items():
            if sid is not None:
                holder.setdefault(sid, Counter())[g] = count
    for sid in sorted(holder):
        if sid not in used:
            g, count = min(holder[sid].items(), key=lambda kv: (-kv[1], kv[0]))
            changes.append(StoryChange("merge", sid, final[g], count))
    return final, changes
