// SqliteStore: providers and their memberships.
#include <map>

#include "domain/authorities.h"
#include "storage/codec.h"
#include "storage/sqlite_common.h"
#include "storage/sqlite_store.h"

namespace lges {

using internal::NowMs;

namespace {

constexpr char kProviderColumns[] =
    "code, kind, name_en, name_cy, corporate_name, provenance, revision, "
    "create_time_ms, update_time_ms";

Provider ProviderFromRow(const sql::Query& q) {
  Provider p;
  p.code = q.Text(0);
  p.kind = static_cast<ProviderKind>(q.Int(1));
  p.name_en = q.Text(2);
  p.name_cy = q.Text(3);
  p.corporate_name = q.Text(4);
  p.provenance = codec::DecodeProvenance(q.Text(5));
  p.meta = {q.Int(6), q.Int(7), q.Int(8)};
  return p;
}

std::string ResourceOf(const std::string& code) { return "providers/" + code; }

// Columns authority_code, valid_from, valid_to, provenance from `first`.
Membership MembershipFromRow(const sql::Query& q, int first) {
  return {q.Text(first), codec::DecodeDate(q.Text(first + 1)),
          codec::DecodeDate(q.Text(first + 2)),
          codec::DecodeProvenance(q.Text(first + 3))};
}

}  // namespace

absl::StatusOr<Provider> SqliteStore::LoadProvider(const std::string& code) {
  LGES_ASSIGN_OR_RETURN(sql::Query q,
                        db_->Prepare(std::string("SELECT ") + kProviderColumns +
                                     " FROM providers WHERE code = ?"));
  q.Bind(1, code);
  LGES_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return internal::NotFound(ResourceOf(code));
  Provider p = ProviderFromRow(q);
  LGES_ASSIGN_OR_RETURN(
      sql::Query m, db_->Prepare("SELECT authority_code, valid_from, valid_to, "
                                 "provenance FROM memberships"
                                 " WHERE provider_code = ? ORDER BY position"));
  m.Bind(1, code);
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool more, m.Step());
    if (!more) break;
    p.memberships.push_back({m.Text(0), codec::DecodeDate(m.Text(1)),
                             codec::DecodeDate(m.Text(2)),
                             codec::DecodeProvenance(m.Text(3))});
  }
  return p;
}

absl::Status SqliteStore::WriteMemberships(const Provider& p) {
  LGES_ASSIGN_OR_RETURN(
      sql::Query del,
      db_->Prepare("DELETE FROM memberships WHERE provider_code = ?"));
  LGES_RETURN_IF_ERROR(del.Bind(1, p.code).Run());
  for (size_t i = 0; i < p.memberships.size(); ++i) {
    const Membership& m = p.memberships[i];
    LGES_ASSIGN_OR_RETURN(
        sql::Query q,
        db_->Prepare("INSERT INTO memberships (provider_code, position, "
                     "authority_code, valid_from, valid_to, provenance)"
                     " VALUES (?, ?, ?, ?, ?, ?)"));
    q.Bind(1, p.code)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, m.authority_code);
    q.Bind(4, codec::EncodeDate(m.valid_from))
        .BindOptional(5, codec::EncodeDate(m.valid_to));
    q.Bind(6, codec::EncodeProvenance(m.provenance));
    LGES_RETURN_IF_ERROR(q.Run());
  }
  return absl::OkStatus();
}

absl::Status SqliteStore::ReadProviders(Dataset& out) {
  LGES_ASSIGN_OR_RETURN(sql::Query q,
                        db_->Prepare(std::string("SELECT ") + kProviderColumns +
                                     " FROM providers ORDER BY code"));
  std::map<std::string, size_t> index;
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.providers.push_back(ProviderFromRow(q));
    index[out.providers.back().code] = out.providers.size() - 1;
  }
  LGES_ASSIGN_OR_RETURN(
      sql::Query m,
      db_->Prepare("SELECT provider_code, authority_code, valid_from, "
                   "valid_to, provenance FROM memberships"
                   " ORDER BY provider_code, position"));
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, m.Step());
    if (!row) break;
    out.providers[index.at(m.Text(0))].memberships.push_back(
        MembershipFromRow(m, 1));
  }
  return absl::OkStatus();
}

absl::StatusOr<Provider> SqliteStore::GetProvider(const std::string& code) {
  RecursiveLock lock(mu_);
  return LoadProvider(code);
}

absl::StatusOr<Page<Provider>> SqliteStore::ListProviders(
    const ProviderFilter& filter, PageRequest page) {
  RecursiveLock lock(mu_);
  const int64_t kind = static_cast<int64_t>(filter.kind);
  Page<Provider> out;
  LGES_ASSIGN_OR_RETURN(
      sql::Query count,
      db_->Prepare(
          "SELECT COUNT(*) FROM providers WHERE (?1 = 0 OR kind = ?1)"));
  count.Bind(1, kind);
  LGES_RETURN_IF_ERROR(count.Step().status());
  out.total = static_cast<int>(count.Int(0));
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare("SELECT code FROM providers WHERE (?1 = 0 OR kind = ?1) "
                   "ORDER BY code LIMIT ?2 OFFSET ?3"));
  q.Bind(1, kind)
      .Bind(2, static_cast<int64_t>(page.limit))
      .Bind(3, static_cast<int64_t>(page.offset));
  std::vector<std::string> codes;
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    codes.push_back(q.Text(0));
  }
  for (const std::string& code : codes) {
    LGES_ASSIGN_OR_RETURN(Provider p, LoadProvider(code));
    out.items.push_back(std::move(p));
  }
  return out;
}

absl::StatusOr<Provider> SqliteStore::CreateProvider(const Provider& p,
                                                     const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  LGES_ASSIGN_OR_RETURN(std::string previous, FindCreateRequest(ctx));
  if (!previous.empty()) return LoadProvider(p.code);
  LGES_ASSIGN_OR_RETURN(sql::Query exists,
                        db_->Prepare("SELECT 1 FROM providers WHERE code = ?"));
  exists.Bind(1, p.code);
  LGES_ASSIGN_OR_RETURN(bool taken, exists.Step());
  if (taken) return internal::AlreadyExists(ResourceOf(p.code));
  const int64_t now = NowMs();
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare(std::string("INSERT INTO providers (") + kProviderColumns +
                   ") VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)"));
  q.Bind(1, p.code)
      .Bind(2, static_cast<int64_t>(p.kind))
      .Bind(3, p.name_en)
      .Bind(4, p.name_cy);
  q.Bind(5, p.corporate_name)
      .Bind(6, codec::EncodeProvenance(p.provenance))
      .Bind(7, now)
      .Bind(8, now);
  LGES_RETURN_IF_ERROR(q.Run());
  LGES_RETURN_IF_ERROR(WriteMemberships(p));
  LGES_RETURN_IF_ERROR(RememberCreateRequest(ctx, ResourceOf(p.code)));
  LGES_RETURN_IF_ERROR(
      RecordChange("create", ResourceOf(p.code), ctx).status());
  LGES_ASSIGN_OR_RETURN(Provider created, LoadProvider(p.code));
  LGES_RETURN_IF_ERROR(txn.Commit());
  return created;
}

absl::StatusOr<Provider> SqliteStore::UpdateProvider(const Provider& p,
                                                     int64_t expected_revision,
                                                     const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  LGES_RETURN_IF_ERROR(CheckRevision("providers", "code", p.code,
                                     expected_revision, ResourceOf(p.code)));
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare(
          "UPDATE providers SET name_en = ?, name_cy = ?, corporate_name = ?, "
          "provenance = ?,"
          " revision = revision + 1, update_time_ms = ? WHERE code = ?"));
  q.Bind(1, p.name_en).Bind(2, p.name_cy).Bind(3, p.corporate_name);
  q.Bind(4, codec::EncodeProvenance(p.provenance))
      .Bind(5, NowMs())
      .Bind(6, p.code);
  LGES_RETURN_IF_ERROR(q.Run());
  LGES_RETURN_IF_ERROR(WriteMemberships(p));
  LGES_RETURN_IF_ERROR(
      RecordChange("update", ResourceOf(p.code), ctx).status());
  LGES_ASSIGN_OR_RETURN(Provider updated, LoadProvider(p.code));
  LGES_RETURN_IF_ERROR(txn.Commit());
  return updated;
}

absl::StatusOr<int64_t> SqliteStore::DeleteProvider(const std::string& code,
                                                    int64_t expected_revision,
                                                    const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  LGES_RETURN_IF_ERROR(CheckRevision("providers", "code", code,
                                     expected_revision, ResourceOf(code)));
  if (FindAuthority(code) != nullptr) {
    return WithReason(
        absl::FailedPreconditionError(
            ResourceOf(code) +
            " is a local authority; the 22 authorities cannot be deleted"),
        "AUTHORITY_NOT_DELETABLE", {{"resource", ResourceOf(code)}});
  }
  LGES_ASSIGN_OR_RETURN(
      sql::Query refs,
      db_->Prepare(
          "SELECT (SELECT COUNT(*) FROM inspections WHERE provider_code = ?1) +"
          " (SELECT COUNT(*) FROM follow_up_events WHERE provider_code = ?1)"));
  refs.Bind(1, code);
  LGES_RETURN_IF_ERROR(refs.Step().status());
  if (refs.Int(0) > 0) {
    return internal::Referenced(ResourceOf(code), refs.Int(0),
                                "inspections or follow-up events",
                                "delete those first");
  }
  LGES_ASSIGN_OR_RETURN(sql::Query del,
                        db_->Prepare("DELETE FROM providers WHERE code = ?"));
  LGES_RETURN_IF_ERROR(del.Bind(1, code).Run());
  LGES_ASSIGN_OR_RETURN(int64_t version,
                        RecordChange("delete", ResourceOf(code), ctx));
  LGES_RETURN_IF_ERROR(txn.Commit());
  return version;
}

}  // namespace lges
