#!/usr/bin/env bash
# buf's checks of the estyn.lges.v1 protos, against protos/buf.yaml:
#   scripts/check-protos.sh lint      style and comments
#   scripts/check-protos.sh breaking  no breaking change since the v1 baseline
#   scripts/check-protos.sh baseline  rewrites the baseline (only for a new
#                                     major version; never to silence a check)
# buf reads an image that protoc builds, because the googleapis imports come
# from Debian's package rather than the Buf registry. buf itself comes from
# npm (tools/package.json, installed by scripts/install-deps.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
buf="$root/tools/node_modules/.bin/buf"
googleapis=/usr/share/gocode/src/github.com/gogo/googleapis
baseline="$root/protos/v1-baseline.binpb"
if [ ! -x "$buf" ]; then
  echo "check-protos: buf is missing; run scripts/install-deps.sh" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Paths relative to protos/, as the baseline records them.
image="$work/api.binpb"
(cd "$root/protos" && protoc -I . -I "$googleapis" --include_imports \
  --include_source_info --descriptor_set_out="$image" estyn/lges/v1/*.proto)
case "${1:-}" in
  lint)
    "$buf" lint "$image" --config "$root/protos/buf.yaml" ;;
  breaking)
    "$buf" breaking "$image" --against "$baseline" \
      --config "$root/protos/buf.yaml" ;;
  baseline)
    (cd "$root/protos" && protoc -I . -I "$googleapis" --include_imports \
      --descriptor_set_out="$baseline" estyn/lges/v1/*.proto)
    echo "check-protos: wrote $baseline" ;;
  *)
    echo "usage: scripts/check-protos.sh lint|breaking|baseline" >&2
    exit 2 ;;
esac
