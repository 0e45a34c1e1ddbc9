// Bad input of each kind: the right code, the field named in BadRequest,
// nothing changed, and the server still serving.
#include <gtest/gtest.h>

#include <google/protobuf/unknown_field_set.h>

#include <functional>

#include "tests/testing/records.h"
#include "tests/testing/server_fixture.h"

namespace lges {
namespace {

using testing::SampleKeyMessage;

class BadInputTest : public testing::ServerTest {
 protected:
  int64_t Version() {
    pb::DatasetInfo info;
    EXPECT_TRUE(client_->GetDatasetInfo({}, &info).ok());
    return info.dataset_version();
  }

  pb::KeyMessage StoredMessage() {
    pb::CreateKeyMessageRequest req;
    *req.mutable_key_message() =
        testing::ToProto<pb::KeyMessage>(SampleKeyMessage());
    pb::KeyMessage created;
    EXPECT_TRUE(client_->CreateKeyMessage(req, &created).ok());
    return created;
  }
};

struct BadCase {
  const char* name;
  std::function<absl::Status(LgesClient&, const pb::KeyMessage& stored)> call;
  const char* field;  // Where BadRequest points.
};

// Sends `parts` as one streamed import.
absl::Status SendParts(LgesClient& c,
                       const std::vector<pb::ImportRecordsRequest>& parts) {
  pb::ImportRecordsResponse out;
  return c.ImportRecordsStream(
      [&](const LgesClient::SendPart& send) {
        for (const pb::ImportRecordsRequest& part : parts)
          if (!send(part)) break;
        return absl::OkStatus();
      },
      &out);
}

TEST_F(BadInputTest, EachKindIsRefusedNamingTheFieldAndChangesNothing) {
  const pb::KeyMessage stored = StoredMessage();
  const BadCase cases[] = {
      {"an empty mask path",
       [](LgesClient& c, const pb::KeyMessage& m) {
         pb::UpdateKeyMessageRequest req;
         *req.mutable_key_message() = m;
         req.mutable_update_mask()->add_paths("");
         pb::KeyMessage out;
         return c.UpdateKeyMessage(req, &out);
       },
       "update_mask"},
      {"a repeated mask path",
       [](LgesClient& c, const pb::KeyMessage& m) {
         pb::UpdateKeyMessageRequest req;
         *req.mutable_key_message() = m;
         req.mutable_update_mask()->add_paths("text");
         req.mutable_update_mask()->add_paths("text");
         pb::KeyMessage out;
         return c.UpdateKeyMessage(req, &out);
       },
       "update_mask"},
      {"a mask path with a leading dot (would reach the immutable name)",
       [](LgesClient& c, const pb::KeyMessage& m) {
         pb::UpdateKeyMessageRequest req;
         *req.mutable_key_message() = m;
         req.mutable_update_mask()->add_paths(".name");
         pb::KeyMessage out;
         return c.UpdateKeyMessage(req, &out);
       },
       "update_mask"},
      {"a 10,000-character resource name",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::GetInspectionRequest req;
         req.set_name("inspections/" + std::string(10000, 'X'));
         pb::Inspection out;
         return c.GetInspection(req, &out);
       },
       "name"},
      {"4,001 Welsh characters where 4,000 are allowed",
       [](LgesClient& c, const pb::KeyMessage& m) {
         pb::CreateKeyMessageRequest req;
         *req.mutable_key_message() = m;
         req.mutable_key_message()->set_position(9);
         std::string text;
         for (int i = 0; i < 4001; ++i) text += "ŵ";
         req.mutable_key_message()->set_text(text);
         pb::KeyMessage out;
         return c.CreateKeyMessage(req, &out);
       },
       "key_message.text"},
      {"two records of one identity in an import",
       [](LgesClient& c, const pb::KeyMessage& m) {
         pb::ImportRecordsRequest req;
         req.mutable_records()->set_format("lges-records");
         req.mutable_records()->set_format_version(1);
         pb::KeyMessage copy = m;
         copy.set_position(7);
         *req.mutable_records()->add_key_messages() = copy;
         copy.set_text("The same place, said again.");
         *req.mutable_records()->add_key_messages() = copy;
         pb::ImportRecordsResponse out;
         return c.ImportRecords(req, &out);
       },
       "records.key_messages[1]"},
      {"a page token of another rpc",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::ListProvidersRequest first;
         first.set_page_size(1);
         pb::ListProvidersResponse page;
         EXPECT_TRUE(c.ListProviders(first, &page).ok());
         pb::ListKeyMessagesRequest other;
         other.set_page_token(page.next_page_token());
         pb::ListKeyMessagesResponse out;
         return c.ListKeyMessages(other, &out);
       },
       "page_token"},
      {"a token name with a space",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::CreateTokenRequest req;
         req.set_name("report team");
         req.set_role(pb::ROLE_READER);
         pb::CreateTokenResponse out;
         return c.CreateToken(req, &out);
       },
       "name"},
      {"a token without a role",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::CreateTokenRequest req;
         req.set_name("report-team");
         pb::CreateTokenResponse out;
         return c.CreateToken(req, &out);
       },
       "role"},
      {"a token of an unknown role",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::CreateTokenRequest req;
         req.set_name("report-team");
         req.set_role(static_cast<pb::Role>(9));
         pb::CreateTokenResponse out;
         return c.CreateToken(req, &out);
       },
       "role"},
      {"revoking a token with no name",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::TokenInfo out;
         return c.RevokeToken({}, &out);
       },
       "name"},
      {"invalid UTF-8 in ClassifyRecommendation's text",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::ClassifyRecommendationRequest req;
         req.set_text("Improve \xff\xfe attendance");
         pb::ClassifyRecommendationResponse out;
         return c.ClassifyRecommendation(req, &out);
       },
       "text"},
      {"invalid UTF-8 deep in an import (an overlong slash)",
       [](LgesClient& c, const pb::KeyMessage& m) {
         pb::ImportRecordsRequest req;
         req.mutable_records()->set_format("lges-records");
         req.mutable_records()->set_format_version(1);
         pb::KeyMessage copy = m;
         copy.set_text("Leaders \xc0\xaf plan");
         *req.mutable_records()->add_key_messages() = m;
         *req.mutable_records()->add_key_messages() = copy;
         pb::ImportRecordsResponse out;
         return c.ImportRecords(req, &out);
       },
       "records.key_messages[1].text"},
      {"an import nested 40 groups deep",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::ImportRecordsRequest req;
         pb::RecordSet* records = req.mutable_records();
         google::protobuf::UnknownFieldSet* group =
             records->GetReflection()->MutableUnknownFields(records);
         for (int i = 0; i < 40; ++i) group = group->AddGroup(99);
         pb::ImportRecordsResponse out;
         return c.ImportRecords(req, &out);
       },
       "records"},
      {"a surrogate code point in a provider name",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::GetProviderRequest req;
         req.set_name("providers/\xed\xa0\x80");
         pb::Provider out;
         return c.GetProvider(req, &out);
       },
       "name"},
      {"a 10,000-character theme id",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::SetRecommendationThemeRequest req;
         req.set_inspection("inspections/POWYS-2025-02");
         req.set_recommendation_number(1);
         req.set_theme_id(std::string(10000, 'x'));
         req.set_reason("A reason.");
         pb::SetRecommendationThemeResponse out;
         return c.SetRecommendationTheme(req, &out);
       },
       "theme_id"},
      {"invalid UTF-8 in a streamed import's part",
       [](LgesClient& c, const pb::KeyMessage& m) {
         pb::ImportRecordsRequest part;
         part.mutable_records()->set_format("lges-records");
         part.mutable_records()->set_format_version(1);
         pb::KeyMessage copy = m;
         copy.set_text("Leaders \xc0\xaf plan");
         *part.mutable_records()->add_key_messages() = m;
         *part.mutable_records()->add_key_messages() = copy;
         return SendParts(c, {part});
       },
       "records.key_messages[1].text"},
      {"one identity in two parts of a streamed import",
       [](LgesClient& c, const pb::KeyMessage& m) {
         pb::ImportRecordsRequest first, second;
         first.mutable_records()->set_format("lges-records");
         first.mutable_records()->set_format_version(1);
         pb::KeyMessage copy = m;
         copy.set_position(7);
         *first.mutable_records()->add_key_messages() = copy;
         copy.set_text("The same place, said again.");
         *second.mutable_records()->add_key_messages() = copy;
         return SendParts(c, {first, second});
       },
       "records.key_messages[1]"},
      {"a streamed export of a reversed year range",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::ExportRecordsRequest req;
         req.set_academic_year_from(2024);
         req.set_academic_year_to(2020);
         return c.ExportRecordsStream(
             req, [](const pb::RecordSet&) { return true; });
       },
       "academic_year_to"},
      {"a page token not issued by the service, for themes",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::ListThemesRequest req;
         req.set_page_token("not-a-token");
         pb::ListThemesResponse out;
         return c.ListThemes(req, &out);
       },
       "page_token"},
      {"a malformed inspection filter on the override history",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::ListThemeOverrideHistoryRequest req;
         req.set_inspection("POWYS-2025-02");
         pb::ListThemeOverrideHistoryResponse out;
         return c.ListThemeOverrideHistory(req, &out);
       },
       "inspection"},
      {"a negative page size for overrides",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::ListThemeOverridesRequest req;
         req.set_page_size(-1);
         pb::ListThemeOverridesResponse out;
         return c.ListThemeOverrides(req, &out);
       },
       "page_size"},
      {"a change-log page token not issued by the service",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::ListChangesRequest req;
         req.set_page_token("YWZ0ZXI6LTE");  // "after:-1"
         pb::ListChangesResponse out;
         return c.ListChanges(req, &out);
       },
       "page_token"},
      {"a month given as the follow-up day",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::GetFollowUpStatusRequest req;
         req.mutable_date()->set_year(2023);
         req.mutable_date()->set_month(1);
         pb::FollowUpStatus out;
         return c.GetFollowUpStatus(req, &out);
       },
       "date"},
      {"reconciling a year before the record can hold",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::ReconcileSectorSummaryRequest req;
         req.set_academic_year(1066);
         pb::SectorReconciliation out;
         return c.ReconcileSectorSummary(req, &out);
       },
       "academic_year"},
      {"reconciling in a language the service does not speak",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::ReconcileSectorSummaryRequest req;
         req.set_academic_year(2022);
         req.set_language_code("de");
         pb::SectorReconciliation out;
         return c.ReconcileSectorSummary(req, &out);
       },
       "language_code"},
      {"a finding marked as a lead paragraph",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::CreateInspectionRequest req;
         *req.mutable_inspection() =
             testing::ToProto<pb::Inspection>(testing::SampleInspection());
         req.set_inspection_id("LEAD-1");
         req.mutable_inspection()->mutable_findings(0)->set_polarity(pb::POLARITY_LEAD);
         pb::Inspection out;
         return c.CreateInspection(req, &out);
       },
       "inspection.findings[0].polarity"},
      {"revoking a 10,000-character name",
       [](LgesClient& c, const pb::KeyMessage&) {
         pb::RevokeTokenRequest req;
         req.set_name(std::string(10000, 'x'));
         pb::TokenInfo out;
         return c.RevokeToken(req, &out);
       },
       "name"},
  };
  for (const BadCase& c : cases) {
    const int64_t before = Version();
    const absl::Status status = c.call(*client_, stored);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << c.name;
    EXPECT_EQ(ViolationFields(status), std::vector<std::string>{c.field})
        << c.name << ": " << status;
    EXPECT_LE(status.message().size(), 400u) << c.name;
    EXPECT_EQ(Version(), before) << c.name;
    bool serving = false;
    EXPECT_TRUE(client_->Health("", &serving).ok() && serving) << c.name;
  }
  pb::ListTokensResponse tokens;  // Only the fixture's own credential.
  ASSERT_TRUE(client_->ListTokens({}, &tokens).ok());
  EXPECT_EQ(tokens.tokens_size(), 1);
  pb::TokenInfo out;  // A well-formed name of no credential is NOT_FOUND.
  pb::RevokeTokenRequest nobody;
  nobody.set_name("nobody");
  EXPECT_EQ(client_->RevokeToken(nobody, &out).code(),
            absl::StatusCode::kNotFound);
}

TEST_F(BadInputTest, LimitsCountCharactersNotBytes) {
  pb::CreateKeyMessageRequest req;
  *req.mutable_key_message() =
      testing::ToProto<pb::KeyMessage>(SampleKeyMessage());
  std::string text;
  for (int i = 0; i < 4000; ++i) text += "ŵ";  // 8,000 bytes.
  req.mutable_key_message()->set_text(text);
  pb::KeyMessage created;
  ASSERT_TRUE(client_->CreateKeyMessage(req, &created).ok());
  EXPECT_EQ(created.text(), text);
}

}  // namespace
}  // namespace lges
