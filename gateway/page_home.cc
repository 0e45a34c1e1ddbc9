// The start page: who is in follow-up today, the latest sector summary, the
// sector pages by year and the authorities' profiles.
#include "estyn/lges/v1/analytics.pb.h"
#include "gateway/pages_internal.h"

namespace lges::gateway::pages {
namespace {

namespace pb = ::estyn::lges::v1;

std::string InFollowUp(const Fetcher& fetch, const pb::FollowUpStatus& status) {
  std::string rows;
  for (const pb::AuthorityStatus& a : status.authorities()) {
    if (!a.in_follow_up()) continue;
    rows += "<tr><td><a href=\"" +
            E(Link(fetch, "/authorities/" + a.provider_code())) + "\">" +
            Bilingual(fetch, a.name_en(), a.name_cy()) + "</a></td><td>" +
            E(DateText(fetch, a.since())) + "</td><td class=\"n\">" +
            std::to_string(a.days()) + "</td></tr>";
  }
  const int n = status.in_follow_up();
  std::string out = "<section><h2>" + T(fetch, "home.in_follow_up") +
                    "</h2><p>" +
                    T(fetch,
                      n == 0   ? "home.none_in"
                      : n == 1 ? "home.one_in"
                               : "home.many_in",
                      {{"count", std::to_string(n)}}) +
                    "</p>";
  if (n > 0) {
    out +=
        "<table class=\"data\" id=\"in-follow-up\"><thead><tr><th "
        "scope=\"col\">" +
        T(fetch, "home.col.authority") + "</th><th scope=\"col\">" +
        T(fetch, "home.col.since") + "</th><th scope=\"col\" class=\"n\">" +
        T(fetch, "home.col.days") + "</th></tr></thead><tbody>" + rows +
        "</tbody></table>";
  }
  return out + "</section>";
}

std::string Summary(const Fetcher& fetch, const pb::SectorSummary& s) {
  std::string out =
      "<section id=\"latest\"><h2>" +
      T(fetch, "home.summary", {{"year", s.academic_year_label()}}) +
      "</h2><div class=\"tiles\">";
  const std::pair<int, const char*> tiles[] = {
      {s.core_inspections(), "label.core_inspections"},
      {s.providers_inspected(), "label.providers_inspected"},
      {s.follow_up().at_end_size(), "label.at_end"},
      {s.case_studies(), "label.case_studies"}};
  for (const auto& [n, what] : tiles) {
    out += "<div class=\"tile\"><span class=\"n\">" + std::to_string(n) +
           "</span><span class=\"what\">" + T(fetch, what) + "</span></div>";
  }
  out += "</div><ul>";
  for (const pb::ThemeLine& line : s.themes())
    out += "<li>" + E(line.sentence()) + "</li>";
  return out + "</ul><p><a href=\"" +
         E(Link(fetch, "/reports/" + s.academic_year_label())) + "\">" +
         T(fetch, "home.sector_page_of", {{"year", s.academic_year_label()}}) +
         "</a></p></section>";
}

std::string Years(const Fetcher& fetch, const pb::ThemeTrends& trends) {
  std::string items;
  for (int i = trends.academic_years_size() - 1; i >= 0; --i) {
    if (!trends.inspected(i)) continue;
    const std::string& label = trends.academic_year_labels(i);
    items += "<li><a href=\"" + E(Link(fetch, "/reports/" + label)) + "\">" +
             E(label) + "</a></li>";
  }
  return "<section><h2>" + T(fetch, "home.years") +
         "</h2><ul class=\"links\" id=\"years\">" + items + "</ul></section>";
}

std::string Authorities(const Fetcher& fetch,
                        const pb::FollowUpStatus& status) {
  std::string items;
  for (const pb::AuthorityStatus& a : status.authorities()) {
    items += "<li><a href=\"" +
             E(Link(fetch, "/authorities/" + a.provider_code())) + "\">" +
             Bilingual(fetch, a.name_en(), a.name_cy()) + "</a></li>";
  }
  return "<section><h2>" + T(fetch, "home.authorities") +
         "</h2><ul class=\"links\">" + items + "</ul></section>";
}

}  // namespace

PageReply Home(Fetcher& fetch) {
  pb::FollowUpStatus status;
  pb::GetFollowUpStatusRequest status_request;
  status_request.set_language_code(fetch.language_code());
  if (!fetch.Get("/estyn.lges.v1.AnalyticsService/GetFollowUpStatus",
                 status_request, &status))
    return fetch.error();
  const int current = AcademicYearOf(status.date());
  pb::GetThemeTrendsRequest trends_request;
  trends_request.set_language_code(fetch.language_code());
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
  std::string body = InFollowUp(fetch, status);
  if (latest != 0) {
    pb::GetSectorSummaryRequest request;
    request.set_academic_year(latest);
    request.set_language_code(fetch.language_code());
    pb::SectorSummary summary;
    if (!fetch.Get("/estyn.lges.v1.AnalyticsService/GetSectorSummary", request,
                   &summary))
      return fetch.error();
    body += Summary(fetch, summary);
  }
  body += Years(fetch, trends) + Authorities(fetch, status);
  return {200, Frame(fetch.language(),
                     i18n::Text(fetch.language(), "site.nav.start"),
                     // not text: the product name
                     "LGES Insights", body)};
}

}  // namespace lges::gateway::pages
