#!/usr/bin/env bash
# Set up a virtual environment with the development extras and run the checks and the tests.
# PostgreSQL tests run when MATERIEL_TEST_PG_URL is set (see scripts/start-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e '.[dev]'
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
.venv/bin/pytest -q "$@"
