#pragma once
// Field-by-field comparison of records, ignoring the store's bookkeeping
// (RecordMeta) and store-assigned ids.

#include <gtest/gtest.h>

#include "domain/records.h"

namespace lges::testing {

inline void ExpectSameInspection(const Inspection& a, const Inspection& b) {
  EXPECT_EQ(a.provider_code, b.provider_code);
  EXPECT_EQ(a.start_date, b.start_date);
  EXPECT_EQ(a.end_date, b.end_date);
  EXPECT_EQ(a.academic_year, b.academic_year);
  EXPECT_EQ(a.framework, b.framework);
  EXPECT_EQ(a.language_medium, b.language_medium);
  EXPECT_EQ(a.local_inspection_questions, b.local_inspection_questions);
  EXPECT_EQ(a.findings, b.findings);
  EXPECT_EQ(a.judgements, b.judgements);
  EXPECT_EQ(a.recommendations, b.recommendations);
  EXPECT_EQ(a.recommendation_count, b.recommendation_count);
  EXPECT_EQ(a.recommendation_order_known, b.recommendation_order_known);
  EXPECT_EQ(a.causing_significant_concern, b.causing_significant_concern);
  EXPECT_EQ(a.report_published, b.report_published);
  EXPECT_EQ(a.case_studies, b.case_studies);
  EXPECT_EQ(a.provenance, b.provenance);
}

inline void ExpectSameEvent(const FollowUpEvent& a, const FollowUpEvent& b) {
  EXPECT_EQ(a.provider_code, b.provider_code);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.inspection_id, b.inspection_id);
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.recommendation_progress, b.recommendation_progress);
  EXPECT_EQ(a.provenance, b.provenance);
}

inline void ExpectSameMessage(const KeyMessage& a, const KeyMessage& b) {
  EXPECT_EQ(a.academic_year, b.academic_year);
  EXPECT_EQ(a.area, b.area);
  EXPECT_EQ(a.polarity, b.polarity);
  EXPECT_EQ(a.position, b.position);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.provenance, b.provenance);
}

}  // namespace lges::testing
