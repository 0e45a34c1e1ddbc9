#include "clients/lgesctl/args.h"

#include <gtest/gtest.h>

namespace lges::cli {
namespace {

Args Parse(std::vector<std::string> words,
           const std::set<std::string>& switches = {}) {
  std::vector<char*> argv = {const_cast<char*>("lgesctl")};
  for (std::string& w : words) argv.push_back(w.data());
  return ParseArgs(static_cast<int>(argv.size()), argv.data(), switches);
}

TEST(ArgsTest, ReadsWordsAndFlagsInAnyOrder) {
  const Args a =
      Parse({"report", "--html", "page.html", "2022-2023", "--format=csv"});
  EXPECT_EQ(a.words, (std::vector<std::string>{"report", "2022-2023"}));
  EXPECT_EQ(a.Flag("html"), "page.html");
  EXPECT_EQ(a.Flag("format"), "csv");
  EXPECT_EQ(a.Flag("timeout", "10"), "10");
  EXPECT_FALSE(a.Has("timeout"));
}

TEST(ArgsTest, SwitchesTakeNoValue) {
  const Args a =
      Parse({"inspections", "list", "--concern", "2022"}, {"concern"});
  EXPECT_TRUE(a.Has("concern"));
  EXPECT_EQ(a.Flag("concern"), "");
  EXPECT_EQ(a.words, (std::vector<std::string>{"inspections", "list", "2022"}));
}

TEST(ArgsTest, AFlagBeforeAnotherFlagHasNoValue) {
  const Args a = Parse({"summary", "--year", "--format=json"});
  EXPECT_TRUE(a.Has("year"));
  EXPECT_EQ(a.Flag("year"), "");
  EXPECT_EQ(a.Flag("format"), "json");
}

TEST(ArgsTest, AcademicYearsInTheirThreeSpellings) {
  EXPECT_EQ(ParseAcademicYear("2022-2023"), 2022);
  EXPECT_EQ(ParseAcademicYear("2022-23"), 2022);
  EXPECT_EQ(ParseAcademicYear("2022"), 2022);
  EXPECT_EQ(ParseAcademicYear("1999-00"), 1999);
  for (const char* bad : {"2022-2024", "2022-24", "22-23", "2022-", "abcd", "",
                          "2022-2023x", "20222"}) {
    EXPECT_EQ(ParseAcademicYear(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(AcademicYearLabel(2022), "2022-2023");
  EXPECT_EQ(ShortAcademicYearLabel(1999), "99-00");
}

}  // namespace
}  // namespace lges::cli
