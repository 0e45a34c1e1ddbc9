#include "server/backend.h"

#include "convert/record_set.h"
#include "domain/errors.h"
#include "server/public_record.h"
#include "service/log.h"

namespace lges {
namespace {

absl::Status LoadPublicRecord(Store& store) {
  LGES_ASSIGN_OR_RETURN(estyn::lges::v1::RecordSet records,
                        ParseRecordSetJson(PublicRecordJson()));
  LGES_ASSIGN_OR_RETURN(Dataset data,
                        RecordSetToDataset(records, "public-record"));
  WriteContext ctx{.actor = "lges-server", .source = records.source()};
  ImportOptions options;
  options.once_key = kPublicRecordOnceKey;
  LGES_ASSIGN_OR_RETURN(ImportResult result, store.Import(data, options, ctx));
  if (!result.skipped_once) {
    log::Info("public_record_loaded", "loaded the public record",
              {{"created", result.created},
               {"updated", result.updated},
               {"unchanged", result.unchanged}});
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Backend> OpenBackend(const std::string& path,
                                    BackendOptions options) {
  Backend b;
  LGES_ASSIGN_OR_RETURN(b.sqlite, SqliteStore::Open(path, options.durable));
  if (options.load_public_record)
    LGES_RETURN_IF_ERROR(LoadPublicRecord(*b.sqlite));
  b.classifier =
      std::make_unique<analytics::Classifier>(analytics::DefaultVocabulary());
  b.snapshots = std::make_unique<SnapshotSource>(*b.sqlite, *b.classifier,
                                                 std::move(options.clock));
  LGES_RETURN_IF_ERROR(b.snapshots->Rebuild());
  SnapshotSource* snapshots = b.snapshots.get();
  // The write has committed; the rebuild runs on the source's thread (a
  // failed one keeps the previous snapshot and is logged).
  b.store = std::make_unique<NotifyingStore>(
      *b.sqlite, [snapshots] { snapshots->RequestRebuild(); });
  return b;
}

}  // namespace lges
