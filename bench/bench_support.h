#pragma once
// Parts the benchmarks share: the key message each timed write creates, and
// writes timed from many threads at once through a backend.

#include <algorithm>
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

}  // namespace lges::bench
