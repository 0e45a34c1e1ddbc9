#include "server/access_log.h"

#include <grpcpp/server_context.h>

#include <chrono>
#include <string>

#include "absl/status/status.h"
#include "common/request_id.h"
#include "service/call_identities.h"
#include "service/log.h"

namespace lges {
namespace {

using grpc::experimental::InterceptionHookPoints;
using grpc::experimental::InterceptorBatchMethods;

// A call on the in-process channel (the HTTP gateway's): gRPC 1.51 names
// its peer "unknown", where a network peer is "ipv4:...", "ipv6:..." or
// "unix:...".
bool InProcess(const std::string& peer) {
  return peer == "unknown" || peer.rfind("inproc", 0) == 0;
}

log::Level LevelOf(const std::string& method, grpc::StatusCode code) {
  if (code == grpc::StatusCode::INTERNAL || code == grpc::StatusCode::UNKNOWN ||
      code == grpc::StatusCode::DATA_LOSS)
    return log::Level::kError;
  if (method.rfind("grpc.", 0) == 0) return log::Level::kDebug;
  return log::Level::kInfo;
}

std::string Value(const std::multimap<grpc::string_ref, grpc::string_ref>& m,
                  const char* key) {
  auto it = m.find(key);
  return it == m.end() ? "" : std::string(it->second.data(), it->second.size());
}

class AccessLogInterceptor final : public grpc::experimental::Interceptor {
 public:
  AccessLogInterceptor(CallIdentities& identities,
                       grpc::experimental::ServerRpcInfo* info)
      : identities_(identities),
        call_(info->server_context()),
        method_(info->method()),
        start_(std::chrono::steady_clock::now()) {
    if (!method_.empty() && method_[0] == '/') method_.erase(0, 1);
  }
  ~AccessLogInterceptor() override { identities_.Take(call_); }

  void Intercept(InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      const auto& sent = *methods->GetRecvInitialMetadata();
      request_id_ = RequestIdOr(Value(sent, kRequestIdKey));
      if (InProcess(call_->peer())) {
        in_process_ = true;
        http_peer_ = Value(sent, "x-forwarded-for");
      }
    }
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      methods->GetSendInitialMetadata()->emplace(kRequestIdKey, RequestId());
    }
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_MESSAGE)) {
      if (const grpc::ByteBuffer* reply = methods->GetSerializedSendMessage())
        reply_bytes_ += static_cast<int64_t>(reply->Length());
    }
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      Write(methods->GetSendStatus().error_code());
    }
    methods->Proceed();
  }

 private:
  const std::string& RequestId() {
    if (request_id_.empty()) request_id_ = NewRequestId();
    return request_id_;
  }

  void Write(grpc::StatusCode code) {
    const log::Level level = LevelOf(method_, code);
    const std::string identity = identities_.Take(call_);
    if (!log::Enabled(level)) return;
    const std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start_;
    const std::string code_name =
        absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
    const std::string peer = in_process_ ? "in-process" : call_->peer();
    // http_peer and identity are left out where empty.
    log::Write(level, "rpc", "",
               {{"request_id", RequestId()},
                {"method", method_},
                {"code", code_name},
                {"latency_ms", elapsed.count()},
                {"peer", peer},
                {"http_peer", http_peer_},
                {"identity", identity},
                {"reply_bytes", reply_bytes_}});
  }

  CallIdentities& identities_;
  const grpc::ServerContextBase* const call_;
  std::string method_;
  const std::chrono::steady_clock::time_point start_;
  std::string request_id_;
  bool in_process_ = false;
  std::string http_peer_;
  int64_t reply_bytes_ = 0;
};

class Factory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit Factory(CallIdentities& identities) : identities_(identities) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new AccessLogInterceptor(identities_, info);  // gRPC deletes it.
  }

 private:
  CallIdentities& identities_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewAccessLogFactory(CallIdentities& identities) {
  return std::make_unique<Factory>(identities);
}

}  // namespace lges
