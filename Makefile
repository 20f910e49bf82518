# The two commands a new user needs: `make run` and `make test`. Both set up what is missing.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: install image run test test-unit test-sandbox check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

image: install  ## build the sandbox image (no-op when up to date)
	$(VENV)/bin/cvjudge image

run: image  ## set up, then list the catalogue and prove it grades (the web app comes later)
	$(VENV)/bin/cvjudge challenges
	$(VENV)/bin/cvjudge check
	@echo
	@echo "Grade a file:  $(VENV)/bin/cvjudge grade iou path/to/solution.py"

check: image
	$(VENV)/bin/cvjudge check

test: image  ## every test layer
	$(PY) -m pytest

test-unit: install
	$(PY) -m pytest -m unit

test-sandbox: image
	$(PY) -m pytest -m sandbox

clean:
	rm -rf $(VENV) build .pytest_cache
