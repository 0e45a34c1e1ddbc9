// The start page: who is in follow-up today, the latest sector summary, the
// sector pages by year and the authorities' profiles.
#include "estyn/lges/v1/analytics.pb.h"
#include "gateway/pages_internal.h"

namespace lges::gateway::pages {
namespace {

namespace pb = ::estyn::lges::v1;

std::string InFollowUp(const pb::FollowUpStatus& status) {
  std::string rows;
  for (const pb::AuthorityStatus& a : status.authorities()) {
    if (!a.in_follow_up()) continue;
    rows += "<tr><td><a href=\"/authorities/" + E(a.provider_code()) + "\">" +
            Bilingual(a.name_en(), a.name_cy()) + "</a></td><td>" +
            E(DateText(a.since())) + "</td><td class=\"n\">" +
            std::to_string(a.days()) + "</td></tr>";
  }
  const int n = status.in_follow_up();
  std::string out =
      "<section><h2>In follow-up today</h2><p>" +
      std::string(n == 0 ? "No local authority is"
                         : n == 1 ? "One local authority is"
                                  : std::to_string(n) +
                                        " local authorities are") +
      " in follow-up as causing significant concern.</p>";
  if (n > 0) {
    out +=
        "<table class=\"data\" id=\"in-follow-up\"><thead><tr><th "
        "scope=\"col\">Authority</th><th scope=\"col\">In follow-up "
        "since</th><th scope=\"col\" class=\"n\">Days</th></tr></thead><tbody>" +
        rows + "</tbody></table>";
  }
  return out + "</section>";
}

std::string Summary(const pb::SectorSummary& s) {
  std::string out = "<section id=\"latest\"><h2>Sector summary " +
                    E(s.academic_year_label()) + "</h2><div class=\"tiles\">";
  const std::pair<int, std::string> tiles[] = {
      {s.core_inspections(), "core inspections"},
      {s.providers_inspected(), "providers inspected"},
      {s.follow_up().at_end_size(), "in follow-up on 31 August"},
      {s.case_studies(), "case studies"}};
  for (const auto& [n, what] : tiles) {
    out += "<div class=\"tile\"><span class=\"n\">" + std::to_string(n) +
           "</span><span class=\"what\">" + E(what) + "</span></div>";
  }
  out += "</div><ul>";
  for (const pb::ThemeLine& line : s.themes()) out += "<li>" + E(line.sentence()) + "</li>";
  return out + "</ul><p><a href=\"/reports/" + E(s.academic_year_label()) +
         "\">The sector page of " + E(s.academic_year_label()) +
         "</a></p></section>";
}

std::string Years(const pb::ThemeTrends& trends) {
  std::string items;
  for (int i = trends.academic_years_size() - 1; i >= 0; --i) {
    if (!trends.inspected(i)) continue;
    const std::string& label = trends.academic_year_labels(i);
    items += "<li><a href=\"/reports/" + E(label) + "\">" + E(label) + "</a></li>";
  }
  return "<section><h2>Sector pages by year</h2><ul class=\"links\" "
         "id=\"years\">" +
         items + "</ul></section>";
}

std::string Authorities(const pb::FollowUpStatus& status) {
  std::string items;
  for (const pb::AuthorityStatus& a : status.authorities()) {
    items += "<li><a href=\"/authorities/" + E(a.provider_code()) + "\">" +
             Bilingual(a.name_en(), a.name_cy()) + "</a></li>";
  }
  return "<section><h2>Local authorities</h2><ul class=\"links\">" + items +
         "</ul></section>";
}

}  // namespace

PageReply Home(Fetcher& fetch) {
  pb::FollowUpStatus status;
  if (!fetch.Get("/estyn.lges.v1.AnalyticsService/GetFollowUpStatus",
                 pb::GetFollowUpStatusRequest(), &status))
    return fetch.error();
  const int current = AcademicYearOf(status.date());
  pb::GetThemeTrendsRequest trends_request;
  trends_request.set_from_academic_year(std::max(1990, current - 30));
  trends_request.set_to_academic_year(current);
  pb::ThemeTrends trends;
  if (!fetch.Get("/estyn.lges.v1.AnalyticsService/GetThemeTrends",
                 trends_request, &trends))
    return fetch.error();
  int latest = 0;
  for (int i = 0; i < trends.academic_years_size(); ++i) {
    if (trends.inspected(i)) latest = trends.academic_years(i);
  }
  std::string body = InFollowUp(status);
  if (latest != 0) {
    pb::GetSectorSummaryRequest request;
    request.set_academic_year(latest);
    pb::SectorSummary summary;
    if (!fetch.Get("/estyn.lges.v1.AnalyticsService/GetSectorSummary",
                   request, &summary))
      return fetch.error();
    body += Summary(summary);
  }
  body += Years(trends) + Authorities(status);
  return {200, Frame("Start", "LGES Insights", body)};
}

}  // namespace lges::gateway::pages
