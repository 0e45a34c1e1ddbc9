#pragma once
// Errors are values: absl::Status inside the process, mapped to gRPC codes
// once, in service/status_map. An INVALID_ARGUMENT status may carry field
// violations (which field, what is wrong) as a payload that survives being
// passed up through storage and the service layer.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace lges {

struct FieldViolation {
  std::string field;  // Path from the request root, e.g.
                      // "inspection.recommendations[1].text".
  std::string description;
  friend bool operator==(const FieldViolation&,
                         const FieldViolation&) = default;
};

using Violations = std::vector<FieldViolation>;

// INVALID_ARGUMENT whose message summarises `violations` and whose payload
// carries them. `violations` must not be empty.
absl::Status InvalidArgumentError(const Violations& violations);

// At most `max_bytes` of `text`, cut at a UTF-8 character boundary, with
// "…" when cut: how messages quote what a caller sent.
std::string Quoted(std::string_view text, size_t max_bytes = 60);
// `status` (not OK) with `violations` attached as its payload; its code
// and message are kept.
absl::Status WithViolations(absl::Status status, const Violations& violations);
// Shorthand for a single violation.
absl::Status InvalidFieldError(std::string field, std::string description);
// The violations carried by `status`; empty if it carries none.
Violations ViolationsOf(const absl::Status& status);
// Prefixes every violation's field with `prefix` + "." (e.g. "inspection").
Violations Prefixed(std::string_view prefix, Violations violations);

// Why a call failed, for programs: an UPPER_SNAKE reason listed in
// docs/ERRORS.md ("STALE_ETAG") and the values that go with it
// ({"resource", "providers/W06000023"}). Carried as a payload, as the
// violations are; service/status_map sends it as a google.rpc.ErrorInfo.
struct ErrorReason {
  std::string reason;
  std::vector<std::pair<std::string, std::string>> metadata;
  // The value of metadata `key`, or "".
  std::string Get(std::string_view key) const;
};
// `status` (not OK) with `reason` attached; code and message are kept.
absl::Status WithReason(
    absl::Status status, std::string reason,
    std::vector<std::pair<std::string, std::string>> metadata = {});
// The reason `status` carries, or the default for its code: the code's
// name ("NOT_FOUND"), or "BAD_REQUEST" for INVALID_ARGUMENT.
ErrorReason ReasonOf(const absl::Status& status);
// NOT_FOUND for `resource` (a resource name), reason RESOURCE_NOT_FOUND.
absl::Status ResourceNotFound(const std::string& resource);

}  // namespace lges

// Returns from the enclosing function if `expr` (an absl::Status) is not OK.
#define LGES_RETURN_IF_ERROR(expr)                                    \
  do {                                                                \
    if (absl::Status lges_s_ = (expr); !lges_s_.ok()) return lges_s_; \
  } while (0)

#define LGES_CONCAT_INNER_(a, b) a##b
#define LGES_CONCAT_(a, b) LGES_CONCAT_INNER_(a, b)
// Declares `lhs` from an absl::StatusOr expression, or returns its status.
#define LGES_ASSIGN_OR_RETURN(lhs, expr) \
  LGES_ASSIGN_OR_RETURN_IMPL_(LGES_CONCAT_(lges_or_, __LINE__), lhs, expr)
#define LGES_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(*tmp)

namespace lges {

// `status` with every field violation it carries prefixed by `prefix`; other
// statuses unchanged.
absl::Status WithFieldPrefix(const absl::Status& status,
                             std::string_view prefix);

}  // namespace lges
