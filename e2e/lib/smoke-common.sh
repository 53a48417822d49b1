#!/usr/bin/env bash
# e2e/lib/smoke-common.sh - shared by e2e/smoke.sh (Agents API, 0.2.x) and e2e/smoke-responses.sh (Responses API):
# pass/fail counting, JSON checks, and "use the running stack, or start one for the duration of the script".
# The caller sets E2E_DIR and sources this file with its own arguments; it sets STATE, PY, PASS, FAIL, and
# CAPTURE (1 when the first argument is --capture).

STATE="${LCS_E2E_STATE:-$E2E_DIR/.state}"
PY="${LCS_E2E_HOST_PYTHON:-python3}"
PASS=0
FAIL=0
SMOKE_STARTED=0
CAPTURE=0
[ "${1:-}" = "--capture" ] && CAPTURE=1

ok() { PASS=$((PASS + 1)); echo "  ok   $*"; }
ko() { FAIL=$((FAIL + 1)); echo "  FAIL $*"; }
jget() {  # JSON-on-stdin PYTHON-EXPR (d = parsed json)
    "$PY" -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"
}
jcheck() {  # FILE EXPR MESSAGE   (d = parsed JSON of FILE)
    if "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if eval("(" + sys.argv[2] + ")") else 1)' "$1" "$2" \
        2>/dev/null; then ok "$3"; else ko "$3 ($(head -c 400 "$1"))"; fi
}

# smoke_ensure_stack: use the stack of $STATE/env if it answers, else start one (LCS_E2E_LS_VERSION picks the
# generation) and stop it again when the script exits
smoke_ensure_stack() {
    if ! { [ -f "$STATE/env" ] && (. "$STATE/env"; curl -sf --max-time 3 "$LLAMA_STACK_URL/v1/health" >/dev/null); }; then
        echo "smoke: no running stack, starting one"
        "$E2E_DIR/stack.sh" start >/dev/null || { echo "smoke: 0 passed, 1 failed"; exit 1; }
        SMOKE_STARTED=1
    fi
    trap '[ $SMOKE_STARTED = 1 ] && "$E2E_DIR/stack.sh" stop >/dev/null 2>&1' EXIT
}
