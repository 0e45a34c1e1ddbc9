#pragma once
// The inspection areas of each framework, from Estyn's LGES guidance
// (../shared/seeds/004_*) and the framework context of the public record.

#include <span>
#include <string_view>

#include "domain/records.h"

namespace lges {

struct InspectionArea {
  std::string_view code;  // "1", "1.1", ...
  std::string_view name;
};

// The areas and sub-areas of `framework`, in report order; empty for
// kUnspecified.
std::span<const InspectionArea> AreasOf(FrameworkVersion framework);
// True if `code` is an area or sub-area of `framework`.
bool IsAreaOf(FrameworkVersion framework, std::string_view code);
// True if `code` is a top-level area ("1", "2", "3") of `framework`.
bool IsTopLevelAreaOf(FrameworkVersion framework, std::string_view code);

}  // namespace lges
