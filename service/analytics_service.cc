// estyn.lges.v1.AnalyticsService: every reply comes from the current
// immutable snapshot; only SetRecommendationTheme writes.
#include <cstring>

#include "estyn/lges/v1/analytics.grpc.pb.h"
#include "service/convert.h"
#include "service/convert_analytics.h"
#include "service/reply_cache.h"
#include "service/request_support.h"
#include "service/services.h"
#include "service/snapshot_source.h"
#include "service/status_map.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;
using analytics::Snapshot;

constexpr int kMaxRangeYears = 50;
constexpr size_t kMaxReasonBytes = 1000;

absl::Status CheckYear(int year, const std::string& field) {
  if (year < kMinYear || year >= kMaxYear) {
    return InvalidFieldError(field, "must be an academic start year between " +
                                        std::to_string(kMinYear) + " and " +
                                        std::to_string(kMaxYear - 1));
  }
  return absl::OkStatus();
}

absl::Status CheckRange(int from, int to) {
  Violations v;
  for (const auto& [year, field] : {std::pair{from, "from_academic_year"},
                                    std::pair{to, "to_academic_year"}}) {
    for (FieldViolation& bad : ViolationsOf(CheckYear(year, field)))
      v.push_back(std::move(bad));
  }
  if (v.empty() && to < from)
    v.push_back({"to_academic_year", "must not be before from_academic_year"});
  if (v.empty() && to - from >= kMaxRangeYears) {
    v.push_back({"to_academic_year", "the range may span at most " +
                                         std::to_string(kMaxRangeYears) +
                                         " years"});
  }
  return v.empty() ? absl::OkStatus() : InvalidArgumentError(v);
}

// A callback service: handlers run on gRPC's executor, with no thread per
// call, which keeps the read path cheap at high concurrency. Handlers never
// wait on anything but the store (SetRecommendationTheme).
// GetSectorSummary and GetThemeTrends are raw methods: their serialised
// replies come from the snapshot's ReplyCache, keyed by the request bytes.
using AnalyticsBase =
    pb::AnalyticsService::WithRawCallbackMethod_GetSectorSummary<
        pb::AnalyticsService::WithRawCallbackMethod_GetThemeTrends<
            pb::AnalyticsService::CallbackService>>;

// The bytes of `buffer`, joined.
std::string BytesOf(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const grpc::Slice& slice : slices)
    out.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  return out;
}

grpc::ByteBuffer BufferOf(const grpc::Slice& slice) {
  return grpc::ByteBuffer(&slice, 1);
}

class AnalyticsServiceImpl final : public AnalyticsBase {
 public:
  AnalyticsServiceImpl(Store& store, SnapshotSource& snapshots)
      : store_(store), snapshots_(snapshots), replies_(snapshots) {}

  grpc::ServerUnaryReactor* ListThemes(grpc::CallbackServerContext* ctx,
                                       const pb::ListThemesRequest*,
                                       pb::ListThemesResponse* resp) override {
    const analytics::Vocabulary& v = snapshots_.classifier().vocabulary();
    resp->set_vocabulary(v.name);
    resp->set_version(v.version);
    for (const analytics::Theme& t : v.themes)
      convert::ToProto(t, resp->add_themes());
    return Finish(ctx, absl::OkStatus());
  }

  grpc::ServerUnaryReactor* ClassifyRecommendation(
      grpc::CallbackServerContext* ctx,
      const pb::ClassifyRecommendationRequest* req,
      pb::ClassifyRecommendationResponse* resp) override {
    return Finish(ctx, Classify(*req, resp));
  }
  grpc::ServerUnaryReactor* SetRecommendationTheme(
      grpc::CallbackServerContext* ctx,
      const pb::SetRecommendationThemeRequest* req,
      pb::SetRecommendationThemeResponse* resp) override {
    return Finish(ctx, SetTheme(*ctx, *req, resp));
  }
  grpc::ServerUnaryReactor* ListThemeOverrides(
      grpc::CallbackServerContext* ctx,
      const pb::ListThemeOverridesRequest* req,
      pb::ListThemeOverridesResponse* resp) override {
    return Finish(ctx, ListOverrides(*req, resp));
  }
  grpc::ServerUnaryReactor* GetSectorSummary(
      grpc::CallbackServerContext* ctx, const grpc::ByteBuffer* request,
      grpc::ByteBuffer* response) override {
    return Cached<pb::GetSectorSummaryRequest, pb::SectorSummary>(
        ctx, "summary:", *request, response, &AnalyticsServiceImpl::Summary);
  }
  grpc::ServerUnaryReactor* GetThemeTrends(
      grpc::CallbackServerContext* ctx, const grpc::ByteBuffer* request,
      grpc::ByteBuffer* response) override {
    return Cached<pb::GetThemeTrendsRequest, pb::ThemeTrends>(
        ctx, "trends:", *request, response, &AnalyticsServiceImpl::Trends);
  }
  grpc::ServerUnaryReactor* GetFollowUpStatus(
      grpc::CallbackServerContext* ctx, const pb::GetFollowUpStatusRequest* req,
      pb::FollowUpStatus* resp) override {
    return Finish(ctx, Status(*req, resp));
  }
  grpc::ServerUnaryReactor* GetFollowUpAnalytics(
      grpc::CallbackServerContext* ctx,
      const pb::GetFollowUpAnalyticsRequest* req,
      pb::FollowUpAnalytics* resp) override {
    return Finish(ctx, FollowUp(*req, resp));
  }
  grpc::ServerUnaryReactor* GetAuthorityProfile(
      grpc::CallbackServerContext* ctx,
      const pb::GetAuthorityProfileRequest* req,
      pb::AuthorityProfile* resp) override {
    return Finish(ctx, Profile(*req, resp));
  }
  grpc::ServerUnaryReactor* CompareConsortia(
      grpc::CallbackServerContext* ctx, const pb::CompareConsortiaRequest* req,
      pb::ConsortiumComparison* resp) override {
    return Finish(ctx, Compare(*req, resp));
  }
  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* ctx,
                                 const pb::EchoRequest* req,
                                 pb::EchoResponse* resp) override {
    resp->set_message(req->message());
    return Finish(ctx, absl::OkStatus());
  }

 private:
  static grpc::ServerUnaryReactor* Finish(grpc::CallbackServerContext* ctx,
                                          const absl::Status& status) {
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    reactor->Finish(ToGrpcStatus(status));
    return reactor;
  }

  // Answers from the current snapshot's reply cache, or parses the request,
  // lets `build` validate it and make the reply from the snapshot, and caches
  // the serialised reply.
  template <typename Request, typename Reply>
  grpc::ServerUnaryReactor* Cached(
      grpc::CallbackServerContext* ctx, const char* rpc,
      const grpc::ByteBuffer& request, grpc::ByteBuffer* response,
      absl::Status (AnalyticsServiceImpl::*build)(const Request&,
                                                  const Snapshot&, Reply*)) {
    const std::string key = rpc + BytesOf(request);
    ReplyCache& cache = replies_.ForThisThread();
    if (const grpc::Slice* hit = cache.Find(key)) {
      *response = BufferOf(*hit);
      return Finish(ctx, absl::OkStatus());
    }
    Request req;
    if (!req.ParseFromString(key.substr(std::strlen(rpc)))) {
      return Finish(ctx,
                    absl::InvalidArgumentError("the request is not a valid " +
                                               req.GetTypeName()));
    }
    Reply reply;
    if (absl::Status s = (this->*build)(req, cache.snapshot(), &reply); !s.ok())
      return Finish(ctx, s);
    const grpc::Slice bytes(reply.SerializeAsString());
    cache.Insert(key, bytes);
    *response = BufferOf(bytes);
    return Finish(ctx, absl::OkStatus());
  }

  absl::Status Classify(const pb::ClassifyRecommendationRequest& req,
                        pb::ClassifyRecommendationResponse* resp) {
    if (req.text().find_first_not_of(" \t\r\n") == std::string::npos ||
        req.text().size() > 2000) {
      return InvalidFieldError(
          "text", "must be 1-2000 characters of recommendation text");
    }
    convert::ToProto(snapshots_.classifier().Classify(req.text()),
                     snapshots_.classifier().vocabulary().version, resp);
    return absl::OkStatus();
  }

  absl::Status Summary(const pb::GetSectorSummaryRequest& req,
                       const Snapshot& snapshot, pb::SectorSummary* resp) {
    LGES_RETURN_IF_ERROR(CheckYear(req.academic_year(), "academic_year"));
    convert::ToProto(snapshot, snapshot.Summary(req.academic_year()), resp);
    return absl::OkStatus();
  }

  absl::Status Compare(const pb::CompareConsortiaRequest& req,
                       pb::ConsortiumComparison* resp) {
    LGES_RETURN_IF_ERROR(
        CheckRange(req.from_academic_year(), req.to_academic_year()));
    const std::shared_ptr<const Snapshot> snapshot = snapshots_.Current();
    convert::ToProto(
        *snapshot,
        snapshot->Compare(req.from_academic_year(), req.to_academic_year()),
        resp);
    return absl::OkStatus();
  }

  absl::Status SetTheme(const grpc::CallbackServerContext& ctx,
                        const pb::SetRecommendationThemeRequest& req,
                        pb::SetRecommendationThemeResponse* resp) {
    LGES_ASSIGN_OR_RETURN(
        std::string id,
        IdFromName(req.inspection(), "inspections", "inspection"));
    Violations v;
    if (req.recommendation_number() < 1)
      v.push_back({"recommendation_number", "must be 1 or more"});
    if (!req.theme_id().empty() &&
        snapshots_.classifier().vocabulary().Find(req.theme_id()) == nullptr) {
      v.push_back({"theme_id",
                   "'" + req.theme_id() +
                       "' is not a theme of the vocabulary (see ListThemes)"});
    }
    if (!req.theme_id().empty() && req.reason().empty())
      v.push_back(
          {"reason", "say why the theme is set (it is kept for audit)"});
    if (req.reason().size() > kMaxReasonBytes)
      v.push_back({"reason", "must be at most " +
                                 std::to_string(kMaxReasonBytes) + " bytes"});
    if (!v.empty()) return InvalidArgumentError(v);
    LGES_ASSIGN_OR_RETURN(
        ThemeOverride entry,
        store_.SetThemeOverride(id, req.recommendation_number(), req.theme_id(),
                                req.reason(), WriteContextFor(ctx, "", "")));
    convert::ToProto(entry, resp->mutable_override());
    LGES_ASSIGN_OR_RETURN(int64_t version, store_.DatasetVersion());
    resp->set_dataset_version(version);
    return absl::OkStatus();
  }

  absl::Status ListOverrides(const pb::ListThemeOverridesRequest& req,
                             pb::ListThemeOverridesResponse* resp) {
    std::string id;
    if (!req.inspection().empty()) {
      LGES_ASSIGN_OR_RETURN(
          id, IdFromName(req.inspection(), "inspections", "inspection"));
    }
    LGES_ASSIGN_OR_RETURN(std::vector<ThemeOverride> current,
                          store_.ListThemeOverrides());
    for (const ThemeOverride& o : current) {
      if (id.empty() || o.inspection_id == id)
        convert::ToProto(o, resp->add_overrides());
    }
    LGES_ASSIGN_OR_RETURN(std::vector<ThemeOverride> history,
                          store_.ListThemeOverrideHistory(id));
    for (const ThemeOverride& o : history)
      convert::ToProto(o, resp->add_history());
    return absl::OkStatus();
  }

  absl::Status Trends(const pb::GetThemeTrendsRequest& req,
                      const Snapshot& snapshot, pb::ThemeTrends* resp) {
    LGES_RETURN_IF_ERROR(
        CheckRange(req.from_academic_year(), req.to_academic_year()));
    Violations v;
    const ProviderKind kind =
        convert::KindFromProto(req.provider_kind(), "provider_kind", v);
    const auto& groups = snapshot.group_codes();
    if (!req.consortium().empty() && req.consortium() != "none" &&
        std::find(groups.begin(), groups.end(), req.consortium()) ==
            groups.end()) {
      v.push_back({"consortium",
                   "'" + req.consortium() +
                       "' is not the code of a consortium or partnership"});
    }
    if (!v.empty()) return InvalidArgumentError(v);
    convert::ToProto(
        snapshot,
        snapshot.Trends(req.from_academic_year(), req.to_academic_year(), kind,
                        req.consortium()),
        resp);
    return absl::OkStatus();
  }

  absl::Status Status(const pb::GetFollowUpStatusRequest& req,
                      pb::FollowUpStatus* resp) {
    const std::shared_ptr<const Snapshot> snapshot = snapshots_.Current();
    CivilDay day = snapshot->today();
    if (!req.date().empty()) {
      std::optional<CivilDay> parsed = ParseIso(req.date());
      if (!parsed)
        return InvalidFieldError(
            "date", "must be a day written YYYY-MM-DD between 1990 and 2100");
      day = *parsed;
    }
    resp->set_date(FormatIso(day));
    int in_follow_up = 0;
    for (const auto& [authority, episode] : snapshot->StatusAt(day)) {
      pb::AuthorityStatus* a = resp->add_authorities();
      a->set_provider_code(authority->code);
      a->set_name_en(authority->name_en);
      a->set_in_follow_up(episode != nullptr);
      if (!episode) continue;
      ++in_follow_up;
      convert::ToProto(*episode, day, a);
    }
    resp->set_in_follow_up(in_follow_up);
    convert::ToProto(*snapshot, {}, resp->mutable_meta());
    return absl::OkStatus();
  }

  absl::Status FollowUp(const pb::GetFollowUpAnalyticsRequest& req,
                        pb::FollowUpAnalytics* resp) {
    const std::shared_ptr<const Snapshot> snapshot = snapshots_.Current();
    const int from = req.from_academic_year() ? req.from_academic_year()
                                              : snapshot->first_year();
    const int to = req.to_academic_year()
                       ? req.to_academic_year()
                       : AcademicYear::Containing(snapshot->today()).start_year;
    LGES_RETURN_IF_ERROR(CheckRange(from, to));
    for (int year = from; year <= to; ++year) {
      convert::ToProto(analytics::FollowUpForYear(snapshot->episodes(), year),
                       resp->add_years());
    }
    long total_days = 0;
    int completed = 0;
    for (const analytics::Episode& e : snapshot->episodes()) {
      convert::ToProto(e, resp->add_episodes());
      if (e.removed) {
        total_days += e.days;
        ++completed;
      }
    }
    resp->set_mean_days_completed(
        completed ? static_cast<double>(total_days) / completed : 0);
    convert::ToProto(*snapshot, {}, resp->mutable_meta());
    return absl::OkStatus();
  }

  absl::Status Profile(const pb::GetAuthorityProfileRequest& req,
                       pb::AuthorityProfile* resp) {
    LGES_ASSIGN_OR_RETURN(std::string code,
                          IdFromName(req.provider(), "providers", "provider"));
    const std::shared_ptr<const Snapshot> snapshot = snapshots_.Current();
    const analytics::AuthorityProfile* profile = snapshot->Profile(code);
    if (profile == nullptr)
      return absl::NotFoundError("providers/" + code + " does not exist");
    convert::ToProto(*snapshot, *profile, resp);
    return absl::OkStatus();
  }

  Store& store_;
  SnapshotSource& snapshots_;
  ReplyCaches replies_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeAnalyticsService(Store& store,
                                                    SnapshotSource& snapshots) {
  return std::make_unique<AnalyticsServiceImpl>(store, snapshots);
}

}  // namespace lges
