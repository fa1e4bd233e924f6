"""Disjoint sets (union-find) of whole numbers: the one grouping of items linked in pairs,
used by the briefing's repeated quotes (`newsdesk.brief.assemble.group_quotes`) and by
batch blocking (`newsdesk.batch._stories.blocks`)."""

from __future__ import annotations

__all__ = ["DisjointSets"]


class DisjointSets:
    """Items (whole numbers) in sets joined by `union`; each set is named by its smallest
    item (`find`), so sets keep the order of their first item. Path halving keeps each
    `find` near constant time."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}

    def add(self, item: int) -> None:
        """Add ``item`` as a set of its own (nothing if it is there already)."""
        self._parent.setdefault(item, item)

    def find(self, item: int) -> int:
        """The smallest item of ``item``'s set (added if new)."""
        parent = self._parent
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        """Join the sets of ``a`` and ``b``."""
        x, y = self.find(a), self.find(b)
        if x != y:
            self._parent[max(x, y)] = min(x, y)

    def sets(self) -> dict[int, list[int]]:
        """Every set by its smallest item, items in ascending order."""
        out: dict[int, list[int]] = {}
        for item in sorted(self._parent):
            out.setdefault(self.find(item), []).append(item)
        return out
