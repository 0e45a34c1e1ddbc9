// estyn.lges.v1.ProviderService.
#include "domain/validation.h"
#include "estyn/lges/v1/providers.grpc.pb.h"
#include "service/resource_support.h"
#include "service/serve.h"
#include "service/services.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;

struct ProviderTraits {
  using Record = Provider;
  using Proto = pb::Provider;
  using Filter = ProviderFilter;
  static constexpr const char* kCollection = "providers";
  static constexpr const char* kField = "provider";
  static std::vector<std::string> Immutable() { return {"code", "kind"}; }
  static constexpr auto kValidate = ValidateProvider;
  static constexpr auto kGet = &Store::GetProvider;
  static constexpr auto kList = &Store::ListProviders;
  static constexpr auto kCreate = &Store::CreateProvider;
  static constexpr auto kUpdate = &Store::UpdateProvider;
  static constexpr auto kDelete = &Store::DeleteProvider;
  static void SetId(Record& record, const std::string& id) { record.code = id; }

  static absl::StatusOr<Filter> FilterOf(const pb::ListProvidersRequest& req) {
    Violations violations;
    Filter filter{convert::KindFromProto(req.kind(), "kind", violations)};
    LGES_RETURN_IF_ERROR(StatusOf(violations));
    return filter;
  }
  static auto* Items(pb::ListProvidersResponse* resp) {
    return resp->mutable_providers();
  }
  static const Proto& Resource(const pb::CreateProviderRequest& req) {
    return req.provider();
  }
  // The 22 local authorities exist from the first start.
  static absl::Status ForCreate(const pb::CreateProviderRequest&,
                                const Record& provider) {
    if (provider.kind != ProviderKind::kLocalAuthority) return absl::OkStatus();
    return InvalidFieldError(
        "provider.kind",
        "the 22 local authorities already exist; update them instead");
  }
};

class ProviderServiceImpl final : public pb::ProviderService::Service {
 public:
  ProviderServiceImpl(Store& store, const Authorizer& auth)
      : store_(store), serve_(auth, "estyn.lges.v1.ProviderService") {}

  grpc::Status GetProvider(grpc::ServerContext* ctx,
                           const pb::GetProviderRequest* req,
                           pb::Provider* resp) override {
    return serve_(*ctx, __func__, [&](const Identity&) {
      return GetResource<ProviderTraits>(store_, req->name(), resp);
    });
  }
  grpc::Status ListProviders(grpc::ServerContext* ctx,
                             const pb::ListProvidersRequest* req,
                             pb::ListProvidersResponse* resp) override {
    return serve_(*ctx, __func__, [&](const Identity&) {
      return ListResource<ProviderTraits>(store_, *req, resp);
    });
  }
  grpc::Status CreateProvider(grpc::ServerContext* ctx,
                              const pb::CreateProviderRequest* req,
                              pb::Provider* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return CreateResource<ProviderTraits>(store_, who, *req, resp);
    });
  }
  grpc::Status UpdateProvider(grpc::ServerContext* ctx,
                              const pb::UpdateProviderRequest* req,
                              pb::Provider* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return UpdateResource<ProviderTraits>(store_, who, req->provider(),
                                            req->update_mask(), resp);
    });
  }
  grpc::Status DeleteProvider(grpc::ServerContext* ctx,
                              const pb::DeleteProviderRequest* req,
                              pb::DeleteProviderResponse* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return DeleteResource<ProviderTraits>(store_, who, req->name(),
                                            req->etag(), resp);
    });
  }

 private:
  Store& store_;
  const RpcFrame serve_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeProviderService(Store& store,
                                                   const Authorizer& auth) {
  return std::make_unique<ProviderServiceImpl>(store, auth);
}

}  // namespace lges
