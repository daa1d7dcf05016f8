# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip --disable-pip-version-check -q

.PHONY: run test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(BIN)/kiosk init --demo
	exec $(BIN)/kiosk serve

lint: $(VENV)/.installed-test
	$(BIN)/ruff check kiosk tests $(wildcard bench)

test: $(VENV)/.installed-test lint
	@if command -v node >/dev/null; then node --test static/display/ static/widget/; \
	else echo "node not found: display unit tests skipped"; fi
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) instance .pytest_cache
