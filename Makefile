# Two commands on a fresh machine: `make demo` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo's links (e-mails, printed addresses) follow the port it is served on.
export PORT
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test test-sqlite test-postgres test-browser lint messages bench clean install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/bashke migrate --no-input
	$(BIN)/bashke loaddemo
	$(BIN)/bashke serve --port $(PORT)

# Unit tests on SQLite, again on a throw-away PostgreSQL, browser journeys, lint.
test: $(TEST_STAMP)
	bash scripts/test-all

test-sqlite: $(TEST_STAMP)
	bash scripts/ensure-gettext
	$(BIN)/pytest -m "not browser"

test-postgres: $(TEST_STAMP)
	bash scripts/ensure-gettext
	bash scripts/with-postgres $(BIN)/pytest -m "not browser"

test-browser: $(TEST_STAMP)
	bash scripts/test-browser

lint: $(TEST_STAMP)
	$(BIN)/ruff check bashke tests

# Rewrites the message catalogues from the code; tests fail while they are stale.
messages: $(STAMP)
	bash scripts/ensure-gettext
	cd bashke && ../$(BIN)/bashke makemessages --locale sq --locale en --no-obsolete --no-location --ignore 'static/*'
	cd bashke && ../$(BIN)/bashke compilemessages

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) var test-artifacts node_modules
