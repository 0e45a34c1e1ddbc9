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

std::string KindLabel(pb::ProviderKind kind) {
  switch (kind) {
    case pb::PROVIDER_KIND_LOCAL_AUTHORITY:
      return "local authority";
    case pb::PROVIDER_KIND_SCHOOL_IMPROVEMENT_SERVICE:
      return "school improvement service";
    case pb::PROVIDER_KIND_PARTNERSHIP_SERVICE:
      return "partnership service";
    default:
      return "";
  }
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

std::string FrameworkLabel(pb::FrameworkVersion framework) {
  switch (framework) {
    case pb::FRAMEWORK_VERSION_2018_THREE_AREAS:
      return "2018 (three areas)";
    case pb::FRAMEWORK_VERSION_2024_TWO_AREAS:
      return "2024 (two areas)";
    default:
      return "";
  }
}

std::string FollowUpKindLabel(pb::FollowUpKind kind) {
  switch (kind) {
    case pb::FOLLOW_UP_KIND_JUDGED:
      return "judged causing significant concern";
    case pb::FOLLOW_UP_KIND_IMPROVEMENT_CONFERENCE:
      return "improvement conference";
    case pb::FOLLOW_UP_KIND_PROGRESS_CONFERENCE:
      return "progress conference";
    case pb::FOLLOW_UP_KIND_MONITORING_VISIT:
      return "monitoring visit";
    case pb::FOLLOW_UP_KIND_REMOVED:
      return "removed from follow-up";
    case pb::FOLLOW_UP_KIND_OTHER:
      return "other";
    default:
      return "";
  }
}

std::string PolarityLabel(pb::Polarity polarity) {
  return polarity == pb::POLARITY_GOING_WELL ? "going well"
                                             : "needs to improve";
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

std::string TextStatusLabel(pb::TextStatus status) {
  switch (status) {
    case pb::TEXT_STATUS_VERBATIM:
      return "verbatim";
    case pb::TEXT_STATUS_QUOTED_BY_SECONDARY_SOURCE:
      return "quoted by a secondary source";
    case pb::TEXT_STATUS_AS_LISTED_BY_SECONDARY_SOURCE:
      return "as listed by a secondary source";
    case pb::TEXT_STATUS_PARAPHRASE:
      return "paraphrase";
    default:
      return "";
  }
}

std::string CertaintyLabel(pb::Certainty certainty) {
  switch (certainty) {
    case pb::CERTAINTY_SOURCED:
      return "sourced";
    case pb::CERTAINTY_PARTLY_INFERRED:
      return "partly inferred";
    case pb::CERTAINTY_INFERRED:
      return "inferred";
    case pb::CERTAINTY_UNCERTAIN:
      return "uncertain";
    case pb::CERTAINTY_PLANNED:
      return "planned";
    default:
      return "";
  }
}

}  // namespace lges::cli
