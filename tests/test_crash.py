"""Crash tests (issue 14): kill -9 a default ingest (annotate + stories) at random points,
re-run it, and check what must hold: SQLite and full-text integrity, no half-written
document (each stored text is its source's clean text), every document with a story,
nothing stored twice. Two short trials here; `bench/robustness.py` runs many."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsdesk import app as api
from newsdesk.pipeline import Pipeline
from tests.crash_helpers import kill_trial, write_corpus


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return api.default_pipeline()


@pytest.mark.parametrize("seed", [1, 2])
def test_crash_kill_9_mid_ingest_then_rerun_leaves_a_sound_store(
    tmp_path: Path, pipeline: Pipeline, seed: int
) -> None:
    folder = tmp_path / "corpus"
    corpus = write_corpus(folder, 40, seed=seed)
    trial = kill_trial(tmp_path, corpus, folder, random.Random(seed), rerun=pipeline)
    assert trial.problems_after_rerun == ()
    assert trial.texts_differing == 0
    assert trial.stored_after_rerun == len(corpus)
