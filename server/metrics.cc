#include "server/metrics.h"

#include <google/protobuf/descriptor.h>

#include <chrono>
#include <map>

#include "server/metric_families.h"
#include "server/open_files.h"
#include "server/server.h"
#include "service/reply_cache.h"
#include "service/snapshot_source.h"
#include "storage/storage_health.h"

namespace lges {
namespace {

using grpc::experimental::InterceptionHookPoints;

const char* TypeName(grpc::experimental::ServerRpcInfo::Type type) {
  using Type = grpc::experimental::ServerRpcInfo::Type;
  switch (type) {
    case Type::UNARY:
      return "unary";
    case Type::CLIENT_STREAMING:
      return "client_stream";
    case Type::SERVER_STREAMING:
      return "server_stream";
    case Type::BIDI_STREAMING:
      return "bidi_stream";
  }
  return "unary";
}

class MetricsInterceptor final : public grpc::experimental::Interceptor {
 public:
  MetricsInterceptor(RpcMetrics& metrics,
                     grpc::experimental::ServerRpcInfo* info)
      : metrics_(metrics), start_(std::chrono::steady_clock::now()) {
    const std::string method =
        info->method();  // "/estyn.lges.v1.ProviderService/GetProvider"
    const size_t slash = method.rfind('/');
    labels_ = {
        {"grpc_type", TypeName(info->type())},
        {"grpc_service",
         method.substr(1, slash == std::string::npos ? 0 : slash - 1)},
        {"grpc_method",
         slash == std::string::npos ? method : method.substr(slash + 1)}};
    metrics_.started().Add(labels_).Increment();
  }

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      prometheus::Labels handled = labels_;
      handled["grpc_code"] =
          GrpcCodeName(methods->GetSendStatus().error_code());
      metrics_.handled().Add(handled).Increment();
      const std::chrono::duration<double> elapsed =
          std::chrono::steady_clock::now() - start_;
      metrics_.seconds()
          .Add(labels_, RpcMetrics::Buckets())
          .Observe(elapsed.count());
    }
    methods->Proceed();
  }

 private:
  RpcMetrics& metrics_;
  const std::chrono::steady_clock::time_point start_;
  prometheus::Labels labels_;
};

// The analytics reply cache: size against budget, hits, misses, evictions.
void AddReplyCache(const ReplyCaches& replies,
                   std::vector<prometheus::MetricFamily>& out) {
  const std::pair<prometheus::MetricFamily, double> gauges[] = {
      {Family("lges_reply_cache_bytes",
              "Bytes of cached analytics replies and keys (current "
              "snapshot)."),
       static_cast<double>(replies.bytes())},
      {Family("lges_reply_cache_entries", "Cached analytics replies."),
       static_cast<double>(replies.entries())},
      {Family("lges_reply_cache_budget_bytes",
              "Most bytes the reply cache holds per snapshot "
              "(--reply-cache-mib)."),
       static_cast<double>(replies.budget_bytes())},
  };
  for (auto [family, value] : gauges) {
    family.metric.push_back(Gauge(value));
    out.push_back(std::move(family));
  }
  const ReplyCacheStats& stats = replies.stats();
  out.push_back(CounterFamily("lges_reply_cache_hits_total",
                              "Analytics calls answered from the cache.",
                              static_cast<double>(stats.hits.load())));
  out.push_back(CounterFamily("lges_reply_cache_misses_total",
                              "Analytics calls whose reply was built.",
                              static_cast<double>(stats.misses.load())));
  out.push_back(CounterFamily(
      "lges_reply_cache_evictions_total",
      "Cached replies dropped to keep the cache within its budget.",
      static_cast<double>(stats.evictions.load())));
}

}  // namespace

std::vector<prometheus::MetricFamily> LimitsCollector::Collect() const {
  const ServerOptions& o = server_.options();
  const std::pair<prometheus::MetricFamily, double> gauges[] = {
      {Family("lges_serving",
              "1 while the health service says SERVING, 0 while NOT_SERVING "
              "(the database cannot be written, open files at the cap, or "
              "shutting down)."),
       server_.serving() ? 1 : 0},
      {Family("lges_watch_streams", "WatchSector streams open."),
       server_.watch_streams()},
      {Family("lges_watch_streams_limit",
              "Open WatchSector streams allowed (--max-watch-streams; 0: no "
              "limit)."),
       o.max_watch_streams},
      {Family("lges_calls_in_flight", "Authorized calls being served."),
       server_.calls_in_flight()},
      {Family("lges_open_files",
              "Open file descriptors of the server, connections included."),
       CountOpenFiles()},
      {Family("lges_open_files_limit",
              "Open files from which calls are refused and health is "
              "NOT_SERVING (--max-open-files)."),
       o.max_open_files},
      {Family("lges_calls_per_caller_limit",
              "Calls in flight allowed per credential or anonymous address "
              "(--max-calls-per-caller; 0: no limit)."),
       o.max_calls_per_caller},
  };
  std::vector<prometheus::MetricFamily> out;
  for (auto [family, value] : gauges) {
    family.metric.push_back(Gauge(value));
    out.push_back(std::move(family));
  }
  AddReplyCache(server_.replies(), out);
  return out;
}

std::vector<prometheus::MetricFamily> StorageCollector::Collect() const {
  prometheus::MetricFamily writable =
      Family("lges_storage_writable",
             "1 while the database can be written; 0 during a storage fault.");
  writable.metric.push_back(Gauge(health_.writable() ? 1 : 0));
  prometheus::MetricFamily faults{
      "lges_storage_faults_total",
      "Storage faults since start, one per episode: the first failed write "
      "of its kind until the next write that commits.",
      prometheus::MetricType::Counter,
      {}};
  for (int i = 1; i < kStorageFaultCount; ++i) {
    const auto fault = static_cast<StorageFault>(i);
    prometheus::ClientMetric m;
    m.label.push_back({"fault", std::string(StorageFaultName(fault))});
    m.counter.value = static_cast<double>(health_.episodes(fault));
    faults.metric.push_back(std::move(m));
  }
  return {std::move(writable), std::move(faults)};
}

std::string GrpcCodeName(grpc::StatusCode code) {
  static const char* kNames[] = {"OK",
                                 "Canceled",
                                 "Unknown",
                                 "InvalidArgument",
                                 "DeadlineExceeded",
                                 "NotFound",
                                 "AlreadyExists",
                                 "PermissionDenied",
                                 "ResourceExhausted",
                                 "FailedPrecondition",
                                 "Aborted",
                                 "OutOfRange",
                                 "Unimplemented",
                                 "Internal",
                                 "Unavailable",
                                 "DataLoss",
                                 "Unauthenticated"};
  const int i = static_cast<int>(code);
  return i >= 0 && i < static_cast<int>(std::size(kNames)) ? kNames[i]
                                                           : "Unknown";
}

RpcMetrics::RpcMetrics(prometheus::Registry& registry)
    : started_(prometheus::BuildCounter()
                   .Name("grpc_server_started_total")
                   .Help("Total number of RPCs started on the server.")
                   .Register(registry)),
      handled_(prometheus::BuildCounter()
                   .Name("grpc_server_handled_total")
                   .Help("Total number of RPCs completed on the server, "
                         "regardless of success or failure.")
                   .Register(registry)),
      seconds_(prometheus::BuildHistogram()
                   .Name("grpc_server_handling_seconds")
                   .Help("Histogram of response latency (seconds) of gRPC that "
                         "had been application-level "
                         "handled by the server.")
                   .Register(registry)) {
  StartAtZero();
}

const prometheus::Histogram::BucketBoundaries& RpcMetrics::Buckets() {
  static const prometheus::Histogram::BucketBoundaries buckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
      0.5,    1,     2.5,    5,     10};
  return buckets;
}

void RpcMetrics::StartAtZero() {
  // The files of the API's services. (gRPC's own health and reflection
  // services get their series at their first call.)
  static constexpr const char* kFiles[] = {
      "estyn/lges/v1/providers.proto", "estyn/lges/v1/inspections.proto",
      "estyn/lges/v1/follow_up.proto", "estyn/lges/v1/key_messages.proto",
      "estyn/lges/v1/analytics.proto", "estyn/lges/v1/dataset.proto",
      "estyn/lges/v1/tokens.proto"};
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const char* name : kFiles) {
    const google::protobuf::FileDescriptor* file = pool->FindFileByName(name);
    if (file == nullptr) continue;
    for (int s = 0; s < file->service_count(); ++s) {
      const google::protobuf::ServiceDescriptor* service = file->service(s);
      for (int m = 0; m < service->method_count(); ++m) {
        const google::protobuf::MethodDescriptor* method = service->method(m);
        using Type = grpc::experimental::ServerRpcInfo::Type;
        const Type type =
            method->client_streaming()
                ? (method->server_streaming() ? Type::BIDI_STREAMING
                                              : Type::CLIENT_STREAMING)
                : (method->server_streaming() ? Type::SERVER_STREAMING
                                              : Type::UNARY);
        const prometheus::Labels labels = {
            {"grpc_type", TypeName(type)},
            {"grpc_service", service->full_name()},
            {"grpc_method", method->name()}};
        started_.Add(labels);
        seconds_.Add(labels, Buckets());
        for (int code = 0; code <= 16; ++code) {
          prometheus::Labels handled = labels;
          handled["grpc_code"] =
              GrpcCodeName(static_cast<grpc::StatusCode>(code));
          handled_.Add(handled);
        }
      }
    }
  }
}

namespace {

class Factory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit Factory(RpcMetrics& metrics) : metrics_(metrics) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new MetricsInterceptor(metrics_, info);  // gRPC owns and deletes it.
  }

 private:
  RpcMetrics& metrics_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
RpcMetrics::NewFactory() {
  return std::make_unique<Factory>(*this);
}

namespace {

// A gauge of value 1 that carries names, for the _info metrics.
prometheus::ClientMetric Info(
    std::vector<prometheus::ClientMetric::Label> labels) {
  prometheus::ClientMetric m = Gauge(1);
  m.label = std::move(labels);
  return m;
}

// Follow-up today, per authority, and the authorities' names.
void AddAuthorities(const analytics::Snapshot& s,
                    std::vector<prometheus::MetricFamily>& out) {
  prometheus::MetricFamily count = Family(
      "lges_authorities_in_follow_up",
      "Local authorities in follow-up (causing significant concern) today.");
  prometheus::MetricFamily status = Family(
      "lges_authority_in_follow_up",
      "1 if the local authority (GSS code) is in follow-up today, else 0.");
  prometheus::MetricFamily overdue = Family(
      "lges_follow_up_overdue_milestones",
      "Milestones of the local authority's follow-up today (improvement "
      "conference, progress conference, monitoring visit) whose planned "
      "window has closed without them; 0 when none, or not in follow-up.");
  prometheus::MetricFamily info = Family(
      "lges_authority_info",
      "Names of each local authority (GSS code); the value is always 1.");
  int in_follow_up = 0;
  for (const auto& [authority, episode] : s.StatusAt(s.today())) {
    const int in = episode ? 1 : 0;
    status.metric.push_back(Gauge(in, {"authority", authority->code}));
    in_follow_up += in;
    int late = 0;
    if (episode) {
      for (const analytics::Milestone& m : episode->milestones)
        late += m.state == analytics::MilestoneState::kOverdue;
    }
    overdue.metric.push_back(Gauge(late, {"authority", authority->code}));
  }
  for (const Provider& p : s.data().providers) {
    if (p.kind == ProviderKind::kLocalAuthority) {
      info.metric.push_back(Info({{"authority", p.code},
                                  {"name_en", p.name_en},
                                  {"name_cy", p.name_cy}}));
    }
  }
  count.metric.push_back(Gauge(in_follow_up));
  out.insert(out.end(), {count, status, overdue, info});
}

// Per academic year: inspections, recommendations by theme, follow-up.
void AddYears(const analytics::Snapshot& s,
              std::vector<prometheus::MetricFamily>& out) {
  prometheus::MetricFamily inspections =
      Family("lges_inspections", "Core inspections in an academic year.");
  prometheus::MetricFamily recommendations =
      Family("lges_recommendations",
             "Recommendations made in inspections of an academic year, by "
             "primary theme; 0 for every theme without one.");
  prometheus::MetricFamily authorities = Family(
      "lges_authorities_with_recommendation",
      "Providers inspected in an academic year with at least one "
      "recommendation in a theme (what the sector page prints); 0 for every "
      "theme without one.");
  prometheus::MetricFamily year_end = Family(
      "lges_follow_up_at_year_end",
      "Local authorities in follow-up on 31 August of an academic year.");
  prometheus::MetricFamily entered = Family(
      "lges_follow_up_entered",
      "Local authorities that went into follow-up during an academic year.");
  prometheus::MetricFamily removed = Family(
      "lges_follow_up_removed",
      "Local authorities removed from follow-up during an academic year.");
  for (int year = s.first_year(); year <= s.last_year(); ++year) {
    const analytics::SectorSummary summary = s.Summary(year);
    const prometheus::ClientMetric::Label label{"academic_year",
                                                AcademicYear{year}.Label()};
    inspections.metric.push_back(Gauge(summary.inspections, label));
    // Every theme every year, so that a theme's series shows its zeros.
    std::map<std::string, const analytics::ThemeLine*> lines;
    for (const analytics::ThemeLine& line : summary.themes)
      lines[line.theme_id] = &line;
    for (const analytics::Theme& theme : s.vocabulary().themes) {
      auto it = lines.find(theme.id);
      const analytics::ThemeLine* line =
          it == lines.end() ? nullptr : it->second;
      prometheus::ClientMetric recs =
          Gauge(line ? line->recommendations : 0, label);
      recs.label.push_back({"theme", theme.id});
      recommendations.metric.push_back(std::move(recs));
      prometheus::ClientMetric with = Gauge(line ? line->providers : 0, label);
      with.label.push_back({"theme", theme.id});
      authorities.metric.push_back(std::move(with));
    }
    year_end.metric.push_back(
        Gauge(static_cast<double>(summary.follow_up.at_end.size()), label));
    entered.metric.push_back(
        Gauge(static_cast<double>(summary.follow_up.entered.size()), label));
    removed.metric.push_back(
        Gauge(static_cast<double>(summary.follow_up.removed.size()), label));
  }
  out.insert(out.end(), {inspections, recommendations, authorities, year_end,
                         entered, removed});
}

// Per academic year with printed figures: figures by how they stand against
// the published page (analytics/reconcile.h).
void AddReconciliation(const analytics::Snapshot& s,
                       std::vector<prometheus::MetricFamily>& out) {
  prometheus::MetricFamily disagreements = Family(
      "lges_published_disagreements",
      "Figures and overview themes of an academic year that do not agree "
      "with what Estyn published (record incomplete, published figure "
      "inconsistent, or disagree).");
  prometheus::MetricFamily figures = Family(
      "lges_published_figures",
      "Figures and overview themes of an academic year compared with what "
      "Estyn published, by state.");
  static constexpr std::pair<analytics::Agreement, const char*> kStates[] = {
      {analytics::Agreement::kAgree, "agree"},
      {analytics::Agreement::kRecordIncomplete, "record_incomplete"},
      {analytics::Agreement::kPublishedInconsistent, "published_inconsistent"},
      {analytics::Agreement::kDisagree, "disagree"},
  };
  for (int year : s.PublishedYears()) {
    const analytics::Reconciliation r = s.Reconcile(year);
    const prometheus::ClientMetric::Label label{"academic_year",
                                                AcademicYear{year}.Label()};
    disagreements.metric.push_back(Gauge(r.disagreements(), label));
    for (const auto& [state, name] : kStates) {
      int n = 0;
      for (const analytics::FigureCheck& f : r.figures) n += f.state == state;
      for (const analytics::ThemeCheck& t : r.themes) n += t.state == state;
      prometheus::ClientMetric m = Gauge(n, label);
      m.label.push_back({"state", name});
      figures.metric.push_back(std::move(m));
    }
  }
  out.insert(out.end(), {disagreements, figures});
}

// Theme names, and the dataset's version and last change.
void AddDataset(const analytics::Snapshot& s,
                std::vector<prometheus::MetricFamily>& out) {
  prometheus::MetricFamily themes = Family(
      "lges_theme_info",
      "Labels of each recommendation theme (id); the value is always 1.");
  for (const analytics::Theme& t : s.vocabulary().themes) {
    themes.metric.push_back(Info(
        {{"theme", t.id}, {"label_en", t.label_en}, {"label_cy", t.label_cy}}));
  }
  prometheus::MetricFamily version = Family(
      "lges_dataset_version", "Count of committed changes to the dataset.");
  version.metric.push_back(Gauge(static_cast<double>(s.version())));
  prometheus::MetricFamily changed =
      Family("lges_dataset_last_change_timestamp_seconds",
             "Unix time of the last change to the dataset, in seconds.");
  changed.metric.push_back(Gauge(s.as_of_ms() / 1000.0));
  out.insert(out.end(), {themes, version, changed});
}

}  // namespace

std::vector<prometheus::MetricFamily> DomainCollector::Collect() const {
  // The figures of every write acknowledged before the scrape, as the rpcs
  // give them (at most a rebuild's wait).
  snapshots_.AwaitWrites(absl::Now() + absl::Seconds(2));
  const std::shared_ptr<const analytics::Snapshot> snapshot =
      snapshots_.Current();
  std::vector<prometheus::MetricFamily> out;
  if (!snapshot) return out;
  AddAuthorities(*snapshot, out);
  AddYears(*snapshot, out);
  AddReconciliation(*snapshot, out);
  AddDataset(*snapshot, out);
  return out;
}

}  // namespace lges
