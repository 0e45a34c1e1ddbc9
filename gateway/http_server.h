#pragma once
// The HTTP listener of lges-server: the API as HTTP/JSON (every rpc, by
// its google.api.http rule), /openapi.json, and the pages for people. It
// speaks to the gRPC services through an in-process channel (forward.h),
// so authentication, roles, limits, metrics and errors are those of gRPC.
//
// Built on cpp-httplib (docs/DESIGN.md says why). Start and Stop are
// called from one owning thread; requests are handled on its pool.

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace grpc {
class Channel;
}  // namespace grpc

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace lges::gateway {

class Forwarder;
struct Route;

struct HttpOptions {
  // HOST:PORT; port 0 picks a free one.
  std::string listen = "127.0.0.1:8080";
  // PEM. With a certificate chain and key the listener speaks only HTTPS;
  // with a client CA too it requires and verifies client certificates.
  std::string tls_cert_pem;
  std::string tls_key_pem;
  std::string tls_client_ca_pem;
  // Largest request body accepted (the gRPC message limit).
  size_t max_body_bytes = 4 * 1024 * 1024;
  // Requests handled at once; more wait for a thread.
  int threads = 16;
};

class HttpGateway {
 public:
  // `channel` reaches the gRPC services (LgesServer::InProcessChannel).
  HttpGateway(std::shared_ptr<grpc::Channel> channel, HttpOptions options);
  ~HttpGateway();
  HttpGateway(const HttpGateway&) = delete;
  HttpGateway& operator=(const HttpGateway&) = delete;

  // Binds and starts serving; returns the bound port. UNAVAILABLE if the
  // address cannot be bound or TLS cannot be set up.
  absl::StatusOr<int> Start();
  // Stops accepting and waits for requests in flight. Idempotent.
  void Stop();

 private:
  // Answers every request: the API, /openapi.json or a page.
  void Handle(const httplib::Request& req, httplib::Response& res);
  // An rpc by its HTTP rule.
  void ServeApi(const httplib::Request& req,
                const std::vector<std::pair<std::string, std::string>>& md,
                httplib::Response& res);
  // GET /healthz[?service=NAME]: the gRPC health check for load balancers
  // that speak only HTTP. 200 "SERVING", 503 "NOT_SERVING" (or while the
  // server cannot answer), 404 for a service health does not know.
  void ServeHealth(const httplib::Request& req,
                   const std::vector<std::pair<std::string, std::string>>& md,
                   httplib::Response& res);
  // A server-streaming rpc: newline-delimited JSON, one reply per line.
  void ServeStream(const Route& route, std::vector<std::string> requests,
                   const std::vector<std::pair<std::string, std::string>>& md,
                   httplib::Response& res);

  HttpOptions options_;
  std::unique_ptr<Forwarder> forwarder_;
  std::unique_ptr<httplib::Server> server_;
  std::atomic<int> streams_{0};  // Streamed replies in progress.
  std::thread thread_;  // Runs the server's accept loop.
};

}  // namespace lges::gateway
