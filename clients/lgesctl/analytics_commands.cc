// lgesctl analytics commands: summary, trends, follow-up status/timeline,
// classify, themes, set-theme, profile.
#include <cstdio>
#include <map>

#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/format.h"

namespace lges::cli {
namespace {

// Theme id -> English label, for readable output; ids where the call fails.
std::map<std::string, std::string> ThemeLabels(LgesClient& client) {
  pb::ListThemesResponse themes;
  std::map<std::string, std::string> labels;
  if (client.ListThemes({}, &themes).ok()) {
    for (const pb::Theme& t : themes.themes()) labels[t.id()] = t.label_en();
  }
  return labels;
}

std::string Join(const google::protobuf::RepeatedPtrField<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "-" : out;
}

void PrintNotes(const pb::AnalyticsMeta& meta, Io io) {
  for (const std::string& f : meta.footnotes())
    io.out << "  note: " << f << "\n";
  for (const std::string& w : meta.warnings())
    io.out << "  warning: " << w << "\n";
  io.out << "  (dataset version " << meta.dataset_version() << ")\n";
}

std::optional<int> YearFlag(const Args& args, const std::string& name, Io io) {
  std::optional<int> year = ParseAcademicYear(args.Flag(name));
  if (!year)
    UsageError("--" + name + " must be an academic year such as 2022-2023", io);
  return year;
}

int Summary(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2)
    return UsageError("expected 'summary YEAR', e.g. 'summary 2022-2023'", io);
  std::optional<int> year = ParseAcademicYear(args.words[1]);
  if (!year)
    return UsageError("the year must be an academic year such as 2022-2023",
                      io);
  pb::GetSectorSummaryRequest req;
  req.set_academic_year(*year);
  pb::SectorSummary s;
  grpc::Status status = client.GetSectorSummary(req, &s);
  if (!status.ok()) return ReportRpcError(status, "sector summary", io);
  if (io.json) {
    PrintJson(s, io);
    return kExitOk;
  }
  const pb::FollowUpYear& f = s.follow_up();
  io.out << "Local government education services, " << s.academic_year_label()
         << "\n\n"
         << "  core inspections:          " << s.core_inspections() << " ("
         << s.welsh_medium() << " Welsh-medium, " << s.english_medium()
         << " English-medium)\n"
         << "  case studies:              " << s.case_studies() << "\n"
         << "  in follow-up, 1 September: " << f.at_start_size() << "\n"
         << "  went into follow-up:       " << f.entered_size() << "\n"
         << "  removed from follow-up:    " << f.removed_size() << "\n"
         << "  in follow-up, 31 August:   " << f.at_end_size() << "\n\n";
  if (s.themes_size() > 0) io.out << "Overview of recommendations\n";
  for (const pb::ThemeLine& line : s.themes())
    io.out << "  " << line.providers() << "  " << line.sentence() << "\n";
  for (const pb::KeyMessage& m : s.key_messages()) {
    io.out << "  [" << m.area() << ", "
           << (m.polarity() == pb::POLARITY_GOING_WELL ? "going well"
                                                       : "to improve")
           << "] " << m.text() << "\n";
  }
  PrintNotes(s.meta(), io);
  return kExitOk;
}

int Trends(const Args& args, LgesClient& client, Io io) {
  std::optional<int> from = YearFlag(args, "from", io),
                     to = YearFlag(args, "to", io);
  if (!from || !to) return kExitUsage;
  pb::GetThemeTrendsRequest req;
  req.set_from_academic_year(*from);
  req.set_to_academic_year(*to);
  req.set_consortium(args.Flag("consortium"));
  pb::ThemeTrends t;
  grpc::Status status = client.GetThemeTrends(req, &t);
  if (!status.ok()) return ReportRpcError(status, "theme trends", io);
  if (io.json) {
    PrintJson(t, io);
    return kExitOk;
  }
  const std::map<std::string, std::string> labels = ThemeLabels(client);
  Row header = {"THEME ID", "THEME"};
  for (int i = 0; i < t.academic_years_size(); ++i)
    header.push_back(AcademicYearLabel(t.academic_years(i)));
  std::vector<Row> rows;
  for (const pb::ThemeTrend& theme : t.themes()) {
    Row row = {theme.theme_id(), labels.count(theme.theme_id())
                                     ? labels.at(theme.theme_id())
                                     : theme.theme_id()};
    for (int i = 0; i < t.academic_years_size(); ++i) {
      row.push_back(t.inspected(i)
                        ? std::to_string(theme.providers_with_theme(i)) + "/" +
                              std::to_string(t.providers_inspected(i))
                        : "none");
    }
    rows.push_back(row);
  }
  PrintTable(io.out, header, rows);
  io.out << "  cells: inspected providers with a recommendation in the theme / "
            "providers inspected; "
            "'none': no inspections that year\n";
  PrintNotes(t.meta(), io);
  return kExitOk;
}

int Classify(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2)
    return UsageError("expected 'classify \"RECOMMENDATION TEXT\"'", io);
  pb::ClassifyRecommendationRequest req;
  req.set_text(args.words[1]);
  pb::ClassifyRecommendationResponse c;
  grpc::Status status = client.ClassifyRecommendation(req, &c);
  if (!status.ok()) return ReportRpcError(status, "classify", io);
  if (io.json) {
    PrintJson(c, io);
    return kExitOk;
  }
  io.out << "primary theme: "
         << (c.primary_theme().empty() ? "(none matched)" : c.primary_theme())
         << "\n"
         << "tags:          " << Join(c.tags()) << "\n";
  for (const pb::Evidence& e : c.evidence()) {
    io.out << "  matched \"" << e.matched() << "\" -> " << e.theme_id()
           << " (rule \"" << e.phrase() << "\", "
           << (e.in_head() ? "head" : "qualifier") << ")\n";
  }
  return kExitOk;
}

int Themes(LgesClient& client, Io io) {
  pb::ListThemesResponse themes;
  grpc::Status status = client.ListThemes({}, &themes);
  if (!status.ok()) return ReportRpcError(status, "list themes", io);
  if (io.json) {
    PrintJson(themes, io);
    return kExitOk;
  }
  std::vector<Row> rows;
  for (const pb::Theme& t : themes.themes())
    rows.push_back({t.id(), t.label_en(), t.label_cy()});
  PrintTable(io.out, {"ID", "LABEL (EN)", "LABEL (CY)"}, rows);
  return kExitOk;
}

int SetTheme(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 4)
    return UsageError(
        "expected 'set-theme INSPECTION_ID NUMBER THEME_ID' ('' clears)", io);
  pb::SetRecommendationThemeRequest req;
  req.set_inspection("inspections/" + args.words[1]);
  req.set_recommendation_number(std::atoi(args.words[2].c_str()));
  req.set_theme_id(args.words[3]);
  pb::SetRecommendationThemeResponse resp;
  grpc::Status status = client.SetRecommendationTheme(req, &resp);
  if (!status.ok()) return ReportRpcError(status, "set theme", io);
  io.out << "R" << req.recommendation_number() << " of inspections/"
         << args.words[1] << ": "
         << (resp.override().theme_id().empty()
                 ? "override cleared"
                 : "theme " + resp.override().theme_id())
         << " (was "
         << (resp.override().previous_theme_id().empty()
                 ? "classifier's"
                 : resp.override().previous_theme_id())
         << "; dataset version " << resp.dataset_version() << ")\n";
  return kExitOk;
}

int Profile(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2)
    return UsageError("expected 'profile CODE', e.g. 'profile W06000023'", io);
  pb::GetAuthorityProfileRequest req;
  req.set_provider("providers/" + args.words[1]);
  pb::AuthorityProfile p;
  grpc::Status status = client.GetAuthorityProfile(req, &p);
  if (!status.ok())
    return ReportRpcError(status, "profile of " + args.words[1], io);
  if (io.json) {
    PrintJson(p, io);
    return kExitOk;
  }
  io.out << p.provider().name_en() << " (" << p.provider().code() << ")\n";
  for (const pb::ProfileInspection& in : p.inspections()) {
    io.out << "  " << in.inspection() << "  "
           << AcademicYearLabel(in.academic_year())
           << (in.causing_significant_concern()
                   ? "  causing significant concern"
                   : "")
           << "\n";
    for (const pb::ThemedRecommendation& r : in.recommendations()) {
      io.out << "    R" << r.number() << " ["
             << (r.primary_theme().empty() ? "unclassified" : r.primary_theme())
             << (r.overridden() ? ", set by a person" : "") << "] " << r.text()
             << "\n";
    }
  }
  for (const pb::RecurringTheme& r : p.recurring_themes()) {
    io.out << "  recurring theme: " << r.theme_id() << " at "
           << Join(r.inspections()) << "\n";
  }
  for (const pb::FollowUpEpisode& e : p.follow_up()) {
    io.out << "  in follow-up from " << DateLabel(e.entered()) << " to "
           << (e.ongoing() ? "now" : DateLabel(e.removed())) << " (" << e.days()
           << " days)\n";
  }
  PrintNotes(p.meta(), io);
  return kExitOk;
}

}  // namespace

int FollowUpStatus(const Args& args, LgesClient& client, Io io) {
  pb::GetFollowUpStatusRequest req;
  req.set_date(args.Flag("date"));
  pb::FollowUpStatus s;
  grpc::Status status = client.GetFollowUpStatus(req, &s);
  if (!status.ok()) return ReportRpcError(status, "follow-up status", io);
  if (io.json) {
    PrintJson(s, io);
    return kExitOk;
  }
  io.out << s.in_follow_up()
         << (s.in_follow_up() == 1 ? " local authority" : " local authorities")
         << " in follow-up on " << s.date() << "\n";
  for (const pb::AuthorityStatus& a : s.authorities()) {
    if (a.in_follow_up())
      io.out << "  " << a.provider_code() << "  " << a.name_en() << "\n";
  }
  return kExitOk;
}

int FollowUpTimeline(const Args& args, LgesClient& client, Io io) {
  pb::GetFollowUpAnalyticsRequest req;
  if (args.Has("from")) {
    std::optional<int> from = YearFlag(args, "from", io);
    if (!from) return kExitUsage;
    req.set_from_academic_year(*from);
  }
  if (args.Has("to")) {
    std::optional<int> to = YearFlag(args, "to", io);
    if (!to) return kExitUsage;
    req.set_to_academic_year(*to);
  }
  pb::FollowUpAnalytics a;
  grpc::Status status = client.GetFollowUpAnalytics(req, &a);
  if (!status.ok()) return ReportRpcError(status, "follow-up analytics", io);
  if (io.json) {
    PrintJson(a, io);
    return kExitOk;
  }
  std::vector<Row> rows;
  for (const pb::FollowUpYear& y : a.years()) {
    rows.push_back(
        {AcademicYearLabel(y.academic_year()),
         std::to_string(y.at_start_size()), std::to_string(y.entered_size()),
         std::to_string(y.removed_size()), std::to_string(y.at_end_size())});
  }
  PrintTable(io.out, {"YEAR", "1 SEPTEMBER", "ENTERED", "REMOVED", "31 AUGUST"},
             rows);
  io.out << "\n";
  for (const pb::FollowUpEpisode& e : a.episodes()) {
    io.out << e.provider_code() << ": from " << DateLabel(e.entered()) << " to "
           << (e.ongoing() ? "now" : DateLabel(e.removed())) << ", " << e.days()
           << " days\n";
    static const char* kStates[] = {"",       "on time",   "early",
                                    "late",   "pending",   "OVERDUE",
                                    "missed", "not needed"};
    static const char* kKinds[] = {"", "improvement conference",
                                   "progress conference", "monitoring visit"};
    for (const pb::Milestone& m : e.milestones()) {
      io.out << "    " << kKinds[m.kind()] << ": planned " << m.planned_from()
             << " to " << m.planned_to() << "; "
             << (m.has_happened() ? "held " + DateLabel(m.happened()) + ", "
                                  : "")
             << kStates[m.state()] << "\n";
    }
  }
  PrintNotes(a.meta(), io);
  return kExitOk;
}

int Analytics(const std::string& command, const Args& args, LgesClient& client,
              Io io) {
  if (command == "summary") return Summary(args, client, io);
  if (command == "trends") return Trends(args, client, io);
  if (command == "classify") return Classify(args, client, io);
  if (command == "themes") return Themes(client, io);
  if (command == "set-theme") return SetTheme(args, client, io);
  return Profile(args, client, io);
}

}  // namespace lges::cli
