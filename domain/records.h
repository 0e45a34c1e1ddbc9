#pragma once
// The records LGES Insights keeps: providers, inspections, follow-up events
// and key messages, as plain value types shared by storage, analytics and
// the service layer. Field meanings follow protos/estyn/lges/v1; nothing here
// knows about protobuf or SQLite.
//
// Every enum here has the numbering of its proto enum, and its values are
// stored in SQLite as integers: never renumber a value, add new ones at the
// end. convert/enum_pins.cc stops the build if the two sides differ.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/dates.h"

namespace lges {

enum class Certainty {
  kUnspecified = 0,
  kSourced,
  kPartlyInferred,
  kInferred,
  kUncertain,
  kPlanned
};

struct SourceRef {
  std::string id;
  std::string url;
  friend bool operator==(const SourceRef&, const SourceRef&) = default;
};

struct Provenance {
  std::vector<SourceRef> sources;
  Certainty certainty = Certainty::kUnspecified;
  std::string note;
  friend bool operator==(const Provenance&, const Provenance&) = default;
};

// Bookkeeping the store fills in; ignored on create and update input.
struct RecordMeta {
  int64_t revision = 0;        // 1 on create, +1 on each update.
  int64_t create_time_ms = 0;  // Unix time, milliseconds.
  int64_t update_time_ms = 0;
  friend bool operator==(const RecordMeta&, const RecordMeta&) = default;
};

enum class ProviderKind {
  kUnspecified = 0,
  kLocalAuthority,
  kSchoolImprovementService,
  kPartnershipService
};

struct Membership {
  std::string authority_code;
  PartialDate valid_from;
  PartialDate valid_to;  // Unset while the membership continues.
  Provenance provenance;
  friend bool operator==(const Membership&, const Membership&) = default;
};

struct Provider {
  std::string code;
  ProviderKind kind = ProviderKind::kUnspecified;
  std::string name_en;
  std::string name_cy;
  std::string corporate_name;
  std::vector<Membership> memberships;
  Provenance provenance;
  RecordMeta meta;
  friend bool operator==(const Provider&, const Provider&) = default;
};

enum class FrameworkVersion {
  kUnspecified = 0,
  k2018ThreeAreas,
  k2024TwoAreas
};
enum class LanguageMedium { kUnspecified = 0, kEnglish, kWelsh };
enum class Polarity {
  kUnspecified = 0,
  kGoingWell,
  kNeedsToImprove,
  kLead  // An area's lead paragraph (key messages only).
};
enum class Grade {
  kUnspecified = 0,
  kExcellent,
  kGood,
  kAdequate,
  kUnsatisfactory
};
enum class TextStatus {
  kUnspecified = 0,
  kVerbatim,
  kQuotedBySecondarySource,
  kAsListedBySecondarySource,
  kParaphrase
};

// Whose wording a text is (TextOrigin in the API).
enum class TextOrigin {
  kUnspecified = 0,
  kEstyn,           // Estyn's own wording.
  kEstynCorrected,  // Estyn's wording with a slip corrected here.
  kTranslatedHere   // A translation made by this team.
};

// A record's text in another language than English: today Welsh ("cy").
struct Translation {
  std::string language;  // "cy".
  std::string text;
  TextOrigin origin = TextOrigin::kUnspecified;
  std::string note;  // What was corrected, or how it was translated.
  friend bool operator==(const Translation&, const Translation&) = default;
};

// The text in `language` among `translations`, or nullptr.
const Translation* TranslationIn(const std::vector<Translation>& translations,
                                 const std::string& language);

struct Finding {
  std::string area;
  Polarity polarity = Polarity::kUnspecified;
  std::string text;
  std::vector<Translation> translations;
  friend bool operator==(const Finding&, const Finding&) = default;
};

struct AreaJudgement {
  std::string area;
  Grade grade = Grade::kUnspecified;
  friend bool operator==(const AreaJudgement&, const AreaJudgement&) = default;
};

struct Recommendation {
  int number = 0;
  std::string text;
  TextStatus text_status = TextStatus::kUnspecified;
  Provenance provenance;
  std::vector<Translation> translations;
  friend bool operator==(const Recommendation&,
                         const Recommendation&) = default;
};

struct CaseStudy {
  std::string title;
  std::string summary;
  std::string url;
  std::vector<Translation> title_translations;
  friend bool operator==(const CaseStudy&, const CaseStudy&) = default;
};

struct Inspection {
  std::string id;
  std::string provider_code;
  PartialDate start_date;
  PartialDate end_date;
  int academic_year = 0;  // Start year.
  FrameworkVersion framework = FrameworkVersion::kUnspecified;
  LanguageMedium language_medium = LanguageMedium::kUnspecified;
  std::vector<std::string> local_inspection_questions;
  std::vector<Finding> findings;
  std::vector<AreaJudgement> judgements;
  std::vector<Recommendation> recommendations;
  int recommendation_count = 0;  // 0 when unknown.
  bool recommendation_order_known = false;
  bool causing_significant_concern = false;
  PartialDate report_published;
  std::vector<CaseStudy> case_studies;
  Provenance provenance;
  RecordMeta meta;
  std::string report_url;  // Empty when no source gives it.
  friend bool operator==(const Inspection&, const Inspection&) = default;
};

enum class FollowUpKind {
  kUnspecified = 0,
  kJudged,
  kImprovementConference,
  kProgressConference,
  kMonitoringVisit,
  kRemoved,
  kOther
};
enum class Progress {
  kUnspecified = 0,
  kVeryLittle,
  kLimited,
  kSatisfactory,
  kStrong
};

struct RecommendationProgress {
  int recommendation_number = 0;
  Progress progress = Progress::kUnspecified;
  bool addressed = false;
  friend bool operator==(const RecommendationProgress&,
                         const RecommendationProgress&) = default;
};

struct FollowUpEvent {
  std::string id;  // Assigned by the store.
  std::string provider_code;
  FollowUpKind kind = FollowUpKind::kUnspecified;
  PartialDate date;
  std::string inspection_id;  // Empty if not linked.
  std::string description;
  std::vector<RecommendationProgress> recommendation_progress;
  Provenance provenance;
  RecordMeta meta;
  friend bool operator==(const FollowUpEvent&, const FollowUpEvent&) = default;
};

struct KeyMessage {
  std::string id;  // Assigned by the store.
  int academic_year = 0;
  std::string area;
  Polarity polarity = Polarity::kUnspecified;
  int position = 0;
  std::string text;
  Provenance provenance;
  RecordMeta meta;
  std::vector<Translation> translations;
  TextOrigin text_origin = TextOrigin::kUnspecified;
  friend bool operator==(const KeyMessage&, const KeyMessage&) = default;
};

// A figure that a sector page prints (SectorFigure in the proto).
enum class SectorFigure {
  kUnspecified = 0,
  kProviders,
  kCoreInspections,
  kWelshMedium,
  kEnglishMedium,
  kCaseStudies,
  kCaseStudiesPublished,
  kInFollowUpAtStart,
  kRemovedDuringYear,
  kWentIntoFollowUp,
  kInFollowUpAtEnd,
  kOverviewThemes
};

struct PublishedFigure {
  SectorFigure figure = SectorFigure::kUnspecified;
  int value = 0;
  friend bool operator==(const PublishedFigure&,
                         const PublishedFigure&) = default;
};

struct PublishedThemeStatement {
  std::string as_printed;
  int authorities = 0;
  std::string theme_id;  // Empty if it matches no theme.
  friend bool operator==(const PublishedThemeStatement&,
                         const PublishedThemeStatement&) = default;
};

// What Estyn printed for one academic year: compared with the record,
// never used to fill it.
struct PublishedYear {
  int academic_year = 0;  // Start year; the identity.
  std::string source_url;
  std::vector<PublishedFigure> figures;  // Each figure at most once.
  std::string overview_source;
  int overview_inspected = 0;  // 0 if the overview names no total.
  std::vector<PublishedThemeStatement> overview;  // Printed order.
  std::string note;
  RecordMeta meta;
  // The printed value of `figure`, or nullptr if the page printed none.
  const int* Find(SectorFigure figure) const {
    for (const PublishedFigure& f : figures)
      if (f.figure == figure) return &f.value;
    return nullptr;
  }
  friend bool operator==(const PublishedYear&, const PublishedYear&) = default;
};

}  // namespace lges
