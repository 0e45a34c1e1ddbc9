#include "analytics/reports.h"

#include <algorithm>

#include "analytics/profile.h"

namespace lges::analytics {

std::string Label(int year) { return AcademicYear{year}.Label(); }

namespace {


// Where a key message's area heading comes in the inspection framework:
// outcomes, then education services, then leadership (both frameworks put
// them in that order, and so do Estyn's sector pages); other headings after,
// alphabetically.
int FrameworkRank(const std::string& area) {
  const auto starts = [&](const char* prefix) {
    return area.rfind(prefix, 0) == 0;
  };
  if (starts("Outcomes")) return 0;
  if (starts("Education services") || starts("Quality")) return 1;
  if (starts("Leadership") || starts("Leading")) return 2;
  return 3;
}

std::vector<KeyMessage> KeyMessagesOf(const Dataset& data, int year) {
  std::vector<KeyMessage> out;
  for (const KeyMessage& m : data.key_messages) {
    if (m.academic_year == year) out.push_back(m);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const KeyMessage& a, const KeyMessage& b) {
                     const int ra = FrameworkRank(a.area);
                     const int rb = FrameworkRank(b.area);
                     if (ra != rb) return ra < rb;
                     if (a.area != b.area) return a.area < b.area;
                     if (a.polarity != b.polarity)
                       return a.polarity < b.polarity;
                     return a.position < b.position;
                   });
  return out;
}

void AddYearWarnings(Notes& notes, const YearStats& s) {
  if (s.inspections == 0) return;
  const std::string year = Label(s.academic_year);
  if (s.inspections_with_gaps > 0) {
    notes.warnings.push_back(
        {"note.year_gaps",
         {{"year", year},
          {"gaps", std::to_string(s.inspections_with_gaps)},
          {"inspections", std::to_string(s.inspections)},
          {"known", std::to_string(s.recommendations_listed)}}});
  }
  if (s.paraphrased > 0) {
    notes.warnings.push_back(
        {"note.year_paraphrased",
         {{"year", year}, {"count", std::to_string(s.paraphrased)}}});
  }
  if (s.unclassified > 0) {
    notes.warnings.push_back(
        {"note.year_unclassified",
         {{"year", year}, {"count", std::to_string(s.unclassified)}}});
  }
}

}  // namespace

std::string Text(const Note& note, i18n::Language language) {
  return i18n::Format(language, note.key, note.args);
}

std::string Sentence(const ThemeLine& line, const Vocabulary& vocabulary,
                     i18n::Language language) {
  const Theme* theme = vocabulary.Find(line.theme_id);
  if (theme == nullptr) return "";
  return i18n::RecommendationSentence(
      language, line.providers, line.inspected, line.noun,
      language == i18n::Language::kWelsh ? theme->recommendation_phrase_cy
                                         : theme->recommendation_phrase);
}

i18n::ProviderNoun ProviderNounOf(const Dataset& data,
                                  const std::set<std::string>& codes) {
  for (const Provider& p : data.providers) {
    if (codes.count(p.code) && p.kind != ProviderKind::kLocalAuthority)
      return i18n::ProviderNoun::kProvider;
  }
  return i18n::ProviderNoun::kLocalAuthority;
}

Notes NotesFor(const std::vector<YearStats>& years, int framework_change_year) {
  Notes notes;
  if (years.empty()) return notes;
  for (const YearStats& s : years) {
    if (s.inspections != 0) continue;
    notes.footnotes.push_back(
        s.academic_year == 2020
            ? Note{"note.covid_year", {}}
            : Note{"note.no_inspections", {{"year", Label(s.academic_year)}}});
  }
  if (years.front().academic_year < framework_change_year &&
      years.back().academic_year >= framework_change_year) {
    notes.footnotes.push_back(
        {"note.break_in_series", {{"year", Label(framework_change_year)}}});
  }
  for (const YearStats& s : years) AddYearWarnings(notes, s);
  return notes;
}

SectorSummary BuildSectorSummary(const Dataset& data,
                                 const Vocabulary& vocabulary,
                                 const YearStats& stats,
                                 const std::vector<Episode>& episodes,
                                 int framework_change_year) {
  SectorSummary out;
  out.academic_year = stats.academic_year;
  out.inspections = stats.inspections;
  out.welsh_medium = stats.welsh_medium;
  out.english_medium = stats.english_medium;
  out.unknown_medium = stats.unknown_medium();
  out.case_studies = stats.case_studies;
  out.providers_inspected = static_cast<int>(stats.providers.size());
  out.follow_up = FollowUpForYear(episodes, stats.academic_year);
  out.themes = ThemeLines(data, vocabulary, stats);
  out.key_messages = KeyMessagesOf(data, stats.academic_year);
  out.notes = NotesFor({stats}, framework_change_year);
  return out;
}

ThemeTrends BuildThemeTrends(const Vocabulary& vocabulary,
                             const std::vector<YearStats>& years,
                             int framework_change_year) {
  ThemeTrends out;
  if (years.empty()) return out;
  out.from = years.front().academic_year;
  out.to = years.back().academic_year;
  for (const YearStats& s : years) {
    if (s.inspections == 0)
      out.years_without_inspections.push_back(s.academic_year);
  }
  for (const Theme& theme : vocabulary.themes) {
    ThemeTrend trend{theme.id};
    for (const YearStats& s : years) {
      TrendPoint p{s.academic_year, s.inspections > 0};
      p.providers_inspected = static_cast<int>(s.providers.size());
      auto it = s.providers_by_theme.find(theme.id);
      p.providers_with_theme = it == s.providers_by_theme.end()
                                   ? 0
                                   : static_cast<int>(it->second.size());
      if (p.inspected)
        p.proportion =
            static_cast<double>(p.providers_with_theme) / p.providers_inspected;
      if (p.inspected && !trend.points.empty() &&
          trend.points.back().inspected) {
        p.change_points =
            100.0 * (p.proportion - trend.points.back().proportion);
      }
      if (p.providers_with_theme > 0) {
        if (!trend.first_seen) trend.first_seen = s.academic_year;
        trend.last_seen = s.academic_year;
      }
      auto recs = s.recommendations_by_theme.find(theme.id);
      if (recs != s.recommendations_by_theme.end())
        trend.recommendations += recs->second;
      trend.points.push_back(p);
    }
    out.themes.push_back(std::move(trend));
  }
  out.notes = NotesFor(years, framework_change_year);
  return out;
}

}  // namespace lges::analytics
