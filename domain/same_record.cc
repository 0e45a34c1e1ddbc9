#include "domain/same_record.h"

#include <tuple>

namespace lges {

bool SameRecord(const Provider& a, const Provider& b) {
  return std::tie(a.code, a.kind, a.name_en, a.name_cy, a.corporate_name,
                  a.memberships, a.provenance) ==
         std::tie(b.code, b.kind, b.name_en, b.name_cy, b.corporate_name,
                  b.memberships, b.provenance);
}

bool SameRecord(const Inspection& a, const Inspection& b) {
  return std::tie(a.id, a.provider_code, a.start_date, a.end_date,
                  a.academic_year, a.framework, a.language_medium,
                  a.local_inspection_questions, a.findings, a.judgements,
                  a.recommendations, a.recommendation_count,
                  a.recommendation_order_known, a.causing_significant_concern,
                  a.report_published, a.case_studies, a.provenance) ==
         std::tie(b.id, b.provider_code, b.start_date, b.end_date,
                  b.academic_year, b.framework, b.language_medium,
                  b.local_inspection_questions, b.findings, b.judgements,
                  b.recommendations, b.recommendation_count,
                  b.recommendation_order_known, b.causing_significant_concern,
                  b.report_published, b.case_studies, b.provenance);
}

bool SameRecord(const FollowUpEvent& a, const FollowUpEvent& b) {
  return std::tie(a.provider_code, a.kind, a.date, a.inspection_id,
                  a.description, a.recommendation_progress, a.provenance) ==
         std::tie(b.provider_code, b.kind, b.date, b.inspection_id,
                  b.description, b.recommendation_progress, b.provenance);
}

bool SameRecord(const KeyMessage& a, const KeyMessage& b) {
  return std::tie(a.academic_year, a.area, a.polarity, a.position, a.text,
                  a.provenance) == std::tie(b.academic_year, b.area, b.polarity,
                                            b.position, b.text, b.provenance);
}

}  // namespace lges
