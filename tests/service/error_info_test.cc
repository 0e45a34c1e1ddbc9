// Every error carries a google.rpc.ErrorInfo with a reason a program can act
// on (docs/ERRORS.md), and ResourceInfo or PreconditionFailure where they
// fit, as a gRPC client in any language reads them.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "estyn/lges/v1/providers.grpc.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "tests/testing/records.h"
#include "tests/testing/server_fixture.h"

namespace lges {
namespace {

using testing::ServerTest;

class ErrorInfoTest : public ServerTest {
 protected:
  pb::Inspection CreateSample() {
    pb::CreateInspectionRequest req;
    *req.mutable_inspection() =
        testing::ToProto<pb::Inspection>(testing::SampleInspection());
    req.set_inspection_id("POWYS-2025-02");
    pb::Inspection created;
    EXPECT_TRUE(client_->CreateInspection(req, &created).ok());
    return created;
  }
};

TEST_F(ErrorInfoTest, EachKindOfFailureNamesItsReason) {
  const pb::Inspection created = CreateSample();

  pb::CreateInspectionRequest again;
  *again.mutable_inspection() =
      testing::ToProto<pb::Inspection>(testing::SampleInspection());
  again.set_inspection_id("POWYS-2025-02");
  pb::Inspection out;
  absl::Status s = client_->CreateInspection(again, &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(ReasonOf(s).reason, "RESOURCE_ALREADY_EXISTS");
  EXPECT_EQ(ReasonOf(s).Get("resource"), "inspections/POWYS-2025-02");

  pb::UpdateInspectionRequest stale;
  *stale.mutable_inspection() = created;
  stale.mutable_inspection()->set_etag("r999");
  stale.mutable_update_mask()->add_paths("academic_year");
  s = client_->UpdateInspection(stale, &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(s).reason, "STALE_ETAG");
  EXPECT_EQ(ReasonOf(s).Get("etag"), "r999");
  EXPECT_EQ(ReasonOf(s).Get("current_etag"), created.etag());

  pb::CreateFollowUpEventRequest event;
  *event.mutable_follow_up_event() =
      testing::ToProto<pb::FollowUpEvent>(testing::SampleFollowUpEvent());
  pb::FollowUpEvent made;
  ASSERT_TRUE(client_->CreateFollowUpEvent(event, &made).ok());
  pb::DeleteInspectionRequest del;
  del.set_name("inspections/POWYS-2025-02");
  pb::DeleteInspectionResponse deleted;
  s = client_->DeleteInspection(del, &deleted);
  EXPECT_EQ(ReasonOf(s).reason, "RECORD_REFERENCED");
  EXPECT_EQ(ReasonOf(s).Get("references"), "1");

  pb::DeleteProviderRequest authority;
  authority.set_name("providers/W06000023");
  pb::DeleteProviderResponse gone;
  s = client_->DeleteProvider(authority, &gone);
  EXPECT_EQ(ReasonOf(s).reason, "AUTHORITY_NOT_DELETABLE");

  pb::GetInspectionRequest missing;
  missing.set_name("inspections/NOWHERE-2020");
  s = client_->GetInspection(missing, &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(ReasonOf(s).reason, "RESOURCE_NOT_FOUND");
  EXPECT_EQ(ReasonOf(s).Get("resource"), "inspections/NOWHERE-2020");

  pb::GetInspectionRequest bad;
  bad.set_name("POWYS");
  s = client_->GetInspection(bad, &out);
  EXPECT_EQ(ReasonOf(s).reason, "BAD_REQUEST");

  auto anonymous_writer = ClientWith("");
  s = anonymous_writer->CreateInspection(again, &out);
  EXPECT_EQ(ReasonOf(s).reason, "UNAUTHENTICATED");
}

// The details as a plain gRPC client sees them.
std::vector<google::protobuf::Any> DetailsOf(const grpc::Status& status) {
  google::rpc::Status details;
  EXPECT_TRUE(details.ParseFromString(status.error_details()))
      << status.error_message();
  EXPECT_EQ(details.code(), status.error_code());
  return {details.details().begin(), details.details().end()};
}

TEST_F(ErrorInfoTest, AnyGrpcClientReadsTheDetails) {
  auto stub = pb::ProviderService::NewStub(
      grpc::CreateChannel(address_, grpc::InsecureChannelCredentials()));
  auto call = [&](auto method, const auto& req, auto* resp) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization",
                    "Bearer " + TokenFor("service-test", Role::kAdmin));
    return (stub.get()->*method)(&ctx, req, resp);
  };

  pb::DeleteProviderRequest authority;
  authority.set_name("providers/W06000023");
  pb::DeleteProviderResponse gone;
  const grpc::Status refused =
      call(&pb::ProviderService::Stub::DeleteProvider, authority, &gone);
  google::rpc::ErrorInfo info;
  google::rpc::PreconditionFailure failure;
  bool has_info = false, has_failure = false;
  for (const google::protobuf::Any& any : DetailsOf(refused)) {
    has_info |= any.UnpackTo(&info);
    has_failure |= any.UnpackTo(&failure);
  }
  ASSERT_TRUE(has_info && has_failure);
  EXPECT_EQ(info.reason(), "AUTHORITY_NOT_DELETABLE");
  EXPECT_EQ(info.domain(), "lges.estyn.gov.wales");
  EXPECT_EQ(info.metadata().at("resource"), "providers/W06000023");
  ASSERT_EQ(failure.violations_size(), 1);
  EXPECT_EQ(failure.violations(0).type(), "AUTHORITY_NOT_DELETABLE");
  EXPECT_EQ(failure.violations(0).subject(), "providers/W06000023");

  pb::GetProviderRequest missing;
  missing.set_name("providers/nowhere");
  pb::Provider provider;
  const grpc::Status not_found =
      call(&pb::ProviderService::Stub::GetProvider, missing, &provider);
  EXPECT_EQ(not_found.error_code(), grpc::StatusCode::NOT_FOUND);
  google::rpc::ResourceInfo resource;
  bool has_resource = false;
  for (const google::protobuf::Any& any : DetailsOf(not_found))
    has_resource |= any.UnpackTo(&resource);
  ASSERT_TRUE(has_resource);
  EXPECT_EQ(resource.resource_type(), "providers");
  EXPECT_EQ(resource.resource_name(), "providers/nowhere");
}

}  // namespace
}  // namespace lges
