#include "analytics/follow_up.h"

#include <gtest/gtest.h>

#include "tests/testing/dataset_builder.h"

namespace lges::analytics {
namespace {

using testing::MakeEvent;
using testing::MakeInspection;
using K = FollowUpKind;

constexpr char kPowys[] = "W06000023";
constexpr char kWrexham[] = "W06000006";
constexpr char kPembs[] = "W06000009";
constexpr char kTorfaen[] = "W06000020";

// The follow-up timeline of the public record
// (reference/lges-public-record.json), with its partial dates as the record
// gives them.
Dataset PublicTimeline() {
  Dataset d;
  auto csc = [&](const std::string& id, const char* code, PartialDate start,
                 int year, PartialDate published) {
    Inspection in =
        MakeInspection(id, code, start, year, {"placeholder"}, true);
    in.report_published = published;
    d.inspections.push_back(in);
  };
  csc("POWYS-2019-07", kPowys, PartialDate::Month(2019, 6), 2018,
      PartialDate::Day(2019, 9, 10));
  csc("WREX-2019-10", kWrexham, PartialDate::Month(2019, 10), 2019,
      PartialDate::Day(2019, 12, 20));
  csc("PEMBS-2019", kPembs, PartialDate::InTerm(2019, Term::kAutumn), 2019,
      PartialDate::Day(2020, 2, 12));
  csc("TORF-2022-03", kTorfaen, PartialDate::Month(2022, 3), 2021,
      PartialDate::Day(2022, 5, 18));
  csc("POWYS-2025-02", kPowys, PartialDate::Month(2025, 2), 2024,
      PartialDate::Day(2025, 3, 27));
  d.inspections.back().recommendations = {{1, "a", TextStatus::kVerbatim, {}},
                                          {2, "b", TextStatus::kVerbatim, {}}};
  d.follow_up_events = {
      MakeEvent(kPowys, K::kJudged, PartialDate::Day(2019, 9, 10),
                "POWYS-2019-07"),
      MakeEvent(kPowys, K::kImprovementConference,
                PartialDate::Day(2019, 11, 28)),
      MakeEvent(kPowys, K::kMonitoringVisit, PartialDate::Month(2021, 10)),
      MakeEvent(kPowys, K::kRemoved, PartialDate::Month(2021, 10)),
      MakeEvent(kWrexham, K::kImprovementConference, PartialDate::Year(2020)),
      MakeEvent(kWrexham, K::kProgressConference,
                PartialDate::InTerm(2021, Term::kAutumn)),
      MakeEvent(kWrexham, K::kRemoved,
                PartialDate::InTerm(2023, Term::kSummer)),
      MakeEvent(kPembs, K::kProgressConference, PartialDate::Month(2021, 11)),
      MakeEvent(kPembs, K::kRemoved, PartialDate::Month(2022, 10)),
      MakeEvent(kTorfaen, K::kImprovementConference,
                PartialDate::Day(2022, 9, 22)),
      MakeEvent(kTorfaen, K::kMonitoringVisit, PartialDate::Month(2024, 6)),
      MakeEvent(kTorfaen, K::kMonitoringVisit, PartialDate::Month(2024, 10)),
      MakeEvent(kTorfaen, K::kRemoved, PartialDate::Month(2024, 10)),
      MakeEvent(kPowys, K::kImprovementConference,
                PartialDate::Day(2025, 7, 2)),
  };
  FollowUpEvent progress = MakeEvent(
      kPowys, K::kOther, PartialDate::Month(2025, 9), "POWYS-2025-02");
  progress.recommendation_progress = {{2, Progress::kLimited, false}};
  d.follow_up_events.push_back(progress);
  return d;
}

struct YearCase {
  int year;
  std::vector<std::string> at_start, entered, removed, at_end;
};

TEST(FollowUpTest, CountsEachAcademicYearAsTheSectorPagesDo) {
  const std::vector<Episode> episodes =
      BuildEpisodes(PublicTimeline(), {2026, 11, 22});
  const YearCase cases[] = {
      {2019, {}, {kWrexham, kPembs, kPowys}, {}, {kWrexham, kPembs, kPowys}},
      {2020,
       {kWrexham, kPembs, kPowys},
       {},
       {},
       {kWrexham, kPembs, kPowys}},  // No inspections, still in follow-up.
      {2021,
       {kWrexham, kPembs, kPowys},
       {kTorfaen},
       {kPowys},
       {kWrexham, kPembs, kTorfaen}},
      {2022,
       {kWrexham, kPembs, kTorfaen},
       {},
       {kPembs, kWrexham},
       {kTorfaen}},  // AR 2022-23: two removed, one left.
      {2024, {kTorfaen}, {kPowys}, {kTorfaen}, {kPowys}},
  };
  for (const YearCase& c : cases) {
    SCOPED_TRACE(c.year);
    FollowUpYear y = FollowUpForYear(episodes, c.year);
    std::sort(y.entered.begin(), y.entered.end());
    std::sort(y.removed.begin(), y.removed.end());
    auto sorted = [](std::vector<std::string> v) {
      std::sort(v.begin(), v.end());
      return v;
    };
    EXPECT_EQ(y.at_start, sorted(c.at_start));
    EXPECT_EQ(y.entered, sorted(c.entered));
    EXPECT_EQ(y.removed, sorted(c.removed));
    EXPECT_EQ(y.at_end, sorted(c.at_end));
  }
}

TEST(FollowUpTest, MeasuresTimeInFollowUpFromPartialDates) {
  const std::vector<Episode> episodes =
      BuildEpisodes(PublicTimeline(), {2026, 11, 22});
  ASSERT_EQ(episodes.size(), 5u);
  EXPECT_EQ(episodes[0].provider_code, kPowys);
  EXPECT_EQ(episodes[0].days,
            752);  // 2019-09-10 to 2021-10-01, the first day of "October 2021".
  EXPECT_EQ(episodes[4].provider_code, kPowys);
  EXPECT_FALSE(episodes[4].removed.has_value());
  EXPECT_EQ(episodes[4].days,
            605);  // 2025-03-27 to the analysis day, 2026-11-22.
  EXPECT_TRUE(InFollowUp(episodes, kWrexham, {2023, 3, 31}));
  EXPECT_FALSE(InFollowUp(episodes, kWrexham,
                          {2023, 4, 1}));  // "Summer 2023" counts from 1 April.
}

TEST(FollowUpTest, SetsMilestonesAgainstTheirPlannedWindows) {
  const std::vector<Episode> episodes =
      BuildEpisodes(PublicTimeline(), {2026, 11, 22});
  const Episode& torfaen = episodes[3];
  ASSERT_EQ(torfaen.provider_code, kTorfaen);
  ASSERT_EQ(torfaen.milestones.size(), 3u);
  EXPECT_EQ(FormatIso(torfaen.milestones[0].planned_from), "2022-07-18");
  EXPECT_EQ(FormatIso(torfaen.milestones[0].planned_to), "2022-10-18");
  EXPECT_EQ(torfaen.milestones[0].state, MilestoneState::kOnTime);
  EXPECT_EQ(torfaen.milestones[1].state,
            MilestoneState::kMissed);  // No progress conference recorded.
  EXPECT_EQ(torfaen.milestones[2].state,
            MilestoneState::kOnTime);  // The October 2024 visit.

  const Episode& powys = episodes[4];
  EXPECT_EQ(powys.milestones[0].state,
            MilestoneState::kOnTime);  // 2 July 2025.
  EXPECT_EQ(FormatIso(powys.milestones[1].planned_to), "2026-10-02");
  EXPECT_EQ(powys.milestones[1].state, MilestoneState::kOverdue);
  EXPECT_EQ(powys.milestones[2].state, MilestoneState::kPending);
  ASSERT_EQ(powys.progress.size(), 1u);
  EXPECT_EQ(powys.progress[0].recommendation_text, "b");
  EXPECT_EQ(powys.progress[0].progress, Progress::kLimited);

  const std::vector<Episode> earlier =
      BuildEpisodes(PublicTimeline(), {2026, 1, 1});
  EXPECT_EQ(earlier[4].milestones[1].state,
            MilestoneState::kPending);  // Its window had not closed.
}

TEST(FollowUpTest, HasNoEpisodesWithoutJudgements) {
  Dataset d;
  d.inspections.push_back(
      MakeInspection("X", kPowys, PartialDate::Month(2022, 1), 2021, {"a"}));
  EXPECT_TRUE(BuildEpisodes(d, {2026, 1, 1}).empty());
  EXPECT_TRUE(FollowUpForYear({}, 2021).at_end.empty());
}

}  // namespace
}  // namespace lges::analytics
