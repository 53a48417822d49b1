#!/usr/bin/env bash
# Writes the OpenAPI document: `json` -> docs/openapi.json (the document the application serves, taken by
# OpenApiDocumentIT from the whole application with WireMock standing in for Llama Stack, so no Llama Stack is
# needed), `md` -> docs/openapi.md (a Markdown rendering of docs/openapi.json).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
json)
	JAVA_HOME="${JAVA_HOME:-$(scripts/java-home.sh)}"
	export JAVA_HOME
	./mvnw -B -q -ntp verify -DskipUnitTests=true -Dspring-javaformat.skip=true \
		-Dit.test=OpenApiDocumentIT -Dlightspeed.openapi.update=true
	echo "Wrote docs/openapi.json"
	;;
md)
	python3 scripts/openapi_md.py docs/openapi.json >docs/openapi.md
	echo "Wrote docs/openapi.md"
	;;
check-md)
	# docs/openapi.json itself is checked by OpenApiDocumentIT; this checks its Markdown rendering
	python3 scripts/openapi_md.py docs/openapi.json | diff -u docs/openapi.md - >&2 ||
		{ echo "docs/openapi.md is out of date: run make openapi-doc" >&2; exit 1; }
	echo "docs/openapi.md is up to date"
	;;
*)
	echo "usage: $0 json|md|check-md" >&2
	exit 2
	;;
esac
