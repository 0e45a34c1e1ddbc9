// The trends page's content: recommendation themes over a range of
// academic years, as a shaded chart and the same figures as a table.
#include <cmath>

#include "i18n/catalogue.h"
#include "render/html_text.h"
#include "render/pages_from_api.h"
#include "render/sector_page.h"
#include "render/svg_chart.h"

namespace lges::render {
namespace {

namespace pb = ::estyn::lges::v1;

using html::E;
using html::T;

std::string Percent(float proportion) {
  return std::to_string(static_cast<int>(std::lround(proportion * 100))) + "%";
}

std::string Chart(i18n::Language language, const pb::ThemeTrends& t) {
  const bool welsh = language == i18n::Language::kWelsh;
  std::vector<std::string> rows, columns;
  std::vector<std::vector<HeatCell>> cells;
  for (int y : t.academic_years()) columns.push_back(ShortYearLabel(y));
  for (const pb::ThemeTrend& theme : t.themes()) {
    rows.push_back(welsh && !theme.label_cy().empty() ? theme.label_cy()
                                                      : theme.label_en());
    std::vector<HeatCell> row;
    for (int i = 0; i < t.academic_years_size(); ++i)
      row.push_back(
          {t.inspected(i), theme.proportion(i), Percent(theme.proportion(i))});
    cells.push_back(std::move(row));
  }
  return "<figure>" +
         Heatmap(rows, columns, cells,
                         i18n::Text(language, "trends.chart_title")) +
         "</figure>";
}

std::string Table(i18n::Language language, const pb::ThemeTrends& t) {
  std::string head =
      "<tr><th scope=\"col\">" + T(language, "trends.col.theme") + "</th>";
  for (const std::string& label : t.academic_year_labels())
    head += "<th scope=\"col\" class=\"n\">" + E(label) + "</th>";
  std::string body =
      "<tr><th scope=\"row\">" + T(language, "trends.row.inspected") + "</th>";
  for (int i = 0; i < t.academic_years_size(); ++i)
    body +=
        "<td class=\"n\">" + std::to_string(t.providers_inspected(i)) + "</td>";
  body += "</tr>";
  for (const pb::ThemeTrend& theme : t.themes()) {
    body += "<tr data-theme=\"" + E(theme.theme_id()) +
            "\"><th scope=\"row\">" +
            BilingualHtml(language, theme.label_en(), theme.label_cy()) + "</th>";
    for (int i = 0; i < t.academic_years_size(); ++i) {
      body += t.inspected(i)
                  ? "<td class=\"n\" data-providers=\"" +
                        std::to_string(theme.providers_with_theme(i)) + "\">" +
                        Percent(theme.proportion(i)) + "</td>"
                  : "<td class=\"n\">–</td>";
    }
    body += "</tr>";
  }
  return "<table class=\"data\" id=\"trends\"><caption>" +
         T(language, "trends.caption") + "</caption><thead>" + head +
         "</tr></thead><tbody>" + body + "</tbody></table>";
}

}  // namespace

std::string TrendsHtml(const pb::ThemeTrends& trends, i18n::Language language) {
  if (trends.academic_year_labels().empty()) return "";
  // The notes come before the figures they explain, so that a printed copy
  // never ends on a page of notes alone.
  std::string notes;
  for (const std::string& note : trends.meta().footnotes())
    notes += "<p class=\"note\">" + E(note) + "</p>";
  return "<section><h2>" +
         T(language, "trends.heading",
           {{"from", trends.academic_year_labels(0)},
            {"to", trends.academic_year_labels(
                       trends.academic_year_labels_size() - 1)}}) +
         "</h2><p>" + T(language, "trends.explain") + "</p>" + notes +
         Chart(language, trends) + Table(language, trends) + "</section>";
}

}  // namespace lges::render
