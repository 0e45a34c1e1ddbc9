#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (packages, build) and runs every test:
# unit, storage, service, end-to-end, and the build's own checks (layering,
# thread safety), spread over every core. CI sets LGES_WERROR=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
cd build
ctest --output-on-failure --timeout 900 -j"$(nproc)"
