# Set-up and checks. `make demo` and `make test` work on a fresh machine: they create .venv and install into it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
RFAFLOW := $(VENV)/bin/rfaflow

.PHONY: demo test lint golden clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# Renders the memory-covered sample: no model needed, fully offline.
demo: $(VENV)/.installed
	$(RFAFLOW) render samples/musan.md --tm samples/tm/korean-service.tmx -o out/
	$(RFAFLOW) render samples/musan.md --tm samples/tm/korean-service.tmx -f md -o out/
	$(RFAFLOW) review samples/musan.md --tm samples/tm/korean-service.tmx --engine tm \
		--glossary samples/glossary/korean-desk.csv -o out/musan-review.html

test: $(VENV)/.installed
	$(PY) -m pytest -q

# Guard rails CI runs before the tests: lint (ruff) and types (mypy, on rfaflow/).
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check rfaflow tests bench
	$(VENV)/bin/mypy

# Rewrites tests/golden/ from the samples; review the diff before committing it.
golden: $(VENV)/.installed
	$(PY) tests/make_golden.py

clean:
	rm -rf $(VENV) out build dist .pytest_cache
