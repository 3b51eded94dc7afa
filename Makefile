# pinecone-control pipeline. Offline: make ... SPEC_BASE_URL=file:///path/to/pinecone-api/
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Empty = the version pinned in openapi/spec-pin.json (read by codegen.pull), so a plain
# `make generate` follows a bump made with `make pull API_VERSION=... ACCEPT=1`.
API_VERSION   ?=
SPEC_BASE_URL ?= https://raw.githubusercontent.com/pinecone-io/pinecone-api/refs/heads/main/
ACCEPT        ?=
PYTHON        ?= python3
VENV          := .venv
PY            := $(VENV)/bin/python
CODEGEN       := cd openapi && ../$(PY) -m codegen

.PHONY: help setup pull spec specs diff watch api-check api-snapshot readme-sample release bench generate check-generated lint test quickstart lock docs

help:
	@echo "make setup            create .venv and install the project with its pinned dev tools"
	@echo "make pull             fetch the pinned version's spec files (SPEC_BASE_URL, API_VERSION) and verify each sha256"
	@echo "make pull ACCEPT=1    accept a changed/bumped set of spec files and rewrite openapi/spec-pin.json"
	@echo "make generate         regenerate generated/ from the pinned spec"
	@echo "make check-generated  fail if generated/ differs from a fresh generation"
	@echo "make diff TO=2024-10  review an API change (Markdown, JSON, JUnit, changelog under build/diff)"
	@echo "make watch            look upstream for new or changed specs; diff reports + PR bodies in build/watch"
	@echo "make api-check        check pinecone_control's public API against openapi/public-api.json"
	@echo "make api-snapshot     refresh openapi/public-api.json after a reviewed API change"
	@echo "make release VERSION=X.Y.Z  CHANGELOG section, API policy check, checked wheel + sdist in dist/, tag vX.Y.Z"
	@echo "make bench            benchmark against raw httpx and the official SDKs (build/bench/; UPDATE=1: bench/)"
	@echo "make quickstart       run examples/quickstart.py against the bundled emulator"
	@echo "make test             lint, type-check and run the test suite (contract tests included)"
	@echo "make docs             build the reference docs strictly into build/site (any warning fails)"

# Installed once, again whenever the declared or locked dependencies change.
STAMP := $(VENV)/.installed
$(STAMP): pyproject.toml requirements/dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==26.3
	$(PY) -m pip install --quiet -c requirements/dev.lock -e '.[dev]'
	touch $@

# Node tools for the contract tests (Prism), exactly as package-lock.json pins them.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(STAMP) $(NODE_STAMP)

# The main job: the whole client against the bundled emulator; no API key, no network.
quickstart: $(STAMP)
	$(PY) examples/quickstart.py

pull: $(STAMP)
	$(CODEGEN).pull --base-url '$(SPEC_BASE_URL)' $(if $(API_VERSION),--version '$(API_VERSION)') $(if $(ACCEPT),--accept)

# The pulled spec files, fetched only when absent; present ones must still match the pin.
spec: $(STAMP)
	$(CODEGEN).pull --base-url '$(SPEC_BASE_URL)' $(if $(API_VERSION),--version '$(API_VERSION)') --if-missing

# Every published version pinned in openapi/spec-versions.json (the version and diff tests use them).
specs: $(STAMP)
	$(CODEGEN).pull --base-url '$(SPEC_BASE_URL)' --all

generate: spec
	$(CODEGEN).generate

check-generated: spec
	$(CODEGEN).generate --check

# API-change review: make diff TO=2024-10 [FROM=2024-07] [FORMAT=github], or FROM_SPEC=a.yaml TO_SPEC=b.yaml
# (a set of files: TO_SPEC="db_control.yaml inference.yaml", the control spec first; merged as a version's set).
# Writes build/diff/<from>_to_<to>.{md,json,junit.xml,changelog.md}. The script exits 0 (nothing
# gating), 1 (unaccepted breaking change) or 2 (could not diff); make reports any failure as 2, so
# CI gates call `openapi/review diff ...` directly (README: "Reviewing API changes in CI").
diff: $(STAMP)
	@$(if $(TO)$(TO_SPEC),,echo "make diff: say which version to compare with: make diff TO=2024-10 (or TO_SPEC=new.yaml)" >&2; exit 2;) \
	openapi/review diff --base-url '$(SPEC_BASE_URL)' $(if $(TO),--to '$(TO)') $(if $(FROM),--from '$(FROM)') \
		$(if $(FROM_SPEC),--from-spec $(foreach f,$(FROM_SPEC),'$(abspath $(f))')) \
		$(if $(TO_SPEC),--to-spec $(foreach f,$(TO_SPEC),'$(abspath $(f))')) \
		$(if $(FORMAT),--format '$(FORMAT)') --out-dir '$(CURDIR)/build/diff'; code=$$?; \
	[ $$code = 0 ] || echo "review: exit $$code ($$( [ $$code = 1 ] && echo 'unaccepted breaking change' || echo 'could not diff'))" >&2; \
	exit $$code

# Upstream watch: new versions or changed sha256s against openapi/spec-versions.json; writes
# build/watch/ (diff reports and PR bodies). Script exit: 0 nothing new, 1 something new, 2 error.
watch: $(STAMP)
	@openapi/review watch --base-url '$(SPEC_BASE_URL)' --out-dir '$(CURDIR)/build/watch'; code=$$?; \
	[ $$code = 0 ] || echo "review: exit $$code ($$( [ $$code = 1 ] && echo 'something new upstream' || echo 'watch failed'))" >&2; \
	exit $$code

# Rewrite the README's `make diff TO=2024-10` sample from a fresh report (a test checks it matches).
readme-sample: $(STAMP)
	@openapi/review diff --base-url '$(SPEC_BASE_URL)' --from 2024-07 --to 2024-10 --out-dir '$(CURDIR)/build/diff' \
		>/dev/null; [ $$? -le 1 ]  # 1 (breaking) is this sample's expected outcome; 2 is a failure
	$(CODEGEN).readme_sample '$(CURDIR)/build/diff/2024-07_to_2024-10.md'

# The public API of pinecone_control: check against openapi/public-api.json (also run by make test),
# or refresh that snapshot after a reviewed change.
api-check: $(STAMP)
	openapi/review public-api

api-snapshot: $(STAMP)
	openapi/review public-api --update

# A release from a clean checkout (openapi/codegen/release.py): [Unreleased] becomes the VERSION's section,
# the public API is checked against the last release under CHANGELOG.md's policy, the wheel and sdist
# are built into dist/ and pass `twine check --strict`, then "Release VERSION" is committed and tagged
# vVERSION, and the next development version committed. Refused (exit 2 through make): nothing changes.
release: $(STAMP)
	@$(if $(VERSION),,echo "make release: say which version: make release VERSION=0.3.0" >&2; exit 2;) \
	cd openapi && ../$(PY) -m codegen.release '$(VERSION)'

# Benchmark against raw httpx and the official SDKs (own venvs under .bench/); writes build/bench/,
# and with UPDATE=1 also the committed bench/results.*; several minutes.
bench: spec  # its last row times `make generate`, which needs the pinned spec pulled
	cd openapi && UPDATE=$(UPDATE) ../$(PY) ../bench/run.py

# Reference docs from the docstrings (mkdocs-material + mkdocstrings); --strict: any warning fails.
# tests/adoption/test_docs.py runs this target, so `make test` proves the build.
DOCS_SITE ?= build/site
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --quiet --site-dir '$(abspath $(DOCS_SITE))'

lint: $(STAMP)
	$(VENV)/bin/ruff check overlay tests openapi/codegen examples bench docs/extensions
	$(VENV)/bin/ruff format --check overlay tests openapi/codegen examples bench docs/extensions
	$(VENV)/bin/mypy overlay/pinecone_control tests openapi/codegen examples bench docs/extensions

test: spec specs lint $(NODE_STAMP)
	$(PY) -m pytest

# Refresh the exact versions of every dev dependency (run after changing pyproject.toml).
lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable | grep -v '^pinecone-control' > requirements/dev.lock
