// SqliteStore: theme overrides with their audit trail, and ReadAll.
#include "storage/sqlite_common.h"
#include "storage/sqlite_store.h"

namespace lges {

namespace {

constexpr char kOverrideColumns[] =
    "inspection_id, recommendation_number, theme_id, actor, time_ms, "
    "previous_theme_id, reason";

}  // namespace

absl::StatusOr<std::vector<ThemeOverride>> SqliteStore::QueryOverrides(
    const std::string& sql, const std::string& bind) {
  LGES_ASSIGN_OR_RETURN(sql::Query q, db_->Prepare(sql));
  q.Bind(1, bind);
  std::vector<ThemeOverride> out;
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return out;
    out.push_back({q.Text(0), static_cast<int>(q.Int(1)), q.Text(2), q.Text(3),
                   q.Int(4), q.Text(5), q.Text(6)});
  }
}

absl::StatusOr<ThemeOverride> SqliteStore::SetThemeOverride(
    const std::string& inspection_id, int number, const std::string& theme_id,
    const std::string& reason, const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  const std::string inspection = "inspections/" + inspection_id;
  LGES_RETURN_IF_ERROR(
      CheckRevision("inspections", "id", inspection_id, 0, inspection));
  LGES_ASSIGN_OR_RETURN(sql::Query exists,
                        db_->Prepare("SELECT 1 FROM recommendations WHERE "
                                     "inspection_id = ? AND number = ?"));
  exists.Bind(1, inspection_id).Bind(2, static_cast<int64_t>(number));
  LGES_ASSIGN_OR_RETURN(bool found, exists.Step());
  if (!found)
    return InvalidFieldError(
        "recommendation_number",
        inspection + " has no recommendation " + std::to_string(number));

  LGES_ASSIGN_OR_RETURN(
      std::vector<ThemeOverride> current,
      QueryOverrides(std::string("SELECT ") + kOverrideColumns +
                         " FROM theme_overrides WHERE inspection_id = ?1"
                         " AND recommendation_number = " +
                         std::to_string(number),
                     inspection_id));
  ThemeOverride entry{inspection_id,
                      number,
                      theme_id,
                      ctx.actor,
                      internal::NowMs(),
                      current.empty() ? "" : current[0].theme_id,
                      reason};
  LGES_ASSIGN_OR_RETURN(
      sql::Query clear,
      db_->Prepare("DELETE FROM theme_overrides WHERE inspection_id = ? AND "
                   "recommendation_number = ?"));
  LGES_RETURN_IF_ERROR(
      clear.Bind(1, inspection_id).Bind(2, static_cast<int64_t>(number)).Run());
  for (const char* table : {"theme_overrides", "theme_override_history"}) {
    if (theme_id.empty() && std::string(table) == "theme_overrides") continue;
    LGES_ASSIGN_OR_RETURN(
        sql::Query q,
        db_->Prepare(std::string("INSERT INTO ") + table + " (" +
                     kOverrideColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.Bind(1, entry.inspection_id)
        .Bind(2, static_cast<int64_t>(number))
        .Bind(3, entry.theme_id)
        .Bind(4, entry.actor);
    LGES_RETURN_IF_ERROR(q.Bind(5, entry.time_ms)
                             .Bind(6, entry.previous_theme_id)
                             .Bind(7, entry.reason)
                             .Run());
  }
  LGES_RETURN_IF_ERROR(RecordChange("update",
                                    inspection + "/recommendations/" +
                                        std::to_string(number) + "/theme",
                                    ctx)
                           .status());
  LGES_RETURN_IF_ERROR(txn.Commit());
  return entry;
}

absl::StatusOr<std::vector<ThemeOverride>> SqliteStore::ListThemeOverrides() {
  RecursiveLock lock(mu_);
  return QueryOverrides(std::string("SELECT ") + kOverrideColumns +
                            " FROM theme_overrides WHERE ?1 = '' ORDER BY "
                            "inspection_id, recommendation_number",
                        "");
}

absl::StatusOr<std::vector<ThemeOverride>>
SqliteStore::ListThemeOverrideHistory(const std::string& inspection_id) {
  RecursiveLock lock(mu_);
  return QueryOverrides(std::string("SELECT ") + kOverrideColumns +
                            " FROM theme_override_history WHERE (?1 = '' OR "
                            "inspection_id = ?1) ORDER BY id",
                        inspection_id);
}

absl::StatusOr<Dataset> SqliteStore::ReadAll() {
  if (path_ != ":memory:" && !is_reader_) {
    absl::MutexLock read_lock(&reader_mu_);
    if (!reader_) {
      LGES_ASSIGN_OR_RETURN(std::unique_ptr<sql::Db> db,
                            sql::Db::Open(path_, {.read_only = true}));
      reader_.reset(new SqliteStore(path_, std::make_unique<StorageHealth>(),
                                    std::move(db)));
      reader_->is_reader_ = true;
    }
    return reader_->ReadAll();
  }
  RecursiveLock lock(mu_);
  // A read transaction, so that every table is read at the same version.
  LGES_RETURN_IF_ERROR(db_->Exec("BEGIN"));
  Dataset out;
  const absl::Status status = ReadEverything(out);
  db_->Exec("COMMIT").IgnoreError();
  if (!status.ok()) return status;
  return out;
}

absl::Status SqliteStore::ReadEverything(Dataset& out) {
  LGES_ASSIGN_OR_RETURN(
      sql::Query v,
      db_->Prepare("SELECT (SELECT value FROM meta WHERE key = "
                   "'dataset_version'), (SELECT MAX(time_ms) FROM changes)"));
  LGES_RETURN_IF_ERROR(v.Step().status());
  out.version = v.Int(0);
  out.as_of_ms = v.Int(1);
  LGES_RETURN_IF_ERROR(ReadProviders(out));
  LGES_RETURN_IF_ERROR(ReadInspections(out));
  LGES_RETURN_IF_ERROR(ReadEvents(out));
  LGES_RETURN_IF_ERROR(ReadKeyMessages(out));
  LGES_RETURN_IF_ERROR(ReadPublishedYears(out));
  LGES_ASSIGN_OR_RETURN(
      out.overrides,
      QueryOverrides(std::string("SELECT ") + kOverrideColumns +
                         " FROM theme_overrides WHERE ?1 = ''"
                         " ORDER BY inspection_id, recommendation_number",
                     ""));
  return absl::OkStatus();
}

}  // namespace lges
