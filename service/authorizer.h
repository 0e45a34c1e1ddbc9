#pragma once
// Who is calling, and may they? Every rpc handler asks before it does
// anything. The caller is
//   - the credential of an "authorization: Bearer <token>" header, or else
//   - with mutual TLS, the credential named by the client certificate's
//     subject common name, if one is in force, or else
//   - anonymous, with the role --anonymous gives (reader or none).
// "x-lges-actor" metadata is kept as whom the caller acts for, never as
// the caller. Thread-safe.

#include <functional>
#include <string_view>

#include "absl/status/statusor.h"
#include "domain/identity.h"
#include "storage/credential_store.h"

namespace grpc {
class ServerContextBase;
}

namespace lges {

class Authorizer {
 public:
  // Called for every refused call, e.g. to count it.
  using DeniedHook =
      std::function<void(std::string_view method, absl::StatusCode code)>;

  // `credentials` must outlive the authorizer. `anonymous_role` is kReader
  // or kNone.
  Authorizer(CredentialStore& credentials, Role anonymous_role,
             DeniedHook on_denied = nullptr);

  // The caller of `method` ("estyn.lges.v1.InspectionService/GetInspection")
  // if the role table lets it call it. UNAUTHENTICATED for a malformed,
  // unknown or revoked token, and for an anonymous caller where the method
  // needs more than anonymous callers may do; PERMISSION_DENIED for a
  // credential whose role is too low. Neither says whether a token exists.
  // Every refusal is logged (caller, method, code; never the token).
  absl::StatusOr<Identity> Authorize(const grpc::ServerContextBase& ctx,
                                     std::string_view method) const;

 private:
  absl::StatusOr<Identity> Identify(const grpc::ServerContextBase& ctx) const;
  absl::Status Refuse(absl::Status status, const Identity& who,
                      std::string_view method) const;

  CredentialStore& credentials_;
  const Role anonymous_role_;
  const DeniedHook on_denied_;
};

}  // namespace lges
