#!/usr/bin/env bash
# make run: start the service with the given configuration. When the configuration is the repository's own and no
# Llama Stack answers at LLAMA_STACK_URL (default http://localhost:8321), start the local dev stack first: a real
# Llama Stack 0.2.22 with the deterministic LLM stand-in of e2e/, or with a real vLLM model when VLLM_URL (with /v1)
# and VLLM_MODEL are set.
set -euo pipefail
cd "$(dirname "$0")/.."

config="${1:-lightspeed-stack.yaml}"
jar="$(ls target/lightspeed-stack-*.jar | head -n 1)"
java="${JAVA_HOME:-$(scripts/java-home.sh)}/bin/java"

if [ "$config" = "lightspeed-stack.yaml" ] && [ -z "${LLAMA_STACK_URL:-}" ]; then
	if ! curl -fsS -m 2 http://localhost:8321/v1/health >/dev/null 2>&1; then
		echo "No Llama Stack answers at http://localhost:8321: starting the local dev stack (e2e/stack.sh)."
		export LCS_E2E_STATE="${LCS_E2E_STATE:-$PWD/e2e/.state/dev}"
		e2e/stack.sh start
		trap 'e2e/stack.sh stop' EXIT INT TERM
		# shellcheck disable=SC1091
		. "$LCS_E2E_STATE/env"
		export LLAMA_STACK_URL
	fi
fi

port="${LCS_PORT:-8080}"
cat <<TXT

lightspeed-stack is starting on http://localhost:$port with $config. Try:
  curl -s localhost:$port/v1/info
  curl -s localhost:$port/v1/models
  curl -s -X POST localhost:$port/v1/query -H 'Content-Type: application/json' -d '{"query":"What is Kubernetes?"}'
  curl -sN -X POST localhost:$port/v1/streaming_query -H 'Content-Type: application/json' -d '{"query":"What is Kubernetes?"}'

TXT
# shellcheck disable=SC2046
"$java" @scripts/jvm-options -jar "$jar" -c "$config"
