#pragma once
// Conversion of analytics results to their protos
// (estyn/lges/v1/analytics.proto). Analytics results only go out, so there are
// no reverse conversions. Every provider code and theme id goes out with the
// names or labels beside it, looked up in the snapshot or vocabulary given.

#include "analytics/snapshot.h"
#include "estyn/lges/v1/analytics.pb.h"
#include "i18n/language.h"

namespace lges::convert {

namespace pb = ::estyn::lges::v1;

// The snapshot's version and time, the vocabulary version, and `notes`.
// Notes and generated sentences are worded in `language`.
void ToProto(const analytics::Snapshot& snapshot, const analytics::Notes& notes,
             pb::AnalyticsMeta* out,
             i18n::Language language = i18n::Language::kEnglish);
void ToProto(const analytics::Theme& theme, pb::Theme* out);
void ToProto(const analytics::Vocabulary& vocabulary,
             pb::ListThemesResponse* out);
void ToProto(const analytics::Classification& c,
             const analytics::Vocabulary& vocabulary,
             pb::ClassifyRecommendationResponse* out);
void ToProto(const analytics::Snapshot& s, const analytics::FollowUpYear& y,
             pb::FollowUpYear* out);
void ToProto(const analytics::Snapshot& s, const analytics::Episode& e,
             pb::FollowUpEpisode* out);
// The episode as it stood on `day`: since, days so far, inspection, removal.
void ToProto(const analytics::Episode& e, const CivilDay& day,
             pb::AuthorityStatus* out);
// Every local authority on `day`, with the episode of those in follow-up.
void ToProto(const analytics::Snapshot& s, const CivilDay& day,
             pb::FollowUpStatus* out,
             i18n::Language language = i18n::Language::kEnglish);
// Follow-up over `from`..`to`: each year, every episode, the mean length.
void ToProto(const analytics::Snapshot& s, int from, int to,
             pb::FollowUpAnalytics* out,
             i18n::Language language = i18n::Language::kEnglish);
// The summary of `academic_year` and who is in follow-up today.
void ToProto(const analytics::Snapshot& s, int academic_year,
             pb::SectorSnapshot* out,
             i18n::Language language = i18n::Language::kEnglish);
void ToProto(const analytics::Snapshot& s,
             const analytics::SectorSummary& summary, pb::SectorSummary* out,
             i18n::Language language = i18n::Language::kEnglish);
// A year's figures beside the published ones (convert_reconcile.cc).
void ToProto(const analytics::Snapshot& s, const analytics::Reconciliation& r,
             pb::SectorReconciliation* out,
             i18n::Language language = i18n::Language::kEnglish);
void ToProto(const analytics::Snapshot& s, const analytics::ThemeTrends& trends,
             pb::ThemeTrends* out,
             i18n::Language language = i18n::Language::kEnglish);
void ToProto(const analytics::Snapshot& s,
             const analytics::AuthorityProfile& profile,
             pb::AuthorityProfile* out,
             i18n::Language language = i18n::Language::kEnglish);
void ToProto(const analytics::Snapshot& s, const analytics::GroupComparison& c,
             pb::ConsortiumComparison* out,
             i18n::Language language = i18n::Language::kEnglish);

}  // namespace lges::convert
