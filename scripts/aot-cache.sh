#!/usr/bin/env bash
# scripts/aot-cache.sh JAR DIR: the jar extracted into DIR (plain jars on a class path load faster than nested ones)
# with a JDK AOT cache, DIR/app.aot, from a training run that starts the application, sends it the requests a
# service answers first (probes, a question, a stream, bad input), and stops it; the JVM writes the cache as it exits.
# Run it as: java @scripts/jvm-options -XX:AOTCache=DIR/app.aot -Dorg.sqlite.lib.path=DIR/native
# -jar DIR/<jar name> -c CONFIG, with DIR absolute (the cache holds the class path it was trained with).
# Start-up to ready drops from 5-7 s to about 2 s on 2 cores (docs/performance.md). Reused while the jar,
# scripts/jvm-options and this script are unchanged (a cache loads only with the heap and GC options it was
# trained with).
# AOT_TRAINING_PORT: the port of the training run (default: a free one).
set -euo pipefail
cd "$(dirname "$0")/.."
# the cache records the class path as given: train with the absolute path the service is started with
jar="$(readlink -f "$1")" dir="$(mkdir -p "$2" && cd "$2" && pwd)"
java="${JAVA_HOME:-$(scripts/java-home.sh)}/bin/java"
# the JDK's jar tool, beside java or else on PATH: a runtime made by jlink, as in the image, has none of its own
jar_tool="$(dirname "$java")/jar"
[ -x "$jar_tool" ] || jar_tool=jar
sum="$(cat "$jar" scripts/jvm-options scripts/aot-cache.sh | sha256sum | cut -c1-32)"
if [ -f "$dir/app.aot" ] && [ "$(cat "$dir/.sha256" 2>/dev/null)" = "$sum" ]; then
	exit 0
fi
[ "$dir" != / ] || { echo "aot-cache.sh: refusing to use / as the directory" >&2; exit 2; }
find "$dir" -mindepth 1 -delete
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
# SQLite's native library for this machine in DIR/native: given -Dorg.sqlite.lib.path=DIR/native, sqlite-jdbc loads
# it from there instead of copying it out of its jar into the temporary directory and comparing the copy byte by byte
# at every start (60 ms of start-up on 2 cores)
sqlite_jar="$(ls "$dir"/lib/sqlite-jdbc-*.jar)"
native="org/sqlite/native/$("$java" -cp "$sqlite_jar" org.sqlite.util.OSInfo)"
mkdir -p "$dir/native"
(cd "$dir/native" && "$jar_tool" xf "$sqlite_jar" "$native" &&
	mv "$native"/* . && rm -r org)
# Training: Llama Stack is not needed (the service starts without it), and nothing is written outside DIR.
mkdir -p "$dir/training"
port="${AOT_TRAINING_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
cat >"$dir/training/lightspeed-stack.yaml" <<YAML
name: aot-training
service:
  host: 127.0.0.1
  port: $port
llama_stack:
  use_as_library_client: false
  url: http://127.0.0.1:9
user_data_collection:
  feedback_enabled: false
  transcripts_enabled: false
database:
  sqlite:
    db_path: $dir/training/training.db
YAML
"$java" @scripts/jvm-options -XX:AOTCacheOutput="$dir/app.aot" -Dorg.sqlite.lib.path="$dir/native" \
	-jar "$dir/$(basename "$jar")" -c "$dir/training/lightspeed-stack.yaml" >"$dir/training/training.log" 2>&1 &
pid=$!
failed() {
	kill "$pid" 2>/dev/null || true
	grep -v '^\[' "$dir/training/training.log" | tail -20 >&2
	exit 1
}
request() (  # METHOD PATH [JSON BODY]: one HTTP/1.1 request, the answer read and dropped
	set -- "$1" "$2" "${3-}"
	exec 3<>"/dev/tcp/127.0.0.1/$port"
	printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n' "$1" "$2" >&3
	printf 'Content-Length: %d\r\n\r\n%s' "${#3}" "$3" >&3
	cat <&3 >/dev/null
)
for _ in $(seq 600); do
	kill -0 "$pid" 2>/dev/null || failed
	request GET /liveness 2>/dev/null && break
	sleep 0.1
done
request GET /liveness || failed  # not up within 60 s
# Without Llama Stack the questions are answered 503: the same controllers, filters, JSON and error paths load.
for path in /readiness /v1/info /v1/models /v1/config /v1/conversations /v1/feedback/status /metrics \
	/v1/no-such-path; do
	request GET "$path" || failed
done
request POST /v1/query '{"query": "What is Kubernetes?"}' || failed
request POST /v1/streaming_query '{"query": "What is Kubernetes?"}' || failed
request POST /v1/query '{"query": ' || failed
kill -TERM "$pid"
wait "$pid" || true
# the JVM writes the cache even when the application failed: a cache of a failed start would be of little use
grep -q 'Started LightspeedStackApplication' "$dir/training/training.log" &&
	grep -q 'AOTCache creation is complete' "$dir/training/training.log" || failed
rm -rf "$dir/training"
echo "$sum" >"$dir/.sha256"
