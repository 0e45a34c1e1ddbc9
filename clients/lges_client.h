#pragma once
// A small client library for LGES Insights. Every call carries a deadline
// (Options::timeout) and, if set, the caller's token and whom it acts for.
//
// Methods return the call's status as an absl::Status: the gRPC code of the
// same number and the server's message; the google.rpc.BadRequest field
// violations of a refused request are attached, read with ViolationsOf
// (domain/errors.h). On OK the response is filled in. The header needs only
// the API's messages: gRPC stays inside lges_client.cc.
//
// Thread-safe: one client may be used from many threads.

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "domain/errors.h"
#include "estyn/lges/v1/analytics.pb.h"
#include "estyn/lges/v1/dataset.pb.h"
#include "estyn/lges/v1/follow_up.pb.h"
#include "estyn/lges/v1/inspections.pb.h"
#include "estyn/lges/v1/key_messages.pb.h"
#include "estyn/lges/v1/providers.pb.h"
#include "estyn/lges/v1/tokens.pb.h"

namespace lges {

namespace pb = ::estyn::lges::v1;

// A stream of sector snapshots from WatchSector. It has no deadline: it lasts
// until Cancel() or until the server ends it. Not thread-safe, except
// Cancel, which may be called from any thread.
class SectorWatch {
 public:
  ~SectorWatch();
  SectorWatch(const SectorWatch&) = delete;
  SectorWatch& operator=(const SectorWatch&) = delete;

  // Blocks for the next snapshot; false once the stream has ended.
  bool Next(pb::SectorSnapshot* out);
  // Asks the server to end the stream; Next then returns false.
  void Cancel();
  // The stream's final status, after Next has returned false.
  absl::Status Finish();

 private:
  friend class LgesClient;
  struct Call;
  explicit SectorWatch(std::unique_ptr<Call> call);
  std::unique_ptr<Call> call_;
};

// The server's message of a failed call in the language the client asked
// for (Options::accept_language): its google.rpc.LocalizedMessage; "" when
// the server sent none.
std::string LocalizedMessageOf(const absl::Status& status);

class LgesClient {
 public:
  struct Options {
    std::string address = "127.0.0.1:50051";
    std::chrono::milliseconds timeout{10000};
    // Sent as "authorization: Bearer <token>" when not empty.
    std::string token;
    // PEM. With a CA the channel is TLS, and the server's certificate must
    // be signed by it; a client certificate and key answer mutual TLS.
    std::string tls_ca_pem;
    std::string tls_cert_pem;
    std::string tls_key_pem;
    // Whom the caller acts for: sent as x-lges-actor when not empty, and
    // recorded beside the token's name, never instead of it.
    std::string actor;
    // When not 0, analytics reads wait for the snapshot of at least this
    // dataset version (a write's reply gives its version), sent as
    // x-lges-min-version: a client reads its own writes even through
    // another connection.
    int64_t min_dataset_version = 0;
    // Sent as accept-language when not empty ("cy"): the server then adds
    // its errors' message in that language (LocalizedMessageOf).
    std::string accept_language;
    // Sent as x-request-id when not empty (common/request_id.h): the
    // server logs each call with it.
    std::string request_id;
  };

  explicit LgesClient(Options options);
  ~LgesClient();
  LgesClient(const LgesClient&) = delete;
  LgesClient& operator=(const LgesClient&) = delete;

  // Asks the health service about `service` ("" for the whole server);
  // `serving` is true for SERVING.
  absl::Status Health(const std::string& service, bool* serving);

  absl::Status GetProvider(const pb::GetProviderRequest& req,
                           pb::Provider* resp);
  absl::Status ListProviders(const pb::ListProvidersRequest& req,
                             pb::ListProvidersResponse* resp);
  absl::Status CreateProvider(const pb::CreateProviderRequest& req,
                              pb::Provider* resp);
  absl::Status UpdateProvider(const pb::UpdateProviderRequest& req,
                              pb::Provider* resp);
  absl::Status DeleteProvider(const pb::DeleteProviderRequest& req,
                              pb::DeleteProviderResponse* resp);

  absl::Status GetInspection(const pb::GetInspectionRequest& req,
                             pb::Inspection* resp);
  absl::Status ListInspections(const pb::ListInspectionsRequest& req,
                               pb::ListInspectionsResponse* resp);
  absl::Status CreateInspection(const pb::CreateInspectionRequest& req,
                                pb::Inspection* resp);
  absl::Status UpdateInspection(const pb::UpdateInspectionRequest& req,
                                pb::Inspection* resp);
  absl::Status DeleteInspection(const pb::DeleteInspectionRequest& req,
                                pb::DeleteInspectionResponse* resp);

  absl::Status GetFollowUpEvent(const pb::GetFollowUpEventRequest& req,
                                pb::FollowUpEvent* resp);
  absl::Status ListFollowUpEvents(const pb::ListFollowUpEventsRequest& req,
                                  pb::ListFollowUpEventsResponse* resp);
  absl::Status CreateFollowUpEvent(const pb::CreateFollowUpEventRequest& req,
                                   pb::FollowUpEvent* resp);
  absl::Status UpdateFollowUpEvent(const pb::UpdateFollowUpEventRequest& req,
                                   pb::FollowUpEvent* resp);
  absl::Status DeleteFollowUpEvent(const pb::DeleteFollowUpEventRequest& req,
                                   pb::DeleteFollowUpEventResponse* resp);

  absl::Status GetKeyMessage(const pb::GetKeyMessageRequest& req,
                             pb::KeyMessage* resp);
  absl::Status ListKeyMessages(const pb::ListKeyMessagesRequest& req,
                               pb::ListKeyMessagesResponse* resp);
  absl::Status CreateKeyMessage(const pb::CreateKeyMessageRequest& req,
                                pb::KeyMessage* resp);
  absl::Status UpdateKeyMessage(const pb::UpdateKeyMessageRequest& req,
                                pb::KeyMessage* resp);
  absl::Status DeleteKeyMessage(const pb::DeleteKeyMessageRequest& req,
                                pb::DeleteKeyMessageResponse* resp);

  absl::Status ListThemes(const pb::ListThemesRequest& req,
                          pb::ListThemesResponse* resp);
  // Every theme of the vocabulary: ListThemes page after page, merged into
  // one response (without a next_page_token).
  absl::Status ListAllThemes(pb::ListThemesResponse* resp);
  absl::Status ClassifyRecommendation(
      const pb::ClassifyRecommendationRequest& req,
      pb::ClassifyRecommendationResponse* resp);
  absl::Status SetRecommendationTheme(
      const pb::SetRecommendationThemeRequest& req,
      pb::SetRecommendationThemeResponse* resp);
  absl::Status ListThemeOverrides(const pb::ListThemeOverridesRequest& req,
                                  pb::ListThemeOverridesResponse* resp);
  absl::Status ListThemeOverrideHistory(
      const pb::ListThemeOverrideHistoryRequest& req,
      pb::ListThemeOverrideHistoryResponse* resp);
  absl::Status GetSectorSummary(const pb::GetSectorSummaryRequest& req,
                                pb::SectorSummary* resp);
  absl::Status ReconcileSectorSummary(
      const pb::ReconcileSectorSummaryRequest& req,
      pb::SectorReconciliation* resp);
  absl::Status GetThemeTrends(const pb::GetThemeTrendsRequest& req,
                              pb::ThemeTrends* resp);
  absl::Status GetFollowUpStatus(const pb::GetFollowUpStatusRequest& req,
                                 pb::FollowUpStatus* resp);
  absl::Status GetFollowUpAnalytics(const pb::GetFollowUpAnalyticsRequest& req,
                                    pb::FollowUpAnalytics* resp);
  absl::Status GetAuthorityProfile(const pb::GetAuthorityProfileRequest& req,
                                   pb::AuthorityProfile* resp);
  absl::Status CompareConsortia(const pb::CompareConsortiaRequest& req,
                                pb::ConsortiumComparison* resp);

  absl::Status ImportRecords(const pb::ImportRecordsRequest& req,
                             pb::ImportRecordsResponse* resp);
  absl::Status ExportRecords(const pb::ExportRecordsRequest& req,
                             pb::RecordSet* resp);
  // The streaming forms, for record sets of any size (dataset.proto). The
  // deadline is Options::timeout, but at least ten minutes.
  //
  // Exports: `on_part` gets every part in order and returns false to cancel.
  absl::Status ExportRecordsStream(
      const pb::ExportRecordsRequest& req,
      const std::function<bool(const pb::RecordSet&)>& on_part);
  // Imports a record set sent in parts: `send_parts` calls its argument
  // with each part in order (false: the server has ended the call, and
  // the result says why). An error from `send_parts` cancels the import
  // (nothing is kept) and is returned as it is.
  using SendPart = std::function<bool(const pb::ImportRecordsRequest&)>;
  absl::Status ImportRecordsStream(
      const std::function<absl::Status(const SendPart&)>& send_parts,
      pb::ImportRecordsResponse* resp);
  absl::Status ListChanges(const pb::ListChangesRequest& req,
                           pb::ListChangesResponse* resp);
  // Starts watching the sector; the client must outlive the watch.
  std::unique_ptr<SectorWatch> WatchSector(const pb::WatchSectorRequest& req);

  absl::Status GetDatasetInfo(const pb::GetDatasetInfoRequest& req,
                              pb::DatasetInfo* resp);
  // Streams a backup of the database: `on_part` gets every message in order
  // and returns false to cancel. The deadline is Options::timeout, but at
  // least ten minutes.
  absl::Status BackupDatabase(
      const std::function<bool(const pb::BackupDatabaseResponse&)>& on_part);

  absl::Status CreateToken(const pb::CreateTokenRequest& req,
                           pb::CreateTokenResponse* resp);
  absl::Status ListTokens(const pb::ListTokensRequest& req,
                          pb::ListTokensResponse* resp);
  absl::Status RevokeToken(const pb::RevokeTokenRequest& req,
                           pb::TokenInfo* resp);

 private:
  struct Stubs;  // The channel and one stub per service.
  Options options_;
  std::unique_ptr<Stubs> stubs_;
};

}  // namespace lges
