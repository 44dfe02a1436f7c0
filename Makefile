# Claims workbook. Two commands: `make report` and `make test` (both bootstrap .venv).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
KERNEL := claims-workbook
OUT ?= outputs
SEEDS ?= seeds
ARGS ?=

.PHONY: help venv report report-force check-report test test-fast lab eval bench clean lint

help:
	@echo "make report   set up .venv and build the report from $(SEEDS)/ into $(OUT)/"
	@echo "make test     set up .venv and run the whole test suite (unit, pipeline, nbval)"
	@echo "make lab      JupyterLab on the project's kernel"
	@echo "make report-force   rebuild the report even if it is up to date"
	@echo "make check-report   open $(OUT)/index.html and the reports in headless Chromium, screenshots in $(OUT)/screenshots/"
	@echo "make eval     score extraction against tests/gold (precision, recall, F1)"
	@echo "make bench    throughput and memory benchmark on a synthetic corpus"
	@echo "make clean    remove outputs/ and caches (keeps .venv; 'make distclean' removes it too)"

venv: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (claims workbook)" >/dev/null
	@touch $(STAMP)

report: $(STAMP)
	$(BIN)/python -m helpers.pipeline --seeds $(SEEDS) --out $(OUT) $(ARGS)

report-force: $(STAMP)
	$(BIN)/python -m helpers.pipeline --seeds $(SEEDS) --out $(OUT) --force $(ARGS)

check-report: $(STAMP)
	$(BIN)/python -m helpers.browser $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest -q tests
	@nbout=$$(mktemp -d) && CLAIMS_OUTPUT_DIR=$$nbout CLAIMS_CACHE_DIR=$$nbout/.cache $(BIN)/python -m pytest -q --nbval-lax --nbval-current-env notebooks/; \
	  rc=$$?; rm -rf $$nbout; exit $$rc

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow" tests

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

eval: $(STAMP)
	$(BIN)/python -m helpers.evaluate

bench: $(STAMP)
	$(BIN)/python -m helpers.bench

lint: $(STAMP)
	$(BIN)/ruff check helpers tests

clean:
	rm -rf $(OUT)/* $(OUT)/.cache $(OUT)/.build-* $(OUT)/failed .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	@touch $(OUT)/.gitkeep

distclean: clean
	rm -rf $(VENV)
