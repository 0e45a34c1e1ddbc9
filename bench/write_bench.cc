// The cost of one committed write at the storage layer, with SQLite's
// synchronous=FULL (what lges-server uses: a committed write survives power
// loss) against NORMAL (WAL's default, which can lose the last commits on
// power loss). Each write creates one key message in its own immediate
// transaction, as CreateKeyMessage does, on a database file in the
// directory given (default: the system's temporary directory), which
// should be on the disk the service will use.
//
// Usage: write_bench [--writes=N] [--dir=PATH]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "storage/sqlite_store.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Figures {
  double median_us, p99_us, writes_per_s;
};

Figures Run(const std::string& dir, bool durable, int writes) {
  const std::string path =
      dir + (durable ? "/write-bench-full.db" : "/write-bench-normal.db");
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path + suffix);
  auto store = lges::SqliteStore::Open(path, durable);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", std::string(store.status().message()).c_str());
    std::exit(1);
  }
  std::vector<double> us;
  const lges::WriteContext ctx{.actor = "bench"};
  const Clock::time_point start = Clock::now();
  for (int i = 0; i < writes; ++i) {
    lges::KeyMessage m;
    m.academic_year = 2022;
    m.area = "Bench area " + std::to_string(i / 1000);
    m.polarity = lges::Polarity::kGoingWell;
    m.position = i % 1000;
    m.text = "Leaders plan well.";
    const Clock::time_point t = Clock::now();
    if (!(*store)->CreateKeyMessage(m, ctx).ok()) std::exit(1);
    us.push_back(
        std::chrono::duration<double, std::micro>(Clock::now() - t).count());
  }
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(us.begin(), us.end());
  store->reset();
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path + suffix);
  return {us[us.size() / 2], us[us.size() * 99 / 100], writes / seconds};
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
}
