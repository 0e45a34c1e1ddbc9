#pragma once
// The identity each call in flight was found to be, kept for the access log
// (server/access_log.h), which writes the call's line when it ends: the
// authorizer notes the identity, the log takes it. Keyed by the call's
// ServerContextBase. Thread-safe.

#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace grpc {
class ServerContextBase;
}

namespace lges {

class CallIdentities {
 public:
  void Note(const grpc::ServerContextBase* call, std::string_view identity) {
    absl::MutexLock lock(&mu_);
    names_[call] = std::string(identity);
  }
  // The identity noted for `call`, forgotten; "" if none was.
  std::string Take(const grpc::ServerContextBase* call) {
    absl::MutexLock lock(&mu_);
    auto it = names_.find(call);
    if (it == names_.end()) return "";
    std::string name = std::move(it->second);
    names_.erase(it);
    return name;
  }

 private:
  absl::Mutex mu_;
  absl::flat_hash_map<const grpc::ServerContextBase*, std::string> names_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace lges
