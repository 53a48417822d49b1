#!/usr/bin/env bash
# e2e/stack.sh - run a real Llama Stack (in a Debian trixie chroot) + fake LLM + MCP server on loopback.
#
#   e2e/stack.sh start      (re)start everything on free ports; writes $STATE/env
#   e2e/stack.sh stop       stop everything this state dir started (safe to call twice / after a crash)
#   e2e/stack.sh ls-stop    stop only Llama Stack (fake LLM and MCP server keep running)
#   e2e/stack.sh ls-start   start Llama Stack again on the same port (keeps its data: agents/sessions survive)
#   e2e/stack.sh status     show processes, health and the env file
#   e2e/stack.sh env        print the env file
#   e2e/stack.sh library-python NAME
#                           print the command that runs this generation's Python for library mode, one word a line
#                           (LibraryModeE2E: the service starts Llama Stack itself with it, data in a fresh dir NAME)
#
# Environment:
#   LCS_E2E_STATE       state dir (default e2e/.state): env file, pid files, process logs, fake LLM request log
#   LCS_E2E_CACHE       cache dir of the chroot (default /var/cache/lightspeed-stack-e2e), see lib/python.sh
#   LCS_E2E_LS_VERSION  Llama Stack generation (default 0.2.22; also 0.5.4, 0.7.3, ogx-1.5.0): uses
#                       llama-stack/<version>/{run.yaml,requirements.lock}
#   LCS_E2E_START_TIMEOUT  seconds to wait for Llama Stack health (default 180)
#   LCS_E2E_PORTS       "FAKE MCP LS": fixed ports instead of free ones (e2e/capture.sh, for stable request bodies)
#   VLLM_URL, VLLM_MODEL, VLLM_API_TOKEN  serve a real vLLM model instead of the stand-in (make run; no shields;
#                       the generations with a run-vllm.yaml: 0.2.22, ogx-1.5.0)
#
# The env file ($STATE/env) holds shell KEY=VALUE lines (values shell-quoted with printf %q; plain here):
#   LLAMA_STACK_URL LLAMA_STACK_PORT LLAMA_STACK_VERSION LLAMA_STACK_PID LLAMA_STACK_PROCESS_LOG
#   FAKE_LLM_URL (base, no /v1) FAKE_LLM_OPENAI_URL (with /v1) FAKE_LLM_PORT FAKE_LLM_PID FAKE_LLM_LOG
#   FAKE_LLM_PROCESS_LOG MCP_SERVER_URL (register this one: .../mcp) MCP_SERVER_BASE_URL MCP_SERVER_PORT
#   MCP_SERVER_PID MCP_HEADERS_URL (GET .../recorded-headers) MCP_HEADERS_LOG MCP_SERVER_PROCESS_LOG
#   LS_DATA_DIR LCS_E2E_CHROOT LCS_E2E_TAG
#   LCS_E2E_LS_VERSION (the generation started, e.g. ogx-1.5.0; LLAMA_STACK_VERSION is what /v1/version says)
#
# Every process is started in its own session (setsid) with LCS_E2E_TAG=<tag of this state dir> in its
# environment; stop kills the process groups from the pid files and then any process still carrying the tag,
# so nothing is left behind even when the shell that ran `start` was killed.
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LS_VERSION="${LCS_E2E_LS_VERSION:-0.2.22}"
STATE="${LCS_E2E_STATE:-$E2E_DIR/.state}"
mkdir -p "$STATE"
STATE="$(cd "$STATE" && pwd)"
PIDS="$STATE/pids"
ENV_FILE="$STATE/env"
HOST=127.0.0.1
START_TIMEOUT="${LCS_E2E_START_TIMEOUT:-180}"
HOST_PY="${LCS_E2E_HOST_PYTHON:-python3}"

LCS_E2E_QUIET="${LCS_E2E_QUIET:-0}"
# shellcheck source=lib/python.sh
. "$E2E_DIR/lib/python.sh"

TAG="lcs-e2e-$(printf '%s' "$STATE" | sha256sum | cut -c1-12)"
ROOT="$LCS_E2E_ROOT"
WORK_IN_ROOT="/var/lib/lcs-e2e/$TAG"          # path inside the chroot
WORK="$ROOT$WORK_IN_ROOT"                      # same dir seen from the host
LS_DIR_IN_ROOT="$WORK_IN_ROOT/ls-$LS_VERSION"

log() { echo "[stack.sh] $*" >&2; }
die() { echo "[stack.sh] ERROR: $*" >&2; exit 1; }

# ------------------------------------------------------------------------------------------------ processes
# true if $1 is alive and carries our tag (guards against pid reuse)
is_ours() {
    local pid="$1"
    [ -n "$pid" ] && [ -r "/proc/$pid/environ" ] || return 1
    { tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | grep -qx "LCS_E2E_TAG=$TAG"
}

# kill the process group led by the pid in pid file $1 (TERM, then KILL after a grace period)
kill_pidfile() {
    local f="$1" pid
    [ -f "$f" ] || return 0
    pid="$(cat "$f" 2>/dev/null || true)"
    if is_ours "$pid"; then
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            is_ours "$pid" || break
            sleep 0.2
        done
        if is_ours "$pid"; then
            kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$f"
}

# kill every remaining process that carries our tag (children that left the group, lost pid files)
kill_tagged() {
    local sig="$1" p found=1
    for _ in 1 2 3; do
        found=0
        for p in /proc/[0-9]*; do
            p="${p#/proc/}"
            [ "$p" = "$$" ] && continue
            if is_ours "$p"; then
                kill "-$sig" "$p" 2>/dev/null || true
                found=1
            fi
        done
        [ $found = 1 ] || return 0
        sleep 0.5
    done
}

# spawn NAME LOGFILE CMD... : new session, tagged, stdin from /dev/null; pid file written by the child itself
spawn() {
    local name="$1" logf="$2"; shift 2
    mkdir -p "$PIDS"
    rm -f "$PIDS/$name.pid"
    LCS_E2E_TAG="$TAG" setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PIDS/$name.pid" "$@" \
        </dev/null >>"$logf" 2>&1 8>&- 9>&- &

    for _ in $(seq 1 50); do [ -s "$PIDS/$name.pid" ] && break; sleep 0.1; done
    [ -s "$PIDS/$name.pid" ] || die "could not start $name"
}

pid_of() { cat "$PIDS/$1.pid" 2>/dev/null || true; }

wait_http() {  # NAME URL TIMEOUT PIDNAME
    local name="$1" url="$2" timeout="$3" pname="$4" t0=$SECONDS
    while :; do
        if curl -sf -o /dev/null --max-time 2 "$url"; then return 0; fi
        is_ours "$(pid_of "$pname")" || { log "$name died during startup"; return 1; }
        [ $((SECONDS - t0)) -lt "$timeout" ] || { log "$name not healthy after ${timeout}s ($url)"; return 1; }
        sleep 0.3
    done
}

free_ports() {  # N -> N distinct free loopback ports
    "$HOST_PY" - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
EOF
}

write_env() {  # KEY=VALUE... -> atomically (re)written env file, keeping keys not given
    local tmp="$ENV_FILE.tmp.$$" kv key
    declare -A vals=()
    local order=()
    if [ -f "$ENV_FILE" ]; then
        while IFS= read -r line; do
            [[ "$line" =~ ^([A-Z0-9_]+)=(.*)$ ]] || continue
            key="${BASH_REMATCH[1]}"
            vals[$key]="$(eval "printf '%s' ${BASH_REMATCH[2]}")"
            order+=("$key")
        done <"$ENV_FILE"
    fi
    for kv in "$@"; do
        key="${kv%%=*}"
        [ -n "${vals[$key]+x}" ] || order+=("$key")
        vals[$key]="${kv#*=}"
    done
    {
        echo "# written by e2e/stack.sh $(date -u +%Y-%m-%dT%H:%M:%SZ); source it or parse KEY=VALUE lines"
        for key in "${order[@]}"; do printf '%s=%q\n' "$key" "${vals[$key]}"; done
    } >"$tmp"
    mv "$tmp" "$ENV_FILE"
}

# shellcheck disable=SC1090
env_get() { [ -f "$ENV_FILE" ] && (set +u; . "$ENV_FILE"; eval "printf '%s' \"\${$1:-}\""); }

# ------------------------------------------------------------------------------------------------ services
# ls_python DIR NAME=VALUE...: sets LS_PYTHON to the command that runs the generation's Python inside the root, with
# DIR (a path inside the root) for the server's data, the given environment, and what every server needs here: the
# names its own settings go by, model hubs offline, tiktoken's file. start_ls runs the server with it, and the
# library-mode e2e test has the service run it (library-python).
ls_python() {
    local dir="$1" venv settings; shift
    venv="$(lcs_py_venv "$LS_VERSION")"
    case "$LS_VERSION" in
        ogx-*) settings=(OGX_CONFIG_DIR="$dir/.ogx" OGX_DISABLE_VERSION_CHECK=1
                ${LLAMA_STACK_LOGGING:+OGX_LOGGING=$LLAMA_STACK_LOGGING}) ;;
        *)     settings=(LLAMA_STACK_CONFIG_DIR="$dir/.llama" LLAMA_STACK_DISABLE_VERSION_CHECK=1
                ${LLAMA_STACK_LOGGING:+LLAMA_STACK_LOGGING=$LLAMA_STACK_LOGGING}) ;;
    esac
    LS_PYTHON=(chroot "$ROOT" /usr/bin/env -i
        "LCS_E2E_TAG=$TAG" HOME="$dir" LANG=C.UTF-8 LC_ALL=C.UTF-8
        PATH="$venv/bin:/usr/bin:/bin" VIRTUAL_ENV="$venv"
        "${settings[@]}"
        LS_DIR="$dir" LS_HOST="$HOST" "$@"
        TIKTOKEN_CACHE_DIR="$LCS_E2E_TIKTOKEN_DIR"
        HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1 DO_NOT_TRACK=1
        OTEL_SDK_DISABLED=true
        COLUMNS=200
        "$venv/bin/python")
}

# the environment of a server of the LLM stand-in, one NAME=VALUE a line: proxies point to a closed loopback port, so
# anything that tries to reach the internet fails fast
fake_llm_env() {
    printf '%s\n' FAKE_LLM_URL="http://$HOST:$FAKE_PORT/v1" \
        http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 \
        HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 \
        no_proxy=127.0.0.1,localhost,::1 NO_PROXY=127.0.0.1,localhost,::1
}

start_ls() {  # PORT
    local port="$1" t0=$SECONDS
    mkdir -p "$ROOT$LS_DIR_IN_ROOT"
    local run_file=run.yaml provider_env
    if [ -n "${VLLM_URL:-}" ]; then
        # a real vLLM (make run): it may live anywhere, so no proxy block
        run_file=run-vllm.yaml
        provider_env=(VLLM_URL="$VLLM_URL" VLLM_MODEL="${VLLM_MODEL:?VLLM_MODEL names the served model}"
            VLLM_API_TOKEN="${VLLM_API_TOKEN:-fake}")
    else
        mapfile -t provider_env < <(fake_llm_env)
    fi
    if [ ! -f "$E2E_DIR/llama-stack/$LS_VERSION/$run_file" ]; then
        local with; with="$(cd "$E2E_DIR/llama-stack" && ls -d -- */"$run_file" 2>/dev/null | sed 's#/.*##' | xargs)"
        log "no e2e/llama-stack/$LS_VERSION/$run_file (VLLM_URL works with: $with)"
        return 1
    fi
    cp "$E2E_DIR/llama-stack/$LS_VERSION/$run_file" "$WORK/run-$LS_VERSION.yaml"
    local config="$WORK_IN_ROOT/run-$LS_VERSION.yaml" server_args LS_PYTHON
    # how each generation is started
    case "$LS_VERSION" in
        0.2.*)  # the server module still has a __main__
            server_args=(-m llama_stack.core.server.server "$config" --port "$port") ;;
        ogx-*)  # renamed package and CLI; plain HTTP needs --insecure (else it demands TLS certificates)
            server_args=(-m ogx.cli.ogx run "$config" --port "$port" --insecure) ;;
        *)      # 0.3+: no __main__ any more; the CLI runs uvicorn with the create_app factory in-process
            server_args=(-m llama_stack.cli.llama stack run "$config" --port "$port") ;;
    esac
    ls_python "$LS_DIR_IN_ROOT" "${provider_env[@]}"
    : >>"$STATE/llama-stack.log"
    echo "==== $(date -u +%FT%TZ) starting Llama Stack $LS_VERSION ($run_file) on $HOST:$port" >>"$STATE/llama-stack.log"
    spawn llama-stack "$STATE/llama-stack.log" "${LS_PYTHON[@]}" "${server_args[@]}"
    if ! wait_http "Llama Stack" "http://$HOST:$port/v1/health" "$START_TIMEOUT" llama-stack; then
        tail -40 "$STATE/llama-stack.log" >&2
        return 1
    fi
    log "Llama Stack $LS_VERSION healthy on http://$HOST:$port in $((SECONDS - t0)) s"
}

cmd_stop() {
    local quiet="${1:-}"
    kill_pidfile "$PIDS/llama-stack.pid"
    kill_pidfile "$PIDS/mcp-server.pid"
    kill_pidfile "$PIDS/fake-llm.pid"
    kill_tagged TERM
    kill_tagged KILL
    [ -f "$ENV_FILE" ] && write_env LLAMA_STACK_PID= FAKE_LLM_PID= MCP_SERVER_PID= STATUS=stopped
    [ -n "$quiet" ] || log "stopped (state $STATE)"
}

cmd_start() {
    local t0=$SECONDS
    cmd_stop quiet
    rm -f "$ENV_FILE"
    [ -f "$E2E_DIR/llama-stack/$LS_VERSION/run.yaml" ] || die "no e2e/llama-stack/$LS_VERSION/run.yaml"
    lcs_py_ensure_generation "$LS_VERSION" || die "python/venv setup failed"
    local tp=$SECONDS
    local ports="${LCS_E2E_PORTS:-}"
    [ -n "$ports" ] || ports="$(free_ports 3)"
    read -r FAKE_PORT MCP_PORT LS_PORT <<<"$ports"

    rm -rf --one-file-system "$WORK"
    mkdir -p "$WORK" "$ROOT$LS_DIR_IN_ROOT"
    cp "$E2E_DIR/mcp_server/server.py" "$WORK/mcp_server.py"
    : >"$STATE/fake-llm-requests.jsonl"
    : >"$WORK/mcp-headers.jsonl"
    for f in fake-llm.log mcp-server.log llama-stack.log; do : >"$STATE/$f"; done

    spawn fake-llm "$STATE/fake-llm.log" env FAKE_LLM_LOG="$STATE/fake-llm-requests.jsonl" \
        "$HOST_PY" "$E2E_DIR/fake_llm/fake_llm.py" --host "$HOST" --port "$FAKE_PORT"

    local venv="$LCS_E2E_MCP_VENV"     # one MCP server venv for every generation (see lib/python.sh)
    spawn mcp-server "$STATE/mcp-server.log" \
        chroot "$ROOT" /usr/bin/env -i "LCS_E2E_TAG=$TAG" HOME="$WORK_IN_ROOT" LANG=C.UTF-8 \
        PATH="$venv/bin:/usr/bin:/bin" MCP_HEADERS_LOG="$WORK_IN_ROOT/mcp-headers.jsonl" \
        ${MCP_REQUIRE_AUTH:+MCP_REQUIRE_AUTH=$MCP_REQUIRE_AUTH} \
        "$venv/bin/python" "$WORK_IN_ROOT/mcp_server.py" --host "$HOST" --port "$MCP_PORT"

    write_env STATUS=starting LCS_E2E_TAG="$TAG" LCS_E2E_CHROOT="$ROOT" \
        FAKE_LLM_PID="$(pid_of fake-llm)" MCP_SERVER_PID="$(pid_of mcp-server)"

    wait_http "fake LLM" "http://$HOST:$FAKE_PORT/health" 20 fake-llm ||
        { tail -20 "$STATE/fake-llm.log" >&2; cmd_stop quiet; die "fake LLM did not start"; }
    wait_http "MCP server" "http://$HOST:$MCP_PORT/health" 60 mcp-server ||
        { tail -20 "$STATE/mcp-server.log" >&2; cmd_stop quiet; die "MCP server did not start"; }

    start_ls "$LS_PORT" || { cmd_stop quiet; die "Llama Stack did not start (log $STATE/llama-stack.log)"; }

    local version
    version="$(curl -sf "http://$HOST:$LS_PORT/v1/version" | "$HOST_PY" -c 'import json,sys; print(json.load(sys.stdin)["version"])')"
    write_env STATUS=running LCS_E2E_LS_VERSION="$LS_VERSION" \
        LLAMA_STACK_URL="http://$HOST:$LS_PORT" LLAMA_STACK_PORT="$LS_PORT" LLAMA_STACK_VERSION="$version" \
        LLAMA_STACK_PID="$(pid_of llama-stack)" LLAMA_STACK_PROCESS_LOG="$STATE/llama-stack.log" \
        LS_DATA_DIR="$ROOT$LS_DIR_IN_ROOT" \
        FAKE_LLM_URL="http://$HOST:$FAKE_PORT" FAKE_LLM_OPENAI_URL="http://$HOST:$FAKE_PORT/v1" \
        FAKE_LLM_PORT="$FAKE_PORT" FAKE_LLM_LOG="$STATE/fake-llm-requests.jsonl" \
        FAKE_LLM_PROCESS_LOG="$STATE/fake-llm.log" \
        MCP_SERVER_URL="http://$HOST:$MCP_PORT/mcp" MCP_SERVER_BASE_URL="http://$HOST:$MCP_PORT" \
        MCP_SERVER_PORT="$MCP_PORT" MCP_HEADERS_URL="http://$HOST:$MCP_PORT/recorded-headers" \
        MCP_HEADERS_LOG="$WORK/mcp-headers.jsonl" MCP_SERVER_PROCESS_LOG="$STATE/mcp-server.log"
    log "stack up in $((SECONDS - t0)) s (python/venv check $((tp - t0)) s); env: $ENV_FILE"
    cat "$ENV_FILE"
}

cmd_ls_stop() {
    [ -f "$ENV_FILE" ] || die "no $ENV_FILE: run start first"
    kill_pidfile "$PIDS/llama-stack.pid"
    write_env LLAMA_STACK_PID= STATUS=ls-stopped
    log "Llama Stack stopped (port $(env_get LLAMA_STACK_PORT) now closed)"
}

cmd_ls_start() {
    [ -f "$ENV_FILE" ] || die "no $ENV_FILE: run start first"
    local port; port="$(env_get LLAMA_STACK_PORT)"
    FAKE_PORT="$(env_get FAKE_LLM_PORT)"
    [ -n "$port" ] && [ -n "$FAKE_PORT" ] || die "env file lacks LLAMA_STACK_PORT/FAKE_LLM_PORT"
    if is_ours "$(pid_of llama-stack)"; then log "Llama Stack already running"; return 0; fi
    # the generation that `start` chose, whatever LCS_E2E_LS_VERSION says now
    local v; v="$(env_get LCS_E2E_LS_VERSION)"
    [ -z "$v" ] || { LS_VERSION="$v"; LS_DIR_IN_ROOT="$WORK_IN_ROOT/ls-$LS_VERSION"; }
    start_ls "$port" || { kill_pidfile "$PIDS/llama-stack.pid"; die "Llama Stack did not restart"; }
    write_env LLAMA_STACK_PID="$(pid_of llama-stack)" STATUS=running
}

# library-python NAME: the command prefix with which the service runs this generation's Python for library mode, one
# word a line, with a fresh data directory of that name and the running stack's LLM stand-in
cmd_library_python() {
    local name="${1:-}" dir environment LS_PYTHON
    [[ "$name" =~ ^[A-Za-z0-9._-]+$ ]] || die "library-python needs a directory name"
    [ -f "$ENV_FILE" ] || die "no $ENV_FILE: run start first"
    FAKE_PORT="$(env_get FAKE_LLM_PORT)"
    local v; v="$(env_get LCS_E2E_LS_VERSION)"
    [ -z "$v" ] || LS_VERSION="$v"
    dir="$WORK_IN_ROOT/library-$name"
    rm -rf --one-file-system "$ROOT$dir"
    mkdir -p "$ROOT$dir"
    mapfile -t environment < <(fake_llm_env)
    ls_python "$dir" "${environment[@]}"
    printf '%s\n' "${LS_PYTHON[@]}"
}

cmd_status() {
    local name pid rc=0
    for name in fake-llm mcp-server llama-stack; do
        pid="$(pid_of "$name")"
        if is_ours "$pid"; then echo "$name: running (pid $pid)"; else echo "$name: not running"; rc=1; fi
    done
    if [ -f "$ENV_FILE" ]; then
        local url; url="$(env_get LLAMA_STACK_URL)"
        [ -n "$url" ] && echo "llama-stack health: $(curl -s --max-time 3 "$url/v1/health" || echo unreachable)" && echo
        echo "--- $ENV_FILE"; cat "$ENV_FILE"
    else
        echo "no env file ($ENV_FILE)"
    fi
    return $rc
}

main() {
    local cmd="${1:-}"
    case "$cmd" in
        start|stop|ls-stop|ls-start|status|env|library-python) ;;
        *) echo "usage: $0 start|stop|ls-stop|ls-start|status|env|library-python NAME" >&2; exit 2 ;;
    esac
    [ "$(id -u)" = 0 ] || die "must run as root (chroot)"
    exec 8>"$STATE/.lock"
    flock -w 600 8 || die "another stack.sh holds $STATE/.lock"
    case "$cmd" in
        start) cmd_start ;;
        stop) cmd_stop ;;
        ls-stop) cmd_ls_stop ;;
        ls-start) cmd_ls_start ;;
        status) cmd_status ;;
        env) cat "$ENV_FILE" ;;
        library-python) cmd_library_python "${2:-}" ;;
    esac
}

main "$@"
