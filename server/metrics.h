#pragma once
// Prometheus metrics of lges-server:
// - RPC metrics from a server interceptor, with the names and labels of
//   go-grpc-prometheus that Grafana's gRPC dashboards expect:
//   grpc_server_started_total, grpc_server_handled_total and the
//   grpc_server_handling_seconds histogram, labelled grpc_type,
//   grpc_service, grpc_method (and grpc_code when handled);
// - domain gauges built at scrape time from the current analytics snapshot
//   (DomainCollector).
// Thread-safe.

#include <grpcpp/support/server_interceptor.h>
#include <prometheus/collectable.h>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace lges {

class LgesServer;
class StorageHealth;
class SnapshotSource;

// The RPC metric families, and interceptors that count and time each call.
class RpcMetrics {
 public:
  explicit RpcMetrics(prometheus::Registry& registry);
  // A factory for ServerBuilder (which owns it); the RpcMetrics must outlive
  // the server.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
  NewFactory();

  prometheus::Family<prometheus::Counter>& started() { return started_; }
  prometheus::Family<prometheus::Counter>& handled() { return handled_; }
  prometheus::Family<prometheus::Histogram>& seconds() { return seconds_; }
  // The latency histogram's bucket boundaries, in seconds.
  static const prometheus::Histogram::BucketBoundaries& Buckets();

 private:
  // Every method of the API starts with its series at zero, every code
  // included, as go-grpc-prometheus's InitializeMetrics does: a rate is 0,
  // not absent, before the first call.
  void StartAtZero();

  prometheus::Family<prometheus::Counter>& started_;
  prometheus::Family<prometheus::Counter>& handled_;
  prometheus::Family<prometheus::Histogram>& seconds_;
};

// Gauges computed from the current snapshot whenever Prometheus scrapes.
// Labels are codes (GSS codes, theme ids, academic years "2022-2023");
// names are in lges_authority_info and lges_theme_info.
class DomainCollector final : public prometheus::Collectable {
 public:
  // `snapshots` must outlive the collector.
  explicit DomainCollector(const SnapshotSource& snapshots)
      : snapshots_(snapshots) {}
  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  const SnapshotSource& snapshots_;
};

// Gauges of the server's health, limits and what it holds against them,
// read when Prometheus scrapes: lges_serving, lges_watch_streams, lges_watch_streams_limit,
// lges_calls_in_flight, lges_calls_per_caller_limit; and the reply cache:
// lges_reply_cache_{bytes,entries,budget_bytes} and
// lges_reply_cache_{hits,misses,evictions}_total.
class LimitsCollector final : public prometheus::Collectable {
 public:
  // `server` must outlive the collector.
  explicit LimitsCollector(const LgesServer& server) : server_(server) {}
  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  const LgesServer& server_;
};

// The database's writability, read when Prometheus scrapes:
// lges_storage_writable (1 or 0) and lges_storage_faults_total{fault}, the
// episodes of each fault (read_only, disk_full, io_error, file_gone) since
// start.
class StorageCollector final : public prometheus::Collectable {
 public:
  // `health` must outlive the collector.
  explicit StorageCollector(const StorageHealth& health) : health_(health) {}
  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  const StorageHealth& health_;
};

// The go-grpc-prometheus name of a status code, e.g. "InvalidArgument".
std::string GrpcCodeName(grpc::StatusCode code);

}  // namespace lges
