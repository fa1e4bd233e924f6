"""Coverage-guided fuzzing (atheris, libFuzzer) of read → clean_text → annotate.

    .venv/bin/python bench/fuzz.py [--seconds 300] [--annotate-every 50]

Each input is split by its first byte into a kind (.txt, .html, .jsonl, stdin) and the
rest is written as that input and read with newsdesk's readers; every document read is
checked (id rule, clean text, offsets in range), and every ``--annotate-every``-th one
also goes through the default pipeline (spaCy), whose spans must index the text. Any
exception out of a reader, a broken property, or an annotation error is a finding: the
input is saved under bench/out/fuzz/ and the run goes on. Prints executions, findings
and the slowest input. Runs in a child process, so a fixed time ends it cleanly.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._shared import OUT  # noqa: E402

KINDS = (".txt", ".html", ".jsonl", "-")
FINDINGS = OUT / "fuzz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--annotate-every", type=int, default=50)
    args = parser.parse_args()
    try:
        import atheris
    except ImportError:
        sys.exit("atheris is not installed: make dev")
    FINDINGS.mkdir(parents=True, exist_ok=True)
    stats = FINDINGS / "stats.json"
    stats.unlink(missing_ok=True)
    with atheris.instrument_imports():
        from newsdesk.ingest import clean, extract, ids, read  # noqa: F401
    harness = Harness(args.annotate_every, stats)
    atheris.Setup(
        [sys.argv[0], f"-max_total_time={args.seconds}", "-rss_limit_mb=4096", "-timeout=60"],
        harness.one,
    )
    atheris.Fuzz()


class Harness:
    def __init__(self, annotate_every: int, stats: Path) -> None:
        from newsdesk import app as api
        from newsdesk.settings import Settings

        self.api = api
        self.settings = Settings(max_document_bytes=200_000)
        self.pipeline = api.default_pipeline()
        self.every = annotate_every
        self.stats = stats
        self.executions = 0
        self.findings = 0
        self.documents = 0
        self.annotated = 0
        self.slowest = 0.0
        self.started = time.monotonic()
        self.folder = Path(tempfile.mkdtemp(prefix="newsdesk-fuzz-"))

    def one(self, data: bytes) -> None:
        self.executions += 1
        start = time.monotonic()
        try:
            self._check(data)
        except Exception:
            self.findings += 1
            (FINDINGS / f"finding-{self.findings:03d}.bin").write_bytes(data)
            (FINDINGS / f"finding-{self.findings:03d}.txt").write_text(traceback.format_exc())
        self.slowest = max(self.slowest, time.monotonic() - start)
        if self.executions % 50 == 0 or self.findings:
            self._save()

    def _check(self, data: bytes) -> None:
        from newsdesk.ids import id_problem
        from newsdesk.ingest.clean import clean_text
        from newsdesk.ingest.read import read_inputs, read_jsonl_lines
        from newsdesk.model import Document

        kind, body = KINDS[data[0] % len(KINDS)] if data else ".txt", data[1:]
        if kind == "-":
            items = list(read_jsonl_lines(io.BytesIO(body), "<stdin>", self.settings))
        else:
            path = self.folder / f"input{kind}"
            path.write_bytes(body)
            items = list(read_inputs([str(path)], self.settings))
        docs = [i for i in items if isinstance(i, Document)]
        for item in items:
            if not isinstance(item, Document):
                assert item.reason.strip(), "refusal without a reason"
        for doc in docs:
            assert id_problem(doc.id) is None, doc.id
            assert doc.text and clean_text(doc.text) == doc.text, "text not clean"
            self.documents += 1
            if self.documents % self.every == 0:
                [done] = list(self.pipeline([doc]))
                self.annotated += 1
                spans = [q.span for q in done.quotes] + [t.span for t in done.timeline]
                spans += [m.span for e in done.entities for m in e.mentions]
                for span in spans:
                    assert 0 <= span.start < span.end <= len(doc.text), span

    def _save(self) -> None:
        record = {
            "executions": self.executions,
            "findings": self.findings,
            "documents": self.documents,
            "annotated": self.annotated,
            "slowest_seconds": round(self.slowest, 3),
            "seconds": round(time.monotonic() - self.started, 1),
        }
        self.stats.write_text(json.dumps(record))


def run(seconds: int, annotate_every: int) -> dict[str, float]:
    """Run the fuzzer in a child process for ``seconds``; its final statistics."""
    import subprocess

    stats = FINDINGS / "stats.json"
    subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            f"--seconds={seconds}",
            f"--annotate-every={annotate_every}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ | {"PYTHONHASHSEED": "0"},
        check=False,
    )
    return dict(json.loads(stats.read_text())) if stats.exists() else {}


if __name__ == "__main__":
    if "--child" in sys.argv:
        sys.argv.remove("--child")
        main()
    else:
        parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
        parser.add_argument("--seconds", type=int, default=300)
        parser.add_argument("--annotate-every", type=int, default=50)
        options = parser.parse_args()
        result = run(options.seconds, options.annotate_every)
        print(
            f"atheris, {options.seconds} s over read -> clean_text -> annotate: "
            f"{int(result.get('executions', 0)):,} executions, "
            f"{int(result.get('documents', 0)):,} documents read, "
            f"{int(result.get('annotated', 0))} annotated, "
            f"{int(result.get('findings', 0))} findings (saved in bench/out/fuzz/), "
            f"slowest input {result.get('slowest_seconds', 0)} s"
        )
