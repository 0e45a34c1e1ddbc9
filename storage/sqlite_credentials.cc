// SqliteStore's credentials (storage/credential_store.h).
#include "storage/sqlite_common.h"
#include "storage/sqlite_store.h"

namespace lges {
namespace {

constexpr char kColumns[] =
    "name, role, create_time_ms, last_used_ms, revoked_time_ms";
// A credential's last use is written at most this often.
constexpr int64_t kUseResolutionMs = 60 * 1000;

Credential CredentialOf(sql::Query& q) {
  Credential c;
  c.name = q.Text(0);
  c.role = static_cast<Role>(q.Int(1));
  c.create_time_ms = q.Int(2);
  c.last_used_ms = q.Int(3);
  c.revoked_time_ms = q.Int(4);
  return c;
}

}  // namespace

absl::StatusOr<Credential> SqliteStore::CreateCredential(
    const std::string& name, Role role, const std::string& token_hash) {
  RecursiveLock lock(mu_);
  LGES_ASSIGN_OR_RETURN(
      sql::Query taken, db_->Prepare("SELECT 1 FROM credentials WHERE name = ?"));
  taken.Bind(1, name);
  LGES_ASSIGN_OR_RETURN(bool exists, taken.Step());
  if (exists)
    return WithReason(
        absl::AlreadyExistsError("a credential named '" + name +
                                 "' exists (names are never reused)"),
        "RESOURCE_ALREADY_EXISTS", {{"resource", "tokens/" + name}});
  LGES_ASSIGN_OR_RETURN(
      sql::Query insert,
      db_->Prepare("INSERT INTO credentials (name, role, token_hash, "
                   "create_time_ms) VALUES (?, ?, ?, ?)"));
  insert.Bind(1, name)
      .Bind(2, static_cast<int64_t>(role))
      .Bind(3, token_hash)
      .Bind(4, internal::NowMs());
  LGES_RETURN_IF_ERROR(insert.Run());
  return LoadCredential("name", name);
}

absl::StatusOr<Credential> SqliteStore::FindCredentialByHash(
    const std::string& token_hash) {
  RecursiveLock lock(mu_);
  return FindInForce("token_hash", token_hash);
}

absl::StatusOr<Credential> SqliteStore::FindCredentialByName(
    const std::string& name) {
  RecursiveLock lock(mu_);
  return FindInForce("name", name);
}

absl::StatusOr<std::vector<Credential>> SqliteStore::ListCredentials() {
  RecursiveLock lock(mu_);
  LGES_ASSIGN_OR_RETURN(
      sql::Query q, db_->Prepare(std::string("SELECT ") + kColumns +
                                 " FROM credentials ORDER BY name"));
  std::vector<Credential> out;
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return out;
    out.push_back(CredentialOf(q));
  }
}

absl::StatusOr<Credential> SqliteStore::RevokeCredential(
    const std::string& name) {
  RecursiveLock lock(mu_);
  LGES_ASSIGN_OR_RETURN(
      sql::Query q, db_->Prepare("UPDATE credentials SET revoked_time_ms = ? "
                                 "WHERE name = ? AND revoked_time_ms = 0"));
  q.Bind(1, internal::NowMs()).Bind(2, name);
  LGES_RETURN_IF_ERROR(q.Run());
  return LoadCredential("name", name);
}

absl::StatusOr<Credential> SqliteStore::LoadCredential(
    const std::string& column, const std::string& value) {
  LGES_ASSIGN_OR_RETURN(
      sql::Query q, db_->Prepare(std::string("SELECT ") + kColumns +
                                 " FROM credentials WHERE " + column + " = ?"));
  q.Bind(1, value);
  LGES_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return absl::NotFoundError("no such credential");
  return CredentialOf(q);
}

absl::StatusOr<Credential> SqliteStore::FindInForce(const std::string& column,
                                                    const std::string& value) {
  LGES_ASSIGN_OR_RETURN(Credential found, LoadCredential(column, value));
  if (found.revoked_time_ms != 0)
    return absl::NotFoundError("no such credential");
  const int64_t now = internal::NowMs();
  if (now - found.last_used_ms >= kUseResolutionMs) {
    LGES_ASSIGN_OR_RETURN(
        sql::Query touch,
        db_->Prepare("UPDATE credentials SET last_used_ms = ? WHERE name = ?"));
    touch.Bind(1, now).Bind(2, found.name);
    LGES_RETURN_IF_ERROR(touch.Run());
    found.last_used_ms = now;
  }
  return found;
}

}  // namespace lges
