#pragma once
// Small builders of analytics datasets for tests.

#include <string>
#include <vector>

#include "analytics/notes.h"

namespace lges::testing {

inline Inspection MakeInspection(const std::string& id,
                                 const std::string& provider, PartialDate start,
                                 int academic_year,
                                 std::vector<std::string> recommendations,
                                 bool causing_significant_concern = false) {
  Inspection in;
  in.id = id;
  in.provider_code = provider;
  in.start_date = start;
  in.academic_year = academic_year;
  in.framework = academic_year >= 2024 ? FrameworkVersion::k2024TwoAreas
                                       : FrameworkVersion::k2018ThreeAreas;
  in.causing_significant_concern = causing_significant_concern;
  for (size_t i = 0; i < recommendations.size(); ++i) {
    in.recommendations.push_back({static_cast<int>(i) + 1,
                                  recommendations[i],
                                  TextStatus::kVerbatim,
                                  {}});
  }
  in.recommendation_count = static_cast<int>(recommendations.size());
  in.recommendation_order_known = true;
  return in;
}

inline FollowUpEvent MakeEvent(const std::string& provider, FollowUpKind kind,
                               PartialDate date,
                               const std::string& inspection_id = "") {
  FollowUpEvent e;
  e.provider_code = provider;
  e.kind = kind;
  e.date = date;
  e.inspection_id = inspection_id;
  return e;
}

inline Provider MakeAuthority(const std::string& code,
                              const std::string& name) {
  Provider p;
  p.code = code;
  p.kind = ProviderKind::kLocalAuthority;
  p.name_en = p.name_cy = name;
  return p;
}

inline Provider MakeGroup(const std::string& code,
                          std::vector<Membership> members) {
  Provider p;
  p.code = code;
  p.kind = ProviderKind::kSchoolImprovementService;
  p.name_en = p.name_cy = code;
  p.memberships = std::move(members);
  return p;
}

}  // namespace lges::testing
