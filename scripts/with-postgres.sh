#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL, so the PostgreSQL tests (gated on LCS_TEST_POSTGRES_*) run too:
#   scripts/with-postgres.sh ./mvnw -B verify
# Starts scripts/postgres-test-server.sh, exports its LCS_TEST_POSTGRES_* variables, runs the command and stops the
# server afterwards: on success, on failure, on Ctrl-C/TERM, and (through a watchdog) when this script is killed
# outright. The command's exit status is this script's. When LCS_TEST_POSTGRES_PORT is already set, the command runs
# against that server and nothing is started or stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARG...]" >&2; exit 2; }

if [ -n "${LCS_TEST_POSTGRES_PORT:-}" ]; then
	exec "$@"
fi

server="$PWD/scripts/postgres-test-server.sh"
env_file="$(mktemp)"
log_file="$(mktemp)"
if ! "$server" > "$env_file" 2> "$log_file"; then
	cat "$log_file" >&2
	rm -f "$env_file" "$log_file"
	echo "with-postgres: could not start PostgreSQL" >&2
	exit 1
fi
rm -f "$log_file"
# shellcheck disable=SC1090
. "$env_file"
rm -f "$env_file"

stop_postgres() { "$server" stop "$LCS_TEST_POSTGRES_DIR" >/dev/null 2>&1 || true; }
trap stop_postgres EXIT
trap 'exit 130' INT TERM

# The watchdog outlives a `kill -9` of this script and then stops the server.
setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; "$2" stop "$3" >/dev/null 2>&1' \
	watchdog "$$" "$server" "$LCS_TEST_POSTGRES_DIR" </dev/null >/dev/null 2>&1 &

echo "with-postgres: PostgreSQL on 127.0.0.1:$LCS_TEST_POSTGRES_PORT for: $*" >&2
status=0
"$@" || status=$?
exit "$status"
