// estyn.lges.v1.InspectionService.
#include <cstdio>

#include "domain/validation.h"
#include "estyn/lges/v1/inspections.grpc.pb.h"
#include "service/resource_support.h"
#include "service/services.h"
#include "service/status_map.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;

// "<provider>-<yyyy>-<mm>" from the start date's first possible day.
std::string DefaultInspectionId(const Inspection& in) {
  const CivilDay first = in.start_date.Earliest();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s-%04d-%02d", in.provider_code.c_str(),
                first.year, first.month);
  return buf;
}

struct InspectionTraits {
  using Record = Inspection;
  using Proto = pb::Inspection;
  static constexpr const char* kCollection = "inspections";
  static constexpr const char* kField = "inspection";
  static std::vector<std::string> Immutable() { return {"provider_code"}; }
  static constexpr auto kValidate = ValidateInspection;
  static constexpr auto kGet = &Store::GetInspection;
  static constexpr auto kUpdate = &Store::UpdateInspection;
  static constexpr auto kDelete = &Store::DeleteInspection;
  static void SetId(Record& record, const std::string& id) { record.id = id; }
};

class InspectionServiceImpl final : public pb::InspectionService::Service {
 public:
  explicit InspectionServiceImpl(Store& store) : store_(store) {}

  grpc::Status GetInspection(grpc::ServerContext*,
                             const pb::GetInspectionRequest* req,
                             pb::Inspection* resp) override {
    return ToGrpcStatus(
        GetResource<InspectionTraits>(store_, req->name(), resp));
  }
  grpc::Status ListInspections(grpc::ServerContext*,
                               const pb::ListInspectionsRequest* req,
                               pb::ListInspectionsResponse* resp) override {
    return ToGrpcStatus(List(*req, resp));
  }
  grpc::Status CreateInspection(grpc::ServerContext* ctx,
                                const pb::CreateInspectionRequest* req,
                                pb::Inspection* resp) override {
    return ToGrpcStatus(Create(*ctx, *req, resp));
  }
  grpc::Status UpdateInspection(grpc::ServerContext* ctx,
                                const pb::UpdateInspectionRequest* req,
                                pb::Inspection* resp) override {
    return ToGrpcStatus(UpdateResource<InspectionTraits>(
        store_, *ctx, req->inspection(), req->update_mask(), resp));
  }
  grpc::Status DeleteInspection(grpc::ServerContext* ctx,
                                const pb::DeleteInspectionRequest* req,
                                pb::DeleteInspectionResponse* resp) override {
    absl::StatusOr<int64_t> version = DeleteResource<InspectionTraits>(
        store_, *ctx, req->name(), req->etag());
    if (version.ok()) resp->set_dataset_version(*version);
    return ToGrpcStatus(version.status());
  }

 private:
  absl::Status List(const pb::ListInspectionsRequest& req,
                    pb::ListInspectionsResponse* resp) {
    Violations violations;
    InspectionFilter filter;
    filter.provider_code = req.provider_code();
    filter.academic_year_from = req.academic_year_from();
    filter.academic_year_to = req.academic_year_to();
    filter.framework =
        convert::FrameworkFromProto(req.framework(), "framework", violations);
    filter.causing_significant_concern_only =
        req.causing_significant_concern_only();
    if (filter.academic_year_to != 0 &&
        filter.academic_year_to < filter.academic_year_from) {
      violations.push_back(
          {"academic_year_to", "must not be before academic_year_from"});
    }
    if (!violations.empty()) return InvalidArgumentError(violations);
    const std::string filter_key = FilterKey(req);
    LGES_ASSIGN_OR_RETURN(
        PageRequest page,
        ParsePage(req.page_size(), req.page_token(), filter_key));
    LGES_ASSIGN_OR_RETURN(Page<Inspection> result,
                          store_.ListInspections(filter, page));
    for (const Inspection& in : result.items)
      convert::ToProto(in, resp->add_inspections());
    resp->set_total_size(result.total);
    resp->set_next_page_token(NextPageToken(
        page, static_cast<int>(result.items.size()), result.total, filter_key));
    return absl::OkStatus();
  }

  // The requested id, or the first free default id.
  absl::StatusOr<std::string> ChooseId(const pb::CreateInspectionRequest& req,
                                       const Inspection& in) {
    if (!req.inspection_id().empty()) {
      if (!IsValidInspectionId(req.inspection_id())) {
        return InvalidFieldError("inspection_id",
                                 "must be 3-63 characters of A-Z, a-z, 0-9 and "
                                 "'-', starting with a letter");
      }
      return req.inspection_id();
    }
    const std::string base = DefaultInspectionId(in);
    for (int n = 1; n <= 50; ++n) {
      std::string candidate = n == 1 ? base : base + "-" + std::to_string(n);
      LGES_ASSIGN_OR_RETURN(bool taken, store_.InspectionExists(candidate));
      if (!taken) return candidate;
    }
    return absl::AlreadyExistsError("no free inspection id after " + base +
                                    "-50; give inspection_id");
  }

  absl::Status Create(const grpc::ServerContext& ctx,
                      const pb::CreateInspectionRequest& req,
                      pb::Inspection* resp) {
    LGES_RETURN_IF_ERROR(CheckRequestId(req.request_id()));
    LGES_ASSIGN_OR_RETURN(
        Inspection inspection,
        ValidatedFromProto<Inspection>(req.inspection(), ValidateInspection,
                                       "inspection"));
    LGES_ASSIGN_OR_RETURN(inspection.id, ChooseId(req, inspection));
    LGES_ASSIGN_OR_RETURN(
        Inspection created,
        PrefixErrors(store_.CreateInspection(
                         inspection, WriteContextFor(ctx, req.request_id(),
                                                     Fingerprint(req))),
                     "inspection"));
    convert::ToProto(created, resp);
    return absl::OkStatus();
  }

  Store& store_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeInspectionService(Store& store) {
  return std::make_unique<InspectionServiceImpl>(store);
}

}  // namespace lges
