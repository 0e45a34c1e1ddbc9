#pragma once
// Resource names ("inspections/POWYS-2025-02") and the ids in them.

#include <string>

#include "absl/status/statusor.h"

namespace lges::convert {

// The id in `name` = "<collection>/<id>", the id at most 100 bytes;
// INVALID_ARGUMENT with a violation at `field` otherwise.
absl::StatusOr<std::string> IdFromName(const std::string& name,
                                       const std::string& collection,
                                       const std::string& field);

}  // namespace lges::convert
