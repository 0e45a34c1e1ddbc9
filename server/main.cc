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

#include "server/backend.h"
#include "server/config.h"
#include "service/log.h"
#include "server/metrics.h"
#include "server/server.h"

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

std::shared_ptr<prometheus::Registry> MetricsRegistry() {
  auto registry = std::make_shared<prometheus::Registry>();
  prometheus::BuildGauge()
      .Name("lges_build_info")
      .Help("Build information of lges-server; the value is always 1.")
      .Register(*registry)
      .Add({{"version", LGES_VERSION}})
      .Set(1);
  return registry;
}

int Run(const lges::ServerConfig& config) {
  const sigset_t signals = BlockShutdownSignals();
  EnsureParentDirectory(config.db_path);
  lges::BackendOptions options;
  options.load_public_record = config.public_record;
  if (config.today) {
    using namespace std::chrono;
    const system_clock::time_point noon =
        sys_days{year_month_day{year{config.today->year},
                                month{static_cast<unsigned>(config.today->month)},
                                day{static_cast<unsigned>(config.today->day)}}} +
        hours{12};
    options.clock = [noon] { return noon; };
  }
  auto backend = lges::OpenBackend(config.db_path, options);
  if (!backend.ok()) {
    lges::log::Error("cannot open database: " +
                     std::string(backend.status().message()));
    return 1;
  }
  lges::log::Info(
      "database " + config.db_path +
      " open and migrated; analytics snapshot at dataset version " +
      std::to_string(backend->snapshots->Current()->version()) + " built in " +
      std::to_string(backend->snapshots->last_rebuild_us() / 1000) + " ms");

  prometheus::Exposer exposer(config.metrics_listen);
  const std::shared_ptr<prometheus::Registry> registry =
      MetricsRegistry();  // The exposer only holds a weak_ptr.
  exposer.RegisterCollectable(registry);
  lges::log::Info("metrics on http://" + config.metrics_listen + "/metrics");

  lges::RpcMetrics rpc_metrics(*registry);
  // The exposer only holds a weak_ptr: keep the collector alive here.
  const auto domain_metrics =
      std::make_shared<lges::DomainCollector>(*backend->snapshots);
  exposer.RegisterCollectable(domain_metrics);
  lges::ServerOptions server_options;
  server_options.listen = config.listen;
  server_options.rpc_metrics = &rpc_metrics;
  lges::LgesServer server(*backend->store, *backend->snapshots, server_options);
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
  lges::log::Info("stopped");
  return 0;
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
    return Run(*config);
  } catch (const std::exception&
               e) {  // Start-up failures such as a busy metrics port.
    lges::log::Error(std::string("start-up failed: ") + e.what());
    return 1;
  }
}
