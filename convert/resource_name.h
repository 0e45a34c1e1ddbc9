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

// The code in a provider reference: "providers/W06000023" and "W06000023"
// both give "W06000023". Checks nothing (the record's validation does).
std::string ProviderCodeOf(const std::string& reference);
// A reference to a provider, given as its code ("W06000023", "gwe") or its
// resource name ("providers/W06000023"): the code, "" for "". A value
// that is neither a GSS code nor a provider slug, in either form, is
// INVALID_ARGUMENT at `field`, so that a malformed filter is never an
// empty page.
absl::StatusOr<std::string> ProviderCodeFrom(const std::string& value,
                                             const std::string& field);

}  // namespace lges::convert
