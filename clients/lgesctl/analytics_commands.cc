// lgesctl analytics commands: summary, trends, themes, classify, override.

#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/format.h"

namespace lges::cli {
namespace {

std::string Join(const google::protobuf::RepeatedPtrField<std::string>& items,
                 const std::string& none = "-") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? none : out;
}

Section FollowUpFigures(const pb::FollowUpYear& f,
                        const std::map<std::string, std::string>& names) {
  Section s;
  s.heading = "Follow-up";
  s.facts = {{"in follow-up on 1 September", std::to_string(f.at_start_size())},
             {"went into follow-up", std::to_string(f.entered_size())},
             {"removed from follow-up", std::to_string(f.removed_size())},
             {"in follow-up on 31 August", std::to_string(f.at_end_size())}};
  std::map<std::string, Row> rows;  // By code, so each authority once.
  auto mark = [&](const google::protobuf::RepeatedPtrField<std::string>& codes,
                  size_t column) {
    for (const std::string& code : codes) {
      Row& row = rows[code];
      if (row.empty()) row = {code, LabelOr(names, code), "", "", "", ""};
      row[column] = "yes";
    }
  };
  mark(f.at_start(), 2);
  mark(f.entered(), 3);
  mark(f.removed(), 4);
  mark(f.at_end(), 5);
  if (rows.empty()) return s;
  s.table.columns = {{"CODE", false, true}, {"AUTHORITY"}, {"1 SEPTEMBER"},
                     {"ENTERED"},           {"REMOVED"},   {"31 AUGUST"}};
  for (const auto& [code, row] : rows) s.table.rows.push_back(row);
  return s;
}

}  // namespace

std::vector<std::string> MetaNotes(const pb::AnalyticsMeta& meta) {
  std::vector<std::string> notes;
  for (const std::string& f : meta.footnotes()) notes.push_back("note: " + f);
  for (const std::string& w : meta.warnings()) notes.push_back("warning: " + w);
  notes.push_back("dataset version " + std::to_string(meta.dataset_version()));
  return notes;
}

int Summary(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2)
    return UsageError("expected 'summary YEAR', e.g. 'summary 2022-2023'", io,
                      "summary");
  std::optional<int> year = YearArg(args.words[1], "the year", io);
  if (!year) return kExitUsage;
  pb::GetSectorSummaryRequest req;
  req.set_academic_year(*year);
  pb::SectorSummary s;
  if (std::optional<int> done = FailedOrPrinted(
          client.GetSectorSummary(req, &s), "sector summary", s, io))
    return *done;
  View view{"Local government education services, " + s.academic_year_label(),
            {},
            MetaNotes(s.meta())};
  Section figures;
  figures.heading = "Inspections";
  figures.facts = {
      {"core inspections", std::to_string(s.core_inspections())},
      {"Welsh-medium", std::to_string(s.welsh_medium())},
      {"English-medium", std::to_string(s.english_medium())},
      {"providers inspected", std::to_string(s.providers_inspected())},
      {"case studies", std::to_string(s.case_studies())}};
  view.sections.push_back(figures);
  const std::map<std::string, std::string> names = ProviderNames(client);
  view.sections.push_back(FollowUpFigures(s.follow_up(), names));
  if (s.themes_size() > 0) {
    const std::map<std::string, std::string> labels = ThemeLabels(client);
    Section themes;
    themes.heading = "Overview of recommendations";
    themes.table.columns = {{"PROVIDERS"},
                            {"RECS"},
                            {"THEME ID", false, true},
                            {"THEME", true},
                            {"SENTENCE", true}};
    for (const pb::ThemeLine& line : s.themes()) {
      themes.table.rows.push_back(
          {std::to_string(line.providers()),
           std::to_string(line.recommendations()), line.theme_id(),
           LabelOr(labels, line.theme_id()), line.sentence()});
    }
    view.sections.push_back(themes);
  }
  if (s.key_messages_size() > 0) {
    Section messages;
    messages.heading = "Key messages";
    messages.table.columns = {
        {"AREA", true}, {"POLARITY", true}, {"MESSAGE", true}};
    for (const pb::KeyMessage& m : s.key_messages()) {
      messages.table.rows.push_back(
          {m.area(), PolarityLabel(m.polarity()), m.text()});
    }
    view.sections.push_back(messages);
  }
  Show(view, io);
  return kExitOk;
}

int Trends(const Args& args, LgesClient& client, Io io) {
  const bool positional = args.words.size() == 3;
  if (!positional &&
      (args.words.size() != 1 || !args.Has("from") || !args.Has("to"))) {
    return UsageError("expected 'trends FROM TO', e.g. 'trends 2017 2024'", io,
                      "trends");
  }
  std::optional<int> from = YearArg(
      positional ? args.words[1] : args.Flag("from"), "the first year", io);
  if (!from) return kExitUsage;
  std::optional<int> to = YearArg(positional ? args.words[2] : args.Flag("to"),
                                  "the last year", io);
  if (!to) return kExitUsage;
  pb::GetThemeTrendsRequest req;
  req.set_from_academic_year(*from);
  req.set_to_academic_year(*to);
  req.set_consortium(args.Flag("consortium"));
  pb::ThemeTrends t;
  if (std::optional<int> done = FailedOrPrinted(client.GetThemeTrends(req, &t),
                                                "theme trends", t, io))
    return *done;
  const std::map<std::string, std::string> labels = ThemeLabels(client);
  Section s;
  s.table.columns = {{"THEME ID", false, true}, {"THEME", true}};
  for (int year : t.academic_years())
    s.table.columns.push_back(
        {ShortAcademicYearLabel(year), false, false, AcademicYearLabel(year)});
  for (const pb::ThemeTrend& theme : t.themes()) {
    Row row = {theme.theme_id(), LabelOr(labels, theme.theme_id())};
    for (int i = 0; i < t.academic_years_size(); ++i) {
      row.push_back(t.inspected(i)
                        ? std::to_string(theme.providers_with_theme(i)) + "/" +
                              std::to_string(t.providers_inspected(i))
                        : "none");
    }
    s.table.rows.push_back(row);
  }
  View view{"Recommendation themes, " + AcademicYearLabel(*from) + " to " +
                AcademicYearLabel(*to) +
                (req.consortium().empty() ? "" : ", " + req.consortium()),
            {s},
            {"cells: providers with a recommendation in the theme / providers "
             "inspected; none: no inspections that year"}};
  for (const std::string& note : MetaNotes(t.meta()))
    view.notes.push_back(note);
  Show(view, io);
  return kExitOk;
}

int Themes(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 1)
    return UsageError("expected 'themes'", io, "themes");
  pb::ListThemesResponse themes;
  if (std::optional<int> done = FailedOrPrinted(client.ListAllThemes(&themes),
                                                "list themes", themes, io))
    return *done;
  Section s;
  s.table.columns = {{"ID"}, {"LABEL (EN)", true}, {"LABEL (CY)", true}};
  for (const pb::Theme& t : themes.themes())
    s.table.rows.push_back({t.id(), t.label_en(), t.label_cy()});
  Show({"", {s}, {std::to_string(themes.themes_size()) + " themes"}}, io);
  return kExitOk;
}

int Classify(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2)
    return UsageError("expected 'classify \"RECOMMENDATION TEXT\"'", io,
                      "classify");
  pb::ClassifyRecommendationRequest req;
  req.set_text(args.words[1]);
  pb::ClassifyRecommendationResponse c;
  if (std::optional<int> done = FailedOrPrinted(
          client.ClassifyRecommendation(req, &c), "classify", c, io))
    return *done;
  const std::map<std::string, std::string> labels = ThemeLabels(client);
  Section s;
  s.facts = {
      {"primary theme", c.primary_theme().empty()
                            ? "none matched"
                            : c.primary_theme() + " (" +
                                  LabelOr(labels, c.primary_theme()) + ")"},
      {"tags", Join(c.tags())}};
  if (c.evidence_size() > 0) {
    s.table.columns = {{"MATCHED", true}, {"THEME"}, {"RULE", true}, {"WHERE"}};
    for (const pb::Evidence& e : c.evidence()) {
      s.table.rows.push_back({e.matched(), e.theme_id(), e.phrase(),
                              e.in_head() ? "head" : "qualifier"});
    }
  }
  Show({"", {s}, {"a preview: nothing is stored"}}, io);
  return kExitOk;
}

}  // namespace lges::cli
