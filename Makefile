# The front door: `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: help demo serve serve-prod install test lint check audit bench bench-portal bench-search bench-catalogue bench-load bench-services bench-faults bench-pages messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create the virtualenv and install the requirements

demo serve: export PORTAL_PORT = $(PORT)

# The development server with the task worker beside it (e-mails, Wagtail's indexes): quiet, but the e-mails it
# sends are printed here (console backend). The worker is started again 2 s after it exits, as systemd does in
# production (deploy/). Ctrl-C stops both.
SERVE = (trap 'kill $$pid 2>/dev/null; exit' TERM; while :; do \
	$(BIN)/python manage.py run_worker --verbosity 0 & pid=$$!; wait $$pid; sleep 2 & wait $$!; done) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 0.0.0.0:$(PORT)

demo: install ## Migrate, seed the demo sites and serve them (DEBUG off) on http://quangngai.localhost:8000/ with the task worker
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_demo
	$(SERVE)

serve: install ## Serve (and run the task worker) without seeding
	$(SERVE)

# PORT is Varnish's here (default 8080), given on the command line or in the environment; gunicorn takes APP_PORT (8081).
serve-prod: install ## Varnish (deploy/varnish/) on :8080 in front of gunicorn and the task worker, production settings (README, "Production locally")
	$(if $(filter environment command line,$(origin PORT)),PORT=$(PORT)) $(BIN)/python deploy/serve-prod

lint: install ## ruff: lint and formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install ## Django's system checks and missing migrations, with the test settings
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

test: lint check ## Lint, checks and the whole test suite (PostgreSQL at DATABASE_URL, default 127.0.0.1:5432)
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/pytest --create-db --numprocesses 2 --dist loadfile --durations=20 -m "not commits"
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/pytest --create-db --numprocesses 2 --dist loadfile --durations=20 -m commits

# pip-audit has a virtualenv of its own, made on first use: nothing it needs goes into the project's or CI's.
AUDIT_VENV := .venv-audit
$(AUDIT_VENV)/bin/pip-audit:
	$(PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/pip install --quiet pip-audit==2.10.1

audit: $(AUDIT_VENV)/bin/pip-audit ## Known vulnerabilities in requirements*.txt (pip-audit; needs PyPI's vulnerability data)
	$(AUDIT_VENV)/bin/pip-audit --strict --desc -r requirements.txt -r requirements-dev.txt

bench: install ## Seed 50 sites and 100,000 documents on PostgreSQL (BENCH_DATABASE_URL); time searches, import, the deadlines panel and the yearly report
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python -m bench

bench-portal: install ## Seed 10,000 schedule entries, 5,000 officials, 20,000 procurement notices over the 50 bench sites; time their listings and the portal's site search
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python -m bench.portal

bench-search: install ## Time the catalogue and questions on Wagtail's search: 3,000 procedures, 30,000 questions, 100,000 other entries (BENCH_WAGTAIL_DATABASE_URL)
	$(BIN)/python -m bench.wagtail_search

bench-catalogue: install ## Seed 5,000 procedures over 50 sites (BENCH_CATALOGUE_DATABASE_URL, default portal_bench_catalogue); time the catalogue, a filtered listing and 5 searches (median/p95, SQL, load)
	$(BIN)/python -m bench.catalogue

bench-load: install ## The question form under load: gunicorn on PostgreSQL (BENCH_LOAD_DATABASE_URL), 200 submissions, a worker killed
	$(BIN)/python -m bench.feedback_load

bench-services: install ## Online dossiers under load: gunicorn on PostgreSQL (BENCH_LOAD_DATABASE_URL), 500 submissions with a 1 MB file, catalogue and status pages timed
	$(BIN)/python -m bench.services_load

bench-faults: install ## Faults on services of its own (PostgreSQL 15, Redis, SMTP), production settings: PostgreSQL restarted, Redis stopped, a gunicorn worker and the task worker killed; nothing lost or sent twice
	$(BIN)/python -m bench.faults

bench-pages: install ## The public pages with production settings: demo on PostgreSQL (BENCH_PAGES_DATABASE_URL), render time and queries, req/s through gunicorn, Varnish and nginx static, LCP in Chromium
	$(BIN)/python -m bench.pages

messages: install ## Rebuild and compile the Vietnamese and English interface catalogues
	$(BIN)/python manage.py makemessages -l vi -l en --ignore=.venv --ignore=tests --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean: ## Remove the virtualenv and the demo's data
	rm -rf $(VENV) $(AUDIT_VENV) var static_collected
