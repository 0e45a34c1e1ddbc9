#pragma once
// An authority's profile and comparisons between consortia or
// partnerships. Pure functions.

#include <map>
#include <string>
#include <vector>

#include "analytics/follow_up.h"
#include "analytics/reports.h"
#include "analytics/themed.h"

namespace lges::analytics {

struct ProfileRecommendation {
  int number = 0;
  std::string text;
  TextStatus text_status = TextStatus::kUnspecified;
  std::string primary_theme;
  std::vector<std::string> tags;
  bool overridden = false;
  std::vector<Translation> translations;  // Its Welsh, where the record has it.
};

struct ProfileInspection {
  std::string inspection_id;
  int academic_year = 0;
  PartialDate start_date;
  bool causing_significant_concern = false;
  int recommendation_count = 0;  // 0 when unknown.
  std::string
      group_code;  // Consortium or partnership on the start date; "" if none.
  std::vector<ProfileRecommendation> recommendations;
};

// A theme found at two or more consecutive inspections: a sign of "failure to
// address shortcomings identified during previous inspections".
struct RecurringTheme {
  std::string theme_id;
  std::vector<std::string>
      inspection_ids;  // The consecutive run, oldest first.
};

struct AuthorityProfile {
  std::string provider_code;
  std::vector<ProfileInspection> inspections;  // Oldest first.
  std::vector<RecurringTheme> recurring_themes;
  std::vector<Episode> follow_up;
  Notes notes;
};

AuthorityProfile BuildAuthorityProfile(
    const Dataset& data, const std::vector<ThemedRecommendation>& themed,
    const std::vector<Episode>& episodes, const std::string& provider_code);

// One consortium or partnership (or "none") over a range of years.
struct GroupLine {
  std::string group_code;  // "none" for authorities in no group.
  std::string name_en;
  int inspections = 0;
  int providers_inspected = 0;
  int judged_causing_concern = 0;
  std::vector<ThemeLine>
      themes;  // Sentences relative to the group's inspected providers.
};

struct GroupComparison {
  int from = 0;
  int to = 0;
  std::vector<GroupLine>
      groups;  // Groups with inspections in the range, by code.
  Notes notes;
};

// `by_group` maps each group code ("none" for no group) to the YearStats of
// its inspections from `from` to `to`, each inspection counted for the group
// its provider belonged to on the inspection's start date (so the 2020-2021
// consortium changes are honoured); `all_years` are the unfiltered stats of
// the same years, for the notes.
GroupComparison CompareGroups(
    const Dataset& data, const Vocabulary& vocabulary,
    const std::map<std::string, std::vector<YearStats>>& by_group,
    const std::vector<YearStats>& all_years, int framework_change_year);

// The theme lines of `stats`, sentences relative to its inspected providers,
// most providers first (vocabulary order on a tie).
std::vector<ThemeLine> ThemeLines(const Dataset& data,
                                  const Vocabulary& vocabulary,
                                  const YearStats& stats);

}  // namespace lges::analytics
