#include "service/backup_stream.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "common/sha256.h"
#include "domain/errors.h"
#include "storage/verify.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;
namespace fs = std::filesystem;

// A directory only this process can read, removed with everything in it.
class PrivateTempDir {
 public:
  PrivateTempDir() {
    std::string pattern = (fs::temp_directory_path() / "lges-backup-XXXXXX");
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~PrivateTempDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

pb::BackupInfo InfoOf(const DatabaseReport& r, int64_t size) {
  pb::BackupInfo info;
  info.set_dataset_version(r.dataset_version);
  info.set_schema_version(r.schema_version);
  info.set_size_bytes(size);
  info.set_providers(r.providers);
  info.set_inspections(r.inspections);
  info.set_follow_up_events(r.follow_up_events);
  info.set_key_messages(r.key_messages);
  info.set_theme_overrides(r.theme_overrides);
  info.set_changes(r.changes);
  info.set_credentials(r.credentials);
  return info;
}

absl::Status SendFile(
    const std::string& path,
    const std::function<bool(const pb::BackupDatabaseResponse&)>& send) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::UnavailableError("cannot read the backup copy");
  Sha256 sha;
  std::string buffer(kBackupChunkBytes, '\0');
  pb::BackupDatabaseResponse part;
  while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
    const size_t n = static_cast<size_t>(in.gcount());
    sha.Update(std::string_view(buffer.data(), n));
    part.set_chunk(buffer.data(), n);
    if (!send(part)) return absl::CancelledError("the caller went away");
  }
  part.set_sha256(sha.HexDigest());
  if (!send(part)) return absl::CancelledError("the caller went away");
  return absl::OkStatus();
}

}  // namespace

absl::Status StreamBackup(
    Store& store,
    const std::function<bool(const pb::BackupDatabaseResponse&)>& send) {
  PrivateTempDir dir;
  if (dir.path().empty())
    return absl::UnavailableError("cannot make a temporary directory");
  const std::string copy = dir.path() + "/backup.db";
  LGES_RETURN_IF_ERROR(store.BackupTo(copy));
  LGES_ASSIGN_OR_RETURN(DatabaseReport report, VerifyDatabaseFile(copy));
  std::error_code error;
  const auto size = fs::file_size(copy, error);
  if (error) return absl::UnavailableError("cannot read the backup copy");
  pb::BackupDatabaseResponse first;
  *first.mutable_info() = InfoOf(report, static_cast<int64_t>(size));
  if (!send(first)) return absl::CancelledError("the caller went away");
  return SendFile(copy, send);
}

}  // namespace lges
