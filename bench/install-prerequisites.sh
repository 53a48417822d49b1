#!/usr/bin/env bash
# Installs what bench/run.sh needs beyond the test suite's prerequisites: wrk, nginx, ss, and a Go toolchain for the
# fake Llama Stack when none is on PATH (Debian's golang-go builds it: it uses the standard library only).
set -euo pipefail
export PATH="$PATH:/usr/local/go/bin"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx)
command -v go >/dev/null || missing+=(golang-go)
command -v ss >/dev/null || missing+=(iproute2)
if [ ${#missing[@]} -gt 0 ]; then
	echo "Installing: ${missing[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
