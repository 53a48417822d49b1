#!/usr/bin/env bash
# bench/upstream/lcs.sh - install and run upstream Lightspeed Core Stack (LCS) 0.2.0 or 0.7.1 from PyPI, unattended,
# as root. LCS_UPSTREAM_VERSION picks the release (default 0.2.0); each has its folder bench/upstream/<version>/.
#
#   bench/upstream/lcs.sh ensure
#       Build the Debian trixie chroot (Python 3.13, e2e/lib/python.sh) and the venv /opt/lcs-<version> inside it
#       from bench/upstream/<version>/requirements.lock (pip --no-deps --only-binary=:all:, re-installed when the
#       lock's sha256 changes), then copy in the shim (see below).
#       Idempotent; well under a second when everything is present (a cold install takes ~30 s for 0.2.0, ~130 s
#       for 0.7.1).
#   bench/upstream/lcs.sh start PORT CONFIG_FILE LOG_FILE STATE_DIR
#       Stop whatever STATE_DIR started before, ensure, copy CONFIG_FILE into a fresh work dir inside the chroot
#       and start LCS (uvicorn, service.workers from the config) in its own session with stdout+stderr
#       appended to LOG_FILE. Waits until GET http://127.0.0.1:PORT/liveness answers 200, then prints the pid
#       (the only line on stdout; progress goes to stderr). Exit status non-zero (and nothing left running)
#       when it does not come up within LCS_UPSTREAM_START_TIMEOUT seconds (default 120); exit status 3 means
#       PORT could not be bound (pick another one and retry: on this machine the ephemeral port range is
#       1024-65000, so client sockets can occupy any port for a while).
#       The config sees: LCS_PORT=PORT, LCS_DATA_DIR=<work dir inside the chroot> (sqlite db goes there),
#       LLAMA_STACK_URL (required in the caller's environment), LLAMA_STACK_API_KEY, LCS_DEFAULT_PROVIDER,
#       LCS_DEFAULT_MODEL (if set) and every variable named in LCS_UPSTREAM_PASS_ENV (space separated).
#       Paths in the config are resolved inside the chroot. 0.7.1 reads the `llama_stack` section as `ogx` (its
#       new name), so one configuration file serves both releases.
#   bench/upstream/lcs.sh stop STATE_DIR
#       Kill the process group from the pid file, then every process still carrying this state dir's tag.
#       Safe to call twice, after a crash, or when nothing was started.
#
# STATE_DIR (host) holds lcs.pid and lcs.env (PID, PORT, TAG, WORK_DIR = host path of the work dir, WORK_IN_ROOT,
# DB_FILE, LOG_FILE, START_SECONDS). The work dir (chroot:/var/lib/lcs-upstream/<tag>, wiped at every start, kept
# after stop for inspection) holds the config copy, HOME and the sqlite database.
#
# The PyPI releases (wheel and sdist) lack top-level modules of their src/ that their packages import, so neither
# starts as published. <version>/shim/ holds our own implementation of those modules, written from the wheel's
# import sites; ensure copies them into site-packages (re-copied whenever the hash of the shim's files changes).
#   0.2.0: lightspeed_stack, client, configuration, constants, log, version (from the behaviour spec, no upstream
#          code). One deliberate difference: the supported Llama Stack range is 0.2.17-0.2.22 (0.2.0 accepts
#          exactly 0.2.17), because the benchmark runs it against Llama Stack 0.2.22 like the Java service.
#   0.7.1: lightspeed_stack, client/ogx.py, configuration, constants, log, version, transcripts/transcripts.py. The
#          constants' values and what each configuration attribute returns are those of the upstream repository's
#          src/ of 2026-08-21 (the newest source we have); client/ogx.py is server mode only; transcripts are
#          refused (the benchmark runs with them off). Deliberate difference: the supported OGX range is
#          0.2.17-1.5.0 (the 2026-08 source says 1.0.2, 0.7.1 pins ogx 1.2.5), because the fake reports OGX 1.5.0.
#
# How LCS is started (inside the chroot, cwd = work dir, clean environment), with the package's console script:
#   /opt/lcs-<version>/bin/lightspeed-stack -c <work>/lightspeed-stack.yaml
# main() loads the config, then uvicorn.run("app.main:app", workers=service.workers); GET /v1/version is checked
# before (0.2.0) or in the application's start-up (0.7.1).
#
# Offline: nothing is downloaded at start-up or per request (checked with strace: the only connect() calls go to
# Llama Stack). As a guard the process gets HF_HUB_OFFLINE/TRANSFORMERS_OFFLINE, telemetry opt-outs, and
# http(s)_proxy pointing to a closed loopback port with no_proxy covering loopback and the Llama Stack host,
# so any unexpected internet access fails fast instead of hanging.
#
# Environment: LCS_E2E_CACHE (chroot cache, see e2e/lib/python.sh), LCS_UPSTREAM_START_TIMEOUT,
# LCS_UPSTREAM_PASS_ENV, LCS_E2E_QUIET.
set -euo pipefail

UP_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$UP_DIR/../.." && pwd)"
LCS_VERSION="${LCS_UPSTREAM_VERSION:-0.2.0}"
case "$LCS_VERSION" in
    0.2.0) IMPORTS="llama_stack, llama_stack_client, fastapi, uvicorn, sqlalchemy" ;;
    0.7.1) IMPORTS="ogx_client, fastapi, uvicorn, sqlalchemy" ;;
    *) echo "[lcs.sh] ERROR: no upstream LCS $LCS_VERSION here (bench/upstream/<version>/)" >&2; exit 1 ;;
esac
VENV="/opt/lcs-$LCS_VERSION"                    # inside the chroot
LOCK="$UP_DIR/$LCS_VERSION/requirements.lock"
SHIM="$UP_DIR/$LCS_VERSION/shim"
START_TIMEOUT="${LCS_UPSTREAM_START_TIMEOUT:-120}"

LCS_E2E_QUIET="${LCS_E2E_QUIET:-1}"
# shellcheck source=../../e2e/lib/python.sh disable=SC1091
. "$REPO_DIR/e2e/lib/python.sh"
ROOT="$LCS_E2E_ROOT"

log() { echo "[lcs.sh] $*" >&2; }
die() { echo "[lcs.sh] ERROR: $*" >&2; exit 1; }

# ------------------------------------------------------------------------------------------------ install
site_packages() { echo "$VENV/lib/python3.13/site-packages"; }

# copy the shim's modules (*.py, packages included) into site-packages, dropping stale bytecode of those modules;
# the stamp (hash of the shim's files and their paths) is written after lightspeed_stack imports, and disappears
# with the venv when python.sh re-installs it
_shim_sum() { (cd "$SHIM" && find . -name '*.py' | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1); }
_shim_current() { [ "$(cat "$ROOT$(site_packages)/.lcs-upstream-shim" 2>/dev/null)" = "$(_shim_sum)" ]; }
_install_shim() {
    local sp sum f dir
    sp="$ROOT$(site_packages)"
    [ -d "$sp" ] || { echo "[lcs.sh] no $sp" >&2; return 1; }
    sum="$(_shim_sum)"
    [ "$(cat "$sp/.lcs-upstream-shim" 2>/dev/null)" = "$sum" ] && return 0
    rm -f "$sp/.lcs-upstream-shim"
    for f in $(cd "$SHIM" && find . -name '*.py' | LC_ALL=C sort); do
        f="${f#./}" dir="$(dirname "$f")"
        mkdir -p "$sp/$dir"
        rm -f "$sp/$dir/__pycache__/$(basename "$f" .py)".*.pyc
        cp "$SHIM/$f" "$sp/$f.tmp" && mv "$sp/$f.tmp" "$sp/$f" || return 1
    done
    lcs_py_chroot "$VENV/bin/python" -c 'import lightspeed_stack' >/dev/null ||
        { echo "[lcs.sh] lightspeed_stack does not import" >&2; return 1; }
    echo "$sum" >"$sp/.lcs-upstream-shim"
}

cmd_ensure() {
    [ "$(id -u)" = 0 ] || die "must run as root (chroot)"
    # installed and current: no need to wait for the cache's lock, which an e2e run may hold for minutes
    if lcs_py_lock_venv_ok "$VENV" "$LOCK" && _shim_current; then return 0; fi
    local t0=$SECONDS
    lcs_py_ensure_lock_venv "$VENV" "$LOCK" "lcs-$LCS_VERSION" "$IMPORTS" || die "venv $VENV setup failed"
    _lcs_with_lock _install_shim || die "could not install the shim modules into $VENV"
    log "LCS $LCS_VERSION ready in $ROOT$VENV ($((SECONDS - t0)) s)"
}

# ------------------------------------------------------------------------------------------------ processes
# (same scheme as e2e/stack.sh: own session, tag in the environment, pid file written by the child)
state_init() {  # STATE_DIR -> globals STATE TAG WORK_IN_ROOT WORK PIDFILE ENVFILE
    mkdir -p "$1"
    STATE="$(cd "$1" && pwd)"
    TAG="lcs-upstream-$(printf '%s' "$STATE" | sha256sum | cut -c1-12)"
    WORK_IN_ROOT="/var/lib/lcs-upstream/$TAG"
    WORK="$ROOT$WORK_IN_ROOT"
    PIDFILE="$STATE/lcs.pid"
    ENVFILE="$STATE/lcs.env"
}

is_ours() {  # PID: alive and carrying our tag (guards against pid reuse)
    local pid="$1"
    [ -n "$pid" ] && [ -r "/proc/$pid/environ" ] || return 1
    { tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | grep -qx "LCS_E2E_TAG=$TAG"
}

tagged_pids() {
    local p
    for p in /proc/[0-9]*; do
        p="${p#/proc/}"
        [ "$p" = "$$" ] || [ "$p" = "$BASHPID" ] && continue
        is_ours "$p" && echo "$p"
    done
    return 0
}

cmd_stop() {
    state_init "$1"
    local pid p
    pid="$(cat "$PIDFILE" 2>/dev/null || true)"
    if is_ours "$pid"; then
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do is_ours "$pid" || break; sleep 0.2; done
        is_ours "$pid" && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
    fi
    for sig in TERM TERM KILL KILL; do
        p="$(tagged_pids)"
        [ -n "$p" ] || break
        # shellcheck disable=SC2086
        kill "-$sig" $p 2>/dev/null || true
        sleep 0.5
    done
    [ -z "$(tagged_pids)" ] || die "processes tagged $TAG survived: $(tagged_pids | tr '\n' ' ')"
    rm -f "$PIDFILE"
    [ -f "$ENVFILE" ] && sed -i 's/^PID=.*/PID=/' "$ENVFILE"
    return 0
}

port_bindable() {  # PORT: true if 127.0.0.1:PORT can be bound now
    lcs_py_chroot /usr/bin/python3 -c '
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
' "$1"
}

url_host() { local h="${1#*://}"; h="${h%%/*}"; h="${h%:*}"; printf '%s' "${h#[}" | sed 's/]$//'; }

cmd_start() {
    local port="$1" config="$2" logf="$3"
    if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then die "bad PORT '$port'"; fi
    [ -f "$config" ] || die "no config file $config"
    [ -n "${LLAMA_STACK_URL:-}" ] || die "LLAMA_STACK_URL must be set"
    cmd_stop "$4"
    cmd_ensure
    # the port must be bindable the way uvicorn binds it (SO_REUSEADDR): no listener (a stale server would answer
    # the liveness probe) and no client socket using it as its local port (ephemeral range may include it)
    port_bindable "$port" || { log "ERROR: port $port is in use"; exit 3; }

    _lcs_safe_rm "$WORK"
    mkdir -p "$WORK/home" "$(dirname "$logf")"
    cp "$config" "$WORK/lightspeed-stack.yaml"
    logf="$(cd "$(dirname "$logf")" && pwd)/$(basename "$logf")"
    : >>"$logf"
    echo "==== $(date -u +%FT%TZ) starting upstream LCS $LCS_VERSION on 127.0.0.1:$port ($config)" >>"$logf"

    local ls_host no_proxy_list extra=() name
    ls_host="$(url_host "$LLAMA_STACK_URL")"
    no_proxy_list="127.0.0.1,localhost,::1${ls_host:+,$ls_host}"
    for name in LLAMA_STACK_API_KEY LCS_DEFAULT_PROVIDER LCS_DEFAULT_MODEL ${LCS_UPSTREAM_PASS_ENV:-}; do
        [ -n "${!name+x}" ] && extra+=("$name=${!name}")
    done
    local ca_env=()
    [ -s "$ROOT$LCS_E2E_CA_IN_ROOT" ] && ca_env=("SSL_CERT_FILE=$LCS_E2E_CA_IN_ROOT")

    local t0=${EPOCHREALTIME/./}
    rm -f "$PIDFILE"
    # shellcheck disable=SC2016  # $$ and $@ belong to the inner bash
    LCS_E2E_TAG="$TAG" setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PIDFILE" \
        chroot "$ROOT" /usr/bin/env -i -C "$WORK_IN_ROOT" \
        "LCS_E2E_TAG=$TAG" HOME="$WORK_IN_ROOT/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
        PATH="$VENV/bin:/usr/bin:/bin" VIRTUAL_ENV="$VENV" PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
        COLUMNS=200 TERM=dumb NO_COLOR=1 \
        LCS_PORT="$port" LLAMA_STACK_URL="$LLAMA_STACK_URL" LCS_DATA_DIR="$WORK_IN_ROOT" \
        HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_DATASETS_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1 \
        DO_NOT_TRACK=1 OTEL_SDK_DISABLED=true \
        http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 \
        HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 \
        no_proxy="$no_proxy_list" NO_PROXY="$no_proxy_list" \
        "${ca_env[@]}" "${extra[@]}" \
        "$VENV/bin/lightspeed-stack" -c "$WORK_IN_ROOT/lightspeed-stack.yaml" \
        </dev/null >>"$logf" 2>&1 8>&- 9>&- &
    for _ in $(seq 1 50); do [ -s "$PIDFILE" ] && break; sleep 0.1; done
    [ -s "$PIDFILE" ] || { cmd_stop "$STATE"; die "could not start LCS"; }
    local pid; pid="$(cat "$PIDFILE")"

    local deadline=$((SECONDS + START_TIMEOUT))
    until curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/liveness"; do
        if ! is_ours "$pid"; then
            tail -30 "$logf" >&2; cmd_stop "$STATE" || true
            if tail -5 "$logf" | grep -q "Errno 98"; then log "ERROR: port $port is in use (bind failed)"; exit 3; fi
            die "LCS exited during start-up (log $logf)"
        fi
        if [ $SECONDS -ge $deadline ]; then
            tail -30 "$logf" >&2; cmd_stop "$STATE" || true; die "LCS not live after ${START_TIMEOUT}s (log $logf)"
        fi
        sleep 0.1
    done
    local us=$(( ${EPOCHREALTIME/./} - t0 )) secs
    secs="$((us / 1000000)).$(printf '%02d' $(( (us % 1000000) / 10000 )))"
    {
        printf 'PID=%s\nPORT=%s\nTAG=%s\nWORK_DIR=%s\nWORK_IN_ROOT=%s\nDB_FILE=%s\nLOG_FILE=%s\nSTART_SECONDS=%s\n' \
            "$pid" "$port" "$TAG" "$WORK" "$WORK_IN_ROOT" "$WORK/lightspeed-stack.db" "$logf" "$secs"
    } >"$ENVFILE"
    log "LCS $LCS_VERSION live on http://127.0.0.1:$port (pid $pid) after ${secs}s"
    echo "$pid"
}

# one lcs.sh start/stop per state dir at a time (fd 8 is closed in the started process)
lock_state() { mkdir -p "$1"; exec 8>"$1/.lcs.lock"; flock -w 600 8 || die "another lcs.sh holds $1/.lcs.lock"; }

main() {
    local cmd="${1:-}"; shift || true
    case "$cmd" in
        ensure) [ $# -eq 0 ] || die "usage: $0 ensure"; cmd_ensure ;;
        start) [ $# -eq 4 ] || die "usage: $0 start PORT CONFIG_FILE LOG_FILE STATE_DIR"
            [ "$(id -u)" = 0 ] || die "must run as root (chroot)"
            lock_state "$4"; cmd_start "$@" ;;
        stop) [ $# -eq 1 ] || die "usage: $0 stop STATE_DIR"; lock_state "$1"; cmd_stop "$1" ;;
        *) echo "usage: $0 ensure | start PORT CONFIG_FILE LOG_FILE STATE_DIR | stop STATE_DIR" >&2; exit 2 ;;
    esac
}

main "$@"
