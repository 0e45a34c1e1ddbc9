// lges-server: the only place that wires storage, gRPC and metrics together.
#include <prometheus/exposer.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>
#include <pthread.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <prometheus/counter.h>

#include "server/backend.h"
#include "server/config.h"
#include "server/credentials.h"
#include "server/metrics.h"
#include "server/server.h"
#include "service/log.h"

namespace {

constexpr auto kShutdownDeadline = std::chrono::seconds(10);

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

absl::StatusOr<lges::Backend> OpenBackendFor(const lges::ServerConfig& config) {
  EnsureParentDirectory(config.db_path);
  lges::BackendOptions options;
  options.load_public_record = config.public_record;
  if (config.today) options.clock = FixedClock(*config.today);
  auto backend = lges::OpenBackend(config.db_path, options);
  if (backend.ok()) {
    lges::log::Info(
        "database " + config.db_path +
        " open and migrated; analytics snapshot at dataset version " +
        std::to_string(backend->snapshots->Current()->version()) +
        " built in " +
        std::to_string(backend->snapshots->last_rebuild_us() / 1000) + " ms");
  }
  return backend;
}

// /metrics: the build info, the RPC metrics and the domain gauges.
// prometheus-cpp's Exposer waits up to two seconds in its destructor for
// its web server's threads, so Stop() detaches the collectors (waiting for
// a scrape in progress) and leaves the idle server to the process's exit.
class MetricsEndpoint {
 public:
  MetricsEndpoint(const std::string& listen,
                  const lges::SnapshotSource& snapshots)
      : exposer_(std::make_unique<prometheus::Exposer>(listen)),
        registry_(std::make_shared<prometheus::Registry>()),
        domain_(std::make_shared<lges::DomainCollector>(snapshots)),
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
    exposer_->RegisterCollectable(registry_);
    exposer_->RegisterCollectable(domain_);
  }

  lges::RpcMetrics& rpc() { return rpc_; }

  // Counts a refused call.
  void Denied(std::string_view method, absl::StatusCode code) {
    const size_t slash = method.find('/');
    denied_
        .Add({{"grpc_service", std::string(method.substr(0, slash))},
              {"grpc_method", std::string(method.substr(slash + 1))},
              {"grpc_code", lges::GrpcCodeName(
                                static_cast<grpc::StatusCode>(code))}})
        .Increment();
  }

  void Stop() {
    exposer_->RemoveCollectable(registry_);
    exposer_->RemoveCollectable(domain_);
    // Deliberately never destroyed (see above); kept reachable so that leak
    // checkers do not report it.
    [[maybe_unused]] static prometheus::Exposer* abandoned = nullptr;
    abandoned = exposer_.release();
  }

 private:
  std::unique_ptr<prometheus::Exposer> exposer_;
  // The exposer holds only weak_ptrs to these.
  std::shared_ptr<prometheus::Registry> registry_;
  std::shared_ptr<lges::DomainCollector> domain_;
  lges::RpcMetrics rpc_;
  prometheus::Family<prometheus::Counter>& denied_;
};

int Run(const lges::ServerConfig& config) {
  const sigset_t signals = BlockShutdownSignals();
  absl::StatusOr<lges::Backend> backend = OpenBackendFor(config);
  if (!backend.ok()) {
    lges::log::Error("cannot open database: " +
                     std::string(backend.status().message()));
    return 1;
  }
  if (absl::Status s =
          lges::EnsureAdminToken(*backend->sqlite, config.token_file);
      !s.ok()) {
    lges::log::Error(std::string(s.message()));
    return 1;
  }
  MetricsEndpoint metrics(config.metrics_listen, *backend->snapshots);
  lges::log::Info("metrics on http://" + config.metrics_listen + "/metrics");
  lges::LgesServer server(
      *backend->store, *backend->snapshots, *backend->sqlite,
      {.listen = config.listen,
       .rpc_metrics = &metrics.rpc(),
       .anonymous_role = config.anonymous_role,
       .on_denied = [&metrics](std::string_view method,
                               absl::StatusCode code) {
         metrics.Denied(method, code);
       }});
  absl::StatusOr<int> port = server.Start();
  if (!port.ok()) {
    lges::log::Error(std::string(port.status().message()));
    return 1;
  }
  lges::log::Info("serving gRPC on " + config.listen + " (port " +
                  std::to_string(*port) + ")");
  int received = 0;
  sigwait(&signals, &received);
  lges::log::Info(std::string("received ") +
                  (received == SIGINT ? "SIGINT" : "SIGTERM") +
                  "; shutting down");
  server.Shutdown(kShutdownDeadline);
  metrics.Stop();
  lges::log::Info("stopped");
  return 0;
}

// `lges-server tokens ...` on the database, without serving.
int RunOffline(const lges::ServerConfig& config) {
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
  try {
    if (!config->command.empty()) return RunOffline(*config);
    return Run(*config);
  } catch (const std::exception& e) {
    // Start-up failures that libraries throw, such as a busy metrics port.
    lges::log::Error(std::string("start-up failed: ") + e.what());
    return 1;
  }
}
