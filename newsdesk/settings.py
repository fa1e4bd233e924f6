"""Every option newsdesk has, with its default and help text, in one declared table.

`Settings` is passed explicitly to whatever needs it (readers, store, pipeline); nothing
reads configuration from globals or the environment at import time. The CLI builds its
options from `SETTINGS`, so `--help` and the docs show the same text.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "max_document_bytes",
        5_000_000,
        "Refuse a .txt/.html file or JSONL article larger than this many bytes.",
    ),
    Setting(
        "near_duplicate_threshold",
        0.8,
        "Word-shingle Jaccard similarity (estimated by MinHash) above which a document is "
        "recorded as a copy of one already stored.",
    ),
    Setting(
        "min_text_chars",
        20,
        "Refuse a document whose clean text is shorter than this many characters.",
    ),
    Setting("batch_size", 32, "Documents handed to the NLP model at a time."),
    Setting(
        "story_threshold",
        0.27,
        "Similarity (0-1) a new document needs to join a stored story; higher splits more. "
        "Chosen on half of ECB+ (bench/stories.py).",
    ),
    Setting(
        "story_window_days",
        30.0,
        "A stored story whose latest document is older than this many days (by "
        "publication date) takes no new documents; 0 keeps every story open.",
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """All knobs in one object (see `SETTINGS` for what each one means)."""

    max_document_bytes: int = 5_000_000
    near_duplicate_threshold: float = 0.8
    min_text_chars: int = 20
    batch_size: int = 32
    story_threshold: float = 0.27
    story_window_days: float = 30.0

    def with_options(self, **options: Any) -> Settings:
        """A copy with the given options set; None values keep the default."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})


def help_for(name: str) -> str:
    for setting in SETTINGS:
        if setting.name == name:
            return setting.help
    raise KeyError(name)


def _check_table() -> None:
    declared = {s.name: s.default for s in SETTINGS}
    actual = {f.name: f.default for f in fields(Settings)}
    if declared != actual:
        raise AssertionError(f"SETTINGS and Settings disagree: {declared} != {actual}")
