// estyn.lges.v1.KeyMessageService.
#include "domain/validation.h"
#include "estyn/lges/v1/key_messages.grpc.pb.h"
#include "service/resource_support.h"
#include "service/serve.h"
#include "service/services.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;

struct KeyMessageTraits {
  using Record = KeyMessage;
  using Proto = pb::KeyMessage;
  using Filter = KeyMessageFilter;
  static constexpr const char* kCollection = "keyMessages";
  static constexpr const char* kField = "key_message";
  static std::vector<std::string> Immutable() { return {}; }
  static constexpr auto kValidate = ValidateKeyMessage;
  static constexpr auto kGet = &Store::GetKeyMessage;
  static constexpr auto kList = &Store::ListKeyMessages;
  static constexpr auto kCreate = &Store::CreateKeyMessage;
  static constexpr auto kUpdate = &Store::UpdateKeyMessage;
  static constexpr auto kDelete = &Store::DeleteKeyMessage;
  static void SetId(Record& record, const std::string& id) { record.id = id; }

  static absl::StatusOr<Filter> FilterOf(
      const pb::ListKeyMessagesRequest& req) {
    Violations violations;
    Filter filter;
    filter.academic_year = req.academic_year();
    filter.polarity =
        convert::PolarityFromProto(req.polarity(), "polarity", violations);
    LGES_RETURN_IF_ERROR(StatusOf(violations));
    return filter;
  }
  static auto* Items(pb::ListKeyMessagesResponse* resp) {
    return resp->mutable_key_messages();
  }
  static const Proto& Resource(const pb::CreateKeyMessageRequest& req) {
    return req.key_message();
  }
  // Ids are numbers the store gives.
  static absl::Status ForCreate(const pb::CreateKeyMessageRequest&,
                                const Record&) {
    return absl::OkStatus();
  }
};

class KeyMessageServiceImpl final : public pb::KeyMessageService::Service {
 public:
  KeyMessageServiceImpl(Store& store, const Authorizer& auth)
      : store_(store), serve_(auth, "estyn.lges.v1.KeyMessageService") {}

  grpc::Status GetKeyMessage(grpc::ServerContext* ctx,
                             const pb::GetKeyMessageRequest* req,
                             pb::KeyMessage* resp) override {
    return serve_(*ctx, __func__, [&](const Identity&) {
      return GetResource<KeyMessageTraits>(store_, req->name(), resp);
    });
  }
  grpc::Status ListKeyMessages(grpc::ServerContext* ctx,
                               const pb::ListKeyMessagesRequest* req,
                               pb::ListKeyMessagesResponse* resp) override {
    return serve_(*ctx, __func__, [&](const Identity&) {
      return ListResource<KeyMessageTraits>(store_, *req, resp);
    });
  }
  grpc::Status CreateKeyMessage(grpc::ServerContext* ctx,
                                const pb::CreateKeyMessageRequest* req,
                                pb::KeyMessage* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return CreateResource<KeyMessageTraits>(store_, who, *req, resp);
    });
  }
  grpc::Status UpdateKeyMessage(grpc::ServerContext* ctx,
                                const pb::UpdateKeyMessageRequest* req,
                                pb::KeyMessage* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return UpdateResource<KeyMessageTraits>(store_, who, req->key_message(),
                                              req->update_mask(), resp);
    });
  }
  grpc::Status DeleteKeyMessage(grpc::ServerContext* ctx,
                                const pb::DeleteKeyMessageRequest* req,
                                pb::DeleteKeyMessageResponse* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return DeleteResource<KeyMessageTraits>(store_, who, req->name(),
                                              req->etag(), resp);
    });
  }

 private:
  Store& store_;
  const RpcFrame serve_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeKeyMessageService(Store& store,
                                                     const Authorizer& auth) {
  return std::make_unique<KeyMessageServiceImpl>(store, auth);
}

}  // namespace lges
