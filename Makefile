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
# Redis for the shared rate-limit tests (each test writes under a prefix of its own).
MATCHMAKER_TEST_REDIS_URL ?= redis://127.0.0.1:6379/0
export MATCHMAKER_TEST_REDIS_URL

.PHONY: install run test lint fmt bench bench-quick bench-http bench-import bench-quality bench-rerank clean browser \
	cjk-font screenshots deploy-tools docker-smoke client openapi-baseline mutation

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Reinstall only when the dependency list changes. export-onnx puts the default model's ONNX
# graph into MATCHMAKER_MODEL_CACHE (~/.cache/matchmaker), where every server and test finds it:
# single texts are then encoded on ONNX Runtime, ~2x faster (nothing is exported at start).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --disable-pip-version-check torch==2.13.0
	$(BIN)/pip install -q --disable-pip-version-check -e '.[dev]'
	$(BIN)/matchmaker export-onnx
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/matchmaker migrate
	$(BIN)/matchmaker seed-demo
	$(BIN)/matchmaker serve --host $(HOST) --port $(PORT)

# The browser tests drive Debian's chromium (never a browser Playwright would download).
browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

# A CJK font, so the Chinese pages render in headless chromium instead of tofu boxes.
cjk-font:
	dpkg -s fonts-noto-cjk >/dev/null 2>&1 || (apt-get update && apt-get install -y fonts-noto-cjk)

# docs/screenshots/*.png for the README (demo data, a real server, headless chromium; the
# *-zh.png shots are the Chinese pages).
screenshots: install browser cjk-font
	$(BIN)/python scripts/screenshots.py

# The official Python client (clients/python), regenerated from the app's schema. Commit the
# result with the API change; tests/platform/test_client.py fails while it is out of date.
client: install
	$(BIN)/python scripts/openapi.py > clients/python/openapi.json
	$(BIN)/openapi-python-client generate --path clients/python/openapi.json \
		--config clients/python/openapi-python-client.yaml --meta none \
		--output-path clients/python/matchmaker_client --overwrite

# Publish the current schema as the contract the schema diff check compares against (after
# announcing any breaking change in CHANGELOG.md).
openapi-baseline: install
	$(BIN)/python scripts/openapi.py > docs/openapi-baseline.json

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# tests/deploy builds and runs the Docker image with a daemon of its own (scripts/docker_smoke.sh)
# and checks deploy/haproxy.cfg: Debian's docker.io, debootstrap and haproxy.
deploy-tools:
	command -v dockerd >/dev/null && command -v debootstrap >/dev/null \
		&& command -v haproxy >/dev/null \
		|| (apt-get update && apt-get install -y docker.io debootstrap haproxy)

# The image alone: about 100 s once ~/.cache/matchmaker holds the base and the layer cache.
docker-smoke: deploy-tools
	scripts/docker_smoke.sh

# Two workers, a test file each at a time: most of the suite's time is spent waiting on
# servers, subprocesses and the database, so both cores stay busy. TEST_WORKERS=0 runs serially.
TEST_WORKERS ?= 2
test: install lint browser deploy-tools
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# Mutation testing of the core modules against their fast tests (docs/testing.md); not part
# of `make test`: .ci/nightly runs it. MODULES="camps/allocation.py ..." runs some of them,
# JOBS=1 uses one core.
JOBS ?= 2
MIN_SCORE ?= 85
$(VENV)/.mutation-installed: pyproject.toml | $(VENV)/.installed
	$(BIN)/pip install -q --disable-pip-version-check -e '.[dev,mutation]'
	touch $@

mutation: install $(VENV)/.mutation-installed
	$(BIN)/python scripts/mutation.py --jobs $(JOBS) --min-score $(MIN_SCORE) $(MODULES)

fmt: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Benchmarks against our own limits and a peer (Chroma); figures in bench/out/*.json and
# bench/RESULTS.md. The full run builds 10k, 100k and 1M profiles (about 15 minutes); the
# replica cold start at 1M on PostgreSQL adds 35-50 minutes on two loaded cores.
bench: install deploy-tools
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.http_routes --size 10000
	$(BIN)/python -m bench.http_routes --size 100000
	$(BIN)/python -m bench.openmp
	$(BIN)/python -m bench.decisions_scale
	$(BIN)/python -m bench.first_stage
	$(BIN)/python -m bench.feed_lag
	$(BIN)/python -m bench.ingest_http
	$(BIN)/python -m bench.replica_cold_start

bench-quick: install
	$(BIN)/python -m bench.run --quick
	$(BIN)/python -m bench.http_routes --quick

# The HTTP hot path alone (issue 15): every route as a ratio to /healthz on a real server,
# with the server's CPU per request; SIZE stored startups (bench/RESULTS.md, section 10).
SIZE ?= 10000
bench-http: install
	$(BIN)/python -m bench.http_routes --size $(SIZE)

# 100k startups through `matchmaker import` (SQLite; 32 minutes on two cores), with its
# progress bar and the process's memory sampled. ARGS="--pg-url URL" runs it on PostgreSQL.
bench-import: install
	$(BIN)/python -m bench.bulk_import $(ARGS)

# Ranking quality on the public data in ../shared/data (read at run time, never copied):
# hit rate at 1 and 3 and MRR against random, popularity, BM25 and the raw model, in the same
# run; figures in bench/out/quality.json, written up in bench/QUALITY.md.
# MODEL=multilingual-e5-small (or use-multilingual) measures another backend; the second
# step measures every registered backend on the bilingual set: retrieval, speed, memory.
bench-quality: install
	$(BIN)/python -m bench.quality $(if $(MODEL),--model $(MODEL)) $(ARGS)
	$(BIN)/python -m bench.bilingual

# What the re-ranking options (diversity, regional balance) cost on the quality benchmark.
bench-rerank: install
	$(BIN)/python -m bench.rerank $(if $(MODEL),--model $(MODEL)) $(ARGS)

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
