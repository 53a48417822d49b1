#!/usr/bin/env bash
# deploy/container/test.sh (make test-container, after make image): the image run the way the manifests run it, and
# checked from outside. The container gets a read-only root filesystem, the manifests' 1 GiB memory limit, no
# capabilities, a read-only configuration and the host's network, to reach on loopback a real Llama Stack
# (e2e/stack.sh, state in target/container-test) and the PostgreSQL of scripts/with-postgres.sh (over TLS). Its
# configuration is the Backstage wiring: noop authentication, the user named by ?user_id=. JAVA_TOOL_OPTIONS makes
# the JVM refuse to start without the image's AOT cache. Prints "container: N passed, N failed" last.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -n "${LCS_TEST_POSTGRES_PORT:-}" ] || exec scripts/with-postgres.sh "$0" "$@"
. deploy/container/podman.sh
. deploy/container/checks.sh

image="${LCS_IMAGE:-localhost/lightspeed-stack:0.2.0}"
state="$PWD/target/container-test"
name="lcs-container-test-$$"
export LCS_E2E_STATE="$state/e2e"
limit=$((1024 * 1024 * 1024))  # the manifests' memory limit (deploy/kubernetes/*/deployment.yaml)
cleanup() {
	podman_ logs "$name" >"$state/container.log" 2>&1 || true
	podman_ rm -f "$name" >/dev/null 2>&1 || true
	e2e/stack.sh stop >/dev/null 2>&1 || true
}
rm -rf "$state"
mkdir -p "$state"
trap cleanup EXIT

echo "container: the image"
check_image "$image" 400

echo "container: started against a real Llama Stack and PostgreSQL"
e2e/stack.sh start >"$state/stack.log" 2>&1 || { tail -20 "$state/stack.log"; exit 1; }
. "$LCS_E2E_STATE/env"
port="$(free_port)"
url="http://127.0.0.1:$port"
cat >"$state/lightspeed-stack.yaml" <<YAML
name: container-test
service:
  host: 127.0.0.1
  port: $port
  color_log: false
llama_stack:
  url: $LLAMA_STACK_URL
user_data_collection:
  feedback_enabled: true
  feedback_storage: /tmp/data/feedback
  transcripts_enabled: true
  transcripts_storage: /tmp/data/transcripts
database:
  postgres:
    host: $LCS_TEST_POSTGRES_HOST
    port: $LCS_TEST_POSTGRES_PORT
    db: $LCS_TEST_POSTGRES_DB
    user: $LCS_TEST_POSTGRES_USER
    password: \${env.POSTGRES_PASSWORD}
    ssl_mode: require
authentication:
  module: noop
YAML
t0=$(date +%s%N)
podman_ run -d --name "$name" "${LCS_PODMAN_LIMITS[@]}" --no-healthcheck --network host --read-only \
	--memory "$limit" --cap-drop ALL --security-opt no-new-privileges \
	-e POSTGRES_PASSWORD="$LCS_TEST_POSTGRES_PASSWORD" -e JAVA_TOOL_OPTIONS=-XX:AOTMode=on \
	-v "$state/lightspeed-stack.yaml:/etc/lightspeed-stack/lightspeed-stack.yaml:ro" \
	"$image" -c /etc/lightspeed-stack/lightspeed-stack.yaml >/dev/null
await_ready "$name" "$url" "$t0" 60
pid="$(podman_ inspect --format '{{.State.Pid}}' "$name")"
echo "  live after $live ms, ready after $ready ms (podman run included); $(podman_ logs "$name" 2>&1 |
	grep -o 'Started LightspeedStackApplication in [0-9.]* seconds')"
check "answers /liveness" contains "$(http "$url/liveness")" '{"alive":true}'
check "is ready: Llama Stack reached" contains "$(http "$url/readiness")" '"ready":true'
check "service runs as uid 1001" contains "$(podman_ exec "$name" grep '^Uid:' /proc/1/status)" "1001"
check "root filesystem is read-only, even to root" \
	contains "$(podman_ exec --user 0 "$name" touch /usr/lib/x 2>&1)" "Read-only file system"
percentage="$(grep -o 'MaxRAMPercentage=[0-9]*' scripts/jvm-options | cut -d= -f2)"
check_heap "$url" "$limit" "$percentage"
# the image's check names port 8080; this container listens on a free port of the host's network
health="$(podman_ image inspect --format '{{index .Config.Healthcheck.Test 1}}' "$image")"
check "the image's health check passes" podman_ exec "$name" /bin/sh -c "${health//8080/$port}"
while IFS=$'\t' read -r probe script; do
	check "$probe passes" podman_ exec "$name" bash -c "${script//8080/$port}"
done < <("$(deploy/tools-venv.sh)/bin/python" - deploy/kubernetes/*/*.yaml <<'PYTHON'
import sys, yaml  # the manifests' probes that run in the container (where the service listens on loopback)
for path in sys.argv[1:]:
    for document in yaml.safe_load_all(open(path)):
        for container in (document or {}).get("spec", {}).get("template", {}).get("spec", {}).get("containers", []):
            for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
                command = container.get(probe, {}).get("exec", {}).get("command")
                if "/lightspeed-stack:" in container["image"] and command:
                    print(f"{path.split('/', 2)[2]} {probe}\t{command[2]}")
PYTHON
)

echo "container: what the Backstage plugin does (noop authentication, ?user_id=)"
alice="user_id=user%3Adefault%2Falice"
answer="$(http -X POST "$url/v1/query?$alice" -H 'Content-Type: application/json' \
	-d '{"query":"What is Kubernetes?"}')"
check "a question is answered through Llama Stack" contains "$answer" '"response":"Kubernetes is'
conversation="$(sed -n 's/.*"conversation_id":"\([^"]*\)".*/\1/p' <<<"$answer")"
check "the conversation is alice's (PostgreSQL)" contains "$(http "$url/v2/conversations?$alice")" "$conversation"
check "and not bob's" \
	test "$(http -o /dev/null -w '%{http_code}' "$url/v2/conversations/$conversation?user_id=user%3Adefault%2Fbob")" = 403
stream="$(http -N -X POST "$url/v1/streaming_query?$alice" -H 'Content-Type: application/json' \
	-d "{\"query\":\"And what is a pod?\",\"conversation_id\":\"$conversation\"}")"
check "a follow-up is streamed to its end event" contains "$stream" '"event": "end"'
feedback="{\"conversation_id\":\"$conversation\",\"user_question\":\"What is Kubernetes?\",\"llm_response\":\"An"
feedback+=" orchestrator\",\"user_feedback\":\"Clear\",\"sentiment\":1}"
check "feedback is taken" contains "$(http -X POST "$url/v1/feedback?$alice" -H 'Content-Type: application/json' \
	-d "$feedback")" '"response":"feedback received"'
check "and written under /tmp/data, the writable volume" \
	test "$(podman_ exec "$name" find /tmp/data/feedback -name '*.json' | wc -l)" = 1
echo "  resident memory after these requests: $(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status") MiB"

echo "container: stopped with SIGTERM"
stop_container "$name"
check "exits on SIGTERM in $stop ms, well before the 30 s kill" test "$stop" -lt 10000
check "with the JVM's status for SIGTERM (143, not 137 for a kill)" test "$code" = 143
check "nothing logged at ERROR" test "$(podman_ logs "$name" 2>&1 | grep -c ' ERROR ')" = 0

echo "container: $passed passed, $failed failed"
[ "$failed" = 0 ] || { echo "container log: $state/container.log"; exit 1; }
