# infoview_kit: the two commands a newcomer needs are `make lab` and `make test`.
# Each one builds the virtual environment it needs from the requirements files when it is
# missing or older than them, so a fresh clone needs nothing but Python 3.11 and make.

# Prefer the system interpreter: a venv built from a Python inside a private home directory
# (pyenv under /root, say) cannot be run by the other Unix users the exchange tests create.
PYTHON ?= $(firstword $(wildcard /usr/bin/python3.11) $(shell command -v python3.11 python3 2>/dev/null))
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8888
# Extra pytest arguments, e.g. `make test PYTEST_ARGS="-k checker"`.
PYTEST_ARGS ?=

.PHONY: lab lab-update lab-reset test bench clean-venv help

help:
	@echo "make lab    open the course in JupyterLab (builds .venv and your copy my_course/ on first use)"
	@echo "make lab-update  new course notebooks in my_course/, your saved answers kept"
	@echo "make lab-reset   start over with a fresh my_course/"
	@echo "make test   run every test, browser tests included (builds .venv on first use)"
	@echo "make bench  run every benchmark and print its table"

$(BIN)/python:
	@if ! $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing python3-venv (Debian keeps venv support in its own package)..."; \
	    apt-get update -q && apt-get install -y -q python3-venv; \
	  else \
	    echo "Python's venv module is missing: install it (Debian/Ubuntu: sudo apt-get install python3-venv)"; exit 1; \
	  fi; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# The student environment: what requirements.txt lists, plus this package (editable).
$(VENV)/.stamp-lab: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

# The test environment adds the test tools and a browser for the end-to-end tests, and for the
# hub tests Node.js, configurable-http-proxy and PostgreSQL when they are missing.
$(VENV)/.stamp-test: requirements-test.txt $(VENV)/.stamp-lab
	$(BIN)/pip install -q -r requirements-test.txt
	@sh tests/ensure_chromium.sh
	@sh tests/hub/ensure_hub_tools.sh
	touch $@

# Extra JupyterLab arguments, e.g. `make lab LAB_ARGS=--no-browser`.
LAB_ARGS ?=
# Jupyter refuses to run as root unless told to (a container or a fresh VM often is root).
ROOT_ARGS := $(if $(filter 0,$(shell id -u)),--allow-root)

# The student's own copy of the course (git-ignored), made on first use and never overwritten:
# JupyterLab opens it, not notebooks/, so autosave never touches tracked files. lab-update and
# lab-reset move it aside under a dated name first (see infoview_kit/student_copy.py).
STUDENT_COPY ?= my_course
# The student view's Jupyter config (no nbgrader menus, no news prompt), for this server only:
# it is put in front of the user's own config through JUPYTER_CONFIG_PATH, which stays untouched.
LAB_CONFIG := .lab-config
COPY_ARGS = --source notebooks --copy $(STUDENT_COPY) --nbgrader-config course/nbgrader_config.py

lab: $(VENV)/.stamp-lab
	@$(BIN)/python -m infoview_kit.student_copy prepare $(COPY_ARGS) --lab-config $(LAB_CONFIG)
	JUPYTER_CONFIG_PATH="$(abspath $(LAB_CONFIG))$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}" \
	  $(BIN)/jupyter lab --ServerApp.root_dir=$(STUDENT_COPY) --port=$(PORT) $(ROOT_ARGS) $(LAB_ARGS)

lab-update: $(VENV)/.stamp-lab
	@$(BIN)/python -m infoview_kit.student_copy update $(COPY_ARGS)

lab-reset: $(VENV)/.stamp-lab
	@$(BIN)/python -m infoview_kit.student_copy reset $(COPY_ARGS)

test: $(VENV)/.stamp-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.stamp-test
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean-venv:
	rm -rf $(VENV)
