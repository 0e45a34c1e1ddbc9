#pragma once
// Every stored recommendation with its primary theme and tags, and the
// per-year statistics that summaries, trends and comparisons are cut from.

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/classifier.h"
#include "analytics/notes.h"

namespace lges::analytics {

struct ThemedRecommendation {
  size_t inspection = 0;  // Index into Dataset::inspections.
  int number = 0;
  std::string primary_theme;  // The override's theme if there is one; "" if
                              // unclassified.
  std::vector<std::string> tags;
  std::vector<Evidence> evidence;
  std::optional<ThemeOverride> override_applied;
};

// Remembers classifications by text from one snapshot build to the next, so
// that a rebuild classifies only new wording. Not thread-safe: one builder at
// a time (SnapshotSource serialises its rebuilds).
class ClassificationMemo {
 public:
  static constexpr size_t kMaxEntries = 100000;
  const Classification& Get(const Classifier& classifier,
                            const std::string& text);

 private:
  std::unordered_map<std::string, Classification> memo_;
};

// Classifies every recommendation of `data` (through `memo` if given);
// overrides win over the classifier. Ordered by inspection, then number.
std::vector<ThemedRecommendation> ThemeRecommendations(
    const Dataset& data, const Classifier& classifier,
    ClassificationMemo* memo = nullptr);

// The school improvement service (else partnership) that `authority` was a
// member of on `day`; nullptr if none.
const Provider* GroupOf(const Dataset& data, const std::string& authority,
                        const CivilDay& day);

// What one academic year's inspections hold.
struct YearStats {
  int academic_year = 0;
  int inspections = 0;
  int welsh_medium = 0;
  int english_medium = 0;
  int case_studies = 0;
  int case_studies_published = 0;  // With an address.
  std::set<std::string> providers;  // Inspected.
  std::map<std::string, std::set<std::string>>
      providers_by_theme;  // Primary theme -> providers.
  std::map<std::string, int>
      recommendations_by_theme;  // Primary theme -> recommendations.
  int recommendations_listed = 0;
  int recommendations_reported =
      0;  // What reports made, where the count is known, else listed.
  int inspections_with_gaps = 0;  // Count unknown, or more made than listed.
  int unclassified = 0;
  int paraphrased = 0;
  int judged_causing_concern = 0;
  // Inspections whose language medium the record does not hold.
  int unknown_medium() const {
    return inspections - welsh_medium - english_medium;
  }
};

// Selects inspections by their index in Dataset::inspections.
using InspectionPredicate = std::function<bool(size_t)>;

// Stats for each academic year from `from` to `to` of the inspections that
// `include` selects.
std::vector<YearStats> StatsByYear(
    const Dataset& data, const std::vector<ThemedRecommendation>& themed,
    const InspectionPredicate& include, int from, int to);

}  // namespace lges::analytics
