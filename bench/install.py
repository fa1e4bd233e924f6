"""Install time and size: `make install` in a fresh clone of this repository.

    .venv/bin/python bench/install.py

Clones the committed HEAD into a temporary folder, runs `make install` there (the
hash-locked install of core + nlp + web) and reports the wall time and the size of the
new .venv. Baseline in the same run: `python -m venv` alone (the floor every install pays).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "newsdesk"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        start = time.perf_counter()
        subprocess.run(["python3", "-m", "venv", str(Path(tmp) / "bare")], check=True)
        bare = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(["make", "install"], cwd=clone, check=True, capture_output=True)
        seconds = time.perf_counter() - start
        size = du(clone / ".venv")
        bare_size = du(Path(tmp) / "bare")
    print(f"{'step':<34}{'seconds':>9}{'size MB':>10}")
    print(f"{'make install (fresh clone)':<34}{seconds:>9.1f}{size / 1e6:>10.0f}")
    print(f"{'baseline: python -m venv alone':<34}{bare:>9.1f}{bare_size / 1e6:>10.0f}")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "install.json").write_text(json.dumps({"seconds": seconds, "venv_bytes": size}))


if __name__ == "__main__":
    main()
