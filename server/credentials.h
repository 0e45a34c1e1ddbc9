#pragma once
// Credentials outside the API: the admin token of a new database, and the
// offline `lges-server tokens ...` commands.

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "server/config.h"
#include "storage/credential_store.h"

namespace lges {

// If `credentials` has none at all (a new database), creates the "admin"
// credential and writes its token to `token_file` (mode 0600, in a
// directory made with mode 0700), and logs where. An existing file is
// replaced. Errors: those of the store, or UNAVAILABLE if the file cannot
// be written (the credential is then revoked).
absl::Status EnsureAdminToken(CredentialStore& credentials,
                              const std::string& token_file);

// Runs `config.command` ("tokens create|list|revoke") against
// `credentials`: create prints the token alone on `out`; list prints one
// line per credential; revoke prints what it revoked. Returns the exit code
// (0, or 1 after printing the error on `err`).
int RunTokensCommand(const ServerConfig& config, CredentialStore& credentials,
                     std::ostream& out, std::ostream& err);

}  // namespace lges
