#include "domain/dates.h"

#include <gtest/gtest.h>

namespace lges {
namespace {

struct RangeCase {
  const char* name;
  PartialDate date;
  const char* earliest;
  const char* latest;
};

TEST(PartialDateTest, CoversTheDaysItsPrecisionAllows) {
  const RangeCase cases[] = {
      {"day", PartialDate::Day(2019, 9, 10), "2019-09-10", "2019-09-10"},
      {"month", PartialDate::Month(2021, 10), "2021-10-01", "2021-10-31"},
      {"leap February", PartialDate::Month(2024, 2), "2024-02-01",
       "2024-02-29"},
      {"plain February", PartialDate::Month(2023, 2), "2023-02-01",
       "2023-02-28"},
      {"autumn term", PartialDate::InTerm(2022, Term::kAutumn), "2022-09-01",
       "2022-12-31"},
      {"spring term", PartialDate::InTerm(2023, Term::kSpring), "2023-01-01",
       "2023-03-31"},
      {"summer term", PartialDate::InTerm(2023, Term::kSummer), "2023-04-01",
       "2023-08-31"},
      {"year", PartialDate::Year(2019), "2019-01-01", "2019-12-31"},
      {"academic year", PartialDate::InAcademicYear(2021), "2021-09-01",
       "2022-08-31"},
  };
  for (const RangeCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(DescribeInvalid(c.date), "");
    EXPECT_EQ(FormatIso(c.date.Earliest()), c.earliest);
    EXPECT_EQ(FormatIso(c.date.Latest()), c.latest);
  }
}

TEST(PartialDateTest, DescribesEveryMalformedDate) {
  const std::pair<PartialDate, const char*> cases[] = {
      {PartialDate{}, "precision is required"},
      {PartialDate::Day(2023, 2, 29), "day is not a real calendar day"},
      {PartialDate::Day(1800, 1, 1), "year must be between 1990 and 2100"},
      {PartialDate::Month(2023, 13), "month must be 1-12"},
      {PartialDate{DatePrecision::kYear, 2020, 5, 0, Term::kUnspecified},
       "month must be 0 for this precision"},
      {PartialDate{DatePrecision::kMonth, 2020, 5, 3, Term::kUnspecified},
       "day must be 0 for this precision"},
      {PartialDate{DatePrecision::kTerm, 2020, 0, 0, Term::kUnspecified},
       "term is required for term precision"},
      {PartialDate{DatePrecision::kYear, 2020, 0, 0, Term::kAutumn},
       "term must be unset for this precision"},
  };
  for (const auto& [date, expected] : cases)
    EXPECT_EQ(DescribeInvalid(date), expected);
}

TEST(AcademicYearTest, RunsFromSeptemberToAugust) {
  EXPECT_EQ(AcademicYear::Containing({2022, 8, 31}).start_year, 2021);
  EXPECT_EQ(AcademicYear::Containing({2022, 9, 1}).start_year, 2022);
  EXPECT_EQ(AcademicYear{2022}.Label(), "2022-2023");
}

TEST(ParseIsoTest, AcceptsOnlyRealDays) {
  EXPECT_TRUE(ParseIso("2024-02-29").has_value());
  EXPECT_FALSE(ParseIso("2023-02-29").has_value());
  EXPECT_FALSE(ParseIso("2023-2-1").has_value());
  EXPECT_FALSE(ParseIso("2023-02-01x").has_value());
}

}  // namespace
}  // namespace lges

namespace lges {
namespace {

TEST(PartialDateTextTest, RoundTripsEveryPrecision) {
  const std::pair<const char*, PartialDate> cases[] = {
      {"2019-09-10", PartialDate::Day(2019, 9, 10)},      {"2019-10", PartialDate::Month(2019, 10)},
      {"autumn 2022", PartialDate::InTerm(2022, Term::kAutumn)}, {"summer 2023", PartialDate::InTerm(2023, Term::kSummer)},
      {"2019", PartialDate::Year(2019)},                  {"2019-2020", PartialDate::InAcademicYear(2019)},
  };
  for (const auto& [text, date] : cases) {
    EXPECT_EQ(ParsePartialDate(text), date) << text;
    EXPECT_EQ(FormatPartialDate(date), text);
  }
  EXPECT_EQ(ParsePartialDate("2019-20"), PartialDate::InAcademicYear(2019));
  EXPECT_EQ(ParsePartialDate("Summer 2023"), PartialDate::InTerm(2023, Term::kSummer));
}

TEST(PartialDateTextTest, RejectsWhatIsNotADate) {
  for (const char* text : {"", "2019-13", "2023-02-30", "winter 2022", "2019-2021", "19", "2019-09-10x", "June 2019"}) {
    EXPECT_FALSE(ParsePartialDate(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace lges
