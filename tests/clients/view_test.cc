// lgesctl's output model: wrapping, the 80-column fit, CSV and Markdown.
#include "clients/lgesctl/view.h"

#include <gtest/gtest.h>

#include <sstream>

namespace lges::cli {
namespace {

std::string Rendered(const View& view, Format format, int width = 80) {
  std::ostringstream out;
  Render(view, format, width, out);
  return out.str();
}

View Authorities() {
  Section s;
  s.table.columns = {{"CODE", false, true}, {"NAME (EN)"}, {"NOTE", true}};
  s.table.rows = {{"W06000001", "Isle of Anglesey",
                   "Ynys Môn: inspected in June 2022, with two "
                   "recommendations not in the record"},
                  {"W06000023", "Powys", "in follow-up | twice"}};
  return {"Authorities", {s}, {"dataset version 7"}};
}

TEST(WrapTextTest, BreaksAtSpacesCountsCodePointsAndCutsOnlyLongWords) {
  EXPECT_EQ(WrapText("Ynys Môn and Môn", 8),
            (std::vector<std::string>{"Ynys Môn", "and Môn"}));
  EXPECT_EQ(WrapText("inspections/POWYS-2025-02", 12),
            (std::vector<std::string>{"inspections/", "POWYS-2025-0", "2"}));
  EXPECT_EQ(WrapText("", 10), std::vector<std::string>{""});
  EXPECT_EQ(DisplayWidth("Môn"), 3u);
}

TEST(RenderTest, TextTableFitsTheWidthAndLeavesOutDataOnlyColumns) {
  const std::string text = Rendered(Authorities(), Format::kTable, 50);
  EXPECT_EQ(text.find("W06000001"), std::string::npos);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    EXPECT_LE(DisplayWidth(line), 50u) << line;
  EXPECT_NE(text.find("Isle of Anglesey  Ynys Môn: inspected in June"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\ndataset version 7\n"), std::string::npos);
}

TEST(RenderTest, CsvHasEveryColumnWithMachineNamesAndNoNotes) {
  EXPECT_EQ(Rendered(Authorities(), Format::kCsv),
            "code,name_en,note\n"
            "W06000001,Isle of Anglesey,\"Ynys Môn: inspected in June 2022, "
            "with two recommendations not in the record\"\n"
            "W06000023,Powys,in follow-up | twice\n");
  View figures{"", {Section{"", {{"core inspections", "4"}}, {}, {}}}, {}};
  EXPECT_EQ(Rendered(figures, Format::kCsv),
            "measure,value\ncore inspections,4\n");
}

TEST(RenderTest, MarkdownEscapesPipesAndQuotesNotes) {
  const std::string md = Rendered(Authorities(), Format::kMarkdown);
  EXPECT_NE(md.find("# Authorities\n"), std::string::npos);
  EXPECT_NE(md.find("| CODE | NAME (EN) | NOTE |\n| --- | --- | --- |"),
            std::string::npos);
  EXPECT_NE(md.find("| W06000023 | Powys | in follow-up \\| twice |"),
            std::string::npos);
  EXPECT_NE(md.find("\n> dataset version 7\n"), std::string::npos);
}

TEST(RenderTest, MarkdownEscapesWhatTheRecordCouldMarkUp) {
  Section s;
  s.facts = {{"note", "*not* _emphasis_ `code` <b>bold</b> [link]"}};
  s.items = {"a ~struck~ item"};
  const std::string md = Rendered({"", {s}, {}}, Format::kMarkdown);
  EXPECT_NE(md.find("\\*not\\* \\_emphasis\\_ \\`code\\` \\<b\\>bold\\</b\\> "
                    "\\[link\\]"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("- a \\~struck\\~ item"), std::string::npos) << md;
}

TEST(RenderTest, CsvCellsAreSafeInASpreadsheet) {
  Section s;
  s.table.columns = {{"TEXT"}, {"CHANGE"}};
  s.table.rows = {{"=SUM(A1:A9)", "-12.5"}, {"@cmd", "-"}, {"+1 more", "3"},
                  {"\tindented", "0"}};
  EXPECT_EQ(Rendered({"", {s}, {}}, Format::kCsv),
            "text,change\n'=SUM(A1:A9),-12.5\n'@cmd,-\n'+1 more,3\n"
            "'\tindented,0\n");
}

TEST(RenderTest, CsvSplitsDatesIntoNumbersAndTimesIntoSeconds) {
  Section s;
  Column date{"FROM"};
  date.date = true;
  Column time{"AT"};
  time.time = true;
  s.table.columns = {date, time};
  s.table.rows = {{"2019-09-10", "1970-01-02T00:00:00"},
                  {"2021-10", "1970-01-01 00:01"},
                  {"summer 2023", "-"},
                  {"2019-2020", ""}};
  s.facts = {{"report published", "2019-09-10"}, {"inspections", "4"}};
  EXPECT_EQ(Rendered({"", {s}, {}}, Format::kCsv),
            "measure,value\n"
            "report published_year,2019\nreport published_month,9\n"
            "report published_day,10\ninspections,4\n\n"
            "from_year,from_month,from_day,from_as_recorded,at_unix_seconds\n"
            "2019,9,10,,86400\n2021,10,,,60\n2023,,,summer 2023,\n"
            ",,,2019-2020,\n");
}

TEST(RenderTest, CsvTablesAreOnePerSectionPartAndNamed) {
  Section both;
  both.name = "follow_up";
  both.facts = {{"in follow-up", "3"}};
  both.table.columns = {{"CODE"}};
  Section unnamed;
  unnamed.table.columns = {{"ID"}};
  const auto tables = CsvTables({"", {both, unnamed}, {}});
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(tables[0].first, "follow_up_totals");
  EXPECT_EQ(tables[1].first, "follow_up");
  EXPECT_EQ(tables[2].first, "table3");
}

TEST(CsvNameTest, TurnsTitlesIntoColumnNames) {
  EXPECT_EQ(CsvName("NAME (EN)"), "name_en");
  EXPECT_EQ(CsvName("1 SEPTEMBER"), "1_september");
  EXPECT_EQ(CsvName("IN FOLLOW-UP SINCE"), "in_follow_up_since");
}

}  // namespace
}  // namespace lges::cli
