# deploy/container/checks.sh (sourced by test.sh and test-library.sh, after podman.sh): one line per check, and the
# helpers the checks use. The caller sets $state (the test's directory: checks.log goes there).

passed=0
failed=0

podman_() { "${LCS_PODMAN[@]}" "$@"; }
check() {  # DESCRIPTION COMMAND...: one check, its outcome on one line
	if "${@:2}" >>"$state/checks.log" 2>&1; then
		passed=$((passed + 1))
		echo "  ok   $1"
	else
		failed=$((failed + 1))
		echo "  FAIL $1 (details: $state/checks.log)"
	fi
}
http() { curl -s --max-time 30 "$@"; }
contains() { grep -qF -- "$2" <<<"$1" || { echo "expected $2 in: $1"; return 1; }; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
millis_since() { echo $((($(date +%s%N) - $1) / 1000000)); }  # START (date +%s%N): milliseconds since then
await_ready() {  # NAME URL START SECONDS: until URL/readiness answers 200 or the container stops; sets live and
	# ready, the milliseconds from START (date +%s%N) to /liveness answering and to that
	local deadline=$((SECONDS + $4))
	live="" ready=""
	while [ $SECONDS -lt $deadline ] && [ "$(podman_ inspect --format '{{.State.Running}}' "$1")" = true ]; do
		if [ -z "$live" ] && http -o /dev/null -f "$2/liveness"; then live=$(millis_since "$3"); fi
		[ -n "$live" ] && http -o /dev/null -f "$2/readiness" && break
		sleep 0.1
	done
	ready=$(millis_since "$3")
}
check_heap() {  # URL LIMIT PERCENTAGE: the JVM's heap is PERCENTAGE % of the container's memory LIMIT (bytes)
	local heap
	heap="$(http "$1/metrics" | awk '/^jvm_memory_max_bytes/ && /area="heap"/ { s += $NF } END { printf "%d", s }')"
	check "heap bounded by the memory limit: $((heap / 1048576)) MiB, $3% of $(($2 / 1048576)) MiB" \
		test $((heap * 100 / $2)) -ge $(($3 - 5)) -a $((heap * 100 / $2)) -le "$3"
}
stop_container() {  # NAME: podman stop (SIGTERM, then SIGKILL after 30 s); sets stop (milliseconds) and code (status)
	local start
	start=$(date +%s%N)
	podman_ stop --time 30 "$1" >/dev/null
	stop=$(millis_since "$start")
	code="$(podman_ inspect --format '{{.State.ExitCode}}' "$1")"
}
check_image() {  # IMAGE MEGABYTES: the image runs as user 1001 and holds at most MEGABYTES
	local size
	check "runs as user 1001, not root" test "$(podman_ image inspect --format '{{.Config.User}}' "$1")" = 1001
	size="$(podman_ image inspect --format '{{.Size}}' "$1")"
	check "is at most $2 MB ($((size / 1000000)) MB)" test "$size" -le $(($2 * 1000000))
}
