#include "domain/validation.h"

#include <gtest/gtest.h>

#include <functional>

#include "tests/testing/records.h"

namespace lges {
namespace {

using testing::SampleFollowUpEvent;
using testing::SampleInspection;
using testing::SampleKeyMessage;

TEST(ValidatePublishedYearTest, NamesEachProblem) {
  PublishedYear y;
  y.academic_year = 2022;
  y.source_url = "https://annual-report.estyn.gov.wales/2023/";
  y.figures = {{SectorFigure::kCoreInspections, 4}};
  y.overview = {{"Two local authorities ...", 2, "strategic_leadership"}};
  EXPECT_TRUE(ValidatePublishedYear(y).empty());

  y.academic_year = 1800;
  y.source_url = "ftp://example";
  y.figures = {{SectorFigure::kCoreInspections, 4},
               {SectorFigure::kCoreInspections, 5},
               {SectorFigure::kUnspecified, -1}};
  y.overview = {{" ", 2000, ""}};
  std::vector<std::string> fields;
  for (const FieldViolation& v : ValidatePublishedYear(y))
    fields.push_back(v.field);
  EXPECT_EQ(fields, (std::vector<std::string>{
                        "academic_year", "source_url", "figures[1].figure",
                        "figures[2].figure", "figures[2].value",
                        "overview[0].as_printed", "overview[0].authorities"}));
}

TEST(ValidateInspectionTest, ReportUrlIsAWebAddress) {
  Inspection in = SampleInspection();
  in.report_url = "https://estyn.gov.wales/provider/6612345";
  EXPECT_TRUE(ValidateInspection(in).empty());
  in.report_url = "javascript:alert(1)";
  ASSERT_EQ(ValidateInspection(in).size(), 1u);
  EXPECT_EQ(ValidateInspection(in)[0].field, "report_url");
}

TEST(ValidateKeyMessageTest, ALeadParagraphIsForKeyMessagesOnly) {
  KeyMessage m = SampleKeyMessage();
  m.polarity = Polarity::kLead;
  EXPECT_TRUE(ValidateKeyMessage(m).empty());
  Inspection in = SampleInspection();
  ASSERT_FALSE(in.findings.empty());
  in.findings[0].polarity = Polarity::kLead;
  ASSERT_EQ(ValidateInspection(in).size(), 1u);
  EXPECT_EQ(ValidateInspection(in)[0].field, "findings[0].polarity");
}

TEST(ValidateInspectionTest, AcceptsTheSample) {
  EXPECT_TRUE(ValidateInspection(SampleInspection()).empty());
}

struct InspectionCase {
  const char* name;
  std::function<void(Inspection&)> spoil;
  const char* field;  // The one violation expected.
};

TEST(ValidateInspectionTest, NamesTheFieldOfEachProblem) {
  const InspectionCase cases[] = {
      {"no provider", [](Inspection& in) { in.provider_code.clear(); },
       "provider_code"},
      {"GSS code of no authority",
       [](Inspection& in) { in.provider_code = "W06000007"; }, "provider_code"},
      {"no start date", [](Inspection& in) { in.start_date = {}; },
       "start_date"},
      {"impossible start date",
       [](Inspection& in) { in.start_date = PartialDate::Day(2025, 2, 30); },
       "start_date"},
      {"start date out of range",
       [](Inspection& in) { in.start_date = PartialDate::Year(2101); },
       "start_date"},
      {"end before start",
       [](Inspection& in) { in.end_date = PartialDate::Month(2025, 1); },
       "end_date"},
      {"published before start",
       [](Inspection& in) {
         in.report_published = PartialDate::Day(2024, 12, 1);
       },
       "report_published"},
      {"academic year without start date",
       [](Inspection& in) { in.academic_year = 2022; }, "academic_year"},
      {"academic year out of range",
       [](Inspection& in) { in.academic_year = 0; }, "academic_year"},
      {"no framework",
       [](Inspection& in) { in.framework = FrameworkVersion::kUnspecified; },
       "framework"},
      {"empty recommendation",
       [](Inspection& in) { in.recommendations[2].text = "  "; },
       "recommendations[2].text"},
      {"gap in order (R1, R3)",
       [](Inspection& in) {
         in.recommendations.resize(2);
         in.recommendations[1].number = 3;
       },
       "recommendations[1].number"},
      {"count below listed",
       [](Inspection& in) { in.recommendation_count = 3; },
       "recommendation_count"},
      {"area of other framework",
       [](Inspection& in) { in.findings[0].area = "3.5"; }, "findings[0].area"},
      {"finding without polarity",
       [](Inspection& in) { in.findings[1].polarity = Polarity::kUnspecified; },
       "findings[1].polarity"},
      {"empty question",
       [](Inspection& in) { in.local_inspection_questions[1] = ""; },
       "local_inspection_questions[1]"},
      {"source without id",
       [](Inspection& in) { in.provenance.sources[1].id = ""; },
       "provenance.sources[1].id"},
      {"case study without title",
       [](Inspection& in) { in.case_studies[0].title = ""; },
       "case_studies[0].title"},
      {"judgement twice",
       [](Inspection& in) {
         in.judgements = {{"1", Grade::kGood}, {"1", Grade::kGood}};
       },
       "judgements[1].area"},
      {"judgement of a sub-area",
       [](Inspection& in) {
         in.judgements = {{"1.1", Grade::kGood}};
       },
       "judgements[0].area"},
  };
  for (const InspectionCase& c : cases) {
    SCOPED_TRACE(c.name);
    Inspection in = SampleInspection();
    c.spoil(in);
    const Violations violations = ValidateInspection(in);
    ASSERT_EQ(violations.size(), 1u)
        << (violations.empty() ? "" : violations[0].field);
    EXPECT_EQ(violations[0].field, c.field);
    EXPECT_FALSE(violations[0].description.empty());
  }
}

TEST(ValidateInspectionTest, ReportsEveryProblemAtOnce) {
  Inspection in = SampleInspection();
  in.provider_code = "W06000017";
  in.recommendations[0].text = "";
  in.end_date = PartialDate::Year(2020);
  EXPECT_EQ(ValidateInspection(in).size(), 3u);
}

TEST(ValidateInspectionTest, AcademicYearMayOverlapAnImpreciseStart) {
  Inspection in = SampleInspection();
  in.start_date = PartialDate::Year(2022);  // Spans 2021-2022 and 2022-2023.
  in.end_date = {};
  in.report_published = {};
  in.academic_year = 2021;
  EXPECT_TRUE(ValidateInspection(in).empty());
  in.academic_year = 2022;
  EXPECT_TRUE(ValidateInspection(in).empty());
  in.academic_year = 2023;
  EXPECT_EQ(ValidateInspection(in).size(), 1u);
}

TEST(ValidateProviderTest, ChecksCodesByKindAndMemberships) {
  Provider p;
  p.code = "gwe";
  p.kind = ProviderKind::kSchoolImprovementService;
  p.name_en = "GwE";
  p.name_cy = "GwE";
  p.memberships = {{"W06000001",
                    PartialDate::Month(2013, 2),
                    PartialDate::Day(2025, 5, 31),
                    {}}};
  EXPECT_TRUE(ValidateProvider(p).empty());

  p.code = "GwE!";
  p.memberships[0].authority_code = "W06000017";
  p.memberships[0].valid_to = PartialDate::Year(2010);
  const Violations v = ValidateProvider(p);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].field, "code");
  EXPECT_EQ(v[1].field, "memberships[0].authority_code");
  EXPECT_EQ(v[2].field, "memberships[0].valid_to");

  Provider authority;
  authority.kind = ProviderKind::kLocalAuthority;
  authority.code = "W06000099";
  authority.name_en = "Nowhere";
  authority.name_cy = "Unman";
  ASSERT_EQ(ValidateProvider(authority).size(), 1u);
  EXPECT_EQ(ValidateProvider(authority)[0].field, "code");
}

TEST(ValidateFollowUpEventTest, NeedsAnInspectionForProgressAndNoDuplicates) {
  EXPECT_TRUE(ValidateFollowUpEvent(SampleFollowUpEvent()).empty());
  FollowUpEvent e = SampleFollowUpEvent();
  e.recommendation_progress.push_back({1, Progress::kStrong, false});
  e.inspection_id.clear();
  const Violations v = ValidateFollowUpEvent(e);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].field, "recommendation_progress[2].recommendation_number");
  EXPECT_EQ(v[1].field, "inspection");
}

TEST(ValidateKeyMessageTest, RequiresPolarityAndText) {
  EXPECT_TRUE(ValidateKeyMessage(SampleKeyMessage()).empty());
  KeyMessage m = SampleKeyMessage();
  m.polarity = Polarity::kUnspecified;
  m.text = "";
  const Violations v = ValidateKeyMessage(m);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].field, "polarity");
  EXPECT_EQ(v[1].field, "text");
}

TEST(ErrorsTest, ViolationsSurviveTheStatusPayload) {
  const absl::Status s = InvalidArgumentError({{"a\tb", "x\ny"}, {"c", "d"}});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  const Violations v = ViolationsOf(WithFieldPrefix(s, "inspection"));
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].field, "inspection.a b");
  EXPECT_EQ(v[0].description, "x y");
  EXPECT_EQ(v[1].field, "inspection.c");
}

}  // namespace
}  // namespace lges
