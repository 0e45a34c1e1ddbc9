#include "storage/storage_health.h"

namespace lges {

std::string_view StorageFaultName(StorageFault fault) {
  switch (fault) {
    case StorageFault::kNone:
      return "none";
    case StorageFault::kReadOnly:
      return "read_only";
    case StorageFault::kDiskFull:
      return "disk_full";
    case StorageFault::kIoError:
      return "io_error";
    case StorageFault::kFileGone:
      return "file_gone";
  }
  return "unknown";
}

std::string_view StorageFaultText(StorageFault fault) {
  switch (fault) {
    case StorageFault::kNone:
      return "the database can be written";
    case StorageFault::kReadOnly:
      return "the database is read-only";
    case StorageFault::kDiskFull:
      return "the disk holding the database is full";
    case StorageFault::kIoError:
      return "the database file cannot be read or written (I/O error)";
    case StorageFault::kFileGone:
      return "the database file was deleted or replaced while the server was "
             "running; writes are refused until the server is restarted";
  }
  return "unknown storage state";
}

void StorageHealth::Report(StorageFault fault) {
  StorageFault before;
  Listener listener;
  {
    absl::MutexLock lock(&mu_);
    before = current_;
    if (before == fault || before == StorageFault::kFileGone) return;
    current_ = fault;
    if (fault != StorageFault::kNone) ++episodes_[static_cast<int>(fault)];
    listener = listener_;
  }
  if (listener) listener(fault, before);
}

StorageFault StorageHealth::current() const {
  absl::MutexLock lock(&mu_);
  return current_;
}

int64_t StorageHealth::episodes(StorageFault fault) const {
  absl::MutexLock lock(&mu_);
  return episodes_[static_cast<int>(fault)];
}

void StorageHealth::SetListener(Listener listener) {
  absl::MutexLock lock(&mu_);
  listener_ = std::move(listener);
}

}  // namespace lges
