#include "server/runtime_metrics.h"

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

#include "server/metric_families.h"
#include "server/open_files.h"
#include "service/snapshot_source.h"

namespace lges {
namespace {

// Fields of /proc/self/stat after the command name (which may hold
// spaces): [0] is field 3, the state.
std::vector<std::string> StatFields() {
  std::ifstream file("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(file)), {});
  const size_t close = text.rfind(')');
  std::vector<std::string> fields;
  if (close == std::string::npos) return fields;
  std::istringstream rest(text.substr(close + 1));
  for (std::string f; rest >> f;) fields.push_back(f);
  return fields;
}

// Seconds since the epoch at which the system booted (/proc/stat btime).
double BootTime() {
  std::ifstream file("/proc/stat");
  for (std::string key; file >> key;) {
    if (key == "btime") {
      double seconds = 0;
      file >> seconds;
      return seconds;
    }
    file.ignore(1 << 20, '\n');
  }
  return 0;
}

}  // namespace

std::vector<prometheus::MetricFamily> ProcessCollector::Collect() const {
  std::vector<prometheus::MetricFamily> out;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6;
  };
  out.push_back(
      CounterFamily("process_cpu_seconds_total",
                    "Total user and system CPU time spent in seconds.",
                    seconds(usage.ru_utime) + seconds(usage.ru_stime)));
  const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
  const std::vector<std::string> stat = StatFields();
  // Fields 23 (vsize, bytes), 24 (rss, pages) and 22 (starttime, ticks
  // after boot) of proc(5), at [20], [21] and [19] here.
  if (stat.size() > 21) {
    out.push_back(GaugeFamily("process_virtual_memory_bytes",
                              "Virtual memory size in bytes.",
                              std::stod(stat[20])));
    out.push_back(GaugeFamily("process_resident_memory_bytes",
                              "Resident memory size in bytes.",
                              std::stod(stat[21]) * page));
    out.push_back(
        GaugeFamily("process_start_time_seconds",
                    "Start time of the process since unix epoch in seconds.",
                    BootTime() + std::stod(stat[19]) / sysconf(_SC_CLK_TCK)));
  }
  out.push_back(GaugeFamily("process_open_fds",
                            "Number of open file descriptors.",
                            CountOpenFiles()));
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  out.push_back(GaugeFamily("process_max_fds",
                            "Maximum number of open file descriptors.",
                            static_cast<double>(limit.rlim_cur)));
  return out;
}

std::vector<prometheus::MetricFamily> RebuildCollector::Collect() const {
  const RebuildStats stats = snapshots_.rebuild_stats();
  prometheus::MetricFamily rebuilds{
      "lges_snapshot_rebuilds_total",
      "Rebuilds of the analytics snapshot after writes, by result (a failed "
      "one keeps the previous snapshot).",
      prometheus::MetricType::Counter,
      {}};
  for (const auto& [result, count] : {std::pair{"success", stats.successes},
                                      std::pair{"failure", stats.failures}}) {
    prometheus::ClientMetric m;
    m.label.push_back({"result", result});
    m.counter.value = static_cast<double>(count);
    rebuilds.metric.push_back(std::move(m));
  }
  return {
      rebuilds,
      CounterFamily(
          "lges_snapshot_rebuild_seconds_total",
          "Seconds spent in successful rebuilds of the analytics snapshot.",
          stats.total_seconds),
      GaugeFamily("lges_snapshot_last_rebuild_seconds",
                  "Seconds the last successful rebuild took.",
                  stats.last_seconds),
      GaugeFamily("lges_snapshot_last_success_timestamp_seconds",
                  "Unix time of the last successful rebuild.",
                  stats.last_success_unix_seconds),
      GaugeFamily("lges_snapshot_last_failure_timestamp_seconds",
                  "Unix time of the last failed rebuild; 0 if none has failed.",
                  stats.last_failure_unix_seconds),
      GaugeFamily(
          "lges_snapshot_pending_writes",
          "Committed writes that no snapshot reflects yet (a rebuild is "
          "due or under way).",
          static_cast<double>(stats.pending_writes)),
  };
}

}  // namespace lges
