#pragma once
// Keeps the server's health in step with its database. A thread probes the
// store every `interval` (SqliteStore::ProbeWrites: is the file still the
// one opened, and, during a fault, can it be written again?), and every
// change of the store's StorageHealth is logged once (an error when a fault
// begins, a notice when it ends) and passed to `set_serving`, which the
// server maps to health SERVING / NOT_SERVING.

#include <chrono>
#include <functional>
#include <optional>

#include "server/periodic.h"
#include "storage/sqlite_store.h"

namespace lges {

class StorageMonitor {
 public:
  // Probes once with a write that changes nothing, so that a database that
  // cannot be written is known before the first caller finds out, then
  // every `interval`. `store` must outlive the monitor; `set_serving` is
  // called from the probe thread or from a writing call's thread.
  StorageMonitor(SqliteStore& store, std::function<void(bool)> set_serving,
                 std::chrono::milliseconds interval);
  // Stops probing and detaches from the store's health.
  ~StorageMonitor();
  StorageMonitor(const StorageMonitor&) = delete;
  StorageMonitor& operator=(const StorageMonitor&) = delete;

 private:
  SqliteStore& store_;
  std::optional<Periodic> probe_;  // Started once the listener is set.
};

}  // namespace lges
