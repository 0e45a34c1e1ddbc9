#pragma once
// An immutable view of the whole dataset with every analytics result
// computed once, when the data changes, and never per request. Share it as
// std::shared_ptr<const Snapshot>: all methods are const and thread-safe.

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "analytics/classifier.h"
#include "analytics/notes.h"
#include "analytics/follow_up.h"
#include "analytics/profile.h"
#include "analytics/reconcile.h"
#include "analytics/reports.h"
#include "analytics/themed.h"

namespace lges::analytics {

class Snapshot {
 public:
  // Classifies, indexes and summarises `data`. `today` is the day ongoing
  // follow-up is measured to. The snapshot keeps a pointer to the
  // classifier's vocabulary, which must outlive it; the rest of
  // `classifier` is used only during the call.
  static std::shared_ptr<const Snapshot> Build(
      Dataset data, const Classifier& classifier, const CivilDay& today,
      ClassificationMemo* memo = nullptr);

  int64_t version() const { return data_.version; }
  int64_t as_of_ms() const { return data_.as_of_ms; }
  const CivilDay& today() const { return today_; }
  const Dataset& data() const { return data_; }
  const Vocabulary& vocabulary() const { return *vocabulary_; }
  int framework_change_year() const { return framework_change_year_; }
  const std::vector<ThemedRecommendation>& themed() const { return themed_; }
  const std::vector<Episode>& episodes() const { return episodes_; }
  // The academic years the precomputed figures cover.
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }

  // The summary of `academic_year`; years outside [first_year, last_year]
  // have no inspections and are summarised as such.
  SectorSummary Summary(int academic_year) const;
  // The summary of `academic_year` beside what Estyn printed for it.
  Reconciliation Reconcile(int academic_year) const;
  // The academic years for which the record holds printed figures.
  std::vector<int> PublishedYears() const;
  // Theme trends over [from, to] for providers of `kind` (kUnspecified: all)
  // in `group` ("" any, "none" in no group, else a group's code).
  ThemeTrends Trends(int from, int to, ProviderKind kind,
                     const std::string& group) const;
  GroupComparison Compare(int from, int to) const;
  // nullptr if `provider_code` names no provider.
  const AuthorityProfile* Profile(const std::string& provider_code) const;
  // A local authority on a day: the episode of follow-up in force then, or
  // nullptr if it was not in follow-up. Both point into the snapshot.
  struct AuthorityOnDay {
    const Provider* authority = nullptr;
    const Episode* episode = nullptr;
  };
  // Every local authority, in the dataset's order, on `day`.
  std::vector<AuthorityOnDay> StatusAt(const CivilDay& day) const;
  // The codes of the local authorities in follow-up on `day`.
  std::vector<std::string> InFollowUpOn(const CivilDay& day) const;
  // Entries, removals and those in follow-up at each end of every year of
  // `from`..`to`.
  std::vector<FollowUpYear> FollowUpYears(int from, int to) const;
  // The mean length in days of the episodes that have ended; 0 if none has.
  double MeanDaysCompleted() const;
  // The start year of the academic year that contains today().
  int current_year() const {
    return AcademicYear::Containing(today_).start_year;
  }
  // The codes of the school improvement services and partnerships.
  const std::vector<std::string>& group_codes() const { return group_codes_; }
  // The provider with `code`; nullptr if there is none.
  const Provider* FindProvider(const std::string& code) const;

 private:
  using StatsKey = std::pair<ProviderKind, std::string>;
  Snapshot() = default;
  void BuildStats();
  // Precomputed stats of `key`, padded with empty years outside the range.
  std::vector<YearStats> Years(const StatsKey& key, int from, int to) const;

  Dataset data_;
  const Vocabulary* vocabulary_ = nullptr;
  CivilDay today_;
  int framework_change_year_ = kDefaultFrameworkChangeYear;
  int first_year_ = 0;
  int last_year_ = 0;
  std::vector<ThemedRecommendation> themed_;
  std::vector<Episode> episodes_;
  std::vector<std::string> group_codes_;
  std::map<std::string, size_t> provider_index_;  // Code to data_.providers.
  std::vector<std::string> inspection_group_;  // Per inspection: group code on
                                               // its start date, or "none".
  std::map<StatsKey, std::vector<YearStats>>
      stats_;  // Every kind x group, first_year..last_year.
  std::map<int, SectorSummary> summaries_;
  std::map<std::string, AuthorityProfile> profiles_;
};

}  // namespace lges::analytics
