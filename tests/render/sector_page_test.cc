// The printable sector page and its SVG charts, as text.
#include "render/sector_page.h"

#include <gtest/gtest.h>

#include "render/svg_chart.h"

namespace lges::render {
namespace {

SectorPage Page() {
  SectorPage p;
  p.academic_year = 2022;
  p.year_label = "2022-2023";
  p.core_inspections = 4;
  p.providers_inspected = 4;
  p.follow_up = {2022, 3, 0, 2, 1, "22-23"};
  p.at_end = {{"Wrexham", "Wrecsam"}};
  p.themes = {{"attendance",
               {"Attendance", "Presenoldeb"},
               2,
               "Two local authorities received a recommendation to improve "
               "attendance."}};
  p.key_messages = {{"Leadership & management", true,
                     "Leaders <script>alert(1)</script> plan well."}};
  p.follow_up_years = {{2021, 3, 1, 1, 3, "21-22"},
                       {2022, 3, 0, 2, 1, "22-23"}};
  p.dataset_version = 109;
  p.as_of = "2025-06-01 12:00 UTC";
  return p;
}

TEST(SectorPageTest, EscapesTextAndLoadsNothing) {
  const std::string html = RenderSectorPageHtml(Page());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("Leaders &lt;script&gt;alert(1)&lt;/script&gt;"),
            std::string::npos);
  EXPECT_NE(html.find("Leadership &amp; management"), std::string::npos);
  for (const char* loader : {"src=", "href=", "@import", "url("})
    EXPECT_EQ(html.find(loader), std::string::npos) << loader;
  EXPECT_NE(html.find("@page { size: A4;"), std::string::npos);
}

TEST(SectorPageTest, ShowsWelshLabelsMarkedAsWelsh) {
  const std::string html = RenderSectorPageHtml(Page());
  EXPECT_NE(html.find("<html lang=\"en-GB\">"), std::string::npos);
  EXPECT_NE(html.find("Wrexham <span class=\"other-language\" lang=\"cy\">/ "
                      "Wrecsam</span>"),
            std::string::npos);
  EXPECT_NE(html.find("Attendance <span class=\"other-language\" "
                      "lang=\"cy\">/ Presenoldeb</span>"),
            std::string::npos);
  EXPECT_NE(html.find(">Presenoldeb</text>"), std::string::npos);  // Chart.
}

// The Welsh page: Estyn's Welsh headings and tiles, Welsh names first, and
// a key message without Welsh in the record shown in English, marked.
TEST(SectorPageTest, AWelshPageIsWelshAndMarksTheEnglishItShows) {
  SectorPage p = Page();
  p.language = i18n::Language::kWelsh;
  p.themes[0].sentence =
      "Cafodd dau o’r pedwar awdurdod lleol argymhelliad i wella presenoldeb.";
  p.key_messages = {{"Leadership and management", true,
                     "Mae gan dri o’r pedwar awdurdod lleol weledigaeth glir.",
                     false},
                    {"Leadership and management", false,
                     "Strategic planning is not effective enough.", true}};
  const std::string html = RenderSectorPageHtml(p);
  EXPECT_NE(html.find("<html lang=\"cy\">"), std::string::npos);
  for (const char* welsh :
       {"Crynodeb sector", "Gwasanaethau addysg llywodraeth leol",
        "Arolygiadau craidd", "Cyfrwng Cymraeg",
        "Nifer mewn categori gweithgarwch dilynol ym mis Medi 2022",
        "Nifer a dynnwyd yn 2022-2023", "Arweinyddiaeth a rheolaeth",
        "n mynd yn dda</h3>", "Beth sydd angen ei wella</h3>",
        "Awdurdodau lleol sy’n peri pryder sylweddol",
        "Wrecsam <span class=\"other-language\" lang=\"en\">/ Wrexham</span>",
        "Presenoldeb <span class=\"other-language\" lang=\"en\">/ "
        "Attendance</span>",
        "<span lang=\"en\">Strategic planning is not effective enough.</span>",
        "Nid oes testun Cymraeg yn y cofnod"})
    EXPECT_NE(html.find(welsh), std::string::npos) << welsh;
  for (const char* english :
       {"Sector summary", "core inspections", "What’s going well",
        "Local authorities causing", "Overview of recommendations"})
    EXPECT_EQ(html.find(english), std::string::npos) << english;
}

TEST(SvgChartTest, BarsAreScaledToTheMaximum) {
  const std::string svg =
      HorizontalBarChart({{"Attendance", "", 2, "2 of 4", false}}, 4, "Themes");
  // Plot area 310 units wide from x=300: 2 of 4 is 155.
  EXPECT_NE(svg.find("<rect x=\"300\" y=\"14\" width=\"155\" height=\"18\""),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<title id=\"chart-themes\">Themes</title>"),
            std::string::npos);
}

TEST(SvgChartTest, ColumnChartHighlightsTheChosenYear) {
  const std::string svg = ColumnChart(
      {{"21-22", "", 3, "3", false}, {"22-23", "", 1, "1", true}}, "Years");
  EXPECT_EQ(svg.find("class=\"bar accent\""), svg.rfind("class=\"bar"));
  EXPECT_NE(svg.find("class=\"label strong\" text-anchor=\"middle\">22-23<"),
            std::string::npos);
  EXPECT_EQ(EscapeXml("a<b & 'c'"), "a&lt;b &amp; &#39;c&#39;");
}

}  // namespace
}  // namespace lges::render
