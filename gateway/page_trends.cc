// /trends: the themes of recommendations over a range of academic years
// (render/trends_html.cc), in the site's frame.
#include "estyn/lges/v1/analytics.pb.h"
#include "gateway/pages_internal.h"
#include "render/pages_from_api.h"

namespace lges::gateway::pages {
namespace pb = ::estyn::lges::v1;

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
  const std::string title = i18n::Text(fetch.language(), "site.nav.trends");
  return {200, Frame(fetch.language(), title, title,
                     render::TrendsHtml(trends, fetch.language()))};
}

}  // namespace lges::gateway::pages
