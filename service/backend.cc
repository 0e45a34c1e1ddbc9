#include "service/backend.h"

#include "domain/errors.h"

namespace lges {

absl::StatusOr<Backend> OpenBackend(const std::string& path,
                                    SnapshotSource::Clock clock) {
  Backend b;
  LGES_ASSIGN_OR_RETURN(b.sqlite, SqliteStore::Open(path));
  b.classifier =
      std::make_unique<analytics::Classifier>(analytics::DefaultVocabulary());
  b.snapshots = std::make_unique<SnapshotSource>(*b.sqlite, *b.classifier,
                                                 std::move(clock));
  LGES_RETURN_IF_ERROR(b.snapshots->Rebuild());
  SnapshotSource* snapshots = b.snapshots.get();
  // A failed rebuild keeps the previous snapshot and is logged; the write it
  // follows has committed either way.
  b.store = std::make_unique<NotifyingStore>(
      *b.sqlite, [snapshots] { snapshots->Rebuild().IgnoreError(); });
  return b;
}

}  // namespace lges
