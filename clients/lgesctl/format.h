#pragma once
// Labels for API enums and human-readable dates in lgesctl output, in
// English or Welsh (from i18n/catalogue/*.json).

#include <ostream>
#include <string>
#include <vector>

#include "domain/dates.h"
#include "estyn/lges/v1/analytics.pb.h"
#include "estyn/lges/v1/follow_up.pb.h"
#include "estyn/lges/v1/inspections.pb.h"
#include "estyn/lges/v1/key_messages.pb.h"
#include "estyn/lges/v1/providers.pb.h"
#include "i18n/language.h"

namespace lges::cli {

namespace pb = ::estyn::lges::v1;

// The text form of `date` (convert/ turns it into the domain's, which
// lgesctl reads and prints: "2019-09-10", "2019-10", "autumn 2022", "2019",
// "2019-2020"); "" if unset.
// Terms are worded in `language` ("tymor yr haf 2023"); the other forms
// are the same in both.
std::string DateLabel(const pb::PartialDate& date,
                      i18n::Language language = i18n::Language::kEnglish);
std::string KindLabel(pb::ProviderKind kind,
                      i18n::Language language = i18n::Language::kEnglish);
std::string FrameworkLabel(pb::FrameworkVersion framework,
                           i18n::Language language = i18n::Language::kEnglish);
std::string FollowUpKindLabel(
    pb::FollowUpKind kind, i18n::Language language = i18n::Language::kEnglish);
// "going well", "needs to improve".
std::string PolarityLabel(pb::Polarity polarity,
                          i18n::Language language = i18n::Language::kEnglish);
// "improvement conference", ...; "on time", "OVERDUE", ...
std::string MilestoneKindLabel(
    pb::MilestoneKind kind, i18n::Language language = i18n::Language::kEnglish);
std::string MilestoneStateLabel(
    pb::MilestoneState state,
    i18n::Language language = i18n::Language::kEnglish);
// "paraphrase", "verbatim", ...
std::string TextStatusLabel(pb::TextStatus status,
                            i18n::Language language = i18n::Language::kEnglish);
// "sourced", "inferred", "uncertain", ...; "" for unspecified.
std::string CertaintyLabel(pb::Certainty certainty,
                           i18n::Language language = i18n::Language::kEnglish);

// Parses a --kind value for providers ("local-authority", ...).
bool ParseProviderKind(const std::string& text, pb::ProviderKind* kind);

}  // namespace lges::cli
