// Benchmark of the HTTP/JSON gateway against gRPC on the same machine, in
// one run: the same rpcs on the public record, called over gRPC (the
// client library) and over HTTP/JSON (cpp-httplib's client, keep-alive),
// so the table shows what transcoding and the in-process hop cost.
//
// Usage: http_bench [--seconds=S] [--concurrency=C]
//   --seconds=S      seconds per round (default 1.5)
//   --concurrency=C  only this many concurrent calls (default 1 and 8)

#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "clients/lges_client.h"
#include "gateway/http_server.h"
#include "server/backend.h"
#include "server/server.h"

namespace {

using lges::bench::Drive;
using lges::bench::Median;
using lges::bench::Result;
constexpr int kRounds = 5;

struct Case {
  const char* name;
  std::string path;  // The HTTP form.
  std::function<bool(lges::LgesClient&)> grpc;
};

}  // namespace

int main(int argc, char** argv) {
  double seconds = 1.5;
  std::vector<int> concurrencies = {1, 8};
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--seconds=", 0) == 0) seconds = std::atof(argv[i] + 10);
    if (arg.rfind("--concurrency=", 0) == 0)
      concurrencies = {std::max(1, std::atoi(argv[i] + 14))};
  }
  const std::string dir = std::filesystem::temp_directory_path() /
                          ("lges-http-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto backend = lges::OpenBackend(dir + "/bench.db",
                                   {.load_public_record = true});
  if (!backend.ok()) return 1;
  lges::LgesServer server(*backend->store, *backend->snapshots,
                          *backend->sqlite, {.listen = "127.0.0.1:0"});
  auto port = server.Start();
  if (!port.ok()) return 1;
  const std::string address = "127.0.0.1:" + std::to_string(*port);
  lges::gateway::HttpGateway http(server.InProcessChannel(),
                                  {.listen = "127.0.0.1:0"});
  auto http_port = http.Start();
  if (!http_port.ok()) return 1;

  const std::vector<Case> cases = {
      {"GetDatasetInfo", "/v1/datasetInfo",
       [](lges::LgesClient& c) {
         lges::pb::DatasetInfo r;
         return c.GetDatasetInfo({}, &r).ok();
       }},
      {"GetSectorSummary", "/v1/sectorSummaries/2022",
       [](lges::LgesClient& c) {
         lges::pb::GetSectorSummaryRequest req;
         req.set_academic_year(2022);
         lges::pb::SectorSummary r;
         return c.GetSectorSummary(req, &r).ok();
       }},
      {"GetThemeTrends", "/v1/themeTrends?fromAcademicYear=2017&toAcademicYear=2024",
       [](lges::LgesClient& c) {
         lges::pb::GetThemeTrendsRequest req;
         req.set_from_academic_year(2017);
         req.set_to_academic_year(2024);
         lges::pb::ThemeTrends r;
         return c.GetThemeTrends(req, &r).ok();
       }},
  };
  std::printf("%d rounds of %.1f s per rpc, way and concurrency; median round\n",
              kRounds, seconds);
  std::printf("%-18s %5s %6s %12s %10s %10s %9s\n", "rpc", "conc", "way",
              "calls/s", "p50 us", "p99 us", "vs gRPC");
  for (int concurrency : concurrencies) {
    std::vector<std::unique_ptr<lges::LgesClient>> grpc_clients;
    std::vector<std::unique_ptr<httplib::Client>> http_clients;
    for (int i = 0; i < concurrency; ++i) {
      grpc_clients.push_back(std::make_unique<lges::LgesClient>(
          lges::LgesClient::Options{address, std::chrono::seconds(10), ""}));
      http_clients.push_back(
          std::make_unique<httplib::Client>("127.0.0.1", *http_port));
      http_clients.back()->set_keep_alive(true);
      http_clients.back()->set_tcp_nodelay(true);
    }
    for (const Case& c : cases) {
      std::vector<Result> grpc_rounds, http_rounds;
      for (int round = 0; round < kRounds; ++round) {
        grpc_rounds.push_back(Drive(concurrency, seconds, [&](size_t t) {
          return c.grpc(*grpc_clients[t]);
        }));
        http_rounds.push_back(Drive(concurrency, seconds, [&](size_t t) {
          auto res = http_clients[t]->Get(c.path);
          return res && res->status == 200 && !res->body.empty();
        }));
      }
      const Result g = Median(grpc_rounds), h = Median(http_rounds);
      for (const auto& [way, r] : {std::pair{"gRPC", g}, std::pair{"HTTP", h}}) {
        std::printf("%-18s %5d %6s %12.0f %10.0f %10.0f %8.0f%%%s\n", c.name,
                    concurrency, way, r.calls_per_s, r.p50_us, r.p99_us,
                    100 * r.calls_per_s / g.calls_per_s,
                    r.errors ? "  ERRORS" : "");
      }
    }
  }
  server.Shutdown(std::chrono::seconds(1));
  http.Stop();
  std::filesystem::remove_all(dir);
  return 0;
}
