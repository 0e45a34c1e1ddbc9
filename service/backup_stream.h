#pragma once
// The body of DatasetService.BackupDatabase, apart from gRPC: a consistent
// copy of the store into a private temporary directory, checked
// (storage/verify.h), then handed out in parts and removed.

#include <functional>

#include "absl/status/status.h"
#include "estyn/lges/v1/dataset.pb.h"
#include "storage/store.h"

namespace lges {

// Parts of at most this many bytes.
inline constexpr size_t kBackupChunkBytes = 64 * 1024;

// Copies `store` and passes `send` the info, the chunks and the SHA-256 in
// order (see dataset.proto). `send` returns false when the caller has gone;
// the result is then CANCELLED. The temporary copy is removed in every
// case.
absl::Status StreamBackup(
    Store& store,
    const std::function<bool(const estyn::lges::v1::BackupDatabaseResponse&)>&
        send);

}  // namespace lges
