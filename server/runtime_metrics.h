#pragma once
// Metrics of the process and of the analytics snapshot's rebuilds, read
// when Prometheus scrapes. Thread-safe.
//
// ProcessCollector: the standard process_* series that client libraries
// export (Prometheus's "process metrics"), from /proc and getrlimit:
//   process_cpu_seconds_total, process_resident_memory_bytes,
//   process_virtual_memory_bytes, process_open_fds, process_max_fds,
//   process_start_time_seconds.
// RebuildCollector: lges_snapshot_rebuilds_total{result},
//   lges_snapshot_rebuild_seconds_total, lges_snapshot_last_rebuild_seconds,
//   lges_snapshot_last_success_timestamp_seconds,
//   lges_snapshot_last_failure_timestamp_seconds (0: none yet) and
//   lges_snapshot_pending_writes (committed writes not yet in a snapshot).

#include <prometheus/collectable.h>
#include <prometheus/metric_family.h>

#include <vector>

namespace lges {

class SnapshotSource;

class ProcessCollector final : public prometheus::Collectable {
 public:
  std::vector<prometheus::MetricFamily> Collect() const override;
};

class RebuildCollector final : public prometheus::Collectable {
 public:
  // `snapshots` must outlive the collector.
  explicit RebuildCollector(const SnapshotSource& snapshots)
      : snapshots_(snapshots) {}
  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  const SnapshotSource& snapshots_;
};

}  // namespace lges
