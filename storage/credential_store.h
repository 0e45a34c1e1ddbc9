#pragma once
// Storage of credentials (domain/identity.h). Tokens are never stored, only
// their hashes. Separate from Store: credentials are not part of the
// dataset, so changing them does not change the dataset version.
//
// Errors are returned, never thrown. Implementations are thread-safe.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/identity.h"

namespace lges {

class CredentialStore {
 public:
  virtual ~CredentialStore() = default;

  // ALREADY_EXISTS if `name` is taken (a revoked name stays taken, so that
  // the change log never names two credentials alike).
  virtual absl::StatusOr<Credential> CreateCredential(
      const std::string& name, Role role, const std::string& token_hash) = 0;
  // The credential in force whose token hashes to `token_hash`, or the one
  // named `name`; NOT_FOUND if there is none or it is revoked. A found
  // credential's last use becomes now (written at most once a minute).
  virtual absl::StatusOr<Credential> FindCredentialByHash(
      const std::string& token_hash) = 0;
  virtual absl::StatusOr<Credential> FindCredentialByName(
      const std::string& name) = 0;
  // Every credential, revoked ones included, by name.
  virtual absl::StatusOr<std::vector<Credential>> ListCredentials() = 0;
  // Revokes `name` from the next call on; NOT_FOUND if there is no such
  // credential. Revoking twice keeps the first time.
  virtual absl::StatusOr<Credential> RevokeCredential(
      const std::string& name) = 0;
};

}  // namespace lges
