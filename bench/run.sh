#!/usr/bin/env bash
# Builds and runs the analytics benchmark (figures in docs/PERFORMANCE.md).
# Extra arguments go to the benchmark, e.g. bench/run.sh --seconds=5
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
exec build/bench/analytics_bench "$@"
