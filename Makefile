# The developer interface: make install | demo | test | lint | bench | docs | clean
# (and browser-deps, screenshots)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.dyadline-installed
DB ?= dyadline.db

.PHONY: install demo test lint bench docs clean browser-deps screenshots

install: $(STAMP)

# Reinstall only when the package definition changed since the last install.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -e '.[serve,dask,parquet,dev]'
	touch $(STAMP)

demo: install
	$(BIN)/dyadline ingest examples/ --db $(DB)

test: install browser-deps
	$(BIN)/python -m pytest

# Debian's chromium for the browser tests (Playwright drives it; no browser download of its own).
# Instant when it is installed; without root or apt the browser tests skip and say why.
browser-deps:
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium; } \
		|| echo "make browser-deps: chromium could not be installed; the browser tests will skip"

# PNGs of each page of the browser, for the README.
screenshots: install browser-deps
	DYADLINE_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/test_serve_browser.py

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python bench/bench.py --docs 300
	$(BIN)/python bench/cases.py
	$(BIN)/python bench/clusters.py

docs: install
	$(BIN)/python tests/test_docs_cli.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache
