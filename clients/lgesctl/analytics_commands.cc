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
                        const std::map<std::string, std::string>& names,
                        const Io& io) {
  Section s;
  s.name = "follow_up";
  s.heading = T(io, "cli.follow_up.heading");
  s.facts = {{T(io, "label.at_start"), std::to_string(f.at_start_size())},
             {T(io, "label.entered"), std::to_string(f.entered_size())},
             {T(io, "label.removed"), std::to_string(f.removed_size())},
             {T(io, "label.at_end"), std::to_string(f.at_end_size())}};
  std::map<std::string, Row> rows;  // By code, so each authority once.
  auto mark = [&](const google::protobuf::RepeatedPtrField<std::string>& codes,
                  size_t column) {
    for (const std::string& code : codes) {
      Row& row = rows[code];
      if (row.empty()) row = {code, LabelOr(names, code), "", "", "", ""};
      row[column] = T(io, "cli.yes");
    }
  };
  mark(f.at_start(), 2);
  mark(f.entered(), 3);
  mark(f.removed(), 4);
  mark(f.at_end(), 5);
  if (rows.empty()) return s;
  s.table.columns = {
      Col(io, "column.code", false, true), Col(io, "column.authority"),
      Col(io, "column.1_september"),       Col(io, "column.entered"),
      Col(io, "column.removed"),           Col(io, "column.31_august")};
  for (const auto& [code, row] : rows) s.table.rows.push_back(row);
  return s;
}

}  // namespace

std::vector<std::string> MetaNotes(const pb::AnalyticsMeta& meta,
                                   i18n::Language language) {
  std::vector<std::string> notes;
  for (const std::string& f : meta.footnotes())
    notes.push_back(i18n::Format(language, "cli.note", {{"text", f}}));
  for (const std::string& w : meta.warnings())
    notes.push_back(i18n::Format(language, "cli.warning", {{"text", w}}));
  notes.push_back(
      i18n::Format(language, "cli.dataset_version",
                   {{"version", std::to_string(meta.dataset_version())}}));
  return notes;
}

namespace {

Section KeyMessagesSection(const pb::SectorSummary& s, const Io& io) {
  Section messages;
  messages.name = "key_messages";
  messages.heading = T(io, "cli.key_messages.heading");
  messages.table.columns = {Col(io, "column.area", true),
                            Col(io, "column.polarity", true),
                            Col(io, "column.message", true)};
  for (const pb::KeyMessage& m : s.key_messages()) {
    messages.table.rows.push_back(
        {AreaLabel(io, m.area()),
         PolarityLabel(m.polarity(), io.language),
         InLanguage(io, m.text(), m.translations())});
  }
  return messages;
}

}  // namespace

int Summary(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2)
    return UsageError(T(io, "cli.usage.summary"), io, "summary");
  std::optional<int> year = YearArg(args.words[1], T(io, "cli.what.year"), io);
  if (!year) return kExitUsage;
  pb::GetSectorSummaryRequest req;
  req.set_academic_year(*year);
  req.set_language_code(i18n::LanguageCode(io.language));
  pb::SectorSummary s;
  if (std::optional<int> done =
          FailedOrPrinted(client.GetSectorSummary(req, &s),
                          T(io, "cli.what.sector_summary"), s, io))
    return *done;
  View view{F(io, "cli.summary.title", {{"year", s.academic_year_label()}}),
            {},
            MetaNotes(s.meta(), io.language)};
  Section figures;
  figures.name = "inspections";
  figures.heading = T(io, "cli.inspections.heading");
  figures.facts = {
      {T(io, "label.core_inspections"), std::to_string(s.core_inspections())},
      {T(io, "label.welsh_medium"), std::to_string(s.welsh_medium())},
      {T(io, "label.english_medium"), std::to_string(s.english_medium())},
      {T(io, "label.providers_inspected"),
       std::to_string(s.providers_inspected())},
      {T(io, "label.case_studies"), std::to_string(s.case_studies())}};
  // Unknown is not English: say how many the record cannot place.
  if (s.unknown_medium() > 0)
    figures.facts.insert(
        figures.facts.begin() + 3,
        {T(io, "label.unknown_medium"), std::to_string(s.unknown_medium())});
  view.sections.push_back(figures);
  const std::map<std::string, std::string> names =
      ProviderNames(client, io.language);
  view.sections.push_back(FollowUpFigures(s.follow_up(), names, io));
  if (s.themes_size() > 0) {
    const std::map<std::string, std::string> labels =
        ThemeLabels(client, io.language);
    Section themes;
    themes.name = "overview";
    themes.heading = T(io, "cli.overview.heading");
    themes.table.columns = {Col(io, "column.providers"), Col(io, "column.recs"),
                            Col(io, "column.theme_id", false, true),
                            Col(io, "column.theme", true),
                            Col(io, "column.sentence", true)};
    for (const pb::ThemeLine& line : s.themes()) {
      themes.table.rows.push_back(
          {std::to_string(line.providers()),
           std::to_string(line.recommendations()), line.theme_id(),
           LabelOr(labels, line.theme_id()), line.sentence()});
    }
    view.sections.push_back(themes);
  }
  if (s.key_messages_size() > 0)
    view.sections.push_back(KeyMessagesSection(s, io));
  return Show(view, io);
}

namespace {

// Trends as CSV: one row per theme and year, each count in a column of its
// own, and a status that says when a year had no inspections (its counts
// left empty, not zero).
Table TrendsData(const pb::ThemeTrends& t,
                 const std::map<std::string, std::string>& labels) {
  Table data;
  data.columns = {{"", false, false, "theme_id"},
                  {"", false, false, "theme"},
                  {"", false, false, "academic_year"},
                  {"", false, false, "providers_with_theme"},
                  {"", false, false, "providers_inspected"},
                  {"", false, false, "status"}};
  for (const pb::ThemeTrend& theme : t.themes()) {
    for (int i = 0; i < t.academic_years_size(); ++i) {
      const bool inspected = t.inspected(i);
      data.rows.push_back(
          {theme.theme_id(), LabelOr(labels, theme.theme_id()),
           AcademicYearLabel(t.academic_years(i)),
           inspected ? std::to_string(theme.providers_with_theme(i)) : "",
           inspected ? std::to_string(t.providers_inspected(i)) : "",
           // not text: CSV values, the same in both languages
           inspected ? "inspected" : "no inspections"});
    }
  }
  return data;
}

}  // namespace

int Trends(const Args& args, LgesClient& client, Io io) {
  const bool positional = args.words.size() == 3;
  if (!positional &&
      (args.words.size() != 1 || !args.Has("from") || !args.Has("to"))) {
    return UsageError(T(io, "cli.usage.trends"), io, "trends");
  }
  std::optional<int> from =
      YearArg(positional ? args.words[1] : args.Flag("from"),
              T(io, "cli.what.first_year"), io);
  if (!from) return kExitUsage;
  std::optional<int> to = YearArg(positional ? args.words[2] : args.Flag("to"),
                                  T(io, "cli.what.last_year"), io);
  if (!to) return kExitUsage;
  pb::GetThemeTrendsRequest req;
  req.set_from_academic_year(*from);
  req.set_to_academic_year(*to);
  req.set_consortium(args.Flag("consortium"));
  req.set_language_code(i18n::LanguageCode(io.language));
  pb::ThemeTrends t;
  if (std::optional<int> done =
          FailedOrPrinted(client.GetThemeTrends(req, &t),
                          T(io, "cli.what.theme_trends"), t, io))
    return *done;
  const std::map<std::string, std::string> labels =
      ThemeLabels(client, io.language);
  Section s;
  s.table.columns = {Col(io, "column.theme_id", false, true),
                     Col(io, "column.theme", true)};
  for (int year : t.academic_years())
    s.table.columns.push_back(
        {ShortAcademicYearLabel(year), false, false, AcademicYearLabel(year)});
  for (const pb::ThemeTrend& theme : t.themes()) {
    Row row = {theme.theme_id(), LabelOr(labels, theme.theme_id())};
    for (int i = 0; i < t.academic_years_size(); ++i) {
      row.push_back(t.inspected(i)
                        ? std::to_string(theme.providers_with_theme(i)) + "/" +
                              std::to_string(t.providers_inspected(i))
                        : T(io, "cli.trends.none"));
    }
    s.table.rows.push_back(row);
  }
  s.data = TrendsData(t, labels);
  const std::string title =
      F(io, "cli.trends.title",
        {{"from", AcademicYearLabel(*from)}, {"to", AcademicYearLabel(*to)}});
  View view{title + (req.consortium().empty() ? "" : ", " + req.consortium()),
            {s},
            {T(io, "cli.trends.cells")}};
  for (const std::string& note : MetaNotes(t.meta(), io.language))
    view.notes.push_back(note);
  return Show(view, io);
}

int Themes(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 1)
    return UsageError(T(io, "cli.usage.themes"), io, "themes");
  pb::ListThemesResponse themes;
  if (std::optional<int> done =
          FailedOrPrinted(client.ListAllThemes(&themes),
                          T(io, "cli.what.list_themes"), themes, io))
    return *done;
  Section s;
  s.table.columns = {Col(io, "column.id"), Col(io, "column.label_en", true),
                     Col(io, "column.label_cy", true)};
  for (const pb::Theme& t : themes.themes())
    s.table.rows.push_back({t.id(), t.label_en(), t.label_cy()});
  return Show({"",
        {s},
        {F(io, "cli.themes.count",
           {{"count", std::to_string(themes.themes_size())}})}},
       io);
}

int Classify(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2)
    return UsageError(T(io, "cli.usage.classify"), io, "classify");
  pb::ClassifyRecommendationRequest req;
  req.set_text(args.words[1]);
  pb::ClassifyRecommendationResponse c;
  if (std::optional<int> done =
          FailedOrPrinted(client.ClassifyRecommendation(req, &c),
                          T(io, "cli.what.classify"), c, io))
    return *done;
  const std::map<std::string, std::string> labels =
      ThemeLabels(client, io.language);
  Section s;
  s.facts = {{T(io, "cli.classify.primary_theme"),
              c.primary_theme().empty()
                  ? T(io, "cli.classify.none_matched")
                  : c.primary_theme() + " (" +
                        LabelOr(labels, c.primary_theme()) + ")"},
             {T(io, "cli.classify.tags"), Join(c.tags())}};
  if (c.evidence_size() > 0) {
    s.table.columns = {Col(io, "column.matched", true),
                       Col(io, "column.theme_code"),
                       Col(io, "column.rule", true), Col(io, "column.where")};
    for (const pb::Evidence& e : c.evidence()) {
      s.table.rows.push_back({e.matched(), e.theme_id(), e.phrase(),
                              T(io, e.in_head() ? "cli.classify.head"
                                                : "cli.classify.qualifier")});
    }
  }
  return Show({"", {s}, {T(io, "cli.classify.preview")}}, io);
}

}  // namespace lges::cli
