#!/usr/bin/env bash
# The queue-mode tier: the built package in n8n 2.x's distributed engine (one main, two workers
# `--concurrency=5`, one webhook processor, Postgres, Redis), see test/e2e-queue/README.md.
#
#   E2E_SKIP_BUILD=1   use the dist/ already built (scripts/test-all.sh builds just before)
#   extra arguments go to jest, e.g. `bash test/e2e-queue/run.sh test/e2e-queue/snapshots.e2e.test.ts`
#
# Redis and Postgres come from scripts/services.sh (installed from Debian when missing, on free loopback
# ports, stopped by PID at the end). Run folder: .cache/e2e-runs/n8n-queue/ (main.log, worker-1.log,
# worker-2.log, webhook.log, sandbox.log, stack.json, one user folder per process), kept for post-mortems.

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=../../scripts/n8n-env.sh
source scripts/n8n-env.sh

started=$SECONDS
ensure_debian_deps
ensure_node24
ensure_n8n "$(n8n_version_of_line 2)"
if [ "${E2E_SKIP_BUILD:-}" != "1" ]; then
	echo "[e2e-queue] npm run build"
	npm run build --silent
fi

run_dir="${META_CALLING_E2E_QUEUE_RUN_DIR:-$CACHE_DIR/e2e-runs/n8n-queue}"
status=0
bash scripts/services.sh env META_CALLING_E2E_QUEUE=1 npx jest --selectProjects e2e-queue --runInBand "$@" || status=$?

if [ "$status" -ne 0 ]; then
	for name in main worker-1 worker-2 webhook; do
		echo "[e2e-queue] ----- last 30 lines of $run_dir/$name.log -----"
		print_n8n_log_tail "$run_dir/$name.log" 30
	done
	echo "[e2e-queue] FAILED after $((SECONDS - started)) s"
	exit "$status"
fi
echo "[e2e-queue] passed in $((SECONDS - started)) s"
