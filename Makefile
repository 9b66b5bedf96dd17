# Linli: every command a newcomer needs. Only Python 3.11+, pip, Node/npm and git are
# assumed; everything else is installed into this checkout (.venv, node_modules, var/).
PYTHON ?= python3
PORT ?= 8000
# Test processes (pytest-xdist); the machine has two cores.
PYTEST_WORKERS ?= 2
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SERVE_ENV = DJANGO_SETTINGS_MODULE=portal.settings.production \
	DJANGO_SECRET_KEY="$$(cat var/serve-secret-key)" \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
	DJANGO_INSECURE_HTTP=1 DJANGO_SERVE_MEDIA=1

.PHONY: setup run serve test lint format bench messages clean browser-deps

$(VENV)/.installed: requirements.txt requirements-dev.txt
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

var/.catalogues: $(VENV)/.installed $(wildcard portal/locale/*/LC_MESSAGES/*.po)
	$(PY) scripts/compile_catalogues.py
	mkdir -p var && touch $@

setup: $(VENV)/.installed node_modules/.installed var/.catalogues

# Files under var/ (the SQLite database, secret keys, uploads) are for this user only.
UMASK := umask 077 &&

run: setup
	$(UMASK) $(PY) manage.py migrate --noinput
	$(UMASK) $(PY) manage.py createcachetable
	$(UMASK) $(PY) manage.py load_demo_community --quiet
	$(UMASK) $(PY) manage.py vote_schedule
	$(UMASK) $(PY) manage.py report_schedule
	$(UMASK) $(PY) manage.py prune_tasks
	$(UMASK) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The same site with production settings under gunicorn + whitenoise, over plain http
# on this machine only (DJANGO_INSECURE_HTTP=1; see portal/settings/production.py).
# It loads the demo community only into the SQLite database in var/: a database given
# by DATABASE_URL may hold a real register, so it is migrated and served, never seeded.
var/serve-secret-key:
	mkdir -p var && $(UMASK) $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

serve: setup var/serve-secret-key
	$(UMASK) $(PY) manage.py migrate --noinput
	$(UMASK) $(PY) manage.py createcachetable
ifeq ($(strip $(DATABASE_URL)),)
	$(UMASK) $(PY) manage.py load_demo_community --quiet
else
	@echo "DATABASE_URL is set: serving that database as it is, without demo data."
endif
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(UMASK) $(SERVE_ENV) $(VENV)/bin/gunicorn portal.wsgi:application \
		--bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

# Browser tests drive Debian's Chromium; install it when it is missing.
browser-deps:
	@[ -x /usr/bin/chromium ] || { $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq chromium fonts-wqy-microhei; }

test: setup browser-deps
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djhtml --check templates

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djhtml templates

# Refresh the translation catalogue after changing strings (needs GNU gettext).
messages: $(VENV)/.installed
	$(PY) manage.py makemessages --locale zh_Hans --ignore ".venv/*" --ignore "node_modules/*" --ignore "var/*" --no-obsolete
	$(PY) scripts/compile_catalogues.py

bench: setup var/serve-secret-key
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	$(PY) scripts/bench.py

clean:
	rm -rf $(VENV) node_modules var
