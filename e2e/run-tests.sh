#!/usr/bin/env bash
# make test-e2e: start a real Llama Stack, the LLM stand-in and a real MCP server (e2e/stack.sh) and a throw-away
# PostgreSQL (scripts/with-postgres.sh), then run the JUnit *E2E suite, which starts the service jar against them.
# Everything is stopped at the end, also on failure; watchdogs stop it too when this script is killed outright.
#
# LCS_E2E_GENERATIONS (space-separated, default "0.2.22 0.5.4 0.7.3 ogx-1.5.0": all of them) names the Llama Stack
# generations to run the suite against, one after the other: each gets a fresh stack, the suite, and a stop. The
# tests see the generation in LCS_E2E_LS_VERSION (the e2e/llama-stack/<dir> name, e.g. ogx-1.5.0) and
# LLAMA_STACK_VERSION (what its /v1/version says, e.g. 1.5.0), with the rest of e2e/stack.sh's env file. A failing
# generation fails the run but the others still run; target/failsafe-reports-<generation>/ keeps each one's
# reports, and every scenario a generation cannot run is listed with its reason.
# The jar is the one `make build` made (make test-e2e builds it first); the suite runs from the compiled test
# classes, so a generation costs no repackaging. Arguments go to Maven: e2e/run-tests.sh -Dit.test=RagE2E
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(scripts/java-home.sh)"
export JAVA_HOME

# PostgreSQL first: with-postgres.sh runs this script again with LCS_TEST_POSTGRES_* set and stops the server after.
if [ -z "${LCS_TEST_POSTGRES_PORT:-}" ]; then
	exec scripts/with-postgres.sh "$0" "$@"
fi

export LCS_E2E_STATE="${LCS_E2E_STATE:-$PWD/e2e/.state/test}"
export LCS_E2E_STACK_SCRIPT="$PWD/e2e/stack.sh"
LCS_E2E_JAR="$(ls "$PWD"/target/lightspeed-stack-*.jar | head -n 1)"
export LCS_E2E_JAR
# the service runs with the JVM options of make run, the benchmark and the container (Spring AOT among them)
export LCS_E2E_JVM_OPTIONS="$PWD/scripts/jvm-options"

stop_stack() { e2e/stack.sh stop >/dev/null 2>&1 || true; }
trap stop_stack EXIT
trap 'exit 130' INT TERM

# The watchdog outlives a `kill -9` of this script and then stops the stack.
setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; "$2" stop >/dev/null 2>&1' \
	watchdog "$$" "$LCS_E2E_STACK_SCRIPT" </dev/null >/dev/null 2>&1 &

# run_generation GEN [MAVEN-ARG...]: stack, suite; returns the suite's (or the start's) exit code
run_generation() (
	export LCS_E2E_LS_VERSION="$1"
	shift
	e2e/stack.sh start || return 1
	echo "e2e: $LCS_E2E_LS_VERSION stack up in $(($(date +%s) - started)) s"
	set -a
	# shellcheck disable=SC1091
	. "$LCS_E2E_STATE/env"
	set +a
	./mvnw -B -ntp -Pe2e test-compile failsafe:integration-test failsafe:verify -Dspring-javaformat.skip=true "$@"
)

# outcomes GEN: each scenario the generation skipped, with the reason its assumption gave, and each that passed
# only when run again (flaky), with its first failure
outcomes() {
	python3 - "$1" target/failsafe-reports/TEST-*.xml <<'PY' 2>/dev/null || true
import sys, xml.etree.ElementTree as ET
gen = sys.argv[1]
for path in sys.argv[2:]:
    for case in ET.parse(path).getroot().iter("testcase"):
        scenario = f"{case.get('classname').rsplit('.', 1)[-1]}.{case.get('name')}"
        for skip in case.iter("skipped"):
            reason = skip.get("message") or ((skip.text or "").strip().splitlines() or [""])[0]
            reason = reason.split("Assumption failed: ", 1)[-1]
            print(f"e2e: {gen} skipped {scenario}: {reason}")
        for flake in [*case.iter("flakyFailure"), *case.iter("flakyError")][:1]:
            message = " ".join((flake.get("message") or flake.get("type") or "").split())[:200]
            print(f"e2e: {gen} flaky {scenario} (passed when run again): {message}")
PY
}

rc=0
report=()
for gen in ${LCS_E2E_GENERATIONS:-0.2.22 0.5.4 0.7.3 ogx-1.5.0}; do
	started=$(date +%s)
	echo "e2e: ===== Llama Stack generation $gen"
	result=passed
	rm -rf target/failsafe-reports
	run_generation "$gen" "$@" || { result=FAILED; rc=1; }
	stop_stack
	report+=("e2e: $gen $result in $(($(date +%s) - started)) s")
	mapfile -t -O "${#report[@]}" report < <(outcomes "$gen")
	rm -rf "target/failsafe-reports-$gen"
	[ ! -d target/failsafe-reports ] || cp -r target/failsafe-reports "target/failsafe-reports-$gen"
done
printf '%s\n' "${report[@]}"
exit $rc
