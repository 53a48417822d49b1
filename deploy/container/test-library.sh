#!/usr/bin/env bash
# deploy/container/test-library.sh (make test-container, after make image-library): the library-mode image run in
# library mode, as RHDH's local setup runs it, and checked from outside. The container gets a read-only root
# filesystem with /tmp a volume (target/container-test-library/tmp) as its only writable path, a 2 GiB memory limit
# for the JVM and Llama Stack, no capabilities, and the host's network, to reach on loopback the e2e harness's LLM
# stand-in (e2e/fake_llm). Its lightspeed-stack.yaml names the harness's run configuration of Llama Stack 0.5.4,
# mounted read-only, so the service starts that Llama Stack inside the container. Proxies point to a closed port:
# what would try the internet fails. Prints "container (library mode): N passed, N failed" last.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/container/podman.sh
. deploy/container/checks.sh

image="${LCS_LIBRARY_IMAGE:-localhost/lightspeed-stack-library:0.2.0}"
state="$PWD/target/container-test-library"
name="lcs-container-library-test-$$"
limit=$((2 * 1024 * 1024 * 1024))
fake_pid=""

cleanup() {
	podman_ logs "$name" >"$state/container.log" 2>&1 || true
	podman_ rm -f "$name" >/dev/null 2>&1 || true
	[ -z "$fake_pid" ] || kill "$fake_pid" 2>/dev/null || true
}
rm -rf "$state"
mkdir -p "$state/tmp"
chown 1001:0 "$state/tmp"
trap cleanup EXIT

echo "container (library mode): the image"
check_image "$image" 800

echo "container (library mode): Llama Stack 0.5.4 started by the service, inside the container"
fake_port="$(free_port)"
FAKE_LLM_LOG="$state/fake-llm-requests.jsonl" python3 e2e/fake_llm/fake_llm.py --host 127.0.0.1 --port "$fake_port" \
	>"$state/fake-llm.log" 2>&1 &
fake_pid=$!
for _ in $(seq 50); do http -o /dev/null -f "http://127.0.0.1:$fake_port/health" && break; sleep 0.1; done
port="$(free_port)"
url="http://127.0.0.1:$port"
cat >"$state/lightspeed-stack.yaml" <<YAML
name: container-library-test
service:
  host: 127.0.0.1
  port: $port
  color_log: false
llama_stack:
  use_as_library_client: true
  library_client_config_path: /etc/lightspeed-stack/run.yaml
user_data_collection: {}
authentication:
  module: noop
YAML
t0=$(date +%s%N)
podman_ run -d --name "$name" "${LCS_PODMAN_LIMITS[@]}" --no-healthcheck --network host --read-only \
	--read-only-tmpfs=false -v "$state/tmp:/tmp" --memory "$limit" --cap-drop ALL --security-opt no-new-privileges \
	-e JAVA_TOOL_OPTIONS=-XX:AOTMode=on -e FAKE_LLM_URL="http://127.0.0.1:$fake_port/v1" -e LS_DIR=/tmp/llama-stack \
	-e http_proxy=http://127.0.0.1:9 -e https_proxy=http://127.0.0.1:9 -e no_proxy=127.0.0.1,localhost \
	-v "$state/lightspeed-stack.yaml:/etc/lightspeed-stack/lightspeed-stack.yaml:ro" \
	-v "$PWD/e2e/llama-stack/0.5.4/run.yaml:/etc/lightspeed-stack/run.yaml:ro" \
	"$image" -c /etc/lightspeed-stack/lightspeed-stack.yaml >/dev/null
await_ready "$name" "$url" "$t0" 240
pid="$(podman_ inspect --format '{{.State.Pid}}' "$name")"
echo "  live after $live ms, ready after $ready ms (podman run included); $(podman_ logs "$name" 2>&1 |
	grep -o 'Llama Stack [0-9.]* (pid [0-9]*) answers on .*' | sed 's/ on [^,]*,/,/')"
check "answers /liveness" contains "$(http "$url/liveness")" '{"alive":true}'
check "is ready: the Llama Stack it started answers" contains "$(http "$url/readiness")" '"ready":true'
check "that Llama Stack is 0.5.4" contains "$(http "$url/v1/info")" '"llama_stack_version":"0.5.4"'
python="$(pgrep -P "$pid" | head -1 || true)"
check "it is the service's child, run as uid 1001" contains "$(grep '^Uid:' "/proc/$python/status")" "1001"
answer="$(http -X POST "$url/v1/query" -H 'Content-Type: application/json' \
	-d '{"query":"What is Kubernetes?","model":"fake-model","provider":"openai"}')"
check "a question is answered through it by the LLM stand-in" contains "$answer" '"response":"Kubernetes is'
check "which got the question" grep -q 'What is Kubernetes?' "$state/fake-llm-requests.jsonl"
check "Llama Stack's stores are on the /tmp volume" test -s "$state/tmp/llama-stack/sql_store.db"
writable="$(podman_ exec "$name" bash -c 'for d in / /etc /opt/llama-stack /app-root /var/tmp /run /tmp; do
	touch "$d/.w" 2>/dev/null && echo "$d"; done')"
check "the only writable path is the /tmp volume" test "$(echo $writable)" = /tmp
check_heap "$url" "$limit" 50
rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$1/status"; }  # PID: its resident memory in MiB
echo "  resident memory after the question: service $(rss "$pid") MiB, Llama Stack $(rss "$python") MiB"

echo "container (library mode): stopped with SIGTERM"
stop_container "$name"
log="$(podman_ logs "$name" 2>&1)"
check "exits on SIGTERM in $stop ms, well before the 30 s kill" test "$stop" -lt 20000
check "with the JVM's status for SIGTERM (143, not 137 for a kill)" test "$code" = 143
check "having stopped Llama Stack with SIGTERM, not a kill" \
	test "$(grep -c 'Stopping Llama Stack' <<<"$log"):$(grep -c 'killing it' <<<"$log")" = 1:0
# Llama Stack 0.5.4 itself logs one error at every stop (a traceback: its SQLite key-value store has no close())
check "nothing logged at ERROR but by Llama Stack" test "$(grep ' ERROR ' <<<"$log" | grep -cvE ' llama-stack +: ')" = 0

echo "container (library mode): $passed passed, $failed failed"
[ "$failed" = 0 ] || { echo "container log: $state/container.log"; exit 1; }
