# newsdesk set-up. The two commands a new user needs:
#   make demo   install everything (pinned, hash-checked) and run the main job on examples/
#   make test   install the dev tools too and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: install dev demo test lint lock clean

install: $(VENV)/.main-installed

$(VENV)/.main-installed: requirements/main.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/main.lock
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	@touch $@
	@echo "newsdesk installed: $(BIN)/newsdesk"

dev: $(VENV)/.dev-installed

$(VENV)/.dev-installed: $(VENV)/.main-installed requirements/dev.lock
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/dev.lock
	@touch $@

demo: install
	$(BIN)/python scripts/demo.py examples demo/out

test: dev
	$(BIN)/ruff check newsdesk tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: dev
	$(BIN)/ruff check newsdesk tests bench scripts
	$(BIN)/mypy

lock:
	bash scripts/lock.sh

clean:
	rm -rf $(VENV) demo/out
