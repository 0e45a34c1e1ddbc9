#include "server/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/impl/codegen/service_type.h>

#include "server/access_log.h"
#include "server/metrics.h"
#include "service/reply_cache.h"
#include "service/services.h"
#include "service/watch_service.h"

namespace lges {
namespace {

// Names the health service answers for, besides "".
constexpr const char* kServiceNames[] = {
    "estyn.lges.v1.ProviderService",  "estyn.lges.v1.InspectionService",
    "estyn.lges.v1.FollowUpService",  "estyn.lges.v1.KeyMessageService",
    "estyn.lges.v1.AnalyticsService", "estyn.lges.v1.DatasetService",
    "estyn.lges.v1.WatchService",     "estyn.lges.v1.TokenService"};

std::shared_ptr<grpc::ServerCredentials> CredentialsFor(
    const ServerOptions& options) {
  if (options.tls_cert_pem.empty()) return grpc::InsecureServerCredentials();
  grpc::SslServerCredentialsOptions ssl(
      options.tls_client_ca_pem.empty()
          ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
          : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  ssl.pem_root_certs = options.tls_client_ca_pem;
  ssl.pem_key_cert_pairs.push_back({options.tls_key_pem, options.tls_cert_pem});
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

LgesServer::LgesServer(Store& store, SnapshotSource& snapshots,
                       CredentialStore& credentials, ServerOptions options)
    : store_(store),
      snapshots_(snapshots),
      options_(std::move(options)),
      auth_(credentials, options_.anonymous_role, options_.on_denied,
            options_.max_calls_per_caller),
      credentials_(credentials),
      replies_(std::make_unique<ReplyCaches>(snapshots,
                                             options_.reply_cache_bytes)) {
  auth_.NoteIdentitiesIn(&identities_);
}

LgesServer::~LgesServer() {
  if (server_) Shutdown(std::chrono::milliseconds(0));
}

absl::StatusOr<int> LgesServer::Start() {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  services_.push_back(MakeProviderService(store_, auth_));
  services_.push_back(MakeInspectionService(store_, auth_));
  services_.push_back(MakeFollowUpService(store_, auth_));
  services_.push_back(MakeKeyMessageService(store_, auth_));
  services_.push_back(
      MakeAnalyticsService(store_, snapshots_, *replies_, auth_, ReplyLimit()));
  services_.push_back(MakeDatasetService(store_, snapshots_, auth_, ReplyLimit()));
  services_.push_back(MakeTokenService(credentials_, auth_));
  auto watch = std::make_unique<WatchService>(snapshots_, auth_,
                                              options_.max_watch_streams);
  watch_ = watch.get();
  services_.push_back(std::move(watch));

  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options_.listen, CredentialsFor(options_), &port);
  builder.SetMaxReceiveMessageSize(options_.max_message_bytes);
  builder.SetMaxSendMessageSize(options_.max_message_bytes);
  for (const auto& service : services_) builder.RegisterService(service.get());
  for (grpc::Service* service : options_.extra_services)
    builder.RegisterService(service);
  std::vector<
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      creators;
  creators.push_back(NewAccessLogFactory(identities_));
  if (options_.rpc_metrics != nullptr)
    creators.push_back(options_.rpc_metrics->NewFactory());
  builder.experimental().SetInterceptorCreators(std::move(creators));
  server_ = builder.BuildAndStart();
  if (!server_ || port == 0) {
    server_.reset();
    return absl::UnavailableError("cannot listen on " + options_.listen);
  }
  {
    absl::MutexLock lock(&health_mu_);
    SetHealth(unhealthy_.empty());
  }
  return port;
}

std::shared_ptr<grpc::Channel> LgesServer::InProcessChannel() {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(options_.max_message_bytes);
  args.SetMaxSendMessageSize(options_.max_message_bytes);
  return server_->InProcessChannel(args);
}

size_t LgesServer::ReplyLimit() const {
  // Room for the message's own framing within gRPC's limit.
  return options_.max_message_bytes > 1024
             ? static_cast<size_t>(options_.max_message_bytes) - 1024
             : 0;
}

int LgesServer::watch_streams() const {
  return watch_ ? watch_->active_streams() : 0;
}

void LgesServer::SetHealthy(const std::string& reason, bool healthy) {
  absl::MutexLock lock(&health_mu_);
  if (healthy) {
    unhealthy_.erase(reason);
  } else {
    unhealthy_.insert(reason);
  }
  if (!server_ || stopping_) return;
  SetHealth(unhealthy_.empty());
}

bool LgesServer::serving() const {
  absl::MutexLock lock(&health_mu_);
  // stopping_ first: Shutdown sets it, under this lock, before server_ goes.
  return !stopping_ && server_ != nullptr && unhealthy_.empty();
}

void LgesServer::SetHealth(bool serving) {
  grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService();
  if (health == nullptr) return;
  health->SetServingStatus(serving);
  for (const char* name : kServiceNames)
    health->SetServingStatus(name, serving);
}

void LgesServer::Shutdown(std::chrono::milliseconds deadline) {
  if (!server_) return;
  {
    absl::MutexLock lock(&health_mu_);
    if (!stopping_) SetHealth(false);
    stopping_ = true;
  }
  if (watch_ != nullptr)
    watch_->Stop();  // Streams end with OK instead of waiting for the deadline.
  server_->Shutdown(std::chrono::system_clock::now() + deadline);
  server_->Wait();
  server_.reset();
}

}  // namespace lges
