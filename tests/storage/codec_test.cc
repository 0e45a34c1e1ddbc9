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
