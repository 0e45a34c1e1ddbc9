// SqliteStore::Import: many writes, one transaction.
#include <map>
#include <tuple>

#include "domain/authorities.h"
#include "domain/dates.h"
#include "domain/same_record.h"
#include "storage/sqlite_common.h"
#include "storage/sqlite_store.h"

namespace lges {
namespace {

std::string At(const char* collection, size_t i) {
  return std::string(collection) + "[" + std::to_string(i) + "]";
}

// An error of the record at `place`, with its field violations (or, lacking
// any, its message) prefixed by the place.
absl::Status AtPlace(const absl::Status& status, const std::string& place) {
  if (!ViolationsOf(status).empty()) return WithFieldPrefix(status, place);
  return absl::Status(status.code(),
                      place + ": " + std::string(status.message()));
}

// The stored records by identity, so that each imported record is matched
// in one lookup (an import of N records into M costs N + M, not N x M).
template <typename Record, typename Key>
std::map<Key, const Record*> ByIdentity(const std::vector<Record>& stored,
                                        Key (*key)(const Record&)) {
  std::map<Key, const Record*> out;
  for (const Record& r : stored) out[key(r)] = &r;
  return out;
}

template <typename Record, typename Key>
const Record* Find(const std::map<Key, const Record*>& index, const Key& key) {
  auto it = index.find(key);
  return it == index.end() ? nullptr : it->second;
}

std::string ProviderKey(const Provider& p) { return p.code; }
std::string InspectionKey(const Inspection& in) { return in.id; }
using EventIdentity =
    std::tuple<std::string, int, std::string, std::string, std::string>;
EventIdentity EventKey(const FollowUpEvent& e) {
  return {e.provider_code, static_cast<int>(e.kind), FormatPartialDate(e.date),
          e.inspection_id, e.description};
}
using KeyMessageIdentity = std::tuple<int, std::string, int, int>;
KeyMessageIdentity KeyMessageKey(const KeyMessage& m) {
  return {m.academic_year, m.area, static_cast<int>(m.polarity), m.position};
}

template <typename T>
void Count(const absl::StatusOr<T>& written, bool created,
           const std::string& resource, ImportResult& result) {
  if (!written.ok()) return;
  ++(created ? result.created : result.updated);
  result.created_or_updated.push_back(resource);
}

}  // namespace

absl::Status SqliteStore::ImportProviders(const Dataset& records,
                                          const Dataset& current,
                                          const WriteContext& ctx,
                                          ImportResult& result) {
  const auto index = ByIdentity(current.providers, &ProviderKey);
  for (size_t i = 0; i < records.providers.size(); ++i) {
    const Provider& p = records.providers[i];
    const Provider* stored = Find(index, ProviderKey(p));
    if (stored && SameRecord(*stored, p)) {
      ++result.unchanged;
      continue;
    }
    absl::StatusOr<Provider> written =
        stored ? UpdateProvider(p, stored->meta.revision, ctx)
               : CreateProvider(p, ctx);
    if (!written.ok()) return AtPlace(written.status(), At("providers", i));
    Count(written, !stored, "providers/" + p.code, result);
  }
  return absl::OkStatus();
}

absl::Status SqliteStore::ImportInspections(const Dataset& records,
                                            const Dataset& current,
                                            const WriteContext& ctx,
                                            ImportResult& result) {
  const auto index = ByIdentity(current.inspections, &InspectionKey);
  for (size_t i = 0; i < records.inspections.size(); ++i) {
    const Inspection& in = records.inspections[i];
    const Inspection* stored = Find(index, InspectionKey(in));
    if (stored && SameRecord(*stored, in)) {
      ++result.unchanged;
      continue;
    }
    absl::StatusOr<Inspection> written =
        stored ? UpdateInspection(in, stored->meta.revision, ctx)
               : CreateInspection(in, ctx);
    if (!written.ok()) return AtPlace(written.status(), At("inspections", i));
    Count(written, !stored, "inspections/" + in.id, result);
  }
  return absl::OkStatus();
}

absl::Status SqliteStore::ImportEvents(const Dataset& records,
                                       const Dataset& current,
                                       const WriteContext& ctx,
                                       ImportResult& result) {
  const auto index = ByIdentity(current.follow_up_events, &EventKey);
  for (size_t i = 0; i < records.follow_up_events.size(); ++i) {
    FollowUpEvent e = records.follow_up_events[i];
    const FollowUpEvent* stored = Find(index, EventKey(e));
    if (stored && SameRecord(*stored, e)) {
      ++result.unchanged;
      continue;
    }
    if (stored) e.id = stored->id;
    absl::StatusOr<FollowUpEvent> written =
        stored ? UpdateFollowUpEvent(e, stored->meta.revision, ctx)
               : CreateFollowUpEvent(e, ctx);
    if (!written.ok())
      return AtPlace(written.status(), At("follow_up_events", i));
    Count(written, !stored, "followUpEvents/" + written->id, result);
  }
  return absl::OkStatus();
}

absl::Status SqliteStore::ImportKeyMessages(const Dataset& records,
                                            const Dataset& current,
                                            const WriteContext& ctx,
                                            ImportResult& result) {
  const auto index = ByIdentity(current.key_messages, &KeyMessageKey);
  for (size_t i = 0; i < records.key_messages.size(); ++i) {
    KeyMessage m = records.key_messages[i];
    const KeyMessage* stored = Find(index, KeyMessageKey(m));
    if (stored && SameRecord(*stored, m)) {
      ++result.unchanged;
      continue;
    }
    if (stored) m.id = stored->id;
    absl::StatusOr<KeyMessage> written =
        stored ? UpdateKeyMessage(m, stored->meta.revision, ctx)
               : CreateKeyMessage(m, ctx);
    if (!written.ok()) return AtPlace(written.status(), At("key_messages", i));
    Count(written, !stored, "keyMessages/" + written->id, result);
  }
  return absl::OkStatus();
}

absl::StatusOr<ImportResult> SqliteStore::Import(const Dataset& records,
                                                 const ImportOptions& options,
                                                 const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  ImportResult result;
  if (!options.once_key.empty()) {
    LGES_ASSIGN_OR_RETURN(sql::Query q,
                          db_->Prepare("SELECT 1 FROM meta WHERE key = ?"));
    q.Bind(1, "once:" + options.once_key);
    LGES_ASSIGN_OR_RETURN(bool done, q.Step());
    if (done) {
      result.skipped_once = true;
      return result;
    }
  }
  Dataset current;
  LGES_RETURN_IF_ERROR(ReadProviders(current));
  LGES_RETURN_IF_ERROR(ReadInspections(current));
  LGES_RETURN_IF_ERROR(ReadEvents(current));
  LGES_RETURN_IF_ERROR(ReadKeyMessages(current));
  LGES_RETURN_IF_ERROR(ReadPublishedYears(current));
  LGES_RETURN_IF_ERROR(ImportProviders(records, current, ctx, result));
  LGES_RETURN_IF_ERROR(ImportInspections(records, current, ctx, result));
  LGES_RETURN_IF_ERROR(ImportEvents(records, current, ctx, result));
  LGES_RETURN_IF_ERROR(ImportKeyMessages(records, current, ctx, result));
  LGES_RETURN_IF_ERROR(ImportPublishedYears(records, current, ctx, result));
  if (!options.once_key.empty()) {
    LGES_ASSIGN_OR_RETURN(
        sql::Query mark,
        db_->Prepare("INSERT INTO meta (key, value) VALUES (?, ?)"));
    LGES_RETURN_IF_ERROR(mark.Bind(1, "once:" + options.once_key)
                             .Bind(2, internal::NowMs())
                             .Run());
  }
  LGES_ASSIGN_OR_RETURN(
      sql::Query version,
      db_->Prepare("SELECT value FROM meta WHERE key = 'dataset_version'"));
  LGES_RETURN_IF_ERROR(version.Step().status());
  result.dataset_version = version.Int(0);
  if (options.dry_run) return result;  // The transaction rolls back.
  LGES_RETURN_IF_ERROR(txn.Commit());
  return result;
}

}  // namespace lges
