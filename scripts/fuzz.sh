#!/usr/bin/env bash
# Runs each libFuzzer target of fuzz/ for SECONDS (default 30) on a scratch
# copy of its seed corpus (fuzz/corpus/<target>/), and prints the executions
# per target. Builds build-sanitize/ first if needed (scripts/sanitize.sh
# does both). A crash stops the run and leaves its input in
# build-sanitize/fuzz-crashes/; fix it and add the input to the corpus.
#
#   scripts/fuzz.sh              30 s per target, every target
#   scripts/fuzz.sh 600 csv_events_fuzzer    a longer run of one
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
build=build-sanitize
if [ ! -d "$build/fuzz" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DLGES_SANITIZE=ON -DLGES_FUZZ=ON -DLGES_BUILD_BENCH=OFF
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=($(ls fuzz/corpus))
fi
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"
crashes="$build/fuzz-crashes"
mkdir -p "$crashes"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
for target in "${targets[@]}"; do
  scratch=$(mktemp -d)
  log="$build/fuzz-$target.log"
  if ! "$build/fuzz/$target" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$crashes/$target-" -timeout=10 -rss_limit_mb=2048 \
      "$scratch" "fuzz/corpus/$target" > "$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $target FAILED; the input is in $crashes" >&2
    rm -rf "$scratch"
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  echo "fuzz: $target: $runs executions in ${seconds}s, no crash"
  rm -rf "$scratch"
done
