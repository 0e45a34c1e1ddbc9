#include "storage/codec.h"

#include <gtest/gtest.h>

namespace lges::codec {
namespace {

TEST(CodecTest, RoundTripsEveryDatePrecision) {
  const PartialDate dates[] = {PartialDate{},
                               PartialDate::Day(2019, 9, 10),
                               PartialDate::Month(2021, 10),
                               PartialDate::InTerm(2022, Term::kAutumn),
                               PartialDate::Year(2019),
                               PartialDate::InAcademicYear(2021)};
  for (const PartialDate& d : dates)
    EXPECT_EQ(DecodeDate(EncodeDate(d)), d) << EncodeDate(d);
}

TEST(CodecTest, RoundTripsPublishedFiguresAndStatements) {
  const std::vector<PublishedFigure> figures = {
      {SectorFigure::kCoreInspections, 4}, {SectorFigure::kWentIntoFollowUp, 3}};
  EXPECT_EQ(DecodeFigures(EncodeFigures(figures)), figures);
  const std::vector<PublishedThemeStatement> statements = {
      {"Two \x1f local \\ authorities\x1e", 2, "strategic_leadership"},
      {"One", 1, ""}};
  EXPECT_EQ(DecodeStatements(EncodeStatements(statements)), statements);
  EXPECT_EQ(EncodeFigures({}), "");
  EXPECT_TRUE(DecodeStatements("").empty());
  EXPECT_TRUE(DecodeFigures("1\x1f" "2\x1f" "3").empty());  // Corrupt: empty.
}

TEST(CodecTest, RoundTripsProvenanceWithSeparatorsInside) {
  Provenance p{{{"A\x1f"
                 "B",
                 "https://x/\\y"},
                {"C\x1e", ""},
                {"", "only-url"}},
               Certainty::kUncertain,
               "note with \\ backslash, \x1f and \x1e"};
  EXPECT_EQ(DecodeProvenance(EncodeProvenance(p)), p);
  EXPECT_EQ(EncodeProvenance(Provenance{}), "");
  EXPECT_EQ(DecodeProvenance(""), Provenance{});
}

}  // namespace
}  // namespace lges::codec
