#include "gateway/path_template.h"

namespace lges::gateway {
namespace {

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t at = s.find(separator);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

bool IsLiteral(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c == '/' || c == '{' || c == '}' || c == '*' || c == ':' || c == '=')
      return false;
  }
  return true;
}

}  // namespace

std::optional<PathTemplate> PathTemplate::Parse(std::string_view text) {
  if (text.size() < 2 || text[0] != '/') return std::nullopt;
  PathTemplate t;
  t.text_ = std::string(text);
  std::string_view rest = text.substr(1);
  // The verb follows the last ':' outside braces.
  const size_t close = rest.rfind('}');
  const size_t colon = rest.rfind(':');
  if (colon != std::string_view::npos &&
      (close == std::string_view::npos || colon > close)) {
    t.verb_ = std::string(rest.substr(colon + 1));
    if (!IsLiteral(t.verb_)) return std::nullopt;
    rest = rest.substr(0, colon);
  }
  while (!rest.empty()) {
    Segment segment;
    if (rest[0] == '{') {
      const size_t end = rest.find('}');
      if (end == std::string_view::npos) return std::nullopt;
      std::string_view inside = rest.substr(1, end - 1);
      rest = rest.substr(end + 1);
      const size_t eq = inside.find('=');
      segment.variable = std::string(inside.substr(0, eq));
      if (segment.variable.empty()) return std::nullopt;
      if (eq == std::string_view::npos) {
        segment.pattern = {"*"};
      } else {
        for (std::string_view p : Split(inside.substr(eq + 1), '/')) {
          if (p != "*" && !IsLiteral(p)) return std::nullopt;
          segment.pattern.emplace_back(p);
        }
      }
    } else {
      const size_t end = rest.find('/');
      segment.literal = std::string(rest.substr(0, end));
      if (!IsLiteral(segment.literal)) return std::nullopt;
      rest = end == std::string_view::npos ? "" : rest.substr(end);
    }
    t.segments_.push_back(std::move(segment));
    if (!rest.empty()) {
      if (rest[0] != '/' || rest.size() == 1) return std::nullopt;
      rest = rest.substr(1);
    }
  }
  if (t.segments_.empty()) return std::nullopt;
  return t;
}

std::optional<std::vector<Binding>> PathTemplate::Match(
    std::string_view path) const {
  if (path.empty() || path[0] != '/') return std::nullopt;
  path.remove_prefix(1);
  if (!verb_.empty()) {
    const size_t colon = path.rfind(':');
    if (colon == std::string_view::npos || path.substr(colon + 1) != verb_)
      return std::nullopt;
    path = path.substr(0, colon);
  } else {
    // A custom verb on a template without one does not match.
    const size_t slash = path.rfind('/');
    const std::string_view last =
        slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (last.find(':') != std::string_view::npos) return std::nullopt;
  }
  const std::vector<std::string_view> parts = Split(path, '/');
  std::vector<Binding> bindings;
  size_t at = 0;
  for (const Segment& segment : segments_) {
    if (segment.variable.empty()) {
      if (at >= parts.size() || parts[at] != segment.literal)
        return std::nullopt;
      ++at;
      continue;
    }
    if (at + segment.pattern.size() > parts.size()) return std::nullopt;
    std::string value;
    for (const std::string& p : segment.pattern) {
      std::string_view part = parts[at++];
      if (part.empty() || (p != "*" && part != p)) return std::nullopt;
      if (!value.empty()) value += '/';
      value += part;
    }
    bindings.emplace_back(segment.variable, std::move(value));
  }
  if (at != parts.size()) return std::nullopt;
  return bindings;
}

std::vector<std::string> PathTemplate::variables() const {
  std::vector<std::string> out;
  for (const Segment& s : segments_) {
    if (!s.variable.empty()) out.push_back(s.variable);
  }
  return out;
}

std::string PathTemplate::OpenApiPath() const {
  std::string out;
  for (const Segment& s : segments_) {
    if (s.variable.empty()) {
      out += '/' + s.literal;
      continue;
    }
    const std::string leaf = s.variable.substr(s.variable.rfind('.') + 1);
    for (const std::string& p : s.pattern)
      out += '/' + (p == "*" ? "{" + leaf + "}" : p);
  }
  if (!verb_.empty()) out += ":" + verb_;
  return out;
}

}  // namespace lges::gateway
