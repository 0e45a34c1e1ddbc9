#!/usr/bin/env bash
# Installs the Debian packages (as root) and builds everything into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLGES_WERROR="${LGES_WERROR:-OFF}"
cmake --build build -j"$(nproc)"
