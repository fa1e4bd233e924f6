# newsdesk set-up. The two commands a new user needs:
#   make demo   install everything (pinned, hash-checked) and run the main job on examples/
#   make test   install the dev tools too and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
# Debian's Chromium for the browser tests of the web app (Playwright drives it; it never
# downloads a browser of its own). Installed with apt when `chromium` is not on PATH.
APT_PACKAGES := chromium chromium-driver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends

.PHONY: install dev chromium demo test lint lock clean

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

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's $(APT_PACKAGES) for the browser tests"; \
	  $(APT_INSTALL) $(APT_PACKAGES) || { \
	    $(SUDO) apt-get update && $(APT_INSTALL) $(APT_PACKAGES); }; }

demo: install
	$(BIN)/python scripts/demo.py examples demo/out

test: dev chromium
	$(BIN)/ruff check newsdesk tests bench scripts
	$(BIN)/ruff format --check newsdesk tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: dev
	$(BIN)/ruff check newsdesk tests bench scripts
	$(BIN)/ruff format --check newsdesk tests bench scripts
	$(BIN)/mypy

lock:
	bash scripts/lock.sh

clean:
	rm -rf $(VENV) demo/out
