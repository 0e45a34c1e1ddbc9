#pragma once
// Calls the gRPC server from the HTTP gateway, in process: the same
// services, interceptors, authorization, limits and metrics as any gRPC
// client meets, with no second implementation of any rpc. One call at a
// time per Forwarder::Call; Forwarder itself is thread-safe.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace grpc {
class Channel;
class Status;
}  // namespace grpc

namespace lges::gateway {

struct Outcome {
  int code = 0;               // gRPC status code.
  std::string message;
  std::string details;        // Serialised google.rpc.Status, if any.
};

class Forwarder {
 public:
  explicit Forwarder(std::shared_ptr<grpc::Channel> channel);
  ~Forwarder();

  // Calls `method` ("/pkg.Service/Method") with the serialised `requests`
  // (one for a unary or server-streaming rpc), `metadata` and, if set,
  // `deadline`. Each reply goes to `on_reply` as it arrives; when it
  // returns false the call is cancelled. Returns when the call ends.
  Outcome Call(const std::string& method,
               const std::vector<std::string>& requests,
               const std::vector<std::pair<std::string, std::string>>& metadata,
               std::optional<std::chrono::system_clock::time_point> deadline,
               const std::function<bool(const std::string& reply)>& on_reply);

 private:
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace lges::gateway
