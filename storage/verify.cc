#include "storage/verify.h"

#include "domain/errors.h"
#include "storage/migrations.h"
#include "storage/sqlite_db.h"

namespace lges {

absl::Status sql::CheckIntegrity(Db& db) {
  LGES_ASSIGN_OR_RETURN(Query q, db.Prepare("PRAGMA integrity_check(1)"));
  LGES_ASSIGN_OR_RETURN(bool row, q.Step());
  if (row && q.Text(0) == "ok") return absl::OkStatus();
  // One line, however SQLite words it.
  std::string said = row ? q.Text(0) : "nothing";
  for (char& c : said)
    if (c == '\n' || c == '\r') c = ' ';
  if (said.size() > 200) said = said.substr(0, 200) + "...";
  return absl::FailedPreconditionError(
      "the database file is damaged: integrity_check says " + said);
}

namespace {

absl::StatusOr<int64_t> Scalar(sql::Db& db, const std::string& sql) {
  LGES_ASSIGN_OR_RETURN(sql::Query q, db.Prepare(sql));
  LGES_ASSIGN_OR_RETURN(bool row, q.Step());
  return row ? q.Int(0) : 0;
}

absl::StatusOr<int64_t> Count(sql::Db& db, const std::string& table) {
  return Scalar(db, "SELECT count(*) FROM " + table);
}

absl::Status CountAll(sql::Db& db, DatabaseReport& r) {
  const std::pair<const char*, int64_t*> tables[] = {
      {"providers", &r.providers},
      {"inspections", &r.inspections},
      {"follow_up_events", &r.follow_up_events},
      {"key_messages", &r.key_messages},
      {"theme_overrides", &r.theme_overrides},
      {"changes", &r.changes},
      {"credentials", &r.credentials}};
  for (const auto& [table, out] : tables) {
    LGES_ASSIGN_OR_RETURN(*out, Count(db, table));
  }
  LGES_ASSIGN_OR_RETURN(
      r.dataset_version,
      Scalar(db, "SELECT value FROM meta WHERE key = 'dataset_version'"));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<DatabaseReport> VerifyDatabaseFile(const std::string& path) {
  LGES_ASSIGN_OR_RETURN(std::unique_ptr<sql::Db> db,
                        sql::Db::Open(path, {.read_only = true}));
  LGES_RETURN_IF_ERROR(sql::CheckIntegrity(*db));
  DatabaseReport report;
  LGES_ASSIGN_OR_RETURN(int64_t version, Scalar(*db, "PRAGMA user_version"));
  report.schema_version = static_cast<int>(version);
  if (report.schema_version > LatestSchemaVersion()) {
    return absl::FailedPreconditionError(
        "database schema version " + std::to_string(version) +
        " is newer than this binary supports (" +
        std::to_string(LatestSchemaVersion()) + ")");
  }
  // An older file is sound too: lges-server migrates it when it opens it.
  // Its tables may differ, so it is not counted.
  if (report.schema_version == LatestSchemaVersion())
    LGES_RETURN_IF_ERROR(CountAll(*db, report));
  return report;
}

}  // namespace lges
