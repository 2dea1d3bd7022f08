# diplograph: two commands on a fresh machine.
#   make demo   create .venv, install everything (model included), ingest examples/,
#               write output/graph.html, output/graph.ttl and a query result
#   make test   install if needed, then run the whole test suite
#
# The install resolves nothing: requirements.lock is the complete, hash-pinned closure
# (extras' dependencies included), installed with --no-deps and checked with pip check,
# so a new release on the registry can never change or break what gets installed.
# `make lock` regenerates the lock (uv, itself pinned in the lock).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE := ./diplograph-store
PIP := $(BIN)/python -m pip --disable-pip-version-check
# `make lock` keeps the pins that still fit; `make lock LOCK_FLAGS=--upgrade` takes the newest.
LOCK_FLAGS ?=

.PHONY: install demo test lint lock bench bench-readme docs screenshot clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --no-deps --require-hashes -r requirements.lock
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	$(PIP) check
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	mkdir -p output
	$(BIN)/diplograph ingest examples/ --store $(STORE)
	$(BIN)/diplograph html -o output/graph.html --store $(STORE)
	$(BIN)/diplograph export -o output/graph.ttl --store $(STORE)
	$(BIN)/diplograph query who-accused-whom --store $(STORE) | tee output/who-accused-whom.txt

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check src tests bench docs
	$(BIN)/mypy

# (uv comes from the lock itself, by its pinned hash, even when the rest is out of date)
lock:
	test -x $(BIN)/uv || { test -x $(BIN)/python || $(PYTHON) -m venv $(VENV); \
	  sed -n '/^uv==/,/^[a-z]/p' requirements.lock | sed '$$d' > $(VENV)/uv-lock.txt; \
	  $(PIP) install --quiet --no-deps --require-hashes -r $(VENV)/uv-lock.txt; }
	$(BIN)/uv pip compile pyproject.toml --extra model --extra cluster --extra dev --generate-hashes \
	  --universal --python-version 3.11 --custom-compile-command "make lock" --quiet $(LOCK_FLAGS) -o requirements.lock

# The generated docs: README console blocks, the query cookbook, the ontology page,
# and the README's picture of the page `make demo` writes.
docs: $(STAMP)
	$(BIN)/python docs/make_readme.py
	$(BIN)/python docs/make_queries_md.py
	$(BIN)/python docs/make_ontology_md.py

screenshot: demo
	$(BIN)/python docs/make_screenshot.py output/graph.html docs/img/demo-graph.png

# Benchmarks read ../shared (the shared benchmark sets) and print their figures;
# the figures go to output/bench-results.md unless you ask for bench/README.md.
bench: $(STAMP)
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/run.py --readme output/bench-results.md

bench-readme: $(STAMP)
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/run.py --readme bench/README.md

clean:
	rm -rf $(VENV) output $(STORE) .pytest_cache .mypy_cache .ruff_cache
