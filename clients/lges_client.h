#pragma once
// A small client library for LGES Insights. Every call carries a deadline
// (Options::timeout) and, if set, the caller's identity in the
// "x-lges-actor" metadata. Methods return the gRPC status; on OK the
// response is filled in.
//
// Thread-safe: one client may be used from many threads.

#include <grpcpp/channel.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "estyn/lges/v1/analytics.grpc.pb.h"
#include "estyn/lges/v1/dataset.grpc.pb.h"
#include "estyn/lges/v1/follow_up.grpc.pb.h"
#include "estyn/lges/v1/inspections.grpc.pb.h"
#include "estyn/lges/v1/key_messages.grpc.pb.h"
#include "estyn/lges/v1/providers.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace lges {

namespace pb = ::estyn::lges::v1;

struct FieldViolationInfo {
  std::string field;
  std::string description;
};

// The google.rpc.BadRequest field violations in `status`'s details, if any.
std::vector<FieldViolationInfo> FieldViolationsOf(const grpc::Status& status);

// A stream of sector snapshots from WatchSector. It has no deadline: it lasts
// until Cancel() or until the server ends it. Not thread-safe.
class SectorWatch {
 public:
  // Blocks for the next snapshot; false once the stream has ended.
  bool Next(pb::SectorSnapshot* out) { return reader_->Read(out); }
  // Asks the server to end the stream; Next then returns false.
  void Cancel() { context_.TryCancel(); }
  // The stream's final status, after Next has returned false.
  grpc::Status Finish() { return reader_->Finish(); }

 private:
  friend class LgesClient;
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReader<pb::SectorSnapshot>> reader_;
};

class LgesClient {
 public:
  struct Options {
    std::string address = "127.0.0.1:50051";
    std::chrono::milliseconds timeout{10000};
    std::string actor;  // Sent as x-lges-actor when not empty.
  };

  explicit LgesClient(Options options);

  // Asks the health service about `service` ("" for the whole server);
  // `serving` is true for SERVING.
  grpc::Status Health(const std::string& service, bool* serving);

  grpc::Status GetProvider(const pb::GetProviderRequest& req,
                           pb::Provider* resp);
  grpc::Status ListProviders(const pb::ListProvidersRequest& req,
                             pb::ListProvidersResponse* resp);
  grpc::Status CreateProvider(const pb::CreateProviderRequest& req,
                              pb::Provider* resp);
  grpc::Status UpdateProvider(const pb::UpdateProviderRequest& req,
                              pb::Provider* resp);
  grpc::Status DeleteProvider(const pb::DeleteProviderRequest& req,
                              pb::DeleteProviderResponse* resp);

  grpc::Status GetInspection(const pb::GetInspectionRequest& req,
                             pb::Inspection* resp);
  grpc::Status ListInspections(const pb::ListInspectionsRequest& req,
                               pb::ListInspectionsResponse* resp);
  grpc::Status CreateInspection(const pb::CreateInspectionRequest& req,
                                pb::Inspection* resp);
  grpc::Status UpdateInspection(const pb::UpdateInspectionRequest& req,
                                pb::Inspection* resp);
  grpc::Status DeleteInspection(const pb::DeleteInspectionRequest& req,
                                pb::DeleteInspectionResponse* resp);

  grpc::Status GetFollowUpEvent(const pb::GetFollowUpEventRequest& req,
                                pb::FollowUpEvent* resp);
  grpc::Status ListFollowUpEvents(const pb::ListFollowUpEventsRequest& req,
                                  pb::ListFollowUpEventsResponse* resp);
  grpc::Status CreateFollowUpEvent(const pb::CreateFollowUpEventRequest& req,
                                   pb::FollowUpEvent* resp);
  grpc::Status UpdateFollowUpEvent(const pb::UpdateFollowUpEventRequest& req,
                                   pb::FollowUpEvent* resp);
  grpc::Status DeleteFollowUpEvent(const pb::DeleteFollowUpEventRequest& req,
                                   pb::DeleteFollowUpEventResponse* resp);

  grpc::Status GetKeyMessage(const pb::GetKeyMessageRequest& req,
                             pb::KeyMessage* resp);
  grpc::Status ListKeyMessages(const pb::ListKeyMessagesRequest& req,
                               pb::ListKeyMessagesResponse* resp);
  grpc::Status CreateKeyMessage(const pb::CreateKeyMessageRequest& req,
                                pb::KeyMessage* resp);
  grpc::Status UpdateKeyMessage(const pb::UpdateKeyMessageRequest& req,
                                pb::KeyMessage* resp);
  grpc::Status DeleteKeyMessage(const pb::DeleteKeyMessageRequest& req,
                                pb::DeleteKeyMessageResponse* resp);

  grpc::Status ListThemes(const pb::ListThemesRequest& req,
                          pb::ListThemesResponse* resp);
  grpc::Status ClassifyRecommendation(
      const pb::ClassifyRecommendationRequest& req,
      pb::ClassifyRecommendationResponse* resp);
  grpc::Status SetRecommendationTheme(
      const pb::SetRecommendationThemeRequest& req,
      pb::SetRecommendationThemeResponse* resp);
  grpc::Status ListThemeOverrides(const pb::ListThemeOverridesRequest& req,
                                  pb::ListThemeOverridesResponse* resp);
  grpc::Status GetSectorSummary(const pb::GetSectorSummaryRequest& req,
                                pb::SectorSummary* resp);
  grpc::Status GetThemeTrends(const pb::GetThemeTrendsRequest& req,
                              pb::ThemeTrends* resp);
  grpc::Status GetFollowUpStatus(const pb::GetFollowUpStatusRequest& req,
                                 pb::FollowUpStatus* resp);
  grpc::Status GetFollowUpAnalytics(const pb::GetFollowUpAnalyticsRequest& req,
                                    pb::FollowUpAnalytics* resp);
  grpc::Status GetAuthorityProfile(const pb::GetAuthorityProfileRequest& req,
                                   pb::AuthorityProfile* resp);
  grpc::Status CompareConsortia(const pb::CompareConsortiaRequest& req,
                                pb::ConsortiumComparison* resp);
  grpc::Status Echo(const pb::EchoRequest& req, pb::EchoResponse* resp);

  grpc::Status ImportRecords(const pb::ImportRecordsRequest& req,
                             pb::ImportRecordsResponse* resp);
  grpc::Status ExportRecords(const pb::ExportRecordsRequest& req,
                             pb::RecordSet* resp);
  grpc::Status ListChanges(const pb::ListChangesRequest& req,
                           pb::ListChangesResponse* resp);
  // Starts watching the sector; the client must outlive the watch.
  std::unique_ptr<SectorWatch> WatchSector(const pb::WatchSectorRequest& req);

  grpc::Status GetDatasetInfo(const pb::GetDatasetInfoRequest& req,
                              pb::DatasetInfo* resp);

 private:
  // A context with the deadline and metadata every call carries.
  std::unique_ptr<grpc::ClientContext> NewContext() const;

  template <typename Stub, typename Req, typename Resp>
  grpc::Status Call(Stub& stub,
                    grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                 const Req&, Resp*),
                    const Req& req, Resp* resp) const {
    std::unique_ptr<grpc::ClientContext> context = NewContext();
    return (stub.*method)(context.get(), req, resp);
  }

  Options options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<grpc::health::v1::Health::Stub> health_;
  std::unique_ptr<pb::ProviderService::Stub> providers_;
  std::unique_ptr<pb::InspectionService::Stub> inspections_;
  std::unique_ptr<pb::FollowUpService::Stub> follow_up_;
  std::unique_ptr<pb::KeyMessageService::Stub> key_messages_;
  std::unique_ptr<pb::AnalyticsService::Stub> analytics_;
  std::unique_ptr<pb::DatasetService::Stub> dataset_;
  std::unique_ptr<pb::WatchService::Stub> watch_;
};

}  // namespace lges
