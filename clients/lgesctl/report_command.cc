// lgesctl report YEAR --html=FILE: the sector page from the API's replies
// (render/sector_page_from_api.h), written as one HTML file; with --trends
// FROM TO, the themes over those years (render/pages_from_api.h).
#include <fstream>

#include "clients/lgesctl/commands.h"
#include "render/pages_from_api.h"
#include "render/sector_page_from_api.h"

namespace lges::cli {

int WritePage(const std::string& path, const std::string& html,
              const std::string& what, int64_t version, Io io) {
  std::ofstream file(path, std::ios::binary);
  file << html;
  file.close();
  if (!file) {
    io.err << F(io, "cli.report.cannot_write", {{"path", path}}) << "\n";
    return kExitFailed;
  }
  io.out << F(io, "cli.report.wrote",
              {{"path", path},
               {"what", what},
               {"kib", std::to_string(html.size() / 1024)},
               {"version", std::to_string(version)}})
         << "\n";
  return kExitOk;
}

namespace {

// The printed pages' running footer.
std::string FooterLeft(const Io& io, const std::string& what,
                       int64_t version) {
  return F(io, "page.print_footer_other",
           {{"what", what},
            {"version", std::to_string(version)},
            {"printed", render::PrintTimeNow()}});
}

int TrendsReport(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 3)
    return UsageError(T(io, "cli.usage.report"), io, "report");
  std::optional<int> from =
      YearArg(args.words[1], T(io, "cli.what.first_year"), io);
  if (!from) return kExitUsage;
  std::optional<int> to = YearArg(args.words[2], T(io, "cli.what.last_year"), io);
  if (!to) return kExitUsage;
  pb::GetThemeTrendsRequest req;
  req.set_from_academic_year(*from);
  req.set_to_academic_year(*to);
  req.set_language_code(i18n::LanguageCode(io.language));
  pb::ThemeTrends trends;
  absl::Status status = client.GetThemeTrends(req, &trends);
  if (!status.ok())
    return ReportRpcError(status, T(io, "cli.what.theme_trends"), io);
  const std::string range = AcademicYearLabel(*from) + " – " +
                            AcademicYearLabel(*to);
  const int64_t version = trends.meta().dataset_version();
  const std::string title = T(io, "site.nav.trends");
  return WritePage(
      args.Flag("html"),
      render::PrintableHtml(io.language, title + " " + range,
                            T(io, "page.sector"), title, range,
                            render::TrendsHtml(trends, io.language),
                            FooterLeft(io, title + " " + range, version)),
      F(io, "cli.report.trends_page", {{"range", range}}), version, io);
}

}  // namespace

int Report(const Args& args, LgesClient& client, Io io) {
  if (args.Flag("html").empty())
    return UsageError(T(io, "cli.usage.report"), io, "report");
  if (args.Has("trends")) return TrendsReport(args, client, io);
  if (args.words.size() != 2)
    return UsageError(T(io, "cli.usage.report"), io, "report");
  std::optional<int> year = YearArg(args.words[1], T(io, "cli.what.year"), io);
  if (!year) return kExitUsage;
  const std::string path = args.Flag("html");

  pb::GetSectorSummaryRequest req;
  req.set_academic_year(*year);
  req.set_language_code(i18n::LanguageCode(io.language));
  pb::SectorSummary summary;
  absl::Status status = client.GetSectorSummary(req, &summary);
  if (!status.ok())
    return ReportRpcError(status, T(io, "cli.what.sector_summary"), io);
  pb::GetFollowUpAnalyticsRequest follow_req;
  follow_req.set_to_academic_year(*year);
  pb::FollowUpAnalytics follow_up;
  status = client.GetFollowUpAnalytics(follow_req, &follow_up);
  if (!status.ok())
    return ReportRpcError(status, T(io, "cli.what.follow_up_analytics"), io);
  pb::ReconcileSectorSummaryRequest reconcile_req;
  reconcile_req.set_academic_year(*year);
  reconcile_req.set_language_code(req.language_code());
  pb::SectorReconciliation reconciliation;
  status = client.ReconcileSectorSummary(reconcile_req, &reconciliation);
  if (!status.ok())
    return ReportRpcError(status, T(io, "cli.what.reconciliation"), io);
  const std::string html = render::RenderSectorPageHtml(render::SectorPageFrom(
      summary, follow_up, reconciliation, render::PrintTimeNow()));
  return WritePage(
      path, html,
      F(io, "cli.report.sector_page", {{"year", summary.academic_year_label()}}),
      summary.meta().dataset_version(), io);
}

}  // namespace lges::cli
