// AnalyticsService over a real server, on records written through the API.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "service/reply_cache.h"
#include "tests/testing/dataset_builder.h"
#include "tests/testing/server_fixture.h"
#include "tests/testing/theme_examples.h"

namespace lges {
namespace {

using testing::ServerTest;

google::type::Date Day(int year, int month, int day) {
  google::type::Date d;
  d.set_year(year);
  d.set_month(month);
  d.set_day(day);
  return d;
}

class AnalyticsServiceTest : public ServerTest {
 protected:
  void Create(const Inspection& in) {
    pb::CreateInspectionRequest req;
    *req.mutable_inspection() = testing::ToProto<pb::Inspection>(in);
    req.set_inspection_id(in.id);
    pb::Inspection out;
    ASSERT_TRUE(client_->CreateInspection(req, &out).ok()) << in.id;
  }

  // Seed 001's 2022-2023 overview, written through the API.
  void CreateOverview2022() {
    const std::vector<std::string> r = testing::LastSevenExamples();
    Create(testing::MakeInspection("BG-2022", "W06000019",
                                   PartialDate::InTerm(2022, Term::kAutumn),
                                   2022, {r[0], r[1], r[2], r[4]}));
    Create(testing::MakeInspection("RCT-2023", "W06000016",
                                   PartialDate::Month(2023, 2), 2022,
                                   {r[0], r[1], r[3]}));
    Create(testing::MakeInspection("GWYNEDD-2023", "W06000002",
                                   PartialDate::Month(2023, 6), 2022,
                                   {r[4], r[0], r[6]}));
    Create(testing::MakeInspection("CARMS-2023", "W06000010",
                                   PartialDate::Month(2023, 7), 2022,
                                   {r[0], r[5]}));
  }

  pb::SectorSummary Summary(int year) {
    pb::GetSectorSummaryRequest req;
    req.set_academic_year(year);
    pb::SectorSummary out;
    EXPECT_TRUE(client_->GetSectorSummary(req, &out).ok());
    return out;
  }
};

TEST_F(AnalyticsServiceTest, ListsTheVocabularyAndClassifiesFreeText) {
  pb::ListThemesResponse themes;
  ASSERT_TRUE(client_->ListThemes({}, &themes).ok());
  EXPECT_EQ(themes.version(), 1);
  ASSERT_EQ(themes.themes_size(), 17);
  EXPECT_EQ(themes.themes(0).id(), "self_evaluation");
  EXPECT_EQ(themes.themes(0).aspects_2024(0), "2.2");
  EXPECT_FALSE(themes.themes(6).label_cy().empty());

  pb::ClassifyRecommendationRequest req;
  req.set_text(
      "Improve pupil attendance levels - particularly in the secondary "
      "sector.");
  pb::ClassifyRecommendationResponse resp;
  ASSERT_TRUE(client_->ClassifyRecommendation(req, &resp).ok());
  EXPECT_EQ(resp.primary_theme(), "attendance");
  ASSERT_EQ(resp.tags_size(), 1);
  EXPECT_EQ(resp.tags(0), "secondary_schools");
  EXPECT_FALSE(resp.evidence(1).in_head());
  EXPECT_EQ(store_->DatasetVersion().value(),
            0);  // Classifying stores nothing.

  req.set_text("   ");
  EXPECT_EQ(ViolationFields(client_->ClassifyRecommendation(req, &resp)),
            std::vector<std::string>{"text"});
}

TEST_F(AnalyticsServiceTest, Reproduces2022To2023OverviewAndFollowsOverrides) {
  CreateOverview2022();
  pb::SectorSummary s = Summary(2022);
  EXPECT_EQ(s.academic_year_label(), "2022-2023");
  EXPECT_EQ(s.core_inspections(), 4);
  EXPECT_EQ(s.meta().dataset_version(), 4);  // The snapshot saw every write.
  ASSERT_EQ(s.themes_size(), 7);
  EXPECT_EQ(s.themes(0).sentence(),
            "All four local authorities received a recommendation to "
            "strengthen self-evaluation and improvement planning.");
  EXPECT_EQ(s.themes(1).sentence(),
            "Two of the four local authorities received a recommendation to "
            "improve strategic leadership.");
  EXPECT_EQ(s.themes(2).sentence(),
            "Two of the four local authorities received a recommendation to "
            "improve attendance.");
  EXPECT_EQ(s.themes(6).sentence(),
            "One local authority received a recommendation to strengthen "
            "Welsh-medium education.");

  pb::SetRecommendationThemeRequest set;
  set.set_inspection("inspections/CARMS-2023");
  set.set_recommendation_number(2);
  set.set_theme_id("equity_disadvantage");
  pb::SetRecommendationThemeResponse set_resp;
  EXPECT_EQ(ViolationFields(client_->SetRecommendationTheme(set, &set_resp)),
            std::vector<std::string>{"reason"});
  set.set_reason("the recommendation is about pupils' wellbeing");
  ASSERT_TRUE(client_->SetRecommendationTheme(set, &set_resp).ok());
  EXPECT_EQ(set_resp.dataset_version(), 5);
  EXPECT_EQ(set_resp.override().actor(), "service-test");
  EXPECT_EQ(set_resp.override().reason(),
            "the recommendation is about pupils' wellbeing");

  s = Summary(2022);
  EXPECT_EQ(s.meta().dataset_version(), 5);
  std::set<std::string> themes;
  for (const pb::ThemeLine& line : s.themes()) themes.insert(line.theme_id());
  EXPECT_TRUE(themes.count("equity_disadvantage"));
  EXPECT_FALSE(themes.count("welsh_language"));

  pb::ListThemeOverridesResponse overrides;
  ASSERT_TRUE(client_->ListThemeOverrides({}, &overrides).ok());
  ASSERT_EQ(overrides.overrides_size(), 1);
  EXPECT_EQ(overrides.total_size(), 1);
  pb::ListThemeOverrideHistoryResponse history;
  ASSERT_TRUE(client_->ListThemeOverrideHistory({}, &history).ok());
  ASSERT_EQ(history.history_size(), 1);
  EXPECT_EQ(history.history(0).theme_id(), "equity_disadvantage");

  set.set_theme_id("not_a_theme");
  set.set_recommendation_number(0);
  EXPECT_EQ(ViolationFields(client_->SetRecommendationTheme(set, &set_resp)),
            (std::vector<std::string>{"recommendation_number", "theme_id"}));
  set.set_theme_id("");
  set.set_recommendation_number(7);
  EXPECT_EQ(ViolationFields(client_->SetRecommendationTheme(set, &set_resp)),
            std::vector<std::string>{"recommendation_number"});
  EXPECT_EQ(store_->DatasetVersion().value(), 5);
}

TEST_F(AnalyticsServiceTest,
       TrendsMarkYearsWithoutInspectionsAndCheckTheirRange) {
  CreateOverview2022();
  pb::GetThemeTrendsRequest req;
  req.set_from_academic_year(2020);
  req.set_to_academic_year(2022);
  pb::ThemeTrends trends;
  ASSERT_TRUE(client_->GetThemeTrends(req, &trends).ok());
  EXPECT_EQ(trends.themes_size(), 17);
  EXPECT_EQ(std::vector<int>(trends.years_without_inspections().begin(),
                             trends.years_without_inspections().end()),
            (std::vector<int>{2020, 2021}));
  EXPECT_EQ(trends.academic_years_size(), 3);
  EXPECT_EQ(std::vector<std::string>(trends.academic_year_labels().begin(),
                                     trends.academic_year_labels().end()),
            (std::vector<std::string>{"2020-2021", "2021-2022", "2022-2023"}));
  EXPECT_FALSE(trends.inspected(0));
  EXPECT_EQ(trends.providers_inspected(2), 4);
  const pb::ThemeTrend& evaluation = trends.themes(0);
  ASSERT_EQ(evaluation.proportion_size(), 3);
  EXPECT_FLOAT_EQ(evaluation.proportion(2), 1.0f);
  EXPECT_FALSE(evaluation.has_change(2));  // 2021-2022 had no inspections.
  EXPECT_EQ(evaluation.first_seen(), 2022);
  EXPECT_FALSE(trends.meta().footnotes().empty());

  req.set_to_academic_year(2019);
  EXPECT_EQ(ViolationFields(client_->GetThemeTrends(req, &trends)),
            std::vector<std::string>{"to_academic_year"});
  req.set_to_academic_year(2022);
  req.set_consortium("atlantis");
  req.set_provider_kind(static_cast<pb::ProviderKind>(9));
  EXPECT_EQ(ViolationFields(client_->GetThemeTrends(req, &trends)),
            (std::vector<std::string>{"provider_kind", "consortium"}));
}

TEST_F(AnalyticsServiceTest, FollowUpStatusAndAnalytics) {
  Inspection torfaen = testing::MakeInspection(
      "TORF-2022-03", "W06000020", PartialDate::Month(2022, 3), 2021,
      {"Strengthen performance management"}, true);
  torfaen.report_published = PartialDate::Day(2022, 5, 18);
  Create(torfaen);
  pb::GetFollowUpStatusRequest req;
  *req.mutable_date() = Day(2023, 1, 1);
  pb::FollowUpStatus status;
  ASSERT_TRUE(client_->GetFollowUpStatus(req, &status).ok());
  EXPECT_EQ(status.in_follow_up(), 1);
  EXPECT_EQ(status.authorities_size(), 22);
  for (const pb::AuthorityStatus& a : status.authorities()) {
    if (!a.in_follow_up()) {
      EXPECT_FALSE(a.has_since()) << a.provider_code();
      continue;
    }
    EXPECT_EQ(a.provider_code(), "W06000020");
    EXPECT_EQ(a.since().day(), 18);  // The report's publication.
    EXPECT_EQ(a.days(), 228);        // 18 May 2022 to 1 January 2023.
    EXPECT_EQ(a.inspection(), "inspections/TORF-2022-03");
    EXPECT_FALSE(a.has_removed());  // Not removed in this record.
  }
  *req.mutable_date() = Day(2022, 5, 17);
  ASSERT_TRUE(client_->GetFollowUpStatus(req, &status).ok());
  EXPECT_EQ(status.in_follow_up(), 0);
  *req.mutable_date() = Day(2022, 2, 30);
  EXPECT_EQ(ViolationFields(client_->GetFollowUpStatus(req, &status)),
            std::vector<std::string>{"date"});
  *req.mutable_date() = Day(2022, 2, 0);  // A month is not a day.
  EXPECT_EQ(ViolationFields(client_->GetFollowUpStatus(req, &status)),
            std::vector<std::string>{"date"});

  pb::GetFollowUpAnalyticsRequest analytics_req;
  analytics_req.set_from_academic_year(2021);
  analytics_req.set_to_academic_year(2022);
  pb::FollowUpAnalytics analytics;
  ASSERT_TRUE(client_->GetFollowUpAnalytics(analytics_req, &analytics).ok());
  ASSERT_EQ(analytics.years_size(), 2);
  EXPECT_EQ(analytics.years(0).academic_year_label(), "2021-2022");
  EXPECT_EQ(analytics.years(0).entered(0), "W06000020");
  ASSERT_EQ(analytics.episodes_size(), 1);
  EXPECT_TRUE(analytics.episodes(0).ongoing());
  EXPECT_EQ(analytics.episodes(0).milestones(0).state(),
            pb::MILESTONE_STATE_OVERDUE);  // No conference recorded.
}

TEST_F(AnalyticsServiceTest, ProfilesAndConsortiumComparisons) {
  pb::CreateProviderRequest create;
  pb::Provider* eas = create.mutable_provider();
  eas->set_code("eas");
  eas->set_kind(pb::PROVIDER_KIND_SCHOOL_IMPROVEMENT_SERVICE);
  eas->set_name_en("EAS");
  eas->set_name_cy("EAS");
  pb::Membership* m = eas->add_memberships();
  m->set_authority_code("W06000020");
  *m->mutable_valid_from() =
      testing::ToProto<pb::PartialDate>(PartialDate::Year(2012));
  pb::Provider created;
  ASSERT_TRUE(client_->CreateProvider(create, &created).ok());
  Create(testing::MakeInspection(
      "TORF-2022-03", "W06000020", PartialDate::Month(2022, 3), 2021,
      {"Strengthen self-evaluation and improvement planning processes"}));

  pb::GetAuthorityProfileRequest req;
  req.set_provider("providers/W06000020");
  pb::AuthorityProfile profile;
  ASSERT_TRUE(client_->GetAuthorityProfile(req, &profile).ok());
  EXPECT_EQ(profile.provider().name_en(), "Torfaen");
  ASSERT_EQ(profile.inspections_size(), 1);
  EXPECT_EQ(profile.inspections(0).academic_year_label(), "2021-2022");
  EXPECT_EQ(profile.inspections(0).consortium(), "eas");
  EXPECT_EQ(profile.inspections(0).recommendations(0).primary_theme(),
            "self_evaluation");
  req.set_provider("providers/W06000099");
  EXPECT_EQ(client_->GetAuthorityProfile(req, &profile).code(),
            absl::StatusCode::kNotFound);

  pb::CompareConsortiaRequest compare;
  compare.set_from_academic_year(2021);
  compare.set_to_academic_year(2021);
  pb::ConsortiumComparison comparison;
  ASSERT_TRUE(client_->CompareConsortia(compare, &comparison).ok());
  ASSERT_EQ(comparison.consortia_size(), 1);
  EXPECT_EQ(comparison.consortia(0).consortium(), "eas");
  EXPECT_EQ(comparison.consortia(0).name_en(), "EAS");
}

TEST_F(AnalyticsServiceTest, AFloodOfPaddedRequestsCostsOneCacheEntry) {
  // 100 summaries of one year, each padded with 256 KiB of distinct unknown
  // bytes: one reply to cache, not 100 keys of 256 KiB.
  for (int i = 0; i < 100; ++i) {
    pb::GetSectorSummaryRequest req;
    req.set_academic_year(2022);
    req.GetReflection()->MutableUnknownFields(&req)->AddLengthDelimited(
        999, std::string(256 * 1024, static_cast<char>('a' + i % 26)) +
                 std::to_string(i));
    pb::SectorSummary out;
    ASSERT_TRUE(client_->GetSectorSummary(req, &out).ok()) << i;
  }
  const ReplyCaches& replies = server_->replies();
  EXPECT_EQ(replies.entries(), 1u);
  EXPECT_LT(replies.bytes(), 64u * 1024);
  EXPECT_EQ(replies.stats().misses.load(), 1);
  EXPECT_EQ(replies.stats().hits.load(), 99);

  // A fresh client, unpadded, is answered from the same entry.
  auto fresh = ClientWith("");
  pb::GetSectorSummaryRequest plain;
  plain.set_academic_year(2022);
  pb::SectorSummary out;
  ASSERT_TRUE(fresh->GetSectorSummary(plain, &out).ok());
  EXPECT_EQ(out.academic_year(), 2022);
  EXPECT_EQ(replies.stats().hits.load(), 100);
}

}  // namespace
}  // namespace lges
