// ProviderService over a real server.
#include <gtest/gtest.h>

#include <set>

#include "tests/testing/server_fixture.h"

namespace lges {
namespace {

using testing::ServerTest;

class ProviderServiceTest : public ServerTest {
 protected:
  pb::Provider Consortium() {
    pb::Provider p;
    p.set_code("eas");
    p.set_kind(pb::PROVIDER_KIND_SCHOOL_IMPROVEMENT_SERVICE);
    p.set_name_en("Education Achievement Service for South East Wales");
    p.set_name_cy("Gwasanaeth Cyflawni Addysg");
    pb::Membership* m = p.add_memberships();
    m->set_authority_code("W06000018");
    m->mutable_valid_from()->set_precision(pb::DATE_PRECISION_YEAR);
    m->mutable_valid_from()->set_year(2012);
    return p;
  }

  absl::Status Create(const pb::Provider& provider, pb::Provider* out) {
    pb::CreateProviderRequest req;
    *req.mutable_provider() = provider;
    return client_->CreateProvider(req, out);
  }
};

TEST_F(ProviderServiceTest, ListsThe22AuthoritiesAcrossPages) {
  pb::ListProvidersRequest req;
  req.set_page_size(10);
  std::set<std::string> codes;
  int pages = 0;
  do {
    pb::ListProvidersResponse resp;
    ASSERT_TRUE(client_->ListProviders(req, &resp).ok());
    EXPECT_EQ(resp.total_size(), 22);
    for (const pb::Provider& p : resp.providers()) codes.insert(p.code());
    req.set_page_token(resp.next_page_token());
    ++pages;
  } while (!req.page_token().empty());
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(codes.size(), 22u);
  EXPECT_TRUE(codes.count("W06000023"));
  EXPECT_FALSE(codes.count("W06000007"));
}

TEST_F(ProviderServiceTest, GetsAnAuthorityWithBothNames) {
  pb::GetProviderRequest req;
  req.set_name("providers/W06000001");
  pb::Provider p;
  ASSERT_TRUE(client_->GetProvider(req, &p).ok());
  EXPECT_EQ(p.name_en(), "Isle of Anglesey");
  EXPECT_EQ(p.name_cy(), "Ynys Môn");
  EXPECT_EQ(p.kind(), pb::PROVIDER_KIND_LOCAL_AUTHORITY);
  EXPECT_EQ(p.etag(), "r1");

  req.set_name("providers/W06000007");
  EXPECT_EQ(client_->GetProvider(req, &p).code(), absl::StatusCode::kNotFound);
  req.set_name("W06000001");
  absl::Status bad = client_->GetProvider(req, &p);
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ViolationFields(bad), std::vector<std::string>{"name"});
}

TEST_F(ProviderServiceTest, CreatesUpdatesAndDeletesAConsortium) {
  pb::Provider created;
  ASSERT_TRUE(Create(Consortium(), &created).ok());
  EXPECT_EQ(created.name(), "providers/eas");
  EXPECT_EQ(created.memberships(0).valid_from().earliest().year(), 2012);
  EXPECT_EQ(created.memberships(0).valid_from().earliest().month(), 1);
  EXPECT_EQ(Create(Consortium(), &created).code(),
            absl::StatusCode::kAlreadyExists);

  pb::UpdateProviderRequest update;
  update.mutable_provider()->set_name("providers/eas");
  update.mutable_provider()->set_name_en("EAS");
  update.mutable_provider()->set_etag(created.etag());
  update.mutable_update_mask()->add_paths("name_en");
  pb::Provider updated;
  ASSERT_TRUE(client_->UpdateProvider(update, &updated).ok());
  EXPECT_EQ(updated.name_en(), "EAS");
  EXPECT_EQ(updated.name_cy(),
            "Gwasanaeth Cyflawni Addysg");  // Not in the mask.
  EXPECT_EQ(updated.memberships_size(), 1);
  EXPECT_EQ(updated.etag(), "r2");

  // The first etag is stale now.
  EXPECT_EQ(client_->UpdateProvider(update, &updated).code(),
            absl::StatusCode::kFailedPrecondition);

  pb::DeleteProviderRequest del;
  del.set_name("providers/eas");
  pb::DeleteProviderResponse deleted;
  ASSERT_TRUE(client_->DeleteProvider(del, &deleted).ok());
  EXPECT_EQ(deleted.dataset_version(), 3);
  pb::GetProviderRequest get;
  get.set_name("providers/eas");
  EXPECT_EQ(client_->GetProvider(get, &updated).code(),
            absl::StatusCode::kNotFound);
}

TEST_F(ProviderServiceTest, RejectsInvalidProvidersWithFieldViolations) {
  pb::Provider authority = Consortium();
  authority.set_kind(pb::PROVIDER_KIND_LOCAL_AUTHORITY);
  authority.set_code("W06000018");
  authority.clear_memberships();
  pb::Provider out;
  absl::Status s = Create(authority, &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ViolationFields(s), std::vector<std::string>{"provider.kind"});

  pb::Provider bad = Consortium();
  bad.set_code("EAS!");
  bad.set_name_cy("");
  bad.mutable_memberships(0)->set_authority_code("W06000017");
  bad.set_kind(static_cast<pb::ProviderKind>(42));
  s = Create(bad, &out);
  EXPECT_EQ(ViolationFields(s), (std::vector<std::string>{
                                    "provider.kind", "provider.name_cy",
                                    "provider.memberships[0].authority_code"}));
  bad.set_kind(pb::PROVIDER_KIND_SCHOOL_IMPROVEMENT_SERVICE);
  s = Create(bad, &out);
  EXPECT_EQ(ViolationFields(s), (std::vector<std::string>{
                                    "provider.code", "provider.name_cy",
                                    "provider.memberships[0].authority_code"}));
}

TEST_F(ProviderServiceTest,
       AuthoritiesCannotBeDeletedAndImmutableFieldsCannotBeUpdated) {
  pb::DeleteProviderRequest del;
  del.set_name("providers/W06000023");
  pb::DeleteProviderResponse resp;
  EXPECT_EQ(client_->DeleteProvider(del, &resp).code(),
            absl::StatusCode::kFailedPrecondition);

  pb::UpdateProviderRequest update;
  update.mutable_provider()->set_name("providers/W06000023");
  update.mutable_provider()->set_code("W06000099");
  update.mutable_update_mask()->add_paths("code");
  update.mutable_update_mask()->add_paths("no_such_field");
  pb::Provider out;
  absl::Status s = client_->UpdateProvider(update, &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ViolationFields(s),
            (std::vector<std::string>{"update_mask", "update_mask"}));

  update.mutable_provider()->set_etag("not-an-etag");
  update.clear_update_mask();
  EXPECT_EQ(ViolationFields(client_->UpdateProvider(update, &out)),
            std::vector<std::string>{"provider.etag"});
}

TEST_F(ProviderServiceTest, RejectsBadPagingRequests) {
  pb::ListProvidersRequest req;
  pb::ListProvidersResponse resp;
  req.set_page_size(-1);
  EXPECT_EQ(ViolationFields(client_->ListProviders(req, &resp)),
            std::vector<std::string>{"page_size"});
  req.set_page_size(5000);  // Capped, not refused.
  ASSERT_TRUE(client_->ListProviders(req, &resp).ok());
  EXPECT_EQ(resp.providers_size(), 22);
  req.set_page_size(5);
  req.set_page_token("garbage");
  EXPECT_EQ(ViolationFields(client_->ListProviders(req, &resp)),
            std::vector<std::string>{"page_token"});

  req.clear_page_token();
  ASSERT_TRUE(client_->ListProviders(req, &resp).ok());
  req.set_page_token(resp.next_page_token());
  req.set_kind(
      pb::PROVIDER_KIND_PARTNERSHIP_SERVICE);  // Token from another filter.
  EXPECT_EQ(ViolationFields(client_->ListProviders(req, &resp)),
            std::vector<std::string>{"page_token"});
}

}  // namespace
}  // namespace lges
