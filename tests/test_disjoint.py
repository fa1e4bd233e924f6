"""The one union-find: sets named by their smallest item, joined transitively."""

from __future__ import annotations

from newsdesk.disjoint import DisjointSets


def test_disjoint_sets_join_transitively_and_are_named_by_their_smallest_item() -> None:
    groups = DisjointSets()
    for item in (7, 3, 12, 5, 9):
        groups.add(item)
    groups.union(12, 5)
    groups.union(9, 12)  # 9 joins 5 through 12
    groups.union(7, 7)
    assert groups.find(9) == groups.find(12) == 5
    assert groups.sets() == {3: [3], 5: [5, 9, 12], 7: [7]}
    assert groups.find(20) == 20  # a new item is a set of its own
