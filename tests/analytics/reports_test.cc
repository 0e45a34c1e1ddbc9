#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "analytics/snapshot.h"
#include "tests/testing/dataset_builder.h"
#include "tests/testing/theme_examples.h"

namespace lges::analytics {
namespace {

using testing::MakeAuthority;
using testing::MakeGroup;
using testing::MakeInspection;

Dataset WithAuthorities() {
  Dataset d;
  for (const char* code : {"W06000002", "W06000010", "W06000016", "W06000019",
                           "W06000012", "W06000023"}) {
    d.providers.push_back(MakeAuthority(code, code));
  }
  return d;
}

// Seed 001: four inspections in 2022-2023; all four had a recommendation on
// evaluation and improvement, two on strategic leadership, two on
// attendance, one each on secondary schools, school improvement services,
// Welsh-medium education and social, emotional and behavioural needs.
Dataset Overview2022() {
  const std::vector<std::string> r = testing::LastSevenExamples();
  // r: 0 evaluation, 1 strategic leadership, 2 secondary, 3 school improvement,
  // 4 attendance, 5 Welsh, 6 SEBN.
  Dataset d = WithAuthorities();
  d.inspections = {
      MakeInspection("BG", "W06000019",
                     PartialDate::InTerm(2022, Term::kAutumn), 2022,
                     {r[0], r[1], r[2], r[4]}),
      MakeInspection("RCT", "W06000016", PartialDate::Month(2023, 2), 2022,
                     {r[0], r[1], r[3]}),
      MakeInspection("GWY", "W06000002", PartialDate::Month(2023, 6), 2022,
                     {r[4], r[0], r[6]}),
      MakeInspection("CARMS", "W06000010", PartialDate::Month(2023, 7), 2022,
                     {r[0], r[5]}),
  };
  d.inspections[2].language_medium = d.inspections[3].language_medium =
      LanguageMedium::kWelsh;
  return d;
}

std::shared_ptr<const Snapshot> SnapshotOf(Dataset d) {
  static const Classifier classifier(DefaultVocabulary());
  return Snapshot::Build(std::move(d), classifier, {2026, 11, 22});
}

TEST(SectorSummaryTest, Reproduces2022To2023Overview) {
  const SectorSummary s = SnapshotOf(Overview2022())->Summary(2022);
  EXPECT_EQ(s.inspections, 4);
  EXPECT_EQ(s.welsh_medium, 2);
  struct Line {
    const char* theme;
    int providers;
    const char* sentence;
  };
  const Line expected[] = {
      {"self_evaluation", 4,
       "All four local authorities received a recommendation to strengthen "
       "self-evaluation and improvement planning."},
      {"strategic_leadership", 2,
       "Two of the four local authorities received a recommendation to improve "
       "strategic leadership."},
      {"attendance", 2,
       "Two of the four local authorities received a recommendation to improve "
       "attendance."},
      {"school_improvement", 1,
       "One local authority received a recommendation to strengthen support "
       "and challenge for schools."},
      {"secondary_schools", 1,
       "One local authority received a recommendation to improve secondary "
       "schools."},
      {"wellbeing_behaviour", 1,
       "One local authority received a recommendation to improve learners' "
       "well-being and behaviour."},
      {"welsh_language", 1,
       "One local authority received a recommendation to strengthen "
       "Welsh-medium education."},
  };
  ASSERT_EQ(s.themes.size(), std::size(expected));
  for (size_t i = 0; i < s.themes.size(); ++i) {
    EXPECT_EQ(s.themes[i].theme_id, expected[i].theme);
    EXPECT_EQ(s.themes[i].providers, expected[i].providers);
    EXPECT_EQ(Sentence(s.themes[i], DefaultVocabulary(), i18n::Language::kEnglish),
              expected[i].sentence);
  }
  EXPECT_TRUE(s.notes.warnings.empty());
}

TEST(SectorSummaryTest, SaysWhereTheRecordIsIncomplete) {
  Dataset d = Overview2022();
  d.inspections[1].recommendation_count =
      5;  // Two of RCT's five are not in the record.
  d.inspections[3].recommendations[0].text_status = TextStatus::kParaphrase;
  const SectorSummary s = SnapshotOf(d)->Summary(2022);
  ASSERT_EQ(s.notes.warnings.size(), 2u);
  EXPECT_NE(Text(s.notes.warnings[0], i18n::Language::kEnglish).find(
                "1 of 4 inspections have recommendations missing"),
            std::string::npos);
  EXPECT_NE(Text(s.notes.warnings[1], i18n::Language::kEnglish).find(
                "1 recommendations are known only as paraphrases"),
            std::string::npos);
}

TEST(SectorSummaryTest, AnOverrideWinsOverTheClassifier) {
  Dataset d = Overview2022();
  d.overrides.push_back({"CARMS", 2, "equity_disadvantage", "analyst", 1, ""});
  auto snapshot = SnapshotOf(d);
  const SectorSummary s = snapshot->Summary(2022);
  bool welsh = false, equity = false;
  for (const ThemeLine& line : s.themes) {
    welsh |= line.theme_id == "welsh_language";
    equity |= line.theme_id == "equity_disadvantage";
  }
  EXPECT_FALSE(welsh);
  EXPECT_TRUE(equity);
  const AuthorityProfile* profile = snapshot->Profile("W06000010");
  ASSERT_NE(profile, nullptr);
  EXPECT_TRUE(profile->inspections[0].recommendations[1].overridden);
  EXPECT_EQ(profile->inspections[0].recommendations[1].primary_theme,
            "equity_disadvantage");
}

TEST(SectorSummaryTest, AYearWithoutInspectionsIsSaidToHaveNone) {
  const SectorSummary s = SnapshotOf(Overview2022())->Summary(2020);
  EXPECT_EQ(s.inspections, 0);
  EXPECT_TRUE(s.themes.empty());
  ASSERT_EQ(s.notes.footnotes.size(), 1u);
  EXPECT_NE(Text(s.notes.footnotes[0], i18n::Language::kEnglish)
                .find("No inspections took place in 2020-2021"),
            std::string::npos);
}

TEST(ThemeTrendsTest, ReportsYearsWithoutInspectionsAndTheFrameworkBreak) {
  Dataset d = Overview2022();
  d.inspections.push_back(
      MakeInspection("NPT", "W06000012", PartialDate::Month(2019, 11), 2019,
                     {"improve attendance in all schools"}));
  d.inspections.push_back(MakeInspection(
      "POWYS", "W06000023", PartialDate::Month(2025, 2), 2024,
      {"Improve attendance and strengthen performance management"}));
  const ThemeTrends t =
      SnapshotOf(d)->Trends(2019, 2024, ProviderKind::kUnspecified, "");
  EXPECT_EQ(t.years_without_inspections, (std::vector<int>{2020, 2021, 2023}));
  const ThemeTrend* attendance = nullptr;
  for (const ThemeTrend& trend : t.themes) {
    if (trend.theme_id == "attendance") attendance = &trend;
  }
  ASSERT_NE(attendance, nullptr);
  ASSERT_EQ(attendance->points.size(), 6u);
  EXPECT_DOUBLE_EQ(attendance->points[0].proportion, 1.0);  // 2019: 1 of 1.
  EXPECT_FALSE(attendance->points[1].inspected);  // 2020: none, not zero.
  EXPECT_FALSE(
      attendance->points[3].change_points.has_value());  // 2022 follows a year
                                                         // without inspections.
  EXPECT_DOUBLE_EQ(attendance->points[3].proportion, 0.5);  // 2022: 2 of 4.
  EXPECT_EQ(attendance->first_seen, 2019);
  EXPECT_EQ(attendance->last_seen, 2024);
  EXPECT_EQ(attendance->recommendations, 4);
  bool pandemic = false, framework = false;
  for (const Note& note : t.notes.footnotes) {
    const std::string f = Text(note, i18n::Language::kEnglish);
    pandemic |=
        f.find("2020-2021 (the COVID-19 pandemic)") != std::string::npos;
    framework |= f.find("Break in series: from 2024-2025") != std::string::npos;
  }
  EXPECT_TRUE(pandemic);
  EXPECT_TRUE(framework);
}

// The consortium an inspection counts for is the one valid on its date:
// Neath Port Talbot left ERW on 31 March 2020; Carmarthenshire moved from ERW
// to Partneriaeth on 1 September 2021.
TEST(ConsortiumTest, UsesTheMembershipValidAtEachInspection) {
  Dataset d = WithAuthorities();
  d.providers.push_back(MakeGroup("erw", {{"W06000012",
                                           PartialDate::Year(2014),
                                           PartialDate::Day(2020, 3, 31),
                                           {}},
                                          {"W06000010",
                                           PartialDate::Year(2014),
                                           PartialDate::Day(2021, 8, 31),
                                           {}}}));
  d.providers.push_back(MakeGroup(
      "partneriaeth", {{"W06000010", PartialDate::Day(2021, 9, 1), {}, {}}}));
  d.inspections = {
      MakeInspection("NPT-2019", "W06000012", PartialDate::Month(2019, 6), 2018,
                     {"improve attendance"}),
      MakeInspection("NPT-2022", "W06000012", PartialDate::Month(2022, 6), 2021,
                     {"improve attendance"}),
      MakeInspection("CARMS-2021", "W06000010", PartialDate::Month(2021, 6),
                     2020, {"strengthen scrutiny"}),
      MakeInspection("CARMS-2023", "W06000010", PartialDate::Month(2023, 7),
                     2022, {"strengthen scrutiny"}),
  };
  auto snapshot = SnapshotOf(d);
  const GroupComparison c = snapshot->Compare(2018, 2022);
  ASSERT_EQ(c.groups.size(), 3u);
  EXPECT_EQ(c.groups[0].group_code, "erw");
  EXPECT_EQ(c.groups[0].inspections, 2);  // NPT 2019 and Carmarthenshire 2021.
  EXPECT_EQ(c.groups[1].group_code, "none");
  EXPECT_EQ(c.groups[1].inspections, 1);  // NPT 2022.
  EXPECT_EQ(c.groups[2].group_code, "partneriaeth");
  EXPECT_EQ(Sentence(c.groups[2].themes[0], snapshot->vocabulary(),
                     i18n::Language::kEnglish),
            "The local authority received a recommendation to strengthen "
            "scrutiny by elected members.");

  const ThemeTrends erw =
      snapshot->Trends(2018, 2022, ProviderKind::kUnspecified, "erw");
  EXPECT_EQ(erw.years_without_inspections,
            (std::vector<int>{2019, 2021, 2022}));
}

TEST(AuthorityProfileTest, FindsThemesThatRecurAtConsecutiveInspections) {
  Dataset d = WithAuthorities();
  d.inspections = {
      MakeInspection("P1", "W06000023", PartialDate::Month(2019, 6), 2018,
                     {"improve financial management in schools",
                      "improve strategic leadership"}),
      MakeInspection(
          "P2", "W06000023", PartialDate::Month(2025, 2), 2024,
          {"strengthen leadership at all levels",
           "develop a financially viable model for 16-19 education"}),
      MakeInspection("P0", "W06000023", PartialDate::Month(2013, 1), 2012,
                     {"improve attendance"}),
  };
  auto snapshot = SnapshotOf(d);
  const AuthorityProfile* p = snapshot->Profile("W06000023");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->inspections.size(), 3u);
  EXPECT_EQ(p->inspections[0].inspection_id, "P0");  // Oldest first.
  ASSERT_EQ(p->recurring_themes.size(), 2u);
  EXPECT_EQ(p->recurring_themes[0].theme_id, "resources");
  EXPECT_EQ(p->recurring_themes[0].inspection_ids,
            (std::vector<std::string>{"P1", "P2"}));
  EXPECT_EQ(p->recurring_themes[1].theme_id, "strategic_leadership");
  EXPECT_EQ(snapshot->Profile("nobody"), nullptr);
}

}  // namespace
}  // namespace lges::analytics
