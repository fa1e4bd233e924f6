"""Robustness figures (issue 14): hostile inputs, kill -9 trials, hostile web requests.

    .venv/bin/python bench/robustness.py [--kills 6] [--web 3000] [--no-long]

1. Hostile inputs: each one (written here: broken JSON, lone surrogates, deep nesting,
   bad ids, devices and pipes, binary files, navigation-only pages, texts over spaCy's
   1,000,000 characters, ...) is read and ingested with the default pipeline next to a
   good article, in this process, under a 300 s alarm. Counted: crashes (an exception out
   of read or ingest), hangs (the alarm), good items lost (the good article, or a hostile
   input that is in fact valid, not stored), refusals without a reason. Then all of them
   go through the real `newsdesk ingest` in one run (exit status, tracebacks).
2. Kill trials: the real `newsdesk ingest` (annotate + stories, MiniLM) of ECB+ texts
   from the shared data is killed with SIGKILL at a random point and run again; the
   store is then checked (`newsdesk.store.check.problems`, texts against their sources).
3. Web: hostile query parameters, paths, Host headers and uploads against the app;
   counted: requests and 5xx answers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._shared import ROOT, data_file  # noqa: E402
from newsdesk import app as api  # noqa: E402
from newsdesk.embed import HashingEmbedder  # noqa: E402
from newsdesk.store.sqlite import SQLiteStore  # noqa: E402
from tests.crash_helpers import kill_trial  # noqa: E402

HANG_SECONDS = 300
GOOD = (
    "The Quillmouth harbour board met on Tuesday to discuss the ferry timetable for the "
    "winter, board chair Petra Lind said. Case {n}."
)
LONG = "The committee heard evidence from the harbour pilots about the winter storms. " * 9
LONG_TEXT = "\n\n".join([LONG] * 1_500)  # about 1.1 million characters


def jl(**fields: Any) -> bytes:
    return json.dumps(fields).encode()


def hostile_inputs(long: bool) -> Iterator[tuple[str, str, bytes | Callable[[Path], None], bool]]:
    """(name, suffix, content or a function that makes the file, valid) for each input;
    ``valid`` inputs hold a good article that must be stored."""
    text = "A storm closed the Brindle ferry terminal for six hours, the port authority said."
    for field in ("id", "text", "title", "outlet", "url", "story", "author", "html"):
        base = {"id": f"s-{field}", "text": text}
        base[field] = base.get(field, "x") + "\ud800"
        yield f"surrogate-{field}", ".jsonl", json.dumps(base).encode(), False
    for opener in "[{":
        for depth in (1_000, 100_000):
            yield f"nesting-{opener}-{depth}", ".jsonl", (opener * depth).encode(), False
    yield (
        "nesting-valid-object",
        ".jsonl",
        b'{"id": "deep", "text": "' + text.encode() + b'", "x": ' + b"[" * 50 + b"]" * 50 + b"}",
        True,
    )
    for literal in (b"1" * 5_000, b"NaN", b"Infinity", b"-" * 10, b"1e999999", b'"\\u"'):
        yield f"literal-{literal[:8]!r}", ".jsonl", literal, False
    for value in ([], "text", 3, None, True, [{"id": "a", "text": text}]):
        yield f"value-{type(value).__name__}", ".jsonl", json.dumps(value).encode(), False
    for bad_id in (
        None,
        3,
        ["a"],
        {"a": 1},
        "",
        "   ",
        "a\x00b",
        "a\nb",
        "a\tb",
        "a\rb",
        "a\u2028b",
        "a\x7fb",
        "a\x85b",
        "x" * 257,
        "x" * 1_000_000,
    ):
        yield f"id-{str(bad_id)[:10]!r}", ".jsonl", jl(id=bad_id, text=text), False
    for odd_id in (
        "../../etc/passwd",
        "a/b/c",
        "report.json",
        "..",
        ".",
        "~x",
        "with space",
        "Ünïcode ☃",
        "%2F%00",
        "<script>alert(1)</script>",
        "x" * 256,
        "?q=1#f",
    ):
        yield (
            f"odd-id-{odd_id[:10]!r}",
            ".jsonl",
            jl(id=odd_id, text=f"{text} ({odd_id[:20]})"),
            True,
        )
    for key, value in (
        ("text", 3),
        ("text", ["a"]),
        ("text", ""),
        ("text", "short"),
        ("text", "\x00" * 100),
        ("text", "\u200b" * 100),
        ("published", "yesterday"),
        ("published", 2026),
        ("title", {"a": 1}),
        ("html", "<a>L</a>" * 300),
        ("html", "<div>" * 100_000),
        ("html", ""),
    ):
        record = {"id": f"field-{key}", "text": text} | {key: value}
        if key == "html":
            record.pop("text")
        yield f"field-{key}-{str(value)[:8]!r}", ".jsonl", json.dumps(record).encode(), False
    yield "missing-text", ".jsonl", jl(id="no-text"), False
    yield "bom-line", ".jsonl", b"\xef\xbb\xbf" + jl(id="bom", text=text), True
    yield "latin1-line", ".jsonl", jl(id="latin", text="x").replace(b"x", b"caf\xe9 " * 10), False
    yield "crlf-lines", ".jsonl", jl(id="crlf", text=text) + b"\r\n\r\n", True
    yield "line-over-limit", ".jsonl", jl(id="big", text="x" * 5_000_001), False
    yield "no-newline-5mb", ".jsonl", b"{" + b" " * 6_000_000, False
    yield "binary", ".jsonl", bytes(range(256)) * 20, False
    # .txt
    yield "empty", ".txt", b"", False
    yield "spaces", ".txt", b" \n\t " * 100, False
    yield "nul", ".txt", b"abc\x00def" * 50, False
    yield "random-bytes", ".txt", random.Random(1).randbytes(5_000), False
    yield "utf16", ".txt", ("\ufeff" + text).encode("utf-16-le"), True
    yield "utf16-surrogate", ".txt", b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xd8", False
    yield "latin1", ".txt", (text.replace("ferry", "café ferry")).encode("latin-1"), True
    yield "mixed-utf8", ".txt", text.encode() + b"\xff" + "é".encode(), False
    yield "controls", ".txt", bytes(range(1, 32)) * 40, False
    yield "too-large", ".txt", b"x " * 2_500_001, False
    yield "zero-width", ".txt", "\u200b\u200c\u200d\u2060".encode() * 200, False
    yield "rtl-override", ".txt", ("\u202e" + text).encode(), True
    yield "combining", ".txt", ("e\u0301" * 30 + " " + text).encode(), True
    yield "one-long-word", ".txt", b"a" * 300_000, True
    yield "no-spaces-punct", ".txt", b".,;!?" * 40_000, True
    yield "many-quotes", ".txt", ('"' * 20_000 + " said Petra Lind. " + text).encode(), True
    yield (
        "many-dates",
        ".txt",
        ("On 12 May 2026, 13 May, 14 June 1999 and yesterday. " * 500).encode(),
        True,
    )
    yield (
        "many-names",
        ".txt",
        (" ".join(f"Mr Name{n} Lind said." for n in range(3_000))).encode(),
        True,
    )
    if long:
        yield "long-1.1M-chars", ".txt", LONG_TEXT.encode(), True
        yield (
            "long-1.1M-jsonl",
            ".jsonl",
            jl(id="long-jsonl", text=LONG_TEXT.replace("harbour", "river")),
            True,
        )

    payloads: list[tuple[str, bytes, bool]] = [
        ("bom-only", b"\xef\xbb\xbf", False),
        ("ff-bytes", b"\xff" * 1_000, False),
        ("cr-only", b"\r" * 10_000, False),
        ("newlines", b"\n" * 100_000, False),
        ("utf8-surrogate", b"abc \xed\xa0\x80 def" * 10, False),
        ("overlong-utf8", b"abc \xc0\xaf def" * 10, False),
        ("angle-brackets", b"<" * 100_000, False),
        ("double-quotes", b'"' * 100_000, False),
        ("braces", b"{" * 100_000, False),
        ("backslashes", b"\\" * 10_000, False),
        ("random-a", random.Random(3).randbytes(3_000), False),
        ("random-b", random.Random(4).randbytes(30_000), False),
        ("cjk", ("港口渡轮周二撞上码头，十二人受伤。" * 20).encode(), True),
        ("arabic", ("اصطدمت العبارة بجدار الميناء يوم الاثنين. " * 10).encode(), True),
        ("emoji", ("🚢💥 ferry 👨‍👩‍👧 harbour wall " * 20).encode(), True),
        ("blank-heavy", (text + "\n" * 10_000 + text).encode(), True),
        ("tabs", text.replace(" ", "\t").encode(), True),
        ("nbsp", text.replace(" ", "\u00a0").encode(), True),
    ]
    for name, payload, plain_valid in payloads:
        for suffix in (".txt", ".html", ".jsonl"):
            yield f"{name}{suffix}", suffix, payload, plain_valid and suffix == ".txt"
            if suffix == ".jsonl":
                line = json.dumps({"id": f"p-{name}", "text": payload.decode("utf-8", "replace")})
                yield f"{name}-in-json", suffix, line.encode(), False

    def symlink(target: str) -> Callable[[Path], None]:
        return lambda path: path.symlink_to(target)

    yield "dev-zero", ".txt", symlink("/dev/zero"), False
    yield "dev-zero-jsonl", ".jsonl", symlink("/dev/zero"), False
    yield "dev-urandom", ".html", symlink("/dev/urandom"), False
    yield "dangling", ".txt", symlink("/nonexistent/file"), False
    yield "fifo", ".txt", lambda path: os.mkfifo(path), False
    yield "fifo-jsonl", ".jsonl", lambda path: os.mkfifo(path), False
    yield "folder-named-txt", ".txt", lambda path: path.mkdir(), False

    def loop(path: Path) -> None:
        path.symlink_to(path.name)

    yield "symlink-loop", ".txt", loop, False
    yield "name-with\nnewline", ".txt", text.encode(), False
    yield "x" * 250, ".txt", text.encode(), True
    # .html
    yield (
        "nav-only",
        ".html",
        b"<html><body>" + b'<a href="/x">Link</a>' * 300 + b"</body></html>",
        False,
    )
    yield (
        "menu-only",
        ".html",
        b"<ul>"
        + b"".join(b'<li><a href="/s">Section %d news</a></li>' % i for i in range(300))
        + b"</ul>",
        False,
    )
    yield "div-100k", ".html", b"<div>" * 100_000 + text.encode(), False
    yield "table-10k", ".html", b"<table>" * 10_000 + text.encode(), False
    yield "script-only", ".html", b"<script>" + b"alert(1);" * 1000 + b"</script>", False
    yield "comment-only", ".html", b"<!--" + b"x" * 10_000 + b"-->", False
    yield (
        "entity-bomb",
        ".html",
        b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<p>&b;&b;&b;</p>",
        False,
    )
    yield (
        "huge-attribute",
        ".html",
        page(b'<p title="' + b"x" * 4_000_000 + b'">' + text.encode() + b"</p>"),
        True,
    )
    yield "wrong-charset", ".html", b'<meta charset="utf-16"><p>' + text.encode() + b"</p>", True
    yield "unclosed", ".html", b"<html><body><p>" + text.encode() + b"<p><b><i><u>", True
    yield "frameset", ".html", b"<frameset><frame src='x'></frameset>", False
    yield "svg", ".html", page(b"<svg><text>" + text.encode() + b"</text></svg>"), False
    yield (
        "article-in-links",
        ".html",
        page(b"<p>" + text.encode() + b' <a href="/m">More</a></p>'),
        True,
    )
    yield "binary-html", ".html", random.Random(2).randbytes(10_000), False
    yield "xml-pi", ".html", b"<?xml version='1.0'?>" + page(b"<p>" + text.encode() + b"</p>"), True
    yield (
        "bidi-title",
        ".html",
        "<title>\u202egnp.exe</title><p>".encode() + text.encode() + b"</p>",
        True,
    )


def page(body: bytes) -> bytes:
    """A whole page around ``body`` (trafilatura finds no article in a bare fragment)."""
    return b"<html><body>" + body + b"</body></html>"


def materialise(folder: Path, name: str, suffix: str, content: Any) -> Path:
    path = folder / f"{name.replace('/', '_')}{suffix}"
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    return path


class Alarm(Exception):
    pass


def _alarm(*_: object) -> None:
    raise Alarm


def hostile_run(long: bool) -> dict[str, Any]:
    pipeline = api.default_pipeline()
    embedder = HashingEmbedder()
    counts = {"tried": 0, "crashes": 0, "hangs": 0, "lost": 0, "no_reason": 0}
    details: list[str] = []
    slowest = (0.0, "")
    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        inputs = list(hostile_inputs(long))
        for n, (name, suffix, content, valid) in enumerate(inputs):
            counts["tried"] += 1
            folder = base / f"case-{n:03d}"
            folder.mkdir()
            (folder / f"good-{n:03d}.txt").write_text(GOOD.format(n=n))
            materialise(folder, name, suffix, content)
            start = time.monotonic()
            signal.alarm(HANG_SECONDS)
            try:
                with SQLiteStore(folder / "n.db") as store:
                    results = list(
                        api.ingest(api.read([str(folder)]), store, pipeline, embedder=embedder)
                    )
                    kept = {r.source.rsplit("/", 1)[-1] for r in results if r.status != "refused"}
            except Alarm:
                counts["hangs"] += 1
                details.append(f"hang: {name}")
                continue
            except Exception as exc:
                counts["crashes"] += 1
                details.append(f"crash: {name}: {type(exc).__name__}: {exc}"[:200])
                continue
            finally:
                signal.alarm(0)
            took = time.monotonic() - start
            slowest = max(slowest, (took, name))
            if took > 30:
                print(f"  slow: {name} took {took:.0f} s", file=sys.stderr, flush=True)
            if took > HANG_SECONDS:  # the alarm cannot interrupt C code; count it after
                counts["hangs"] += 1
                details.append(f"hang: {name} ({took:.0f} s)")
            if not any(k.startswith(f"good-{n:03d}") for k in kept):
                counts["lost"] += 1
                details.append(f"good article lost next to: {name}")
            if valid and len(kept) < 2:
                counts["lost"] += 1
                details.append(f"valid input not stored: {name}")
            for r in results:
                if r.status == "refused" and not (r.reason or "").strip():
                    counts["no_reason"] += 1
                    details.append(f"refusal without a reason: {name}")
        cli = _cli_run(base, inputs)
    return counts | {"slowest": slowest, "details": details, "cli": cli}


def _cli_run(base: Path, inputs: list[Any]) -> str:
    """All hostile inputs in one folder through the real `newsdesk ingest`."""
    folder = base / "all"
    folder.mkdir()
    for n, (name, suffix, content, _) in enumerate(inputs):
        if "fifo" in name or "dev-" in name or callable(content):
            continue  # each was read alone above; a folder of them is read the same way
        materialise(folder, f"{n:03d}-{name[:60]}", suffix, content)
    (folder / "good.txt").write_text(GOOD.format(n="cli"))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsdesk.cli",
            "ingest",
            str(folder),
            "--db",
            str(base / "cli.db"),
        ],
        capture_output=True,
        text=True,
        timeout=3_600,
        check=False,
    )
    refusals = [ln for ln in proc.stderr.splitlines() if ln.startswith("refused: ")]
    without = [ln for ln in refusals if not ln.rsplit(": ", 1)[-1].strip()]
    traceback = "Traceback" in proc.stderr
    return (
        f"exit status {proc.returncode}, {len(refusals)} refusals each printed as it happened "
        f"({len(without)} without a reason), traceback: {'yes' if traceback else 'no'}; "
        f"{proc.stdout.strip().split(': ', 1)[-1]}"
    )


def ecb_corpus(folder: Path, count: int) -> dict[str, str]:
    """``count`` ECB+ articles as .txt files (read from the shared data at run time)."""
    source = data_file("ecbplus_event_clusters")
    files = sorted(source.rglob("*.jsonl"))
    written: dict[str, str] = {}
    folder.mkdir(parents=True, exist_ok=True)
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = record.get("text")
            if not isinstance(text, str) or len(text) < 200:
                continue
            doc_id = f"ecb-{len(written):04d}"
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            written[doc_id] = text
            if len(written) == count:
                return written
    return written


def kill_run(trials: int) -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        corpus = ecb_corpus(base / "ecb", 120)
        command = [sys.executable, "-m", "newsdesk.cli", "ingest", "{folder}", "--db", "{db}", "-q"]
        rng = random.Random(14)
        for n in range(trials):
            t = kill_trial(base, corpus, base / "ecb", rng, command=command, rerun_command=True)
            lines.append(
                f"trial {n + 1}: killed with {t.stored_at_kill} stored "
                f"({t.unassigned_at_kill} without a story); after the re-run "
                f"{t.stored_after_rerun}/{t.expected} kept, "
                f"{len(t.problems_after_rerun)} problems {list(t.problems_after_rerun)}, "
                f"{t.texts_differing} texts differing from their source"
            )
    return lines


def web_run(requests: int) -> tuple[int, int, list[str]]:
    from fastapi.testclient import TestClient

    from newsdesk.web import create_app

    rng = random.Random(14)
    hostile = [
        "\x00",
        "a\x00b",
        "%",
        "%00",
        "'",
        '"',
        '"unbalanced',
        "*",
        "**",
        "a*b*",
        "NEAR(a b)",
        "AND",
        "OR NOT",
        "col:term",
        "^x",
        "(",
        ")",
        "{",
        "\\",
        "../..",
        "<script>",
        "\u202e",
        "\ud7ff",
        "x" * 199,
        "x" * 201,
        "x" * 5_000,
        "2026-13-40",
        "0000",
        "9999-99-99",
        "",
        " ",
        "\t",
        "\n",
        "é",
        "☃" * 50,
        "-1",
        "1e9",
        "null",
        "[]",
        "{}",
        "&",
        "=",
        "+",
        "#",
    ]
    paths = ["/", "/stories.json", "/upload", "/jobs.json", "/login", "/static/app.js"]
    kinds = ["documents", "stories", "entities", "jobs"]
    answered = failures = 0
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "web.db"
        corpus_folder = Path(tmp) / "corpus"
        ecb_corpus(corpus_folder, 30)
        with SQLiteStore(db) as store:
            list(
                api.ingest(
                    api.read([str(corpus_folder)]),
                    store,
                    api.default_pipeline(),
                    embedder=HashingEmbedder(),
                )
            )
        app = create_app(str(db), embedder=HashingEmbedder())
        with TestClient(app, base_url="http://127.0.0.1:8040", raise_server_exceptions=False) as c:
            story_ids = [s["id"] for s in c.get("/stories.json").json()["stories"]]
            for n in range(requests):
                roll = n % 5
                if roll == 0:
                    params = {
                        k: rng.choice(hostile)
                        for k in rng.sample(
                            ["q", "outlet", "person", "since", "until"], rng.randint(1, 5)
                        )
                    }
                    response = c.get(rng.choice(paths[:2]), params=params)
                elif roll == 1:
                    part = rng.choice(hostile + story_ids + ["~" + rng.choice(hostile)])
                    from urllib.parse import quote

                    suffix = rng.choice(["", ".json"])
                    response = c.get(f"/{rng.choice(kinds)}/{quote(part, safe='')}{suffix}")
                elif roll == 2:
                    host = rng.choice(
                        [
                            "127.0.0.1:1@evil.com",
                            "evil.com",
                            "localhost:99999",
                            "[::1]",
                            "127.0.0.1:8040",
                            "",
                            "a b",
                            "localhost:x",
                        ]
                    )
                    response = c.get(rng.choice(paths), headers={"host": host})
                elif roll == 3 and n % 50 == 3:
                    body = rng.choice(
                        [
                            b"",
                            b"\x00" * 100,
                            "é".encode() * 1000,
                            jl(id="\ud800", text="x" * 50),
                            b"[" * 10_000,
                            b'<a href="/">L</a>' * 200,
                        ]
                    )
                    name = rng.choice(
                        ["a.txt", "b.jsonl", "c.html", "../../d.txt", "e", "f\x00.txt", "g.pdf"]
                    )
                    response = c.post(
                        "/upload",
                        files=[("files", (name, body, "text/plain"))],
                        headers={"accept": "application/json"},
                    )
                else:
                    response = c.get(
                        rng.choice(paths),
                        headers={"accept": rng.choice(["application/json", "text/html", "*/*"])},
                    )
                answered += 1
                if response.status_code >= 500:
                    failures += 1
                    problems.append(
                        f"{response.status_code} {response.request.method} {response.request.url}"
                    )
    return answered, failures, problems[:10]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=6)
    parser.add_argument("--web", type=int, default=3_000)
    parser.add_argument("--no-long", action="store_true", help="skip the 1.1M-character texts")
    args = parser.parse_args()
    os.chdir(ROOT)
    hostile = hostile_run(long=not args.no_long)
    print(
        f"hostile inputs: {hostile['tried']} tried, {hostile['crashes']} crashes, "
        f"{hostile['hangs']} hangs (> {HANG_SECONDS} s), {hostile['lost']} good items lost, "
        f"{hostile['no_reason']} refusals without a reason; slowest "
        f"{hostile['slowest'][0]:.1f} s ({hostile['slowest'][1]})"
    )
    for line in hostile["details"]:
        print("  " + line)
    print(f"  all in one `newsdesk ingest`: {hostile['cli']}")
    kills = kill_run(args.kills)
    left = sum(1 for line in kills if "0 problems" not in line)
    print(f"kill -9 trials: {len(kills)}, {left} left a problem after the re-run")
    for line in kills:
        print("  " + line)
    answered, failures, problems = web_run(args.web)
    print(f"web requests: {answered} tried, {failures} answered 5xx")
    for line in problems:
        print("  " + line)


if __name__ == "__main__":
    main()
