# Ortak: the two commands of the README are `make demo` and `make test`.
SHELL := /bin/bash
PY := .venv/bin/python
DEMO_ENV := DEBUG=1 HTTPS=0

.PHONY: setup demo demo-data test lint typecheck unit e2e bench-import bench-load bench-report messages clean

setup:
	@scripts/setup.sh

# Sets up, migrates SQLite, loads the pilot data and demo accounts (idempotent), starts the task
# worker and serves http://127.0.0.1:8000.
demo: setup demo-data
	@echo "Starting the task worker and the web server on http://127.0.0.1:8000 (Ctrl-C stops both)"
	@$(DEMO_ENV) $(PY) manage.py db_worker --interval 1 & worker=$$!; \
	trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(DEMO_ENV) $(PY) manage.py runserver 127.0.0.1:8000

demo-data: setup
	@$(DEMO_ENV) $(PY) manage.py migrate --no-input -v 0
	@$(DEMO_ENV) $(PY) manage.py createcachetable
	@$(DEMO_ENV) $(PY) manage.py load_demo

# Sets up, then lint, type check, the unit suite and the browser tests. With
# DATABASE_URL=postgres://… the same suite runs on PostgreSQL.
test: setup lint typecheck unit e2e

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports

typecheck:
	.venv/bin/mypy ortak config

unit:
	$(PY) manage.py makemigrations --check --dry-run -v 0
	.venv/bin/pytest -n 2 -q ortak config

e2e:
	@ORTAK_BROWSER=1 scripts/setup.sh
	.venv/bin/pytest -q -p no:xdist e2e

bench-import: setup
	$(PY) bench/import_plan.py

bench-load: setup
	$(PY) bench/load.py

bench-report: setup
	$(PY) bench/report_pdf.py

messages:
	@for app in ortak/*/; do if [ -d "$$app/locale" ]; then (cd $$app && ../../$(PY) ../../manage.py makemessages -l tr --no-obsolete -v 0); fi; done
	$(PY) manage.py makemessages -l tr --no-obsolete --ignore=ortak/* --ignore=.venv --ignore=node_modules -v 0

clean:
	rm -rf .venv node_modules var staticfiles
