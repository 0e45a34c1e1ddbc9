#include "analytics/themed.h"

namespace lges::analytics {
namespace {

const ThemeOverride* FindOverride(const Dataset& data,
                                  const std::string& inspection_id,
                                  int number) {
  for (const ThemeOverride& o : data.overrides) {
    if (o.inspection_id == inspection_id && o.recommendation_number == number)
      return &o;
  }
  return nullptr;
}

bool Covers(const Membership& m, const CivilDay& day) {
  return m.valid_from.Earliest() <= day &&
         (!m.valid_to.IsSet() || day <= m.valid_to.Latest());
}

void AddInspection(YearStats& s, const Inspection& in) {
  ++s.inspections;
  if (in.language_medium == LanguageMedium::kWelsh) ++s.welsh_medium;
  if (in.language_medium == LanguageMedium::kEnglish) ++s.english_medium;
  s.case_studies += static_cast<int>(in.case_studies.size());
  for (const CaseStudy& c : in.case_studies)
    if (!c.url.empty()) ++s.case_studies_published;
  s.providers.insert(in.provider_code);
  const int listed = static_cast<int>(in.recommendations.size());
  s.recommendations_listed += listed;
  s.recommendations_reported += std::max(listed, in.recommendation_count);
  if (in.recommendation_count == 0 || in.recommendation_count > listed)
    ++s.inspections_with_gaps;
  if (in.causing_significant_concern) ++s.judged_causing_concern;
  for (const Recommendation& r : in.recommendations) {
    if (r.text_status == TextStatus::kParaphrase) ++s.paraphrased;
  }
}

}  // namespace

const Classification& ClassificationMemo::Get(const Classifier& classifier,
                                              const std::string& text) {
  auto it = memo_.find(text);
  if (it != memo_.end()) return it->second;
  if (memo_.size() >= kMaxEntries) memo_.clear();
  return memo_.emplace(text, classifier.Classify(text)).first->second;
}

std::vector<ThemedRecommendation> ThemeRecommendations(
    const Dataset& data, const Classifier& classifier,
    ClassificationMemo* memo) {
  std::vector<ThemedRecommendation> out;
  for (size_t i = 0; i < data.inspections.size(); ++i) {
    const Inspection& in = data.inspections[i];
    for (const Recommendation& r : in.recommendations) {
      Classification c =
          memo ? memo->Get(classifier, r.text) : classifier.Classify(r.text);
      ThemedRecommendation t{i,
                             r.number,
                             std::move(c.primary_theme),
                             std::move(c.tags),
                             std::move(c.evidence),
                             {}};
      if (const ThemeOverride* o = FindOverride(data, in.id, r.number)) {
        t.override_applied = *o;
        t.primary_theme = o->theme_id;
        std::erase(t.tags, o->theme_id);
      }
      out.push_back(std::move(t));
    }
  }
  return out;
}

const Provider* GroupOf(const Dataset& data, const std::string& authority,
                        const CivilDay& day) {
  const Provider* found = nullptr;
  for (const Provider& p : data.providers) {
    if (p.kind == ProviderKind::kLocalAuthority) continue;
    for (const Membership& m : p.memberships) {
      if (m.authority_code != authority || !Covers(m, day)) continue;
      if (found == nullptr ||
          (p.kind == ProviderKind::kSchoolImprovementService &&
           found->kind != ProviderKind::kSchoolImprovementService)) {
        found = &p;
      }
    }
  }
  return found;
}

std::vector<YearStats> StatsByYear(
    const Dataset& data, const std::vector<ThemedRecommendation>& themed,
    const InspectionPredicate& include, int from, int to) {
  std::vector<YearStats> years;
  for (int y = from; y <= to; ++y) years.push_back(YearStats{y});
  auto slot = [&](int year) -> YearStats* {
    return year < from || year > to ? nullptr : &years[year - from];
  };
  std::vector<bool> counted(data.inspections.size(), false);
  for (size_t i = 0; i < data.inspections.size(); ++i) {
    const Inspection& in = data.inspections[i];
    YearStats* s = slot(in.academic_year);
    if (s == nullptr || !include(i)) continue;
    counted[i] = true;
    AddInspection(*s, in);
  }
  for (const ThemedRecommendation& t : themed) {
    if (!counted[t.inspection]) continue;
    const Inspection& in = data.inspections[t.inspection];
    YearStats& s = *slot(in.academic_year);
    if (t.primary_theme.empty()) {
      ++s.unclassified;
      continue;
    }
    s.providers_by_theme[t.primary_theme].insert(in.provider_code);
    ++s.recommendations_by_theme[t.primary_theme];
  }
  return years;
}

}  // namespace lges::analytics
