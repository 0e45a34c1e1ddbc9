#include "gateway/pages.h"

#include "absl/strings/numbers.h"
#include "convert/convert.h"
#include "domain/dates.h"
#include "estyn/lges/v1/analytics.pb.h"
#include "gateway/forward.h"
#include "gateway/pages_internal.h"
#include "gateway/transcode.h"
#include "protos/wire_check.h"
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
  error_.html = Frame("Not available", "Not available",
                      "<section><p>" + E(outcome.message) +
                          "</p><p><a href=\"/\">Back to the start</a></p>"
                          "</section>");
  return false;
}

std::string E(const std::string& text) { return render::EscapeXml(text); }

std::string Bilingual(const std::string& en, const std::string& cy) {
  if (cy.empty() || cy == en) return E(en);
  return E(en) + " <span class=\"other-language\" lang=\"cy\">" + E(cy) +
         "</span>";
}

int AcademicYearOf(const google::type::Date& day) {
  return AcademicYear::Containing({day.year(), day.month(), day.day()})
      .start_year;
}

std::string DateText(const pb::PartialDate& date) {
  return FormatPartialDate(convert::FromProto(date));
}

std::string Frame(const std::string& title, const std::string& heading,
                  const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\"><title>" +
         E(title) + " · LGES Insights</title><style>" + render::PageStyle() +
         "</style></head><body><header class=\"masthead\"><p>Estyn · Local "
         "government education services</p><h1>" +
         E(heading) +
         "</h1></header><nav class=\"site\" aria-label=\"Site\"><a "
         "href=\"/\">Start</a><a href=\"/trends\">Themes over time</a><a "
         "href=\"/openapi.json\">API (OpenAPI)</a></nav><main>" +
         body + "</main></body></html>\n";
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
PageReply Report(pages::Fetcher& fetch, int year,
                 const std::string& language_code) {
  pb::GetSectorSummaryRequest summary_request;
  summary_request.set_academic_year(year);
  summary_request.set_language_code(language_code);
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
  return {200, render::RenderSectorPageHtml(
                   render::SectorPageFrom(summary, follow_up))};
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
  pages::Fetcher fetch(forwarder, metadata);
  if (!wire::IsValidUtf8(path)) {
    return PageReply{404, pages::Frame("Not found", "Not found",
                                       "<section><p>No such page.</p>"
                                       "</section>")};
  }
  if (path == "/") return pages::Home(fetch);
  if (path == "/trends")
    return pages::Trends(fetch, QueryInt(query, "from"), QueryInt(query, "to"));
  const std::string reports = "/reports/", authorities = "/authorities/";
  if (path.rfind(reports, 0) == 0) {
    const int year = YearIn(path.substr(reports.size()));
    if (year == 0) {
      return PageReply{404, pages::Frame("Not found", "Not found",
                                         "<section><p>A sector page is named "
                                         "by its academic year: "
                                         "<a href=\"/reports/2022-2023\">"
                                         "/reports/2022-2023</a>.</p>"
                                         "</section>")};
    }
    std::string language;
    for (const auto& [key, value] : ParseQuery(query))
      if (key == "lang") language = value;
    return Report(fetch, year, language);
  }
  if (path.rfind(authorities, 0) == 0 && path.size() > authorities.size())
    return pages::Authority(fetch, path.substr(authorities.size()));
  return std::nullopt;
}

}  // namespace lges::gateway
