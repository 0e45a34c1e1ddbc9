// SqliteStore: the sector's key messages.
#include "storage/codec.h"
#include "storage/sqlite_common.h"
#include "storage/sqlite_store.h"

namespace lges {

using internal::NowMs;

namespace {

constexpr char kMessageColumns[] =
    "id, academic_year, area, polarity, position, text, provenance, revision, "
    "create_time_ms, update_time_ms, translations, text_origin";

KeyMessage MessageFromRow(const sql::Query& q) {
  KeyMessage m;
  m.id = std::to_string(q.Int(0));
  m.academic_year = static_cast<int>(q.Int(1));
  m.area = q.Text(2);
  m.polarity = static_cast<Polarity>(q.Int(3));
  m.position = static_cast<int>(q.Int(4));
  m.text = q.Text(5);
  m.provenance = codec::DecodeProvenance(q.Text(6));
  m.meta = {q.Int(7), q.Int(8), q.Int(9)};
  m.translations = codec::DecodeTranslations(q.Text(10));
  m.text_origin = static_cast<TextOrigin>(q.Int(11));
  return m;
}

std::string ResourceOf(const std::string& id) { return "keyMessages/" + id; }

void BindMessage(sql::Query& q, const KeyMessage& m, int64_t now_ms) {
  q.Bind(1, static_cast<int64_t>(m.academic_year))
      .Bind(2, m.area)
      .Bind(3, static_cast<int64_t>(m.polarity));
  q.Bind(4, static_cast<int64_t>(m.position))
      .Bind(5, m.text)
      .Bind(6, codec::EncodeProvenance(m.provenance));
  q.Bind(7, now_ms)
      .Bind(9, codec::EncodeTranslations(m.translations))
      .Bind(10, static_cast<int64_t>(m.text_origin));
}

}  // namespace

absl::StatusOr<KeyMessage> SqliteStore::LoadKeyMessage(int64_t id) {
  LGES_ASSIGN_OR_RETURN(sql::Query q,
                        db_->Prepare(std::string("SELECT ") + kMessageColumns +
                                     " FROM key_messages WHERE id = ?"));
  q.Bind(1, id);
  LGES_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return internal::NotFound(ResourceOf(std::to_string(id)));
  return MessageFromRow(q);
}

absl::Status SqliteStore::ReadKeyMessages(Dataset& out) {
  LGES_ASSIGN_OR_RETURN(
      sql::Query q, db_->Prepare(std::string("SELECT ") + kMessageColumns +
                                 " FROM key_messages ORDER BY academic_year, "
                                 "area, polarity, position, id"));
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return absl::OkStatus();
    out.key_messages.push_back(MessageFromRow(q));
  }
}

absl::StatusOr<KeyMessage> SqliteStore::GetKeyMessage(const std::string& id) {
  RecursiveLock lock(mu_);
  std::optional<int64_t> numeric = internal::ParseNumericId(id);
  if (!numeric) return internal::NotFound(ResourceOf(id));
  return LoadKeyMessage(*numeric);
}

absl::StatusOr<Page<KeyMessage>> SqliteStore::ListKeyMessages(
    const KeyMessageFilter& filter, PageRequest page) {
  RecursiveLock lock(mu_);
  const std::string where =
      " WHERE (?1 = 0 OR academic_year = ?1) AND (?2 = 0 OR polarity = ?2)";
  Page<KeyMessage> out;
  LGES_ASSIGN_OR_RETURN(
      sql::Query count,
      db_->Prepare("SELECT COUNT(*) FROM key_messages" + where));
  count.Bind(1, static_cast<int64_t>(filter.academic_year))
      .Bind(2, static_cast<int64_t>(filter.polarity));
  LGES_RETURN_IF_ERROR(count.Step().status());
  out.total = static_cast<int>(count.Int(0));
  LGES_ASSIGN_OR_RETURN(sql::Query q,
                        db_->Prepare(std::string("SELECT ") + kMessageColumns +
                                     " FROM key_messages" + where +
                                     " ORDER BY academic_year, area, polarity, "
                                     "position, id LIMIT ?3 OFFSET ?4"));
  q.Bind(1, static_cast<int64_t>(filter.academic_year))
      .Bind(2, static_cast<int64_t>(filter.polarity));
  q.Bind(3, static_cast<int64_t>(page.limit))
      .Bind(4, static_cast<int64_t>(page.offset));
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.items.push_back(MessageFromRow(q));
  }
  return out;
}

absl::StatusOr<KeyMessage> SqliteStore::CreateKeyMessage(
    const KeyMessage& m, const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  LGES_ASSIGN_OR_RETURN(std::string previous, FindCreateRequest(ctx));
  if (!previous.empty()) {
    return LoadKeyMessage(
        internal::ParseNumericId(previous.substr(previous.find('/') + 1))
            .value_or(0));
  }
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare("INSERT INTO key_messages (academic_year, area, polarity, "
                   "position, text, provenance, create_time_ms,"
                   " update_time_ms, revision, translations, text_origin) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 1, ?9, ?10)"));
  BindMessage(q, m, NowMs());
  LGES_RETURN_IF_ERROR(q.Run());
  const int64_t id = db_->LastInsertRowId();
  LGES_RETURN_IF_ERROR(
      RememberCreateRequest(ctx, ResourceOf(std::to_string(id))));
  LGES_RETURN_IF_ERROR(
      RecordChange("create", ResourceOf(std::to_string(id)), ctx).status());
  LGES_ASSIGN_OR_RETURN(KeyMessage created, LoadKeyMessage(id));
  LGES_RETURN_IF_ERROR(txn.Commit());
  return created;
}

absl::StatusOr<KeyMessage> SqliteStore::UpdateKeyMessage(
    const KeyMessage& m, int64_t expected_revision, const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  std::optional<int64_t> id = internal::ParseNumericId(m.id);
  if (!id) return internal::NotFound(ResourceOf(m.id));
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  LGES_RETURN_IF_ERROR(CheckRevision("key_messages", "id", m.id,
                                     expected_revision, ResourceOf(m.id)));
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare("UPDATE key_messages SET academic_year = ?1, area = ?2, "
                   "polarity = ?3, position = ?4, text = ?5,"
                   " provenance = ?6, update_time_ms = ?7, translations = ?9,"
                   " text_origin = ?10, revision = revision + 1 WHERE id = ?8"));
  BindMessage(q, m, NowMs());
  LGES_RETURN_IF_ERROR(q.Bind(8, *id).Run());
  LGES_RETURN_IF_ERROR(RecordChange("update", ResourceOf(m.id), ctx).status());
  LGES_ASSIGN_OR_RETURN(KeyMessage updated, LoadKeyMessage(*id));
  LGES_RETURN_IF_ERROR(txn.Commit());
  return updated;
}

absl::StatusOr<int64_t> SqliteStore::DeleteKeyMessage(const std::string& id,
                                                      int64_t expected_revision,
                                                      const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  std::optional<int64_t> numeric = internal::ParseNumericId(id);
  if (!numeric) return internal::NotFound(ResourceOf(id));
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  LGES_RETURN_IF_ERROR(CheckRevision("key_messages", "id", id,
                                     expected_revision, ResourceOf(id)));
  LGES_ASSIGN_OR_RETURN(sql::Query del,
                        db_->Prepare("DELETE FROM key_messages WHERE id = ?"));
  LGES_RETURN_IF_ERROR(del.Bind(1, *numeric).Run());
  LGES_ASSIGN_OR_RETURN(int64_t version,
                        RecordChange("delete", ResourceOf(id), ctx));
  LGES_RETURN_IF_ERROR(txn.Commit());
  return version;
}

}  // namespace lges
