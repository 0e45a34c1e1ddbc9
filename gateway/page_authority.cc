// /authorities/{code}: one provider's inspections, recommendations and
// their themes, themes found again at the next inspection, and follow-up.
#include "estyn/lges/v1/analytics.pb.h"
#include "gateway/pages_internal.h"

namespace lges::gateway::pages {
namespace {

namespace pb = ::estyn::lges::v1;

std::string Id(const std::string& name) {
  return name.substr(name.find('/') + 1);
}

std::string Inspections(const pb::AuthorityProfile& p) {
  std::string rows;
  for (const pb::ProfileInspection& in : p.inspections()) {
    rows += "<tr><td>" + E(in.academic_year_label()) + "</td><td>" +
            E(DateText(in.start_date())) + "</td><td>" +
            (in.causing_significant_concern() ? "Yes" : "No") +
            "</td><td class=\"n\">" + std::to_string(in.recommendation_count()) +
            "</td><td>" +
            Bilingual(in.consortium_name_en(), in.consortium_name_cy()) +
            "</td></tr>";
  }
  return "<section><h2>Inspections</h2><table class=\"data\" "
         "id=\"inspections\"><thead><tr><th scope=\"col\">Year</th><th "
         "scope=\"col\">Started</th><th scope=\"col\">Causing significant "
         "concern</th><th scope=\"col\" class=\"n\">Recommendations</th><th "
         "scope=\"col\">Consortium</th></tr></thead><tbody>" +
         rows + "</tbody></table></section>";
}

std::string Recommendations(const pb::AuthorityProfile& p) {
  std::string out = "<section><h2>Recommendations and their themes</h2>";
  for (const pb::ProfileInspection& in : p.inspections()) {
    if (in.recommendations().empty()) continue;
    out += "<h3>" + E(in.academic_year_label()) + " (" +
           E(DateText(in.start_date())) + ")</h3><ol>";
    for (const pb::ThemedRecommendation& r : in.recommendations()) {
      out += "<li value=\"" + std::to_string(r.number()) + "\">" + E(r.text());
      if (!r.primary_theme().empty())
        out += " <em>(" +
               Bilingual(r.primary_theme_label_en(), r.primary_theme_label_cy()) +
               ")</em>";
      out += "</li>";
    }
    out += "</ol>";
  }
  return out + "</section>";
}

std::string Recurring(const pb::AuthorityProfile& p) {
  if (p.recurring_themes().empty()) return "";
  std::string items;
  for (const pb::RecurringTheme& r : p.recurring_themes()) {
    std::string at;
    for (const std::string& name : r.inspections())
      at += (at.empty() ? "" : ", ") + Id(name);
    items += "<li>" + Bilingual(r.label_en(), r.label_cy()) + ": " + E(at) +
             "</li>";
  }
  return "<section><h2>Themes found again at the next inspection</h2><ul "
         "id=\"recurring\">" +
         items + "</ul></section>";
}

std::string FollowUp(const pb::AuthorityProfile& p) {
  if (p.follow_up().empty()) return "";
  std::string rows;
  for (const pb::FollowUpEpisode& e : p.follow_up()) {
    rows += "<tr><td>" + E(DateText(e.entered())) + "</td><td>" +
            (e.ongoing() ? "still in follow-up" : E(DateText(e.removed()))) +
            "</td><td class=\"n\">" + std::to_string(e.days()) + "</td></tr>";
  }
  return "<section><h2>Follow-up</h2><table class=\"data\" "
         "id=\"follow-up\"><thead><tr><th scope=\"col\">Entered</th><th "
         "scope=\"col\">Removed</th><th scope=\"col\" "
         "class=\"n\">Days</th></tr></thead><tbody>" +
         rows + "</tbody></table></section>";
}

}  // namespace

PageReply Authority(Fetcher& fetch, const std::string& code) {
  pb::GetAuthorityProfileRequest request;
  request.set_provider("providers/" + code);
  pb::AuthorityProfile profile;
  if (!fetch.Get("/estyn.lges.v1.AnalyticsService/GetAuthorityProfile",
                 request, &profile))
    return fetch.error();
  const pb::Provider& provider = profile.provider();
  std::string body = "<section><p>" +
                     Bilingual(provider.name_en(), provider.name_cy()) +
                     " · " + E(provider.code()) + "</p></section>";
  body += Inspections(profile) + Recurring(profile) + FollowUp(profile) +
          Recommendations(profile);
  return {200, Frame(provider.name_en(), provider.name_en(), body)};
}

}  // namespace lges::gateway::pages
