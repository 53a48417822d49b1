#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the PostgreSQL tests and prints the variables they read:
#   eval "$(scripts/postgres-test-server.sh)"     # start; exports LCS_TEST_POSTGRES_*
#   scripts/postgres-test-server.sh stop [DIR]     # stop and remove (DIR defaults to $LCS_TEST_POSTGRES_DIR)
# Installs Debian's postgresql when missing, initialises a cluster in a temporary directory, listens on a free
# loopback port only, serves TLS with a self-signed certificate for localhost/127.0.0.1 (LCS_TEST_POSTGRES_CA, so the
# ssl_mode/ca_cert_path tests can verify it), and creates a user and database. Runs the server as the postgres OS user when started as root
# (initdb refuses root). Progress goes to stderr, so stdout carries only the export lines.
set -euo pipefail

log() { echo "postgres-test-server: $*" >&2; }

as_postgres() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

bin_dir() {
	ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ "${1:-}" = "stop" ]; then
	dir="${2:-${LCS_TEST_POSTGRES_DIR:-}}"
	[ -n "$dir" ] && [ -d "$dir/data" ] || { log "no cluster directory given"; exit 1; }
	as_postgres "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
	rm -rf "$dir"
	exit 0
fi

if [ -z "$(bin_dir)" ]; then
	log "installing postgresql"
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
bin="$(bin_dir)"

# Ports below the kernel's ephemeral range (32768-60999 by default), which outgoing connections draw from: a port
# no one listens on can still be taken by one of those, and the bind then fails.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
	local candidate
	for _ in $(seq 1 50); do
		candidate=$((10000 + RANDOM % 22000))
		if port_free "$candidate"; then
			echo "$candidate"
			return
		fi
	done
	log "no free port found"
	exit 1
}
port="$(pick_port)"

dir="$(mktemp -d "${TMPDIR:-/tmp}/lcs-postgres.XXXXXX")"
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
user="lcs_test"
password="lcs-test-$RANDOM$RANDOM"
database="lcs_test"
printf '%s\n' "$password" > "$dir/pwfile"
[ "$(id -u)" = 0 ] && chown postgres: "$dir/pwfile"

log "initialising $dir/data"
as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
	--pwfile="$dir/pwfile" -E UTF8 --locale=C.UTF-8 >&2
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
	-addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
	-keyout "$dir/data/server.key" -out "$dir/data/server.crt" 2>/dev/null
chmod 600 "$dir/data/server.key"
cp "$dir/data/server.crt" "$dir/ca.crt"
chmod 644 "$dir/ca.crt"
[ "$(id -u)" = 0 ] && chown postgres: "$dir/data/server.key" "$dir/data/server.crt"
# a port can still be taken between the check and the bind: try another one
for attempt in 1 2 3; do
	log "starting on 127.0.0.1:$port"
	as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c ssl=on" start >&2 && break
	[ $attempt = 3 ] && { tail -5 "$dir/server.log" >&2; exit 1; }
	port="$(pick_port)"
done
as_postgres "$bin/psql" -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 >&2 <<SQL
CREATE ROLE $user LOGIN PASSWORD '$password';
CREATE DATABASE $database OWNER $user;
SQL
rm -f "$dir/pwfile"

cat <<ENV
export LCS_TEST_POSTGRES_HOST=127.0.0.1
export LCS_TEST_POSTGRES_PORT=$port
export LCS_TEST_POSTGRES_DB=$database
export LCS_TEST_POSTGRES_USER=$user
export LCS_TEST_POSTGRES_PASSWORD=$password
export LCS_TEST_POSTGRES_DIR=$dir
export LCS_TEST_POSTGRES_CA=$dir/ca.crt
ENV
