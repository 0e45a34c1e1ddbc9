#include "clients/lgesctl/csv.h"

#include <gtest/gtest.h>

namespace lges::cli {
namespace {

CsvTable Parsed(const std::string& text) {
  CsvTable table;
  std::string error;
  EXPECT_TRUE(ParseCsv(text, &table, &error)) << error;
  return table;
}

std::string ErrorOf(const std::string& text) {
  CsvTable table;
  std::string error;
  EXPECT_FALSE(ParseCsv(text, &table, &error)) << text;
  return error;
}

TEST(CsvTest, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
  const CsvTable t = Parsed(
      "provider_code,text\r\n"
      "W06000023,\"Improve, strengthen\"\r\n"
      "W06000015,\"Say \"\"why\"\"\nover two lines\"\n"
      "W06000001,plain\n");
  EXPECT_EQ(t.header, (std::vector<std::string>{"provider_code", "text"}));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][1], "Improve, strengthen");
  EXPECT_EQ(t.rows[1][1], "Say \"why\"\nover two lines");
  EXPECT_EQ(t.rows[2][1], "plain");
  // Each row's first line in the file: the quoted newline moves the third.
  EXPECT_EQ(t.lines, (std::vector<int>{2, 3, 5}));
}

TEST(CsvTest, ReadsAFileExcelSavedAsCsvUtf8) {
  const CsvTable t = Parsed("\xEF\xBB\xBFprovider_code,name\r\nW06000001,Ynys Môn\r\n");
  EXPECT_EQ(t.header, (std::vector<std::string>{"provider_code", "name"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][1], "Ynys Môn");
}

TEST(CsvTest, IgnoresTrailingBlankLinesAndKeepsEmptyFields) {
  const CsvTable t = Parsed("a,b,c\n1,,3\n\n\n");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"1", "", "3"}));
}

TEST(CsvTest, SaysOnWhichLineARowIsWrong) {
  EXPECT_EQ(ErrorOf("a,b\n1,2\n1,2,3\n"),
            "line 3: 3 fields, but the header names 2 columns");
  EXPECT_EQ(ErrorOf("a,b\n1,\"open\n"), "line 2: a quoted field is not closed");
  EXPECT_EQ(ErrorOf("\n\n"),
            "the file is empty; the first line must name the columns");
}

TEST(CsvTest, WritesWhatItReads) {
  const std::vector<std::string> fields = {"plain", "a, b", "say \"hi\"",
                                           "two\nlines", ""};
  const std::string line = CsvLine(fields);
  EXPECT_EQ(line, "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
  const CsvTable t = Parsed("h1,h2,h3,h4,h5\n" + line);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0], fields);
}

}  // namespace
}  // namespace lges::cli
