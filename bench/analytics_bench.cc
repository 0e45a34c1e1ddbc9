// Benchmark of the analytics rpcs against the gRPC floor (Echo, a service
// of this benchmark's server only: bench/echo_service.h) on the same
// machine, in one run, over the synthetic dataset of issue 3 made N times
// larger: 20 academic years x 22 authorities x N inspections x 8
// recommendations. Also reports the load (one import), the process's RSS,
// the snapshot rebuild that follows one write, and write latency with 1
// and 32 concurrent writers.
//
// The server logs as lges-server does by default (info: a line per call),
// to a file, as under systemd or Docker a log collector would take them.
//
// Usage: analytics_bench [--scale=N] [--seconds=S] [--concurrency=C]
//                        [--write-records=FILE] [--log-level=LEVEL]
//                        [--server-log=FILE]
//   --scale=N        inspections per authority and year (default 1)
//   --seconds=S      seconds per round (default 1.5)
//   --concurrency=C  only this many concurrent calls (default 1, 16 and 64)
//   --write-records=FILE  also write the dataset as a JSON record set
//   --log-level=LEVEL     the server's log level (default info)
//   --server-log=FILE     where the server's log goes (default: a file in
//                         the benchmark's temporary directory, removed)

#include <grpcpp/impl/codegen/service_type.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_support.h"
#include "bench/echo_service.h"
#include "clients/lges_client.h"
#include "service/log.h"
#include "clients/lgesctl/record_stream.h"
#include "convert/record_set.h"
#include "domain/authorities.h"
#include "server/backend.h"
#include "server/server.h"

namespace {

using lges::bench::Clock;
using lges::bench::Drive;
using lges::bench::Median;
using lges::bench::Result;
constexpr int kFirstYear = 2005;
constexpr int kYears = 20;
constexpr int kRecommendationsPerInspection = 8;
constexpr int kRounds = 7;

// Recommendation wording in the style of LGES reports, written for the
// benchmark.
const char* kTexts[] = {
    "Strengthen self-evaluation and improvement planning across all education "
    "services",
    "Improve the quality of support and challenge for schools causing concern",
    "Improve attendance and reduce persistent absence in secondary schools",
    "Improve outcomes for learners eligible for free school meals",
    "Strengthen the strategic leadership of education services",
    "Improve the effectiveness of scrutiny by elected members",
    "Improve provision for pupils with additional learning needs",
    "Reduce the number of fixed term exclusions",
    "Strengthen Welsh-medium provision to meet demand",
    "Address the shortcomings in safeguarding arrangements",
    "Improve the planning of school places and reduce surplus places",
    "Strengthen joint working with social services and health",
    "Raise standards in literacy and numeracy",
    "Strengthen professional learning for headteachers",
    "Improve provision for pupils educated otherwise than at school",
    "Reduce the number of young people not in education, employment or "
    "training",
};

lges::Inspection SyntheticInspection(int year, int authority,
                                     const std::string& code, int copy = 0) {
  lges::Inspection in;
  in.id = "SYN-" + std::to_string(year) + "-" + code;
  if (copy > 0) in.id += "-" + std::to_string(copy);
  in.provider_code = code;
  in.start_date =
      lges::PartialDate::Month(year + (authority % 2), authority % 2 ? 3 : 10);
  in.academic_year = year;
  in.framework = year >= 2024 ? lges::FrameworkVersion::k2024TwoAreas
                              : lges::FrameworkVersion::k2018ThreeAreas;
  in.language_medium = authority % 3 == 0 ? lges::LanguageMedium::kWelsh
                                          : lges::LanguageMedium::kEnglish;
  for (int n = 1; n <= kRecommendationsPerInspection; ++n) {
    const char* text =
        kTexts[(year * 7 + authority * 3 + n) % std::size(kTexts)];
    in.recommendations.push_back({n, text, lges::TextStatus::kVerbatim, {}});
  }
  in.recommendation_count = kRecommendationsPerInspection;
  in.recommendation_order_known = true;
  in.causing_significant_concern = (year + authority) % 11 == 0;
  return in;
}

lges::Dataset Synthetic(int scale) {
  lges::Dataset data;
  for (int y = kFirstYear; y < kFirstYear + kYears; ++y) {
    int a = 0;
    for (const lges::AuthorityInfo& info : lges::Authorities()) {
      for (int copy = 0; copy < scale; ++copy) {
        data.inspections.push_back(
            SyntheticInspection(y, a, std::string(info.gss_code), copy));
      }
      ++a;
    }
  }
  return data;
}

// Loads `data` in one import, as `lgesctl import` would.
void Load(lges::Store& store, const lges::Dataset& data) {
  auto imported = store.Import(data, {}, {"bench"});
  if (!imported.ok()) {
    std::fprintf(stderr, "load failed: %s\n",
                 std::string(imported.status().message()).c_str());
    std::exit(1);
  }
}

// The process's resident set and its peak, in MB.
std::pair<double, double> RssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  double rss = 0, peak = 0;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) rss = std::atof(line.c_str() + 6) / 1024;
    if (line.rfind("VmHWM:", 0) == 0) peak = std::atof(line.c_str() + 6) / 1024;
  }
  return {rss, peak};
}

void WriteRecords(const lges::Dataset& data, const std::string& path) {
  std::ofstream out(path);
  lges::cli::RecordSetJsonWriter writer(out);
  writer.Write(lges::DatasetToRecordSet(data, "analytics_bench synthetic"));
  writer.Finish();
}

void WriteTimes(lges::Backend& backend) {
  std::printf("\nwrites through the backend (500 key message creates):\n");
  std::printf("%-10s %10s %10s %10s\n", "writers", "p50 us", "p99 us",
              "rebuilds");
  int first = 100000;
  for (int threads : {1, 32}) {
    const lges::bench::WriteLatency w =
        lges::bench::TimeWrites(backend, threads, 500, first);
    first += 1000;
    std::printf("%-10d %10.0f %10.0f %10llu\n", threads, w.p50_us, w.p99_us,
                static_cast<unsigned long long>(w.rebuilds));
  }
}

void RebuildTimes(lges::Backend& backend) {
  std::vector<double> ms;
  lges::WriteContext ctx{"bench"};
  for (int i = 0; i < 10; ++i) {
    lges::Inspection in = SyntheticInspection(2024, i, "W06000023");
    in.id = "REBUILD-" + std::to_string(i);
    if (!backend.store->CreateInspection(in, ctx).ok())
      std::exit(1);  // Asks for a rebuild, which runs on its own thread.
    backend.snapshots->AwaitWrites(absl::InfiniteFuture());
    ms.push_back(backend.snapshots->last_rebuild_us() / 1000.0);
  }
  std::sort(ms.begin(), ms.end());
  std::printf(
      "\nsnapshot rebuild after one write (10 writes): median %.1f ms, max "
      "%.1f ms (target < 50 ms)\n",
      ms[ms.size() / 2], ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 1.5;
  int scale = 1;
  std::vector<int> concurrencies = {1, 16, 64};
  std::string records_path;
  lges::log::Level log_level = lges::log::Level::kInfo;
  std::string log_level_name = "info", server_log;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--seconds=", 0) == 0) seconds = std::atof(argv[i] + 10);
    if (arg.rfind("--scale=", 0) == 0) scale = std::max(1, std::atoi(argv[i] + 8));
    if (arg.rfind("--concurrency=", 0) == 0)
      concurrencies = {std::max(1, std::atoi(argv[i] + 14))};
    if (arg.rfind("--write-records=", 0) == 0) records_path = arg.substr(16);
    if (arg.rfind("--log-level=", 0) == 0) {
      log_level_name = arg.substr(12);
      if (!lges::log::ParseLevel(log_level_name, &log_level)) {
        std::fprintf(stderr, "--log-level: debug, info, warning or error\n");
        return 2;
      }
    }
    if (arg.rfind("--server-log=", 0) == 0) server_log = arg.substr(13);
  }
  const std::string dir = std::filesystem::temp_directory_path() /
                          ("lges-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto backend = lges::OpenBackend(dir + "/bench.db");
  if (!backend.ok()) return 1;
  const double rss_empty = RssMb().first;
  const lges::Dataset data = Synthetic(scale);
  if (!records_path.empty()) WriteRecords(data, records_path);
  const auto load_start = Clock::now();
  Load(*backend->sqlite, data);
  const double load_s =
      std::chrono::duration<double>(Clock::now() - load_start).count();
  if (!backend->snapshots->Rebuild().ok()) return 1;
  const auto [rss, peak] = RssMb();
  std::printf(
      "scale %d: %zu inspections, %zu recommendations imported in %.1f s; "
      "snapshot built in %.1f ms\nRSS %.0f MB (%.0f MB before the load; "
      "peak %.0f MB), the synthetic dataset itself held by the benchmark\n",
      scale, data.inspections.size(),
      data.inspections.size() * kRecommendationsPerInspection, load_s,
      backend->snapshots->last_rebuild_us() / 1000.0, rss, rss_empty, peak);

  // From here the server's log lines go to the log file.
  if (server_log.empty()) server_log = dir + "/server.log";
  std::fflush(stderr);
  if (std::freopen(server_log.c_str(), "w", stderr) == nullptr) return 1;
  lges::log::SetLevel(log_level);

  // The Echo floor is served beside the API by this server only.
  std::unique_ptr<grpc::Service> echo_service = lges::bench::MakeEchoService();
  lges::LgesServer server(*backend->store, *backend->snapshots, *backend->sqlite,
                          {.listen = "127.0.0.1:0",
                           .extra_services = {echo_service.get()}});

  auto port = server.Start();
  if (!port.ok()) return 1;
  const std::string address = "127.0.0.1:" + std::to_string(*port);

  lges::pb::GetSectorSummaryRequest summary;
  summary.set_academic_year(kFirstYear + kYears / 2);
  lges::pb::GetThemeTrendsRequest trends;
  trends.set_from_academic_year(kFirstYear);
  trends.set_to_academic_year(kFirstYear + kYears - 1);

  {
    lges::LgesClient probe({address, std::chrono::seconds(10), ""});
    lges::pb::SectorSummary summary_reply;
    lges::pb::ThemeTrends trends_reply;
    if (!probe.GetSectorSummary(summary, &summary_reply).ok() ||
        !probe.GetThemeTrends(trends, &trends_reply).ok()) {
      return 1;
    }
    std::printf(
        "reply sizes: GetSectorSummary %zu bytes (%d themes), GetThemeTrends "
        "%zu bytes (%d themes x %d years)\n",
        summary_reply.ByteSizeLong(), summary_reply.themes_size(),
        trends_reply.ByteSizeLong(), trends_reply.themes_size(),
        trends_reply.academic_years_size());
  }
  std::printf(
      "\n%d rounds of %.1f s per rpc and concurrency, rpcs interleaved; median "
      "round shown\n",
      kRounds, seconds);
  std::printf("%-18s %5s %12s %10s %10s %9s\n", "rpc", "conc", "calls/s",
              "p50 us", "p99 us", "vs echo");
  for (int concurrency : concurrencies) {
    std::vector<std::unique_ptr<lges::LgesClient>> clients;
    std::vector<std::unique_ptr<lges::bench::EchoClient>> echoes;
    for (int i = 0; i < concurrency; ++i) {
      clients.push_back(std::make_unique<lges::LgesClient>(
          lges::LgesClient::Options{address, std::chrono::seconds(10), ""}));
      echoes.push_back(std::make_unique<lges::bench::EchoClient>(address));
    }
    std::vector<Result> echo_rounds, summary_rounds, trends_rounds;
    for (int round = 0; round < kRounds; ++round) {
      echo_rounds.push_back(Drive(concurrency, seconds, [&](size_t t) {
        return echoes[t]->Echo("ping");
      }));
      summary_rounds.push_back(
          Drive(concurrency, seconds, [&](size_t t) {
            lges::pb::SectorSummary r;
            return clients[t]->GetSectorSummary(summary, &r).ok();
          }));
      trends_rounds.push_back(Drive(concurrency, seconds, [&](size_t t) {
        lges::pb::ThemeTrends r;
        return clients[t]->GetThemeTrends(trends, &r).ok();
      }));
    }
    const Result floor = Median(echo_rounds);
    for (const auto& [name, r] :
         {std::pair{"Echo", floor},
          std::pair{"GetSectorSummary", Median(summary_rounds)},
          std::pair{"GetThemeTrends", Median(trends_rounds)}}) {
      std::printf("%-18s %5d %12.0f %10.0f %10.0f %8.0f%%%s\n", name,
                  concurrency, r.calls_per_s, r.p50_us, r.p99_us,
                  100 * r.calls_per_s / floor.calls_per_s,
                  r.errors ? "  ERRORS" : "");
    }
  }
  RebuildTimes(*backend);
  WriteTimes(*backend);
  server.Shutdown(std::chrono::seconds(1));
  std::fflush(stderr);
  std::printf("\nserver log at level %s: %.1f MB in %s\n",
              log_level_name.c_str(),
              std::filesystem::file_size(server_log) / 1e6, server_log.c_str());
  std::filesystem::remove_all(dir);
  return 0;
}
