#!/usr/bin/env bash
# deploy/container/build-library-image.sh (make image-library, after make image): builds
# deploy/container/Containerfile.library into $LCS_LIBRARY_IMAGE (default localhost/lightspeed-stack-library:0.2.0),
# the image $LCS_IMAGE plus Python and Llama Stack 0.5.4 for library mode. The build has no network, as the plain
# image's: this script gathers what it installs first, as the e2e harness gets it, into a build context under
# target/image-library-context:
# - python3 and python3-venv with the packages they need that the image lacks, downloaded by apt-get in a throwaway
#   container of the image (Debian's mirror, over the host's network; a few seconds, never cached, so always the
#   mirror's current versions);
# - the lock file's wheels, downloaded once per lock file by the harness's Python 3.13 (e2e/lib/python.sh, the same
#   Python as the image's, and the harness's way through this machine's proxy and CA) and kept under
#   $LCS_CONTAINER_CACHE (default /var/cache/lightspeed-stack-container);
# - tiktoken's cl100k_base file of the harness (lcs_py_ensure_tiktoken).
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/container/podman.sh
LCS_E2E_QUIET=1
. e2e/lib/python.sh

generation=0.5.4
image="${LCS_IMAGE:-localhost/lightspeed-stack:0.2.0}"
library_image="${LCS_LIBRARY_IMAGE:-localhost/lightspeed-stack-library:0.2.0}"
cache="${LCS_CONTAINER_CACHE:-/var/cache/lightspeed-stack-container}"
lock="$(lcs_py_lockfile "$generation")"
wheels="$cache/library-wheels/$(sha256sum "$lock" | cut -c1-16)"
context="$PWD/target/image-library-context"
label=dev.lightspeed.stack.image
t0=$SECONDS

"${LCS_PODMAN[@]}" image exists "$image" || { echo "build-library-image.sh: no image $image (make image)" >&2; exit 1; }
download_wheels() {  # into the cache, once per lock file (the previous lock's go); in the harness's root first
	local download="/tmp/lcs-e2e/library-wheels.$$"
	[ ! -f "$wheels/.complete" ] || return 0
	rm -rf "$LCS_E2E_ROOT$download" && mkdir -p "$LCS_E2E_ROOT$download"
	cp "$lock" "$LCS_E2E_ROOT$download/requirements.lock"
	lcs_py_chroot /usr/bin/python3 -m pip download -q --no-deps --only-binary=:all: --no-cache-dir \
		-d "$download/wheels" -r "$download/requirements.lock" >&2
	rm -rf "$(dirname "$wheels")" && mkdir -p "$(dirname "$wheels")"
	mv "$LCS_E2E_ROOT$download/wheels" "$wheels" && rm -rf "$LCS_E2E_ROOT$download"
	touch "$wheels/.complete"
}
lcs_py_ensure_tiktoken
mkdir -p "$cache"
exec 9>"$cache/.library-wheels-lock"
flock -w 1800 9 || { echo "build-library-image.sh: could not lock $cache/.library-wheels-lock" >&2; exit 1; }
download_wheels

rm -rf "$context" && mkdir -p "$context/debs" "$context/wheels" "$context/tiktoken"
cp -l "$wheels"/*.whl "$context/wheels/" 2>/dev/null || cp "$wheels"/*.whl "$context/wheels/"
exec 9>&-
cp "$lock" "$context/requirements.lock"
cp "$LCS_E2E_ROOT$LCS_E2E_TIKTOKEN_DIR/$LCS_E2E_TIKTOKEN_FILE" "$context/tiktoken/"
"${LCS_PODMAN[@]}" run --rm "${LCS_PODMAN_LIMITS[@]}" --no-healthcheck --network host --user 0 --entrypoint bash \
	-v "$context/debs:/var/cache/apt/archives" "$image" -c 'apt-get update -qq \
	&& apt-get install -qq -y --download-only --no-install-recommends python3 python3-venv >/dev/null \
	&& rm -rf /var/cache/apt/archives/partial /var/cache/apt/archives/lock' >&2

if ! "${LCS_PODMAN[@]}" build "${LCS_PODMAN_LIMITS[@]}" --network none --format docker --layers=false \
	--label "$label" --build-arg "LCS_IMAGE=$image" -t "$library_image" -f deploy/container/Containerfile.library \
	"$context" >target/image-library-build.log 2>&1; then
	tail -30 target/image-library-build.log >&2
	exit 1
fi
rm -rf "$context"
"${LCS_PODMAN[@]}" image prune -f --filter "label=$label" >/dev/null
size="$("${LCS_PODMAN[@]}" image inspect --format '{{.Size}}' "$library_image")"
echo "build-library-image.sh: $library_image built in $((SECONDS - t0)) s, $((size / 1000000)) MB" \
	"(log target/image-library-build.log)"
