// estyn.lges.v1.FollowUpService.
#include "domain/validation.h"
#include "estyn/lges/v1/follow_up.grpc.pb.h"
#include "service/resource_support.h"
#include "service/serve.h"
#include "service/services.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;

struct FollowUpTraits {
  using Record = FollowUpEvent;
  using Proto = pb::FollowUpEvent;
  using Filter = FollowUpFilter;
  static constexpr const char* kCollection = "followUpEvents";
  static constexpr const char* kField = "follow_up_event";
  static std::vector<std::string> Immutable() { return {}; }
  static constexpr auto kValidate = ValidateFollowUpEvent;
  static constexpr auto kGet = &Store::GetFollowUpEvent;
  static constexpr auto kList = &Store::ListFollowUpEvents;
  static constexpr auto kCreate = &Store::CreateFollowUpEvent;
  static constexpr auto kUpdate = &Store::UpdateFollowUpEvent;
  static constexpr auto kDelete = &Store::DeleteFollowUpEvent;
  static void SetId(Record& record, const std::string& id) { record.id = id; }

  static absl::StatusOr<Filter> FilterOf(
      const pb::ListFollowUpEventsRequest& req) {
    Violations violations;
    Filter filter;
    LGES_ASSIGN_OR_RETURN(
        filter.provider_code,
        convert::ProviderCodeFrom(req.provider_code(), "provider_code"));
    filter.kind =
        convert::FollowUpKindFromProto(req.kind(), "kind", violations);
    LGES_RETURN_IF_ERROR(StatusOf(violations));
    if (!req.inspection().empty()) {
      LGES_ASSIGN_OR_RETURN(
          filter.inspection_id,
          convert::IdFromName(req.inspection(), "inspections", "inspection"));
    }
    return filter;
  }
  static auto* Items(pb::ListFollowUpEventsResponse* resp) {
    return resp->mutable_follow_up_events();
  }
  static const Proto& Resource(const pb::CreateFollowUpEventRequest& req) {
    return req.follow_up_event();
  }
  // Ids are numbers the store gives.
  static absl::Status ForCreate(const pb::CreateFollowUpEventRequest&,
                                const Record&) {
    return absl::OkStatus();
  }
};

class FollowUpServiceImpl final : public pb::FollowUpService::Service {
 public:
  FollowUpServiceImpl(Store& store, const Authorizer& auth)
      : store_(store), serve_(auth, "estyn.lges.v1.FollowUpService") {}

  grpc::Status GetFollowUpEvent(grpc::ServerContext* ctx,
                                const pb::GetFollowUpEventRequest* req,
                                pb::FollowUpEvent* resp) override {
    return serve_(*ctx, __func__, [&](const Identity&) {
      return GetResource<FollowUpTraits>(store_, req->name(), resp);
    });
  }
  grpc::Status ListFollowUpEvents(
      grpc::ServerContext* ctx, const pb::ListFollowUpEventsRequest* req,
      pb::ListFollowUpEventsResponse* resp) override {
    return serve_(*ctx, __func__, [&](const Identity&) {
      return ListResource<FollowUpTraits>(store_, *req, resp);
    });
  }
  grpc::Status CreateFollowUpEvent(grpc::ServerContext* ctx,
                                   const pb::CreateFollowUpEventRequest* req,
                                   pb::FollowUpEvent* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return CreateResource<FollowUpTraits>(store_, who, *req, resp);
    });
  }
  grpc::Status UpdateFollowUpEvent(grpc::ServerContext* ctx,
                                   const pb::UpdateFollowUpEventRequest* req,
                                   pb::FollowUpEvent* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return UpdateResource<FollowUpTraits>(store_, who, req->follow_up_event(),
                                            req->update_mask(), resp);
    });
  }
  grpc::Status DeleteFollowUpEvent(
      grpc::ServerContext* ctx, const pb::DeleteFollowUpEventRequest* req,
      pb::DeleteFollowUpEventResponse* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return DeleteResource<FollowUpTraits>(store_, who, req->name(),
                                            req->etag(), resp);
    });
  }

 private:
  Store& store_;
  const RpcFrame serve_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeFollowUpService(Store& store,
                                                   const Authorizer& auth) {
  return std::make_unique<FollowUpServiceImpl>(store, auth);
}

}  // namespace lges
