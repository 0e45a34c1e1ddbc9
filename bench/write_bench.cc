// The cost of one committed write at the storage layer, with SQLite's
// synchronous=FULL (what lges-server uses: a committed write survives power
// loss) against NORMAL (WAL's default, which can lose the last commits on
// power loss). Each write creates one key message in its own immediate
// transaction, as CreateKeyMessage does, on a database file in the
// directory given (default: the system's temporary directory), which
// should be on the disk the service will use.
//
// Then the same writes through the backend lges-server uses (store, change
// log, and a snapshot rebuild requested after each commit) from 1 and from
// 32 threads at once, over the synthetic 20-year dataset: each write's
// latency, and how many rebuilds the burst cost.
//
// Usage: write_bench [--writes=N] [--dir=PATH]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>


#include "bench/bench_support.h"
#include "server/backend.h"
#include "storage/sqlite_store.h"

namespace {

using lges::bench::Clock;

struct Figures {
  double median_us, p99_us, writes_per_s;
};

// Removes the database at `path` with its WAL files.
void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path + suffix);
}

Figures Run(const std::string& dir, bool durable, int writes) {
  const std::string path =
      dir + (durable ? "/write-bench-full.db" : "/write-bench-normal.db");
  RemoveDb(path);
  auto store = lges::SqliteStore::Open(path, durable);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", std::string(store.status().message()).c_str());
    std::exit(1);
  }
  std::vector<double> us;
  const lges::WriteContext ctx{.actor = "bench"};
  const Clock::time_point start = Clock::now();
  for (int i = 0; i < writes; ++i) {
    const Clock::time_point t = Clock::now();
    if (!(*store)->CreateKeyMessage(lges::bench::WriteMessage(i), ctx).ok()) std::exit(1);
    us.push_back(
        std::chrono::duration<double, std::micro>(Clock::now() - t).count());
  }
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(us.begin(), us.end());
  store->reset();
  RemoveDb(path);
  return {us[us.size() / 2], us[us.size() * 99 / 100], writes / seconds};
}

// `writes` creates split over `threads`, through a backend on a fresh file.
void Concurrent(const std::string& dir, int threads, int writes) {
  const std::string path = dir + "/write-bench-backend.db";
  RemoveDb(path);
  auto backend = lges::OpenBackend(path, {.load_public_record = true});
  if (!backend.ok()) std::exit(1);
  const lges::bench::WriteLatency w =
      lges::bench::TimeWrites(*backend, threads, writes);
  std::printf("%-18d %12.0f %12.0f %12llu\n", threads, w.p50_us, w.p99_us,
              static_cast<unsigned long long>(w.rebuilds));
  *backend = {};
  RemoveDb(path);
}

}  // namespace

int main(int argc, char** argv) {
  int writes = 2000;
  std::string dir = std::filesystem::temp_directory_path();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--writes=", 0) == 0) writes = std::stoi(arg.substr(9));
    if (arg.rfind("--dir=", 0) == 0) dir = arg.substr(6);
  }
  std::printf("%d writes of one key message each, database in %s\n", writes,
              dir.c_str());
  std::printf("%-18s %12s %12s %12s\n", "synchronous", "median us", "p99 us",
              "writes/s");
  for (bool durable : {false, true}) {
    const Figures f = Run(dir, durable, writes);
    std::printf("%-18s %12.0f %12.0f %12.0f\n", durable ? "FULL (served)" : "NORMAL",
                f.median_us, f.p99_us, f.writes_per_s);
  }
  std::printf("\nthrough the backend (FULL, public record loaded):\n");
  std::printf("%-18s %12s %12s %12s\n", "writers", "median us", "p99 us",
              "rebuilds");
  for (int threads : {1, 32}) Concurrent(dir, threads, writes);
}
