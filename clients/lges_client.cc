#include "clients/lges_client.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace lges {

std::vector<FieldViolationInfo> FieldViolationsOf(const grpc::Status& status) {
  std::vector<FieldViolationInfo> out;
  google::rpc::Status details;
  if (status.error_details().empty() ||
      !details.ParseFromString(status.error_details()))
    return out;
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::BadRequest bad_request;
    if (!any.UnpackTo(&bad_request)) continue;
    for (const auto& v : bad_request.field_violations())
      out.push_back({v.field(), v.description()});
  }
  return out;
}

LgesClient::LgesClient(Options options)
    : options_(std::move(options)),
      channel_(grpc::CreateChannel(options_.address,
                                   grpc::InsecureChannelCredentials())),
      health_(grpc::health::v1::Health::NewStub(channel_)),
      providers_(pb::ProviderService::NewStub(channel_)),
      inspections_(pb::InspectionService::NewStub(channel_)),
      follow_up_(pb::FollowUpService::NewStub(channel_)),
      key_messages_(pb::KeyMessageService::NewStub(channel_)),
      analytics_(pb::AnalyticsService::NewStub(channel_)),
      dataset_(pb::DatasetService::NewStub(channel_)),
      watch_(pb::WatchService::NewStub(channel_)) {}

std::unique_ptr<SectorWatch> LgesClient::WatchSector(
    const pb::WatchSectorRequest& req) {
  auto watch = std::make_unique<SectorWatch>();
  if (!options_.actor.empty())
    watch->context_.AddMetadata("x-lges-actor", options_.actor);
  watch->reader_ = watch_->WatchSector(&watch->context_, req);
  return watch;
}

std::unique_ptr<grpc::ClientContext> LgesClient::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + options_.timeout);
  if (!options_.actor.empty())
    context->AddMetadata("x-lges-actor", options_.actor);
  return context;
}

grpc::Status LgesClient::Health(const std::string& service, bool* serving) {
  grpc::health::v1::HealthCheckRequest req;
  req.set_service(service);
  grpc::health::v1::HealthCheckResponse resp;
  grpc::Status status =
      Call(*health_, &grpc::health::v1::Health::Stub::Check, req, &resp);
  *serving = status.ok() &&
             resp.status() == grpc::health::v1::HealthCheckResponse::SERVING;
  return status;
}

// Each API method is one stub call with a fresh context.
#define LGES_CLIENT_METHOD(stub, Svc, Method, Req, Resp)                \
  grpc::Status LgesClient::Method(const pb::Req& req, pb::Resp* resp) { \
    return Call(*stub, &pb::Svc::Stub::Method, req, resp);              \
  }

LGES_CLIENT_METHOD(providers_, ProviderService, GetProvider, GetProviderRequest,
                   Provider)
LGES_CLIENT_METHOD(providers_, ProviderService, ListProviders,
                   ListProvidersRequest, ListProvidersResponse)
LGES_CLIENT_METHOD(providers_, ProviderService, CreateProvider,
                   CreateProviderRequest, Provider)
LGES_CLIENT_METHOD(providers_, ProviderService, UpdateProvider,
                   UpdateProviderRequest, Provider)
LGES_CLIENT_METHOD(providers_, ProviderService, DeleteProvider,
                   DeleteProviderRequest, DeleteProviderResponse)

LGES_CLIENT_METHOD(inspections_, InspectionService, GetInspection,
                   GetInspectionRequest, Inspection)
LGES_CLIENT_METHOD(inspections_, InspectionService, ListInspections,
                   ListInspectionsRequest, ListInspectionsResponse)
LGES_CLIENT_METHOD(inspections_, InspectionService, CreateInspection,
                   CreateInspectionRequest, Inspection)
LGES_CLIENT_METHOD(inspections_, InspectionService, UpdateInspection,
                   UpdateInspectionRequest, Inspection)
LGES_CLIENT_METHOD(inspections_, InspectionService, DeleteInspection,
                   DeleteInspectionRequest, DeleteInspectionResponse)

LGES_CLIENT_METHOD(follow_up_, FollowUpService, GetFollowUpEvent,
                   GetFollowUpEventRequest, FollowUpEvent)
LGES_CLIENT_METHOD(follow_up_, FollowUpService, ListFollowUpEvents,
                   ListFollowUpEventsRequest, ListFollowUpEventsResponse)
LGES_CLIENT_METHOD(follow_up_, FollowUpService, CreateFollowUpEvent,
                   CreateFollowUpEventRequest, FollowUpEvent)
LGES_CLIENT_METHOD(follow_up_, FollowUpService, UpdateFollowUpEvent,
                   UpdateFollowUpEventRequest, FollowUpEvent)
LGES_CLIENT_METHOD(follow_up_, FollowUpService, DeleteFollowUpEvent,
                   DeleteFollowUpEventRequest, DeleteFollowUpEventResponse)

LGES_CLIENT_METHOD(key_messages_, KeyMessageService, GetKeyMessage,
                   GetKeyMessageRequest, KeyMessage)
LGES_CLIENT_METHOD(key_messages_, KeyMessageService, ListKeyMessages,
                   ListKeyMessagesRequest, ListKeyMessagesResponse)
LGES_CLIENT_METHOD(key_messages_, KeyMessageService, CreateKeyMessage,
                   CreateKeyMessageRequest, KeyMessage)
LGES_CLIENT_METHOD(key_messages_, KeyMessageService, UpdateKeyMessage,
                   UpdateKeyMessageRequest, KeyMessage)
LGES_CLIENT_METHOD(key_messages_, KeyMessageService, DeleteKeyMessage,
                   DeleteKeyMessageRequest, DeleteKeyMessageResponse)

LGES_CLIENT_METHOD(analytics_, AnalyticsService, ListThemes, ListThemesRequest,
                   ListThemesResponse)
LGES_CLIENT_METHOD(analytics_, AnalyticsService, ClassifyRecommendation,
                   ClassifyRecommendationRequest,
                   ClassifyRecommendationResponse)
LGES_CLIENT_METHOD(analytics_, AnalyticsService, SetRecommendationTheme,
                   SetRecommendationThemeRequest,
                   SetRecommendationThemeResponse)
LGES_CLIENT_METHOD(analytics_, AnalyticsService, ListThemeOverrides,
                   ListThemeOverridesRequest, ListThemeOverridesResponse)
LGES_CLIENT_METHOD(analytics_, AnalyticsService, GetSectorSummary,
                   GetSectorSummaryRequest, SectorSummary)
LGES_CLIENT_METHOD(analytics_, AnalyticsService, GetThemeTrends,
                   GetThemeTrendsRequest, ThemeTrends)
LGES_CLIENT_METHOD(analytics_, AnalyticsService, GetFollowUpStatus,
                   GetFollowUpStatusRequest, FollowUpStatus)
LGES_CLIENT_METHOD(analytics_, AnalyticsService, GetFollowUpAnalytics,
                   GetFollowUpAnalyticsRequest, FollowUpAnalytics)
LGES_CLIENT_METHOD(analytics_, AnalyticsService, GetAuthorityProfile,
                   GetAuthorityProfileRequest, AuthorityProfile)
LGES_CLIENT_METHOD(analytics_, AnalyticsService, CompareConsortia,
                   CompareConsortiaRequest, ConsortiumComparison)
LGES_CLIENT_METHOD(analytics_, AnalyticsService, Echo, EchoRequest,
                   EchoResponse)

LGES_CLIENT_METHOD(dataset_, DatasetService, ImportRecords,
                   ImportRecordsRequest, ImportRecordsResponse)
LGES_CLIENT_METHOD(dataset_, DatasetService, ExportRecords,
                   ExportRecordsRequest, RecordSet)
LGES_CLIENT_METHOD(dataset_, DatasetService, ListChanges, ListChangesRequest,
                   ListChangesResponse)
LGES_CLIENT_METHOD(dataset_, DatasetService, GetDatasetInfo,
                   GetDatasetInfoRequest, DatasetInfo)

#undef LGES_CLIENT_METHOD

}  // namespace lges
