#pragma once
// Valid sample records for tests, built from the public record (Powys 2025,
// ../shared/reference/lges-public-record.json).

#include "domain/records.h"

namespace lges::testing {

inline Provenance SampleProvenance() {
  return {{{"POWYS_SS_20250327", "https://example.org/powys"},
           {"POWYS_HERALD_2025", ""}},
          Certainty::kSourced,
          "Order follows the Shropshire Star listing."};
}

// Powys, February 2025: four recommendations, causing significant concern.
inline Inspection SampleInspection(const std::string& id = "POWYS-2025-02") {
  Inspection in;
  in.id = id;
  in.provider_code = "W06000023";
  in.start_date = PartialDate::Month(2025, 2);
  in.end_date = PartialDate::Month(2025, 2);
  in.academic_year = 2024;
  in.framework = FrameworkVersion::k2024TwoAreas;
  in.language_medium = LanguageMedium::kEnglish;
  in.local_inspection_questions = {
      "How well does the authority support schools to improve?",
      "How effective is the authority's post-16 planning?"};
  in.findings = {{"2.3", Polarity::kNeedsToImprove,
                  "School site security issues need urgent attention."},
                 {"1.2", Polarity::kGoingWell,
                  "Support for pupils with ALN is developing well."}};
  in.recommendations = {
      {1,
       "Ensure that the local authority addresses urgently important school "
       "site security issues.",
       TextStatus::kQuotedBySecondarySource, SampleProvenance()},
      {2,
       "Strengthen the quality and impact of leadership, including political "
       "leadership, at all levels",
       TextStatus::kParaphrase,
       {}},
      {3,
       "Strengthen the quality of support and challenge to schools",
       TextStatus::kParaphrase,
       {}},
      {4,
       "Work with partners to develop a financially viable model for 16-19 "
       "education",
       TextStatus::kQuotedBySecondarySource,
       {}}};
  in.recommendation_count = 4;
  in.recommendation_order_known = true;
  in.causing_significant_concern = true;
  in.report_published = PartialDate::Day(2025, 3, 27);
  in.case_studies = {
      {"Supporting ALN", "An outreach service.", "https://example.org/case"}};
  in.provenance = SampleProvenance();
  return in;
}

inline FollowUpEvent SampleFollowUpEvent(
    const std::string& inspection_id = "POWYS-2025-02") {
  FollowUpEvent e;
  e.provider_code = "W06000023";
  e.kind = FollowUpKind::kImprovementConference;
  e.date = PartialDate::Day(2025, 7, 2);
  e.inspection_id = inspection_id;
  e.description = "Improvement conference on the post-inspection action plan.";
  e.recommendation_progress = {{1, Progress::kSatisfactory, false},
                               {2, Progress::kUnspecified, true}};
  e.provenance = {{{"POWYS_BR_833562", ""}}, Certainty::kSourced, ""};
  return e;
}

inline KeyMessage SampleKeyMessage() {
  KeyMessage m;
  m.academic_year = 2022;
  m.area = "Leadership and management";
  m.polarity = Polarity::kNeedsToImprove;
  m.position = 2;
  m.text =
      "Strategic planning and leadership are not effective enough in two of "
      "the four local authorities.";
  m.provenance = {
      {{"AR2023_LGES_EN", "https://annual-report.estyn.gov.wales/2023/"}},
      Certainty::kSourced,
      ""};
  return m;
}

}  // namespace lges::testing
