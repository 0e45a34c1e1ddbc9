#include "render/sector_page_from_api.h"

#include "render/pages_from_api.h"

#include <google/protobuf/util/time_util.h>


namespace lges::render {
namespace {

namespace pb = ::estyn::lges::v1;

std::vector<SectorPage::Name> Names(
    const google::protobuf::RepeatedPtrField<pb::ProviderName>& names) {
  std::vector<SectorPage::Name> out;
  for (const pb::ProviderName& n : names)
    out.push_back({n.name_en().empty() ? n.code() : n.name_en(), n.name_cy()});
  return out;
}

// The message in `language`: its Welsh translation, or the English marked
// english_only when a Welsh page has none.
SectorPage::KeyMessage KeyMessageIn(i18n::Language language,
                                    const pb::KeyMessage& m) {
  SectorPage::KeyMessage out{m.area(), m.polarity() == pb::POLARITY_GOING_WELL,
                             m.text()};
  out.lead = m.polarity() == pb::POLARITY_LEAD;
  if (language != i18n::Language::kWelsh) return out;
  out.english_only = true;
  for (const pb::LocalizedText& t : m.translations()) {
    if (t.language_code() != "cy") continue;
    out.text = t.text();
    out.english_only = false;
  }
  return out;
}

// The tile each published figure sits beside; "" for figures without one.
std::string TileOf(pb::SectorFigure figure) {
  switch (figure) {
    case pb::SECTOR_FIGURE_CORE_INSPECTIONS: return "core_inspections";
    case pb::SECTOR_FIGURE_WELSH_MEDIUM: return "welsh_medium";
    case pb::SECTOR_FIGURE_ENGLISH_MEDIUM: return "english_medium";
    case pb::SECTOR_FIGURE_CASE_STUDIES: return "case_studies";
    case pb::SECTOR_FIGURE_IN_FOLLOW_UP_AT_START: return "at_start";
    case pb::SECTOR_FIGURE_WENT_INTO_FOLLOW_UP: return "entered";
    case pb::SECTOR_FIGURE_REMOVED_DURING_YEAR: return "removed";
    case pb::SECTOR_FIGURE_IN_FOLLOW_UP_AT_END: return "at_end";
    default: return "";
  }
}

// The banner's sentences: what the record lacks, then each printed figure
// that cannot be right or that the record contradicts.
void AddReconciliation(const pb::SectorReconciliation& r, SectorPage& p) {
  p.published_source = r.source_url();
  for (const std::string& m : r.missing()) p.draft.push_back(m);
  for (const pb::FigureReconciliation& f : r.figures()) {
    if (f.printed()) {
      const std::string tile = TileOf(f.figure());
      if (!tile.empty())
        p.published[tile] = {f.published(), f.published() == f.computed()};
    }
    if (f.state() == pb::RECONCILIATION_STATE_PUBLISHED_INCONSISTENT ||
        f.state() == pb::RECONCILIATION_STATE_DISAGREE)
      p.draft.push_back(f.label() + ": " + f.explanation());
  }
}

SectorPage::Inspection InspectionOf(i18n::Language language,
                                    const pb::YearInspection& in) {
  SectorPage::Inspection out{{in.provider().name_en().empty()
                                  ? in.provider().code()
                                  : in.provider().name_en(),
                              in.provider().name_cy()},
                             DateText(language, in.report_published()),
                             in.report_url(),
                             {}};
  for (const pb::CaseStudy& c : in.case_studies()) {
    std::string title = c.title();
    for (const pb::LocalizedText& t : c.title_translations())
      if (language == i18n::Language::kWelsh && t.language_code() == "cy")
        title = t.text();
    out.case_studies.push_back({title, c.url()});
  }
  return out;
}

SectorPage::FollowUpYear Counts(const pb::FollowUpYear& y) {
  return {y.academic_year(), y.at_start_size(),
          y.entered_size(),  y.removed_size(),
          y.at_end_size(),   ShortYearLabel(y.academic_year())};
}

}  // namespace

std::string PrintTimeNow() {
  const std::string now = google::protobuf::util::TimeUtil::ToString(
      google::protobuf::util::TimeUtil::GetCurrentTime());
  return now.substr(0, 10) + " " + now.substr(11, 5) + " UTC";
}

SectorPage SectorPageFrom(const pb::SectorSummary& s,
                          const pb::FollowUpAnalytics& f,
                          const pb::SectorReconciliation& r,
                          const std::string& printed) {
  SectorPage p;
  p.language = i18n::ParseLanguage(s.meta().language_code())
                   .value_or(i18n::Language::kEnglish);
  p.academic_year = s.academic_year();
  p.year_label = s.academic_year_label();
  p.core_inspections = s.core_inspections();
  p.welsh_medium = s.welsh_medium();
  p.english_medium = s.english_medium();
  p.unknown_medium = s.unknown_medium();
  p.providers_inspected = s.providers_inspected();
  p.case_studies = s.case_studies();
  p.follow_up = Counts(s.follow_up());
  p.at_start = Names(s.follow_up().at_start_names());
  p.entered = Names(s.follow_up().entered_names());
  p.removed = Names(s.follow_up().removed_names());
  p.at_end = Names(s.follow_up().at_end_names());
  for (const pb::ThemeLine& line : s.themes()) {
    p.themes.push_back(
        {line.theme_id(),
         {line.label_en().empty() ? line.theme_id() : line.label_en(),
          line.label_cy()},
         line.providers(),
         line.sentence()});
  }
  for (const pb::KeyMessage& m : s.key_messages())
    p.key_messages.push_back(KeyMessageIn(p.language, m));
  for (const pb::FollowUpYear& y : f.years())
    p.follow_up_years.push_back(Counts(y));
  p.notes.assign(s.meta().footnotes().begin(), s.meta().footnotes().end());
  for (const std::string& w : s.meta().warnings()) p.notes.push_back(w);
  for (const pb::YearInspection& in : s.inspections())
    p.inspections.push_back(InspectionOf(p.language, in));
  AddReconciliation(r, p);
  p.printed = printed;
  p.dataset_version = s.meta().dataset_version();
  const std::string as_of =
      google::protobuf::util::TimeUtil::ToString(s.meta().as_of());
  p.as_of = as_of.substr(0, 10) + " " + as_of.substr(11, 5) + " UTC";
  return p;
}

}  // namespace lges::render
