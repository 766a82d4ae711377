# Integrationsrat Beckum portal. `make run` to try it, `make test` to check it.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

# Local development gets DEBUG and a generated, git-ignored secret key from
# here; the settings themselves stay secure by default.
DEV_ENV = DJANGO_DEBUG=true DJANGO_SECRET_KEY="$$(cat .dev-secret-key)" DJANGO_SITE_URL=http://127.0.0.1:$(PORT)

.PHONY: help install install-dev run serve bench test lint format messages clean

help:
	@echo "make run     - set up everything and serve the portal on http://127.0.0.1:$(PORT)"
	@echo "make test    - set up and run the whole test suite (PostgreSQL if DATABASE_URL is set)"
	@echo "make lint    - ruff check + format check, djhtml for the templates"
	@echo "make serve   - production-like: gunicorn without DEBUG (needs DJANGO_SECRET_KEY)"

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 12), "Python >= 3.12 needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

.dev-secret-key:
	$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	chmod 600 $@

run: install .dev-secret-key
	$(DEV_ENV) $(MANAGE) migrate --noinput
	$(DEV_ENV) $(MANAGE) seed_content --demo
	@# Saves keep the search index current; this fills it for content from before the search existed.
	$(DEV_ENV) $(MANAGE) rebuild_search_index
	@if [ -z "$$DATABASE_URL" ]; then $(DEV_ENV) PORT=$(PORT) $(MANAGE) create_dev_admin; fi
	@echo "Portal: http://127.0.0.1:$(PORT)/  (mail goes to this console)"
	@# The task worker sends mail in the background; it stops with the server.
	$(DEV_ENV) $(MANAGE) db_worker & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(DEV_ENV) $(MANAGE) runserver 127.0.0.1:$(PORT)

serve: install
	$(MANAGE) collectstatic --noinput -v 0
	$(MANAGE) migrate --noinput
	$(MANAGE) db_worker & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(BIN)/gunicorn integrationsrat.wsgi --bind 127.0.0.1:$(PORT) --workers $${WEB_CONCURRENCY:-2} --no-control-socket

# Benchmark (not a test): gunicorn + PostgreSQL (+ Redis if REDIS_URL), load from wrk. See docs/performance.md.
bench: install-dev
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	$(BIN)/python scripts/bench.py

test: install-dev
	$(BIN)/pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# Compiled catalogs are committed, so `make run` needs no gettext (apt-get install gettext
# for these two). `make messages` collects new UI strings into every catalog and compiles them.
LANGS := en tr ar uk ru
messages: install
	for lang in $(LANGS); do DJANGO_SECRET_KEY=x $(MANAGE) makemessages -l $$lang --ignore=.venv --ignore=tests --ignore=scripts --add-location=file --no-obsolete; done
	DJANGO_SECRET_KEY=x $(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles var .pytest_cache .ruff_cache
