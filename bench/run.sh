#!/usr/bin/env bash
# bench/run.sh [--quick]: lightspeed-stack side by side with upstream LCS and an nginx proxy_pass floor, all in front
# of the same fast fake Llama Stack, on this machine, in one go: on the Agents API (a fake Llama Stack 0.2.22) this
# service and upstream LCS 0.2.0, on the Responses API (a fake OGX 1.5.0) this service and upstream LCS 0.7.1.
# Writes bench/results/<time>/results.jsonl and summary.md (the table of docs/performance.md) and prints the table.
#
#   make bench          three runs of every figure, medians; streams 1k/5k/9.5k (about 90 minutes)
#   make bench-quick    one short run of every figure, 200 streams, latency on the instant fake (about 5 minutes):
#                       a smoke test of the harness that fails when a target stops answering, not when a number is
#                       noisy
#
# Environment: BENCH_RUNS, BENCH_DURATION (seconds per wrk point), BENCH_STREAMS ("1000 5000 9500"),
# BENCH_UPSTREAM=0 (leave both upstream LCS out), BENCH_RESPONSES=0 (leave the Responses API side out),
# BENCH_BASELINE_JAR (another build of this service, measured beside this one on the Agents API as target
# "baseline": e.g. the jar of main, to compare two commits in the same runs), BENCH_STATE (default bench/.state),
# JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

quick=0
[ "${1:-}" = "--quick" ] && quick=1
if [ $quick = 1 ]; then
	runs="${BENCH_RUNS:-1}" duration="${BENCH_DURATION:-2}" streams="${BENCH_STREAMS:-200}" ttft_requests=50 ttft_warmup=10
	concurrencies="1 50" slow_tokens=5 ramp=1000 pool=50 warmup=2 settle=1 hold_slack=15
else
	runs="${BENCH_RUNS:-3}" duration="${BENCH_DURATION:-10}" streams="${BENCH_STREAMS:-1000 5000 9500}"
	ttft_requests=1000 ttft_warmup=100 concurrencies="1 50 100 200" slow_tokens=60 ramp=250 pool=200 warmup=10 settle=3
	hold_slack=60
fi
upstream="${BENCH_UPSTREAM:-1}"
responses="${BENCH_RESPONSES:-1}"
state="${BENCH_STATE:-$repo/bench/.state}"
results="$repo/bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$state" "$results"
rm -f "$state"/*.pid
out="$results/results.jsonl"
: >"$out"
export PATH="$PATH:/usr/local/go/bin"
export JAVA_HOME="${JAVA_HOME:-$(scripts/java-home.sh)}"
java="$JAVA_HOME/bin/java"
tag="lcs-bench-$$"
# one configuration file for both services: lightspeed-stack is a drop-in replacement
config="$repo/bench/lightspeed-stack.yaml"
# the fake's model (bench/fake-llama-stack): 0.2.0 needs a default model for follow-ups to work
export LCS_DEFAULT_PROVIDER=fake LCS_DEFAULT_MODEL=fake-model
log() { echo "[bench $(date -u +%T)] $*" >&2; }

# ------------------------------------------------------------------------------------------------ prerequisites
bench/install-prerequisites.sh
jar="$(ls target/lightspeed-stack-*.jar | head -n 1)"
baseline_jar="${BENCH_BASELINE_JAR:-}"
declare -A app_of jar_of
app_of[ours]="$state/app" jar_of[ours]="$jar"
scripts/aot-cache.sh "$jar" "${app_of[ours]}"
if [ -n "$baseline_jar" ]; then
	app_of[baseline]="$state/app-baseline" jar_of[baseline]="$(readlink -f "$baseline_jar")"
	scripts/aot-cache.sh "$baseline_jar" "${app_of[baseline]}"
fi
fake_bin="$state/fake-llama-stack"
(cd bench/fake-llama-stack && go vet . && go test . >/dev/null && go build -o "$fake_bin" .)
# the stream load client compiled once (the source launcher compiled it again at every point, seconds each)
mkdir -p "$state/loadgen"
"$JAVA_HOME/bin/javac" -d "$state/loadgen" bench/loadgen/SseLoad.java
sse_load=("$java" -cp "$state/loadgen" SseLoad)
if [ "$upstream" = 1 ]; then
	bench/upstream/lcs.sh ensure
	[ "$responses" = 1 ] && LCS_UPSTREAM_VERSION=0.7.1 bench/upstream/lcs.sh ensure
fi
# a stream holds two sockets in the service: 9,500 streams need 19,000 of the 20,000 open files allowed here
ulimit -n "$(ulimit -Hn)"

# ------------------------------------------------------------------------------------------------ processes
# Every process gets BENCH_TAG in its environment and its own session, so the exit trap finds all of them.
spawn() {  # NAME CMD... -> pid in $state/NAME.pid
	local name="$1"; shift
	BENCH_TAG="$tag" setsid "$@" </dev/null >>"$state/$name.log" 2>&1 &
	echo $! >"$state/$name.pid"
	disown $!
}
stop_all() {
	local f p
	# Process groups first: nginx overwrites its environment with its process title, so its tag cannot be seen. A
	# group is killed only while its leader still runs from this state directory (pids are reused).
	for f in "$state"/*.pid; do
		case "$f" in "$state"/upstream*.pid) continue ;; esac
		p="$(cat "$f" 2>/dev/null)"
		[ -n "$p" ] && tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -qF "$state" && kill -KILL -- "-$p" 2>/dev/null
	done
	for p in /proc/[0-9]*; do
		grep -qz "^BENCH_TAG=$tag\$" "$p/environ" 2>/dev/null && kill -KILL "${p#/proc/}" 2>/dev/null
	done
	if [ "$upstream" = 1 ]; then
		bench/upstream/lcs.sh stop "$state/upstream" >/dev/null 2>&1
		LCS_UPSTREAM_VERSION=0.7.1 bench/upstream/lcs.sh stop "$state/upstream-0.7.1" >/dev/null 2>&1
	fi
	return 0
}
stop_one() {  # NAME
	local pid; pid="$(cat "$state/$1.pid")"
	case "$1" in
		upstream) bench/upstream/lcs.sh stop "$state/upstream" >/dev/null; return ;;
		upstream-0.7.1) LCS_UPSTREAM_VERSION=0.7.1 bench/upstream/lcs.sh stop "$state/upstream-0.7.1" >/dev/null; return ;;
	esac
	kill -TERM -- "-$pid" 2>/dev/null || true
	for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
	kill -KILL -- "-$pid" 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
millis() { date +%s%3N; }
wait_ok() {  # URL TIMEOUT_S -> 0 when it answered 200
	local deadline=$(($(millis) + $2 * 1000))
	until curl -sf -o /dev/null -m 2 "$1"; do
		[ "$(millis)" -lt $deadline ] || return 1
		sleep 0.01
	done
}
rss_mib() {  # PID -> resident set of the process and its descendants, MiB
	local pids="$1" p kib=0 kids
	kids="$(pgrep -P "$1" 2>/dev/null || true)"
	for p in $kids; do pids="$pids $(rss_tree_pids "$p")"; done
	for p in $pids; do kib=$((kib + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0))); done
	echo $((kib / 1024))
}
rss_tree_pids() { echo "$1"; local k; for k in $(pgrep -P "$1" 2>/dev/null || true); do rss_tree_pids "$k"; done; }
emit() { echo "$1" >>"$out"; }

# ------------------------------------------------------------------------------------------------ targets
# Three fakes a phase, for each API: instant answers (throughput, call counts), paced answers of about 200 ms
# (latency and time to first token at loads a real LLM allows) and slow streams (held streams). The Agents API fakes
# are Llama Stack 0.2.22, the Responses API ones (-api responses) OGX 1.5.0.
declare -A fake_port url pid ready_ms first
fake_args() {  # PHASE -> the fake's pace
	case "$1" in
		instant) echo -tokens 20 -token-delay 0 ;;
		paced) echo -tokens 20 -token-delay 10ms ;;
		slow) echo -tokens "$slow_tokens" -token-delay 1s ;;
	esac
}
apis="agents"
[ "$responses" = 1 ] && apis="agents responses"
for phase in instant paced slow; do
	for api in $apis; do
		fake_port[$phase-$api]="$(free_port)"
		# shellcheck disable=SC2046  # fake_args gives several words
		spawn "fake-$phase-$api" "$fake_bin" -api "$api" -addr "127.0.0.1:${fake_port[$phase-$api]}" $(fake_args "$phase")
	done
done
for phase in instant paced slow; do
	for api in $apis; do wait_ok "http://127.0.0.1:${fake_port[$phase-$api]}/v1/health" 10; done
done
# the API of each target's fake: this service and upstream LCS 0.7.1 on the Responses API
api_of() { case "$1" in *-responses | upstream-0.7.1) echo responses ;; *) echo agents ;; esac; }
fake_url() { echo "http://127.0.0.1:${fake_port[$phase-$(api_of "$1")]}"; }  # NAME (in the current $phase)

start_target() {  # NAME -> url[NAME], pid[NAME]; emits the start-up time and idle RSS
	local name="$1" ls_url port t0 ready
	ls_url="$(fake_url "$name")"
	port="$(free_port)"
	url[$name]="http://127.0.0.1:$port"
	t0="$(millis)"
	case "$name" in
		ours* | baseline)
			local build="${name%-responses}"
			mkdir -p "$state/$name-data"
			# Held streams: the JVM sized as in a container with a 1 GiB memory limit (its heap at 75% of that),
			# the budget the target gives; elsewhere it sizes itself by the machine's RAM, as outside a container.
			local budget=()
			[ "$phase" = slow ] && budget=(-XX:MaxRAM=1g)
			LCS_PORT="$port" LLAMA_STACK_URL="$ls_url" LCS_DATA_DIR="$state/$name-data" \
				spawn "$name" "$java" @scripts/jvm-options "${budget[@]}" -XX:AOTCache="${app_of[$build]}/app.aot" \
				-Dorg.sqlite.lib.path="${app_of[$build]}/native" \
				-jar "${app_of[$build]}/$(basename "${jar_of[$build]}")" -c "$config"
			;;
		upstream*)
			# lcs.sh answers 3 when the port was taken meanwhile (a client socket of the load generator)
			local rc=3 version=0.2.0
			[ "$name" = upstream-0.7.1 ] && version=0.7.1
			while [ $rc = 3 ]; do
				rc=0
				LCS_UPSTREAM_VERSION="$version" LLAMA_STACK_URL="$ls_url" bench/upstream/lcs.sh start "$port" \
					"$config" "$state/$name.log" "$state/$name" >"$state/$name.pid" || rc=$?
				[ $rc = 3 ] && port="$(free_port)" && url[$name]="http://127.0.0.1:$port"
			done
			[ $rc = 0 ] || { log "upstream LCS $version did not start (lcs.sh: $rc)"; exit 1; }
			;;
		nginx)
			mkdir -p "$state/nginx"
			sed -e "s|@PORT@|$port|; s|@UPSTREAM@|${ls_url#http://}|; s|@STATE@|$state/nginx|g" bench/nginx.conf \
				>"$state/nginx/nginx.conf"
			spawn nginx nginx -c "$state/nginx/nginx.conf" -p "$state/nginx"
			;;
	esac
	pid[$name]="$(tail -n 1 "$state/$name.pid")"
	[ "$name" = nginx ] && { wait_ok "${url[$name]}/v1/health" 10; return; }
	wait_ok "${url[$name]}/readiness" 120 || { tail -20 "$state/$name.log" >&2; log "$name did not get ready"; exit 1; }
	ready_ms[$name]=$(($(millis) - t0))
	log "$name ready in ${ready_ms[$name]} ms on ${url[$name]}"
	# the first question, in the background: against the slow fake it takes a minute (start_phase waits for it)
	curl -sf -o /dev/null -X POST "${url[$name]}/v1/query" -H 'Content-Type: application/json' \
		-d '{"query": "warm up"}' &
	first[$name]=$!
}

warm_up() {  # the JIT compiles the hot paths before anything is measured (every target gets the same)
	local name
	for name in $targets; do
		BENCH_IDS="${ids[$name]:-}" wrk -t 2 -c 16 -d "${warmup}s" -s bench/loadgen/query.lua "${url[$name]}/v1/query" \
			>/dev/null
	done
}

# fake and nginx are the floors (the fake's own /v1/query and /v1/streaming_query, the same code for both APIs), run
# on the Agents API fake; the services are measured in front of their API's fake
services="ours"
[ -n "$baseline_jar" ] && services="$services baseline"
[ "$upstream" = 1 ] && services="$services upstream"
[ "$responses" = 1 ] && services="$services ours-responses"
[ "$upstream" = 1 ] && [ "$responses" = 1 ] && services="$services upstream-0.7.1"
targets="fake nginx $services"

start_phase() {  # PHASE: the services and nginx in front of that phase's fakes
	local name
	phase="$1"
	url[fake]="$(fake_url fake)"
	# Every target of the previous phase is stopped before the first starts: a service still working off the
	# backlog of a point it could not keep up with would take CPU from the next one's start-up.
	for name in ${targets#fake}; do
		[ -n "${pid[$name]:-}" ] && stop_one "$name"
	done
	for name in ${targets#fake}; do
		start_target "$name"
	done
	for name in ${targets#fake nginx}; do
		wait "${first[$name]}" || { log "$name does not answer /v1/query"; exit 1; }
	done
	# idle RSS once the first answer's work has settled
	sleep "$settle"
	for name in ${targets#fake nginx}; do
		emit "{\"metric\": \"startup\", \"target\": \"$name\", \"ready_ms\": ${ready_ms[$name]}, \"idle_rss_mib\": $(rss_mib "${pid[$name]}")}"
	done
}

# ------------------------------------------------------------------------------------------------ measurements
calls() {  # NAME: Llama Stack calls the fake saw for one new and one follow-up query
	local name="$1" fake body id new follow
	fake="$(fake_url "$name")"
	# one query first, uncounted: this service reads the catalogue (models, shields, vector stores) at most once in
	# 30 s, not per query, and the start-up query of another target may have been more than 30 s ago
	curl -sf -o /dev/null -X POST "${url[$name]}/v1/query" -H 'Content-Type: application/json' -d '{"query": "hi"}'
	sleep 1
	curl -sf -X POST "$fake/bench/reset" >/dev/null
	body="$(curl -sf -X POST "${url[$name]}/v1/query" -H 'Content-Type: application/json' -d '{"query": "hi"}')"
	sleep 1 # the topic summary of a new conversation runs after the answer
	new="$(curl -sf "$fake/bench/stats")"
	id="$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["conversation_id"])' "$body")"
	curl -sf -X POST "$fake/bench/reset" >/dev/null
	curl -sf -o /dev/null -X POST "${url[$name]}/v1/query" -H 'Content-Type: application/json' \
		-d "{\"query\": \"again\", \"conversation_id\": \"$id\"}"
	follow="$(curl -sf "$fake/bench/stats")"
	emit "{\"metric\": \"calls\", \"target\": \"$name\", \"new\": $new, \"follow_up\": $follow}"
}

declare -A ids
conversations() {  # COUNT -> ids[NAME]: a file of COUNT conversations of the default user per service
	local name file
	# all services at once: against the slow fakes a first answer takes a minute
	for name in $services; do
		python3 bench/loadgen/conversations.py "${url[$name]}" "$1" >"$state/ids-$name" &
	done
	wait
	for name in $services; do
		file="$state/ids-$name"
		[ "$(wc -l <"$file")" = "$1" ] || { log "$name: could not start $1 conversations"; exit 1; }
		ids[$name]="$file"
	done
}

wrk_point() {  # RUN NAME CONCURRENCY METRIC
	local run="$1" name="$2" c="$3" metric="$4" threads=2 sampler="" peak=0 line
	[ "$c" = 1 ] && threads=1
	if [ -n "${pid[$name]:-}" ]; then
		echo 0 >"$state/peak"
		# the sampler is killed at any moment: the file is replaced whole, never seen empty
		(peak=0; while :; do r="$(rss_mib "${pid[$name]}")"
			[ "$r" -gt $peak ] && peak=$r && echo $peak >"$state/peak.new" && mv -f "$state/peak.new" "$state/peak"
			sleep 0.25; done) &
		sampler=$!
	fi
	line="$(BENCH_IDS="${ids[$name]:-}" wrk -t "$threads" -c "$c" -d "${duration}s" --timeout 10s \
		-s bench/loadgen/query.lua "${url[$name]}/v1/query" | tail -n 1)"
	if [ -n "$sampler" ]; then kill "$sampler"; wait "$sampler" 2>/dev/null || true; peak="$(cat "$state/peak")"; fi
	emit "{\"metric\": \"$metric\", \"target\": \"$name\", \"run\": $run, \"concurrency\": $c, \"rss_mib\": $peak, \"wrk\": $line}"
	log "$metric $name c=$c: $line"
}

ttft_point() {  # RUN NAME: follow-up questions, streamed, 10 at a time, after uncounted warm-up streams
	local line
	line="$("${sse_load[@]}" ttft "${url[$2]}/v1/streaming_query" \
		'{"query": "What is Kubernetes?", "conversation_id": "@ID@"}' "$ttft_warmup" "$ttft_requests" 10 \
		"${ids[$2]:-/dev/null}")"
	emit "{\"metric\": \"ttft\", \"target\": \"$2\", \"run\": $1, \"sse\": $line}"
	log "ttft $2: $line"
}

log "fake Llama Stacks: $(for k in "${!fake_port[@]}"; do printf '%s %s, ' "$k" "${fake_port[$k]}"; done)"
all_targets="$targets"
for run in $(seq 1 "$runs"); do
	# a baseline build is measured after this one in odd runs and before it in even ones, so that neither always
	# meets the machine as the other left it
	targets="$all_targets"
	[ -n "$baseline_jar" ] && [ $((run % 2)) = 0 ] && targets="$(echo "$all_targets" | sed 's/\bours baseline\b/baseline ours/')"
	start_phase instant
	[ "$run" = 1 ] && for name in $services; do calls "$name"; done
	conversations "$pool"
	warm_up
	for name in $targets; do wrk_point "$run" "$name" 64 throughput; done

	# the quick run measures latency on the instant fake: its figures are no use, its points check the harness
	if [ $quick = 0 ]; then
		start_phase paced
		conversations "$pool"
		warm_up
	fi
	for c in $concurrencies; do
		for name in $targets; do wrk_point "$run" "$name" "$c" latency; done
	done
	for name in $targets; do ttft_point "$run" "$name"; done
done

# Held streams: a stream lasts $slow_tokens s and they open at $ramp a second, so all are open at once (9,500 take
# 38 s to open and the first closes after 60 s). A faster ramp measures the machine's accept rate, not holding: on
# two slow cores, 1,000 new streams a second on top of 9,500 events a second left accepted connections unread for
# Jetty's 30 s idle timeout. They are follow-ups in 20 conversations (a new conversation would add its topic
# summary's stream).
start_phase slow
conversations 20
# A closed connection stays in TIME_WAIT for 60 s, and a new connection that draws the port pair of one waits for SYN
# retries (seen as connect timeouts); every point of thousands of streams starts once the previous point's have gone
# (the quick run's 200 streams do not need it).
drain_time_wait() {
	[ $quick = 1 ] && return
	local deadline=$(($(millis) + 70000))
	while [ "$(ss -Htan state time-wait | wc -l)" -gt 100 ] && [ "$(millis)" -lt $deadline ]; do sleep 2; done
}
# A service that completed none of a point's streams is not given the larger points (upstream LCS 0.2.0 completes
# none of 1,000): they would take minutes each to show the same. The services take turns at each point (with a
# baseline build, in the other order at every other point), so that none meets the machine only as the others left
# it.
declare -A held
point=0
for n in $streams; do
	point=$((point + 1))
	order="$services"
	[ -n "$baseline_jar" ] && [ $((point % 2)) = 0 ] && order="$(echo "$services" | sed 's/\bours baseline\b/baseline ours/')"
	for name in $order; do
		if [ "${held[$name]:-1}" = 0 ]; then
			emit "{\"metric\": \"streams\", \"target\": \"$name\", \"streams\": $n, \"sse\": {\"skipped\": true}}"
			continue
		fi
		drain_time_wait
		line="$("${sse_load[@]}" hold "${url[$name]}/v1/streaming_query" \
			'{"query": "hold", "conversation_id": "@ID@"}' "$n" $ramp "${pid[$name]}" $((n / ramp + slow_tokens + hold_slack)) \
			"${ids[$name]}")" || true
		emit "{\"metric\": \"streams\", \"target\": \"$name\", \"streams\": $n, \"sse\": ${line:-null}}"
		log "streams $name $n: $line"
		python3 -c 'import json, sys; sys.exit(json.loads(sys.argv[1] or "{}").get("succeeded", 0) == 0)' "$line" ||
			held[$name]=0
	done
done

python3 bench/report.py "$out" >"$results/summary.md"
cat "$results/summary.md"
python3 bench/report.py --check "$out"
