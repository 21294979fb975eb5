# Two commands on a fresh machine: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip install -q --disable-pip-version-check -c requirements.lock
export NO_MKDOCS_2_WARNING := 1
#: ESLint over the JavaScript we write, in one dialect (eslint.config.mjs says which files and why that dialect).
ESLINT := node_modules/.bin/eslint --max-warnings 0 .

.PHONY: edit serve test test-later debian-tools build validate lint lint-js bench bench-scale pdf chromium clean publish preview-editions preview lighthouse

## serve: set up and serve the handbook on http://127.0.0.1:8000 (reloads when data/ changes)
serve: $(VENV)/.site
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

## test: set up (Python packages, node_modules, Debian's Chromium and faketime), lint, and run every test
test: $(VENV)/.test debian-tools node_modules/.package-lock.json
	$(BIN)/ruff check .
	$(ESLINT)
	$(BIN)/pytest

## lint-js: ESLint over docs/javascripts/ and the service-worker template, no warning allowed (needs node 20)
lint-js: node_modules/.package-lock.json
	$(ESLINT)

## test-later: the fast tests again with every clock 400 days ahead (Debian's faketime), so no date bomb lands
##   (.ci/run runs it after make test; tests marked real_clock need the real one)
test-later: $(VENV)/.test debian-tools
	faketime '+400 days' $(BIN)/pytest -q -p no:cacheprovider -n 0 -m "not browser and not real_clock"

## validate: check data/ and print every error, or "ok" with counts
validate: $(VENV)/.site
	$(BIN)/tksk validate

## build: build the whole site into site/ (replaced only when the build succeeds)
build: $(VENV)/.site
	$(BIN)/tksk build

## pdf: build the site and write A4 PDFs to pdf/: one per session kit (rencana/<id>/), a composed example kit
##   (rencana/susun/) and the whole handbook
pdf: $(VENV)/.pdf chromium
	$(BIN)/tksk pdf

## bench: print build time and page weight, what a phone downloads per kind of page, search recall and speed,
##   what the offline copy costs (first visit), and two published editions as a phone follows them (bench/editions.py);
##   figures are printed, not asserted
bench: $(VENV)/.test chromium
	$(BIN)/python bench/run.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/offline.py
	$(BIN)/python bench/editions.py

## bench-scale: build time, peak memory and page sizes at 145, 1,000 and 5,000 records, ours beside plain MkDocs + Material
bench-scale: $(VENV)/.test
	$(BIN)/python bench/scale.py

## publish: put edition EDITION into the local gh-pages branch, for the address SITE_URL (PUSH=1 also sends it to origin)
##   SITE_URL=https://dinsos.example.go.id/buku-saku/ make publish EDITION=2026.2
##   a region's edition, on its own branch gh-pages-<id>: ... make publish EDITION=2026.1 WILAYAH=kabupaten-probolinggo
publish: $(VENV)/.site
	@test -n "$(EDITION)" || { echo 'Nomor edisi belum diisi: SITE_URL=https://alamat-situs/ make publish EDITION=2026.2' >&2; exit 1; }
	@test -n "$(SITE_URL)" || { echo 'SITE_URL belum diisi: alamat tempat buku saku diterbitkan, misalnya SITE_URL=https://dinsos.example.go.id/buku-saku/ make publish EDITION=$(EDITION)' >&2; exit 1; }
	SITE_URL='$(SITE_URL)' $(BIN)/tksk publish '$(EDITION)' $(if $(WILAYAH),--wilayah '$(WILAYAH)') $(if $(PUSH),--push)

## edit: the form editor (Sveltia CMS) on http://127.0.0.1:8001/admin/ beside the live preview on http://127.0.0.1:8000/
##   publishing from the browser: CMS_REPO=pemilik/nama [CMS_BACKEND=gitlab] [CMS_BRANCH=main] make edit (README)
edit: $(VENV)/.site node_modules/.package-lock.json
	$(BIN)/tksk edit

## preview-editions: serve the gh-pages branch as published (every edition, latest/, the banner) on http://127.0.0.1:8000
##   a region's editions: make preview-editions WILAYAH=kabupaten-probolinggo (its branch gh-pages-<id>)
preview-editions: $(VENV)/.site
	$(BIN)/mike serve --dev-addr 127.0.0.1:8000 $(if $(WILAYAH),--branch 'gh-pages-$(WILAYAH)')

## preview: build, then serve site/ as a real host does (gzip, cache headers, 404 page) on http://127.0.0.1:8000
preview: build
	$(BIN)/tksk preview site --host 127.0.0.1 --port 8000

## lighthouse: Lighthouse mobile scores and failing audits of each kind of page, against the gzip preview (needs node 20)
lighthouse: $(VENV)/.test chromium node_modules/.package-lock.json
	$(BIN)/python bench/lighthouse.py

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site: pyproject.toml requirements.lock | $(BIN)/python
	$(PIP) -e .
	touch $@

$(VENV)/.pdf: $(VENV)/.site
	$(PIP) -e '.[pdf]'
	touch $@

$(VENV)/.test: $(VENV)/.site
	$(PIP) -e '.[test]'
	touch $@

#: Install those of Debian's programs $(1) that are missing, in one apt-get (needs root).
debian = missing="$$(for tool in $(1); do command -v $$tool >/dev/null 2>&1 || printf '%s ' $$tool; done)"; \
	test -z "$$missing" || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; }

chromium:
	@$(call debian,chromium)

## debian-tools: the programs the tests run (Chromium for the browser tests, faketime for make test-later)
debian-tools:
	@$(call debian,chromium faketime)

clean:
	rm -rf site pdf .generated .pytest_cache .ruff_cache
