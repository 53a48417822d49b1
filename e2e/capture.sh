#!/usr/bin/env bash
# e2e/capture.sh [GENERATION...] - record the wire traffic of each Llama Stack generation into
# e2e/captures/<generation>/ (default: all of 0.2.22 0.5.4 ogx-1.5.0). Re-runnable: each run replaces the files.
#
# For each generation: start a fresh stack (own state dir e2e/.state/capture-<generation>) on fixed loopback
# ports (LCS_E2E_CAPTURE_PORTS, default "18431 18432 18433" for fake LLM, MCP server, Llama Stack) so that request
# bodies naming the MCP server are the same every run, run the smoke check with --capture (smoke.sh for the
# Agents API of 0.2.x, smoke-responses.sh for the rest) and smoke-knowledge.sh (into <generation>/knowledge/),
# stop the stack. A failed check fails the run (exit 1)
# but the other generations are still recorded. The files differ between runs only in ids and timestamps.
# How the captures are named and made: e2e/captures/README.md.
set -uo pipefail
E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -gt 0 ] || set -- 0.2.22 0.5.4 ogx-1.5.0
rc=0
for gen in "$@"; do
    state="$E2E_DIR/.state/capture-$gen"
    echo "== capture $gen"
    if LCS_E2E_STATE="$state" LCS_E2E_LS_VERSION="$gen" LCS_E2E_PORTS="${LCS_E2E_CAPTURE_PORTS:-18431 18432 18433}" \
        "$E2E_DIR/stack.sh" start >"$state.start.log" 2>&1; then
        LCS_E2E_STATE="$state" "$E2E_DIR/smoke.sh" --capture || rc=1
        LCS_E2E_STATE="$state" "$E2E_DIR/smoke-knowledge.sh" --capture || rc=1
    else
        tail -20 "$state.start.log" >&2
        echo "capture $gen: stack did not start (log $state.start.log)" >&2
        rc=1
    fi
    LCS_E2E_STATE="$state" "$E2E_DIR/stack.sh" stop >/dev/null 2>&1
done
exit $rc
