"""Quality gate on the real-news cross-document gold (bench/crossdoc.py).

The gold (bench/crossdoc/gold/, protocol in bench/crossdoc/PROTOCOL.md) holds real
multi-outlet clusters from ../shared/data, annotated before any tuning. The floors in
bench/floors/crossdoc.json come from one run of the bench; a ceiling (``*_max``) bounds a
count that must not grow. Dev and heldout are gated separately.
"""

from __future__ import annotations

import importlib.util
import json
from typing import Any

import pytest

from tests.conftest import ROOT, SHARED_DATA, bench_module, require_shared_data


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    require_shared_data(SHARED_DATA / "duc2004_task2" / "clusters.jsonl")
    require_shared_data(SHARED_DATA / "ecbplus_event_clusters" / "documents.jsonl")
    bench = bench_module("crossdoc")
    clusters = bench.load_clusters("all")
    return dict(bench.run(clusters))


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_crossdoc_gate(result: dict[str, Any], split: str) -> None:
    floors = json.loads((ROOT / "bench" / "floors" / "crossdoc.json").read_text())[split]
    ours = result["overall"][split]["newsdesk"]
    check_floors(ours, floors, split)


def check_floors(ours: dict[str, Any], floors: dict[str, float], split: str) -> None:
    """Each figure at or above its floor; a ``* max`` count at or below its ceiling."""
    for label, bound in floors.items():
        value = ours[label.removesuffix(" max")]
        if label.endswith(" max"):
            assert value <= bound, f"{split}: {label}: {value} > {bound}"
        else:
            assert value is not None and value >= bound, f"{split}: {label}: {value} < {bound}"


@pytest.fixture(scope="module", params=["speakers", "speakers2", "speakers3", "claims"])
def batch_result(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    """One later gold batch (PROTOCOL.md: the three speaker batches, who said what; the
    claims batch, where sources agree and differ) and its run."""
    require_shared_data(SHARED_DATA / "duc2004_task2" / "clusters.jsonl")
    require_shared_data(SHARED_DATA / "ecbplus_event_clusters" / "documents.jsonl")
    bench = bench_module("crossdoc")
    batch: str = request.param
    return batch, dict(bench.run(bench.load_clusters("all", gold_dir=bench.GOLDS[batch])))


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_crossdoc_batch_gate(batch_result: tuple[str, dict[str, Any]], split: str) -> None:
    """Each later batch's figures: floors and ceilings from one run
    (bench/floors/crossdoc_<batch>.json)."""
    batch, result = batch_result
    path = ROOT / "bench" / "floors" / f"crossdoc_{batch}.json"
    floors = json.loads(path.read_text())[split]
    ours = result["overall"][split]["newsdesk"]
    check_floors(ours, floors, f"{batch} {split}")


@pytest.mark.slow
def test_claims_gold_passes_check_gold_and_loads() -> None:
    """Every file of the claims batch (PROTOCOL.md, "Claims batch (session 14)") follows the
    protocol as check_gold.py reads it, and the scorer reads it: conflicts and corroborated
    facts located in their documents, quote and people lists empty."""
    require_shared_data(SHARED_DATA / "duc2004_task2" / "clusters.jsonl")
    require_shared_data(SHARED_DATA / "ecbplus_event_clusters" / "documents.jsonl")
    bench = bench_module("crossdoc")
    # bench/crossdoc/ is a folder beside the module bench/crossdoc.py: load the checker by path
    spec = importlib.util.spec_from_file_location(
        "check_gold", ROOT / "bench" / "crossdoc" / "check_gold.py"
    )
    assert spec is not None and spec.loader is not None
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    clusters = bench.load_clusters("all", gold_dir=bench.GOLDS["claims"])
    assert 12 <= len(clusters) <= 15
    assert {c.split for c in clusters} == {"dev", "heldout"}
    for cluster in clusters:
        assert cluster.gold["scope"] == "claims"
        texts = {d.id: d.text for d in cluster.docs}
        assert checker.check(cluster.gold, texts) == [], cluster.id
        gold = bench.read_gold(cluster)
        assert gold.conflicts and gold.facts, cluster.id
        assert not gold.quotes and not gold.people, cluster.id
