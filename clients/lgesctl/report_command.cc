// lgesctl report YEAR --html=FILE: the sector page from the API's replies
// (render/sector_page_from_api.h), written as one HTML file.
#include <fstream>

#include "clients/lgesctl/commands.h"
#include "render/sector_page_from_api.h"

namespace lges::cli {

int Report(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2 || args.Flag("html").empty())
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
  std::ofstream file(path, std::ios::binary);
  file << html;
  file.close();
  if (!file) {
    io.err << F(io, "cli.report.cannot_write", {{"path", path}}) << "\n";
    return kExitFailed;
  }
  io.out << F(io, "cli.report.wrote",
              {{"path", path},
               {"year", summary.academic_year_label()},
               {"kib", std::to_string(html.size() / 1024)},
               {"version", std::to_string(summary.meta().dataset_version())}})
         << "\n";
  return kExitOk;
}

}  // namespace lges::cli
