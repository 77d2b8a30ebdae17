# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
PORT ?= 8000
MANAGE := $(PY) manage.py

.PHONY: run test lint format messages clean-venv benchmark benchmark-checker \
	benchmark-throughput benchmark-schools catalogue-coverage

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Mektep needs Python 3.11 or newer; set PYTHON=python3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

run: $(INSTALLED)
	mkdir -p var/static var/media
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --if-empty
	$(MANAGE) ensure_dev_superuser
	@echo "Mektep: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: $(INSTALLED)
	mkdir -p var/static var/media
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

# The browser tests' checkers (axe-core, the Nu Html Checker) come from npm; without npm those
# tests skip and say so.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund && touch node_modules/.installed; \
	else echo "npm not found: the axe-core and HTML-checker tests will be skipped"; fi

# Three parts (tests/conftest.py, TEST_PART): the tests that read the demo school, then those
# that read the two test schools, each inside a rolled-back transaction on one copy built per
# worker; then all the others. Every part runs; the target fails if any did.
test: lint node_modules/.installed
	@status=0; for part in demo schools others; do \
		echo "== tests: $$part"; \
		MEKTEP_TEST_PART=$$part $(PY) -m pytest -n 2 || status=1; \
	done; exit $$status

format: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Needs GNU gettext (Debian: gettext). Refreshes the .po files from the code, then compiles them.
messages: $(INSTALLED)
	$(MANAGE) makemessages -l ky -l ru --ignore=.venv --ignore=var --ignore=node_modules --no-obsolete
	$(MANAGE) compilemessages --ignore=.venv

clean-venv:
	rm -rf $(VENV)

# Home page weight (HTML + CSS + JS) of the demo school, in a throw-away database.
benchmark: $(INSTALLED)
	$(PY) benchmarks/page_weight.py

# Requests per second of the production server (gunicorn, 2 sync workers, on loopback) for the
# demo school: the stylesheet, the cached home page, four pages uncached, as ratios to the
# stylesheet's rate, with their SQL queries (benchmarks/throughput.py; wrk when installed).
benchmark-throughput: $(INSTALLED)
	$(PY) benchmarks/throughput.py

# 500 schools built with create_school: its time, and the first and the 500th school's page
# rates and queries and admin explorer and dashboard times (benchmarks/schools.py; SCHOOLS=100
# for a shorter run).
SCHOOLS ?= 500
benchmark-schools: $(INSTALLED)
	$(PY) benchmarks/schools.py --schools $(SCHOOLS)

# The prohibited-content checker: caught, rejected and false alarms per language and category,
# and texts per second, on the project's set and on ../shared/data/moderation-dev.jsonl if present.
benchmark-checker: $(INSTALLED)
	$(PY) benchmarks/checker_eval.py

# The share of Wagtail's admin messages translated into Kyrgyz and Russian (issue 15: at least
# 0.99 each), Python and JavaScript catalogues, as the installation loads them.
catalogue-coverage: $(INSTALLED)
	$(PY) benchmarks/catalogue_coverage.py
