// The record's figures beside the published ones: how each pair is judged.
#include "analytics/reconcile.h"

#include <gtest/gtest.h>

namespace lges::analytics {
namespace {

// A year as the record computes it: 4 core inspections, 2 Welsh-medium and
// 2 of unknown medium, 3 themes, 3 authorities in follow-up at the start,
// 2 removed, 1 at the end; 3 inspections with recommendations missing.
struct Year {
  SectorSummary summary;
  YearStats stats;
  Year() {
    summary.academic_year = 2022;
    summary.inspections = stats.inspections = 4;
    summary.welsh_medium = stats.welsh_medium = 2;
    summary.unknown_medium = 2;
    summary.follow_up.at_start = {"A", "B", "C"};
    summary.follow_up.removed = {"A", "B"};
    summary.follow_up.at_end = {"C"};
    summary.themes = {{"strategic_leadership", 1, 1},
                      {"attendance", 1, 1},
                      {"wellbeing_behaviour", 1, 1}};
    stats.academic_year = 2022;
    stats.inspections_with_gaps = 3;
  }
};

PublishedYear Printed(std::vector<PublishedFigure> figures) {
  PublishedYear p;
  p.academic_year = 2022;
  p.source_url = "https://annual-report.estyn.gov.wales/2023/";
  p.figures = std::move(figures);
  return p;
}

const FigureCheck& Of(const Reconciliation& r, SectorFigure f) {
  for (const FigureCheck& c : r.figures)
    if (c.figure == f) return c;
  static const FigureCheck none;
  ADD_FAILURE() << "no figure " << static_cast<int>(f);
  return none;
}

TEST(ReconcileTest, NothingPrintedIsNotPublishedAndNoDisagreement) {
  const Year y;
  const Reconciliation r = Reconcile(y.summary, y.stats, 22, nullptr);
  EXPECT_EQ(r.figures.size(), 11u);  // Every figure, in page order.
  for (const FigureCheck& c : r.figures) {
    EXPECT_EQ(c.state, Agreement::kNotPublished);
    EXPECT_FALSE(c.published.has_value());
  }
  EXPECT_EQ(r.disagreements(), 0);
  // What the record lacks does not depend on a published page.
  ASSERT_EQ(r.missing.size(), 2u);
  EXPECT_EQ(r.missing[0].key, "reconcile.missing.recommendations");
  EXPECT_EQ(r.missing[1].key, "reconcile.missing.medium");
}

TEST(ReconcileTest, FewerRecordsThanPrintedIsIncompleteNotWrong) {
  const Year y;
  const PublishedYear p =
      Printed({{SectorFigure::kCoreInspections, 5},
               {SectorFigure::kEnglishMedium, 2},
               {SectorFigure::kWelshMedium, 2},
               {SectorFigure::kCaseStudies, 2},
               {SectorFigure::kOverviewThemes, 7}});
  const Reconciliation r = Reconcile(y.summary, y.stats, 22, &p);
  EXPECT_EQ(Of(r, SectorFigure::kCoreInspections).state,
            Agreement::kRecordIncomplete);
  EXPECT_EQ(Of(r, SectorFigure::kEnglishMedium).state,
            Agreement::kRecordIncomplete);
  EXPECT_EQ(Of(r, SectorFigure::kWelshMedium).state, Agreement::kAgree);
  EXPECT_EQ(Of(r, SectorFigure::kCaseStudies).state,
            Agreement::kRecordIncomplete);
  EXPECT_EQ(Of(r, SectorFigure::kOverviewThemes).state,
            Agreement::kRecordIncomplete);
  EXPECT_EQ(r.missing.front().key, "reconcile.missing.inspections");
}

TEST(ReconcileTest, MoreInTheRecordThanPrintedDisagrees) {
  Year y;
  const PublishedYear p = Printed({{SectorFigure::kCoreInspections, 3},
                                   {SectorFigure::kProviders, 21}});
  const Reconciliation r = Reconcile(y.summary, y.stats, 22, &p);
  EXPECT_EQ(Of(r, SectorFigure::kCoreInspections).state, Agreement::kDisagree);
  EXPECT_EQ(Of(r, SectorFigure::kProviders).state, Agreement::kDisagree);
  ASSERT_TRUE(Of(r, SectorFigure::kProviders).why.has_value());
  EXPECT_EQ(Of(r, SectorFigure::kProviders).why->key, "reconcile.why.disagree");
}

TEST(ReconcileTest, FollowUpFiguresThatDoNotAddUpAreInconsistent) {
  const Year y;
  // 3 - 2 + 3 != 1: the printed "3 placed" cannot be right.
  const PublishedYear p = Printed({{SectorFigure::kInFollowUpAtStart, 3},
                                   {SectorFigure::kRemovedDuringYear, 2},
                                   {SectorFigure::kWentIntoFollowUp, 3},
                                   {SectorFigure::kInFollowUpAtEnd, 1}});
  const Reconciliation r = Reconcile(y.summary, y.stats, 22, &p);
  const FigureCheck& entered = Of(r, SectorFigure::kWentIntoFollowUp);
  EXPECT_EQ(entered.state, Agreement::kPublishedInconsistent);
  ASSERT_TRUE(entered.why.has_value());
  EXPECT_EQ(entered.why->key, "reconcile.why.inconsistent");
  EXPECT_EQ(Text(*entered.why, i18n::Language::kEnglish),
            "Estyn's follow-up figures do not add up: 3 at the start, 2 "
            "removed and 3 placed would leave 4 at the end, not 1. The record "
            "gives 0.");
  for (SectorFigure f : {SectorFigure::kInFollowUpAtStart,
                         SectorFigure::kRemovedDuringYear,
                         SectorFigure::kInFollowUpAtEnd})
    EXPECT_EQ(Of(r, f).state, Agreement::kAgree);
  // Figures that add up but differ from the record simply disagree.
  const PublishedYear q = Printed({{SectorFigure::kInFollowUpAtStart, 2},
                                   {SectorFigure::kRemovedDuringYear, 1},
                                   {SectorFigure::kWentIntoFollowUp, 0},
                                   {SectorFigure::kInFollowUpAtEnd, 1}});
  EXPECT_EQ(Of(Reconcile(y.summary, y.stats, 22, &q),
               SectorFigure::kInFollowUpAtStart)
                .state,
            Agreement::kDisagree);
}

TEST(ReconcileTest, PrintedStatementsComeFirstThenTheRecordsOtherThemes) {
  const Year y;
  PublishedYear p = Printed({});
  p.overview = {{"Two local authorities ... strategic leadership.", 2,
                 "strategic_leadership"},
                {"One local authority ... SEBD.", 1, "wellbeing_behaviour"}};
  const Reconciliation r = Reconcile(y.summary, y.stats, 22, &p);
  ASSERT_EQ(r.themes.size(), 3u);
  EXPECT_EQ(r.themes[0].theme_id, "strategic_leadership");
  EXPECT_EQ(r.themes[0].state, Agreement::kRecordIncomplete);  // 1 of 2.
  EXPECT_EQ(r.themes[1].state, Agreement::kAgree);
  EXPECT_EQ(r.themes[2].theme_id, "attendance");  // Not printed.
  EXPECT_FALSE(r.themes[2].published.has_value());
  EXPECT_EQ(r.themes[2].state, Agreement::kDisagree);
  EXPECT_EQ(r.disagreements(), 2);
}

}  // namespace
}  // namespace lges::analytics
