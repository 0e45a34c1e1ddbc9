#include "domain/errors.h"

#include "absl/strings/cord.h"
#include "absl/strings/str_split.h"

namespace lges {
namespace {

// The payload is one "field\tdescription" pair per line; neither part may
// contain a tab or newline, so both are replaced with spaces.
constexpr char kViolationsUrl[] = "type.lges/field-violations";

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
