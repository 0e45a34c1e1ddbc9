#pragma once
// Assigns a recommendation one primary theme and optional secondary tags,
// with the evidence that decided them. Deterministic; no state after
// construction, so one Classifier may be shared by many threads.
//
// Method (docs/THEMES.md): the text is lower-cased and split into words;
// phrases from the vocabulary are matched left to right, longest first. The
// head of the recommendation is the part before the first qualifier marker
// ("particularly", "including", ...) or a dash. The primary theme is the
// theme of the heaviest cue in the head (topic > setting > aim), the earliest
// on a tie; if the head has no cue, the whole text is used. Every other theme
// that is cued anywhere becomes a tag.

#include <string>
#include <string_view>
#include <vector>

#include "analytics/themes.h"

namespace lges::analytics {

// One phrase that matched.
struct Evidence {
  std::string theme_id;
  std::string phrase;   // The rule, e.g. "persistent absen*".
  std::string matched;  // The words of the text it matched.
  CueKind kind = CueKind::kTopic;
  bool in_head = true;  // False when it matched in a qualifier.
};

struct Classification {
  std::string primary_theme;  // Empty when nothing matched ("unclassified").
  std::vector<std::string> tags;
  std::vector<Evidence> evidence;  // In text order.
};

class Classifier {
 public:
  // `vocabulary` must outlive the classifier.
  explicit Classifier(const Vocabulary& vocabulary);

  Classification Classify(std::string_view text) const;
  const Vocabulary& vocabulary() const { return vocabulary_; }

 private:
  struct Pattern {
    int theme = -1;  // Index in the vocabulary; -1 for a neutral phrase.
    CueKind kind = CueKind::kMention;
    std::string phrase;
    std::vector<std::string> words;  // A word ending in '*' is a prefix.
  };
  struct Match {
    const Pattern* pattern;
    size_t first_word;
    size_t word_count;
  };

  std::vector<Match> FindMatches(const std::vector<std::string>& words) const;
  size_t HeadLength(const std::vector<std::string>& words) const;

  const Vocabulary& vocabulary_;
  std::vector<Pattern> patterns_;
  std::vector<std::vector<std::string>> markers_;
};

// Lower-cased words of `text`: letters and digits; apostrophes dropped
// ("authority's" -> "authoritys"); a dash standing alone becomes "|".
std::vector<std::string> Words(std::string_view text);

}  // namespace lges::analytics
