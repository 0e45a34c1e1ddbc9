#include "domain/frameworks.h"

#include <array>

namespace lges {
namespace {

constexpr std::array<InspectionArea, 14> kThreeAreas = {{
    {"1", "Outcomes"},
    {"1.1", "Standards and progress overall"},
    {"1.2", "Standards and progress of specific groups"},
    {"1.3", "Well-being and attitudes to learning"},
    {"2", "Education services"},
    {"2.1", "Support for school improvement"},
    {"2.2", "Support for vulnerable learners"},
    {"2.3", "Other education support services"},
    {"3", "Leadership and management"},
    {"3.1", "Leaders and managers"},
    {"3.2", "Self-evaluation and improvement planning"},
    {"3.3", "Professional learning"},
    {"3.4", "Safeguarding"},
    {"3.5", "Use of resources"},
}};

constexpr std::array<InspectionArea, 9> kTwoAreas = {{
    {"1", "Education services and their impact"},
    {"1.1", "School improvement services"},
    {"1.2", "Support for vulnerable learners"},
    {"1.3", "Other support services"},
    {"2", "Leading and improving"},
    {"2.1", "Leaders and managers"},
    {"2.2", "Self-evaluation and improvement planning"},
    {"2.3", "Safeguarding"},
    {"2.4", "Use of resources"},
}};

}  // namespace

std::span<const InspectionArea> AreasOf(FrameworkVersion framework) {
  switch (framework) {
    case FrameworkVersion::k2018ThreeAreas:
      return kThreeAreas;
    case FrameworkVersion::k2024TwoAreas:
      return kTwoAreas;
    case FrameworkVersion::kUnspecified:
      break;
  }
  return {};
}

bool IsAreaOf(FrameworkVersion framework, std::string_view code) {
  for (const InspectionArea& a : AreasOf(framework)) {
    if (a.code == code) return true;
  }
  return false;
}

bool IsTopLevelAreaOf(FrameworkVersion framework, std::string_view code) {
  return code.find('.') == std::string_view::npos && IsAreaOf(framework, code);
}

}  // namespace lges
