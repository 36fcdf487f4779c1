# The developer interface: make install | demo | test | lint | bench | docs | clean

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.dyadline-installed
DB ?= dyadline.db

.PHONY: install demo test lint bench docs clean

install: $(STAMP)

# Reinstall only when the package definition changed since the last install.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -e '.[serve,dask,parquet,dev]'
	touch $(STAMP)

demo: install
	$(BIN)/dyadline ingest examples/ --db $(DB)

test: install
	$(BIN)/python -m pytest

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
