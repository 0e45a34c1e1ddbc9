#pragma once
// Small helpers shared by the SqliteStore source files. Internal to storage/.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/errors.h"

namespace lges::internal {

inline int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Parses a store-assigned numeric id; nullopt if `id` is not a positive
// decimal number.
inline std::optional<int64_t> ParseNumericId(const std::string& id) {
  if (id.empty() || id.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char c : id) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value <= 0) return std::nullopt;
  return value;
}

inline absl::Status NotFound(const std::string& resource) {
  return ResourceNotFound(resource);
}

// ALREADY_EXISTS for `resource`, reason RESOURCE_ALREADY_EXISTS.
inline absl::Status AlreadyExists(const std::string& resource) {
  return WithReason(absl::AlreadyExistsError(resource + " already exists"),
                    "RESOURCE_ALREADY_EXISTS", {{"resource", resource}});
}

// FAILED_PRECONDITION: `resource` is referred to by `count` records of
// `what`, reason RECORD_REFERENCED.
inline absl::Status Referenced(const std::string& resource, int64_t count,
                               const std::string& what,
                               const std::string& remedy) {
  return WithReason(
      absl::FailedPreconditionError(resource + " is referred to by " +
                                    std::to_string(count) + " " + what +
                                    "; " + remedy),
      "RECORD_REFERENCED",
      {{"resource", resource}, {"references", std::to_string(count)}});
}

}  // namespace lges::internal
