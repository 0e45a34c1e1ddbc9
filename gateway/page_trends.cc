// /trends: the themes of recommendations over a range of academic years, as
// a shaded chart and the same figures as a table.
#include <cmath>

#include "estyn/lges/v1/analytics.pb.h"
#include "gateway/pages_internal.h"
#include "render/sector_page.h"
#include "render/svg_chart.h"

namespace lges::gateway::pages {
namespace {

namespace pb = ::estyn::lges::v1;

std::string Percent(float proportion) {
  return std::to_string(static_cast<int>(std::lround(proportion * 100))) + "%";
}

std::string Chart(const Fetcher& fetch, const pb::ThemeTrends& t) {
  const bool welsh = fetch.language() == i18n::Language::kWelsh;
  std::vector<std::string> rows, columns;
  std::vector<std::vector<render::HeatCell>> cells;
  for (int y : t.academic_years()) columns.push_back(render::ShortYearLabel(y));
  for (const pb::ThemeTrend& theme : t.themes()) {
    rows.push_back(welsh && !theme.label_cy().empty() ? theme.label_cy()
                                                      : theme.label_en());
    std::vector<render::HeatCell> row;
    for (int i = 0; i < t.academic_years_size(); ++i)
      row.push_back(
          {t.inspected(i), theme.proportion(i), Percent(theme.proportion(i))});
    cells.push_back(std::move(row));
  }
  return "<figure>" +
         render::Heatmap(rows, columns, cells,
                         i18n::Text(fetch.language(), "trends.chart_title")) +
         "</figure>";
}

std::string Table(const Fetcher& fetch, const pb::ThemeTrends& t) {
  std::string head =
      "<tr><th scope=\"col\">" + T(fetch, "trends.col.theme") + "</th>";
  for (const std::string& label : t.academic_year_labels())
    head += "<th scope=\"col\" class=\"n\">" + E(label) + "</th>";
  std::string body =
      "<tr><th scope=\"row\">" + T(fetch, "trends.row.inspected") + "</th>";
  for (int i = 0; i < t.academic_years_size(); ++i)
    body +=
        "<td class=\"n\">" + std::to_string(t.providers_inspected(i)) + "</td>";
  body += "</tr>";
  for (const pb::ThemeTrend& theme : t.themes()) {
    body += "<tr data-theme=\"" + E(theme.theme_id()) +
            "\"><th scope=\"row\">" +
            Bilingual(fetch, theme.label_en(), theme.label_cy()) + "</th>";
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
         T(fetch, "trends.caption") + "</caption><thead>" + head +
         "</tr></thead><tbody>" + body + "</tbody></table>";
}

}  // namespace

PageReply Trends(Fetcher& fetch, int from, int to) {
  if (to == 0) {
    pb::FollowUpStatus status;
    pb::GetFollowUpStatusRequest status_request;
    status_request.set_language_code(fetch.language_code());
    if (!fetch.Get("/estyn.lges.v1.AnalyticsService/GetFollowUpStatus",
                   status_request, &status))
      return fetch.error();
    to = AcademicYearOf(status.date());
  }
  if (from == 0) from = to - 8;
  pb::GetThemeTrendsRequest request;
  request.set_from_academic_year(from);
  request.set_to_academic_year(to);
  request.set_language_code(fetch.language_code());
  pb::ThemeTrends trends;
  if (!fetch.Get("/estyn.lges.v1.AnalyticsService/GetThemeTrends", request,
                 &trends))
    return fetch.error();
  std::string body = "<section><h2>" +
                     T(fetch, "trends.heading",
                       {{"from", trends.academic_year_labels(0)},
                        {"to", trends.academic_year_labels(
                                   trends.academic_year_labels_size() - 1)}}) +
                     "</h2><p>" + T(fetch, "trends.explain") + "</p>" +
                     Chart(fetch, trends) + Table(fetch, trends);
  for (const std::string& note : trends.meta().footnotes())
    body += "<p class=\"note\">" + E(note) + "</p>";
  const std::string title = i18n::Text(fetch.language(), "site.nav.trends");
  return {200, Frame(fetch.language(), title, title, body + "</section>")};
}

}  // namespace lges::gateway::pages
