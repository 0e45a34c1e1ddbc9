// The rules that handlers apply to requests and that live in the domain:
// academic years and ranges, theme choices, consortium filters, default
// inspection ids, the export's choice of records, record identity.
#include <gtest/gtest.h>

#include "domain/dataset.h"
#include "domain/same_record.h"
#include "domain/validation.h"
#include "tests/testing/records.h"

namespace lges {
namespace {

using testing::SampleFollowUpEvent;
using testing::SampleInspection;
using testing::SampleKeyMessage;

std::vector<std::string> Fields(const Violations& violations) {
  std::vector<std::string> fields;
  for (const FieldViolation& v : violations) fields.push_back(v.field);
  return fields;
}

TEST(AcademicYearRulesTest, OneCheckForEveryYearField) {
  EXPECT_TRUE(ValidateAcademicYear(1990, "year").empty());
  EXPECT_TRUE(ValidateAcademicYear(2099, "year").empty());
  for (int bad : {0, 1989, 2100, -2022}) {
    const Violations v = ValidateAcademicYear(bad, "academic_year");
    ASSERT_EQ(v.size(), 1u) << bad;
    EXPECT_EQ(v[0].field, "academic_year");
    EXPECT_EQ(v[0].description,
              "must be an academic start year between 1990 and 2099");
  }
}

TEST(AcademicYearRulesTest, RangesAreOrderedAndAtMostFiftyYears) {
  EXPECT_TRUE(ValidateYearRange(2017, 2024, "from", "to").empty());
  EXPECT_TRUE(ValidateYearRange(2000, 2049, "from", "to").empty());
  EXPECT_EQ(Fields(ValidateYearRange(2024, 2017, "from", "to")),
            std::vector<std::string>{"to"});
  EXPECT_EQ(ValidateYearRange(2024, 2017, "from", "to")[0].description,
            "must not be before from");
  EXPECT_EQ(Fields(ValidateYearRange(2000, 2050, "from", "to")),
            std::vector<std::string>{"to"});
  EXPECT_EQ(Fields(ValidateYearRange(1, 2, "from", "to")),
            (std::vector<std::string>{"from", "to"}));
}

TEST(AcademicYearRulesTest, OpenRangesLeaveAnEndOpenWithZero) {
  EXPECT_TRUE(ValidateOpenYearRange(0, 0, "from", "to").empty());
  EXPECT_TRUE(ValidateOpenYearRange(2022, 0, "from", "to").empty());
  EXPECT_TRUE(ValidateOpenYearRange(0, 2022, "from", "to").empty());
  EXPECT_EQ(Fields(ValidateOpenYearRange(2022, 2021, "from", "to")),
            std::vector<std::string>{"to"});
}

TEST(ThemeChoiceRulesTest, ASetThemeNeedsAKnownIdAndAReason) {
  auto known = [](const std::string& id) { return id == "safeguarding"; };
  EXPECT_TRUE(
      ValidateThemeChoice(1, "safeguarding", "as printed", known).empty());
  EXPECT_TRUE(ValidateThemeChoice(2, "", "", known).empty());  // Clearing.
  EXPECT_EQ(Fields(ValidateThemeChoice(0, "nope", "", known)),
            (std::vector<std::string>{"recommendation_number", "theme_id",
                                      "reason"}));
  EXPECT_EQ(Fields(ValidateThemeChoice(1, "", std::string(1001, 'x'), known)),
            std::vector<std::string>{"reason"});
}

TEST(ConsortiumRulesTest, AnyNoneOrAKnownCode) {
  const std::vector<std::string> groups = {"erw", "gwe"};
  for (const char* ok : {"", "none", "erw", "gwe"})
    EXPECT_TRUE(ValidateConsortiumFilter(ok, groups, "consortium").empty())
        << ok;
  const Violations v = ValidateConsortiumFilter("ERW", groups, "consortium");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].description,
            "'ERW' is not the code of a consortium or partnership");
}

TEST(InspectionIdRulesTest, DefaultIdIsProviderYearAndMonthOfTheStart) {
  Inspection in = SampleInspection("");
  EXPECT_EQ(DefaultInspectionId(in), "W06000023-2025-02");
  in.start_date = PartialDate::InTerm(2022, Term::kAutumn);
  EXPECT_EQ(DefaultInspectionId(in), "W06000023-2022-09");
  EXPECT_TRUE(IsValidInspectionId(DefaultInspectionId(in)));
}

TEST(RecordsOfYearsTest, KeepsTheYearsRecordsAndTheirFollowUp) {
  Dataset all;
  all.version = 7;
  all.providers = {Provider{.code = "gwe"}};
  Inspection old = SampleInspection("OLD");
  old.academic_year = 2018;
  Inspection recent = SampleInspection("RECENT");
  FollowUpEvent linked = SampleFollowUpEvent("RECENT");
  FollowUpEvent old_linked = SampleFollowUpEvent("OLD");
  old_linked.date = PartialDate::Day(2025, 6, 1);  // In range, but linked.
  FollowUpEvent unlinked = SampleFollowUpEvent("");
  unlinked.date = PartialDate::Day(2019, 1, 10);  // 2018-2019.
  all.inspections = {old, recent};
  all.follow_up_events = {linked, old_linked, unlinked};
  KeyMessage message = SampleKeyMessage();
  all.key_messages = {message};

  const Dataset chosen = RecordsOfYears(all, 2024, 0);
  EXPECT_EQ(chosen.version, 7);
  EXPECT_EQ(chosen.providers.size(), 1u);
  ASSERT_EQ(chosen.inspections.size(), 1u);
  EXPECT_EQ(chosen.inspections[0].id, "RECENT");
  ASSERT_EQ(chosen.follow_up_events.size(), 1u);
  EXPECT_EQ(chosen.follow_up_events[0].inspection_id, "RECENT");
  EXPECT_TRUE(chosen.key_messages.empty());  // The sample is of 2022-2023.
  EXPECT_EQ(RecordsOfYears(all, 2022, 2022).key_messages.size(), 1u);

  const Dataset early = RecordsOfYears(all, 0, 2018);
  ASSERT_EQ(early.inspections.size(), 1u);
  EXPECT_EQ(early.follow_up_events.size(), 2u);  // Linked to OLD; unlinked.
}

TEST(SameRecordTest, IgnoresWhatTheStoreAddsButNoContent) {
  Inspection a = SampleInspection();
  Inspection b = a;
  b.meta = {.revision = 3, .create_time_ms = 1, .update_time_ms = 2};
  EXPECT_TRUE(SameRecord(a, b));
  b.recommendations[3].provenance.note = "changed";
  EXPECT_FALSE(SameRecord(a, b));

  FollowUpEvent e = SampleFollowUpEvent("POWYS-2025-02");
  FollowUpEvent f = e;
  f.id = "17";  // Store-assigned.
  EXPECT_TRUE(SameRecord(e, f));
  f.description += " (corrected)";
  EXPECT_FALSE(SameRecord(e, f));

  KeyMessage m = SampleKeyMessage();
  KeyMessage n = m;
  n.id = "3";
  EXPECT_TRUE(SameRecord(m, n));
  n.position += 1;
  EXPECT_FALSE(SameRecord(m, n));
}

}  // namespace
}  // namespace lges
