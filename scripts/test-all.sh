#!/usr/bin/env bash
# npm test — everything, in the order that fails fastest: typecheck, lint, unit + integration with
# coverage (jest.config.js fails below 90% of lines), build, n8n's verification scanner on the packed
# tarball and the source (npm run scan), then e2e on n8n 2.x and 1.x, then e2e in n8n 2.x's queue mode
# (main, two workers, webhook processor, Postgres and Redis from scripts/services.sh).
# Every step runs even if an earlier one failed, so one run shows every problem; the exit code is
# non-zero if any step failed. The last line is a plain summary.

set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

started=$SECONDS
results=()
failed=0

step() {
	local name="$1"
	shift
	local step_started=$SECONDS
	echo
	echo "===================================================================="
	echo "== $name   ($(date +%H:%M:%S))"
	echo "===================================================================="
	if "$@"; then
		results+=("$name: ok ($((SECONDS - step_started)) s)")
	else
		results+=("$name: FAILED ($((SECONDS - step_started)) s)")
		failed=$((failed + 1))
	fi
}

step "typecheck" npm run --silent typecheck
step "lint" npm run --silent lint
step "unit + integration (coverage)" npx jest --coverage
step "build" npm run --silent build
step "scan (n8n's scanner, tarball contents)" env SCAN_SKIP_BUILD=1 npm run --silent scan
if [ -d dist/credentials ]; then
	step "e2e (n8n 2.x and 1.x)" env E2E_SKIP_BUILD=1 bash test/e2e/run.sh
	step "e2e queue mode (n8n 2.x)" env E2E_SKIP_BUILD=1 bash test/e2e-queue/run.sh
else
	results+=("e2e: SKIPPED (no build)" "e2e queue mode: SKIPPED (no build)")
	failed=$((failed + 2))
fi

echo
echo "===================================================================="
printf '  %s\n' "${results[@]}"
total=$((SECONDS - started))
if [ "$failed" -eq 0 ]; then
	echo "npm test: PASSED (typecheck, lint, unit+integration with coverage, build, scan, e2e on both n8n lines, e2e in queue mode) in ${total} s"
else
	echo "npm test: FAILED ($failed step(s) failed) in ${total} s"
	exit 1
fi
