#include "storage/sqlite_store.h"

#include "storage/migrations.h"
#include "storage/sqlite_common.h"
#include "storage/verify.h"

namespace lges {

using internal::NowMs;

absl::StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(
    const std::string& path, bool durable) {
  auto health = std::make_unique<StorageHealth>();
  LGES_ASSIGN_OR_RETURN(
      std::unique_ptr<sql::Db> db,
      sql::Db::Open(path, {.durable = durable, .health = health.get()}));
  LGES_RETURN_IF_ERROR(sql::CheckIntegrity(*db));
  int found = 0;
  LGES_RETURN_IF_ERROR(Migrate(*db, &found));
  auto store = std::unique_ptr<SqliteStore>(
      new SqliteStore(path, std::move(health), std::move(db)));
  store->schema_found_ = found;
  return store;
}

void SqliteStore::ProbeWrites(bool force) {
  RecursiveLock lock(mu_);
  if (!db_->CheckFileIdentity().ok() || (health_->writable() && !force))
    return;
  sql::Transaction txn(*db_);
  if (!txn.begin_status().ok()) return;
  if (!db_->Exec("UPDATE meta SET value = value WHERE key = 'dataset_version'")
           .ok())
    return;
  txn.Commit().IgnoreError();  // Reports to health_ either way.
}

absl::Status SqliteStore::BackupTo(const std::string& path) {
  if (path_ == ":memory:")
    return absl::FailedPreconditionError("an in-memory database has no file");
  LGES_ASSIGN_OR_RETURN(std::unique_ptr<sql::Db> reader,
                        sql::Db::Open(path_, {.read_only = true}));
  LGES_ASSIGN_OR_RETURN(sql::Query q, reader->Prepare("VACUUM INTO ?"));
  q.Bind(1, path);
  return q.Run();
}

absl::StatusOr<int64_t> SqliteStore::RecordChange(const std::string& action,
                                                  const std::string& resource,
                                                  const WriteContext& ctx) {
  LGES_ASSIGN_OR_RETURN(
      sql::Query bump, db_->Prepare("UPDATE meta SET value = value + 1 WHERE "
                                    "key = 'dataset_version' RETURNING value"));
  LGES_ASSIGN_OR_RETURN(bool row, bump.Step());
  if (!row) return absl::InternalError("meta.dataset_version is missing");
  const int64_t version = bump.Int(0);
  LGES_RETURN_IF_ERROR(bump.Step().status());
  LGES_ASSIGN_OR_RETURN(
      sql::Query log,
      db_->Prepare("INSERT INTO changes (version, time_ms, actor, action, "
                   "resource, source, on_behalf_of) VALUES (?, ?, ?, ?, ?, ?, "
                   "?)"));
  log.Bind(1, version)
      .Bind(2, NowMs())
      .Bind(3, ctx.actor)
      .Bind(4, action)
      .Bind(5, resource)
      .Bind(6, ctx.source)
      .Bind(7, ctx.on_behalf_of);
  LGES_RETURN_IF_ERROR(log.Run());
  return version;
}

absl::StatusOr<std::string> SqliteStore::FindCreateRequest(
    const WriteContext& ctx) {
  if (ctx.request_id.empty()) return std::string();
  LGES_ASSIGN_OR_RETURN(sql::Query q,
                        db_->Prepare("SELECT resource, fingerprint FROM "
                                     "create_requests WHERE request_id = ?"));
  q.Bind(1, ctx.request_id);
  LGES_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::string();
  if (q.Text(1) != ctx.request_fingerprint) {
    return WithReason(
        absl::AlreadyExistsError("request_id '" + ctx.request_id +
                                 "' was already used for a different request"),
        "REQUEST_ID_REUSED", {{"request_id", ctx.request_id}});
  }
  return q.Text(0);
}

absl::Status SqliteStore::RememberCreateRequest(const WriteContext& ctx,
                                                const std::string& resource) {
  if (ctx.request_id.empty()) return absl::OkStatus();
  LGES_ASSIGN_OR_RETURN(
      sql::Query q, db_->Prepare("INSERT INTO create_requests (request_id, "
                                 "resource, fingerprint) VALUES (?, ?, ?)"));
  q.Bind(1, ctx.request_id).Bind(2, resource).Bind(3, ctx.request_fingerprint);
  return q.Run();
}

absl::Status SqliteStore::CheckRevision(const std::string& table,
                                        const std::string& key_column,
                                        const std::string& key,
                                        int64_t expected,
                                        const std::string& resource) {
  LGES_ASSIGN_OR_RETURN(
      sql::Query q, db_->Prepare("SELECT revision FROM " + table + " WHERE " +
                                 key_column + " = ?"));
  q.Bind(1, key);
  LGES_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return internal::NotFound(resource);
  if (expected != 0 && q.Int(0) != expected) {
    return WithReason(
        absl::FailedPreconditionError(
            resource +
            " has changed since it was read (etag mismatch); read it again"),
        "STALE_ETAG",
        {{"resource", resource},
         {"etag", "r" + std::to_string(expected)},
         {"current_etag", "r" + std::to_string(q.Int(0))}});
  }
  return absl::OkStatus();
}

absl::Status SqliteStore::CheckProviderExists(const std::string& code,
                                              const std::string& field) {
  LGES_ASSIGN_OR_RETURN(sql::Query q,
                        db_->Prepare("SELECT 1 FROM providers WHERE code = ?"));
  q.Bind(1, code);
  LGES_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row)
    return InvalidFieldError(field, "unknown provider code '" + Quoted(code) + "'");
  return absl::OkStatus();
}

absl::StatusOr<int64_t> SqliteStore::DatasetVersion() {
  RecursiveLock lock(mu_);
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare("SELECT value FROM meta WHERE key = 'dataset_version'"));
  LGES_ASSIGN_OR_RETURN(bool row, q.Step());
  return row ? q.Int(0) : 0;
}

absl::StatusOr<std::vector<Change>> SqliteStore::ListChanges(
    int64_t since_version, int limit) {
  RecursiveLock lock(mu_);
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare("SELECT version, time_ms, actor, on_behalf_of, action, "
                   "resource, source FROM changes"
                   " WHERE version > ? ORDER BY version LIMIT ?"));
  q.Bind(1, since_version).Bind(2, static_cast<int64_t>(limit));
  std::vector<Change> out;
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back({q.Int(0), q.Int(1), q.Text(2), q.Text(3), q.Text(4),
                   q.Text(5), q.Text(6)});
  }
  return out;
}

}  // namespace lges
