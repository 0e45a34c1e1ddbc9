// estyn.lges.v1.InspectionService.
#include "domain/validation.h"
#include "estyn/lges/v1/inspections.grpc.pb.h"
#include "service/resource_support.h"
#include "service/serve.h"
#include "service/services.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;

struct InspectionTraits {
  using Record = Inspection;
  using Proto = pb::Inspection;
  using Filter = InspectionFilter;
  static constexpr const char* kCollection = "inspections";
  static constexpr const char* kField = "inspection";
  static std::vector<std::string> Immutable() { return {"provider_code"}; }
  static constexpr auto kValidate = ValidateInspection;
  static constexpr auto kGet = &Store::GetInspection;
  static constexpr auto kList = &Store::ListInspections;
  static constexpr auto kCreate = &Store::CreateInspection;
  static constexpr auto kUpdate = &Store::UpdateInspection;
  static constexpr auto kDelete = &Store::DeleteInspection;
  static void SetId(Record& record, const std::string& id) { record.id = id; }

  static absl::StatusOr<Filter> FilterOf(
      const pb::ListInspectionsRequest& req) {
    Violations violations;
    Filter filter;
    LGES_ASSIGN_OR_RETURN(
        filter.provider_code,
        convert::ProviderCodeFrom(req.provider_code(), "provider_code"));
    filter.academic_year_from = req.academic_year_from();
    filter.academic_year_to = req.academic_year_to();
    filter.framework =
        convert::FrameworkFromProto(req.framework(), "framework", violations);
    filter.causing_significant_concern_only =
        req.causing_significant_concern_only();
    for (FieldViolation& v :
         ValidateOpenYearRange(req.academic_year_from(), req.academic_year_to(),
                               "academic_year_from", "academic_year_to"))
      violations.push_back(std::move(v));
    LGES_RETURN_IF_ERROR(StatusOf(violations));
    return filter;
  }
  static auto* Items(pb::ListInspectionsResponse* resp) {
    return resp->mutable_inspections();
  }
  static const Proto& Resource(const pb::CreateInspectionRequest& req) {
    return req.inspection();
  }
  // The id the creator asked for; without one, the store picks the default.
  static absl::Status ForCreate(const pb::CreateInspectionRequest& req,
                                Record& inspection) {
    if (!req.inspection_id().empty() &&
        !IsValidInspectionId(req.inspection_id())) {
      return InvalidFieldError("inspection_id",
                               "must be 3-63 characters of A-Z, a-z, 0-9 and "
                               "'-', starting with a letter");
    }
    inspection.id = req.inspection_id();
    return absl::OkStatus();
  }
};

class InspectionServiceImpl final : public pb::InspectionService::Service {
 public:
  InspectionServiceImpl(Store& store, const Authorizer& auth)
      : store_(store), serve_(auth, "estyn.lges.v1.InspectionService") {}

  grpc::Status GetInspection(grpc::ServerContext* ctx,
                             const pb::GetInspectionRequest* req,
                             pb::Inspection* resp) override {
    return serve_(*ctx, __func__, [&](const Identity&) {
      return GetResource<InspectionTraits>(store_, req->name(), resp);
    });
  }
  grpc::Status ListInspections(grpc::ServerContext* ctx,
                               const pb::ListInspectionsRequest* req,
                               pb::ListInspectionsResponse* resp) override {
    return serve_(*ctx, __func__, [&](const Identity&) {
      return ListResource<InspectionTraits>(store_, *req, resp);
    });
  }
  grpc::Status CreateInspection(grpc::ServerContext* ctx,
                                const pb::CreateInspectionRequest* req,
                                pb::Inspection* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return CreateResource<InspectionTraits>(store_, who, *req, resp);
    });
  }
  grpc::Status UpdateInspection(grpc::ServerContext* ctx,
                                const pb::UpdateInspectionRequest* req,
                                pb::Inspection* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return UpdateResource<InspectionTraits>(store_, who, req->inspection(),
                                              req->update_mask(), resp);
    });
  }
  grpc::Status DeleteInspection(grpc::ServerContext* ctx,
                                const pb::DeleteInspectionRequest* req,
                                pb::DeleteInspectionResponse* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return DeleteResource<InspectionTraits>(store_, who, req->name(),
                                              req->etag(), resp);
    });
  }

 private:
  Store& store_;
  const RpcFrame serve_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeInspectionService(Store& store,
                                                     const Authorizer& auth) {
  return std::make_unique<InspectionServiceImpl>(store, auth);
}

}  // namespace lges
