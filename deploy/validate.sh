#!/usr/bin/env bash
# deploy/validate.sh (make validate-manifests): the deployment files checked by tools, not by eye.
# - Every object under deploy/kubernetes against the Kubernetes API's JSON schemas of kubernetes-validate, strict
#   (an unknown field is an error, as is a wrong type or a missing required field), for Kubernetes 1.30 (OpenShift
#   4.17) and 1.37 (the newest the package has).
# - docker-compose.yaml against the Compose specification's schema (check-jsonschema's copy).
# - What no schema sees (deploy/check-manifests.py): references between the objects, the lightspeed-stack
#   container's security settings, probes and memory, and its configuration read by the service jar.
# The tools come from deploy/requirements.lock, exact versions and hashes (deploy/tools-venv.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/lightspeed-stack-0.2.0.jar
java="${JAVA_HOME:-$(scripts/java-home.sh)}/bin/java"
[ -f "$jar" ] || { echo "validate.sh: no $jar (make build)" >&2; exit 1; }
venv="$(deploy/tools-venv.sh)"

manifests=(deploy/kubernetes/*/*.yaml)
for version in 1.30.0 1.37.0; do
	"$venv/bin/kubernetes-validate" --strict --quiet --kubernetes-version "$version" "${manifests[@]}"
done
echo "validate.sh: ${#manifests[@]} files valid against the Kubernetes 1.30 and 1.37 API schemas (strict)"
"$venv/bin/check-jsonschema" --builtin-schema vendor.compose-spec docker-compose.yaml
"$venv/bin/python" deploy/check-manifests.py "$java" "$jar" deploy/kubernetes/*/
