#pragma once
// The frame of every rpc handler: authorize the caller (service/authorizer),
// run the handler's work with the caller's identity, map the status once
// (service/status_map). A write that fails for any reason is logged with
// the caller, method and code, never with its payload.

#include <grpcpp/support/status.h>

#include <string>
#include <string_view>

#include "service/authorizer.h"
#include "service/log.h"
#include "service/roles.h"
#include "service/status_map.h"

namespace lges {

// The work's status, after authorizing `method` for the caller; `work` is
// absl::Status(const Identity&).
template <typename Work>
absl::Status Authorized(const Authorizer& auth,
                        const grpc::ServerContextBase& ctx,
                        const std::string& method, Work&& work) {
  absl::StatusOr<Authorizer::Admission> admitted = auth.Admit(ctx, method);
  if (!admitted.ok()) return admitted.status();
  const Identity& who = admitted->who();
  absl::Status status = work(who);
  if (!status.ok() && RequiredRole(method) > Role::kReader) {
    log::Warning("write_failed", "write failed",
                 {{"method", method},
                  {"identity", who.name},
                  {"code", absl::StatusCodeToString(status.code())}});
  }
  return status;
}

template <typename Work>
grpc::Status Serve(const Authorizer& auth, const grpc::ServerContextBase& ctx,
                   const std::string& method, Work&& work) {
  return ToGrpcStatus(Authorized(auth, ctx, method, work), LanguageOfCall(ctx));
}

// "estyn.lges.v1.InspectionService" + "/" + "GetInspection".
inline std::string MethodName(std::string_view service, std::string_view rpc) {
  std::string name(service);
  name += '/';
  name += rpc;
  return name;
}

// Serve for the handlers of one service: `frame(ctx, __func__, work)`
// authorizes "<service>/<rpc>" and runs `work`. Holds references only.
class RpcFrame {
 public:
  // `auth` must outlive the frame.
  RpcFrame(const Authorizer& auth, std::string_view service)
      : auth_(auth), service_(service) {}

  template <typename Work>
  grpc::Status operator()(const grpc::ServerContextBase& ctx, const char* rpc,
                          Work&& work) const {
    return Serve(auth_, ctx, MethodName(service_, rpc), work);
  }

 private:
  const Authorizer& auth_;
  const std::string_view service_;
};

}  // namespace lges
