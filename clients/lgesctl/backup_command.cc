// lgesctl backup FILE | backup --verify FILE: an online copy of the whole
// database, written to a new file, and the check of such a copy.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "clients/lgesctl/commands.h"
#include "common/sha256.h"
#include "storage/verify.h"

namespace lges::cli {
namespace {

// "dataset version 212, schema 4: 22 providers, ... ".
std::string Describe(const DatabaseReport& r) {
  return "dataset version " + std::to_string(r.dataset_version) +
         ", schema " + std::to_string(r.schema_version) + ": " +
         std::to_string(r.providers) + " providers, " +
         std::to_string(r.inspections) + " inspections, " +
         std::to_string(r.follow_up_events) + " follow-up events, " +
         std::to_string(r.key_messages) + " key messages, " +
         std::to_string(r.theme_overrides) + " theme overrides, " +
         std::to_string(r.changes) + " changes, " +
         std::to_string(r.credentials) + " credentials";
}

int Verify(const std::string& file, Io io) {
  absl::StatusOr<DatabaseReport> report = VerifyDatabaseFile(file);
  if (!report.ok()) {
    io.err << "lgesctl: " << file << ": " << report.status().message() << "\n";
    return kExitFailed;
  }
  io.out << file << ": sound; " << Describe(*report) << "\n";
  return kExitOk;
}

// The file being received: FILE.part, created new and private (it holds
// credential hashes), removed unless Finish renames it to FILE.
class Receiver {
 public:
  explicit Receiver(std::string file)
      : file_(std::move(file)), part_(file_ + ".part") {
    fd_ = open(part_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  }
  ~Receiver() {
    if (fd_ >= 0) close(fd_);
    if (!finished_) std::remove(part_.c_str());
  }
  bool opened() const { return fd_ >= 0; }
  const std::string& part() const { return part_; }

  // Takes one message of the stream; false on a write error.
  bool Take(const pb::BackupDatabaseResponse& m) {
    if (m.has_info()) size_expected_ = m.info().size_bytes();
    if (m.part_case() == pb::BackupDatabaseResponse::kSha256)
      sha_expected_ = m.sha256();
    if (m.part_case() != pb::BackupDatabaseResponse::kChunk) return true;
    sha_.Update(m.chunk());
    received_ += static_cast<int64_t>(m.chunk().size());
    return write(fd_, m.chunk().data(), m.chunk().size()) ==
           static_cast<ssize_t>(m.chunk().size());
  }

  // Checks size and checksum, syncs and renames; the problem, or "".
  std::string Finish() {
    if (received_ != size_expected_)
      return "received " + std::to_string(received_) + " bytes of " +
             std::to_string(size_expected_);
    if (sha_expected_.empty() || sha_.HexDigest() != sha_expected_)
      return "the copy does not match the server's SHA-256";
    if (fsync(fd_) != 0 || std::rename(part_.c_str(), file_.c_str()) != 0)
      return "cannot write " + file_;
    finished_ = true;
    return "";
  }

 private:
  std::string file_, part_;
  int fd_ = -1;
  bool finished_ = false;
  Sha256 sha_;
  int64_t received_ = 0, size_expected_ = -1;
  std::string sha_expected_;
};

int Take(const std::string& file, LgesClient& client, Io io) {
  if (std::filesystem::exists(file)) {
    io.err << "lgesctl: " << file << " exists; back up to a new file\n";
    return kExitUsage;
  }
  Receiver receiver(file);
  if (!receiver.opened()) {
    io.err << "lgesctl: cannot create " << receiver.part() << "\n";
    return kExitUsage;
  }
  bool written = true;
  absl::Status status =
      client.BackupDatabase([&](const pb::BackupDatabaseResponse& m) {
        return written = receiver.Take(m);
      });
  if (!written) {
    io.err << "lgesctl: cannot write " << receiver.part() << "\n";
    return kExitFailed;
  }
  if (!status.ok()) return ReportRpcError(status, "back up", io);
  if (std::string problem = receiver.Finish(); !problem.empty()) {
    io.err << "lgesctl: backup failed: " << problem << "\n";
    return kExitFailed;
  }
  absl::StatusOr<DatabaseReport> report = VerifyDatabaseFile(file);
  if (!report.ok()) {
    io.err << "lgesctl: " << file << ": " << report.status().message() << "\n";
    return kExitFailed;
  }
  io.out << "backed up to " << file << ": " << Describe(*report) << "\n";
  return kExitOk;
}

}  // namespace

int Backup(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2)
    return UsageError("expected 'backup FILE' or 'backup --verify FILE'", io,
                      "backup");
  const std::string& file = args.words[1];
  return args.Has("verify") ? Verify(file, io) : Take(file, client, io);
}

}  // namespace lges::cli
