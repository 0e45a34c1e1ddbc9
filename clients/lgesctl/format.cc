#include "clients/lgesctl/format.h"

#include <iterator>

#include "convert/convert.h"
#include "i18n/catalogue.h"

namespace lges::cli {

std::string DateLabel(const pb::PartialDate& d, i18n::Language language) {
  if (language == i18n::Language::kWelsh &&
      d.precision() == pb::DATE_PRECISION_TERM) {
    const std::string term =
        i18n::TermDate(language, static_cast<int>(d.term()), d.year());
    if (!term.empty()) return term;
  }
  return FormatPartialDate(convert::FromProto(d));
}

namespace {

// The catalogue's label of `key`; "" for an empty key (an unset enum).
std::string Label(i18n::Language language, const char* key) {
  return key[0] == '\0' ? "" : i18n::Text(language, key);
}

template <size_t N>
std::string LabelOf(i18n::Language language, int value,
                    const char* const (&keys)[N]) {
  return value >= 0 && value < static_cast<int>(N)
             ? Label(language, keys[value])
             : "";
}

}  // namespace

std::string KindLabel(pb::ProviderKind kind, i18n::Language language) {
  static const char* const kKeys[] = {"", "kind.local_authority",
                                      "kind.school_improvement_service",
                                      "kind.partnership_service"};
  return LabelOf(language, kind, kKeys);
}

bool ParseProviderKind(const std::string& text, pb::ProviderKind* kind) {
  if (text == "local-authority")
    *kind = pb::PROVIDER_KIND_LOCAL_AUTHORITY;
  else if (text == "school-improvement-service")
    *kind = pb::PROVIDER_KIND_SCHOOL_IMPROVEMENT_SERVICE;
  else if (text == "partnership-service")
    *kind = pb::PROVIDER_KIND_PARTNERSHIP_SERVICE;
  else
    return false;
  return true;
}

std::string FrameworkLabel(pb::FrameworkVersion framework,
                           i18n::Language language) {
  static const char* const kKeys[] = {"", "framework.2018", "framework.2024"};
  return LabelOf(language, framework, kKeys);
}

std::string FollowUpKindLabel(pb::FollowUpKind kind, i18n::Language language) {
  static const char* const kKeys[] = {"",
                                      "follow_up.judged",
                                      "milestone.improvement_conference",
                                      "milestone.progress_conference",
                                      "milestone.monitoring_visit",
                                      "follow_up.removed",
                                      "follow_up.other"};
  return LabelOf(language, kind, kKeys);
}

std::string PolarityLabel(pb::Polarity polarity, i18n::Language language) {
  if (polarity == pb::POLARITY_LEAD) return Label(language, "label.lead");
  return Label(language, polarity == pb::POLARITY_GOING_WELL
                             ? "label.going_well"
                             : "label.to_improve");
}

std::string MilestoneKindLabel(pb::MilestoneKind kind,
                               i18n::Language language) {
  switch (kind) {
    case pb::MILESTONE_KIND_IMPROVEMENT_CONFERENCE:
      return i18n::Text(language, "milestone.improvement_conference");
    case pb::MILESTONE_KIND_PROGRESS_CONFERENCE:
      return i18n::Text(language, "milestone.progress_conference");
    case pb::MILESTONE_KIND_MONITORING_VISIT:
      return i18n::Text(language, "milestone.monitoring_visit");
    default:
      return "";
  }
}

std::string MilestoneStateLabel(pb::MilestoneState state,
                                i18n::Language language) {
  static const char* kStates[] = {"",
                                  "milestone.state.on_time",
                                  "milestone.state.early",
                                  "milestone.state.late",
                                  "milestone.state.pending",
                                  "milestone.state.overdue",
                                  "milestone.state.missed",
                                  "milestone.state.not_needed"};
  const int i = static_cast<int>(state);
  if (i <= 0 || i >= static_cast<int>(std::size(kStates))) return "";
  return i18n::Text(language, kStates[i]);
}

std::string TextStatusLabel(pb::TextStatus status, i18n::Language language) {
  static const char* const kKeys[] = {
      "", "text_status.verbatim", "text_status.quoted", "text_status.as_listed",
      "text_status.paraphrase"};
  return LabelOf(language, status, kKeys);
}

std::string CertaintyLabel(pb::Certainty certainty, i18n::Language language) {
  static const char* const kKeys[] = {"",
                                      "certainty.sourced",
                                      "certainty.partly_inferred",
                                      "certainty.inferred",
                                      "certainty.uncertain",
                                      "certainty.planned"};
  return LabelOf(language, certainty, kKeys);
}

}  // namespace lges::cli
