// The authority page's content: one provider's inspections, its
// recommendations and their themes, themes found again at the next
// inspection, and follow-up.
#include <cstdio>

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

std::string Id(const std::string& name) {
  return name.substr(name.find('/') + 1);
}

std::string Th(i18n::Language language, std::string_view key,
               bool number = false) {
  return std::string("<th scope=\"col\"") + (number ? " class=\"n\"" : "") +
         ">" + T(language, key) + "</th>";
}

std::string Inspections(i18n::Language language, const pb::AuthorityProfile& p) {
  std::string rows;
  for (const pb::ProfileInspection& in : p.inspections()) {
    rows += "<tr><td>" + E(in.academic_year_label()) + "</td><td>" +
            E(DateText(language, in.start_date())) + "</td><td>" +
            T(language, in.causing_significant_concern() ? "authority.yes"
                                                      : "authority.no") +
            "</td><td class=\"n\">" +
            std::to_string(in.recommendation_count()) + "</td><td>" +
            (in.consortium_name_en().empty()
                 ? ""
                 : BilingualHtml(language, in.consortium_name_en(),
                             in.consortium_name_cy())) +
            "</td></tr>";
  }
  return "<section><h2>" + T(language, "authority.inspections") +
         "</h2><table class=\"data\" id=\"inspections\"><thead><tr>" +
         Th(language, "authority.col.year") + Th(language, "authority.col.started") +
         Th(language, "authority.col.concern") +
         Th(language, "authority.col.recommendations", true) +
         Th(language, "authority.col.consortium") + "</tr></thead><tbody>" + rows +
         "</tbody></table></section>";
}

std::string Recommendations(i18n::Language language,
                            const pb::AuthorityProfile& p) {
  std::string out =
      "<section><h2>" + T(language, "authority.recommendations") + "</h2>";
  for (const pb::ProfileInspection& in : p.inspections()) {
    if (in.recommendations().empty()) continue;
    out += "<h3>" + E(in.academic_year_label()) + " (" +
           E(DateText(language, in.start_date())) + ")</h3><ol>";
    for (const pb::ThemedRecommendation& r : in.recommendations()) {
      out += "<li value=\"" + std::to_string(r.number()) + "\">" +
             InLanguageHtml(language, r.text(), r.translations());
      if (!r.primary_theme().empty())
        out += " <em>(" +
               BilingualHtml(language, r.primary_theme_label_en(),
                         r.primary_theme_label_cy()) +
               ")</em>";
      out += "</li>";
    }
    out += "</ol>";
  }
  return out + "</section>";
}

std::string Recurring(i18n::Language language, const pb::AuthorityProfile& p) {
  if (p.recurring_themes().empty()) return "";
  std::string items;
  for (const pb::RecurringTheme& r : p.recurring_themes()) {
    std::string at;
    for (const std::string& name : r.inspections())
      at += (at.empty() ? "" : ", ") + Id(name);
    items += "<li>" + BilingualHtml(language, r.label_en(), r.label_cy()) + ": " +
             E(at) + "</li>";
  }
  return "<section><h2>" + T(language, "authority.recurring") +
         "</h2><ul id=\"recurring\">" + items + "</ul></section>";
}

std::string FollowUp(i18n::Language language, const pb::AuthorityProfile& p) {
  if (p.follow_up().empty()) return "";
  std::string rows;
  for (const pb::FollowUpEpisode& e : p.follow_up()) {
    rows += "<tr><td>" + E(DateText(language, e.entered())) + "</td><td>" +
            (e.ongoing() ? T(language, "authority.still_in")
                         : E(DateText(language, e.removed()))) +
            "</td><td class=\"n\">" + std::to_string(e.days()) + "</td></tr>";
  }
  return "<section><h2>" + T(language, "authority.follow_up") +
         "</h2><table class=\"data\" id=\"follow-up\"><thead><tr>" +
         Th(language, "authority.col.entered") +
         Th(language, "authority.col.removed") +
         Th(language, "authority.col.days", true) + "</tr></thead><tbody>" + rows +
         "</tbody></table></section>";
}

}  // namespace

std::string AuthorityHtml(const pb::AuthorityProfile& profile,
                          i18n::Language language) {
  const pb::Provider& provider = profile.provider();
  return "<section><p>" +
         BilingualHtml(language, provider.name_en(), provider.name_cy()) +
         " · " + E(provider.code()) + "</p></section>" +
         Inspections(language, profile) + Recurring(language, profile) +
         FollowUp(language, profile) + Recommendations(language, profile);
}

std::string DateText(i18n::Language language, const pb::PartialDate& d) {
  char text[24] = "";
  switch (d.precision()) {
    case pb::DATE_PRECISION_DAY:
      std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year(), d.month(),
                    d.day());
      return text;
    case pb::DATE_PRECISION_MONTH:
      std::snprintf(text, sizeof text, "%04d-%02d", d.year(), d.month());
      return text;
    case pb::DATE_PRECISION_TERM:
      return i18n::TermDate(language, static_cast<int>(d.term()), d.year());
    case pb::DATE_PRECISION_YEAR:
      return std::to_string(d.year());
    case pb::DATE_PRECISION_ACADEMIC_YEAR:
      return std::to_string(d.year()) + "-" + std::to_string(d.year() + 1);
    default:
      return "";
  }
}

std::string InLanguageHtml(
    i18n::Language language, const std::string& english,
    const google::protobuf::RepeatedPtrField<pb::LocalizedText>& translations) {
  if (language == i18n::Language::kWelsh) {
    for (const pb::LocalizedText& t : translations)
      if (t.language_code() == "cy") return E(t.text());
  }
  return EnglishOnlyHtml(language, english);
}

}  // namespace lges::render
