"""Kill -9 an ingest at a random point, then re-run it, and say what the kill left.

Used by `tests/test_crash.py` (two short trials) and `bench/robustness.py` (many). The
corpus is fictional text made here from a seed: distinct articles, so none is a
near-duplicate of another. Run as a module, this is the ingest that gets killed:

    python -m tests.crash_helpers DB FOLDER      # default ingest: annotate + stories
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from newsdesk import app as api
from newsdesk.embed import HashingEmbedder
from newsdesk.ingest.clean import clean_text
from newsdesk.model import Document
from newsdesk.pipeline import Pipeline
from newsdesk.store.check import problems
from newsdesk.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
PLACES = "Quillmouth Brindle Oskeby Pellam Corvel Marrow Tansy Hallow Glimmer Sundvik".split()
PEOPLE = "Petra Lind|Ansel Roos|Mira Tovek|Jonah Pell|Ilse Varga|Tomas Brek|Vera Holm".split("|")
WORDS = (
    "council harbour ferry storm bridge school library budget vote strike market fire "
    "rescue museum festival tram road river bank hospital court police station tower "
    "mill farm orchard airport customs theatre stadium archive garden canal factory "
    "warehouse clinic shelter pier lighthouse tunnel quarry dam reservoir railway"
).split()


def write_corpus(folder: Path, count: int, seed: int = 14) -> dict[str, str]:
    """``count`` distinct fictional articles as .txt files; their ids and raw texts."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, str] = {}
    for n in range(count):
        place, person = rng.choice(PLACES), rng.choice(PEOPLE)
        paragraphs = []
        for _ in range(3):
            words = rng.sample(WORDS, 12)
            pairs = zip(words[4::2], words[5::2], strict=True)
            paragraphs.append(
                f"In {place}, the {words[0]} and the {words[1]} were discussed on day {n}. "
                f'"The {words[2]} near the {words[3]} matters," {person} said. '
                + " ".join(f"The {a} of the {b}." for a, b in pairs)
            )
        doc_id = f"article-{n:03d}"
        text = "\n\n".join(paragraphs)
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        written[doc_id] = text
    return written


def run_ingest(db: Path, folder: Path, pipeline: Pipeline | None = None) -> None:
    """The default ingest (annotate + stories; hashing embedder, so no model download)."""
    with SQLiteStore(db) as store:
        for _ in api.ingest(
            api.read([str(folder)]),
            store,
            pipeline or api.default_pipeline(),
            embedder=HashingEmbedder(),
        ):
            pass


def stored_count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@dataclass(frozen=True)
class KillTrial:
    """What one kill left, before and after the re-run."""

    stored_at_kill: int
    unassigned_at_kill: int
    problems_after_rerun: tuple[str, ...]
    texts_differing: int
    stored_after_rerun: int
    expected: int

    @property
    def ok(self) -> bool:
        return (
            not self.problems_after_rerun
            and self.texts_differing == 0
            and self.stored_after_rerun == self.expected
        )


def kill_trial(
    workdir: Path,
    corpus: dict[str, str],
    folder: Path,
    rng: random.Random,
    command: list[str] | None = None,
    rerun: Pipeline | None = None,
    rerun_command: bool = False,
) -> KillTrial:
    """Start an ingest of ``folder`` into a new store (``command``, with ``{db}`` and
    ``{folder}`` in its arguments; default: this module), kill -9 it once it has stored
    a document plus a random delay, re-run the ingest, and check the store."""
    db = workdir / f"kill-{rng.randrange(10**9)}.db"
    template = command or [sys.executable, "-m", "tests.crash_helpers", "{db}", "{folder}"]
    proc = subprocess.Popen(
        [arg.format(db=db, folder=folder) for arg in template],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while proc.poll() is None and stored_count(db) == 0:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.6))
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with SQLiteStore(db) as store:
        at_kill = store.count()
        unassigned = len(store.stories.unassigned())
    if rerun_command:  # the same command again (a store keeps to one embedder)
        subprocess.run(
            [arg.format(db=db, folder=folder) for arg in template],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    else:
        run_ingest(db, folder, rerun)
    with SQLiteStore(db) as store:
        found = tuple(problems(store))
        differing = sum(1 for doc in store.documents() if not stored_text_matches(doc, corpus))
        stored = store.count() + len(store.copies())
    return KillTrial(at_kill, unassigned, found, differing, stored, len(corpus))


def stored_text_matches(doc: Document, corpus: dict[str, str]) -> bool:
    """True when a stored document holds exactly the clean text of its source."""
    return doc.text == clean_text(corpus[doc.id])


if __name__ == "__main__":
    run_ingest(Path(sys.argv[1]), Path(sys.argv[2]))
