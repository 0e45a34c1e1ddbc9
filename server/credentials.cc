#include "server/credentials.h"

#include <sys/stat.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "service/log.h"
#include "service/tokens.h"

namespace lges {
namespace {

absl::Status WritePrivateFile(const std::string& path,
                              const std::string& text) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::exists(parent)) {
    fs::create_directories(parent, error);
    if (!error)
      fs::permissions(parent, fs::perms::owner_all, fs::perm_options::replace,
                      error);
  }
  const mode_t old_mask = umask(077);
  std::ofstream file(path, std::ios::trunc);
  file << text << "\n";
  file.close();
  umask(old_mask);
  if (error || !file)
    return absl::UnavailableError("cannot write the token file " + path);
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write,
                  fs::perm_options::replace, error);
  return absl::OkStatus();
}

// "2026-11-29 12:00" (UTC), or "-" for 0.
std::string Minute(int64_t ms) {
  if (ms == 0) return "-";
  const std::time_t seconds = ms / 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &tm);
  return text;
}

int Failed(const absl::Status& status, std::ostream& err) {
  err << "lges-server: " << status.message() << "\n";
  return 1;
}

}  // namespace

absl::Status EnsureAdminToken(CredentialStore& credentials,
                              const std::string& token_file) {
  absl::StatusOr<std::vector<Credential>> all = credentials.ListCredentials();
  if (!all.ok()) return all.status();
  if (!all->empty()) return absl::OkStatus();
  std::optional<std::string> token = NewToken();
  if (!token) return absl::UnavailableError("no randomness for a token");
  absl::StatusOr<Credential> admin =
      credentials.CreateCredential("admin", Role::kAdmin, TokenHash(*token));
  if (!admin.ok()) return admin.status();
  if (absl::Status written = WritePrivateFile(token_file, *token);
      !written.ok()) {
    credentials.RevokeCredential("admin").IgnoreError();
    return written;
  }
  log::Info("admin_token_created",
            "created the admin token of this new database, readable by its "
            "owner only",
            {{"path", token_file}});
  return absl::OkStatus();
}

int RunTokensCommand(const ServerConfig& config, CredentialStore& credentials,
                     std::ostream& out, std::ostream& err) {
  const std::string& verb = config.command[1];
  if (verb == "create") {
    std::optional<std::string> token = NewToken();
    if (!token) return Failed(absl::UnavailableError("no randomness"), err);
    if (!IsValidCredentialName(config.credential_name))
      return Failed(absl::InvalidArgumentError(
                        "--name must be 1-100 characters of a-z, A-Z, 0-9, "
                        "'.', '-', '_' and '@'"),
                    err);
    absl::StatusOr<Credential> created = credentials.CreateCredential(
        config.credential_name, config.credential_role, TokenHash(*token));
    if (!created.ok()) return Failed(created.status(), err);
    out << *token << "\n";
    return 0;
  }
  if (verb == "revoke") {
    absl::StatusOr<Credential> revoked =
        credentials.RevokeCredential(config.command[2]);
    if (!revoked.ok()) return Failed(revoked.status(), err);
    out << "revoked " << revoked->name << "\n";
    return 0;
  }
  absl::StatusOr<std::vector<Credential>> all = credentials.ListCredentials();
  if (!all.ok()) return Failed(all.status(), err);
  char line[256];
  std::snprintf(line, sizeof line, "%-24s %-7s %-17s %-17s %s\n", "name",
                "role", "created", "last used", "revoked");
  out << line;
  for (const Credential& c : *all) {
    std::snprintf(
        line, sizeof line, "%-24s %-7s %-17s %-17s %s\n", c.name.c_str(),
        std::string(RoleName(c.role)).c_str(), Minute(c.create_time_ms).c_str(),
        Minute(c.last_used_ms).c_str(), Minute(c.revoked_time_ms).c_str());
    out << line;
  }
  return 0;
}

}  // namespace lges
