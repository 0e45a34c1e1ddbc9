#pragma once
// The benchmark's Echo: a callback service, as AnalyticsService is, that
// answers each call with its request, and a client for it with a channel
// of its own. The gRPC floor: what a call costs with no work and a tiny
// message. Only the benchmark's own server serves it.

#include <memory>
#include <string>

namespace grpc {
class Service;
}  // namespace grpc

namespace lges::bench {

std::unique_ptr<grpc::Service> MakeEchoService();

class EchoClient {
 public:
  explicit EchoClient(const std::string& address);
  ~EchoClient();
  // One call with a 10 s deadline; true if it succeeded.
  bool Echo(const std::string& message);

 private:
  struct Stub;
  std::unique_ptr<Stub> stub_;
};

}  // namespace lges::bench
