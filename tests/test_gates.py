"""The quality gates themselves: they fail in CI when their data is missing, and every
floor file they read holds the figures of the run the README reports."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_shared_data

MISSING = Path("/nonexistent/shared/data/gold.jsonl")


def test_gates_missing_data_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="shared evaluation data not found"):
        require_shared_data(MISSING)


def test_gates_missing_data_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="gold.jsonl"):
        require_shared_data(MISSING)


def test_gates_present_data_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    require_shared_data(ROOT / "README.md")  # returns: the gate goes on


def test_gates_skip_only_through_the_helper() -> None:
    """No test skips on its own (a gate that skips in CI passes silently)."""
    calls = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        if path.name == "conftest.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = node.func if isinstance(node, ast.Call) else None
            if isinstance(func, ast.Attribute) and func.attr == "skip":
                if isinstance(func.value, ast.Name) and func.value.id == "pytest":
                    calls.append(f"{path.name}:{node.lineno}")
    assert calls == []


def _readme_row(command: str) -> str:
    rows = [line for line in (ROOT / "README.md").read_text().splitlines() if command in line]
    assert len(rows) == 1, command
    return rows[0]


@pytest.mark.parametrize(
    ("bench", "floor_file", "keys", "scale"),
    [
        ("duc2004", "summary.json", ("duc2004_rouge2", "duc2004_rouge1"), 100),
        ("quotes", "quotes.json", ("direct_strict_f1", "strict_speaker_accuracy"), 1000),
        ("entities", "entities.json", ("conll_testa_micro_f1",), 1000),
        ("dates", "dates.json", ("value_accuracy", "held_out_value_accuracy"), 1000),
        ("stories", "stories.json", ("ecbplus_even_event_f1", "ecbplus_odd_event_f1"), 1000),
    ],
)
def test_gates_readme_and_floor_files_agree(
    bench: str, floor_file: str, keys: tuple[str, ...], scale: int
) -> None:
    """The README's newsdesk figures are the floor file's measured ones (one run), as
    rounded to the README's digits (``scale``: 100 for two decimals, 1000 for three)."""
    floors = json.loads((ROOT / "bench" / "floors" / floor_file).read_text())
    measured = floors.get("_measured") or floors.get("measured") or {}
    newsdesk_cell = _readme_row(f"`.venv/bin/python bench/{bench}.py`").split("|")[3]
    shown = [float(x) for x in re.findall(r"\d+\.\d+", newsdesk_cell)]
    for key in keys:
        value = measured.get(key, floors.get(f"measured_{key}"))
        assert value is not None, (floor_file, key)
        assert any(abs(x - value) * scale <= 0.5 + 1e-6 for x in shown), (key, value, shown)
