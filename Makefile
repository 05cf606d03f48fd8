# Every target sets up .venv on first use, so a fresh clone needs nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.installed
RECORDS ?= forum_records

.PHONY: serve build validate test test-spawn lint typecheck bench screenshots clean

# Material prints an end-of-life banner on every run; it is not a build warning.
export NO_MKDOCS_2_WARNING := 1

$(READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(READY)

# The plugin's own modules compiled ahead: it is installed from its sources (pip install -e),
# and where PYTHONDONTWRITEBYTECODE is set (as on this project's machines) Python would
# compile all of them again at every build and validate (0.08 s of each).
BYTECODE := $(VENV)/.compiled
$(BYTECODE): $(READY) $(shell find plugins -name '*.py')
	$(BIN)/python -m compileall -q plugins
	touch $(BYTECODE)

serve: $(BYTECODE)
	$(BIN)/mkdocs serve

build: $(BYTECODE)
	$(BIN)/openforum build

validate: $(BYTECODE)
	$(BIN)/openforum validate $(RECORDS)

# The browser tests drive Debian's Chromium (installed here when missing: CI runs as root;
# no browser is ever downloaded) and inject axe-core from npm, pinned by its lock file.
CHROMIUM := /usr/bin/chromium
AXE := tests/browser/node_modules/axe-core/axe.min.js

$(CHROMIUM):
	apt-get update -qq && apt-get install -y -qq chromium

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund
	touch $(AXE)

# Two test processes (pytest-xdist), a whole test file to each: `make test JOBS=4` for more.
JOBS ?= 2
test: $(BYTECODE) $(CHROMIUM) $(AXE)
	$(BIN)/ruff check plugins tests
	$(BIN)/python -m pytest -q -n $(JOBS) --dist loadfile

# The whole suite with every worker process spawned, as on macOS and Windows (the parallel
# tests run under spawn and fork in `make test` too).
test-spawn: $(BYTECODE) $(CHROMIUM) $(AXE)
	OPENFORUM_START_METHOD=spawn $(BIN)/python -m pytest -q -n $(JOBS) --dist loadfile

lint: $(READY) typecheck
	$(BIN)/ruff check plugins tests
	$(BIN)/ruff format --check plugins tests

# The settings (strict, which modules are untyped) are in pyproject.toml under [tool.mypy].
typecheck: $(READY)
	$(BIN)/mypy plugins/openforum

clean:
	rm -rf $(VENV) site .pytest_cache

# Figures for the scale issues: OpenForum in one process and with default settings against
# plain Material with its search, on forums of four shapes (CPU includes Pagefind and the
# worker); BIG=1 adds 10,000 records (long). Then saves under mkdocs serve at 3,000: a
# commitment of the usual forum, and a record of three kinds where every member attends.
N ?= 1000 3000
REPEAT ?= 1
bench: $(BYTECODE)
	$(BIN)/python bench/validate.py $(RECORDS)
	$(BIN)/python bench/shapes_bench.py $(N) $(if $(BIG),10000) --repeat $(REPEAT) $(if $(REBUILD),--rebuild)
	$(BIN)/python bench/ledger.py 3000 --shapes rotating rich --repeat 3
	$(BIN)/python bench/serve_rebuild.py 3000
	$(BIN)/python bench/serve_rebuild.py 3000 --shape attend-all --kinds members meetings commitments --saves 2
	$(BIN)/python bench/languages.py --runs 1
	$(if $(BIG),$(BIN)/python bench/search_payload.py 10000)

# Headless-Chromium screenshots of the main pages into shots/ (needs chromium on PATH).
screenshots: build
	$(BIN)/python tests/screenshots.py site shots
