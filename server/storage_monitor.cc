#include "server/storage_monitor.h"

#include "service/log.h"

namespace lges {
namespace {

void LogChange(StorageFault now, StorageFault before) {
  if (now != StorageFault::kNone) {
    log::Error("storage_fault",
               std::string(StorageFaultText(now)) +
                   "; health is NOT_SERVING while it lasts",
               {{"fault", StorageFaultName(now)}});
  } else {
    log::Info("storage_recovered",
              "the database can be written again; health is SERVING",
              {{"after", StorageFaultName(before)}});
  }
}

}  // namespace

StorageMonitor::StorageMonitor(SqliteStore& store,
                               std::function<void(bool)> set_serving,
                               std::chrono::milliseconds interval)
    : store_(store) {
  store_.health().SetListener(
      [set_serving = std::move(set_serving)](StorageFault now,
                                             StorageFault before) {
        LogChange(now, before);
        set_serving(now == StorageFault::kNone);
      });
  store_.ProbeWrites(/*force=*/true);
  probe_.emplace(interval, [this] { store_.ProbeWrites(); });
}

StorageMonitor::~StorageMonitor() {
  probe_.reset();
  store_.health().SetListener(nullptr);
}

}  // namespace lges
