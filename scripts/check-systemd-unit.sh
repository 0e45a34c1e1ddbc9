#!/usr/bin/env bash
# Checks deploy/systemd/lges-server.service as systemd would load it:
# `systemd-analyze verify` (syntax, directives, the command exists and is
# executable) and `systemd-analyze security` (the exposure score must stay
# at or under MAX, in systemd's tenths: 20 is 2.0). The unit names the
# installed binary, /usr/local/bin/lges-server; the check points a copy at
# the built one (the first argument), so that nothing needs installing.
# Usage: scripts/check-systemd-unit.sh BUILT_LGES_SERVER [MAX]
set -euo pipefail
binary="$(realpath "$1")"  # systemd wants an absolute path.
max="${2:-20}"
unit="$(dirname "$0")/../deploy/systemd/lges-server.service"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
sed "s|/usr/local/bin/lges-server|$binary|" "$unit" > "$dir/lges-server.service"
systemd-analyze verify "$dir/lges-server.service"
systemd-analyze security --offline=true --threshold="$max" \
  "$dir/lges-server.service" | tail -n 1
echo "check-systemd-unit: verify passed; exposure within $max/100"
