#pragma once
// The storage and analytics a server runs on: the SQLite store, the current
// analytics snapshot, and the Store that services write through (which
// asks for a snapshot rebuild after every committed write). Built in one place so
// that lges-server and the tests wire it the same way.

#include <memory>
#include <string>

#include "analytics/classifier.h"
#include "service/snapshot_source.h"
#include "storage/notifying_store.h"
#include "storage/sqlite_store.h"

namespace lges {

// Each member refers to those declared before it (store -> snapshots ->
// classifier, sqlite), so the declaration order is also the safe order of
// destruction: keep it.
struct Backend {
  std::unique_ptr<SqliteStore> sqlite;
  std::unique_ptr<analytics::Classifier> classifier;
  std::unique_ptr<SnapshotSource> snapshots;
  // What services use: writes go to `sqlite` and then rebuild `snapshots`.
  std::unique_ptr<NotifyingStore> store;
};

struct BackendOptions {
  // Gives "today" for analytics.
  SnapshotSource::Clock clock = std::chrono::system_clock::now;
  // Load the embedded public record (data/public-record.json) into the
  // database once: never again, so that restarts neither duplicate it nor
  // overwrite edits made since.
  bool load_public_record = false;
  // false: synchronous=NORMAL instead of FULL (benchmarks only).
  bool durable = true;
};

// Opens (creating, checking and migrating) the database at `path`, loads
// the public record if asked and not loaded before, and builds the first
// snapshot. Errors are those of SqliteStore::Open (UNAVAILABLE: the file
// cannot be opened; FAILED_PRECONDITION: it is damaged or its schema is
// newer than this binary), of the
// import (INVALID_ARGUMENT if the embedded record does not validate), and of
// the first rebuild.
absl::StatusOr<Backend> OpenBackend(const std::string& path,
                                    BackendOptions options = {});

}  // namespace lges
