#!/usr/bin/env bash
# make run: start the service with the given configuration. When the configuration is the repository's own and no
# Llama Stack answers at LLAMA_STACK_URL (default http://localhost:8321), start the local dev stack first: a real
# OGX 1.5.0 (or the generation LCS_E2E_LS_VERSION names: 0.2.22, 0.5.4) with the deterministic LLM stand-in of
# e2e/, or with a real vLLM model when VLLM_URL (with /v1) and VLLM_MODEL are set (OGX and 0.2.22), and its MCP
# server, which lightspeed-stack.yaml then offers to the model (DEV_MCP_SERVER_URL).
#
#   scripts/run.sh --check [CONFIG]   exit 1 with a message when make run already runs in this checkout, or when the
#                                     repository configuration's port (LCS_PORT, default 8080) is taken; make run
#                                     calls it before building, so a running service's jar is not rebuilt under it
#   scripts/run.sh [CONFIG]           run (holds e2e/.state/dev/make-run.lock while it runs)
set -euo pipefail
cd "$(dirname "$0")/.."

check_only=false
if [ "${1:-}" = "--check" ]; then
	check_only=true
	shift
fi
config="${1:-lightspeed-stack.yaml}"
port="${LCS_PORT:-8080}"
state="${LCS_E2E_STATE:-$PWD/e2e/.state/dev}"
mkdir -p "$state"

# fd 9: held as long as this script (and the service it starts) runs; e2e/stack.sh does not pass it on
exec 9>>"$state/make-run.lock"
if ! flock -n 9; then
	pid="$(cat "$state/make-run.pid" 2>/dev/null || true)"
	echo "make run is already running in this checkout${pid:+ (pid $pid)}: stop it first (Ctrl-C in its terminal)." >&2
	exit 1
fi
if [ "$config" = "lightspeed-stack.yaml" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
	echo "Port $port is taken by another program: stop it, or choose another port, e.g. LCS_PORT=8081 make run." >&2
	exit 1
fi
if $check_only; then
	exit 0
fi
echo $$ >"$state/make-run.pid"

jar="$(ls target/lightspeed-stack-*.jar | head -n 1)"
java="${JAVA_HOME:-$(scripts/java-home.sh)}/bin/java"
tool_line=""

if [ "$config" = "lightspeed-stack.yaml" ] && [ -z "${LLAMA_STACK_URL:-}" ]; then
	if ! curl -fsS -m 2 http://localhost:8321/v1/health >/dev/null 2>&1; then
		export LCS_E2E_LS_VERSION="${LCS_E2E_LS_VERSION:-ogx-1.5.0}"
		echo "No Llama Stack answers at http://localhost:8321: starting the local dev stack (e2e/stack.sh," \
			"generation $LCS_E2E_LS_VERSION)."
		export LCS_E2E_STATE="$state"
		e2e/stack.sh start
		trap 'e2e/stack.sh stop' EXIT INT TERM
		# shellcheck disable=SC1091
		. "$LCS_E2E_STATE/env"
		export LLAMA_STACK_URL
		# lightspeed-stack.yaml registers the stack's MCP server (tools list_pods and cluster_version)
		export DEV_MCP_PROVIDER=model-context-protocol DEV_MCP_SERVER_URL="$MCP_SERVER_URL"
		tool_line="  curl -s -X POST localhost:$port/v1/query -H 'Content-Type: application/json' -d '{\"query\":\"Please use the tool list_pods in namespace demo\"}'"
	fi
fi

cat <<TXT

lightspeed-stack is starting on http://localhost:$port with $config. Try:
  curl -s localhost:$port/v1/info
  curl -s localhost:$port/v1/models
  curl -s -X POST localhost:$port/v1/query -H 'Content-Type: application/json' -d '{"query":"What is Kubernetes?"}'
  curl -sN -X POST localhost:$port/v1/streaming_query -H 'Content-Type: application/json' -d '{"query":"What is Kubernetes?"}'
${tool_line:+$tool_line
}  curl -s localhost:$port/metrics

TXT
# shellcheck disable=SC2046
"$java" @scripts/jvm-options -jar "$jar" -c "$config"
