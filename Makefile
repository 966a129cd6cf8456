# The two commands a newcomer needs: `make site` and `make test`.
# Both create .venv from pyproject.toml on first use; nothing else is required.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve generate check lint golden bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)  ## Generate pages from cables/ and build the site into site/
	$(BIN)/python -m generator build

serve: $(STAMP)  ## Build and serve on http://127.0.0.1:8000, regenerating when a cable changes
	$(BIN)/python -m generator serve

generate: $(STAMP)  ## Only write the Markdown pages into docs/
	$(BIN)/python -m generator generate

check: $(STAMP)  ## Validate every cable and print problems as path:line: message
	$(BIN)/python -m generator check --report

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench

test: lint  ## Lint, then every test (browser tests need Chromium: see README)
	$(BIN)/python -m pytest -q

golden: $(STAMP)  ## Refresh the golden pages on purpose, then review `git diff tests/golden`
	$(BIN)/python -m pytest -q tests/test_golden.py tests/test_briefing_golden.py --refresh-golden

bench: $(STAMP)  ## Benchmarks: generator vs mkdocs, incremental runs, parse speed, site sizes
	$(BIN)/python bench/run.py
	$(BIN)/python bench/incremental.py
	$(BIN)/python bench/parse_speed.py
	$(BIN)/python bench/site_sizes.py

clean:
	rm -rf site .cache $(VENV)
