#!/usr/bin/env bash
# Build the Docker image and smoke-test it (/readyz, a match) with a Docker engine of our own.
#
# No image registry is reachable here, so nothing is pulled: the base image is a Debian
# bookworm rootfs made by debootstrap (cached, so reruns skip it) and `docker import`ed; the
# Dockerfile takes it as --build-arg BASE (elsewhere it builds FROM the usual python base).
# The daemon is started by this script (own data root, exec root and socket, no iptables, no
# bridge), builds with the legacy builder and --network=host, runs the image with
# --network=host on a free port, and is stopped by its pid at the end, whatever happened.
#
#   scripts/docker_smoke.sh            build, run, check, clean up; exit 0 when all passed
#   MATCHMAKER_CACHE=dir               where the base rootfs and the daemon's data root (its
#                                      layer cache: a rerun rebuilds only what changed) live;
#                                      ~/.cache/matchmaker by default
#   DOCKER_FRESH=1                     a throwaway data root instead (builds every layer again)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${MATCHMAKER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/matchmaker}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
BASE_TAR="$CACHE/bookworm-minbase-python3.tar"
BASE_TAG="matchmaker-base:bookworm"
IMAGE="matchmaker:smoke"
DOCKER=/usr/bin/docker  # the client of Debian's docker.io, the same version as its dockerd

mkdir -p "$CACHE"
WORK="$(mktemp -d /tmp/mm-docker.XXXXXX)"
if [[ "${DOCKER_FRESH:-0}" == 1 ]]; then DATA="$WORK/data"; else DATA="$CACHE/docker-data"; fi
# One run at a time per cache: two daemons must never share a data root.
exec 9>"$CACHE/docker.lock"
flock 9
SOCK="$WORK/docker.sock"
DOCKERD_PID=""
WHEELS_PID=""
CONTAINER=""

log() { printf '[docker-smoke %s] %s\n' "$(date +%T)" "$*"; }
dk() { "$DOCKER" --host "unix://$SOCK" "$@"; }

cleanup() {
    set +e
    if [[ -n "$CONTAINER" ]]; then
        dk logs "$CONTAINER" >"$WORK/container.log" 2>&1
        dk rm -f "$CONTAINER" >/dev/null 2>&1
    fi
    # Earlier builds' layers that no tag uses any more: the cache keeps only the latest.
    [[ -n "$DOCKERD_PID" ]] && dk image prune -f >/dev/null 2>&1
    [[ -n "$WHEELS_PID" ]] && kill "$WHEELS_PID" 2>/dev/null
    if [[ -n "$DOCKERD_PID" ]]; then
        kill "$DOCKERD_PID" 2>/dev/null
        for _ in $(seq 1 30); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$DOCKERD_PID" 2>/dev/null
    fi
    # Whatever the daemon left mounted under its roots (overlay layers, netns files).
    findmnt -rn -o TARGET | grep -E "^($WORK|$DATA)" | sort -r | while read -r m; do
        umount -l "$m" 2>/dev/null
    done
    if [[ "${SMOKE_FAILED:-0}" == 1 ]]; then
        log "dockerd log (tail):"; tail -n 30 "$WORK/dockerd.log" 2>/dev/null
        log "container log (tail):"; tail -n 60 "$WORK/container.log" 2>/dev/null
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'SMOKE_FAILED=1' ERR

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

for tool in dockerd debootstrap curl; do
    command -v "$tool" >/dev/null || { echo "missing $tool: run make docker-tools" >&2; exit 2; }
done

# 1. The base rootfs: Debian's python3 (3.11 in bookworm) with venv, certificates and useradd.
if [[ ! -s "$BASE_TAR" ]]; then
    log "debootstrap bookworm (minbase) into $WORK/rootfs (once; cached in $BASE_TAR)"
    debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates,passwd \
        bookworm "$WORK/rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
        || { tail -n 30 "$WORK/debootstrap.log"; exit 1; }
    rm -rf "$WORK/rootfs/var/cache/apt/archives/"*.deb "$WORK/rootfs/var/lib/apt/lists/"*
    tar -C "$WORK/rootfs" -cf "$BASE_TAR.tmp" . && mv "$BASE_TAR.tmp" "$BASE_TAR"
    rm -rf "$WORK/rootfs"
fi

# 2. Our own daemon.
log "starting dockerd (data root $DATA)"
dockerd --storage-driver=overlay2 --iptables=false --ip6tables=false --bridge=none \
    --data-root "$DATA" --exec-root "$WORK/exec" --pidfile "$WORK/dockerd.pid" \
    --host "unix://$SOCK" >"$WORK/dockerd.log" 2>&1 &
DOCKERD_PID=$!
for _ in $(seq 1 60); do dk version >/dev/null 2>&1 && break; sleep 1; done
dk version --format 'engine {{.Server.Version}}' || { SMOKE_FAILED=1; exit 1; }

if ! dk image inspect "$BASE_TAG" >/dev/null 2>&1; then
    log "docker import $BASE_TAR, with this machine's CA certificates, as $BASE_TAG"
    dk import "$BASE_TAR" "$BASE_TAG-debootstrap" >/dev/null
    # Trust what this machine trusts (its registries may sit behind a TLS proxy); pip in a
    # virtualenv reads its own bundle unless PIP_CERT says otherwise.
    mkdir -p "$WORK/base"
    cp /etc/ssl/certs/ca-certificates.crt "$WORK/base/ca-certificates.crt"
    printf '%s\n' "FROM $BASE_TAG-debootstrap" \
        "COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt" \
        "ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt" >"$WORK/base/Dockerfile"
    DOCKER_BUILDKIT=0 dk build -q -t "$BASE_TAG" "$WORK/base" >/dev/null
fi

# 3. The image. The CPU build of torch lies on disk here (/opt/wheels): serve it to pip inside
# the build on loopback, since a plain PyPI torch is a multi-GB CUDA build.
build_args=(--build-arg "BASE=$BASE_TAG")
if ls /opt/wheels/torch-*.whl >/dev/null 2>&1; then
    # A fixed port when it is free: the URL is a build argument, and a new one would
    # invalidate the cached torch and dependency layers.
    wheel_port=38611
    python3 -c "import socket as s; k = s.socket(); k.setsockopt(s.SOL_SOCKET, s.SO_REUSEADDR, 1); k.bind(('127.0.0.1', $wheel_port))" 2>/dev/null \
        || wheel_port="$(free_port)"
    python3 -m http.server "$wheel_port" --bind 127.0.0.1 --directory /opt/wheels \
        >"$WORK/wheels.log" 2>&1 &
    WHEELS_PID=$!
    build_args+=(--build-arg "PIP_FIND_LINKS=http://127.0.0.1:$wheel_port/")
fi
log "docker build (legacy builder, --network=host)"
started=$(date +%s)
DOCKER_BUILDKIT=0 dk build --network=host "${build_args[@]}" -t "$IMAGE" "$ROOT" \
    >"$WORK/build.log" 2>&1 || { SMOKE_FAILED=1; tail -n 40 "$WORK/build.log"; exit 1; }
log "image built in $(($(date +%s) - started)) s: $(dk image inspect "$IMAGE" --format '{{.Size}}') bytes"

# 4. Run it: SQLite in the container's /data, demo data, an admin key for the checks.
port="$(free_port)"
CONTAINER="mm-smoke-$$"
dk run -d --name "$CONTAINER" --network=host "$IMAGE" sh -c \
    "matchmaker migrate && matchmaker seed-demo >/dev/null \
     && exec matchmaker serve --host 127.0.0.1 --port $port" >/dev/null
url="http://127.0.0.1:$port"
log "container $CONTAINER serving on $url"
ready=""
for _ in $(seq 1 240); do
    if ready="$(curl -fsS "$url/readyz" 2>/dev/null)"; then break; fi
    [[ "$(dk inspect -f '{{.State.Running}}' "$CONTAINER")" == true ]] || break
    sleep 1
done
[[ -n "$ready" ]] || { SMOKE_FAILED=1; log "/readyz never answered 200"; exit 1; }
echo "readyz: $ready"

key="$(dk exec "$CONTAINER" matchmaker keys create --role admin --name smoke | grep -o 'mm_[A-Za-z0-9_-]*' | head -n 1)"
[[ -n "$key" ]] || { SMOKE_FAILED=1; log "no API key from matchmaker keys create"; exit 1; }
startup="$(curl -fsS -H "Authorization: Bearer $key" "$url/v1/startups?limit=1" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')"
match="$(curl -fsS -H "Authorization: Bearer $key" "$url/v1/startups/$startup/matches?limit=3")"
echo "match: ${match:0:300}..."
python3 -c 'import json, sys; found = json.loads(sys.argv[1])["matches"]; assert found, "no match"; print("matches:", len(found))' "$match"
log "smoke test passed"
