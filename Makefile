# diplograph: two commands on a fresh machine.
#   make demo   create .venv, install everything (model included), ingest examples/,
#               write output/graph.html, output/graph.ttl and a query result
#   make test   install if needed, then run the whole test suite

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE := ./diplograph-store

.PHONY: install demo test lint typecheck bench browser clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
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
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/run.py --readme bench/README.md  # startup, extract, store, growth, html

clean:
	rm -rf $(VENV) output $(STORE) .pytest_cache .mypy_cache .ruff_cache
