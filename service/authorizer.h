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
#include <atomic>
#include <map>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "domain/identity.h"
#include "storage/credential_store.h"

namespace grpc {
class ServerContextBase;
}

namespace lges {

class CallIdentities;

class Authorizer {
 public:
  // Called for every refused call, e.g. to count it.
  using DeniedHook =
      std::function<void(std::string_view method, absl::StatusCode code)>;

  // `credentials` must outlive the authorizer. `anonymous_role` is kReader
  // or kNone. `max_calls_per_caller` (0: no limit) bounds the calls one
  // credential, or one anonymous peer address, may have in flight.
  Authorizer(CredentialStore& credentials, Role anonymous_role,
             DeniedHook on_denied = nullptr, int max_calls_per_caller = 0);

  // An authorized call in flight: counts against its caller's limit until
  // destroyed. Movable.
  class Admission {
   public:
    Admission(Admission&& other) noexcept;
    Admission& operator=(Admission&&) = delete;
    ~Admission();
    const Identity& who() const { return who_; }

   private:
    friend class Authorizer;
    Admission(const Authorizer* owner, Identity who, std::string key)
        : owner_(owner), who_(std::move(who)), key_(std::move(key)) {}
    const Authorizer* owner_;
    Identity who_;
    std::string key_;
  };

  // Authorize, and a slot of the caller's: RESOURCE_EXHAUSTED when the
  // caller already has max_calls_per_caller calls in flight.
  absl::StatusOr<Admission> Admit(const grpc::ServerContextBase& ctx,
                                  std::string_view method) const;
  // Notes every identified caller in `identities` (for the access log),
  // which must outlive the authorizer. Call before serving.
  void NoteIdentitiesIn(CallIdentities* identities) {
    identities_ = identities;
  }
  // Calls in flight, over every caller.
  int calls_in_flight() const;
  // While `reason` is not empty, Admit refuses every call with
  // RESOURCE_EXHAUSTED and `reason` (the server is out of open files).
  void SetOverload(const std::string& reason);

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

  // Counts a call of `key` in flight, unless it has its maximum already.
  bool TakeSlot(const std::string& key) const;
  void Release(const std::string& key) const;

  CredentialStore& credentials_;
  const Role anonymous_role_;
  const DeniedHook on_denied_;
  const int max_calls_per_caller_;
  CallIdentities* identities_ = nullptr;
  mutable absl::Mutex mu_;
  // Calls in flight by caller key (credential name, or "peer:" + address).
  mutable std::map<std::string, int> in_flight_ ABSL_GUARDED_BY(mu_);
  mutable int total_in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  std::string overload_ ABSL_GUARDED_BY(mu_);
  std::atomic<bool> overloaded_{false};  // !overload_.empty(), lock-free.
};

}  // namespace lges
