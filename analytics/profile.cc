#include "analytics/profile.h"

#include <algorithm>
#include <map>
#include <set>


namespace lges::analytics {
namespace {

std::string GroupCode(const Dataset& data, const Inspection& in) {
  const Provider* group =
      GroupOf(data, in.provider_code, in.start_date.Earliest());
  return group ? group->code : "";
}

std::vector<RecurringTheme> Recurring(
    const std::vector<ProfileInspection>& inspections) {
  std::map<std::string, RecurringTheme> runs;  // Theme -> the run in progress.
  std::vector<RecurringTheme> out;
  for (const ProfileInspection& in : inspections) {
    std::set<std::string> current;
    for (const ProfileRecommendation& r : in.recommendations) {
      if (!r.primary_theme.empty()) current.insert(r.primary_theme);
    }
    for (auto it = runs.begin();
         it != runs.end();) {  // Close runs that stop here.
      if (current.count(it->first)) {
        ++it;
        continue;
      }
      if (it->second.inspection_ids.size() > 1) out.push_back(it->second);
      it = runs.erase(it);
    }
    for (const std::string& theme : current) {
      RecurringTheme& run = runs[theme];
      run.theme_id = theme;
      run.inspection_ids.push_back(in.inspection_id);
    }
  }
  for (auto& [theme, run] : runs) {
    if (run.inspection_ids.size() > 1) out.push_back(run);
  }
  return out;
}

}  // namespace

AuthorityProfile BuildAuthorityProfile(
    const Dataset& data, const std::vector<ThemedRecommendation>& themed,
    const std::vector<Episode>& episodes, const std::string& provider_code) {
  AuthorityProfile out{provider_code};
  std::vector<size_t> order;
  for (size_t i = 0; i < data.inspections.size(); ++i) {
    if (data.inspections[i].provider_code == provider_code) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return data.inspections[a].start_date.Earliest() <
           data.inspections[b].start_date.Earliest();
  });
  // The themed recommendations of each of these inspections, in one pass
  // (not one pass per inspection, which grows with the square of the data).
  std::vector<std::vector<const ThemedRecommendation*>> themed_of(
      data.inspections.size());
  for (const ThemedRecommendation& t : themed) {
    if (data.inspections[t.inspection].provider_code == provider_code)
      themed_of[t.inspection].push_back(&t);
  }
  for (size_t i : order) {
    const Inspection& in = data.inspections[i];
    ProfileInspection p{in.id,
                        in.academic_year,
                        in.start_date,
                        in.causing_significant_concern,
                        in.recommendation_count,
                        GroupCode(data, in)};
    for (const ThemedRecommendation* t : themed_of[i]) {
      const Recommendation& r = in.recommendations[t->number - 1];
      p.recommendations.push_back({r.number, r.text, r.text_status,
                                   t->primary_theme, t->tags,
                                   t->override_applied.has_value(),
                                   r.translations});
    }
    out.inspections.push_back(std::move(p));
  }
  out.recurring_themes = Recurring(out.inspections);
  for (const Episode& e : episodes) {
    if (e.provider_code == provider_code) out.follow_up.push_back(e);
  }
  for (const ProfileInspection& p : out.inspections) {
    if (p.recommendation_count == 0 ||
        p.recommendation_count > static_cast<int>(p.recommendations.size())) {
      out.notes.warnings.push_back(
          {"note.recommendations_missing", {{"inspection", p.inspection_id}}});
    }
  }
  return out;
}

std::vector<ThemeLine> ThemeLines(const Dataset& data,
                                  const Vocabulary& vocabulary,
                                  const YearStats& stats) {
  const i18n::ProviderNoun noun = ProviderNounOf(data, stats.providers);
  const int inspected = static_cast<int>(stats.providers.size());
  std::vector<ThemeLine> lines;
  for (const Theme& theme :
       vocabulary.themes) {  // Vocabulary order, then a stable sort by count.
    auto it = stats.providers_by_theme.find(theme.id);
    if (it == stats.providers_by_theme.end()) continue;
    const int count = static_cast<int>(it->second.size());
    lines.push_back({theme.id, count,
                     stats.recommendations_by_theme.at(theme.id), inspected,
                     noun});
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const ThemeLine& a, const ThemeLine& b) {
                     return a.providers > b.providers;
                   });
  return lines;
}

GroupComparison CompareGroups(
    const Dataset& data, const Vocabulary& vocabulary,
    const std::map<std::string, std::vector<YearStats>>& by_group,
    const std::vector<YearStats>& all_years, int framework_change_year) {
  GroupComparison out;
  if (!all_years.empty()) {
    out.from = all_years.front().academic_year;
    out.to = all_years.back().academic_year;
  }
  for (const auto& [code, years] : by_group) {
    YearStats range;  // The years summed.
    for (const YearStats& y : years) {
      range.inspections += y.inspections;
      range.judged_causing_concern += y.judged_causing_concern;
      range.providers.insert(y.providers.begin(), y.providers.end());
      for (const auto& [theme, providers] : y.providers_by_theme) {
        range.providers_by_theme[theme].insert(providers.begin(),
                                               providers.end());
      }
      for (const auto& [theme, n] : y.recommendations_by_theme)
        range.recommendations_by_theme[theme] += n;
    }
    if (range.inspections == 0) continue;
    GroupLine line{code, code == "none" ? "No consortium or partnership" : code,
                   range.inspections, static_cast<int>(range.providers.size()),
                   range.judged_causing_concern};
    for (const Provider& p : data.providers) {
      if (p.code == code) line.name_en = p.name_en;
    }
    line.themes = ThemeLines(data, vocabulary, range);
    out.groups.push_back(std::move(line));
  }
  out.notes = NotesFor(all_years, framework_change_year);
  return out;
}

}  // namespace lges::analytics
