#pragma once
// Schema migrations, tracked in SQLite's user_version. Applied at start-up,
// each in its own transaction, in order; a database newer than this binary
// is refused.

#include "absl/status/status.h"
#include "storage/sqlite_db.h"

namespace lges {

// The schema version this binary migrates to.
int LatestSchemaVersion();

// Brings `db` up to LatestSchemaVersion(). Idempotent. On failure the
// database stays at the last fully applied version. Sets `*found`, if
// given, to the version the database had before.
absl::Status Migrate(sql::Db& db, int* found = nullptr);

}  // namespace lges
