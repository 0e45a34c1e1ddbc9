#!/usr/bin/env bash
# The whole test suite again, built by clang 14 with AddressSanitizer and
# UndefinedBehaviorSanitizer (any report fails its test), then every libFuzzer
# target for FUZZ_SECONDS (default 30; 0 skips fuzzing). CI runs this after
# scripts/test.sh. Builds into build-sanitize/.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz_seconds="${1:-30}"
scripts/install-deps.sh
CC=clang-14 CXX=clang++-14 cmake -S . -B build-sanitize \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DLGES_SANITIZE=ON -DLGES_FUZZ=ON \
  -DLGES_BUILD_BENCH=OFF
cmake --build build-sanitize -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-sanitize && ctest --output-on-failure --timeout 900 -j"$(nproc)")
if [ "$fuzz_seconds" != 0 ]; then
  scripts/fuzz.sh "$fuzz_seconds"
fi
