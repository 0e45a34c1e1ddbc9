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

std::string Th(const Fetcher& fetch, std::string_view key,
               bool number = false) {
  return std::string("<th scope=\"col\"") + (number ? " class=\"n\"" : "") +
         ">" + T(fetch, key) + "</th>";
}

std::string Inspections(const Fetcher& fetch, const pb::AuthorityProfile& p) {
  std::string rows;
  for (const pb::ProfileInspection& in : p.inspections()) {
    rows += "<tr><td>" + E(in.academic_year_label()) + "</td><td>" +
            E(DateText(fetch, in.start_date())) + "</td><td>" +
            T(fetch, in.causing_significant_concern() ? "authority.yes"
                                                      : "authority.no") +
            "</td><td class=\"n\">" +
            std::to_string(in.recommendation_count()) + "</td><td>" +
            (in.consortium_name_en().empty()
                 ? ""
                 : Bilingual(fetch, in.consortium_name_en(),
                             in.consortium_name_cy())) +
            "</td></tr>";
  }
  return "<section><h2>" + T(fetch, "authority.inspections") +
         "</h2><table class=\"data\" id=\"inspections\"><thead><tr>" +
         Th(fetch, "authority.col.year") + Th(fetch, "authority.col.started") +
         Th(fetch, "authority.col.concern") +
         Th(fetch, "authority.col.recommendations", true) +
         Th(fetch, "authority.col.consortium") + "</tr></thead><tbody>" + rows +
         "</tbody></table></section>";
}

std::string Recommendations(const Fetcher& fetch,
                            const pb::AuthorityProfile& p) {
  std::string out =
      "<section><h2>" + T(fetch, "authority.recommendations") + "</h2>";
  for (const pb::ProfileInspection& in : p.inspections()) {
    if (in.recommendations().empty()) continue;
    out += "<h3>" + E(in.academic_year_label()) + " (" +
           E(DateText(fetch, in.start_date())) + ")</h3><ol>";
    for (const pb::ThemedRecommendation& r : in.recommendations()) {
      out += "<li value=\"" + std::to_string(r.number()) + "\">" +
             InPageLanguage(fetch, r.text(), r.translations());
      if (!r.primary_theme().empty())
        out += " <em>(" +
               Bilingual(fetch, r.primary_theme_label_en(),
                         r.primary_theme_label_cy()) +
               ")</em>";
      out += "</li>";
    }
    out += "</ol>";
  }
  return out + "</section>";
}

std::string Recurring(const Fetcher& fetch, const pb::AuthorityProfile& p) {
  if (p.recurring_themes().empty()) return "";
  std::string items;
  for (const pb::RecurringTheme& r : p.recurring_themes()) {
    std::string at;
    for (const std::string& name : r.inspections())
      at += (at.empty() ? "" : ", ") + Id(name);
    items += "<li>" + Bilingual(fetch, r.label_en(), r.label_cy()) + ": " +
             E(at) + "</li>";
  }
  return "<section><h2>" + T(fetch, "authority.recurring") +
         "</h2><ul id=\"recurring\">" + items + "</ul></section>";
}

std::string FollowUp(const Fetcher& fetch, const pb::AuthorityProfile& p) {
  if (p.follow_up().empty()) return "";
  std::string rows;
  for (const pb::FollowUpEpisode& e : p.follow_up()) {
    rows += "<tr><td>" + E(DateText(fetch, e.entered())) + "</td><td>" +
            (e.ongoing() ? T(fetch, "authority.still_in")
                         : E(DateText(fetch, e.removed()))) +
            "</td><td class=\"n\">" + std::to_string(e.days()) + "</td></tr>";
  }
  return "<section><h2>" + T(fetch, "authority.follow_up") +
         "</h2><table class=\"data\" id=\"follow-up\"><thead><tr>" +
         Th(fetch, "authority.col.entered") +
         Th(fetch, "authority.col.removed") +
         Th(fetch, "authority.col.days", true) + "</tr></thead><tbody>" + rows +
         "</tbody></table></section>";
}

}  // namespace

PageReply Authority(Fetcher& fetch, const std::string& code) {
  pb::GetAuthorityProfileRequest request;
  request.set_provider("providers/" + code);
  request.set_language_code(fetch.language_code());
  pb::AuthorityProfile profile;
  if (!fetch.Get("/estyn.lges.v1.AnalyticsService/GetAuthorityProfile", request,
                 &profile))
    return fetch.error();
  const pb::Provider& provider = profile.provider();
  std::string body = "<section><p>" +
                     Bilingual(fetch, provider.name_en(), provider.name_cy()) +
                     " · " + E(provider.code()) + "</p></section>";
  body += Inspections(fetch, profile) + Recurring(fetch, profile) +
          FollowUp(fetch, profile) + Recommendations(fetch, profile);
  const std::string& name =
      fetch.language() == i18n::Language::kWelsh && !provider.name_cy().empty()
          ? provider.name_cy()
          : provider.name_en();
  return {200, Frame(fetch.language(), name, name, body)};
}

}  // namespace lges::gateway::pages
