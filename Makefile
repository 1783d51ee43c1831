# Set-up and everyday commands. Everything installs itself into .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Where `make run` serves: every absolute link of the API, exports and e-mails, and the demo's
# Site record, point there.
BASE_URL ?= http://127.0.0.1:$(PORT)
# The browser tests (tests/browser) drive this chromium; Playwright's own download is not used.
CHROMIUM ?= /usr/bin/chromium
MANAGE := $(PY) manage.py
# Test processes in parallel (pytest-xdist); each gets its own database and Redis database.
PYTEST_WORKERS ?= -n 2

.PHONY: lock run serve bench bench-postgres load wrk test test-postgres services browser lint check messages compilemessages demo clean fuzz backup restore

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check pip==26.3

# Every package, its dependencies too, at the version and with the hashes of the lock files
# in requirements/ (made from pyproject.toml's groups by `make lock`).
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes

$(VENV)/.run-installed: requirements/run.txt | $(VENV)/bin/python
	$(PIP_INSTALL) -r requirements/run.txt
	touch $@

$(VENV)/.bench-installed: requirements/bench.txt $(VENV)/.run-installed
	$(PIP_INSTALL) -r requirements/bench.txt
	touch $@

$(VENV)/.test-installed: requirements/test.txt $(VENV)/.run-installed
	$(PIP_INSTALL) -r requirements/test.txt
	touch $@

# The lock files again from pyproject.toml, keeping every version that still fits;
# UPGRADE=name moves that one package (and what it needs) to its newest fitting version.
UV := uv==0.13.8
lock: | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check $(UV)
	for group in run test bench scan data; do \
		$(VENV)/bin/uv pip compile --quiet --group pyproject.toml:$$group --generate-hashes \
			--universal --python-version 3.11 --no-header $(if $(UPGRADE),--upgrade-package $(UPGRADE)) \
			--output-file requirements/$$group.txt || exit 1; \
	done

# Compiles every .po catalogue with polib, so no system gettext is needed.
compilemessages: $(VENV)/.run-installed
	$(PY) -c "import pathlib, polib; [polib.pofile(str(p)).save_as_mofile(str(p.with_suffix('.mo'))) for d in ('locale', 'clusterdirectory/locale') for p in pathlib.Path(d).glob('*/LC_MESSAGES/*.po')]"

demo: $(VENV)/.run-installed compilemessages assets
	$(MANAGE) migrate --no-input --verbosity 0
	BASE_URL=$(BASE_URL) $(MANAGE) load_demo_content
	$(MANAGE) ensure_admin

# The site and, beside it, the scheduled jobs (scripts/run.sh); Ctrl-C stops both.
run: demo
	BASE_URL=$(BASE_URL) PY=$(PY) scripts/run.sh 127.0.0.1:$(PORT)

# Production settings, gunicorn and whitenoise; needs SECRET_KEY and ALLOWED_HOSTS (docs/deployment.md).
serve: $(VENV)/.run-installed compilemessages
	PORT=$(PORT) scripts/serve.sh

# Installs Debian's wrk (the benchmark's load generator) when it is missing (needs root).
wrk:
	@if command -v wrk >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk; \
	else \
		echo "wrk missing: sudo apt-get install wrk"; exit 1; \
	fi

# Throughput and latency with 30 and 3,000 clusters (not a test; see docs/performance.md).
# BENCH_ARGS passes options, e.g. BENCH_ARGS="--sizes 30 --duration 3".
bench: $(VENV)/.bench-installed compilemessages wrk
	$(PY) -m bench $(BENCH_ARGS)

# The same on PostgreSQL 15 and Redis, as several servers would run it.
bench-postgres: $(VENV)/.bench-installed compilemessages wrk services
	scripts/with-services.sh $(PY) -m bench $(BENCH_ARGS)

# 16 visitors for 60 s against gunicorn with PostgreSQL and Redis (not a test; figures in
# docs/reliability.md). LOAD_ARGS passes options, e.g. LOAD_ARGS="--duration 20".
load: $(VENV)/.bench-installed compilemessages wrk services
	scripts/with-services.sh $(PY) -m bench.load $(LOAD_ARGS)

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: $(VENV)/.test-installed compilemessages
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run

# Installs Debian's chromium for the browser tests when it is missing (needs root).
browser:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core; \
	else \
		echo "No chromium at $(CHROMIUM): the browser tests will be skipped. Install it with: sudo apt-get install chromium fonts-dejavu-core"; \
	fi

# A wapiti scan with its default modules against the demo as make run serves it (not in
# make test; docs/reliability.md). Wapiti has a virtual environment of its own.
.venv-scan/.installed: requirements/scan.txt
	$(PYTHON) -m venv .venv-scan
	.venv-scan/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/scan.txt
	touch $@

scan: $(VENV)/.run-installed compilemessages assets .venv-scan/.installed
	$(PY) scripts/scan.py $(SCAN_ARGS)

.PHONY: scan checkers checker-runtimes screenshots lighthouse assets

# Leaflet for the directory's map, pinned in package-lock.json, when npm is there: only what
# running the site needs ("dependencies"; the checkers are "devDependencies"), and nothing
# when an install of everything is already up to date. Without npm the site runs without
# the map.
assets:
	@if ! command -v npm >/dev/null; then echo "npm missing: the directory shows no map (sudo apt-get install npm)"; \
	elif [ ! node_modules/.package-lock.json -nt package-lock.json ]; then npm ci --omit=dev --ignore-scripts --no-audit --no-fund; fi

# The page checkers of tests/browser/test_page_quality.py, pinned in package-lock.json: axe-core
# and the Nu HTML checker (vnu.jar), with openapi-typescript and Lighthouse (and Leaflet).
# --ignore-scripts: vnu-jar's own install script would download a Java runtime from GitHub;
# Debian's is used instead. The marker says everything is there (`assets` installs less).
checkers: node_modules/.checkers-installed

node_modules/.checkers-installed: package.json package-lock.json | checker-runtimes
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund && touch $@; fi

# Installs Debian's npm and Java runtime for the checkers when missing (needs root).
checker-runtimes:
	@missing=""; \
	command -v npm >/dev/null || missing="npm"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	else \
		echo "Missing $$missing: the accessibility and HTML checks will be skipped. Install with: sudo apt-get install $$missing"; \
	fi

# Lighthouse (npm, pinned) on every public page type in English, Danish and German, desktop
# and mobile presets, against the demo served as in production; prints the scores and fails
# below the targets (docs/quality.md). About nine minutes here; `make test` runs each page
# type once (LIGHTHOUSE_ARGS=--each-type-once, two minutes).
lighthouse: $(VENV)/.test-installed compilemessages browser checkers
	CHROME_PATH=$(CHROMIUM) $(PY) scripts/lighthouse.py $(LIGHTHOUSE_ARGS)

# The README's pictures (docs/screenshots/): the demo in a throwaway database, photographed.
screenshots: $(VENV)/.test-installed compilemessages browser
	$(PY) scripts/screenshots.py

# Installs Debian's PostgreSQL 15 and Redis servers for test-postgres when missing (needs root).
services:
	@if [ -x /usr/lib/postgresql/15/bin/initdb ] && command -v redis-server >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 redis-server; \
	else \
		echo "PostgreSQL 15 or redis-server missing: sudo apt-get install postgresql-15 redis-server"; exit 1; \
	fi

# The suite again on PostgreSQL with the cache in Redis (throwaway servers on loopback).
test-postgres: $(VENV)/.test-installed compilemessages services
	scripts/with-services.sh $(PY) -m pytest $(PYTEST_WORKERS) --ignore=tests/browser --ignore=tests/clients

# All tests on SQLite (browser tests and generated API clients included), the plugin's in a
# site of its own, Lighthouse on each page type once, then all but those on PostgreSQL with
# Redis.
test: $(VENV)/.test-installed compilemessages lint check browser checkers services
	$(PY) -m pytest $(PYTEST_WORKERS)
	$(PY) -m pytest $(PYTEST_WORKERS) --ds=tests.plugin_site.settings tests/plugin
	$(MAKE) --no-print-directory lighthouse LIGHTHOUSE_ARGS=--each-type-once
	FUZZ_EXAMPLES=30 scripts/with-services.sh $(PY) -m pytest $(PYTEST_WORKERS) --ignore=tests/browser --ignore=tests/clients -m "not demo_rendering"

# The property-based tests of the public forms and URLs with many more examples (at least
# 1,000 per test; FUZZ_EXAMPLES=5000 for more), in one process so the counts are printed.
fuzz: $(VENV)/.test-installed compilemessages
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-1000} FUZZ_VALID_EXAMPLES=$${FUZZ_EXAMPLES:-1000} \
		$(PY) -m pytest -p no:xdist -p no:logging -q tests/fuzz

# The database and uploaded media into backups/intranet-<timestamp>.tar.gz, and back:
# make restore ARCHIVE=backups/intranet-20261125-120000.tar.gz (replaces both; asks first).
backup: $(VENV)/.run-installed
	$(MANAGE) backup_site --directory backups

restore: $(VENV)/.run-installed
	@test -n "$(ARCHIVE)" || { echo "Name the archive: make restore ARCHIVE=backups/intranet-....tar.gz"; exit 2; }
	$(MANAGE) restore_site "$(ARCHIVE)"

# Regenerates the catalogues from the source (needs xgettext, Debian's gettext).
messages: $(VENV)/.run-installed
	cd clusterdirectory && ../$(PY) ../manage.py makemessages -l da -l de --no-obsolete
	$(MANAGE) makemessages -l da -l de --no-obsolete --ignore=clusterdirectory --ignore=$(VENV) --ignore=tests

clean:
	rm -rf $(VENV) .venv-scan node_modules db.sqlite3 .secret-key media .test-media test-artifacts static .bench .cache
