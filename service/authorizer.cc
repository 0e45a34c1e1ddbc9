#include "service/authorizer.h"

#include <grpcpp/server_context.h>

#include <algorithm>
#include <string>

#include "service/log.h"
#include "service/roles.h"
#include "service/tokens.h"

namespace lges {
namespace {

constexpr std::string_view kBearer = "Bearer ";
constexpr size_t kMaxOnBehalfOf = 100;

// The first value of metadata `key`, or "" .
std::string Metadata(const grpc::ServerContextBase& ctx, const char* key) {
  auto it = ctx.client_metadata().find(key);
  if (it == ctx.client_metadata().end()) return "";
  return std::string(it->second.data(), it->second.size());
}

// The verified client certificate's subject common name, or "".
std::string ClientCertificateName(const grpc::ServerContextBase& ctx) {
  std::shared_ptr<const grpc::AuthContext> auth = ctx.auth_context();
  if (!auth || !auth->IsPeerAuthenticated()) return "";
  for (const grpc::string_ref& cn :
       auth->FindPropertyValues("x509_common_name"))
    return std::string(cn.data(), cn.size());
  return "";
}

absl::Status BadToken() {
  return absl::UnauthenticatedError(
      "the token is not valid (malformed, unknown or revoked)");
}

}  // namespace

Authorizer::Authorizer(CredentialStore& credentials, Role anonymous_role,
                       DeniedHook on_denied)
    : credentials_(credentials),
      anonymous_role_(anonymous_role),
      on_denied_(std::move(on_denied)) {}

absl::StatusOr<Identity> Authorizer::Identify(
    const grpc::ServerContextBase& ctx) const {
  Identity who;
  who.role = anonymous_role_;
  who.on_behalf_of = Metadata(ctx, "x-lges-actor").substr(0, kMaxOnBehalfOf);
  const std::string header = Metadata(ctx, "authorization");
  absl::StatusOr<Credential> found = absl::NotFoundError("");
  if (!header.empty()) {
    const std::string token = header.rfind(kBearer, 0) == 0
                                  ? header.substr(kBearer.size())
                                  : std::string();
    if (!LooksLikeToken(token)) return BadToken();
    found = credentials_.FindCredentialByHash(TokenHash(token));
    if (absl::IsNotFound(found.status())) return BadToken();
  } else if (std::string name = ClientCertificateName(ctx); !name.empty()) {
    found = credentials_.FindCredentialByName(name);
    if (absl::IsNotFound(found.status())) return who;  // Anonymous.
  } else {
    return who;
  }
  if (!found.ok()) return found.status();
  who.name = found->name;
  who.role = found->role;
  who.anonymous = false;
  return who;
}

absl::StatusOr<Identity> Authorizer::Authorize(
    const grpc::ServerContextBase& ctx, std::string_view method) const {
  absl::StatusOr<Identity> who = Identify(ctx);
  if (!who.ok()) return Refuse(who.status(), Identity{}, method);
  const std::optional<Role> needed = RequiredRole(method);
  if (!needed) {
    return Refuse(absl::PermissionDeniedError("no role may call this method"),
                  *who, method);
  }
  if (who->role >= *needed) return who;
  const std::string need(RoleName(*needed));
  if (who->anonymous) {
    return Refuse(absl::UnauthenticatedError(
                      "this call needs a token with the " + need + " role"),
                  *who, method);
  }
  return Refuse(absl::PermissionDeniedError(
                    "'" + who->name + "' has the " +
                    std::string(RoleName(who->role)) +
                    " role; this call needs " + need),
                *who, method);
}

absl::Status Authorizer::Refuse(absl::Status status, const Identity& who,
                                std::string_view method) const {
  log::Warning("refused " + std::string(method) + " to " + who.name + ": " +
               absl::StatusCodeToString(status.code()));
  if (on_denied_) on_denied_(method, status.code());
  return status;
}

}  // namespace lges
