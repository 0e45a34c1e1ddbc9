// estyn.lges.v1.FollowUpService.
#include "domain/validation.h"
#include "estyn/lges/v1/follow_up.grpc.pb.h"
#include "service/resource_support.h"
#include "service/services.h"
#include "service/status_map.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;

struct FollowUpTraits {
  using Record = FollowUpEvent;
  using Proto = pb::FollowUpEvent;
  static constexpr const char* kCollection = "followUpEvents";
  static constexpr const char* kField = "follow_up_event";
  static std::vector<std::string> Immutable() { return {}; }
  static constexpr auto kValidate = ValidateFollowUpEvent;
  static constexpr auto kGet = &Store::GetFollowUpEvent;
  static constexpr auto kUpdate = &Store::UpdateFollowUpEvent;
  static constexpr auto kDelete = &Store::DeleteFollowUpEvent;
  static void SetId(Record& record, const std::string& id) { record.id = id; }
};

class FollowUpServiceImpl final : public pb::FollowUpService::Service {
 public:
  explicit FollowUpServiceImpl(Store& store) : store_(store) {}

  grpc::Status GetFollowUpEvent(grpc::ServerContext*,
                                const pb::GetFollowUpEventRequest* req,
                                pb::FollowUpEvent* resp) override {
    return ToGrpcStatus(GetResource<FollowUpTraits>(store_, req->name(), resp));
  }
  grpc::Status ListFollowUpEvents(
      grpc::ServerContext*, const pb::ListFollowUpEventsRequest* req,
      pb::ListFollowUpEventsResponse* resp) override {
    return ToGrpcStatus(List(*req, resp));
  }
  grpc::Status CreateFollowUpEvent(grpc::ServerContext* ctx,
                                   const pb::CreateFollowUpEventRequest* req,
                                   pb::FollowUpEvent* resp) override {
    return ToGrpcStatus(Create(*ctx, *req, resp));
  }
  grpc::Status UpdateFollowUpEvent(grpc::ServerContext* ctx,
                                   const pb::UpdateFollowUpEventRequest* req,
                                   pb::FollowUpEvent* resp) override {
    return ToGrpcStatus(UpdateResource<FollowUpTraits>(
        store_, *ctx, req->follow_up_event(), req->update_mask(), resp));
  }
  grpc::Status DeleteFollowUpEvent(
      grpc::ServerContext* ctx, const pb::DeleteFollowUpEventRequest* req,
      pb::DeleteFollowUpEventResponse* resp) override {
    absl::StatusOr<int64_t> version =
        DeleteResource<FollowUpTraits>(store_, *ctx, req->name(), req->etag());
    if (version.ok()) resp->set_dataset_version(*version);
    return ToGrpcStatus(version.status());
  }

 private:
  absl::Status List(const pb::ListFollowUpEventsRequest& req,
                    pb::ListFollowUpEventsResponse* resp) {
    Violations violations;
    FollowUpFilter filter;
    filter.provider_code = req.provider_code();
    filter.kind =
        convert::FollowUpKindFromProto(req.kind(), "kind", violations);
    if (!violations.empty()) return InvalidArgumentError(violations);
    if (!req.inspection().empty()) {
      LGES_ASSIGN_OR_RETURN(
          filter.inspection_id,
          IdFromName(req.inspection(), "inspections", "inspection"));
    }
    const std::string filter_key = FilterKey(req);
    LGES_ASSIGN_OR_RETURN(
        PageRequest page,
        ParsePage(req.page_size(), req.page_token(), filter_key));
    LGES_ASSIGN_OR_RETURN(Page<FollowUpEvent> result,
                          store_.ListFollowUpEvents(filter, page));
    for (const FollowUpEvent& e : result.items)
      convert::ToProto(e, resp->add_follow_up_events());
    resp->set_total_size(result.total);
    resp->set_next_page_token(NextPageToken(
        page, static_cast<int>(result.items.size()), result.total, filter_key));
    return absl::OkStatus();
  }

  absl::Status Create(const grpc::ServerContext& ctx,
                      const pb::CreateFollowUpEventRequest& req,
                      pb::FollowUpEvent* resp) {
    LGES_RETURN_IF_ERROR(CheckRequestId(req.request_id()));
    LGES_ASSIGN_OR_RETURN(
        FollowUpEvent event,
        ValidatedFromProto<FollowUpEvent>(
            req.follow_up_event(), ValidateFollowUpEvent, "follow_up_event"));
    LGES_ASSIGN_OR_RETURN(
        FollowUpEvent created,
        PrefixErrors(store_.CreateFollowUpEvent(
                         event, WriteContextFor(ctx, req.request_id(),
                                                Fingerprint(req))),
                     "follow_up_event"));
    convert::ToProto(created, resp);
    return absl::OkStatus();
  }

  Store& store_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeFollowUpService(Store& store) {
  return std::make_unique<FollowUpServiceImpl>(store);
}

}  // namespace lges
