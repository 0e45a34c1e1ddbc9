// SqliteStore: follow-up events and the progress they record.
#include <map>

#include "storage/codec.h"
#include "storage/sqlite_common.h"
#include "storage/sqlite_store.h"

namespace lges {

using internal::NowMs;

namespace {

constexpr char kEventColumns[] =
    "id, provider_code, kind, date, inspection_id, description, provenance, "
    "revision, create_time_ms,"
    " update_time_ms";

FollowUpEvent EventFromRow(const sql::Query& q) {
  FollowUpEvent e;
  e.id = std::to_string(q.Int(0));
  e.provider_code = q.Text(1);
  e.kind = static_cast<FollowUpKind>(q.Int(2));
  e.date = codec::DecodeDate(q.Text(3));
  e.inspection_id = q.Text(4);
  e.description = q.Text(5);
  e.provenance = codec::DecodeProvenance(q.Text(6));
  e.meta = {q.Int(7), q.Int(8), q.Int(9)};
  return e;
}

std::string ResourceOf(const std::string& id) { return "followUpEvents/" + id; }

// Parameters 1-7 of the INSERT and UPDATE of an event.
void BindEvent(sql::Query& q, const FollowUpEvent& e) {
  q.Bind(1, e.provider_code)
      .Bind(2, static_cast<int64_t>(e.kind))
      .Bind(3, codec::EncodeDate(e.date));
  q.Bind(4, FormatIso(e.date.Earliest()))
      .BindOptional(5, e.inspection_id)
      .Bind(6, e.description);
  q.Bind(7, codec::EncodeProvenance(e.provenance));
}

// Columns recommendation_number, progress, addressed from `first`.
RecommendationProgress ProgressFromRow(const sql::Query& q, int first) {
  return {static_cast<int>(q.Int(first)),
          static_cast<Progress>(q.Int(first + 1)), q.Int(first + 2) != 0};
}

}  // namespace

absl::StatusOr<FollowUpEvent> SqliteStore::LoadFollowUpEvent(int64_t id) {
  LGES_ASSIGN_OR_RETURN(sql::Query q,
                        db_->Prepare(std::string("SELECT ") + kEventColumns +
                                     " FROM follow_up_events WHERE id = ?"));
  q.Bind(1, id);
  LGES_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return internal::NotFound(ResourceOf(std::to_string(id)));
  FollowUpEvent e = EventFromRow(q);
  LGES_ASSIGN_OR_RETURN(sql::Query p,
                        db_->Prepare("SELECT recommendation_number, progress, "
                                     "addressed FROM recommendation_progress"
                                     " WHERE event_id = ? ORDER BY position"));
  p.Bind(1, id);
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool more, p.Step());
    if (!more) break;
    e.recommendation_progress.push_back({static_cast<int>(p.Int(0)),
                                         static_cast<Progress>(p.Int(1)),
                                         p.Int(2) != 0});
  }
  return e;
}

absl::Status SqliteStore::WriteProgress(int64_t id, const FollowUpEvent& e) {
  LGES_ASSIGN_OR_RETURN(
      sql::Query del,
      db_->Prepare("DELETE FROM recommendation_progress WHERE event_id = ?"));
  LGES_RETURN_IF_ERROR(del.Bind(1, id).Run());
  for (size_t i = 0; i < e.recommendation_progress.size(); ++i) {
    const RecommendationProgress& p = e.recommendation_progress[i];
    LGES_ASSIGN_OR_RETURN(
        sql::Query q,
        db_->Prepare("INSERT INTO recommendation_progress (event_id, position, "
                     "recommendation_number, progress, addressed)"
                     " VALUES (?, ?, ?, ?, ?)"));
    q.Bind(1, id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, static_cast<int64_t>(p.recommendation_number));
    LGES_RETURN_IF_ERROR(q.Bind(4, static_cast<int64_t>(p.progress))
                             .Bind(5, int64_t{p.addressed})
                             .Run());
  }
  return absl::OkStatus();
}

// The provider must exist; a linked inspection must exist, be of the same
// provider, and have every recommendation that progress is reported on.
absl::Status SqliteStore::CheckFollowUpReferences(const FollowUpEvent& e) {
  LGES_RETURN_IF_ERROR(CheckProviderExists(e.provider_code, "provider_code"));
  if (e.inspection_id.empty()) return absl::OkStatus();
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare("SELECT provider_code, (SELECT COUNT(*) FROM "
                   "recommendations WHERE inspection_id = ?1),"
                   " recommendation_count FROM inspections WHERE id = ?1"));
  q.Bind(1, e.inspection_id);
  LGES_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row)
    return InvalidFieldError("inspection", "unknown inspection 'inspections/" +
                                               e.inspection_id + "'");
  if (q.Text(0) != e.provider_code) {
    return InvalidFieldError(
        "inspection",
        "inspection is of provider " + q.Text(0) + ", not " + e.provider_code);
  }
  const int64_t known = std::max(q.Int(1), q.Int(2));
  Violations violations;
  for (size_t i = 0; i < e.recommendation_progress.size(); ++i) {
    if (e.recommendation_progress[i].recommendation_number > known) {
      violations.push_back({"recommendation_progress[" + std::to_string(i) +
                                "].recommendation_number",
                            "the inspection has only " + std::to_string(known) +
                                " recommendations"});
    }
  }
  return violations.empty() ? absl::OkStatus()
                            : InvalidArgumentError(violations);
}

absl::Status SqliteStore::ReadEvents(Dataset& out) {
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare(std::string("SELECT ") + kEventColumns +
                   " FROM follow_up_events ORDER BY date_earliest, id"));
  std::map<std::string, size_t> index;
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.follow_up_events.push_back(EventFromRow(q));
    index[out.follow_up_events.back().id] = out.follow_up_events.size() - 1;
  }
  LGES_ASSIGN_OR_RETURN(
      sql::Query p,
      db_->Prepare("SELECT event_id, recommendation_number, progress, "
                   "addressed FROM recommendation_progress"
                   " ORDER BY event_id, position"));
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, p.Step());
    if (!row) break;
    out.follow_up_events[index.at(std::to_string(p.Int(0)))]
        .recommendation_progress.push_back(ProgressFromRow(p, 1));
  }
  return absl::OkStatus();
}

absl::StatusOr<FollowUpEvent> SqliteStore::GetFollowUpEvent(
    const std::string& id) {
  RecursiveLock lock(mu_);
  std::optional<int64_t> numeric = internal::ParseNumericId(id);
  if (!numeric) return internal::NotFound(ResourceOf(id));
  return LoadFollowUpEvent(*numeric);
}

absl::StatusOr<Page<FollowUpEvent>> SqliteStore::ListFollowUpEvents(
    const FollowUpFilter& filter, PageRequest page) {
  RecursiveLock lock(mu_);
  const std::string where =
      " WHERE (?1 = '' OR provider_code = ?1) AND (?2 = 0 OR kind = ?2) AND "
      "(?3 = '' OR inspection_id = ?3)";
  auto bind = [&](sql::Query& q) {
    q.Bind(1, filter.provider_code)
        .Bind(2, static_cast<int64_t>(filter.kind))
        .Bind(3, filter.inspection_id);
  };
  Page<FollowUpEvent> out;
  LGES_ASSIGN_OR_RETURN(
      sql::Query count,
      db_->Prepare("SELECT COUNT(*) FROM follow_up_events" + where));
  bind(count);
  LGES_RETURN_IF_ERROR(count.Step().status());
  out.total = static_cast<int>(count.Int(0));
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare("SELECT id FROM follow_up_events" + where +
                   " ORDER BY date_earliest, id LIMIT ?4 OFFSET ?5"));
  bind(q);
  q.Bind(4, static_cast<int64_t>(page.limit))
      .Bind(5, static_cast<int64_t>(page.offset));
  std::vector<int64_t> ids;
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    ids.push_back(q.Int(0));
  }
  for (int64_t id : ids) {
    LGES_ASSIGN_OR_RETURN(FollowUpEvent e, LoadFollowUpEvent(id));
    out.items.push_back(std::move(e));
  }
  return out;
}

absl::StatusOr<FollowUpEvent> SqliteStore::CreateFollowUpEvent(
    const FollowUpEvent& e, const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  LGES_ASSIGN_OR_RETURN(std::string previous, FindCreateRequest(ctx));
  if (!previous.empty()) {
    return LoadFollowUpEvent(
        internal::ParseNumericId(previous.substr(previous.find('/') + 1))
            .value_or(0));
  }
  LGES_RETURN_IF_ERROR(CheckFollowUpReferences(e));
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare("INSERT INTO follow_up_events (provider_code, kind, date, "
                   "date_earliest, inspection_id, description,"
                   " provenance, revision, create_time_ms, update_time_ms) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?8, ?8)"));
  BindEvent(q, e);
  q.Bind(8, NowMs());
  LGES_RETURN_IF_ERROR(q.Run());
  const int64_t id = db_->LastInsertRowId();
  LGES_RETURN_IF_ERROR(WriteProgress(id, e));
  LGES_RETURN_IF_ERROR(
      RememberCreateRequest(ctx, ResourceOf(std::to_string(id))));
  LGES_RETURN_IF_ERROR(
      RecordChange("create", ResourceOf(std::to_string(id)), ctx).status());
  LGES_ASSIGN_OR_RETURN(FollowUpEvent created, LoadFollowUpEvent(id));
  LGES_RETURN_IF_ERROR(txn.Commit());
  return created;
}

absl::StatusOr<FollowUpEvent> SqliteStore::UpdateFollowUpEvent(
    const FollowUpEvent& e, int64_t expected_revision,
    const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  std::optional<int64_t> id = internal::ParseNumericId(e.id);
  if (!id) return internal::NotFound(ResourceOf(e.id));
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  LGES_RETURN_IF_ERROR(CheckRevision("follow_up_events", "id", e.id,
                                     expected_revision, ResourceOf(e.id)));
  LGES_RETURN_IF_ERROR(CheckFollowUpReferences(e));
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare("UPDATE follow_up_events SET provider_code = ?, kind = ?, "
                   "date = ?, date_earliest = ?, inspection_id = ?,"
                   " description = ?, provenance = ?, update_time_ms = ?, "
                   "revision = revision + 1 WHERE id = ?"));
  BindEvent(q, e);
  q.Bind(8, NowMs()).Bind(9, *id);
  LGES_RETURN_IF_ERROR(q.Run());
  LGES_RETURN_IF_ERROR(WriteProgress(*id, e));
  LGES_RETURN_IF_ERROR(RecordChange("update", ResourceOf(e.id), ctx).status());
  LGES_ASSIGN_OR_RETURN(FollowUpEvent updated, LoadFollowUpEvent(*id));
  LGES_RETURN_IF_ERROR(txn.Commit());
  return updated;
}

absl::StatusOr<int64_t> SqliteStore::DeleteFollowUpEvent(
    const std::string& id, int64_t expected_revision, const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  if (!internal::ParseNumericId(id)) return internal::NotFound(ResourceOf(id));
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  LGES_RETURN_IF_ERROR(CheckRevision("follow_up_events", "id", id,
                                     expected_revision, ResourceOf(id)));
  LGES_ASSIGN_OR_RETURN(
      sql::Query del,
      db_->Prepare("DELETE FROM follow_up_events WHERE id = ?"));
  LGES_RETURN_IF_ERROR(del.Bind(1, *internal::ParseNumericId(id)).Run());
  LGES_ASSIGN_OR_RETURN(int64_t version,
                        RecordChange("delete", ResourceOf(id), ctx));
  LGES_RETURN_IF_ERROR(txn.Commit());
  return version;
}

}  // namespace lges
