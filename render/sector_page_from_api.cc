#include "render/sector_page_from_api.h"

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
  if (language != i18n::Language::kWelsh) return out;
  out.english_only = true;
  for (const pb::LocalizedText& t : m.translations()) {
    if (t.language_code() != "cy") continue;
    out.text = t.text();
    out.english_only = false;
  }
  return out;
}

SectorPage::FollowUpYear Counts(const pb::FollowUpYear& y) {
  return {y.academic_year(), y.at_start_size(),
          y.entered_size(),  y.removed_size(),
          y.at_end_size(),   ShortYearLabel(y.academic_year())};
}

}  // namespace

SectorPage SectorPageFrom(const pb::SectorSummary& s,
                          const pb::FollowUpAnalytics& f) {
  SectorPage p;
  p.language = i18n::ParseLanguage(s.meta().language_code())
                   .value_or(i18n::Language::kEnglish);
  p.academic_year = s.academic_year();
  p.year_label = s.academic_year_label();
  p.core_inspections = s.core_inspections();
  p.welsh_medium = s.welsh_medium();
  p.english_medium = s.english_medium();
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
  p.dataset_version = s.meta().dataset_version();
  const std::string as_of =
      google::protobuf::util::TimeUtil::ToString(s.meta().as_of());
  p.as_of = as_of.substr(0, 10) + " " + as_of.substr(11, 5) + " UTC";
  return p;
}

}  // namespace lges::render
