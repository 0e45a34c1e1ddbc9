#pragma once
// Parts the benchmarks share: calls driven from many threads at once and
// their latencies, the key message each timed write creates, and writes
// timed from many threads at once through a backend.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "server/backend.h"

namespace lges::bench {

using Clock = std::chrono::steady_clock;

// The key message of write `i`; distinct for every i.
inline KeyMessage WriteMessage(int i) {
  KeyMessage m;
  m.academic_year = 2022;
  m.area = "Bench area " + std::to_string(i / 1000);
  m.polarity = Polarity::kGoingWell;
  m.position = i % 1000;
  m.text = "Leaders plan well.";
  return m;
}

struct WriteLatency {
  double p50_us = 0, p99_us = 0;
  uint64_t rebuilds = 0;  // Snapshots published for the burst.
};

// Creates key messages `first`..`first + writes - 1` through `backend`'s
// store from `threads` threads at once, then waits for the last rebuild:
// each write's latency, and how many rebuilds the burst cost.
inline WriteLatency TimeWrites(Backend& backend, int threads, int writes,
                               int first = 0) {
  const uint64_t before = backend.snapshots->generation();
  std::vector<std::vector<double>> us(threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      const WriteContext ctx{.actor = "bench"};
      for (int i = t; i < writes; i += threads) {
        const Clock::time_point start = Clock::now();
        if (!backend.store->CreateKeyMessage(WriteMessage(first + i), ctx).ok())
          std::exit(1);
        us[t].push_back(std::chrono::duration<double, std::micro>(
                            Clock::now() - start)
                            .count());
      }
    });
  }
  for (std::thread& t : pool) t.join();
  backend.snapshots->AwaitWrites(absl::InfiniteFuture());
  std::vector<double> all;
  for (const auto& v : us) all.insert(all.end(), v.begin(), v.end());
  std::sort(all.begin(), all.end());
  return {all[all.size() / 2], all[all.size() * 99 / 100],
          backend.snapshots->generation() - before};
}

struct Result {
  double calls_per_s = 0;
  double p50_us = 0;
  double p99_us = 0;
  long errors = 0;
};

// Runs `call(t)` from threads t = 0..concurrency-1 for `seconds`, after a
// short warm-up.
template <typename Call>
Result Drive(size_t concurrency, double seconds, Call call) {
  std::vector<std::vector<double>> latencies(concurrency);
  std::atomic<long> errors{0};
  std::vector<std::thread> threads;
  const auto warmup_end = Clock::now() + std::chrono::milliseconds(300);
  const auto end =
      warmup_end + std::chrono::microseconds(static_cast<long>(seconds * 1e6));
  for (size_t t = 0; t < concurrency; ++t) {
    threads.emplace_back([&, t] {
      while (Clock::now() < end) {
        const auto start = Clock::now();
        const bool ok = call(t);
        const auto stop = Clock::now();
        if (!ok) ++errors;
        if (start >= warmup_end)
          latencies[t].push_back(
              std::chrono::duration<double, std::micro>(stop - start).count());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  Result r;
  r.errors = errors;
  if (all.empty()) return r;
  r.calls_per_s = all.size() / seconds;
  r.p50_us = all[all.size() / 2];
  r.p99_us = all[std::min(all.size() - 1, all.size() * 99 / 100)];
  return r;
}

// The round with the median throughput.
inline Result Median(std::vector<Result> rounds) {
  std::sort(rounds.begin(), rounds.end(), [](const Result& a, const Result& b) {
    return a.calls_per_s < b.calls_per_s;
  });
  return rounds[rounds.size() / 2];
}

}  // namespace lges::bench
