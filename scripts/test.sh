#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (packages, build) and runs every test:
# unit, storage, service and end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
cd build
ctest --output-on-failure --timeout 600
