#include "analytics/snapshot.h"

#include <algorithm>

namespace lges::analytics {
namespace {

constexpr ProviderKind kKinds[] = {
    ProviderKind::kUnspecified, ProviderKind::kLocalAuthority,
    ProviderKind::kSchoolImprovementService, ProviderKind::kPartnershipService};

int FrameworkChangeYear(const Dataset& data) {
  int year = 0;
  for (const Inspection& in : data.inspections) {
    if (in.framework == FrameworkVersion::k2024TwoAreas &&
        (year == 0 || in.academic_year < year)) {
      year = in.academic_year;
    }
  }
  return year == 0 ? kDefaultFrameworkChangeYear : year;
}

}  // namespace

std::shared_ptr<const Snapshot> Snapshot::Build(Dataset data,
                                                const Classifier& classifier,
                                                const CivilDay& today,
                                                ClassificationMemo* memo) {
  std::shared_ptr<Snapshot> s(new Snapshot());
  s->data_ = std::move(data);
  s->vocabulary_ = &classifier.vocabulary();
  s->today_ = today;
  s->framework_change_year_ = FrameworkChangeYear(s->data_);
  s->themed_ = ThemeRecommendations(s->data_, classifier, memo);
  s->episodes_ = BuildEpisodes(s->data_, today);
  s->first_year_ = s->last_year_ = AcademicYear::Containing(today).start_year;
  for (const Inspection& in : s->data_.inspections) {
    s->first_year_ = std::min(s->first_year_, in.academic_year);
    s->last_year_ = std::max(s->last_year_, in.academic_year);
  }
  for (const Provider& p : s->data_.providers) {
    if (p.kind != ProviderKind::kLocalAuthority)
      s->group_codes_.push_back(p.code);
    s->provider_index_.emplace(p.code, s->provider_index_.size());
  }
  s->BuildStats();
  for (int year = s->first_year_; year <= s->last_year_; ++year)
    s->summaries_.emplace(year, s->Summary(year));
  for (const Provider& p : s->data_.providers) {
    s->profiles_.emplace(p.code, BuildAuthorityProfile(s->data_, s->themed_,
                                                       s->episodes_, p.code));
  }
  return s;
}

const Provider* Snapshot::FindProvider(const std::string& code) const {
  auto it = provider_index_.find(code);
  return it == provider_index_.end() ? nullptr : &data_.providers[it->second];
}

void Snapshot::BuildStats() {
  std::map<std::string, ProviderKind> kind_of;
  for (const Provider& p : data_.providers) kind_of[p.code] = p.kind;
  for (const Inspection& in : data_.inspections) {
    const Provider* group =
        GroupOf(data_, in.provider_code, in.start_date.Earliest());
    inspection_group_.push_back(group ? group->code : "none");
  }
  // Only filters that can match anything; Years() pads the others with
  // empty years.
  std::vector<std::string> groups = {"", "none"};
  for (const std::string& g : inspection_group_) {
    if (std::find(groups.begin(), groups.end(), g) == groups.end())
      groups.push_back(g);
  }
  for (ProviderKind kind : kKinds) {
    const bool present =
        kind == ProviderKind::kUnspecified ||
        std::any_of(kind_of.begin(), kind_of.end(),
                    [&](const auto& p) { return p.second == kind; });
    if (!present) continue;
    for (const std::string& group : groups) {
      auto include = [&](size_t i) {
        const Inspection& in = data_.inspections[i];
        return (kind == ProviderKind::kUnspecified ||
                kind_of[in.provider_code] == kind) &&
               (group.empty() || inspection_group_[i] == group);
      };
      stats_[{kind, group}] =
          StatsByYear(data_, themed_, include, first_year_, last_year_);
    }
  }
}

std::vector<YearStats> Snapshot::Years(const StatsKey& key, int from,
                                       int to) const {
  std::vector<YearStats> out;
  auto it = stats_.find(key);
  for (int year = from; year <= to; ++year) {
    const bool stored =
        it != stats_.end() && year >= first_year_ && year <= last_year_;
    out.push_back(stored ? it->second[year - first_year_] : YearStats{year});
  }
  return out;
}

SectorSummary Snapshot::Summary(int academic_year) const {
  auto it = summaries_.find(academic_year);
  if (it != summaries_.end()) return it->second;
  return BuildSectorSummary(
      data_, *vocabulary_,
      Years({ProviderKind::kUnspecified, ""}, academic_year, academic_year)[0],
      episodes_, framework_change_year_);
}

Reconciliation Snapshot::Reconcile(int academic_year) const {
  const PublishedYear* published = nullptr;
  for (const PublishedYear& y : data_.published_years)
    if (y.academic_year == academic_year) published = &y;
  int authorities = 0;
  for (const Provider& p : data_.providers)
    authorities += p.kind == ProviderKind::kLocalAuthority;
  const YearStats stats =
      Years({ProviderKind::kUnspecified, ""}, academic_year, academic_year)[0];
  return analytics::Reconcile(Summary(academic_year), stats, authorities,
                              published);
}

std::vector<int> Snapshot::PublishedYears() const {
  std::vector<int> out;
  for (const PublishedYear& y : data_.published_years)
    out.push_back(y.academic_year);
  return out;
}

ThemeTrends Snapshot::Trends(int from, int to, ProviderKind kind,
                             const std::string& group) const {
  return BuildThemeTrends(*vocabulary_, Years({kind, group}, from, to),
                          framework_change_year_);
}

GroupComparison Snapshot::Compare(int from, int to) const {
  std::map<std::string, std::vector<YearStats>> by_group;
  for (const std::string& code : group_codes_)
    by_group[code] = Years({ProviderKind::kUnspecified, code}, from, to);
  by_group["none"] = Years({ProviderKind::kUnspecified, "none"}, from, to);
  return CompareGroups(data_, *vocabulary_, by_group,
                       Years({ProviderKind::kUnspecified, ""}, from, to),
                       framework_change_year_);
}

const AuthorityProfile* Snapshot::Profile(
    const std::string& provider_code) const {
  auto it = profiles_.find(provider_code);
  return it == profiles_.end() ? nullptr : &it->second;
}

std::vector<Snapshot::AuthorityOnDay> Snapshot::StatusAt(
    const CivilDay& day) const {
  std::vector<AuthorityOnDay> out;
  for (const Provider& p : data_.providers) {
    if (p.kind == ProviderKind::kLocalAuthority)
      out.push_back({&p, EpisodeOn(episodes_, p.code, day)});
  }
  return out;
}

std::vector<std::string> Snapshot::InFollowUpOn(const CivilDay& day) const {
  std::vector<std::string> codes;
  for (const AuthorityOnDay& a : StatusAt(day)) {
    if (a.episode != nullptr) codes.push_back(a.authority->code);
  }
  return codes;
}

std::vector<FollowUpYear> Snapshot::FollowUpYears(int from, int to) const {
  std::vector<FollowUpYear> years;
  for (int year = from; year <= to; ++year)
    years.push_back(FollowUpForYear(episodes_, year));
  return years;
}

double Snapshot::MeanDaysCompleted() const {
  long total_days = 0;
  int completed = 0;
  for (const Episode& e : episodes_) {
    if (!e.removed) continue;
    total_days += e.days;
    ++completed;
  }
  return completed ? static_cast<double>(total_days) / completed : 0;
}

}  // namespace lges::analytics
