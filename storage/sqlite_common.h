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
  return absl::NotFoundError(resource + " does not exist");
}

}  // namespace lges::internal
