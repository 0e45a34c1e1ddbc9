// estyn.lges.v1.KeyMessageService.
#include "domain/validation.h"
#include "estyn/lges/v1/key_messages.grpc.pb.h"
#include "service/resource_support.h"
#include "service/services.h"
#include "service/status_map.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;

struct KeyMessageTraits {
  using Record = KeyMessage;
  using Proto = pb::KeyMessage;
  static constexpr const char* kCollection = "keyMessages";
  static constexpr const char* kField = "key_message";
  static std::vector<std::string> Immutable() { return {}; }
  static constexpr auto kValidate = ValidateKeyMessage;
  static constexpr auto kGet = &Store::GetKeyMessage;
  static constexpr auto kUpdate = &Store::UpdateKeyMessage;
  static constexpr auto kDelete = &Store::DeleteKeyMessage;
  static void SetId(Record& record, const std::string& id) { record.id = id; }
};

class KeyMessageServiceImpl final : public pb::KeyMessageService::Service {
 public:
  explicit KeyMessageServiceImpl(Store& store) : store_(store) {}

  grpc::Status GetKeyMessage(grpc::ServerContext*,
                             const pb::GetKeyMessageRequest* req,
                             pb::KeyMessage* resp) override {
    return ToGrpcStatus(
        GetResource<KeyMessageTraits>(store_, req->name(), resp));
  }
  grpc::Status ListKeyMessages(grpc::ServerContext*,
                               const pb::ListKeyMessagesRequest* req,
                               pb::ListKeyMessagesResponse* resp) override {
    return ToGrpcStatus(List(*req, resp));
  }
  grpc::Status CreateKeyMessage(grpc::ServerContext* ctx,
                                const pb::CreateKeyMessageRequest* req,
                                pb::KeyMessage* resp) override {
    return ToGrpcStatus(Create(*ctx, *req, resp));
  }
  grpc::Status UpdateKeyMessage(grpc::ServerContext* ctx,
                                const pb::UpdateKeyMessageRequest* req,
                                pb::KeyMessage* resp) override {
    return ToGrpcStatus(UpdateResource<KeyMessageTraits>(
        store_, *ctx, req->key_message(), req->update_mask(), resp));
  }
  grpc::Status DeleteKeyMessage(grpc::ServerContext* ctx,
                                const pb::DeleteKeyMessageRequest* req,
                                pb::DeleteKeyMessageResponse* resp) override {
    absl::StatusOr<int64_t> version = DeleteResource<KeyMessageTraits>(
        store_, *ctx, req->name(), req->etag());
    if (version.ok()) resp->set_dataset_version(*version);
    return ToGrpcStatus(version.status());
  }

 private:
  absl::Status List(const pb::ListKeyMessagesRequest& req,
                    pb::ListKeyMessagesResponse* resp) {
    Violations violations;
    KeyMessageFilter filter;
    filter.academic_year = req.academic_year();
    filter.polarity =
        convert::PolarityFromProto(req.polarity(), "polarity", violations);
    if (!violations.empty()) return InvalidArgumentError(violations);
    const std::string filter_key = FilterKey(req);
    LGES_ASSIGN_OR_RETURN(
        PageRequest page,
        ParsePage(req.page_size(), req.page_token(), filter_key));
    LGES_ASSIGN_OR_RETURN(Page<KeyMessage> result,
                          store_.ListKeyMessages(filter, page));
    for (const KeyMessage& e : result.items)
      convert::ToProto(e, resp->add_key_messages());
    resp->set_total_size(result.total);
    resp->set_next_page_token(NextPageToken(
        page, static_cast<int>(result.items.size()), result.total, filter_key));
    return absl::OkStatus();
  }

  absl::Status Create(const grpc::ServerContext& ctx,
                      const pb::CreateKeyMessageRequest& req,
                      pb::KeyMessage* resp) {
    LGES_RETURN_IF_ERROR(CheckRequestId(req.request_id()));
    LGES_ASSIGN_OR_RETURN(
        KeyMessage message,
        ValidatedFromProto<KeyMessage>(req.key_message(), ValidateKeyMessage,
                                       "key_message"));
    LGES_ASSIGN_OR_RETURN(
        KeyMessage created,
        PrefixErrors(store_.CreateKeyMessage(
                         message, WriteContextFor(ctx, req.request_id(),
                                                  Fingerprint(req))),
                     "key_message"));
    convert::ToProto(created, resp);
    return absl::OkStatus();
  }

  Store& store_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeKeyMessageService(Store& store) {
  return std::make_unique<KeyMessageServiceImpl>(store);
}

}  // namespace lges
