# Two commands on a fresh machine with Python 3.11:
#   make demo   virtualenv + pinned dependencies, then `revops run` on the embedded database
#   make test   sqlfluff lint, a full `revops run` (dbt build with every test) on a fresh
#               embedded database, then pytest against it
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
REVOPS := $(BIN)/revops
# the test suite's own warehouse, rebuilt from nothing on every `make test`
# (any size: `make test TEST_COMPANIES=150`; the tests read what was loaded from the warehouse)
TEST_HOME := $(CURDIR)/.revops/test
TEST_COMPANIES ?= 300

.PHONY: setup demo test soak lint lint-sql lint-python bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --constraint requirements.lock --editable ".[dev]"
	touch $@

demo: setup
	$(REVOPS) run

lint-python: setup
	$(BIN)/ruff check python_jobs tests/python bench soak
	$(BIN)/ruff format --check python_jobs tests/python bench soak

lint-sql: setup
	eval "$$($(REVOPS) db env)"
	$(BIN)/sqlfluff lint models macros tests snapshots --processes 2

lint: lint-python lint-sql

test: setup
	export REVOPS_HOME=$(TEST_HOME)
	# the connection exported below for pytest must not stop the trap from stopping the server
	trap 'env -u REVOPS_PG_HOST -u REVOPS_PG_PORT -u REVOPS_PG_USER -u REVOPS_PG_DATABASE $(REVOPS) db stop >/dev/null 2>&1 || true' EXIT
	$(REVOPS) db stop >/dev/null 2>&1 || true
	rm -rf $(TEST_HOME)
	$(MAKE) --no-print-directory lint
	$(REVOPS) run --companies $(TEST_COMPANIES)
	eval "$$($(REVOPS) db env)"
	$(BIN)/pytest -q

# Twelve hostile months of `revops run` in a row on a warehouse of their own (tests/python/
# test_soak.py; `python -m soak --help` runs it by hand). CI runs it after `make test`.
SOAK_HOME := $(CURDIR)/.revops/soak-test
soak: setup
	export REVOPS_HOME=$(SOAK_HOME)
	trap 'env -u REVOPS_PG_HOST -u REVOPS_PG_PORT -u REVOPS_PG_USER -u REVOPS_PG_DATABASE $(REVOPS) db stop >/dev/null 2>&1 || true' EXIT
	$(REVOPS) db stop >/dev/null 2>&1 || true
	rm -rf $(SOAK_HOME)
	$(REVOPS) db start
	eval "$$($(REVOPS) db env)"
	$(BIN)/pytest -q -m slow -s

# e.g. make bench BENCH_ARGS='--scale 2000 --only scoring_full'
BENCH_ARGS ?=
bench: setup
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	$(REVOPS) db stop || true
	rm -rf .revops target
