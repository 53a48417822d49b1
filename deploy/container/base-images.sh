#!/usr/bin/env bash
# deploy/container/base-images.sh: the two images the Containerfile builds FROM, made on this machine, which pulls
# no images from a registry:
#   localhost/lightspeed-stack-base:trixie   Debian trixie minbase (debootstrap; Debian's packages are reachable)
#                                            without apt lists and caches, documentation, man pages or locales
#   localhost/lightspeed-stack-jdk:<version> that root plus this machine's JDK (scripts/java-home.sh) at /opt/jdk
# Prints the build arguments that name them: --build-arg BASE_IMAGE=... --build-arg JDK_IMAGE=...
# Both are kept in podman's storage and made again only when missing or when this script's format changes; the
# Debian root is built under $LCS_CONTAINER_CACHE (default /var/cache/lightspeed-stack-container) and removed once
# imported. Runs as root.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/container/podman.sh

format=1  # bump to rebuild both images everywhere
cache="${LCS_CONTAINER_CACHE:-/var/cache/lightspeed-stack-container}"
mirror="${LCS_E2E_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
jdk="${JAVA_HOME:-$(scripts/java-home.sh)}"
jdk_version="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$jdk/release")"
base=localhost/lightspeed-stack-base:trixie
jdk_image="localhost/lightspeed-stack-jdk:${jdk_version//+/_}"
label=dev.lightspeed.stack.base-format

log() { echo "[base-images] $*" >&2; }

current() {  # IMAGE: true if the image exists and was made by this format
	[ "$("${LCS_PODMAN[@]}" image inspect --format "{{index .Labels \"$label\"}}" "$1" 2>/dev/null)" = "$format" ]
}

build_base() {
	local root="$cache/trixie.build" t0=$SECONDS
	rm -rf --one-file-system "$root"
	log "debootstrap trixie minbase into $root"
	if ! debootstrap --variant=minbase trixie "$root" "$mirror" >"$cache/debootstrap.log" 2>&1; then
		tail -20 "$cache/debootstrap.log" >&2
		exit 1
	fi
	# what no container needs: package lists and caches (the image installs nothing at run time), documentation
	rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* \
		"$root"/usr/share/info/* "$root"/usr/share/locale/* "$root"/var/log/*
	tar --numeric-owner -C "$root" -c . | "${LCS_PODMAN[@]}" import -q \
		--change "LABEL $label=$format" --change 'ENV LANG=C.UTF-8' --change 'CMD ["/bin/bash"]' - "$base" >/dev/null
	rm -rf --one-file-system "$root"
	log "$base made in $((SECONDS - t0)) s"
}

build_jdk() {
	local t0=$SECONDS context="$cache/jdk.context"
	# -L: the JDK's trust store is a link to the machine's (/etc/ssl/certs/java/cacerts)
	rm -rf "$context" && mkdir -p "$context" && cp -rL "$jdk" "$context/jdk"
	"${LCS_PODMAN[@]}" build "${LCS_PODMAN_LIMITS[@]}" --network none --label "$label=$format" -t "$jdk_image" \
		-f - "$context" >"$cache/jdk-image.log" 2>&1 <<-EOF || { tail -20 "$cache/jdk-image.log" >&2; exit 1; }
		FROM $base
		COPY jdk /opt/jdk
		ENV JAVA_HOME=/opt/jdk PATH=/opt/jdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
		RUN java -version
		EOF
	rm -rf "$context"
	log "$jdk_image made in $((SECONDS - t0)) s"
}

mkdir -p "$cache"
exec 9>"$cache/.lock"
flock -w 1800 9 || { log "could not lock $cache/.lock"; exit 1; }
if ! current "$base"; then
	build_base
	build_jdk
elif ! current "$jdk_image"; then
	build_jdk
fi
echo "--build-arg BASE_IMAGE=$base --build-arg JDK_IMAGE=$jdk_image"
