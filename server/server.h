#pragma once
// The gRPC server of LGES Insights: the estyn.lges.v1 services, the standard
// health service and server reflection, bound to one address. Used by
// lges-server's main and by the tests, which start it on localhost:0.
//
// Thread-safety: Start, Shutdown and Wait are called from one owning thread;
// the running server handles calls on gRPC's threads.

#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "service/authorizer.h"
#include "service/call_identities.h"
#include "storage/credential_store.h"
#include "storage/store.h"

namespace grpc {
class Channel;
class Server;
class Service;
}  // namespace grpc

namespace lges {

class ReplyCaches;
class RpcMetrics;
class SnapshotSource;
class WatchService;

struct ServerOptions {
  // HOST:PORT; port 0 picks a free one.
  std::string listen = "127.0.0.1:50051";
  // Cap on request and response size.
  int max_message_bytes = 4 * 1024 * 1024;
  // Counts and times every call when set; must outlive the server.
  RpcMetrics* rpc_metrics = nullptr;
  // What a caller without a credential may do: kReader or kNone.
  Role anonymous_role = Role::kReader;
  // Called for every refused call.
  Authorizer::DeniedHook on_denied;
  // PEM; with a certificate chain and key the server speaks only TLS, and
  // with a client CA too it requires and verifies client certificates.
  std::string tls_cert_pem;
  std::string tls_key_pem;
  std::string tls_client_ca_pem;
  // Limits (0: none): open WatchSector streams, and calls in flight per
  // credential or anonymous peer address.
  int max_watch_streams = 1000;
  int max_calls_per_caller = 64;
  // Open files (connections included) from which calls are refused; for
  // the metric lges_open_files_limit (server/open_files.h does the work).
  int max_open_files = 0;
  // Bytes of cached analytics replies (and their keys) per snapshot.
  size_t reply_cache_bytes = 8 * 1024 * 1024;
  // More services to serve beside the API, for a benchmark's own server
  // (bench/echo_service.h); never set by lges-server. Must outlive the
  // server.
  std::vector<grpc::Service*> extra_services;
};

class LgesServer {
 public:
  // `store`, `snapshots` and `credentials` must outlive the server.
  LgesServer(Store& store, SnapshotSource& snapshots,
             CredentialStore& credentials, ServerOptions options);
  ~LgesServer();
  LgesServer(const LgesServer&) = delete;
  LgesServer& operator=(const LgesServer&) = delete;

  // Binds and starts serving; health reports SERVING for "" and every
  // estyn service. Returns the bound port. UNAVAILABLE if the address cannot
  // be bound.
  absl::StatusOr<int> Start();
  // Reports NOT_SERVING, then stops accepting calls and waits up to
  // `deadline` for calls in flight before cancelling them.
  void Shutdown(std::chrono::milliseconds deadline);

  // A channel to the running server within the process, with its message
  // limits: for the HTTP gateway (gateway/http_server.h).
  std::shared_ptr<grpc::Channel> InProcessChannel();

  // For metrics, while serving: open watch streams and calls in flight.
  int watch_streams() const;
  int calls_in_flight() const { return auth_.calls_in_flight(); }
  // While `reason` is not empty every call is refused with
  // RESOURCE_EXHAUSTED and it; see Authorizer::SetOverload.
  void SetOverload(const std::string& reason) { auth_.SetOverload(reason); }
  // The analytics reply cache, for its metrics.
  const ReplyCaches& replies() const { return *replies_; }
  const ServerOptions& options() const { return options_; }

  // Health of "" and every service is SERVING while every `reason` (e.g.
  // "storage", "open files") last reported healthy, NOT_SERVING otherwise.
  // Any thread; ignored once Shutdown has begun.
  void SetHealthy(const std::string& reason, bool healthy);
  // Whether health says SERVING: started, not stopping, every reason
  // healthy.
  bool serving() const;

 private:
  // The largest reply the services may build.
  size_t ReplyLimit() const;
  // Sets the status; health_mu_ held and the server running.
  void SetHealth(bool serving) ABSL_EXCLUSIVE_LOCKS_REQUIRED(health_mu_);

  Store& store_;
  SnapshotSource& snapshots_;
  ServerOptions options_;
  CallIdentities identities_;  // For the access log; before auth_.
  Authorizer auth_;
  CredentialStore& credentials_;
  std::unique_ptr<ReplyCaches> replies_;
  std::vector<std::unique_ptr<grpc::Service>> services_;
  WatchService* watch_ = nullptr;  // One of services_; stopped before shutdown.
  std::unique_ptr<grpc::Server> server_;
  mutable absl::Mutex health_mu_;
  // Set under health_mu_ as Shutdown begins; SetServing then leaves
  // server_ alone.
  bool stopping_ ABSL_GUARDED_BY(health_mu_) = false;
  std::set<std::string> unhealthy_ ABSL_GUARDED_BY(health_mu_);
};

}  // namespace lges
