// Every rpc with every kind of caller: no token, a revoked token, and a
// reader's, an editor's and an admin's, against the role table.
#include <google/protobuf/descriptor.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>

#include <future>

#include "service/roles.h"
#include "tests/testing/server_fixture.h"

namespace lges {
namespace {

class AuthorizationTest : public testing::ServerTest {
 protected:
  // Calls `method` with an empty request and `token` ("" for none).
  absl::StatusCode CallWith(const std::string& token,
                            const std::string& method) {
    if (method == "estyn.lges.v1.WatchService/WatchSector") return Watch(token);
    grpc::GenericStub stub(
        grpc::CreateChannel(address_, grpc::InsecureChannelCredentials()));
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::seconds(5));
    if (!token.empty()) ctx.AddMetadata("authorization", "Bearer " + token);
    grpc::Slice empty(std::string(""));
    grpc::ByteBuffer request(&empty, 1), response;
    std::promise<grpc::Status> done;
    stub.UnaryCall(&ctx, "/" + method, grpc::StubOptions(), &request, &response,
                   [&](grpc::Status s) { done.set_value(s); });
    return static_cast<absl::StatusCode>(done.get_future().get().error_code());
  }

  absl::StatusCode Watch(const std::string& token) {
    std::unique_ptr<LgesClient> client = ClientWith(token);
    std::unique_ptr<SectorWatch> watch = client->WatchSector({});
    pb::SectorSnapshot first;
    if (watch->Next(&first)) return absl::StatusCode::kOk;
    return watch->Finish().code();
  }

  // What the table says a caller with `role` gets ("" kNone: anonymous).
  static bool Allowed(Role caller, Role needed) { return caller >= needed; }

  std::string Snapshot() {
    pb::RecordSet records;
    EXPECT_TRUE(client_->ExportRecords({}, &records).ok());
    pb::DatasetInfo info;
    EXPECT_TRUE(client_->GetDatasetInfo({}, &info).ok());
    return std::to_string(info.dataset_version()) + records.SerializeAsString();
  }
};

TEST_F(AuthorizationTest, TheRoleTableCoversEveryRpcOfTheApi) {
  std::set<std::string> api;
  for (const char* file :
       {"estyn/lges/v1/providers.proto", "estyn/lges/v1/inspections.proto",
        "estyn/lges/v1/follow_up.proto", "estyn/lges/v1/key_messages.proto",
        "estyn/lges/v1/analytics.proto", "estyn/lges/v1/dataset.proto",
        "estyn/lges/v1/tokens.proto"}) {
    const google::protobuf::FileDescriptor* f =
        google::protobuf::DescriptorPool::generated_pool()->FindFileByName(
            file);
    ASSERT_NE(f, nullptr) << file;
    for (int s = 0; s < f->service_count(); ++s) {
      for (int m = 0; m < f->service(s)->method_count(); ++m) {
        api.insert(f->service(s)->full_name() + "/" +
                   f->service(s)->method(m)->name());
      }
    }
  }
  std::set<std::string> table;
  for (const auto& [method, role] : RoleTable()) table.insert(method);
  EXPECT_EQ(api, table);
}

TEST_F(AuthorizationTest, EveryRpcGetsWhatTheTableSaysForEveryCaller) {
  const std::string revoked = TokenFor("revoked-bot", Role::kAdmin);
  ASSERT_TRUE(backend_.sqlite->RevokeCredential("revoked-bot").ok());
  const struct {
    const char* who;
    std::string token;
    Role role;
  } callers[] = {
      {"no token", "", Role::kReader},  // --anonymous=reader, the default.
      {"reader", TokenFor("reader-bot", Role::kReader), Role::kReader},
      {"editor", TokenFor("editor-bot", Role::kEditor), Role::kEditor},
      {"admin", TokenFor("admin-bot", Role::kAdmin), Role::kAdmin},
  };
  const std::string before = Snapshot();
  for (const auto& [method, needed] : RoleTable()) {
    EXPECT_EQ(CallWith(revoked, method), absl::StatusCode::kUnauthenticated)
        << method;
    EXPECT_EQ(CallWith("lges_not-a-token", method),
              absl::StatusCode::kUnauthenticated)
        << method;
    for (const auto& c : callers) {
      const absl::StatusCode code = CallWith(c.token, method);
      if (Allowed(c.role, needed)) {
        EXPECT_NE(code, absl::StatusCode::kUnauthenticated) << c.who << method;
        EXPECT_NE(code, absl::StatusCode::kPermissionDenied) << c.who << method;
      } else {
        EXPECT_EQ(code, c.token.empty() ? absl::StatusCode::kUnauthenticated
                                        : absl::StatusCode::kPermissionDenied)
            << c.who << " " << method;
      }
    }
  }
  EXPECT_EQ(Snapshot(), before);  // Nothing refused changed anything.
}

TEST_F(AuthorizationTest, AnonymousNoneClosesReadsButNotHealth) {
  server_options_.anonymous_role = Role::kNone;
  RestartServer();
  for (const auto& [method, needed] : RoleTable()) {
    EXPECT_EQ(CallWith("", method), absl::StatusCode::kUnauthenticated)
        << method;
  }
  bool serving = false;
  EXPECT_TRUE(ClientWith("")->Health("", &serving).ok());
  EXPECT_TRUE(serving);
  pb::ListProvidersResponse providers;
  EXPECT_TRUE(ClientWith(TokenFor("reader-bot", Role::kReader))
                  ->ListProviders({}, &providers)
                  .ok());
}

TEST_F(AuthorizationTest, TheChangeLogNamesTheCredentialNotTheClaimedActor) {
  std::unique_ptr<LgesClient> editor =
      ClientWith(TokenFor("editor-bot", Role::kEditor), "someone-else");
  pb::CreateKeyMessageRequest req;
  req.mutable_key_message()->set_academic_year(2022);
  req.mutable_key_message()->set_area("Leadership");
  req.mutable_key_message()->set_polarity(pb::POLARITY_GOING_WELL);
  req.mutable_key_message()->set_text("Leaders work well together.");
  pb::KeyMessage created;
  ASSERT_TRUE(editor->CreateKeyMessage(req, &created).ok());
  pb::ListChangesResponse changes;
  ASSERT_TRUE(client_->ListChanges({}, &changes).ok());
  ASSERT_GT(changes.changes_size(), 0);
  const pb::Change& last = changes.changes(changes.changes_size() - 1);
  EXPECT_EQ(last.actor(), "editor-bot");
  EXPECT_EQ(last.on_behalf_of(), "someone-else");
}

TEST_F(AuthorizationTest, RevocationTakesEffectOnTheNextCall) {
  std::unique_ptr<LgesClient> reader =
      ClientWith(TokenFor("reader-bot", Role::kReader));
  pb::ListProvidersResponse providers;
  ASSERT_TRUE(reader->ListProviders({}, &providers).ok());
  pb::RevokeTokenRequest revoke;
  revoke.set_name("reader-bot");
  pb::TokenInfo info;
  ASSERT_TRUE(client_->RevokeToken(revoke, &info).ok());
  EXPECT_TRUE(info.has_revoke_time());
  EXPECT_EQ(reader->ListProviders({}, &providers).code(),
            absl::StatusCode::kUnauthenticated);
}

TEST_F(AuthorizationTest, AdminsCreateTokensThatWorkAtOnceAndAreNeverListed) {
  pb::CreateTokenRequest req;
  req.set_name("reporting-app");
  req.set_role(pb::ROLE_EDITOR);
  pb::CreateTokenResponse created;
  ASSERT_TRUE(client_->CreateToken(req, &created).ok());
  EXPECT_TRUE(LooksLikeToken(created.token()));
  EXPECT_EQ(client_->CreateToken(req, &created).code(),
            absl::StatusCode::kAlreadyExists);
  pb::ListTokensResponse listed;
  ASSERT_TRUE(client_->ListTokens({}, &listed).ok());
  EXPECT_EQ(listed.DebugString().find("lges_"), std::string::npos);
  pb::DatasetInfo info;
  EXPECT_TRUE(ClientWith(created.token())->GetDatasetInfo({}, &info).ok());
  req.set_name("bad name");
  EXPECT_EQ(client_->CreateToken(req, &created).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(AuthorizationTest, WatchStreamsBeyondTheLimitAreRefused) {
  server_options_.max_watch_streams = 2;
  RestartServer();
  std::vector<std::unique_ptr<SectorWatch>> open;
  pb::SectorSnapshot first;
  for (int i = 0; i < 2; ++i) {
    open.push_back(client_->WatchSector({}));
    ASSERT_TRUE(open.back()->Next(&first));
  }
  EXPECT_EQ(server_->watch_streams(), 2);
  std::unique_ptr<SectorWatch> third = client_->WatchSector({});
  EXPECT_FALSE(third->Next(&first));
  EXPECT_EQ(third->Finish().code(), absl::StatusCode::kResourceExhausted);
  open[0]->Cancel();
  EXPECT_FALSE(open[0]->Next(&first));
  open[0]->Finish().IgnoreError();
  ASSERT_TRUE(testing::WaitUntil([&] { return server_->watch_streams() < 2; }));
  std::unique_ptr<SectorWatch> again = client_->WatchSector({});
  EXPECT_TRUE(again->Next(&first));
  again->Cancel();
  for (auto& w : open) w->Cancel();
}

}  // namespace
}  // namespace lges
