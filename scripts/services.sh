#!/usr/bin/env bash
# Redis and Postgres for n8n's queue mode (test/e2e-queue), on free loopback ports, for as long as one
# command runs:
#
#   bash scripts/services.sh <command> [args...]   starts both, runs the command with the ports exported,
#                                                   stops both by PID when it ends (also on failure or a signal)
#   bash scripts/services.sh install                only installs what is missing
#
# Exported to the command:
#   QUEUE_REDIS_HOST=127.0.0.1  QUEUE_REDIS_PORT
#   QUEUE_PG_HOST=127.0.0.1     QUEUE_PG_PORT  QUEUE_PG_DATABASE=n8n  QUEUE_PG_USER=postgres  QUEUE_PG_PASSWORD
#   QUEUE_SERVICES_DIR          the temp folder (data, redis.log, postgres.log); removed at the end unless
#                               QUEUE_SERVICES_KEEP=1
#
# Installs `redis-server` and `postgresql` from Debian when missing (needs root or sudo; CI runs as root
# on a fresh Debian 12). Postgres runs from its own binaries (initdb, pg_ctl) as user `postgres` when
# started as root (Postgres refuses to run as root), trusting loopback connections only: nothing listens
# beyond 127.0.0.1, and the data lives only as long as the command. Debian 12 ships Postgres 15; n8n 2.40.7 and
# 2.41.1 warn that it supports 17+ (16 for compatibility) and works with 15.

set -euo pipefail

log() { printf '[services %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The newest Postgres server binaries Debian put under /usr/lib/postgresql/<major>/bin.
postgres_bin_dir() {
	local dir
	dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
	[ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

ensure_packages() {
	local missing=()
	command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
	postgres_bin_dir >/dev/null || missing+=(postgresql)
	if [ "${#missing[@]}" -eq 0 ]; then
		return 0
	fi
	if ! command -v apt-get >/dev/null 2>&1; then
		log "missing ${missing[*]} and no apt-get: install them by hand"
		return 1
	fi
	log "installing Debian packages: ${missing[*]}"
	as_root apt-get update -qq
	# The packages' own services are not wanted (policy-rc.d would be the other way): they are stopped below.
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
	# Debian's postinst starts a system-wide redis/postgres where an init system runs; ours use their own
	# ports and folders, so those are left alone.
}

free_port() {
	node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { process.stdout.write(String(s.address().port)); s.close(); });'
}

# Runs a command as the user that owns the Postgres data (postgres when we are root).
as_pg_user() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

redis_pid=''
postgres_pid=''
services_dir=''
command_pid=''

stop_services() {
	local status=$?
	trap - EXIT INT TERM HUP
	if [ -n "$command_pid" ] && kill -0 "$command_pid" 2>/dev/null; then
		kill -TERM "$command_pid" 2>/dev/null || true
		wait "$command_pid" 2>/dev/null || true
	fi
	if [ -n "$redis_pid" ] && kill -0 "$redis_pid" 2>/dev/null; then
		kill -TERM "$redis_pid" 2>/dev/null || true
		wait_gone "$redis_pid" 10 || kill -KILL "$redis_pid" 2>/dev/null || true
	fi
	if [ -n "$postgres_pid" ] && kill -0 "$postgres_pid" 2>/dev/null; then
		# SIGINT = Postgres' "fast" shutdown: ends sessions, then exits.
		kill -INT "$postgres_pid" 2>/dev/null || true
		wait_gone "$postgres_pid" 20 || kill -KILL "$postgres_pid" 2>/dev/null || true
	fi
	if [ -n "$services_dir" ] && [ "${QUEUE_SERVICES_KEEP:-}" != "1" ]; then
		rm -rf "$services_dir"
	fi
	[ -n "$redis_pid$postgres_pid" ] && log "stopped redis (pid ${redis_pid:-none}) and postgres (pid ${postgres_pid:-none})"
	exit "$status"
}

# Waits up to $2 seconds for process $1 to exit (it is not our child when pg_ctl started it).
wait_gone() {
	local pid="$1" seconds="$2" i
	for ((i = 0; i < seconds * 10; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	return 1
}

start_redis() {
	local port
	port="$(free_port)"
	redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --daemonize no \
		--dir "$services_dir" --logfile "$services_dir/redis.log" &
	redis_pid=$!
	local i
	for ((i = 0; i < 100; i++)); do
		if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
			export QUEUE_REDIS_HOST=127.0.0.1 QUEUE_REDIS_PORT="$port"
			log "redis $(redis-server --version | grep -o 'v=[0-9.]*') on 127.0.0.1:$port (pid $redis_pid)"
			return 0
		fi
		kill -0 "$redis_pid" 2>/dev/null || break
		sleep 0.1
	done
	log "redis did not start; its log:"
	tail -n 20 "$services_dir/redis.log" >&2 || true
	return 1
}

start_postgres() {
	local bin port data="$services_dir/postgres"
	bin="$(postgres_bin_dir)"
	port="$(free_port)"
	mkdir -p "$data"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$services_dir" "$data"
	chmod 700 "$data"
	as_pg_user "$bin/initdb" -D "$data" -U postgres -A trust --no-sync -E UTF8 >"$services_dir/initdb.log" 2>&1 || {
		log "initdb failed:"
		tail -n 20 "$services_dir/initdb.log" >&2
		return 1
	}
	# fsync off: the data is thrown away at the end anyway; the socket sits in the temp folder, not /run.
	as_pg_user "$bin/pg_ctl" -D "$data" -l "$services_dir/postgres.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c max_connections=200" \
		start >/dev/null || {
		log "postgres did not start; its log:"
		tail -n 20 "$services_dir/postgres.log" >&2
		return 1
	}
	postgres_pid="$(head -n 1 "$data/postmaster.pid")"
	"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres n8n
	export QUEUE_PG_HOST=127.0.0.1 QUEUE_PG_PORT="$port" QUEUE_PG_DATABASE=n8n QUEUE_PG_USER=postgres QUEUE_PG_PASSWORD=postgres
	log "postgres $("$bin/postgres" --version | grep -oE '[0-9]+\.[0-9]+' | head -n 1) on 127.0.0.1:$port (pid $postgres_pid)"
}

main() {
	if [ "$#" -eq 0 ]; then
		echo "usage: bash scripts/services.sh <command> [args...] | install" >&2
		return 2
	fi
	ensure_packages
	[ "$1" = "install" ] && return 0

	trap stop_services EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	trap 'exit 129' HUP
	services_dir="$(mktemp -d "${TMPDIR:-/tmp}/meta-calling-services.XXXXXX")"
	chmod 755 "$services_dir"
	export QUEUE_SERVICES_DIR="$services_dir"
	start_redis
	start_postgres
	# In the background and waited for, so that a signal to this script runs the trap at once (bash defers
	# traps while a foreground child runs); the trap passes the signal on to the command first.
	"$@" &
	command_pid=$!
	wait "$command_pid"
}

main "$@"
