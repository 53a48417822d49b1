#!/usr/bin/env bash
# scripts/fake-llama-stack.sh [FLAGS...]: builds bench/fake-llama-stack (Go, standard library only) into
# target/fake-llama-stack and runs it with FLAGS (e.g. -api responses -addr 127.0.0.1:0). Installs Debian's golang-go
# when no Go toolchain is found (CI's fresh machines run as root). Used by FuzzReliability's Responses pass.
set -euo pipefail
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$PATH:/usr/local/go/bin"
if ! command -v go >/dev/null; then
	echo "Installing: golang-go" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go >/dev/null
fi
bin="$REPO_DIR/target/fake-llama-stack/fake-llama-stack"
mkdir -p "$(dirname "$bin")"
(cd "$REPO_DIR/bench/fake-llama-stack" && go build -o "$bin" .)
exec "$bin" "$@"
