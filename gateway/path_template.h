#pragma once
// The path templates of google.api.http rules (AIP-127), as the API's
// annotations use them: literal segments, variables that bind one segment
// ("{name}") or a pattern of segments ("{name=inspections/*}"), and a
// custom verb (":classify"). "**" is not supported; Parse refuses it.
// Plain values; thread-compatible.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lges::gateway {

// A field path and the text bound to it, e.g. {"provider.name",
// "providers/W06000023"}.
using Binding = std::pair<std::string, std::string>;

class PathTemplate {
 public:
  // nullopt if `text` is not a template of the supported form.
  static std::optional<PathTemplate> Parse(std::string_view text);

  // The bindings of `path` (already percent-decoded), or nullopt if it does
  // not match. A variable's segments must be non-empty.
  std::optional<std::vector<Binding>> Match(std::string_view path) const;

  // The template as written, for documents (OpenAPI).
  const std::string& text() const { return text_; }
  // The field paths of the variables, in order.
  std::vector<std::string> variables() const;
  // The template in OpenAPI's form: a variable's pattern written out, its
  // "*" as the last name of the field: "/v1/{provider.name=providers/*}"
  // becomes "/v1/providers/{name}".
  std::string OpenApiPath() const;

 private:
  struct Segment {
    std::string literal;        // Empty for a variable.
    std::string variable;       // Field path of a variable.
    std::vector<std::string> pattern;  // A variable's segments; "*" is any.
  };
  std::string text_;
  std::vector<Segment> segments_;
  std::string verb_;  // Without the ':'; empty if none.
};

}  // namespace lges::gateway
