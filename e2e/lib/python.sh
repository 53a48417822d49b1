#!/usr/bin/env bash
# e2e/lib/python.sh - provide Python >= 3.12 (Debian trixie chroot) and one
# Llama Stack venv per version, unattended, as root.
#
# The host's python3 is 3.11 but every Llama Stack release needs >= 3.12, so we
# build a minimal Debian trixie root with debootstrap in a cache folder OUTSIDE
# the clone and run the venv/server with `chroot`.  Nothing is mounted into the
# chroot (Python, uvicorn, Llama Stack run fine without /proc and /sys there).
#
#   root:  ${LCS_E2E_CACHE:-/var/cache/lightspeed-stack-e2e}/trixie
#          complete when trixie/.lcs-e2e-root-complete exists (written last)
#   venv:  /opt/ls-<version> inside the root, installed from
#          e2e/llama-stack/<version>/requirements.lock (--no-deps, exact pins);
#          /opt/ls-<version>/.lcs-e2e-lock-sha256 holds the hash of the lock it
#          was installed from -> a changed lock file triggers a re-install.
#          <version> is a Llama Stack version (0.2.22, 0.5.4, 0.7.3) or ogx-<version> (ogx-1.5.0,
#          the renamed project: Python module ogx instead of llama_stack).
#          Other venvs from any lock file: lcs_py_ensure_lock_venv (bench/upstream/lcs.sh).
#   mcp:   /opt/mcp-server inside the root, from e2e/mcp_server/requirements.lock: the e2e
#          MCP server runs there for every generation (OGX needs mcp>=2, server.py the 1.x SDK).
#   tiktoken: /opt/tiktoken inside the root holds tiktoken's cl100k_base file (Llama Stack
#          >= 0.5 loads it at start-up and would download it); taken from a PyPI wheel
#          (litellm ships it), checked against the sha256 tiktoken expects. Point
#          TIKTOKEN_CACHE_DIR at it.
#
# Use as a script:
#   e2e/lib/python.sh ensure [VERSION...]    build root + venv(s) (default 0.2.22) + MCP venv + tiktoken file
#   e2e/lib/python.sh root                   print the chroot path
#   e2e/lib/python.sh run VERSION CMD...     run CMD in the chroot with the venv on PATH
#   e2e/lib/python.sh rebuild                delete the root and build it again
# or source it and call lcs_py_ensure_root / lcs_py_ensure_venv / lcs_py_ensure_mcp_venv /
# lcs_py_ensure_tiktoken / lcs_py_ensure_lock_venv / lcs_py_run.
#
# Environment: LCS_E2E_CACHE (cache dir), LCS_E2E_DEBIAN_MIRROR
# (default http://deb.debian.org/debian), LCS_E2E_QUIET=1 (less output).

if [ -n "${BASH_VERSION:-}" ]; then :; else echo "python.sh needs bash" >&2; return 1 2>/dev/null || exit 1; fi

LCS_E2E_DIR="${LCS_E2E_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
LCS_E2E_CACHE="${LCS_E2E_CACHE:-/var/cache/lightspeed-stack-e2e}"
LCS_E2E_ROOT="$LCS_E2E_CACHE/trixie"
LCS_E2E_ROOT_STAMP=".lcs-e2e-root-complete"
LCS_E2E_ROOT_FORMAT="1"      # bump to force a rebuild of existing roots
LCS_E2E_DEBIAN_MIRROR="${LCS_E2E_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
LCS_E2E_CA_IN_ROOT="/etc/lcs-e2e/ca-bundle.crt"

_lcs_log() { [ "${LCS_E2E_QUIET:-0}" = 1 ] || echo "[python.sh] $*" >&2; }
_lcs_die() { echo "[python.sh] ERROR: $*" >&2; return 1; }

# Unmount anything below $1 (deepest first); debootstrap mounts /proc and /sys
# in the target while it runs and may leave them behind when it is killed.
_lcs_umount_below() {
    local dir mnts m
    dir="$(readlink -f "$1" 2>/dev/null || echo "$1")"
    mnts="$(awk -v d="$dir" '$2 == d || index($2, d "/") == 1 {print $2}' /proc/self/mounts | sort -r)"
    for m in $mnts; do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
}

_lcs_safe_rm() {
    local d="$1"
    [ -n "$d" ] && [ "$d" != "/" ] || return 1
    [ -e "$d" ] || return 0
    _lcs_umount_below "$d"
    rm -rf --one-file-system "$d"
}

# Copy the host's CA bundle into the root (egress proxies with their own CA).
_lcs_copy_host_files() {
    local root="$1"
    mkdir -p "$root/etc/lcs-e2e"
    cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    if [ -s /etc/ssl/certs/ca-certificates.crt ]; then
        cp -L /etc/ssl/certs/ca-certificates.crt "$root$LCS_E2E_CA_IN_ROOT"
    fi
}

# Run a command inside the root with a clean environment. Extra environment
# variables can be given as leading NAME=VALUE words (handled by env).
lcs_py_chroot() {
    local ca_env=()
    [ -s "$LCS_E2E_ROOT$LCS_E2E_CA_IN_ROOT" ] && ca_env=(
        "PIP_CERT=$LCS_E2E_CA_IN_ROOT" "SSL_CERT_FILE=$LCS_E2E_CA_IN_ROOT"
        "REQUESTS_CA_BUNDLE=$LCS_E2E_CA_IN_ROOT")
    chroot "$LCS_E2E_ROOT" /usr/bin/env -i \
        HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_DEFAULT_TIMEOUT=180 PIP_NO_INPUT=1 \
        "${ca_env[@]}" "$@"
}

lcs_py_root_ok() {
    [ -f "$LCS_E2E_ROOT/$LCS_E2E_ROOT_STAMP" ] &&
        [ "$(cat "$LCS_E2E_ROOT/$LCS_E2E_ROOT_STAMP" 2>/dev/null)" = "$LCS_E2E_ROOT_FORMAT" ] &&
        [ -x "$LCS_E2E_ROOT/usr/bin/python3" ]
}

# Serialise builds of the cache between concurrent runs.
_lcs_with_lock() {
    mkdir -p "$LCS_E2E_CACHE"
    (
        flock -w 1800 9 || { echo "[python.sh] could not lock $LCS_E2E_CACHE/.lock" >&2; exit 1; }
        "$@"
    ) 9>"$LCS_E2E_CACHE/.lock"
}

_lcs_build_root() {
    if lcs_py_root_ok; then _lcs_copy_host_files "$LCS_E2E_ROOT"; return 0; fi
    [ "$(id -u)" = 0 ] || { _lcs_die "must run as root (debootstrap/chroot)"; return 1; }
    if ! command -v debootstrap >/dev/null 2>&1; then
        _lcs_log "installing debootstrap"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2 || return 1
    fi
    local tmp="$LCS_E2E_CACHE/trixie.build" t0=$SECONDS
    _lcs_safe_rm "$tmp" || return 1
    _lcs_safe_rm "$LCS_E2E_ROOT" || return 1
    _lcs_log "debootstrap trixie into $tmp (mirror $LCS_E2E_DEBIAN_MIRROR)"
    local rc=0
    debootstrap --variant=minbase --include=python3,python3-venv,python3-pip \
        trixie "$tmp" "$LCS_E2E_DEBIAN_MIRROR" >"$LCS_E2E_CACHE/debootstrap.log" 2>&1 || rc=$?
    _lcs_umount_below "$tmp"
    if [ $rc -ne 0 ]; then
        tail -20 "$LCS_E2E_CACHE/debootstrap.log" >&2
        _lcs_die "debootstrap failed (rc=$rc, log $LCS_E2E_CACHE/debootstrap.log)"; return 1
    fi
    # keep the root small: no apt lists / package cache needed afterwards
    rm -rf "$tmp"/var/cache/apt/archives/*.deb "$tmp"/var/lib/apt/lists/* 2>/dev/null || true
    _lcs_copy_host_files "$tmp"
    chroot "$tmp" /usr/bin/python3 -c 'import sys, venv, ensurepip; assert sys.version_info >= (3, 12)' ||
        { _lcs_die "python in new root unusable"; return 1; }
    echo "$LCS_E2E_ROOT_FORMAT" >"$tmp/$LCS_E2E_ROOT_STAMP"
    mv "$tmp" "$LCS_E2E_ROOT"
    _lcs_log "root ready in $((SECONDS - t0)) s: $(chroot "$LCS_E2E_ROOT" /usr/bin/python3 --version)"
}

lcs_py_ensure_root() { _lcs_with_lock _lcs_build_root; }

lcs_py_lockfile() { echo "$LCS_E2E_DIR/llama-stack/$1/requirements.lock"; }
lcs_py_venv() { echo "/opt/ls-$1"; }            # path inside the root

# lcs_py_lock_venv_ok VENV LOCK: true if VENV (path inside the root) was installed from LOCK as it is now
lcs_py_lock_venv_ok() {
    local venv="$1" lock="$2" sum
    [ -f "$lock" ] || return 1
    sum="$(sha256sum "$lock" | cut -d' ' -f1)"
    lcs_py_root_ok && [ "$(cat "$LCS_E2E_ROOT$venv/.lcs-e2e-lock-sha256" 2>/dev/null)" = "$sum" ]
}

lcs_py_venv_ok() { lcs_py_lock_venv_ok "$(lcs_py_venv "$1")" "$(lcs_py_lockfile "$1")"; }

# _lcs_build_lock_venv VENV LOCK LABEL IMPORTS: (re)install VENV (inside the root) from the exact lock file
# LOCK unless it is current; LABEL names the logs, IMPORTS is the python import line that must work afterwards.
_lcs_build_lock_venv() {
    local venv="$1" lock="$2" label="$3" imports="$4" sum t0=$SECONDS
    [ -f "$lock" ] || { _lcs_die "no lock file $lock"; return 1; }
    lcs_py_lock_venv_ok "$venv" "$lock" && return 0
    sum="$(sha256sum "$lock" | cut -d' ' -f1)"
    _lcs_log "installing $label venv into $LCS_E2E_ROOT$venv"
    _lcs_safe_rm "$LCS_E2E_ROOT$venv" || return 1
    mkdir -p "$LCS_E2E_ROOT/tmp/lcs-e2e"
    cp "$lock" "$LCS_E2E_ROOT/tmp/lcs-e2e/requirements-$label.lock"
    lcs_py_chroot /usr/bin/python3 -m venv "$venv" || return 1
    # The lock is complete and exact: install it with --no-deps so pip does no
    # resolution and never picks anything the lock does not name.
    local pip_log="$LCS_E2E_CACHE/pip-install-$label.log"
    if ! lcs_py_chroot "$venv/bin/pip" install --no-deps --only-binary=:all: \
            --no-cache-dir \
            -r "/tmp/lcs-e2e/requirements-$label.lock" >"$pip_log" 2>&1; then
        tail -30 "$pip_log" >&2
        _lcs_die "pip install failed (log $pip_log)"; return 1
    fi
    lcs_py_chroot "$venv/bin/python" -c "import $imports" ||
        { _lcs_die "venv $venv does not import $imports"; return 1; }
    echo "$sum" >"$LCS_E2E_ROOT$venv/.lcs-e2e-lock-sha256"
    _lcs_log "venv $label ready in $((SECONDS - t0)) s"
}

# lcs_py_module VERSION: the server's Python package (OGX renamed llama_stack to ogx)
lcs_py_module() { case "$1" in ogx-*) echo ogx ;; *) echo llama_stack ;; esac; }

_lcs_build_venv() {
    # the server module itself: importing only the package would miss a mismatched API package (0.5.4)
    _lcs_build_lock_venv "$(lcs_py_venv "$1")" "$(lcs_py_lockfile "$1")" "$1" "$(lcs_py_module "$1").core.server.server, mcp"
}

lcs_py_ensure_venv() {
    lcs_py_ensure_root || return 1
    _lcs_with_lock _lcs_build_venv "$1"
}

LCS_E2E_MCP_VENV=/opt/mcp-server                # path inside the root
lcs_py_ensure_mcp_venv() {
    lcs_py_ensure_lock_venv "$LCS_E2E_MCP_VENV" "$LCS_E2E_DIR/mcp_server/requirements.lock" mcp-server \
        "mcp.server.fastmcp, uvicorn"
}

# tiktoken's cl100k_base: file name = sha1 of its download URL, content checked by tiktoken against this sha256
LCS_E2E_TIKTOKEN_DIR=/opt/tiktoken              # path inside the root
LCS_E2E_TIKTOKEN_FILE=9b5ad71b2ce5302211f9c61530b329a4922fc6a4
LCS_E2E_TIKTOKEN_SHA256=223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7
LCS_E2E_TIKTOKEN_WHEEL=litellm==1.93.0          # any wheel shipping the file would do
_lcs_build_tiktoken() {
    local dir="$LCS_E2E_ROOT$LCS_E2E_TIKTOKEN_DIR" tmp="$LCS_E2E_ROOT/tmp/lcs-e2e/tiktoken.$$"
    [ "$(sha256sum "$dir/$LCS_E2E_TIKTOKEN_FILE" 2>/dev/null | cut -d' ' -f1)" = "$LCS_E2E_TIKTOKEN_SHA256" ] &&
        return 0
    _lcs_log "fetching tiktoken cl100k_base from the $LCS_E2E_TIKTOKEN_WHEEL wheel"
    rm -rf "$tmp" && mkdir -p "$tmp" "$dir" || return 1
    if ! lcs_py_chroot /usr/bin/python3 -m pip download --no-deps --only-binary=:all: --no-cache-dir -q \
            -d "${tmp#"$LCS_E2E_ROOT"}" "$LCS_E2E_TIKTOKEN_WHEEL" >&2; then
        rm -rf "$tmp"; _lcs_die "could not download $LCS_E2E_TIKTOKEN_WHEEL"; return 1
    fi
    lcs_py_chroot /usr/bin/python3 - "${tmp#"$LCS_E2E_ROOT"}" "$LCS_E2E_TIKTOKEN_FILE" <<'PY' || { rm -rf "$tmp"; return 1; }
import glob, sys, zipfile
tmp, name = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(glob.glob(tmp + "/*.whl")[0]) as z:
    member = next(n for n in z.namelist() if n.endswith("/" + name))
    with open(tmp + "/" + name, "wb") as out:
        out.write(z.read(member))
PY
    if [ "$(sha256sum "$tmp/$LCS_E2E_TIKTOKEN_FILE" | cut -d' ' -f1)" != "$LCS_E2E_TIKTOKEN_SHA256" ]; then
        rm -rf "$tmp"; _lcs_die "cl100k_base from $LCS_E2E_TIKTOKEN_WHEEL has an unexpected sha256"; return 1
    fi
    mv "$tmp/$LCS_E2E_TIKTOKEN_FILE" "$dir/$LCS_E2E_TIKTOKEN_FILE"
    rm -rf "$tmp"
}

lcs_py_ensure_tiktoken() {
    lcs_py_ensure_root || return 1
    _lcs_with_lock _lcs_build_tiktoken
}

# lcs_py_ensure_generation VERSION: everything e2e/stack.sh needs for that Llama Stack generation
lcs_py_ensure_generation() {
    lcs_py_ensure_venv "$1" && lcs_py_ensure_mcp_venv && lcs_py_ensure_tiktoken
}

# lcs_py_ensure_lock_venv VENV LOCK LABEL IMPORTS: root + a venv at VENV (inside the root) from any exact lock
lcs_py_ensure_lock_venv() {
    lcs_py_ensure_root || return 1
    _lcs_with_lock _lcs_build_lock_venv "$@"
}

# lcs_py_run VERSION [NAME=VALUE...] CMD... : run inside the root, venv first on PATH
lcs_py_run() {
    local v="$1"; shift
    local venv; venv="$(lcs_py_venv "$v")"
    lcs_py_chroot "PATH=$venv/bin:/usr/local/bin:/usr/bin:/bin" "VIRTUAL_ENV=$venv" "$@"
}

_lcs_py_main() {
    set -euo pipefail
    local cmd="${1:-ensure}"; shift || true
    case "$cmd" in
        ensure)
            [ $# -gt 0 ] || set -- 0.2.22
            lcs_py_ensure_root
            local v; for v in "$@"; do lcs_py_ensure_generation "$v"; done ;;
        root) echo "$LCS_E2E_ROOT" ;;
        run) lcs_py_run "$@" ;;
        rebuild) _lcs_with_lock _lcs_safe_rm "$LCS_E2E_ROOT"; lcs_py_ensure_root ;;
        *) echo "usage: $0 ensure [VERSION...] | root | run VERSION CMD... | rebuild" >&2; return 2 ;;
    esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then _lcs_py_main "$@"; fi
