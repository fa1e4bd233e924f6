"""Quality gate: genre on the real-news gold (``bench/genre.py``) against its floors."""

from __future__ import annotations

import json

from newsdesk.annotate.nlp import SpacyBackend
from tests.conftest import ROOT, bench_module, require_shared_data


def test_genre_gate_dev(backend: SpacyBackend) -> None:
    """newsdesk's dev accuracy and macro-F1 hold their floors and beat the majority class
    on macro-F1."""
    bench = bench_module("genre")
    require_shared_data(bench.data_file_path())
    floors = json.loads((ROOT / "bench" / "floors" / "genre.json").read_text())
    result = bench.evaluate(("dev",), backend=backend)
    dev = result["splits"]["dev"]
    assert dev["newsdesk"]["accuracy"] >= floors["dev_accuracy"]
    assert dev["newsdesk"]["macro_f1"] >= floors["dev_macro_f1"]
    assert dev["newsdesk"]["per_class"]["opinion"]["f1"] >= floors["dev_opinion_f1"]
    assert dev["newsdesk"]["macro_f1"] > dev["majority"]["macro_f1"]
    assert all(f["id"] for f in result["failures"])


def test_genre_gate_floor_file_is_measured() -> None:
    """The floors sit below the figures of the run they were taken from."""
    floors = json.loads((ROOT / "bench" / "floors" / "genre.json").read_text())
    measured = floors["_measured"]
    for key in ("dev_accuracy", "dev_macro_f1", "dev_opinion_f1"):
        assert floors[key] <= measured[key] < floors[key] + 0.03
