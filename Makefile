# make demo — make .venv, install, run the main job on the bundled examples
# make test — install everything the tests need (Python and system packages) and run every test
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
EXTRAS  := dev,postgres,analytics,ocr,web
STAMP   := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-10)

.PHONY: demo test install sysdeps lint bench clean help

help:
	@echo "make demo | make test | make bench | make lint | make clean"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[$(EXTRAS)]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

sysdeps:
	bash scripts/sysdeps.sh

demo: install
	@bash scripts/demo.sh

test: install sysdeps
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests

bench: install
	$(BIN)/python bench/bench_parse.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
