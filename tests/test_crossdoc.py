"""Quality gate on the real-news cross-document gold (bench/crossdoc.py).

The gold (bench/crossdoc/gold/, protocol in bench/crossdoc/PROTOCOL.md) holds real
multi-outlet clusters from ../shared/data, annotated before any tuning. The floors in
bench/floors/crossdoc.json come from one run of the bench; a ceiling (``*_max``) bounds a
count that must not grow. Dev and heldout are gated separately.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_bench() -> ModuleType:
    path = ROOT / "bench" / "crossdoc.py"
    spec = importlib.util.spec_from_file_location("bench_crossdoc", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_crossdoc"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    bench = _load_bench()
    clusters = bench.load_clusters("all")
    return dict(bench.run(clusters))


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_crossdoc_gate(result: dict[str, Any], split: str) -> None:
    floors = json.loads((ROOT / "bench" / "floors" / "crossdoc.json").read_text())[split]
    ours = result["overall"][split]["newsdesk"]
    for label, bound in floors.items():
        value = ours[label.removesuffix(" max")]
        if label.endswith(" max"):
            assert value <= bound, f"{split}: {label}: {value} > {bound}"
        else:
            assert value is not None and value >= bound, f"{split}: {label}: {value} < {bound}"
