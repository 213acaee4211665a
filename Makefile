# The two commands of the README: `make run` and `make test`. Everything is installed from this
# project's own files into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export DAGSTER_HOME := $(CURDIR)/.dagster_home
export DO_NOT_TRACK := 1

.PHONY: install run test dev bench screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[model,dev]'
	touch $(STAMP)

install: $(STAMP) $(DAGSTER_HOME)/dagster.yaml

$(DAGSTER_HOME)/dagster.yaml: deploy/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp deploy/dagster.yaml $@

run: install
	$(BIN)/timeline run --inbox samples/inbox --db data/timeline.duckdb

test: install
	$(BIN)/python -m pytest -q -p no:cacheprovider

dev: install
	$(BIN)/dagster dev -h 127.0.0.1 -p 3000 -w workspace.yaml

screenshots: install
	TIMELINE_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/e2e/test_ui.py

bench: install
	$(BIN)/python bench/bench_tagger.py

clean:
	rm -rf $(VENV) .dagster_home data
