// lgesctl report YEAR --html=FILE: fills a SectorPage from the API and
// writes it as one HTML file.
#include <google/protobuf/util/time_util.h>

#include <fstream>

#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/sector_page.h"

namespace lges::cli {
namespace {

using Names = std::map<std::string, SectorPage::Name>;

Names BilingualNames(const std::map<std::string, pb::Provider>& providers) {
  Names names;
  for (const auto& [code, p] : providers)
    names[code] = {p.name_en(), p.name_cy()};
  return names;
}

std::vector<SectorPage::Name> NamesOf(
    const google::protobuf::RepeatedPtrField<std::string>& codes,
    const Names& names) {
  std::vector<SectorPage::Name> out;
  for (const std::string& code : codes) {
    auto it = names.find(code);
    out.push_back(it == names.end() ? SectorPage::Name{code, ""} : it->second);
  }
  return out;
}

SectorPage::FollowUpYear Counts(const pb::FollowUpYear& y) {
  return {y.academic_year(), y.at_start_size(),
          y.entered_size(),  y.removed_size(),
          y.at_end_size(),   ShortAcademicYearLabel(y.academic_year())};
}

SectorPage Fill(const pb::SectorSummary& s, const pb::FollowUpAnalytics& f,
                const pb::ListThemesResponse& themes, const Names& names) {
  SectorPage p;
  p.academic_year = s.academic_year();
  p.year_label = s.academic_year_label();
  p.core_inspections = s.core_inspections();
  p.welsh_medium = s.welsh_medium();
  p.english_medium = s.english_medium();
  p.providers_inspected = s.providers_inspected();
  p.case_studies = s.case_studies();
  p.follow_up = Counts(s.follow_up());
  p.at_start = NamesOf(s.follow_up().at_start(), names);
  p.entered = NamesOf(s.follow_up().entered(), names);
  p.removed = NamesOf(s.follow_up().removed(), names);
  p.at_end = NamesOf(s.follow_up().at_end(), names);
  std::map<std::string, SectorPage::Name> labels;
  for (const pb::Theme& t : themes.themes())
    labels[t.id()] = {t.label_en(), t.label_cy()};
  for (const pb::ThemeLine& line : s.themes()) {
    auto label = labels.find(line.theme_id());
    p.themes.push_back({line.theme_id(),
                        label == labels.end()
                            ? SectorPage::Name{line.theme_id(), ""}
                            : label->second,
                        line.providers(), line.sentence()});
  }
  for (const pb::KeyMessage& m : s.key_messages())
    p.key_messages.push_back(
        {m.area(), m.polarity() == pb::POLARITY_GOING_WELL, m.text()});
  for (const pb::FollowUpYear& y : f.years())
    p.follow_up_years.push_back(Counts(y));
  p.notes.assign(s.meta().footnotes().begin(), s.meta().footnotes().end());
  for (const std::string& w : s.meta().warnings()) p.notes.push_back(w);
  p.dataset_version = s.meta().dataset_version();
  const std::string as_of =
      google::protobuf::util::TimeUtil::ToString(s.meta().as_of());
  p.as_of = as_of.substr(0, 10) + " " + as_of.substr(11, 5) + " UTC";
  return p;
}

}  // namespace

int Report(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2 || args.Flag("html").empty())
    return UsageError(
        "expected 'report YEAR --html=FILE', e.g. 'report 2022-2023 "
        "--html=lges-2022-2023.html'",
        io, "report");
  std::optional<int> year = YearArg(args.words[1], "the year", io);
  if (!year) return kExitUsage;
  const std::string path = args.Flag("html");

  pb::GetSectorSummaryRequest req;
  req.set_academic_year(*year);
  pb::SectorSummary summary;
  absl::Status status = client.GetSectorSummary(req, &summary);
  if (!status.ok()) return ReportRpcError(status, "sector summary", io);
  pb::GetFollowUpAnalyticsRequest follow_req;
  follow_req.set_to_academic_year(*year);
  pb::FollowUpAnalytics follow_up;
  status = client.GetFollowUpAnalytics(follow_req, &follow_up);
  if (!status.ok()) return ReportRpcError(status, "follow-up analytics", io);
  pb::ListThemesResponse themes;
  status = client.ListAllThemes(&themes);
  if (!status.ok()) return ReportRpcError(status, "list themes", io);

  const std::string html = RenderSectorPageHtml(Fill(
      summary, follow_up, themes, BilingualNames(ProvidersByCode(client))));
  std::ofstream file(path, std::ios::binary);
  file << html;
  file.close();
  if (!file) {
    io.err << "lgesctl: cannot write " << path << "\n";
    return kExitFailed;
  }
  io.out << "wrote " << path << ": sector page of "
         << summary.academic_year_label() << " (" << html.size() / 1024
         << " KiB, dataset version " << summary.meta().dataset_version()
         << ")\n";
  return kExitOk;
}

}  // namespace lges::cli
