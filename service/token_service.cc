// estyn.lges.v1.TokenService: admins create, list and revoke credentials.
#include "convert/convert.h"
#include "domain/errors.h"
#include "estyn/lges/v1/tokens.grpc.pb.h"
#include "service/request_support.h"
#include "service/serve.h"
#include "service/services.h"
#include "service/tokens.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;

class TokenServiceImpl final : public pb::TokenService::Service {
 public:
  TokenServiceImpl(CredentialStore& credentials, const Authorizer& auth)
      : credentials_(credentials), serve_(auth, "estyn.lges.v1.TokenService") {}

  grpc::Status CreateToken(grpc::ServerContext* ctx,
                           const pb::CreateTokenRequest* req,
                           pb::CreateTokenResponse* resp) override {
    return serve_(*ctx, __func__,
                  [&](const Identity& who) { return Create(who, *req, resp); });
  }
  grpc::Status ListTokens(grpc::ServerContext* ctx,
                          const pb::ListTokensRequest* req,
                          pb::ListTokensResponse* resp) override {
    return serve_(*ctx, __func__,
                  [&](const Identity&) { return List(*req, resp); });
  }
  grpc::Status RevokeToken(grpc::ServerContext* ctx,
                           const pb::RevokeTokenRequest* req,
                           pb::TokenInfo* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return Revoke(who, req->name(), resp);
    });
  }

 private:
  absl::Status Create(const Identity& who, const pb::CreateTokenRequest& req,
                      pb::CreateTokenResponse* resp) {
    Violations v;
    if (!IsValidCredentialName(req.name()))
      v.push_back({"name",
                   "must be 1-100 characters of a-z, A-Z, 0-9, '.', '-', '_' "
                   "and '@'"});
    if (req.role() < pb::ROLE_READER || req.role() > pb::ROLE_ADMIN)
      v.push_back({"role", "must be ROLE_READER, ROLE_EDITOR or ROLE_ADMIN"});
    if (!v.empty()) return InvalidArgumentError(v);
    std::optional<std::string> token = NewToken();
    if (!token) return absl::UnavailableError("no randomness for a token");
    LGES_ASSIGN_OR_RETURN(
        Credential created,
        credentials_.CreateCredential(req.name(), static_cast<Role>(req.role()),
                                      TokenHash(*token)));
    log::Info("credential_created", "credential created",
              {{"identity", who.name},
               {"credential", created.name},
               {"role", RoleName(created.role)}});
    convert::ToProto(created, resp->mutable_token_info());
    resp->set_token(*token);
    return absl::OkStatus();
  }

  absl::Status List(const pb::ListTokensRequest& req,
                    pb::ListTokensResponse* resp) {
    LGES_ASSIGN_OR_RETURN(std::vector<Credential> all,
                          credentials_.ListCredentials());
    return PageOfList(all, req, resp, [resp](const Credential& c) {
      convert::ToProto(c, resp->add_tokens());
    });
  }

  absl::Status Revoke(const Identity& who, const std::string& name,
                      pb::TokenInfo* resp) {
    if (!IsValidCredentialName(name))
      return InvalidFieldError("name", "must be the name of a credential");
    LGES_ASSIGN_OR_RETURN(Credential revoked,
                          credentials_.RevokeCredential(name));
    log::Info("credential_revoked", "credential revoked",
              {{"identity", who.name}, {"credential", revoked.name}});
    convert::ToProto(revoked, resp);
    return absl::OkStatus();
  }

  CredentialStore& credentials_;
  const RpcFrame serve_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeTokenService(CredentialStore& credentials,
                                                const Authorizer& auth) {
  return std::make_unique<TokenServiceImpl>(credentials, auth);
}

}  // namespace lges
