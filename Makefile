# The two commands a new user needs: `make run` and `make test`. Both set up what is missing.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: install host image compose-images run serve lint test test-unit test-sandbox test-web \
	test-web-postgres test-browser test-scale test-compose check bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

include mk/assets.mk

image: install  ## build the sandbox image (no-op when up to date)
	$(VENV)/bin/cvjudge image

compose-images: install assets  ## the compose stack's images (no-op when up to date), tags in .env
	$(VENV)/bin/cvjudge compose-images

host:  ## as root: install the Debian packages `make run` needs and start Docker; else say what to install
	@bash mk/host.sh run

run: host  ## set up everything (as root, Docker and Node too), then serve on http://$(HOST):$(PORT)
	@$(MAKE) --no-print-directory serve

serve: image assets
	$(VENV)/bin/cvjudge serve --demo --host $(HOST) --port $(PORT)

check: image
	$(VENV)/bin/cvjudge check

lint: install $(ASSETS_STAMP)  ## ruff (Python), eslint (front-end), the import contracts (lint-imports)
	$(VENV)/bin/ruff check .
	$(NPM) exec --no -- eslint web/frontend/src eslint.config.mjs
	$(VENV)/bin/lint-imports --no-cache --no-logo

# pure-Python layers run in two processes (xdist: one a core); the layers that drive Docker,
# Chromium, Celery and Compose run one test at a time, as their timings assume
test: lint image assets  ## lint, then every layer (unit, web, sandbox, browser, scale, compose), then web on PostgreSQL
	$(PY) -m pytest -n 2 -m "unit or web"
	$(PY) -m pytest -m "not unit and not web"
	CVJUDGE_TEST_DATABASE=postgresql $(PY) -m pytest -n 2 -m web

test-unit: install
	$(PY) -m pytest -m unit

test-web: install assets
	$(PY) -m pytest -m web

test-sandbox: image
	$(PY) -m pytest -m sandbox

test-web-postgres: install assets  ## the web layer against a private PostgreSQL server
	CVJUDGE_TEST_DATABASE=postgresql $(PY) -m pytest -m web

test-browser: image assets
	$(PY) -m pytest -m browser

test-scale: image  ## Redis, PostgreSQL, Celery workers grading in Docker
	$(PY) -m pytest -m scale

test-compose: image assets  ## the compose stack from a clean state (builds its images)
	$(PY) -m pytest -m compose

bench: image
	$(PY) bench/grading_time.py
	$(PY) bench/page_times.py
	$(PY) bench/throughput.py
	$(PY) bench/similarity_calibration.py

clean: clean-assets
	rm -rf $(VENV) build .pytest_cache
