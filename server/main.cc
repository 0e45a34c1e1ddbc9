// lges-server: the only place that wires storage, gRPC and metrics together.
#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>
#include <pthread.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "gateway/http_server.h"
#include "server/backend.h"
#include "server/config.h"
#include "server/credentials.h"
#include "server/grpc_log.h"
#include "server/metrics.h"
#include "server/open_files.h"
#include "server/runtime_metrics.h"
#include "server/server.h"
#include "server/storage_monitor.h"
#include "storage/migrations.h"
#include "service/log.h"

namespace {

constexpr auto kShutdownDeadline = std::chrono::seconds(10);
constexpr auto kStorageProbeInterval = std::chrono::milliseconds(1000);
constexpr auto kOpenFilesInterval = std::chrono::milliseconds(250);

// Blocks SIGINT and SIGTERM in this and every thread started later, so that
// main can wait for them with sigwait.
sigset_t BlockShutdownSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

void EnsureParentDirectory(const std::string& path) {
  const std::filesystem::path parent =
      std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
}

// The clock of --today: noon UTC on that day, for ever.
lges::SnapshotSource::Clock FixedClock(const lges::CivilDay& today) {
  using namespace std::chrono;
  const system_clock::time_point noon =
      sys_days{year_month_day{year{today.year},
                              month{static_cast<unsigned>(today.month)},
                              day{static_cast<unsigned>(today.day)}}} +
      hours{12};
  return [noon] { return noon; };
}

// FAILED_PRECONDITION unless the database file exists or --create allows
// making it; sets `created` when it will be made.
absl::Status CheckDbFile(const lges::ServerConfig& config, bool& created) {
  created = !std::filesystem::exists(config.db_path);
  if (!created || config.create) return absl::OkStatus();
  return absl::FailedPreconditionError(
      "database " + config.db_path +
      " does not exist; give --create to make a new one with the public "
      "record (scripts/run.sh does)");
}

absl::StatusOr<lges::Backend> OpenBackendFor(const lges::ServerConfig& config) {
  bool created = false;
  if (absl::Status s = CheckDbFile(config, created); !s.ok()) return s;
  EnsureParentDirectory(config.db_path);
  if (created)
    lges::log::Warning("database_create", "creating a new database",
                       {{"path", config.db_path}});
  lges::BackendOptions options;
  options.load_public_record = created && config.public_record;
  if (config.today) options.clock = FixedClock(*config.today);
  auto backend = lges::OpenBackend(config.db_path, options);
  if (backend.ok()) {
    const int found = backend->sqlite->schema_found();
    if (found != lges::LatestSchemaVersion()) {
      lges::log::Info("migration", "database schema migrated",
                      {{"path", config.db_path},
                       {"from_version", found},
                       {"to_version", lges::LatestSchemaVersion()}});
    }
    lges::log::Info(
        "database_open", "database open; analytics snapshot built",
        {{"version", LGES_VERSION},
         {"pid", static_cast<int>(getpid())},
         {"path", config.db_path},
         {"schema_version", lges::LatestSchemaVersion()},
         {"dataset_version", backend->snapshots->Current()->version()},
         {"rebuild_ms", backend->snapshots->last_rebuild_us() / 1000.0}});
  }
  return backend;
}

// /metrics: the build info, the RPC metrics, the domain gauges, the
// storage's, the process's and the snapshot rebuilds'.
// prometheus-cpp's Exposer waits up to two seconds in its destructor for
// its web server's threads, so Stop() detaches the collectors (waiting for
// a scrape in progress) and leaves the idle server to the process's exit.
class MetricsEndpoint {
 public:
  // `basic_auth` is "user:password", or "" for none.
  MetricsEndpoint(const std::string& listen, const lges::Backend& backend,
                  const std::string& basic_auth)
      : exposer_(std::make_unique<prometheus::Exposer>(listen)),
        registry_(std::make_shared<prometheus::Registry>()),
        collectors_{
            registry_,
            std::make_shared<lges::DomainCollector>(*backend.snapshots),
            std::make_shared<lges::StorageCollector>(backend.sqlite->health()),
            std::make_shared<lges::ProcessCollector>(),
            std::make_shared<lges::RebuildCollector>(*backend.snapshots)},
        rpc_(*registry_),
        denied_(prometheus::BuildCounter()
                    .Name("lges_auth_denied_total")
                    .Help("Calls refused for want of a valid credential "
                          "(Unauthenticated) or of a role (PermissionDenied).")
                    .Register(*registry_)) {
    prometheus::BuildGauge()
        .Name("lges_build_info")
        .Help("Build information of lges-server; the value is always 1.")
        .Register(*registry_)
        .Add({{"version", LGES_VERSION}})
        .Set(1);
    for (const auto& collector : collectors_)
      exposer_->RegisterCollectable(collector);
    if (!basic_auth.empty()) {
      exposer_->RegisterAuth(
          [basic_auth](const std::string& user, const std::string& password) {
            return user + ":" + password == basic_auth;
          },
          "LGES Insights metrics");
    }
  }

  lges::RpcMetrics& rpc() { return rpc_; }

  // Counts a refused call.
  void Denied(std::string_view method, absl::StatusCode code) {
    const size_t slash = method.find('/');
    denied_
        .Add({{"grpc_service", std::string(method.substr(0, slash))},
              {"grpc_method", std::string(method.substr(slash + 1))},
              {"grpc_code",
               lges::GrpcCodeName(static_cast<grpc::StatusCode>(code))}})
        .Increment();
  }

  // Adds the gauges of `server`'s limits; `server` must stay up until Stop.
  void Watch(const lges::LgesServer& server) {
    collectors_.push_back(std::make_shared<lges::LimitsCollector>(server));
    exposer_->RegisterCollectable(collectors_.back());
  }

  void Stop() {
    for (const auto& collector : collectors_)
      exposer_->RemoveCollectable(collector);
    // Deliberately never destroyed (see above); kept reachable so that leak
    // checkers do not report it.
    [[maybe_unused]] static prometheus::Exposer* abandoned = nullptr;
    abandoned = exposer_.release();
  }

 private:
  std::unique_ptr<prometheus::Exposer> exposer_;
  // The exposer holds only weak_ptrs to these.
  std::shared_ptr<prometheus::Registry> registry_;
  std::vector<std::shared_ptr<prometheus::Collectable>> collectors_;
  lges::RpcMetrics rpc_;
  prometheus::Family<prometheus::Counter>& denied_;
};

// The contents of `path` ("" for no path); nullopt if it cannot be read.
std::optional<std::string> ReadFile(const std::string& path) {
  if (path.empty()) return std::string();
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(file), {});
}

// The PEM files of `config` in `options`, the metrics password file in
// `metrics_auth`; the unreadable file's flag if any.
std::optional<std::string> ReadSecrets(const lges::ServerConfig& config,
                                       lges::ServerOptions& options,
                                       std::string& metrics_auth) {
  const std::pair<const char*, std::pair<const std::string*, std::string*>>
      files[] = {
          {"--tls-cert", {&config.tls_cert_file, &options.tls_cert_pem}},
          {"--tls-key", {&config.tls_key_file, &options.tls_key_pem}},
          {"--tls-client-ca",
           {&config.tls_client_ca_file, &options.tls_client_ca_pem}},
          {"--metrics-auth-file", {&config.metrics_auth_file, &metrics_auth}}};
  for (const auto& [flag, paths] : files) {
    std::optional<std::string> text = ReadFile(*paths.first);
    if (!text) return std::string(flag) + ": cannot read " + *paths.first;
    *paths.second = *text;
  }
  while (!metrics_auth.empty() &&
         (metrics_auth.back() == '\n' || metrics_auth.back() == '\r'))
    metrics_auth.pop_back();
  if (!config.metrics_auth_file.empty() &&
      metrics_auth.find(':') == std::string::npos)
    return "--metrics-auth-file: expected user:password in " +
           config.metrics_auth_file;
  return std::nullopt;
}

// `options` with the settings of `config` and the metrics' hooks.
void Complete(lges::ServerOptions& options, const lges::ServerConfig& config,
              MetricsEndpoint& metrics) {
  if (config.insecure)
    lges::log::Warning("insecure",
                       "--insecure: plaintext beyond loopback is allowed");
  options.listen = config.listen;
  options.rpc_metrics = &metrics.rpc();
  options.anonymous_role = config.anonymous_role;
  options.max_watch_streams = config.max_watch_streams;
  options.max_calls_per_caller = config.max_calls_per_caller;
  options.max_message_bytes = config.max_message_mib * 1024 * 1024;
  options.reply_cache_bytes =
      static_cast<size_t>(config.reply_cache_mib) * 1024 * 1024;
  options.on_denied = [&metrics](std::string_view method,
                                 absl::StatusCode code) {
    metrics.Denied(method, code);
  };
}

// Raises the open-file limit, logs it, and returns the cap of open files
// from which calls are refused.
int OpenFileCap(const lges::ServerConfig& config) {
  const lges::OpenFileLimit limit = lges::RaiseOpenFileLimit();
  lges::log::Info("open_file_limit", "open-file limit set",
                  {{"limit", static_cast<int64_t>(limit.soft)},
                   {"before", static_cast<int64_t>(limit.before)}});
  if (config.max_open_files > 0) return config.max_open_files;
  return static_cast<int>(
      std::min<uint64_t>(limit.soft > 128 ? limit.soft - 64 : limit.soft / 2,
                         100000000));
}

// The HTTP listener on --http-listen, with gRPC's TLS and message limit;
// nullptr (logged) if it cannot start.
std::unique_ptr<lges::gateway::HttpGateway> StartHttp(
    const lges::ServerConfig& config, lges::LgesServer& server) {
  lges::gateway::HttpOptions http;
  http.listen = config.http_listen;
  http.tls_cert_pem = server.options().tls_cert_pem;
  http.tls_key_pem = server.options().tls_key_pem;
  http.tls_client_ca_pem = server.options().tls_client_ca_pem;
  http.max_body_bytes = server.options().max_message_bytes;
  auto gateway = std::make_unique<lges::gateway::HttpGateway>(
      server.InProcessChannel(), std::move(http));
  absl::StatusOr<int> port = gateway->Start();
  if (!port.ok()) {
    lges::log::Error("start_failed", std::string(port.status().message()));
    return nullptr;
  }
  const bool tls = !server.options().tls_cert_pem.empty();
  lges::log::Info("listening", "serving HTTP/JSON and pages",
                  {{"protocol", tls ? "https" : "http"},
                   {"address", config.http_listen},
                   {"port", *port}});
  return gateway;
}

int Run(const lges::ServerConfig& config, lges::ServerOptions options,
        const std::string& metrics_auth) {
  const sigset_t signals = BlockShutdownSignals();
  absl::StatusOr<lges::Backend> backend = OpenBackendFor(config);
  if (!backend.ok()) {
    lges::log::Error("start_failed", "cannot open database",
                     {{"path", config.db_path},
                      {"reason", backend.status().message()}});
    return 1;
  }
  if (absl::Status s =
          lges::EnsureAdminToken(*backend->sqlite, config.token_file);
      !s.ok()) {
    lges::log::Error("start_failed", std::string(s.message()));
    return 1;
  }
  options.max_open_files = OpenFileCap(config);
  MetricsEndpoint metrics(config.metrics_listen, *backend, metrics_auth);
  lges::log::Info("listening", "serving metrics",
                  {{"protocol", "http"},
                   {"address", config.metrics_listen},
                   {"path", "/metrics"}});
  Complete(options, config, metrics);
  lges::LgesServer server(*backend->store, *backend->snapshots,
                          *backend->sqlite, std::move(options));
  absl::StatusOr<int> port = server.Start();
  if (!port.ok()) {
    lges::log::Error("start_failed", std::string(port.status().message()));
    return 1;
  }
  metrics.Watch(server);
  lges::log::Info("listening", "serving gRPC",
                  {{"protocol", server.options().tls_cert_pem.empty()
                                    ? "grpc"
                                    : "grpcs"},
                   {"address", config.listen},
                   {"port", *port}});
  std::unique_ptr<lges::gateway::HttpGateway> http;
  if (!config.http_listen.empty()) {
    http = StartHttp(config, server);
    if (!http) {
      server.Shutdown(kShutdownDeadline);
      metrics.Stop();
      return 1;
    }
  }
  int received = 0;
  {
    lges::StorageMonitor storage(
        *backend->sqlite,
        [&server](bool ok) { server.SetHealthy("storage", ok); },
        kStorageProbeInterval);
    lges::OpenFilesMonitor open_files(
        server.options().max_open_files,
        [&server](const std::string& reason) { server.SetOverload(reason); },
        [&server](bool ok) { server.SetHealthy("open files", ok); },
        kOpenFilesInterval);
    sigwait(&signals, &received);
  }
  lges::log::Info("shutdown", "shutting down",
                  {{"signal", received == SIGINT ? "SIGINT" : "SIGTERM"}});
  // gRPC first: its shutdown ends the watch streams that HTTP clients
  // follow, so that the HTTP listener's threads can finish.
  server.Shutdown(kShutdownDeadline);
  if (http) http->Stop();
  metrics.Stop();
  lges::log::Info("stopped", "stopped");
  return 0;
}

// `lges-server tokens ...` on the database, without serving.
int RunOffline(const lges::ServerConfig& config) {
  bool created = false;
  if (absl::Status s = CheckDbFile(config, created); !s.ok()) {
    std::cerr << "lges-server: " << s.message() << "\n";
    return 1;
  }
  EnsureParentDirectory(config.db_path);
  auto store = lges::SqliteStore::Open(config.db_path);
  if (!store.ok()) {
    std::cerr << "lges-server: cannot open database: "
              << store.status().message() << "\n";
    return 1;
  }
  return lges::RunTokensCommand(config, **store, std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  auto config = lges::ParseServerConfig(
      std::vector<std::string>(argv + 1, argv + argc), std::getenv);
  if (!config.ok()) {
    std::cerr << "lges-server: " << config.status().message() << "\n";
    return 2;
  }
  if (config->show_help) {
    std::cout << lges::ServerUsage();
    return 0;
  }
  lges::log::SetLevel(config->log_level);
  lges::log::SetFormat(config->log_format);
  lges::RouteGrpcLogs();
  try {
    if (!config->command.empty()) return RunOffline(*config);
    lges::ServerOptions options;
    std::string metrics_auth;
    if (auto bad = ReadSecrets(*config, options, metrics_auth)) {
      std::cerr << "lges-server: " << *bad << "\n";
      return 2;
    }
    return Run(*config, std::move(options), metrics_auth);
  } catch (const std::exception& e) {
    // Start-up failures that libraries throw, such as a busy metrics port.
    lges::log::Error("start_failed", "start-up failed",
                     {{"reason", e.what()}});
    return 1;
  }
}
