#!/usr/bin/env bash
# Prints the path of a JDK >= 21: $JAVA_HOME if it qualifies, else the newest one under /usr/lib/jvm.
# The machine's default java is 17; a Temurin 25 JDK is installed beside it.
set -euo pipefail

major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

qualifies() { [ -x "$1/bin/javac" ] && [ "$(major "$1")" -ge 21 ] 2>/dev/null; }

if [ -n "${JAVA_HOME:-}" ] && qualifies "$JAVA_HOME"; then
	echo "$JAVA_HOME"
	exit 0
fi
best=""
best_major=0
for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
	[ -d "$dir" ] || continue
	if qualifies "$dir"; then
		m=$(major "$dir")
		if [ "$m" -gt "$best_major" ]; then
			best="$dir"
			best_major="$m"
		fi
	fi
done
if [ -z "$best" ]; then
	echo "No JDK >= 21 found (looked at JAVA_HOME and /usr/lib/jvm); install one, e.g. Temurin 25" >&2
	exit 1
fi
echo "$best"
