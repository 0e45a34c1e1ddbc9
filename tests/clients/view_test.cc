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

TEST(CsvNameTest, TurnsTitlesIntoColumnNames) {
  EXPECT_EQ(CsvName("NAME (EN)"), "name_en");
  EXPECT_EQ(CsvName("1 SEPTEMBER"), "1_september");
  EXPECT_EQ(CsvName("IN FOLLOW-UP SINCE"), "in_follow_up_since");
}

}  // namespace
}  // namespace lges::cli
