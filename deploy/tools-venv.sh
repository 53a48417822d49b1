#!/usr/bin/env bash
# deploy/tools-venv.sh: prints the path of a Python virtual environment with the tools of deploy/requirements.lock
# (exact versions and hashes; kubernetes-validate, check-jsonschema, PyYAML), under $LCS_CONTAINER_CACHE (default
# /var/cache/lightspeed-stack-container), installed again when the lock changes.
set -euo pipefail
cd "$(dirname "$0")/.."

cache="${LCS_CONTAINER_CACHE:-/var/cache/lightspeed-stack-container}"
lock=deploy/requirements.lock
venv="$cache/tools-venv"
sum="$(sha256sum "$lock" | cut -c1-64)"
mkdir -p "$cache"
exec 9>"$cache/.tools-venv-lock"
flock -w 600 9
if [ "$(cat "$venv/.lock-sha256" 2>/dev/null)" != "$sum" ]; then
	echo "tools-venv.sh: installing $lock into $venv" >&2
	rm -rf "$venv"
	python3 -m venv "$venv"
	"$venv/bin/pip" install -q --disable-pip-version-check --no-deps --only-binary=:all: --require-hashes -r "$lock" >&2
	echo "$sum" >"$venv/.lock-sha256"
fi
echo "$venv"
