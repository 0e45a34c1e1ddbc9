#include "analytics/reconcile.h"

#include <map>

namespace lges::analytics {
namespace {

std::string Str(int n) { return std::to_string(n); }

// Whether the record is known to lack what `figure` counts.
bool RecordLacks(SectorFigure figure, const SectorSummary& s,
                 const YearStats& stats, const PublishedYear& p) {
  const int* core = p.Find(SectorFigure::kCoreInspections);
  const bool fewer_inspections = core != nullptr && s.inspections < *core;
  switch (figure) {
    case SectorFigure::kCoreInspections:
    case SectorFigure::kCaseStudies:
    case SectorFigure::kCaseStudiesPublished:
      return true;  // Records of these can only be missing.
    case SectorFigure::kWelshMedium:
    case SectorFigure::kEnglishMedium:
      return fewer_inspections || s.unknown_medium > 0;
    case SectorFigure::kOverviewThemes:
      return fewer_inspections || stats.inspections_with_gaps > 0;
    default:
      return false;
  }
}

// Why the printed follow-up figures cannot all be right, if all four were
// printed and start - removed + entered is not end; nullopt otherwise.
std::optional<Note> FollowUpContradiction(const PublishedYear& p,
                                          int computed) {
  const int* start = p.Find(SectorFigure::kInFollowUpAtStart);
  const int* removed = p.Find(SectorFigure::kRemovedDuringYear);
  const int* entered = p.Find(SectorFigure::kWentIntoFollowUp);
  const int* end = p.Find(SectorFigure::kInFollowUpAtEnd);
  if (!start || !removed || !entered || !end) return std::nullopt;
  const int expected = *start - *removed + *entered;
  if (expected == *end) return std::nullopt;
  return Note{"reconcile.why.inconsistent",
              {{"start", Str(*start)},
               {"removed", Str(*removed)},
               {"entered", Str(*entered)},
               {"expected", Str(expected)},
               {"end", Str(*end)},
               {"computed", Str(computed)}}};
}

bool IsFollowUp(SectorFigure f) {
  return f == SectorFigure::kInFollowUpAtStart ||
         f == SectorFigure::kRemovedDuringYear ||
         f == SectorFigure::kWentIntoFollowUp ||
         f == SectorFigure::kInFollowUpAtEnd;
}

FigureCheck Check(SectorFigure figure, int computed, const SectorSummary& s,
                  const YearStats& stats, const PublishedYear* p) {
  FigureCheck c{figure, computed};
  const int* printed = p ? p->Find(figure) : nullptr;
  if (printed == nullptr) return c;
  c.published = *printed;
  const i18n::Args args = {{"computed", Str(computed)}, {"published", Str(*printed)}};
  if (*printed == computed) {
    c.state = Agreement::kAgree;
  } else if (std::optional<Note> contradiction =
                 FollowUpContradiction(*p, computed);
             contradiction && IsFollowUp(figure)) {
    // Those the record contradicts are the ones that cannot be right.
    c.state = Agreement::kPublishedInconsistent;
    c.why = std::move(contradiction);
  } else if (computed < *printed && RecordLacks(figure, s, stats, *p)) {
    c.state = Agreement::kRecordIncomplete;
    c.why = Note{"reconcile.why.record_incomplete", args};
  } else {
    c.state = Agreement::kDisagree;
    c.why = Note{"reconcile.why.disagree", args};
  }
  return c;
}

std::vector<ThemeCheck> CheckThemes(const SectorSummary& s,
                                    const YearStats& stats,
                                    const PublishedYear* p) {
  std::map<std::string, int> computed;
  for (const ThemeLine& line : s.themes) computed[line.theme_id] = line.providers;
  std::vector<ThemeCheck> out;
  if (p != nullptr) {
    for (const PublishedThemeStatement& t : p->overview) {
      ThemeCheck c{t.theme_id, 0, t.authorities, t.as_printed};
      auto it = computed.find(t.theme_id);
      if (it != computed.end()) {
        c.computed = it->second;
        computed.erase(it);
      }
      if (c.computed == t.authorities)
        c.state = Agreement::kAgree;
      else if (c.computed < t.authorities && stats.inspections_with_gaps > 0)
        c.state = Agreement::kRecordIncomplete;
      else
        c.state = Agreement::kDisagree;
      out.push_back(std::move(c));
    }
  }
  // The record's themes that the page did not print, in the summary's order.
  const bool printed_overview = p != nullptr && !p->overview.empty();
  for (const ThemeLine& line : s.themes) {
    if (!computed.count(line.theme_id)) continue;
    out.push_back({line.theme_id, line.providers, std::nullopt, "",
                   printed_overview ? Agreement::kDisagree
                                    : Agreement::kNotPublished});
  }
  return out;
}

std::vector<Note> Missing(const SectorSummary& s, const YearStats& stats,
                          const PublishedYear* p) {
  std::vector<Note> out;
  const std::string year = Label(s.academic_year);
  const int* core = p ? p->Find(SectorFigure::kCoreInspections) : nullptr;
  if (core && *core > s.inspections) {
    out.push_back({"reconcile.missing.inspections",
                   {{"missing", Str(*core - s.inspections)},
                    {"published", Str(*core)},
                    {"year", year}}});
  }
  if (stats.inspections_with_gaps > 0) {
    out.push_back({"reconcile.missing.recommendations",
                   {{"gaps", Str(stats.inspections_with_gaps)},
                    {"inspections", Str(s.inspections)}}});
  }
  if (s.unknown_medium > 0) {
    out.push_back({"reconcile.missing.medium",
                   {{"unknown", Str(s.unknown_medium)},
                    {"inspections", Str(s.inspections)}}});
  }
  const int* studies = p ? p->Find(SectorFigure::kCaseStudies) : nullptr;
  if (studies && *studies > s.case_studies) {
    out.push_back({"reconcile.missing.case_studies",
                   {{"missing", Str(*studies - s.case_studies)},
                    {"published", Str(*studies)}}});
  }
  return out;
}

}  // namespace

int Reconciliation::disagreements() const {
  int n = 0;
  auto counts = [](Agreement a) {
    return a != Agreement::kAgree && a != Agreement::kNotPublished;
  };
  for (const FigureCheck& f : figures) n += counts(f.state);
  for (const ThemeCheck& t : themes) n += counts(t.state);
  return n;
}

Reconciliation Reconcile(const SectorSummary& s, const YearStats& stats,
                         int authorities, const PublishedYear* p) {
  Reconciliation r;
  r.academic_year = s.academic_year;
  r.published = p;
  const auto n = [](const std::vector<std::string>& v) {
    return static_cast<int>(v.size());
  };
  const std::pair<SectorFigure, int> computed[] = {
      {SectorFigure::kProviders, authorities},
      {SectorFigure::kCoreInspections, s.inspections},
      {SectorFigure::kWelshMedium, s.welsh_medium},
      {SectorFigure::kEnglishMedium, s.english_medium},
      {SectorFigure::kCaseStudies, s.case_studies},
      {SectorFigure::kCaseStudiesPublished, stats.case_studies_published},
      {SectorFigure::kInFollowUpAtStart, n(s.follow_up.at_start)},
      {SectorFigure::kRemovedDuringYear, n(s.follow_up.removed)},
      {SectorFigure::kWentIntoFollowUp, n(s.follow_up.entered)},
      {SectorFigure::kInFollowUpAtEnd, n(s.follow_up.at_end)},
      {SectorFigure::kOverviewThemes, static_cast<int>(s.themes.size())},
  };
  for (const auto& [figure, value] : computed)
    r.figures.push_back(Check(figure, value, s, stats, p));
  r.themes = CheckThemes(s, stats, p);
  r.missing = Missing(s, stats, p);
  return r;
}

}  // namespace lges::analytics
