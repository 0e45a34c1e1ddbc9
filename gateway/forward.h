#pragma once
// Calls the gRPC server from the HTTP gateway, in process: the same
// services, interceptors, authorization, limits and metrics as any gRPC
// client meets, with no second implementation of any rpc. Forwarder is
// thread-safe; each ForwardedCall belongs to one thread.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace grpc {
class Channel;
}  // namespace grpc

namespace lges::gateway {

struct Outcome {
  int code = 0;               // gRPC status code.
  std::string message;
  std::string details;        // Serialised google.rpc.Status, if any.
};

// One call in flight. Read the replies with Next until it returns nullopt
// (or Cancel), then Finish. Destroying it finishes it (cancelling first if
// it is still running).
class ForwardedCall {
 public:
  virtual ~ForwardedCall() = default;
  // The next serialised reply, or nullopt when there are no more.
  virtual std::optional<std::string> Next() = 0;
  // The same, waiting at most `wait`: nullopt with `timed_out` set if no
  // reply came by then (the call goes on).
  virtual std::optional<std::string> NextWithin(std::chrono::milliseconds wait,
                                                bool* timed_out) = 0;
  // Ends the call early (the client went away).
  virtual void Cancel() = 0;
  // Waits for the call's end and returns its status.
  virtual Outcome Finish() = 0;
};

using Metadata = std::vector<std::pair<std::string, std::string>>;

class Forwarder {
 public:
  explicit Forwarder(std::shared_ptr<grpc::Channel> channel);
  ~Forwarder();

  // Starts `method` ("/pkg.Service/Method") with the serialised `requests`
  // (one for a unary or server-streaming rpc), `metadata` and, if set,
  // `deadline`.
  std::unique_ptr<ForwardedCall> Start(
      const std::string& method, const std::vector<std::string>& requests,
      const Metadata& metadata,
      std::optional<std::chrono::system_clock::time_point> deadline);

  // Start, each reply to `on_reply` (false cancels), then Finish.
  Outcome Call(const std::string& method,
               const std::vector<std::string>& requests,
               const Metadata& metadata,
               std::optional<std::chrono::system_clock::time_point> deadline,
               const std::function<bool(const std::string& reply)>& on_reply);

 private:
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace lges::gateway
