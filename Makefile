# Two commands on a fresh Debian/Ubuntu machine with Python 3.11+:
#   make serve   install on first use, then preview the site at http://127.0.0.1:8000/mls-c01-guide/
#   make test    install what is missing, then run every check
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    := .venv
PY      := $(VENV)/bin/python
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

# MkDocs 1.x and Material print end-of-life banners on every run; the build never depends on them.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Examples run offline (network blocked except loopback) against the AWS emulator.
export MLSGUIDE_OFFLINE := 1
export PYTHONHASHSEED := 0

.PHONY: help install serve build pdf offline test lint lighthouse successors bench clean

help:
	@echo "make serve   preview the site with live reload at http://127.0.0.1:8000/mls-c01-guide/"
	@echo "make build   strict build into site/"
	@echo "make test    run every check (examples, notebook, data files, build, links, lint)"
	@echo "make pdf     print the whole guide to build/mls-c01-study-guide.pdf (after make build)"
	@echo "make offline zip the built site, which works from file:// (after make build)"
	@echo "make lighthouse  Lighthouse 12 on four pages, desktop and mobile (after make build)"
	@echo "make successors  build mkdocs.yml with ProperDocs and Zensical; report only, never fails"
	@echo "make bench   measure install, build, test, PDF, page weight, Lighthouse; record them"
	@echo "make clean   remove the virtual environment, node_modules and build output"

install: $(STAMP)

# System packages (see .ci/system-packages.sh): base for everything (with Java for PySpark), browser
# for tests and the PDF. Checked again whenever the script changes.
.ci/.system-ok: .ci/system-packages.sh
	@bash .ci/system-packages.sh base
	@touch $@

.ci/.browser-ok: .ci/system-packages.sh
	@bash .ci/system-packages.sh browser
	@touch $@

$(STAMP): .ci/.system-ok requirements.lock package-lock.json .ci/uv-requirements.txt
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r .ci/uv-requirements.txt
	$(BIN)/uv pip sync --quiet --python $(PY) --require-hashes --compile-bytecode requirements.lock
	printf '%s\n' "$(CURDIR)/snippets" "$(CURDIR)/overrides" > "$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/mlsguide-snippets.pth"
	$(BIN)/npm ci --no-audit --no-fund --loglevel=error
	touch $@

# --dirty: after an edit, only the changed pages are built again, with their examples (a few
# seconds instead of a full build); the print page and other pages' navigation may lag until the
# next full build. --no-strict, because MkDocs warns about every dirty build; warnings still show.
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --dirty --no-strict

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

# Both editions are also copied into site/downloads/, where the home page links them.
pdf: $(STAMP) .ci/.browser-ok
	$(PY) scripts/make_pdf.py
	mkdir -p site/downloads && cp build/mls-c01-study-guide.pdf site/downloads/

# The same build as the web site, zipped: the offline plugin is on in every build (see mkdocs.yml).
offline: $(STAMP)
	$(PY) scripts/make_zip.py
	mkdir -p site/downloads && cp build/mls-c01-study-guide-offline.zip site/downloads/

# The strict build comes first: it validates data files, links and anchors, executes every page's
# examples, and leaves site/ for the tests that check the built pages (and for the Pages deploy).
test: $(STAMP) .ci/.browser-ok
	$(BIN)/mkdocs build --strict --clean
	$(MAKE) --no-print-directory pdf offline
	MLSGUIDE_SITE_DIR=site $(BIN)/pytest -n auto --dist loadgroup
	$(MAKE) --no-print-directory lint

lighthouse: $(STAMP) .ci/.browser-ok
	$(PY) scripts/lighthouse.py

successors: $(STAMP)
	-$(PY) scripts/successors.py

bench: $(STAMP) .ci/.browser-ok
	$(PY) scripts/bench.py

lint: $(STAMP)
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

clean:
	rm -rf $(VENV) node_modules site build .cache .ci/.system-ok .ci/.browser-ok
