// Every domain enum has the numbering of its proto enum: conversion casts
// one to the other, and the values are stored as integers in SQLite. These
// checks stop the build if either side is renumbered; never renumber a
// value that has been stored, add new ones at the end.
#include "domain/identity.h"
#include "domain/records.h"
#include "estyn/lges/v1/common.pb.h"
#include "estyn/lges/v1/dataset.pb.h"
#include "estyn/lges/v1/follow_up.pb.h"
#include "estyn/lges/v1/inspections.pb.h"
#include "estyn/lges/v1/providers.pb.h"
#include "estyn/lges/v1/tokens.pb.h"

namespace lges::convert {
namespace {

namespace pb = ::estyn::lges::v1;

// True if `domain` has the number of `proto`.
template <typename Domain, typename Proto>
constexpr bool Pinned(Domain domain, Proto proto) {
  return static_cast<int>(domain) == static_cast<int>(proto);
}

// Each enum's last value, so that a value added on one side only is caught.
template <typename Domain, typename Proto>
constexpr bool LastPinned(Domain domain, Proto proto, Proto proto_max) {
  return Pinned(domain, proto) && proto == proto_max;
}

static_assert(Pinned(DatePrecision::kUnspecified,
                     pb::DATE_PRECISION_UNSPECIFIED));
static_assert(Pinned(DatePrecision::kDay, pb::DATE_PRECISION_DAY));
static_assert(Pinned(DatePrecision::kMonth, pb::DATE_PRECISION_MONTH));
static_assert(Pinned(DatePrecision::kTerm, pb::DATE_PRECISION_TERM));
static_assert(Pinned(DatePrecision::kYear, pb::DATE_PRECISION_YEAR));
static_assert(LastPinned(DatePrecision::kAcademicYear,
                         pb::DATE_PRECISION_ACADEMIC_YEAR,
                         pb::DatePrecision_MAX));

static_assert(Pinned(Term::kUnspecified, pb::TERM_UNSPECIFIED));
static_assert(Pinned(Term::kAutumn, pb::TERM_AUTUMN));
static_assert(Pinned(Term::kSpring, pb::TERM_SPRING));
static_assert(LastPinned(Term::kSummer, pb::TERM_SUMMER, pb::Term_MAX));

static_assert(Pinned(Certainty::kUnspecified, pb::CERTAINTY_UNSPECIFIED));
static_assert(Pinned(Certainty::kSourced, pb::CERTAINTY_SOURCED));
static_assert(Pinned(Certainty::kPartlyInferred,
                     pb::CERTAINTY_PARTLY_INFERRED));
static_assert(Pinned(Certainty::kInferred, pb::CERTAINTY_INFERRED));
static_assert(Pinned(Certainty::kUncertain, pb::CERTAINTY_UNCERTAIN));
static_assert(LastPinned(Certainty::kPlanned, pb::CERTAINTY_PLANNED,
                         pb::Certainty_MAX));

static_assert(Pinned(ProviderKind::kUnspecified,
                     pb::PROVIDER_KIND_UNSPECIFIED));
static_assert(Pinned(ProviderKind::kLocalAuthority,
                     pb::PROVIDER_KIND_LOCAL_AUTHORITY));
static_assert(Pinned(ProviderKind::kSchoolImprovementService,
                     pb::PROVIDER_KIND_SCHOOL_IMPROVEMENT_SERVICE));
static_assert(LastPinned(ProviderKind::kPartnershipService,
                         pb::PROVIDER_KIND_PARTNERSHIP_SERVICE,
                         pb::ProviderKind_MAX));

static_assert(Pinned(FrameworkVersion::kUnspecified,
                     pb::FRAMEWORK_VERSION_UNSPECIFIED));
static_assert(Pinned(FrameworkVersion::k2018ThreeAreas,
                     pb::FRAMEWORK_VERSION_2018_THREE_AREAS));
static_assert(LastPinned(FrameworkVersion::k2024TwoAreas,
                         pb::FRAMEWORK_VERSION_2024_TWO_AREAS,
                         pb::FrameworkVersion_MAX));

static_assert(Pinned(LanguageMedium::kUnspecified,
                     pb::LANGUAGE_MEDIUM_UNSPECIFIED));
static_assert(Pinned(LanguageMedium::kEnglish, pb::LANGUAGE_MEDIUM_ENGLISH));
static_assert(LastPinned(LanguageMedium::kWelsh, pb::LANGUAGE_MEDIUM_WELSH,
                         pb::LanguageMedium_MAX));

static_assert(Pinned(Polarity::kUnspecified, pb::POLARITY_UNSPECIFIED));
static_assert(Pinned(Polarity::kGoingWell, pb::POLARITY_GOING_WELL));
static_assert(Pinned(Polarity::kNeedsToImprove,
                     pb::POLARITY_NEEDS_TO_IMPROVE));
static_assert(LastPinned(Polarity::kLead, pb::POLARITY_LEAD,
                         pb::Polarity_MAX));

static_assert(Pinned(Grade::kUnspecified, pb::GRADE_UNSPECIFIED));
static_assert(Pinned(Grade::kExcellent, pb::GRADE_EXCELLENT));
static_assert(Pinned(Grade::kGood, pb::GRADE_GOOD));
static_assert(Pinned(Grade::kAdequate, pb::GRADE_ADEQUATE));
static_assert(LastPinned(Grade::kUnsatisfactory, pb::GRADE_UNSATISFACTORY,
                         pb::Grade_MAX));

static_assert(Pinned(TextStatus::kUnspecified, pb::TEXT_STATUS_UNSPECIFIED));
static_assert(Pinned(TextStatus::kVerbatim, pb::TEXT_STATUS_VERBATIM));
static_assert(Pinned(TextStatus::kQuotedBySecondarySource,
                     pb::TEXT_STATUS_QUOTED_BY_SECONDARY_SOURCE));
static_assert(Pinned(TextStatus::kAsListedBySecondarySource,
                     pb::TEXT_STATUS_AS_LISTED_BY_SECONDARY_SOURCE));
static_assert(LastPinned(TextStatus::kParaphrase, pb::TEXT_STATUS_PARAPHRASE,
                         pb::TextStatus_MAX));

static_assert(Pinned(TextOrigin::kUnspecified, pb::TEXT_ORIGIN_UNSPECIFIED));
static_assert(Pinned(TextOrigin::kEstyn, pb::TEXT_ORIGIN_ESTYN));
static_assert(Pinned(TextOrigin::kEstynCorrected,
                     pb::TEXT_ORIGIN_ESTYN_CORRECTED));
static_assert(LastPinned(TextOrigin::kTranslatedHere,
                         pb::TEXT_ORIGIN_TRANSLATED_HERE, pb::TextOrigin_MAX));

static_assert(Pinned(FollowUpKind::kUnspecified,
                     pb::FOLLOW_UP_KIND_UNSPECIFIED));
static_assert(Pinned(FollowUpKind::kJudged, pb::FOLLOW_UP_KIND_JUDGED));
static_assert(Pinned(FollowUpKind::kImprovementConference,
                     pb::FOLLOW_UP_KIND_IMPROVEMENT_CONFERENCE));
static_assert(Pinned(FollowUpKind::kProgressConference,
                     pb::FOLLOW_UP_KIND_PROGRESS_CONFERENCE));
static_assert(Pinned(FollowUpKind::kMonitoringVisit,
                     pb::FOLLOW_UP_KIND_MONITORING_VISIT));
static_assert(Pinned(FollowUpKind::kRemoved, pb::FOLLOW_UP_KIND_REMOVED));
static_assert(LastPinned(FollowUpKind::kOther, pb::FOLLOW_UP_KIND_OTHER,
                         pb::FollowUpKind_MAX));

static_assert(Pinned(Progress::kUnspecified, pb::PROGRESS_UNSPECIFIED));
static_assert(Pinned(Progress::kVeryLittle, pb::PROGRESS_VERY_LITTLE));
static_assert(Pinned(Progress::kLimited, pb::PROGRESS_LIMITED));
static_assert(Pinned(Progress::kSatisfactory, pb::PROGRESS_SATISFACTORY));
static_assert(LastPinned(Progress::kStrong, pb::PROGRESS_STRONG,
                         pb::Progress_MAX));

static_assert(Pinned(SectorFigure::kUnspecified,
                     pb::SECTOR_FIGURE_UNSPECIFIED));
static_assert(Pinned(SectorFigure::kProviders, pb::SECTOR_FIGURE_PROVIDERS));
static_assert(Pinned(SectorFigure::kCoreInspections,
                     pb::SECTOR_FIGURE_CORE_INSPECTIONS));
static_assert(Pinned(SectorFigure::kWelshMedium,
                     pb::SECTOR_FIGURE_WELSH_MEDIUM));
static_assert(Pinned(SectorFigure::kEnglishMedium,
                     pb::SECTOR_FIGURE_ENGLISH_MEDIUM));
static_assert(Pinned(SectorFigure::kCaseStudies,
                     pb::SECTOR_FIGURE_CASE_STUDIES));
static_assert(Pinned(SectorFigure::kCaseStudiesPublished,
                     pb::SECTOR_FIGURE_CASE_STUDIES_PUBLISHED));
static_assert(Pinned(SectorFigure::kInFollowUpAtStart,
                     pb::SECTOR_FIGURE_IN_FOLLOW_UP_AT_START));
static_assert(Pinned(SectorFigure::kRemovedDuringYear,
                     pb::SECTOR_FIGURE_REMOVED_DURING_YEAR));
static_assert(Pinned(SectorFigure::kWentIntoFollowUp,
                     pb::SECTOR_FIGURE_WENT_INTO_FOLLOW_UP));
static_assert(Pinned(SectorFigure::kInFollowUpAtEnd,
                     pb::SECTOR_FIGURE_IN_FOLLOW_UP_AT_END));
static_assert(LastPinned(SectorFigure::kOverviewThemes,
                         pb::SECTOR_FIGURE_OVERVIEW_THEMES,
                         pb::SectorFigure_MAX));

static_assert(Pinned(Role::kNone, pb::ROLE_UNSPECIFIED));
static_assert(Pinned(Role::kReader, pb::ROLE_READER));
static_assert(Pinned(Role::kEditor, pb::ROLE_EDITOR));
static_assert(LastPinned(Role::kAdmin, pb::ROLE_ADMIN, pb::Role_MAX));

}  // namespace
}  // namespace lges::convert
