#!/usr/bin/env bash
# npm run test:e2e — the built package inside real n8n processes, once per n8n line (2.x, then 1.x).
#
#   E2E_LINES="2"      only some lines (default "2 1"; versions in scripts/n8n-versions.json)
#   E2E_SKIP_BUILD=1   use the dist/ already built (scripts/test-all.sh builds just before)
#   extra arguments go to jest, e.g. `npm run test:e2e -- test/e2e/credential.e2e.test.ts`
#
# Per line: a fresh folder .cache/e2e-runs/n8n-<line>/ (user folder, n8n.log, sandbox.log, stack.json),
# kept after the run for post-mortems; the tail of n8n's log is printed when a line fails.

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=../../scripts/n8n-env.sh
source scripts/n8n-env.sh

lines="${E2E_LINES:-2 1}"

started=$SECONDS

# Installs first, one after the other (2 cores; each n8n install compiles sqlite3).
ensure_debian_deps
ensure_node24
for line in $lines; do
	ensure_n8n "$(n8n_version_of_line "$line")"
done
# The node-panel test reads the real editor in Chromium: found or installed here (Debian's package),
# not inside a test's time limit.
npx tsx -e "require('./scripts/screenshots/chromium').ensureChromium((text) => console.log('[e2e] ' + text))"

if [ "${E2E_SKIP_BUILD:-}" != "1" ]; then
	echo "[e2e] npm run build"
	npm run build --silent
fi

failed=()
summary=()
for line in $lines; do
	version="$(n8n_version_of_line "$line")"
	line_started=$SECONDS
	echo
	echo "[e2e] ===== n8n $version (line $line) on Node $("$NODE24_DIR/bin/node" --version) ====="
	if N8N_LINE="$line" META_CALLING_E2E=1 npx jest --selectProjects e2e --runInBand "$@"; then
		summary+=("n8n $version: passed in $((SECONDS - line_started)) s")
	else
		failed+=("$version")
		summary+=("n8n $version: FAILED in $((SECONDS - line_started)) s")
		run_dir="$CACHE_DIR/e2e-runs/n8n-$line"
		echo "[e2e] ----- last 80 lines of $run_dir/n8n.log -----"
		print_n8n_log_tail "$run_dir/n8n.log" 80
		echo "[e2e] ----- last 20 lines of $run_dir/sandbox.log -----"
		tail -n 20 "$run_dir/sandbox.log" 2>/dev/null || echo "(no sandbox log)"
	fi
done

echo
printf '[e2e] %s\n' "${summary[@]}"
echo "[e2e] total $((SECONDS - started)) s"
if [ "${#failed[@]}" -gt 0 ]; then
	echo "[e2e] FAILED on n8n ${failed[*]}"
	exit 1
fi
