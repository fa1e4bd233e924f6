"""`make demo`: run newsdesk's main job on the bundled demo corpus.

    python scripts/demo.py examples demo/out

Each step is a real `newsdesk` command (printed before it runs); outputs go to the
output folder, which is rebuilt from scratch.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def step(args: list[str], stdout: Path | None = None) -> int:
    print(
        "$ newsdesk " + " ".join(shlex.quote(a) for a in args) + (f" > {stdout}" if stdout else "")
    )
    cmd = [str(BIN / "newsdesk"), *args]
    if stdout is None:
        return subprocess.run(cmd).returncode
    with stdout.open("w") as handle:
        return subprocess.run(cmd, stdout=handle).returncode


def main(corpus: str, out: str) -> int:
    target = Path(out)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    db = str(target / "newsdesk.db")
    failed = 0
    failed |= step(["ingest", corpus, "--db", db])
    failed |= step(["ls", "--db", db])
    failed |= step(["stories", "--db", db, "--format", "table"])  # kept current by ingest
    failed |= step(["ls", "--db", db, "--duplicates"])
    failed |= step(["ls", "--db", db, "--format", "json"], target / "documents.json")
    failed |= step(
        ["annotate", corpus, "--format", "jsonl", "--include-text"], target / "annotations.jsonl"
    )
    failed |= step(["stories", corpus], target / "stories.json")
    # The main job: one briefing per story folder of the corpus, as HTML and as JSONL.
    briefings = target / "briefings"
    failed |= step(["brief", corpus, "--by", "folder", "--format", "html", "-o", str(briefings)])
    failed |= step(
        [
            "brief",
            corpus,
            "--by",
            "folder",
            "--format",
            "jsonl",
            "-o",
            str(target / "briefings.jsonl"),
        ]
    )
    # Live news: a local demo feed server, followed with `feeds add` and `watch --once`.
    from demo_feeds import main as feeds_demo

    failed |= feeds_demo(out)
    print(f"\nDemo output in {target.resolve()}:")
    for path in sorted(target.rglob("*")):
        print(f"  {path.relative_to(target)}")
    print(f"\nOpen a briefing in a browser, e.g. {briefings / 'strait-ferry-collision.html'}")
    print("or browse the whole store (stories, people, uploads) at http://127.0.0.1:8040 with:\n")
    print(f"  newsdesk serve --db {shlex.quote(db)}")
    return failed


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
