#!/usr/bin/env bash
# Installs the Debian 12 packages that LGES Insights builds, runs and tests with.
# Run as root. Safe to run again: apt-get skips what is already installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libsqlite3-dev sqlite3
  prometheus-cpp-dev
  libgtest-dev libgmock-dev
  golang-github-gogo-googleapis-dev
  python3-grpcio python3-protobuf python3-grpc-tools grpc-proto
  prometheus nlohmann-json3-dev libcpp-httplib-dev
  chromium python3-websocket python3-pil fonts-dejavu-core
  libreoffice-calc-nogui python3-openpyxl poppler-utils systemd
  clang-14 libclang-rt-14-dev
)

# Node.js and npm, for the check tools (tools/package.json); a machine that
# has them already (another packaging of Node.js) keeps its own.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# The npm tools the tests use, at the versions tools/package-lock.json pins.
install_tools() {
  local tools
  tools="$(cd "$(dirname "$0")/../tools" && pwd)"
  # The stamp is the lock file that the last install followed.
  if cmp -s "$tools/package-lock.json" "$tools/node_modules/.lges-installed"; then
    return
  fi
  echo "install-deps: installing the check tools (tools/package.json)"
  npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error
  cp "$tools/package-lock.json" "$tools/node_modules/.lges-installed"
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  install_tools
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages (${missing[*]}); run this script as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_tools
