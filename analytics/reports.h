#pragma once
// The sector summary of an academic year and theme trends over a
// range of years. Pure functions of per-year statistics.

#include <optional>
#include <string>
#include <vector>

#include "analytics/follow_up.h"
#include "analytics/themed.h"
#include "i18n/wording.h"

namespace lges::analytics {

// The first academic year inspected under the 2024 framework (two areas).
inline constexpr int kDefaultFrameworkChangeYear = 2024;

// One theme of a year's recommendations overview.
struct ThemeLine {
  std::string theme_id;
  int providers = 0;  // Inspected providers with a recommendation in the theme.
  int recommendations = 0;  // Recommendations in the theme.
  int inspected = 0;        // Providers inspected in the year.
  // What the sentence calls the inspected providers.
  i18n::ProviderNoun noun = i18n::ProviderNoun::kLocalAuthority;
};

// The line's sentence in `language`, as the annual report would print it:
// "Two of the four local authorities received a recommendation to improve
// attendance." The theme's phrase comes from `vocabulary`.
std::string Sentence(const ThemeLine& line, const Vocabulary& vocabulary,
                     i18n::Language language);

// "2022-2023" for 2022.
std::string Label(int academic_year);

struct SectorSummary {
  int academic_year = 0;
  int inspections = 0;
  int welsh_medium = 0;
  int english_medium = 0;
  int unknown_medium = 0;  // Neither Welsh- nor English-medium in the record.
  int case_studies = 0;
  int providers_inspected = 0;
  FollowUpYear follow_up;
  std::vector<ThemeLine>
      themes;  // Most providers first; vocabulary order on a tie.
  std::vector<KeyMessage> key_messages;
  Notes notes;
};

// `stats` is the unfiltered YearStats of `stats.academic_year`.
SectorSummary BuildSectorSummary(const Dataset& data,
                                 const Vocabulary& vocabulary,
                                 const YearStats& stats,
                                 const std::vector<Episode>& episodes,
                                 int framework_change_year);

struct TrendPoint {
  int academic_year = 0;
  bool inspected = false;  // False: no inspections that year (not zero).
  int providers_with_theme = 0;
  int providers_inspected = 0;
  double proportion = 0;  // providers_with_theme / providers_inspected.
  std::optional<double>
      change_points;  // Against the year before, in percentage points; unset if
                      // that year had none.
};

struct ThemeTrend {
  std::string theme_id;
  std::vector<TrendPoint> points;  // One per year of the range.
  std::optional<int> first_seen;  // Academic years in the range with the theme.
  std::optional<int> last_seen;
  int recommendations = 0;  // Over the range.
};

struct ThemeTrends {
  int from = 0;
  int to = 0;
  std::vector<int> years_without_inspections;
  std::vector<ThemeTrend> themes;  // Vocabulary order.
  Notes notes;
};

// `years` holds consecutive academic years (from StatsByYear).
ThemeTrends BuildThemeTrends(const Vocabulary& vocabulary,
                             const std::vector<YearStats>& years,
                             int framework_change_year);

// Footnotes and warnings for figures drawn from `years`.
Notes NotesFor(const std::vector<YearStats>& years, int framework_change_year);

// "local authority"/"local authorities" when every provider in `codes` is
// one, else "provider"/"providers".
i18n::ProviderNoun ProviderNounOf(const Dataset& data,
                                  const std::set<std::string>& codes);

}  // namespace lges::analytics
