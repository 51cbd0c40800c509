# Two commands matter: `make run` and `make test`. Both install what they need first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
# PostgreSQL for the second run of the database tests; empty to run on SQLite alone.
MATCHMAKER_TEST_POSTGRES_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
export MATCHMAKER_TEST_POSTGRES_URL

.PHONY: install run test lint fmt bench bench-quick bench-import bench-quality clean browser screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Reinstall only when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --disable-pip-version-check torch==2.13.0
	$(BIN)/pip install -q --disable-pip-version-check -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/matchmaker migrate
	$(BIN)/matchmaker seed-demo
	$(BIN)/matchmaker serve --host $(HOST) --port $(PORT)

# The browser tests drive Debian's chromium (never a browser Playwright would download).
browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

# docs/screenshots/*.png for the README (demo data, a real server, headless chromium).
screenshots: install browser
	$(BIN)/python scripts/screenshots.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: install lint browser
	$(BIN)/pytest $(PYTEST_ARGS)

fmt: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Benchmarks against our own limits and a peer (Chroma); figures in bench/out/*.json and
# bench/RESULTS.md. The full run builds 10k, 100k and 1M profiles (about 15 minutes).
bench: install
	$(BIN)/python -m bench.run

bench-quick: install
	$(BIN)/python -m bench.run --quick

# 100k startups through `matchmaker import` (SQLite; 32 minutes on two cores), with its
# progress bar and the process's memory sampled. ARGS="--pg-url URL" runs it on PostgreSQL.
bench-import: install
	$(BIN)/python -m bench.bulk_import $(ARGS)

# Ranking quality on the public data in ../shared/data (read at run time, never copied):
# hit rate at 1 and 3 and MRR against random, popularity, BM25 and the raw model, in the same
# run; figures in bench/out/quality.json, written up in bench/QUALITY.md.
bench-quality: install
	$(BIN)/python -m bench.quality $(ARGS)

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
