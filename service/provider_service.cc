// estyn.lges.v1.ProviderService.
#include "domain/validation.h"
#include "estyn/lges/v1/providers.grpc.pb.h"
#include "service/resource_support.h"
#include "service/services.h"
#include "service/status_map.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;

struct ProviderTraits {
  using Record = Provider;
  using Proto = pb::Provider;
  static constexpr const char* kCollection = "providers";
  static constexpr const char* kField = "provider";
  static std::vector<std::string> Immutable() { return {"code", "kind"}; }
  static constexpr auto kValidate = ValidateProvider;
  static constexpr auto kGet = &Store::GetProvider;
  static constexpr auto kUpdate = &Store::UpdateProvider;
  static constexpr auto kDelete = &Store::DeleteProvider;
  static void SetId(Record& record, const std::string& id) { record.code = id; }
};

class ProviderServiceImpl final : public pb::ProviderService::Service {
 public:
  explicit ProviderServiceImpl(Store& store) : store_(store) {}

  grpc::Status GetProvider(grpc::ServerContext*,
                           const pb::GetProviderRequest* req,
                           pb::Provider* resp) override {
    return ToGrpcStatus(GetResource<ProviderTraits>(store_, req->name(), resp));
  }
  grpc::Status ListProviders(grpc::ServerContext*,
                             const pb::ListProvidersRequest* req,
                             pb::ListProvidersResponse* resp) override {
    return ToGrpcStatus(List(*req, resp));
  }
  grpc::Status CreateProvider(grpc::ServerContext* ctx,
                              const pb::CreateProviderRequest* req,
                              pb::Provider* resp) override {
    return ToGrpcStatus(Create(*ctx, *req, resp));
  }
  grpc::Status UpdateProvider(grpc::ServerContext* ctx,
                              const pb::UpdateProviderRequest* req,
                              pb::Provider* resp) override {
    return ToGrpcStatus(UpdateResource<ProviderTraits>(
        store_, *ctx, req->provider(), req->update_mask(), resp));
  }
  grpc::Status DeleteProvider(grpc::ServerContext* ctx,
                              const pb::DeleteProviderRequest* req,
                              pb::DeleteProviderResponse* resp) override {
    absl::StatusOr<int64_t> version =
        DeleteResource<ProviderTraits>(store_, *ctx, req->name(), req->etag());
    if (version.ok()) resp->set_dataset_version(*version);
    return ToGrpcStatus(version.status());
  }

 private:
  absl::Status List(const pb::ListProvidersRequest& req,
                    pb::ListProvidersResponse* resp) {
    Violations violations;
    ProviderFilter filter{
        convert::KindFromProto(req.kind(), "kind", violations)};
    if (!violations.empty()) return InvalidArgumentError(violations);
    const std::string filter_key = FilterKey(req);
    LGES_ASSIGN_OR_RETURN(
        PageRequest page,
        ParsePage(req.page_size(), req.page_token(), filter_key));
    LGES_ASSIGN_OR_RETURN(Page<Provider> result,
                          store_.ListProviders(filter, page));
    for (const Provider& p : result.items)
      convert::ToProto(p, resp->add_providers());
    resp->set_total_size(result.total);
    resp->set_next_page_token(NextPageToken(
        page, static_cast<int>(result.items.size()), result.total, filter_key));
    return absl::OkStatus();
  }

  absl::Status Create(const grpc::ServerContext& ctx,
                      const pb::CreateProviderRequest& req,
                      pb::Provider* resp) {
    LGES_RETURN_IF_ERROR(CheckRequestId(req.request_id()));
    LGES_ASSIGN_OR_RETURN(Provider provider,
                          ValidatedFromProto<Provider>(
                              req.provider(), ValidateProvider, "provider"));
    if (provider.kind == ProviderKind::kLocalAuthority) {
      return InvalidFieldError(
          "provider.kind",
          "the 22 local authorities already exist; update them instead");
    }
    LGES_ASSIGN_OR_RETURN(
        Provider created,
        PrefixErrors(store_.CreateProvider(
                         provider, WriteContextFor(ctx, req.request_id(),
                                                   Fingerprint(req))),
                     "provider"));
    convert::ToProto(created, resp);
    return absl::OkStatus();
  }

  Store& store_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeProviderService(Store& store) {
  return std::make_unique<ProviderServiceImpl>(store);
}

}  // namespace lges
