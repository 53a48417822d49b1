#!/usr/bin/env bash
# deploy/container/build-image.sh (make image): builds the Containerfile into $LCS_IMAGE (default
# localhost/lightspeed-stack:0.2.0) from the jar `make build` made, on the base images of base-images.sh (this
# machine pulls no images). The build has no network: it needs none.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/container/podman.sh

image="${LCS_IMAGE:-localhost/lightspeed-stack:0.2.0}"
jar=target/lightspeed-stack-0.2.0.jar
label=dev.lightspeed.stack.image
[ -f "$jar" ] || { echo "build-image.sh: no $jar (make build)" >&2; exit 1; }
scripts/install-prerequisites.sh  # podman and runc
read -r -a bases <<<"$(deploy/container/base-images.sh)"
t0=$SECONDS
mkdir -p target
# --format docker keeps the HEALTHCHECK, which the OCI image format has no field for. --layers=false and the prune:
# no intermediate images, nor the image this one replaces, are left behind (each is hundreds of MB).
if ! "${LCS_PODMAN[@]}" build "${LCS_PODMAN_LIMITS[@]}" --network none --format docker --layers=false \
	--label "$label" "${bases[@]}" -t "$image" -f Containerfile . >target/image-build.log 2>&1; then
	tail -30 target/image-build.log >&2
	exit 1
fi
"${LCS_PODMAN[@]}" image prune -f --filter "label=$label" >/dev/null
size="$("${LCS_PODMAN[@]}" image inspect --format '{{.Size}}' "$image")"
echo "build-image.sh: $image built in $((SECONDS - t0)) s, $((size / 1000000)) MB (log target/image-build.log)"
