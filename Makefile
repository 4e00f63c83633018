# Two commands do all the set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# `make run` keeps polling the configured feeds while it serves; SERVE_ARGS= turns that off.
SERVE_ARGS ?= --follow
STAMP := $(VENV)/.installed

.PHONY: setup run test lint check bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

## run: set up, ingest (ARGS are passed to `chronik run`), then serve the web application
## on http://127.0.0.1:8000/ (SERVE_ARGS are passed to `chronik serve`; Ctrl-C stops it)
run: setup
	-$(BIN)/chronik run $(ARGS)  # a feed that cannot be fetched is no reason not to serve
	$(BIN)/chronik serve $(SERVE_ARGS)

## test: set up, then run the whole test suite
test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## lint: ruff and mypy
lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

check: lint test

bench: setup
	$(BIN)/python bench/ingest_stream.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
