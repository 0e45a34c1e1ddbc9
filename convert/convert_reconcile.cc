// Reconciliation (analytics/reconcile.h) to its proto, worded in the
// request's language.
#include "convert/convert_analytics.h"

namespace lges::convert {
namespace {

// The catalogue key and arguments of a figure's label: the sector page's
// tile wording where the page has a tile for it.
std::string FigureLabel(SectorFigure figure, int year,
                        i18n::Language language) {
  const std::string label = analytics::Label(year);
  const i18n::Args years = {{"year", label},
                            {"september_year", std::to_string(year)},
                            {"august_year", std::to_string(year + 1)}};
  const char* key = "";
  switch (figure) {
    case SectorFigure::kProviders: key = "reconcile.figure.providers"; break;
    case SectorFigure::kCoreInspections: key = "tile.core_inspections"; break;
    case SectorFigure::kWelshMedium: key = "tile.welsh_medium"; break;
    case SectorFigure::kEnglishMedium: key = "tile.english_medium"; break;
    case SectorFigure::kCaseStudies: key = "reconcile.figure.case_studies"; break;
    case SectorFigure::kCaseStudiesPublished:
      key = "reconcile.figure.case_studies_published";
      break;
    case SectorFigure::kInFollowUpAtStart: key = "tile.at_start"; break;
    case SectorFigure::kRemovedDuringYear: key = "tile.removed"; break;
    case SectorFigure::kWentIntoFollowUp: key = "tile.entered"; break;
    case SectorFigure::kInFollowUpAtEnd: key = "tile.at_end"; break;
    case SectorFigure::kOverviewThemes:
      key = "reconcile.figure.overview_themes";
      break;
    case SectorFigure::kUnspecified: return "";
  }
  return i18n::Format(language, "reconcile.label",
                      {{"label", i18n::Format(language, key, years)}});
}

pb::ReconciliationState StateOf(analytics::Agreement a) {
  return static_cast<pb::ReconciliationState>(a);
}

}  // namespace

void ToProto(const analytics::Snapshot& s, const analytics::Reconciliation& r,
             pb::SectorReconciliation* out, i18n::Language language) {
  out->set_academic_year(r.academic_year);
  out->set_academic_year_label(analytics::Label(r.academic_year));
  if (r.published != nullptr) {
    out->set_source_url(r.published->source_url);
    out->set_published_note(r.published->note);
  }
  for (const analytics::FigureCheck& f : r.figures) {
    pb::FigureReconciliation* fr = out->add_figures();
    fr->set_figure(static_cast<pb::SectorFigure>(f.figure));
    fr->set_label(FigureLabel(f.figure, r.academic_year, language));
    fr->set_computed(f.computed);
    if (f.published) {
      fr->set_published(*f.published);
      fr->set_printed(true);
    }
    fr->set_state(StateOf(f.state));
    if (f.why) fr->set_explanation(analytics::Text(*f.why, language));
  }
  for (const analytics::ThemeCheck& t : r.themes) {
    pb::ThemeReconciliation* tr = out->add_themes();
    tr->set_theme_id(t.theme_id);
    if (const analytics::Theme* theme = s.vocabulary().Find(t.theme_id)) {
      tr->set_label(language == i18n::Language::kWelsh ? theme->label_cy
                                                       : theme->label_en);
    }
    tr->set_computed(t.computed);
    if (t.published) {
      tr->set_published(*t.published);
      tr->set_printed(true);
    }
    tr->set_as_printed(t.as_printed);
    tr->set_state(StateOf(t.state));
  }
  for (const analytics::Note& m : r.missing)
    out->add_missing(analytics::Text(m, language));
  out->set_disagreements(r.disagreements());
  ToProto(s, analytics::Notes{}, out->mutable_meta(), language);
}

}  // namespace lges::convert
