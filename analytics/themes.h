#pragma once
// The recommendation theme vocabulary, kept as data in
// data/themes/v1.json and embedded in the binary at build time. Plain C++:
// immutable once parsed, safe to share across threads.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace lges::analytics {

// What kind of cue a rule is; the numeric value is its weight.
enum class CueKind { kMention = 1, kAim = 2, kSetting = 3, kTopic = 4 };

struct ThemeRule {
  std::string
      phrase;  // Lower-case words; a trailing '*' on a word matches any ending.
  CueKind kind = CueKind::kTopic;
};

struct Theme {
  std::string id;
  std::string label_en;
  std::string label_cy;
  std::string description;
  // Completes "received a recommendation to ...", e.g. "improve attendance".
  std::string recommendation_phrase;
  std::string recommendation_phrase_cy;  // "gwella presenoldeb" (radical).
  std::vector<std::string> aspects_2018;  // Areas of the three-area framework.
  std::vector<std::string> aspects_2024;  // Areas of the two-area framework.
  std::vector<ThemeRule> rules;
};

struct Vocabulary {
  std::string name;
  int version = 0;
  std::vector<Theme> themes;
  std::vector<std::string>
      qualifier_markers;  // Start the tail of a recommendation.
  std::vector<std::string>
      neutral_phrases;  // Consume words without cueing a theme.

  // The theme with `id`, or nullptr.
  const Theme* Find(std::string_view id) const;
};

// Parses a vocabulary file. INVALID_ARGUMENT naming the problem if the JSON
// is malformed, a theme lacks a field, an id repeats or a weight is unknown.
absl::StatusOr<Vocabulary> ParseVocabulary(std::string_view json);

// Vocabulary v1 as embedded from data/themes/v1.json. Parsed once; the
// build guarantees it parses (tested).
const Vocabulary& DefaultVocabulary();

}  // namespace lges::analytics
