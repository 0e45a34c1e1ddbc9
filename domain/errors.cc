#include "domain/errors.h"

#include <cctype>

#include "absl/strings/cord.h"
#include "absl/strings/str_split.h"

namespace lges {
namespace {

// The payload is one "field\tdescription" pair per line; neither part may
// contain a tab or newline, so both are replaced with spaces.
constexpr char kViolationsUrl[] = "type.lges/field-violations";
// The reason payload: the reason, then one "key\tvalue" pair per line.
constexpr char kReasonUrl[] = "type.lges/error-reason";

std::string Clean(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n') c = ' ';
  }
  return s;
}

}  // namespace

absl::Status InvalidArgumentError(const Violations& violations) {
  std::string message =
      violations.front().field + ": " + violations.front().description;
  if (violations.size() > 1) {
    message += " (and " + std::to_string(violations.size() - 1) + " more)";
  }
  return WithViolations(absl::InvalidArgumentError(message), violations);
}

absl::Status WithViolations(absl::Status status, const Violations& violations) {
  std::string payload;
  for (const FieldViolation& v : violations) {
    payload += Clean(v.field) + "\t" + Clean(v.description) + "\n";
  }
  status.SetPayload(kViolationsUrl, absl::Cord(payload));
  return status;
}

absl::Status InvalidFieldError(std::string field, std::string description) {
  return InvalidArgumentError({{std::move(field), std::move(description)}});
}

Violations ViolationsOf(const absl::Status& status) {
  auto payload = status.GetPayload(kViolationsUrl);
  if (!payload) return {};
  Violations out;
  for (absl::string_view line :
       absl::StrSplit(std::string(*payload), '\n', absl::SkipEmpty())) {
    std::pair<std::string, std::string> parts =
        absl::StrSplit(line, absl::MaxSplits('\t', 1));
    out.push_back({parts.first, parts.second});
  }
  return out;
}

std::string ErrorReason::Get(std::string_view key) const {
  for (const auto& [k, v] : metadata)
    if (k == key) return v;
  return "";
}

absl::Status WithReason(
    absl::Status status, std::string reason,
    std::vector<std::pair<std::string, std::string>> metadata) {
  std::string payload = Clean(std::move(reason)) + "\n";
  for (auto& [key, value] : metadata)
    payload += Clean(std::move(key)) + "\t" + Clean(std::move(value)) + "\n";
  status.SetPayload(kReasonUrl, absl::Cord(payload));
  return status;
}

ErrorReason ReasonOf(const absl::Status& status) {
  ErrorReason out;
  if (auto payload = status.GetPayload(kReasonUrl)) {
    bool first = true;
    for (absl::string_view line :
         absl::StrSplit(std::string(*payload), '\n', absl::SkipEmpty())) {
      if (first) {
        out.reason = std::string(line);
        first = false;
        continue;
      }
      std::pair<std::string, std::string> kv =
          absl::StrSplit(line, absl::MaxSplits('\t', 1));
      out.metadata.push_back(std::move(kv));
    }
    return out;
  }
  if (status.code() == absl::StatusCode::kInvalidArgument) {
    out.reason = "BAD_REQUEST";
  } else {
    out.reason = absl::StatusCodeToString(status.code());
    for (char& c : out.reason) c = c == ' ' ? '_' : std::toupper(c);
  }
  return out;
}

absl::Status ResourceNotFound(const std::string& resource) {
  return WithReason(absl::NotFoundError(resource + " does not exist"),
                    "RESOURCE_NOT_FOUND", {{"resource", resource}});
}

Violations Prefixed(std::string_view prefix, Violations violations) {
  for (FieldViolation& v : violations) {
    v.field = std::string(prefix) + (v.field.empty() ? "" : "." + v.field);
  }
  return violations;
}

}  // namespace lges

namespace lges {

absl::Status WithFieldPrefix(const absl::Status& status,
                             std::string_view prefix) {
  Violations violations = ViolationsOf(status);
  if (violations.empty()) return status;
  return InvalidArgumentError(Prefixed(prefix, std::move(violations)));
}

std::string Quoted(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  // Back off continuation bytes (10xxxxxx) to the start of a character.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return std::string(text.substr(0, cut)) + "…";
}

}  // namespace lges
