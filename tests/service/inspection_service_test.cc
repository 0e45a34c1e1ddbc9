// InspectionService over a real server.
#include <gtest/gtest.h>

#include <functional>

#include "tests/testing/records.h"
#include "tests/testing/server_fixture.h"

namespace lges {
namespace {

using testing::SampleInspection;
using testing::ServerTest;

class InspectionServiceTest : public ServerTest {
 protected:
  static pb::CreateInspectionRequest CreateRequest(
      const std::string& id = "POWYS-2025-02") {
    pb::CreateInspectionRequest req;
    *req.mutable_inspection() =
        testing::ToProto<pb::Inspection>(SampleInspection(id));
    req.set_inspection_id(id);
    return req;
  }

  // Everything a user could see of the stored data.
  std::string Snapshot() {
    pb::ListInspectionsRequest req;
    req.set_page_size(500);
    pb::ListInspectionsResponse resp;
    EXPECT_TRUE(client_->ListInspections(req, &resp).ok());
    return resp.SerializeAsString() + "@" +
           std::to_string(store_->DatasetVersion().value());
  }
};

TEST_F(InspectionServiceTest, CreatesAndGetsAnInspectionWithEveryField) {
  pb::Inspection created;
  ASSERT_TRUE(client_->CreateInspection(CreateRequest(), &created).ok());
  EXPECT_EQ(created.name(), "inspections/POWYS-2025-02");
  EXPECT_EQ(created.etag(), "r1");
  EXPECT_EQ(created.start_date().earliest().month(), 2);
  EXPECT_EQ(created.start_date().earliest().day(), 1);
  EXPECT_EQ(created.start_date().latest().day(), 28);
  EXPECT_GT(created.create_time().seconds(), 0);

  pb::GetInspectionRequest get;
  get.set_name("inspections/POWYS-2025-02");
  pb::Inspection got;
  ASSERT_TRUE(client_->GetInspection(get, &got).ok());
  EXPECT_EQ(got.SerializeAsString(), created.SerializeAsString());
  ASSERT_EQ(got.recommendations_size(), 4);
  EXPECT_EQ(got.recommendations(1).text_status(), pb::TEXT_STATUS_PARAPHRASE);
  EXPECT_EQ(got.provenance().sources(0).id(), "POWYS_SS_20250327");
  EXPECT_EQ(got.case_studies(0).title(), "Supporting ALN");
}

TEST_F(InspectionServiceTest, MakesAnIdFromProviderAndDateWhenNoneIsGiven) {
  pb::CreateInspectionRequest req = CreateRequest();
  req.clear_inspection_id();
  pb::Inspection first, second;
  ASSERT_TRUE(client_->CreateInspection(req, &first).ok());
  ASSERT_TRUE(client_->CreateInspection(req, &second).ok());
  EXPECT_EQ(first.name(), "inspections/W06000023-2025-02");
  EXPECT_EQ(second.name(), "inspections/W06000023-2025-02-2");
}

struct BadInspection {
  const char* name;
  std::function<void(pb::CreateInspectionRequest&)> spoil;
  std::vector<std::string> fields;
};

TEST_F(InspectionServiceTest, RejectsEachInvalidFieldAndChangesNothing) {
  pb::Inspection existing;
  ASSERT_TRUE(
      client_->CreateInspection(CreateRequest("EXISTING"), &existing).ok());
  const BadInspection cases[] = {
      {"GSS code of no authority",
       [](auto& r) { r.mutable_inspection()->set_provider_code("W06000007"); },
       {"inspection.provider_code"}},
      {"provider not stored",
       [](auto& r) {
         r.mutable_inspection()->set_provider_code("no-such-service");
       },
       {"inspection.provider_code"}},
      {"end before start",
       [](auto& r) {
         r.mutable_inspection()->mutable_end_date()->set_year(2024);
       },
       {"inspection.end_date"}},
      {"empty recommendation text",
       [](auto& r) {
         r.mutable_inspection()->mutable_recommendations(0)->set_text("");
       },
       {"inspection.recommendations[0].text"}},
      {"gap in recommendation order",
       [](auto& r) {
         r.mutable_inspection()->mutable_recommendations(1)->set_number(7);
       },
       {"inspection.recommendations[1].number"}},
      {"unknown framework",
       [](auto& r) {
         r.mutable_inspection()->set_framework(
             static_cast<pb::FrameworkVersion>(9));
       },
       {"inspection.framework"}},
      {"unknown text status",
       [](auto& r) {
         r.mutable_inspection()->mutable_recommendations(2)->set_text_status(
             static_cast<pb::TextStatus>(77));
       },
       {"inspection.recommendations[2].text_status"}},
      {"date out of range",
       [](auto& r) {
         r.mutable_inspection()->mutable_start_date()->set_year(1066);
       },
       {"inspection.start_date"}},
      {"no such day",
       [](auto& r) {
         auto* d = r.mutable_inspection()->mutable_report_published();
         d->set_month(2);
         d->set_day(30);
       },
       {"inspection.report_published"}},
      {"bad inspection id",
       [](auto& r) { r.set_inspection_id("9 lives"); },
       {"inspection_id"}},
      {"request id too long",
       [](auto& r) { r.set_request_id(std::string(101, 'x')); },
       {"request_id"}},
      {"several at once",
       [](auto& r) {
         r.mutable_inspection()->set_academic_year(2019);
         r.mutable_inspection()->mutable_findings(0)->set_area("9.9");
       },
       {"inspection.academic_year", "inspection.findings[0].area"}},
  };
  const std::string before = Snapshot();
  for (const BadInspection& c : cases) {
    SCOPED_TRACE(c.name);
    pb::CreateInspectionRequest req = CreateRequest("NEW-ONE");
    c.spoil(req);
    pb::Inspection out;
    absl::Status s = client_->CreateInspection(req, &out);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(ViolationFields(s), c.fields);
  }
  pb::Inspection out;
  EXPECT_EQ(client_->CreateInspection(CreateRequest("EXISTING"), &out).code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(Snapshot(), before);
}

TEST_F(InspectionServiceTest, TakesAProviderAsCodeOrNameAndRefusesAMalformedOne) {
  pb::CreateInspectionRequest by_name = CreateRequest();
  by_name.mutable_inspection()->set_provider_code("providers/W06000023");
  pb::Inspection created;
  ASSERT_TRUE(client_->CreateInspection(by_name, &created).ok());
  EXPECT_EQ(created.provider_code(), "W06000023");

  for (const char* provider : {"W06000023", "providers/W06000023"}) {
    pb::ListInspectionsRequest list;
    list.set_provider_code(provider);
    pb::ListInspectionsResponse page;
    ASSERT_TRUE(client_->ListInspections(list, &page).ok()) << provider;
    EXPECT_EQ(page.inspections_size(), 1) << provider;
    pb::ListFollowUpEventsRequest events;
    events.set_provider_code(provider);
    pb::ListFollowUpEventsResponse none;
    EXPECT_TRUE(client_->ListFollowUpEvents(events, &none).ok()) << provider;
  }
  // A well-formed code of no provider is an empty page; a malformed one is
  // an error naming the field, never an empty page.
  pb::ListInspectionsRequest unknown;
  unknown.set_provider_code("providers/gwe");
  pb::ListInspectionsResponse page;
  ASSERT_TRUE(client_->ListInspections(unknown, &page).ok());
  EXPECT_EQ(page.inspections_size(), 0);
  for (const char* bad : {"inspections/POWYS-2025-02", "W06 000023", "providers/"}) {
    pb::ListInspectionsRequest list;
    list.set_provider_code(bad);
    EXPECT_EQ(ViolationFields(client_->ListInspections(list, &page)),
              std::vector<std::string>{"provider_code"})
        << bad;
    pb::ListFollowUpEventsRequest events;
    events.set_provider_code(bad);
    pb::ListFollowUpEventsResponse none;
    EXPECT_EQ(ViolationFields(client_->ListFollowUpEvents(events, &none)),
              std::vector<std::string>{"provider_code"})
        << bad;
  }
}

TEST_F(InspectionServiceTest, RetriesWithTheSameRequestIdCreateOnce) {
  pb::CreateInspectionRequest req = CreateRequest();
  req.clear_inspection_id();
  req.set_request_id("import-2025-powys");
  pb::Inspection first, retry;
  ASSERT_TRUE(client_->CreateInspection(req, &first).ok());
  ASSERT_TRUE(client_->CreateInspection(req, &retry).ok());
  EXPECT_EQ(first.name(), retry.name());
  pb::ListInspectionsRequest list;
  pb::ListInspectionsResponse all;
  ASSERT_TRUE(client_->ListInspections(list, &all).ok());
  EXPECT_EQ(all.total_size(), 1);

  req.mutable_inspection()->set_causing_significant_concern(
      false);  // Same id, different request.
  EXPECT_EQ(client_->CreateInspection(req, &retry).code(),
            absl::StatusCode::kAlreadyExists);
}

TEST_F(InspectionServiceTest, UpdatesOnlyMaskedFieldsAndChecksTheEtag) {
  pb::Inspection created;
  ASSERT_TRUE(client_->CreateInspection(CreateRequest(), &created).ok());
  pb::UpdateInspectionRequest update;
  *update.mutable_inspection() = created;
  update.mutable_inspection()->mutable_recommendations()->RemoveLast();
  update.mutable_inspection()->set_recommendation_count(3);
  update.mutable_inspection()->set_causing_significant_concern(
      false);  // Not in the mask: ignored.
  update.mutable_update_mask()->add_paths("recommendations");
  update.mutable_update_mask()->add_paths("recommendation_count");
  pb::Inspection updated;
  ASSERT_TRUE(client_->UpdateInspection(update, &updated).ok());
  EXPECT_EQ(updated.recommendations_size(), 3);
  EXPECT_TRUE(updated.causing_significant_concern());
  EXPECT_EQ(updated.etag(), "r2");

  absl::Status stale =
      client_->UpdateInspection(update, &updated);  // Still carries etag r1.
  EXPECT_EQ(stale.code(), absl::StatusCode::kFailedPrecondition);

  update.mutable_inspection()->set_etag("r2");
  update.mutable_update_mask()->Clear();
  update.mutable_update_mask()->add_paths("provider_code");
  EXPECT_EQ(ViolationFields(client_->UpdateInspection(update, &updated)),
            std::vector<std::string>{"update_mask"});

  pb::UpdateInspectionRequest invalid;
  invalid.mutable_inspection()->set_name("inspections/POWYS-2025-02");
  invalid.mutable_inspection()->set_academic_year(2001);
  invalid.mutable_update_mask()->add_paths("academic_year");
  EXPECT_EQ(ViolationFields(client_->UpdateInspection(invalid, &updated)),
            std::vector<std::string>{"inspection.academic_year"});
}

TEST_F(InspectionServiceTest, ListsWithFiltersAndDeletes) {
  pb::Inspection out;
  ASSERT_TRUE(client_->CreateInspection(CreateRequest("A-2025"), &out).ok());
  pb::CreateInspectionRequest older = CreateRequest("B-2019");
  pb::Inspection* in = older.mutable_inspection();
  in->set_provider_code("W06000006");
  in->set_academic_year(2019);
  in->set_causing_significant_concern(false);
  in->set_framework(pb::FRAMEWORK_VERSION_2018_THREE_AREAS);
  in->clear_findings();
  *in->mutable_start_date() =
      testing::ToProto<pb::PartialDate>(PartialDate::Month(2019, 10));
  in->clear_end_date();
  in->clear_report_published();
  ASSERT_TRUE(client_->CreateInspection(older, &out).ok());

  pb::ListInspectionsRequest req;
  pb::ListInspectionsResponse resp;
  req.set_academic_year_from(2020);
  ASSERT_TRUE(client_->ListInspections(req, &resp).ok());
  ASSERT_EQ(resp.inspections_size(), 1);
  EXPECT_EQ(resp.inspections(0).name(), "inspections/A-2025");
  req.Clear();
  req.set_provider_code("W06000006");
  ASSERT_TRUE(client_->ListInspections(req, &resp).ok());
  EXPECT_EQ(resp.total_size(), 1);
  req.Clear();
  req.set_academic_year_from(2024);
  req.set_academic_year_to(2020);
  EXPECT_EQ(ViolationFields(client_->ListInspections(req, &resp)),
            std::vector<std::string>{"academic_year_to"});

  pb::DeleteInspectionRequest del;
  del.set_name("inspections/B-2019");
  del.set_etag("r7");
  pb::DeleteInspectionResponse deleted;
  EXPECT_EQ(client_->DeleteInspection(del, &deleted).code(),
            absl::StatusCode::kFailedPrecondition);
  del.set_etag("r1");
  ASSERT_TRUE(client_->DeleteInspection(del, &deleted).ok());
  EXPECT_EQ(client_->DeleteInspection(del, &deleted).code(),
            absl::StatusCode::kNotFound);
}

TEST_F(InspectionServiceTest, RefusesOversizedMessages) {
  pb::CreateInspectionRequest req = CreateRequest();
  req.mutable_inspection()->mutable_provenance()->set_note(
      std::string(2 * 1024 * 1024, 'x'));
  pb::Inspection out;
  EXPECT_EQ(client_->CreateInspection(req, &out).code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(store_->DatasetVersion().value(), 0);
}

TEST_F(InspectionServiceTest, RestartingOnTheSameFileKeepsEveryRecord) {
  pb::Inspection created;
  ASSERT_TRUE(client_->CreateInspection(CreateRequest(), &created).ok());
  RestartServer();
  pb::GetInspectionRequest get;
  get.set_name(created.name());
  pb::Inspection got;
  ASSERT_TRUE(client_->GetInspection(get, &got).ok());
  EXPECT_EQ(got.SerializeAsString(), created.SerializeAsString());
  pb::ListProvidersRequest list;
  pb::ListProvidersResponse providers;
  ASSERT_TRUE(client_->ListProviders(list, &providers).ok());
  EXPECT_EQ(providers.total_size(), 22);
}

}  // namespace
}  // namespace lges
