#include "service/authorizer.h"

#include <grpcpp/server_context.h>

#include <algorithm>
#include <string>
#include <utility>

#include "domain/errors.h"
#include "service/call_identities.h"
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
                       DeniedHook on_denied, int max_calls_per_caller)
    : credentials_(credentials),
      anonymous_role_(anonymous_role),
      on_denied_(std::move(on_denied)),
      max_calls_per_caller_(max_calls_per_caller) {}

Authorizer::Admission::Admission(Admission&& other) noexcept
    : owner_(std::exchange(other.owner_, nullptr)),
      who_(std::move(other.who_)),
      key_(std::move(other.key_)) {}

Authorizer::Admission::~Admission() {
  if (owner_ != nullptr) owner_->Release(key_);
}

absl::StatusOr<Authorizer::Admission> Authorizer::Admit(
    const grpc::ServerContextBase& ctx, std::string_view method) const {
  absl::StatusOr<Identity> who = Authorize(ctx, method);
  if (!who.ok()) return who.status();
  if (overloaded_.load(std::memory_order_relaxed)) {
    std::string reason;
    {
      absl::MutexLock lock(&mu_);
      reason = overload_;
    }
    if (!reason.empty()) {
      return Refuse(WithReason(absl::ResourceExhaustedError(reason),
                               "SERVER_OVERLOADED"),
                    *who, method);
    }
  }
  std::string key = who->anonymous ? "peer:" + ctx.peer() : who->name;
  // The peer's port changes with each connection; its address does not.
  if (who->anonymous) key = key.substr(0, key.rfind(':'));
  if (!TakeSlot(key)) {
    return Refuse(
        WithReason(absl::ResourceExhaustedError(
                       "more than " + std::to_string(max_calls_per_caller_) +
                       " calls in flight for one caller (see "
                       "--max-calls-per-caller)"),
                   "TOO_MANY_CALLS",
                   {{"limit", std::to_string(max_calls_per_caller_)}}),
        *who, method);
  }
  return Admission(this, *std::move(who), std::move(key));
}

void Authorizer::SetOverload(const std::string& reason) {
  absl::MutexLock lock(&mu_);
  overload_ = reason;
  overloaded_ = !reason.empty();
}

bool Authorizer::TakeSlot(const std::string& key) const {
  absl::MutexLock lock(&mu_);
  int& mine = in_flight_[key];
  if (max_calls_per_caller_ > 0 && mine >= max_calls_per_caller_) return false;
  ++mine;
  ++total_in_flight_;
  return true;
}

void Authorizer::Release(const std::string& key) const {
  absl::MutexLock lock(&mu_);
  auto it = in_flight_.find(key);
  if (it != in_flight_.end() && --it->second == 0) in_flight_.erase(it);
  --total_in_flight_;
}

int Authorizer::calls_in_flight() const {
  absl::MutexLock lock(&mu_);
  return total_in_flight_;
}

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
  if (identities_ != nullptr) identities_->Note(&ctx, who->name);
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
  return Refuse(absl::PermissionDeniedError("'" + who->name + "' has the " +
                                            std::string(RoleName(who->role)) +
                                            " role; this call needs " + need),
                *who, method);
}

absl::Status Authorizer::Refuse(absl::Status status, const Identity& who,
                                std::string_view method) const {
  log::Warning("refused", "call refused",
               {{"method", method},
                {"identity", who.name},
                {"code", absl::StatusCodeToString(status.code())}});
  if (on_denied_) on_denied_(method, status.code());
  return status;
}

}  // namespace lges
