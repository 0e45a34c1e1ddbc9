#pragma once
// Checking a database file without serving it: what `lgesctl backup
// --verify` and lges-server's start-up rely on.

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"

namespace lges {

namespace sql {
class Db;
// PRAGMA integrity_check on `db`: OK, or FAILED_PRECONDITION naming the
// first problem found.
absl::Status CheckIntegrity(Db& db);
}  // namespace sql

// What a sound database file holds. The counts are left 0 for a file of an
// older schema version.
struct DatabaseReport {
  int schema_version = 0;
  int64_t dataset_version = 0;
  int64_t providers = 0;
  int64_t inspections = 0;
  int64_t follow_up_events = 0;
  int64_t key_messages = 0;
  int64_t theme_overrides = 0;  // In force, each with its reason.
  int64_t changes = 0;          // Entries of the change log.
  int64_t credentials = 0;
};

// Opens `path` read-only and checks that it is an LGES Insights database
// this binary can serve: integrity_check passes and its schema is not
// newer than ours. UNAVAILABLE if it cannot be opened; FAILED_PRECONDITION
// with one line otherwise.
absl::StatusOr<DatabaseReport> VerifyDatabaseFile(const std::string& path);

}  // namespace lges
