#include "clients/lges_client.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <algorithm>

#include "estyn/lges/v1/analytics.grpc.pb.h"
#include "estyn/lges/v1/dataset.grpc.pb.h"
#include "estyn/lges/v1/follow_up.grpc.pb.h"
#include "estyn/lges/v1/inspections.grpc.pb.h"
#include "estyn/lges/v1/key_messages.grpc.pb.h"
#include "estyn/lges/v1/providers.grpc.pb.h"
#include "estyn/lges/v1/tokens.grpc.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace lges {
namespace {

constexpr char kLocalizedPayload[] =
    "type.googleapis.com/google.rpc.LocalizedMessage";

// The google.rpc.BadRequest field violations in `status`'s details, if any.
// The status details the server sends (service/status_map.h), read into an
// absl::Status: field violations and the ErrorInfo's reason and metadata.
absl::Status WithDetails(absl::Status out, const grpc::Status& status) {
  google::rpc::Status details;
  if (status.error_details().empty() ||
      !details.ParseFromString(status.error_details()))
    return out;
  Violations violations;
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::BadRequest bad_request;
    google::rpc::ErrorInfo info;
    google::rpc::LocalizedMessage localized;
    if (any.UnpackTo(&localized)) {
      out.SetPayload(kLocalizedPayload, absl::Cord(localized.message()));
    } else if (any.UnpackTo(&bad_request)) {
      for (const auto& v : bad_request.field_violations())
        violations.push_back({v.field(), v.description()});
    } else if (any.UnpackTo(&info)) {
      std::vector<std::pair<std::string, std::string>> metadata(
          info.metadata().begin(), info.metadata().end());
      std::sort(metadata.begin(), metadata.end());
      out = WithReason(std::move(out), info.reason(), std::move(metadata));
    }
  }
  return violations.empty() ? out : WithViolations(std::move(out), violations);
}

// The metadata every call carries.
void AddCredentials(grpc::ClientContext& context,
                    const LgesClient::Options& options) {
  if (!options.token.empty())
    context.AddMetadata("authorization", "Bearer " + options.token);
  if (!options.actor.empty())
    context.AddMetadata("x-lges-actor", options.actor);
  if (options.min_dataset_version > 0) {
    context.AddMetadata("x-lges-min-version",
                        std::to_string(options.min_dataset_version));
  }
  if (!options.accept_language.empty())
    context.AddMetadata("accept-language", options.accept_language);
  if (!options.request_id.empty())
    context.AddMetadata("x-request-id", options.request_id);
}

// The one place where a call's gRPC status becomes the caller's.
absl::Status FromGrpc(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return WithDetails(
      absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                   status.error_message()),
      status);
}

}  // namespace

std::string LocalizedMessageOf(const absl::Status& status) {
  auto payload = status.GetPayload(kLocalizedPayload);
  return payload ? std::string(*payload) : "";
}

namespace {

std::shared_ptr<grpc::ChannelCredentials> ChannelCredentialsFor(
    const LgesClient::Options& options) {
  if (options.tls_ca_pem.empty()) return grpc::InsecureChannelCredentials();
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = options.tls_ca_pem;
  ssl.pem_cert_chain = options.tls_cert_pem;
  ssl.pem_private_key = options.tls_key_pem;
  return grpc::SslCredentials(ssl);
}

}  // namespace

struct LgesClient::Stubs {
  explicit Stubs(const LgesClient::Options& options)
      : channel(grpc::CreateChannel(options.address,
                                    ChannelCredentialsFor(options))),
        health(grpc::health::v1::Health::NewStub(channel)),
        providers(pb::ProviderService::NewStub(channel)),
        inspections(pb::InspectionService::NewStub(channel)),
        follow_up(pb::FollowUpService::NewStub(channel)),
        key_messages(pb::KeyMessageService::NewStub(channel)),
        analytics(pb::AnalyticsService::NewStub(channel)),
        dataset(pb::DatasetService::NewStub(channel)),
        watch(pb::WatchService::NewStub(channel)),
        tokens(pb::TokenService::NewStub(channel)) {}

  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<grpc::health::v1::Health::Stub> health;
  std::unique_ptr<pb::ProviderService::Stub> providers;
  std::unique_ptr<pb::InspectionService::Stub> inspections;
  std::unique_ptr<pb::FollowUpService::Stub> follow_up;
  std::unique_ptr<pb::KeyMessageService::Stub> key_messages;
  std::unique_ptr<pb::AnalyticsService::Stub> analytics;
  std::unique_ptr<pb::DatasetService::Stub> dataset;
  std::unique_ptr<pb::WatchService::Stub> watch;
  std::unique_ptr<pb::TokenService::Stub> tokens;
};

struct SectorWatch::Call {
  grpc::ClientContext context;
  std::unique_ptr<grpc::ClientReader<pb::SectorSnapshot>> reader;
};

SectorWatch::SectorWatch(std::unique_ptr<Call> call) : call_(std::move(call)) {}
SectorWatch::~SectorWatch() = default;

bool SectorWatch::Next(pb::SectorSnapshot* out) {
  return call_->reader->Read(out);
}

void SectorWatch::Cancel() { call_->context.TryCancel(); }

absl::Status SectorWatch::Finish() { return FromGrpc(call_->reader->Finish()); }

namespace {

// A context with the deadline and metadata every call carries.
void Prepare(grpc::ClientContext& context, const LgesClient::Options& options) {
  context.set_deadline(std::chrono::system_clock::now() + options.timeout);
  AddCredentials(context, options);
}

template <typename Stub, typename Req, typename Resp>
absl::Status Call(const LgesClient::Options& options, Stub& stub,
                  grpc::Status (Stub::*method)(grpc::ClientContext*, const Req&,
                                               Resp*),
                  const Req& req, Resp* resp) {
  grpc::ClientContext context;
  Prepare(context, options);
  return FromGrpc((stub.*method)(&context, req, resp));
}

}  // namespace

LgesClient::LgesClient(Options options)
    : options_(std::move(options)), stubs_(std::make_unique<Stubs>(options_)) {}

LgesClient::~LgesClient() = default;

std::unique_ptr<SectorWatch> LgesClient::WatchSector(
    const pb::WatchSectorRequest& req) {
  auto call = std::make_unique<SectorWatch::Call>();
  AddCredentials(call->context, options_);
  call->reader = stubs_->watch->WatchSector(&call->context, req);
  return std::unique_ptr<SectorWatch>(new SectorWatch(std::move(call)));
}

namespace {

// A stream's context: the caller's credentials, and a deadline of the
// client's timeout but at least ten minutes.
void PrepareLongCall(grpc::ClientContext& context,
                     const LgesClient::Options& options) {
  AddCredentials(context, options);
  context.set_deadline(std::chrono::system_clock::now() +
                       std::max<std::chrono::milliseconds>(
                           options.timeout, std::chrono::minutes(10)));
}

// Reads every message of `reader` into `on_part`, cancelling when it
// returns false; the call's status.
template <typename Message>
absl::Status ReadAll(grpc::ClientContext& context,
                     grpc::ClientReader<Message>& reader,
                     const std::function<bool(const Message&)>& on_part) {
  Message part;
  while (reader.Read(&part)) {
    if (!on_part(part)) {
      context.TryCancel();
      break;
    }
  }
  return FromGrpc(reader.Finish());
}

}  // namespace

absl::Status LgesClient::BackupDatabase(
    const std::function<bool(const pb::BackupDatabaseResponse&)>& on_part) {
  grpc::ClientContext context;
  PrepareLongCall(context, options_);
  auto reader = stubs_->dataset->BackupDatabase(&context, {});
  return ReadAll(context, *reader, on_part);
}

absl::Status LgesClient::ExportRecordsStream(
    const pb::ExportRecordsRequest& req,
    const std::function<bool(const pb::RecordSet&)>& on_part) {
  grpc::ClientContext context;
  PrepareLongCall(context, options_);
  auto reader = stubs_->dataset->ExportRecordsStream(&context, req);
  return ReadAll(context, *reader, on_part);
}

absl::Status LgesClient::ImportRecordsStream(
    const std::function<absl::Status(const SendPart&)>& send_parts,
    pb::ImportRecordsResponse* resp) {
  grpc::ClientContext context;
  PrepareLongCall(context, options_);
  auto writer = stubs_->dataset->ImportRecordsStream(&context, resp);
  // A failed write means the server has answered already: Finish says how.
  bool refused = false;
  absl::Status sent = send_parts([&](const pb::ImportRecordsRequest& part) {
    refused = !writer->Write(part);
    return !refused;
  });
  if (!sent.ok() && !refused) {
    context.TryCancel();
    (void)writer->Finish();
    return sent;
  }
  writer->WritesDone();
  return FromGrpc(writer->Finish());
}

absl::Status LgesClient::ListAllThemes(pb::ListThemesResponse* resp) {
  pb::ListThemesRequest req;
  req.set_page_size(500);
  resp->Clear();
  do {
    pb::ListThemesResponse page;
    if (absl::Status s = ListThemes(req, &page); !s.ok()) return s;
    req.set_page_token(page.next_page_token());
    page.clear_next_page_token();
    resp->MergeFrom(page);
  } while (!req.page_token().empty());
  return absl::OkStatus();
}

absl::Status LgesClient::Health(const std::string& service, bool* serving) {
  grpc::health::v1::HealthCheckRequest req;
  req.set_service(service);
  grpc::health::v1::HealthCheckResponse resp;
  absl::Status status =
      Call(options_, *stubs_->health, &grpc::health::v1::Health::Stub::Check,
           req, &resp);
  *serving = status.ok() &&
             resp.status() == grpc::health::v1::HealthCheckResponse::SERVING;
  return status;
}

// Each API method is one stub call with a fresh context.
#define LGES_CLIENT_METHOD(stub, Svc, Method, Req, Resp)                     \
  absl::Status LgesClient::Method(const pb::Req& req, pb::Resp* resp) {      \
    return Call(options_, *stubs_->stub, &pb::Svc::Stub::Method, req, resp); \
  }

LGES_CLIENT_METHOD(providers, ProviderService, GetProvider, GetProviderRequest,
                   Provider)
LGES_CLIENT_METHOD(providers, ProviderService, ListProviders,
                   ListProvidersRequest, ListProvidersResponse)
LGES_CLIENT_METHOD(providers, ProviderService, CreateProvider,
                   CreateProviderRequest, Provider)
LGES_CLIENT_METHOD(providers, ProviderService, UpdateProvider,
                   UpdateProviderRequest, Provider)
LGES_CLIENT_METHOD(providers, ProviderService, DeleteProvider,
                   DeleteProviderRequest, DeleteProviderResponse)

LGES_CLIENT_METHOD(inspections, InspectionService, GetInspection,
                   GetInspectionRequest, Inspection)
LGES_CLIENT_METHOD(inspections, InspectionService, ListInspections,
                   ListInspectionsRequest, ListInspectionsResponse)
LGES_CLIENT_METHOD(inspections, InspectionService, CreateInspection,
                   CreateInspectionRequest, Inspection)
LGES_CLIENT_METHOD(inspections, InspectionService, UpdateInspection,
                   UpdateInspectionRequest, Inspection)
LGES_CLIENT_METHOD(inspections, InspectionService, DeleteInspection,
                   DeleteInspectionRequest, DeleteInspectionResponse)

LGES_CLIENT_METHOD(follow_up, FollowUpService, GetFollowUpEvent,
                   GetFollowUpEventRequest, FollowUpEvent)
LGES_CLIENT_METHOD(follow_up, FollowUpService, ListFollowUpEvents,
                   ListFollowUpEventsRequest, ListFollowUpEventsResponse)
LGES_CLIENT_METHOD(follow_up, FollowUpService, CreateFollowUpEvent,
                   CreateFollowUpEventRequest, FollowUpEvent)
LGES_CLIENT_METHOD(follow_up, FollowUpService, UpdateFollowUpEvent,
                   UpdateFollowUpEventRequest, FollowUpEvent)
LGES_CLIENT_METHOD(follow_up, FollowUpService, DeleteFollowUpEvent,
                   DeleteFollowUpEventRequest, DeleteFollowUpEventResponse)

LGES_CLIENT_METHOD(key_messages, KeyMessageService, GetKeyMessage,
                   GetKeyMessageRequest, KeyMessage)
LGES_CLIENT_METHOD(key_messages, KeyMessageService, ListKeyMessages,
                   ListKeyMessagesRequest, ListKeyMessagesResponse)
LGES_CLIENT_METHOD(key_messages, KeyMessageService, CreateKeyMessage,
                   CreateKeyMessageRequest, KeyMessage)
LGES_CLIENT_METHOD(key_messages, KeyMessageService, UpdateKeyMessage,
                   UpdateKeyMessageRequest, KeyMessage)
LGES_CLIENT_METHOD(key_messages, KeyMessageService, DeleteKeyMessage,
                   DeleteKeyMessageRequest, DeleteKeyMessageResponse)

LGES_CLIENT_METHOD(analytics, AnalyticsService, ListThemes, ListThemesRequest,
                   ListThemesResponse)
LGES_CLIENT_METHOD(analytics, AnalyticsService, ClassifyRecommendation,
                   ClassifyRecommendationRequest,
                   ClassifyRecommendationResponse)
LGES_CLIENT_METHOD(analytics, AnalyticsService, SetRecommendationTheme,
                   SetRecommendationThemeRequest,
                   SetRecommendationThemeResponse)
LGES_CLIENT_METHOD(analytics, AnalyticsService, ListThemeOverrides,
                   ListThemeOverridesRequest, ListThemeOverridesResponse)
LGES_CLIENT_METHOD(analytics, AnalyticsService, ListThemeOverrideHistory,
                   ListThemeOverrideHistoryRequest,
                   ListThemeOverrideHistoryResponse)
LGES_CLIENT_METHOD(analytics, AnalyticsService, GetSectorSummary,
                   GetSectorSummaryRequest, SectorSummary)
LGES_CLIENT_METHOD(analytics, AnalyticsService, ReconcileSectorSummary,
                   ReconcileSectorSummaryRequest, SectorReconciliation)
LGES_CLIENT_METHOD(analytics, AnalyticsService, GetThemeTrends,
                   GetThemeTrendsRequest, ThemeTrends)
LGES_CLIENT_METHOD(analytics, AnalyticsService, GetFollowUpStatus,
                   GetFollowUpStatusRequest, FollowUpStatus)
LGES_CLIENT_METHOD(analytics, AnalyticsService, GetFollowUpAnalytics,
                   GetFollowUpAnalyticsRequest, FollowUpAnalytics)
LGES_CLIENT_METHOD(analytics, AnalyticsService, GetAuthorityProfile,
                   GetAuthorityProfileRequest, AuthorityProfile)
LGES_CLIENT_METHOD(analytics, AnalyticsService, CompareConsortia,
                   CompareConsortiaRequest, ConsortiumComparison)

LGES_CLIENT_METHOD(dataset, DatasetService, ImportRecords, ImportRecordsRequest,
                   ImportRecordsResponse)
LGES_CLIENT_METHOD(dataset, DatasetService, ExportRecords, ExportRecordsRequest,
                   RecordSet)
LGES_CLIENT_METHOD(dataset, DatasetService, ListChanges, ListChangesRequest,
                   ListChangesResponse)
LGES_CLIENT_METHOD(dataset, DatasetService, GetDatasetInfo,
                   GetDatasetInfoRequest, DatasetInfo)

LGES_CLIENT_METHOD(tokens, TokenService, CreateToken, CreateTokenRequest,
                   CreateTokenResponse)
LGES_CLIENT_METHOD(tokens, TokenService, ListTokens, ListTokensRequest,
                   ListTokensResponse)
LGES_CLIENT_METHOD(tokens, TokenService, RevokeToken, RevokeTokenRequest,
                   TokenInfo)

#undef LGES_CLIENT_METHOD

}  // namespace lges
