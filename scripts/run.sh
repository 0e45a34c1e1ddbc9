#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (packages, build) and runs lges-server on
# its default database, created with the public record on first start
# (--create). Extra arguments go to the server, e.g.
# scripts/run.sh --listen=0.0.0.0:50051
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec build/server/lges-server --create "$@"
