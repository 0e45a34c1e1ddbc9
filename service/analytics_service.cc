// estyn.lges.v1.AnalyticsService: every reply comes from the current
// immutable snapshot; only SetRecommendationTheme writes.
#include "convert/convert.h"
#include "convert/convert_analytics.h"
#include "convert/resource_name.h"
#include "domain/validation.h"
#include "estyn/lges/v1/analytics.grpc.pb.h"
#include "service/cached_reply.h"
#include "service/reply_limit.h"
#include "service/request_support.h"
#include "service/serve.h"
#include "service/services.h"
#include "service/snapshot_source.h"
#include "service/write_context.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;
using analytics::Snapshot;

// The longest a read waits for the snapshot of the writes before it.
constexpr absl::Duration kMaxSnapshotWait = absl::Seconds(5);

// The dataset version a caller asks to read at least, from its
// x-lges-min-version metadata; 0 when it asks for none.
absl::StatusOr<int64_t> MinVersionOf(const grpc::ServerContextBase& ctx) {
  auto it = ctx.client_metadata().find("x-lges-min-version");
  if (it == ctx.client_metadata().end()) return 0;
  const std::string text(it->second.data(), it->second.size());
  int64_t version = 0;
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string::npos ||
      (version = std::stoll(text)) < 1) {
    return absl::InvalidArgumentError(
        "x-lges-min-version must be a dataset version: a whole number from "
        "1");
  }
  return version;
}

absl::Status CheckYear(int year, const char* field) {
  const Violations v = ValidateAcademicYear(year, field);
  return v.empty() ? absl::OkStatus() : InvalidArgumentError(v);
}

absl::Status CheckRange(int from, int to) {
  const Violations v =
      ValidateYearRange(from, to, "from_academic_year", "to_academic_year");
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

class AnalyticsServiceImpl final : public AnalyticsBase {
 public:
  AnalyticsServiceImpl(Store& store, SnapshotSource& snapshots,
                       ReplyCaches& replies, const Authorizer& auth,
                       size_t max_reply_bytes)
      : store_(store),
        snapshots_(snapshots),
        replies_(replies),
        max_reply_bytes_(max_reply_bytes),
        serve_(auth, "estyn.lges.v1.AnalyticsService") {}

  grpc::ServerUnaryReactor* ListThemes(grpc::CallbackServerContext* ctx,
                                       const pb::ListThemesRequest* req,
                                       pb::ListThemesResponse* resp) override {
    return Finish(ctx, __func__, req,
                  [&](const Identity&) { return Themes(*req, resp); });
  }

  grpc::ServerUnaryReactor* ClassifyRecommendation(
      grpc::CallbackServerContext* ctx,
      const pb::ClassifyRecommendationRequest* req,
      pb::ClassifyRecommendationResponse* resp) override {
    return Finish(ctx, __func__, req,
                  [&](const Identity&) { return Classify(*req, resp); });
  }
  grpc::ServerUnaryReactor* SetRecommendationTheme(
      grpc::CallbackServerContext* ctx,
      const pb::SetRecommendationThemeRequest* req,
      pb::SetRecommendationThemeResponse* resp) override {
    return Finish(ctx, __func__, req, [&](const Identity& who) {
      return SetTheme(who, *req, resp);
    });
  }
  grpc::ServerUnaryReactor* ListThemeOverrides(
      grpc::CallbackServerContext* ctx,
      const pb::ListThemeOverridesRequest* req,
      pb::ListThemeOverridesResponse* resp) override {
    return Finish(ctx, __func__, req,
                  [&](const Identity&) { return ListOverrides(*req, resp); });
  }
  grpc::ServerUnaryReactor* ListThemeOverrideHistory(
      grpc::CallbackServerContext* ctx,
      const pb::ListThemeOverrideHistoryRequest* req,
      pb::ListThemeOverrideHistoryResponse* resp) override {
    return Finish(ctx, __func__, req,
                  [&](const Identity&) { return OverrideHistory(*req, resp); });
  }
  grpc::ServerUnaryReactor* GetSectorSummary(
      grpc::CallbackServerContext* ctx, const grpc::ByteBuffer* request,
      grpc::ByteBuffer* response) override {
    return Finish(ctx, __func__, nullptr, [&](const Identity&) {
      return CachedReply<pb::GetSectorSummaryRequest, pb::SectorSummary>(
          replies_, "summary:", *request, response,
          [this](const auto& req, const Snapshot& s, auto* reply) {
            LGES_RETURN_IF_ERROR(
                InLanguage(Summary(req, s, reply), req.language_code()));
            return CheckReplySize(reply->ByteSizeLong(), max_reply_bytes_,
                                  "raise the limit");
          });
    });
  }
  grpc::ServerUnaryReactor* ReconcileSectorSummary(
      grpc::CallbackServerContext* ctx,
      const pb::ReconcileSectorSummaryRequest* req,
      pb::SectorReconciliation* resp) override {
    return Finish(ctx, __func__, req, [&](const Identity&) {
      return InLanguage(Reconcile(*req, resp), req->language_code());
    });
  }
  grpc::ServerUnaryReactor* GetThemeTrends(
      grpc::CallbackServerContext* ctx, const grpc::ByteBuffer* request,
      grpc::ByteBuffer* response) override {
    return Finish(ctx, __func__, nullptr, [&](const Identity&) {
      return CachedReply<pb::GetThemeTrendsRequest, pb::ThemeTrends>(
          replies_, "trends:", *request, response,
          [this](const auto& req, const Snapshot& s, auto* reply) {
            LGES_RETURN_IF_ERROR(
                InLanguage(Trends(req, s, reply), req.language_code()));
            return CheckReplySize(reply->ByteSizeLong(), max_reply_bytes_,
                                  "ask for fewer years (from_academic_year, to_academic_year)");
          });
    });
  }
  grpc::ServerUnaryReactor* GetFollowUpStatus(
      grpc::CallbackServerContext* ctx, const pb::GetFollowUpStatusRequest* req,
      pb::FollowUpStatus* resp) override {
    return Finish(ctx, __func__, req, [&](const Identity&) {
      return InLanguage(FollowUpStatus(*req, resp), req->language_code());
    });
  }
  grpc::ServerUnaryReactor* GetFollowUpAnalytics(
      grpc::CallbackServerContext* ctx,
      const pb::GetFollowUpAnalyticsRequest* req,
      pb::FollowUpAnalytics* resp) override {
    return Finish(ctx, __func__, req, [&](const Identity&) {
      return InLanguage(FollowUp(*req, resp), req->language_code());
    });
  }
  grpc::ServerUnaryReactor* GetAuthorityProfile(
      grpc::CallbackServerContext* ctx,
      const pb::GetAuthorityProfileRequest* req,
      pb::AuthorityProfile* resp) override {
    return Finish(ctx, __func__, req, [&](const Identity&) {
      return InLanguage(Profile(*req, resp), req->language_code());
    });
  }
  grpc::ServerUnaryReactor* CompareConsortia(
      grpc::CallbackServerContext* ctx, const pb::CompareConsortiaRequest* req,
      pb::ConsortiumComparison* resp) override {
    return Finish(ctx, __func__, req, [&](const Identity&) {
      return InLanguage(Compare(*req, resp), req->language_code());
    });
  }

 private:
  // Refuses a request that failed the edge check (protos/edge_check.h; null
  // for raw methods, which check their own bytes), else waits for the
  // snapshot of earlier writes, authorizes the call, does `work` and
  // finishes the call with its status.
  template <typename Work>
  grpc::ServerUnaryReactor* Finish(grpc::CallbackServerContext* ctx,
                                   const char* rpc,
                                   const google::protobuf::Message* req,
                                   Work&& work) {
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    if (std::optional<wire::Problem> problem =
            req ? edge::MarkedProblem(*req) : std::nullopt) {
      reactor->Finish(edge::InvalidArgument(*problem));
      return reactor;
    }
    // Every write acknowledged before this call is in the snapshot it reads
    // (at most one rebuild's wait; past the deadline, the current one).
    const absl::Time wait_until = std::min(absl::FromChrono(ctx->deadline()),
                                           absl::Now() + kMaxSnapshotWait);
    snapshots_.AwaitWrites(wait_until);
    reactor->Finish(serve_(*ctx, rpc, [&](const Identity& who) {
      LGES_RETURN_IF_ERROR(AwaitMinVersion(*ctx, wait_until));
      return work(who);
    }));
    return reactor;
  }

  // Waits for the snapshot of the dataset version the caller asked for in
  // x-lges-min-version metadata, if any (docs/DESIGN.md, "Reading your own
  // writes").
  absl::Status AwaitMinVersion(const grpc::ServerContextBase& ctx,
                               absl::Time until) {
    LGES_ASSIGN_OR_RETURN(const int64_t wanted, MinVersionOf(ctx));
    if (wanted == 0 || snapshots_.AwaitVersion(wanted, absl::Now()))
      return absl::OkStatus();
    LGES_ASSIGN_OR_RETURN(const int64_t latest, store_.DatasetVersion());
    if (latest < wanted) {
      return WithReason(
          absl::FailedPreconditionError(
              "x-lges-min-version asks for dataset version " +
              std::to_string(wanted) + ", but the latest is " +
              std::to_string(latest)),
          "MIN_VERSION_AHEAD",
          {{"min_version", std::to_string(wanted)},
           {"dataset_version", std::to_string(latest)}});
    }
    if (!snapshots_.AwaitVersion(wanted, until)) {
      return WithReason(
          absl::UnavailableError("the analytics of dataset version " +
                                 std::to_string(wanted) +
                                 " were not ready in time; retry"),
          "MIN_VERSION_NOT_READY", {{"min_version", std::to_string(wanted)}});
    }
    return absl::OkStatus();
  }

  absl::Status Classify(const pb::ClassifyRecommendationRequest& req,
                        pb::ClassifyRecommendationResponse* resp) {
    if (req.text().find_first_not_of(" \t\r\n") == std::string::npos ||
        CharacterCount(req.text()) > 2000) {
      return InvalidFieldError(
          "text", "must be 1-2000 characters of recommendation text");
    }
    convert::ToProto(snapshots_.classifier().Classify(req.text()),
                     snapshots_.classifier().vocabulary(), resp);
    return absl::OkStatus();
  }

  absl::Status Summary(const pb::GetSectorSummaryRequest& req,
                       const Snapshot& snapshot, pb::SectorSummary* resp) {
    LGES_RETURN_IF_ERROR(CheckYear(req.academic_year(), "academic_year"));
    LGES_ASSIGN_OR_RETURN(i18n::Language language,
                          LanguageOf(req.language_code()));
    convert::ToProto(snapshot, snapshot.Summary(req.academic_year()), resp,
                     language);
    return absl::OkStatus();
  }

  absl::Status Reconcile(const pb::ReconcileSectorSummaryRequest& req,
                         pb::SectorReconciliation* resp) {
    LGES_RETURN_IF_ERROR(CheckYear(req.academic_year(), "academic_year"));
    LGES_ASSIGN_OR_RETURN(i18n::Language language,
                          LanguageOf(req.language_code()));
    const std::shared_ptr<const Snapshot> snapshot = snapshots_.Current();
    convert::ToProto(*snapshot, snapshot->Reconcile(req.academic_year()), resp,
                     language);
    return absl::OkStatus();
  }

  absl::Status Compare(const pb::CompareConsortiaRequest& req,
                       pb::ConsortiumComparison* resp) {
    LGES_RETURN_IF_ERROR(
        CheckRange(req.from_academic_year(), req.to_academic_year()));
    LGES_ASSIGN_OR_RETURN(i18n::Language language,
                          LanguageOf(req.language_code()));
    const std::shared_ptr<const Snapshot> snapshot = snapshots_.Current();
    convert::ToProto(
        *snapshot,
        snapshot->Compare(req.from_academic_year(), req.to_academic_year()),
        resp, language);
    return absl::OkStatus();
  }

  absl::Status SetTheme(const Identity& who,
                        const pb::SetRecommendationThemeRequest& req,
                        pb::SetRecommendationThemeResponse* resp) {
    LGES_ASSIGN_OR_RETURN(
        std::string id,
        convert::IdFromName(req.inspection(), "inspections", "inspection"));
    const analytics::Vocabulary& vocabulary =
        snapshots_.classifier().vocabulary();
    const Violations v = ValidateThemeChoice(
        req.recommendation_number(), req.theme_id(), req.reason(),
        [&](const std::string& theme) { return vocabulary.Find(theme); });
    if (!v.empty()) return InvalidArgumentError(v);
    LGES_ASSIGN_OR_RETURN(
        ThemeOverride entry,
        store_.SetThemeOverride(id, req.recommendation_number(), req.theme_id(),
                                req.reason(), WriteContextFor(who, "", "")));
    convert::ToProto(entry, resp->mutable_override());
    LGES_ASSIGN_OR_RETURN(int64_t version, store_.DatasetVersion());
    resp->set_dataset_version(version);
    return absl::OkStatus();
  }

  absl::Status Themes(const pb::ListThemesRequest& req,
                      pb::ListThemesResponse* resp) {
    const analytics::Vocabulary& vocabulary =
        snapshots_.classifier().vocabulary();
    resp->set_vocabulary(vocabulary.name);
    resp->set_version(vocabulary.version);
    return PageOfList(vocabulary.themes, req, resp,
                      [resp](const analytics::Theme& theme) {
                        convert::ToProto(theme, resp->add_themes());
                      });
  }

  // The inspection id of an optional "inspections/{id}" filter; "" for all.
  static absl::StatusOr<std::string> InspectionFilter(const std::string& name) {
    if (name.empty()) return std::string();
    return convert::IdFromName(name, "inspections", "inspection");
  }

  absl::Status ListOverrides(const pb::ListThemeOverridesRequest& req,
                             pb::ListThemeOverridesResponse* resp) {
    LGES_ASSIGN_OR_RETURN(std::string id, InspectionFilter(req.inspection()));
    LGES_ASSIGN_OR_RETURN(std::vector<ThemeOverride> all,
                          store_.ListThemeOverrides());
    std::vector<ThemeOverride> current;
    for (ThemeOverride& o : all) {
      if (id.empty() || o.inspection_id == id) current.push_back(std::move(o));
    }
    return PageOfList(current, req, resp, [resp](const ThemeOverride& o) {
      convert::ToProto(o, resp->add_overrides());
    });
  }

  absl::Status OverrideHistory(const pb::ListThemeOverrideHistoryRequest& req,
                               pb::ListThemeOverrideHistoryResponse* resp) {
    LGES_ASSIGN_OR_RETURN(std::string id, InspectionFilter(req.inspection()));
    LGES_ASSIGN_OR_RETURN(std::vector<ThemeOverride> history,
                          store_.ListThemeOverrideHistory(id));
    return PageOfList(history, req, resp, [resp](const ThemeOverride& o) {
      convert::ToProto(o, resp->add_history());
    });
  }

  absl::Status Trends(const pb::GetThemeTrendsRequest& req,
                      const Snapshot& snapshot, pb::ThemeTrends* resp) {
    LGES_RETURN_IF_ERROR(
        CheckRange(req.from_academic_year(), req.to_academic_year()));
    Violations v;
    const ProviderKind kind =
        convert::KindFromProto(req.provider_kind(), "provider_kind", v);
    // "gwe" or "providers/gwe"; "none" for inspections outside any group.
    const std::string consortium =
        req.consortium() == "none"
            ? req.consortium()
            : convert::ProviderCodeFrom(req.consortium(), "consortium")
                  .value_or(req.consortium());
    for (FieldViolation& bad : ValidateConsortiumFilter(
             consortium, snapshot.group_codes(), "consortium"))
      v.push_back(std::move(bad));
    if (!v.empty()) return InvalidArgumentError(v);
    LGES_ASSIGN_OR_RETURN(i18n::Language language,
                          LanguageOf(req.language_code()));
    convert::ToProto(
        snapshot,
        snapshot.Trends(req.from_academic_year(), req.to_academic_year(), kind,
                        consortium),
        resp, language);
    return absl::OkStatus();
  }

  absl::Status FollowUpStatus(const pb::GetFollowUpStatusRequest& req,
                              pb::FollowUpStatus* resp) {
    const std::shared_ptr<const Snapshot> snapshot = snapshots_.Current();
    CivilDay day = snapshot->today();
    if (req.has_date()) {
      std::optional<CivilDay> parsed = convert::FromProto(req.date());
      if (!parsed)
        return InvalidFieldError("date",
                                 "must be a whole day (year, month and day) "
                                 "between " +
                                     std::to_string(kMinYear) + " and " +
                                     std::to_string(kMaxYear));
      day = *parsed;
    }
    LGES_ASSIGN_OR_RETURN(i18n::Language language,
                          LanguageOf(req.language_code()));
    convert::ToProto(*snapshot, day, resp, language);
    return absl::OkStatus();
  }

  absl::Status FollowUp(const pb::GetFollowUpAnalyticsRequest& req,
                        pb::FollowUpAnalytics* resp) {
    const std::shared_ptr<const Snapshot> snapshot = snapshots_.Current();
    const int from = req.from_academic_year() ? req.from_academic_year()
                                              : snapshot->first_year();
    const int to = req.to_academic_year() ? req.to_academic_year()
                                          : snapshot->current_year();
    LGES_RETURN_IF_ERROR(CheckRange(from, to));
    LGES_ASSIGN_OR_RETURN(i18n::Language language,
                          LanguageOf(req.language_code()));
    convert::ToProto(*snapshot, from, to, resp, language);
    return absl::OkStatus();
  }

  absl::Status Profile(const pb::GetAuthorityProfileRequest& req,
                       pb::AuthorityProfile* resp) {
    LGES_ASSIGN_OR_RETURN(
        std::string code,
        convert::IdFromName(req.provider(), "providers", "provider"));
    LGES_ASSIGN_OR_RETURN(i18n::Language language,
                          LanguageOf(req.language_code()));
    const std::shared_ptr<const Snapshot> snapshot = snapshots_.Current();
    const analytics::AuthorityProfile* profile = snapshot->Profile(code);
    if (profile == nullptr)
      return ResourceNotFound("providers/" + code);
    convert::ToProto(*snapshot, *profile, resp, language);
    return absl::OkStatus();
  }

  Store& store_;
  SnapshotSource& snapshots_;
  ReplyCaches& replies_;
  const size_t max_reply_bytes_;
  const RpcFrame serve_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeAnalyticsService(
    Store& store, SnapshotSource& snapshots, ReplyCaches& replies,
    const Authorizer& auth, size_t max_reply_bytes) {
  return std::make_unique<AnalyticsServiceImpl>(store, snapshots, replies,
                                                auth, max_reply_bytes);
}

}  // namespace lges
