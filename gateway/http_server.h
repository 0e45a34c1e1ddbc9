#pragma once
// The HTTP listener of lges-server: the API as HTTP/JSON (every rpc, by
// its google.api.http rule), /openapi.json, and the pages for people. It
// speaks to the gRPC services through an in-process channel (forward.h),
// so authentication, roles, limits, metrics and errors are those of gRPC.
//
// Built on civetweb (docs/DESIGN.md says why). Start and Stop are called
// from one owning thread; requests are handled on civetweb's threads.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace grpc {
class Channel;
}  // namespace grpc

struct mg_context;
struct mg_connection;

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
  // One call to forward: the route, the serialised requests, the caller's
  // credentials and other metadata, and the deadline (none for streams).
  struct Call {
    const Route* route;
    std::vector<std::string> requests;
    std::vector<std::pair<std::string, std::string>> metadata;
    std::optional<std::chrono::system_clock::time_point> deadline;
  };

  static int HandleRequest(mg_connection* conn, void* self);
  static int InitTls(void* ssl_ctx, void* self);
  void Handle(mg_connection* conn);
  // A unary or client-streaming rpc: one JSON reply (or CSV on request).
  void ServeUnary(mg_connection* conn, const Call& call);
  // A server-streaming rpc: newline-delimited JSON, one reply per line.
  void ServeStream(mg_connection* conn, const Call& call);

  HttpOptions options_;
  std::unique_ptr<Forwarder> forwarder_;
  mg_context* context_ = nullptr;
};

}  // namespace lges::gateway
