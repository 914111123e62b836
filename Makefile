# make demo — make .venv, install, run the main job on the bundled examples
# make test — install everything the tests need (Python and system packages) and run every test
# make test-fast — the same checks, without the tests marked slow (OCR, LibreOffice, PDF conversion)
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
EXTRAS  := dev,postgres,analytics,ocr,web,ray
STAMP   := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-10)

.PHONY: demo test test-fast check install sysdeps lint bench fuzz clean help

help:
	@echo "make demo | make test | make test-fast | make bench | make lint | make clean"

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

# static checks: lint, types, import contracts
check: install
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/mypy
	$(BIN)/lint-imports

# every core (pytest-xdist), a test file per worker at a time: a module's fixtures are made once; the slowest
# tests listed at the end (the 20-minute budget on 2 cores)
test: check sysdeps
	$(BIN)/python -m pytest -n auto --dist loadfile --durations=15

test-fast: check sysdeps
	$(BIN)/python -m pytest -n auto --dist loadfile -m "not slow" -x

lint: check

# make fuzz N=10000 — the long fuzz campaign (tests/fuzz/harness.py); results in fuzz-out/
N ?= 10000
fuzz: install
	nice -n 10 $(BIN)/python tests/fuzz/harness.py -n $(N) --jobs 2 --out fuzz-out

bench: install
	$(BIN)/python bench/bench_parse.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
