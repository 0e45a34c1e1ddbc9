#include "gateway/pages.h"

#include "absl/strings/numbers.h"
#include "domain/dates.h"
#include "estyn/lges/v1/analytics.pb.h"
#include "gateway/forward.h"
#include "gateway/pages_internal.h"
#include "gateway/transcode.h"
#include "protos/wire_check.h"
#include "render/pages_from_api.h"
#include "render/sector_page.h"
#include "render/sector_page_from_api.h"
#include "render/svg_chart.h"

namespace lges::gateway {
namespace pages {

namespace pb = ::estyn::lges::v1;

bool Fetcher::Get(const std::string& method,
                  const google::protobuf::Message& request,
                  google::protobuf::Message* reply) {
  const Outcome outcome = forwarder_.Call(
      method, {request.SerializeAsString()}, metadata_,
      std::chrono::system_clock::now() + std::chrono::seconds(30),
      [&](const std::string& bytes) { return reply->ParseFromString(bytes); });
  if (outcome.code == 0) return true;
  error_.http_status = HttpStatusOf(outcome.code);
  const std::string title = i18n::Text(language_, "site.not_available");
  error_.html = Frame(
      language_, title, title,
      "<section><p" +
          std::string(language_ == i18n::Language::kWelsh ? " lang=\"en\""
                                                          : "") +
          ">" + E(outcome.message) + "</p><p><a href=\"" + Link(*this, "/") +
          "\">" + E(i18n::Text(language_, "site.back")) + "</a></p></section>");
  return false;
}

std::string E(const std::string& text) { return render::EscapeXml(text); }

std::string T(const Fetcher& fetch, std::string_view key,
              const i18n::Args& args) {
  return E(i18n::Format(fetch.language(), key, args));
}

std::string Link(const Fetcher& fetch, const std::string& path) {
  if (fetch.language() != i18n::Language::kWelsh) return path;
  return path + (path.find('?') == std::string::npos ? "?lang=cy" : "&lang=cy");
}

std::string Bilingual(const Fetcher& fetch, const std::string& en,
                      const std::string& cy) {
  return render::BilingualHtml(fetch.language(), en, cy);
}

int AcademicYearOf(const google::type::Date& day) {
  return AcademicYear::Containing({day.year(), day.month(), day.day()})
      .start_year;
}

std::string DateText(const Fetcher& fetch, const pb::PartialDate& date) {
  return render::DateText(fetch.language(), date);
}

std::string Frame(i18n::Language language, const std::string& title,
                  const std::string& heading, const std::string& body) {
  const bool welsh = language == i18n::Language::kWelsh;
  auto t = [&](std::string_view key) { return E(i18n::Text(language, key)); };
  const std::string lang = welsh ? "?lang=cy" : "";
  return std::string("<!DOCTYPE html>\n<html lang=\"") +
         (welsh ? "cy" : "en-GB") +
         "\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\"><title>" +
         // not text: the product name
         E(title) + " · LGES Insights</title><style>" + render::PageStyle() +
         "</style></head><body><header class=\"masthead\"><p>" +
         t("site.masthead") + "</p><h1>" + E(heading) +
         "</h1></header><nav class=\"site\" aria-label=\"" + t("site.nav") +
         "\"><a href=\"/" + lang + "\">" + t("site.nav.start") +
         "</a><a href=\"/trends" + lang + "\">" + t("site.nav.trends") +
         "</a><a href=\"/openapi.json\">" + t("site.nav.api") + "</a>" +
         (welsh ? "<a href=\"?lang=en\" lang=\"en\" hreflang=\"en\">English</a>"
                : "<a href=\"?lang=cy\" lang=\"cy\" "
                  "hreflang=\"cy\">Cymraeg</a>") +
         "</nav><main>" + body + "</main></body></html>\n";
}

}  // namespace pages

namespace {

namespace pb = ::estyn::lges::v1;

// "2022", "2022-2023" or "2022-23": the start year; 0 if none of these.
int YearIn(const std::string& text) {
  int year = 0;
  if (text.size() < 4 || !absl::SimpleAtoi(text.substr(0, 4), &year)) return 0;
  const std::string rest = text.substr(4);
  const std::string next = std::to_string(year + 1);
  if (rest.empty() || rest == "-" + next || rest == "-" + next.substr(2))
    return year;
  return 0;
}

// The sector page in `language_code` ("cy" for Welsh; the server refuses
// anything but "", "en" and "cy" with INVALID_ARGUMENT).
PageReply Report(pages::Fetcher& fetch, int year) {
  pb::GetSectorSummaryRequest summary_request;
  summary_request.set_academic_year(year);
  summary_request.set_language_code(fetch.language_code());
  pb::SectorSummary summary;
  if (!fetch.Get("/estyn.lges.v1.AnalyticsService/GetSectorSummary",
                 summary_request, &summary))
    return fetch.error();
  pb::GetFollowUpAnalyticsRequest follow_request;
  follow_request.set_to_academic_year(year);
  pb::FollowUpAnalytics follow_up;
  if (!fetch.Get("/estyn.lges.v1.AnalyticsService/GetFollowUpAnalytics",
                 follow_request, &follow_up))
    return fetch.error();
  pb::ReconcileSectorSummaryRequest reconcile_request;
  reconcile_request.set_academic_year(year);
  reconcile_request.set_language_code(fetch.language_code());
  pb::SectorReconciliation reconciliation;
  if (!fetch.Get("/estyn.lges.v1.AnalyticsService/ReconcileSectorSummary",
                 reconcile_request, &reconciliation))
    return fetch.error();
  return {200, render::RenderSectorPageHtml(render::SectorPageFrom(
                   summary, follow_up, reconciliation, render::PrintTimeNow()))};
}

int QueryInt(const std::string& query, const std::string& name) {
  for (const auto& [key, value] : ParseQuery(query)) {
    int n = 0;
    if (key == name && absl::SimpleAtoi(value, &n)) return n;
  }
  return 0;
}

}  // namespace

std::optional<PageReply> RenderPage(
    Forwarder& forwarder, const std::string& path, const std::string& query,
    const std::vector<std::pair<std::string, std::string>>& metadata) {
  i18n::Language language = i18n::Language::kEnglish;
  for (const auto& [key, value] : ParseQuery(query))
    if (key == "lang" && value == "cy") language = i18n::Language::kWelsh;
  pages::Fetcher fetch(forwarder, metadata, language);
  const std::string not_found = i18n::Text(language, "site.not_found");
  if (!wire::IsValidUtf8(path)) {
    return PageReply{
        404,
        pages::Frame(language, not_found, not_found,
                     "<section><p>" + pages::T(fetch, "site.no_such_page") +
                         "</p></section>")};
  }
  if (path == "/") return pages::Home(fetch);
  if (path == "/trends")
    return pages::Trends(fetch, QueryInt(query, "from"), QueryInt(query, "to"));
  const std::string reports = "/reports/", authorities = "/authorities/";
  if (path.rfind(reports, 0) == 0) {
    const int year = YearIn(path.substr(reports.size()));
    if (year == 0) {
      return PageReply{
          404,
          pages::Frame(language, not_found, not_found,
                       "<section><p>" + pages::T(fetch, "site.report_named") +
                           " <a href=\"" +
                           pages::Link(fetch, "/reports/2022-2023") +
                           "\">/reports/2022-2023</a>.</p></section>")};
    }
    return Report(fetch, year);
  }
  if (path.rfind(authorities, 0) == 0 && path.size() > authorities.size())
    return pages::Authority(fetch, path.substr(authorities.size()));
  return std::nullopt;
}

}  // namespace lges::gateway
