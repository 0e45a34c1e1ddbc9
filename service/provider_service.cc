// estyn.lges.v1.ProviderService.
#include "estyn/lges/v1/providers.grpc.pb.h"
#include "domain/validation.h"
#include "service/resource_support.h"
#include "service/services.h"
#include "service/status_map.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;

class ProviderServiceImpl final : public pb::ProviderService::Service {
 public:
  explicit ProviderServiceImpl(Store& store) : store_(store) {}

  grpc::Status GetProvider(grpc::ServerContext*, const pb::GetProviderRequest* req, pb::Provider* resp) override {
    return ToGrpcStatus(Get(*req, resp));
  }
  grpc::Status ListProviders(grpc::ServerContext*, const pb::ListProvidersRequest* req,
                             pb::ListProvidersResponse* resp) override {
    return ToGrpcStatus(List(*req, resp));
  }
  grpc::Status CreateProvider(grpc::ServerContext* ctx, const pb::CreateProviderRequest* req,
                              pb::Provider* resp) override {
    return ToGrpcStatus(Create(*ctx, *req, resp));
  }
  grpc::Status UpdateProvider(grpc::ServerContext* ctx, const pb::UpdateProviderRequest* req,
                              pb::Provider* resp) override {
    return ToGrpcStatus(Update(*ctx, *req, resp));
  }
  grpc::Status DeleteProvider(grpc::ServerContext* ctx, const pb::DeleteProviderRequest* req,
                              pb::DeleteProviderResponse* resp) override {
    return ToGrpcStatus(Delete(*ctx, *req, resp));
  }

 private:
  absl::Status Get(const pb::GetProviderRequest& req, pb::Provider* resp) {
    LGES_ASSIGN_OR_RETURN(std::string code, IdFromName(req.name(), "providers", "name"));
    LGES_ASSIGN_OR_RETURN(Provider provider, store_.GetProvider(code));
    convert::ToProto(provider, resp);
    return absl::OkStatus();
  }

  absl::Status List(const pb::ListProvidersRequest& req, pb::ListProvidersResponse* resp) {
    Violations violations;
    ProviderFilter filter{convert::KindFromProto(req.kind(), "kind", violations)};
    if (!violations.empty()) return InvalidArgumentError(violations);
    const std::string filter_key = FilterKey(req);
    LGES_ASSIGN_OR_RETURN(PageRequest page, ParsePage(req.page_size(), req.page_token(), filter_key));
    LGES_ASSIGN_OR_RETURN(Page<Provider> result, store_.ListProviders(filter, page));
    for (const Provider& p : result.items) convert::ToProto(p, resp->add_providers());
    resp->set_total_size(result.total);
    resp->set_next_page_token(NextPageToken(page, static_cast<int>(result.items.size()), result.total, filter_key));
    return absl::OkStatus();
  }

  absl::Status Create(const grpc::ServerContext& ctx, const pb::CreateProviderRequest& req, pb::Provider* resp) {
    LGES_RETURN_IF_ERROR(CheckRequestId(req.request_id()));
    LGES_ASSIGN_OR_RETURN(Provider provider, ValidatedFromProto<Provider>(req.provider(), ValidateProvider, "provider"));
    if (provider.kind == ProviderKind::kLocalAuthority) {
      return InvalidFieldError("provider.kind", "the 22 local authorities already exist; update them instead");
    }
    LGES_ASSIGN_OR_RETURN(Provider created,
                          PrefixErrors(store_.CreateProvider(provider, WriteContextFor(ctx, req.request_id(), Fingerprint(req))),
                                       "provider"));
    convert::ToProto(created, resp);
    return absl::OkStatus();
  }

  absl::Status Update(const grpc::ServerContext& ctx, const pb::UpdateProviderRequest& req, pb::Provider* resp) {
    LGES_ASSIGN_OR_RETURN(std::string code, IdFromName(req.provider().name(), "providers", "provider.name"));
    LGES_ASSIGN_OR_RETURN(int64_t revision, ExpectedRevision(req.provider().etag(), "provider.etag"));
    LGES_ASSIGN_OR_RETURN(Provider stored, store_.GetProvider(code));
    LGES_ASSIGN_OR_RETURN(Provider merged, MergedUpdate(stored, req.provider(), req.update_mask(), {"code", "kind"},
                                                        ValidateProvider, "provider"));
    LGES_ASSIGN_OR_RETURN(Provider updated,
                          PrefixErrors(store_.UpdateProvider(merged, revision ? revision : stored.meta.revision,
                                                             WriteContextFor(ctx, "", "")),
                                       "provider"));
    convert::ToProto(updated, resp);
    return absl::OkStatus();
  }

  absl::Status Delete(const grpc::ServerContext& ctx, const pb::DeleteProviderRequest& req,
                      pb::DeleteProviderResponse* resp) {
    LGES_ASSIGN_OR_RETURN(std::string code, IdFromName(req.name(), "providers", "name"));
    LGES_ASSIGN_OR_RETURN(int64_t revision, ExpectedRevision(req.etag(), "etag"));
    LGES_ASSIGN_OR_RETURN(int64_t version, store_.DeleteProvider(code, revision, WriteContextFor(ctx, "", "")));
    resp->set_dataset_version(version);
    return absl::OkStatus();
  }

  Store& store_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeProviderService(Store& store) {
  return std::make_unique<ProviderServiceImpl>(store);
}

}  // namespace lges
