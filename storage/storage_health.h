#pragma once
// Whether the database can be written, as the store last saw it. The SQLite
// layer reports every write outcome here; the server turns the state into
// health status, a log line per episode and a metric.
//
// An episode of a fault starts with the first failed write of its kind and
// ends with the next write that commits. kFileGone never ends: once the file
// at the database's path is not the file the server opened (deleted or
// replaced), every later write would go to a file nobody will read again,
// so writes stay refused until an operator restarts the server.
//
// Thread-safe.

#include <array>
#include <cstdint>
#include <functional>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace lges {

enum class StorageFault { kNone, kReadOnly, kDiskFull, kIoError, kFileGone };
inline constexpr int kStorageFaultCount = 5;

// "none", "read_only", "disk_full", "io_error", "file_gone": the metric
// label.
std::string_view StorageFaultName(StorageFault fault);
// A sentence for logs and callers, e.g. "the disk holding the database is
// full".
std::string_view StorageFaultText(StorageFault fault);

class StorageHealth {
 public:
  // Called on every change of state, with the new and the previous state,
  // outside the health's lock but possibly inside the store's.
  using Listener = std::function<void(StorageFault now, StorageFault before)>;

  // Records the outcome of a write: kNone when one committed.
  void Report(StorageFault fault);
  StorageFault current() const;
  bool writable() const { return current() == StorageFault::kNone; }
  // How many episodes of `fault` began since start.
  int64_t episodes(StorageFault fault) const;
  // Replaces the listener; it must not call back into the store.
  void SetListener(Listener listener);

 private:
  mutable absl::Mutex mu_;
  StorageFault current_ ABSL_GUARDED_BY(mu_) = StorageFault::kNone;
  std::array<int64_t, kStorageFaultCount> episodes_ ABSL_GUARDED_BY(mu_) = {};
  Listener listener_ ABSL_GUARDED_BY(mu_);
};

}  // namespace lges
