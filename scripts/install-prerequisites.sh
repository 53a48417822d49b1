#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing (CI and fresh machines run as root).
set -euo pipefail

packages=(debootstrap curl iproute2 podman runc)
# iproute2: ss, which the e2e tests use to watch connections close; podman and runc: make test-container
# (deploy/container/podman.sh says why runc)
missing=()
for package in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "Installing: ${missing[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
