# Showroom — the one entry point for people and CI.
#   make run    install what is missing, migrate, seed demo data, serve API + SPA on one port
#   make test   the whole suite (lint, types, API tests on SQLite and PostgreSQL, contract,
#               fuzzing, SPA unit tests and build, Playwright in Chromium)
#   make bench  QUALITY.md's performance budgets on PostgreSQL, printed as one table

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8000
STRIPE_PORT ?= 8420
HOST ?= 127.0.0.1
ROOT := $(CURDIR)
BACKEND := $(ROOT)/backend
FRONTEND := $(ROOT)/frontend
TOOLS := $(ROOT)/.tools
UV := $(shell command -v uv 2>/dev/null || echo $(TOOLS)/bin/uv)
export UV_PYTHON_DOWNLOADS := never
SHOWROOM := $(BACKEND)/.venv/bin/showroom
PYTEST := cd $(BACKEND) && $(UV) run --frozen pytest

.PHONY: help run test lint typecheck audit openapi e2e backend-test backend-test-sqlite \
        backend-test-postgresql backend-test-postgresql-heavy backend-test-postgresql-rest \
        backend-test-postgresql-all frontend-test compose-check postgres-check deps clean bench

help:
	@echo "make run     — serve Showroom on http://$(HOST):$(PORT) (installs what is missing)"
	@echo "make test    — the whole test suite"
	@echo "make bench   — the performance budgets of QUALITY.md (PostgreSQL, ~5 minutes)"
	@echo "make lint | typecheck | audit | openapi | e2e | compose-check"

# --- installation ---------------------------------------------------------------------------

$(TOOLS)/bin/uv:
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv

$(BACKEND)/.venv/.synced: $(BACKEND)/pyproject.toml $(BACKEND)/uv.lock | $(UV)
	cd $(BACKEND) && $(UV) sync --frozen --quiet
	touch $@

$(FRONTEND)/node_modules/.installed: $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

SPA_SOURCES := $(shell find $(FRONTEND)/src $(FRONTEND)/public -type f 2>/dev/null) \
               $(wildcard $(FRONTEND)/index.html $(FRONTEND)/vite.config.* $(FRONTEND)/tsconfig*.json)

$(FRONTEND)/dist/index.html: $(FRONTEND)/node_modules/.installed $(SPA_SOURCES)
	cd $(FRONTEND) && npm run --silent build

deps: $(BACKEND)/.venv/.synced $(FRONTEND)/node_modules/.installed

# --- run ------------------------------------------------------------------------------------

run: deps $(FRONTEND)/dist/index.html
	cd $(BACKEND) && $(SHOWROOM) migrate
	cd $(BACKEND) && $(SHOWROOM) seed-demo
	@echo
	@echo "  Showroom is starting on  http://$(HOST):$(PORT)"
	@echo "  Sign-up codes and other mail:  http://$(HOST):$(PORT)/dev/mailbox"
	@echo "  API docs:  http://$(HOST):$(PORT)/api/docs      (Ctrl+C to stop)"
	@echo
	cd $(BACKEND) && SHOWROOM_PUBLIC_URL=$${SHOWROOM_PUBLIC_URL:-http://$(HOST):$(PORT)} \
		exec $(SHOWROOM) serve --host $(HOST) --port $(PORT) --spa-dist $(FRONTEND)/dist --with-worker \
			--with-localstripe --localstripe-port $(STRIPE_PORT)

# --- checks ---------------------------------------------------------------------------------

lint: deps
	cd $(BACKEND) && $(UV) run --frozen ruff format --check showroom tests migrations
	cd $(BACKEND) && $(UV) run --frozen ruff check showroom tests migrations
	cd $(FRONTEND) && npm run --silent lint

typecheck: deps
	cd $(BACKEND) && $(UV) run --frozen mypy showroom tests
	cd $(FRONTEND) && npm run --silent typecheck

openapi: $(BACKEND)/.venv/.synced $(FRONTEND)/node_modules/.installed
	cd $(BACKEND) && $(SHOWROOM) openapi --output $(ROOT)/openapi/openapi.json
	cd $(FRONTEND) && npm run --silent api:generate

postgres-check:
	@if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null && [ -z "$${SHOWROOM_TEST_DATABASE_URL:-}" ]; then \
		echo; echo "*****************************************************************"; \
		echo "*** PostgreSQL is NOT reachable on 127.0.0.1:5432.              ***"; \
		echo "*** The suite runs on SQLite AND PostgreSQL; start PostgreSQL   ***"; \
		echo "*** (bash .ci/run does) or set SHOWROOM_TEST_DATABASE_URL.     ***"; \
		echo "*****************************************************************"; echo; exit 1; fi

backend-test-sqlite: $(BACKEND)/.venv/.synced
	$(PYTEST) -q --db sqlite

# The PostgreSQL run fuzzes with twice the examples (and the stateful phase) of a quick run.
# Its two longest parts (the fuzzing and QUALITY.md's 20-round oversell race, two thirds of
# its time) run beside the rest, each in its own database.
PG_HEAVY = tests/test_contract_fuzzing.py tests/orders/test_orders.py::test_oversell_race
PG_PYTEST = cd $(BACKEND) && SHOWROOM_FUZZ_EXAMPLES=$${SHOWROOM_FUZZ_EXAMPLES:-60} $(UV) run --frozen pytest -q \
	--db postgresql

backend-test-postgresql-heavy: $(BACKEND)/.venv/.synced postgres-check
	$(PG_PYTEST) $(PG_HEAVY)

backend-test-postgresql-rest: $(BACKEND)/.venv/.synced postgres-check
	$(PG_PYTEST) $(foreach t,$(PG_HEAVY),--deselect $(t))

# A database given by SHOWROOM_TEST_DATABASE_URL is shared, so its runs go one at a time.
ifdef SHOWROOM_TEST_DATABASE_URL
PG_RUNS = backend-test-postgresql-all
else
PG_RUNS = backend-test-postgresql-heavy backend-test-postgresql-rest
endif

backend-test-postgresql-all: $(BACKEND)/.venv/.synced postgres-check
	$(PG_PYTEST)

backend-test-postgresql: $(BACKEND)/.venv/.synced postgres-check
	$(MAKE) --no-print-directory -j2 -O $(PG_RUNS)

# Both databases at once, each run's output printed whole when it ends.
backend-test: $(BACKEND)/.venv/.synced postgres-check
	$(MAKE) --no-print-directory -j3 -O backend-test-sqlite $(PG_RUNS)

frontend-test: $(FRONTEND)/node_modules/.installed
	cd $(FRONTEND) && npm run --silent api:check
	cd $(FRONTEND) && npm run --silent test
	cd $(FRONTEND) && npm run --silent build
	cd $(FRONTEND) && node scripts/bundle-budget.mjs

e2e: deps $(FRONTEND)/dist/index.html
	cd $(FRONTEND) && npm run --silent e2e

# Known vulnerabilities in the locked dependencies (pip-audit, npm audit); says so loudly when
# the registry offers no vulnerability data, and fails on any high-severity finding.
audit: deps
	$(BACKEND)/.venv/bin/python $(ROOT)/.ci/audit-dependencies.py $(UV)

compose-check:
	@if command -v docker-compose >/dev/null; then \
		SHOWROOM_SECRET_KEY=compose-check-secret-key-0123456789abcdef docker-compose -f $(ROOT)/docker-compose.yml config -q \
		&& echo "docker-compose.yml parses"; \
	else echo "docker-compose not installed: skipping the compose file check (bash .ci/run installs it)"; fi

test: lint typecheck audit backend-test frontend-test e2e compose-check
	@echo; echo "All checks passed."

# --- benchmark ------------------------------------------------------------------------------

# Passed to bench/run.py, e.g. make bench BENCH_ARGS="--duration 10 --skip-import".
BENCH_ARGS ?=

# A fresh PostgreSQL database, the API on 2 workers and a raw-SQL baseline, Locust from a
# separate process; writes bench/results/latest.json and fails if a budget is missed.
bench: $(BACKEND)/.venv/.synced $(FRONTEND)/dist/index.html postgres-check
	cd $(BACKEND) && $(UV) sync --frozen --group bench --quiet
	$(BACKEND)/.venv/bin/python $(ROOT)/bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(FRONTEND)/dist $(BACKEND)/var
