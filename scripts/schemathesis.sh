#!/usr/bin/env bash
# scripts/schemathesis.sh URL [SCHEMATHESIS-OPTIONS...]: property-based tests of every operation of the OpenAPI
# document at URL (schemathesis run). Schemathesis comes from scripts/schemathesis/requirements.lock, installed into
# /opt/schemathesis in the e2e harness's Debian root (Python 3.13, e2e/lib/python.sh) and re-installed when the lock
# changes; it runs there, on the host's loopback. Needs root, like the e2e harness. Used by FuzzReliability.
set -euo pipefail
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LCS_E2E_QUIET="${LCS_E2E_QUIET:-1}"
# shellcheck source=../e2e/lib/python.sh disable=SC1091
. "$REPO_DIR/e2e/lib/python.sh"
VENV=/opt/schemathesis
lcs_py_ensure_lock_venv "$VENV" "$REPO_DIR/scripts/schemathesis/requirements.lock" schemathesis schemathesis
lcs_py_chroot "$VENV/bin/schemathesis" run "$@"
