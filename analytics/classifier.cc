#include "analytics/classifier.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace lges::analytics {
namespace {

constexpr char kDash[] = "|";

bool WordMatches(const std::string& pattern, const std::string& word) {
  if (!pattern.empty() && pattern.back() == '*') {
    return word.compare(0, pattern.size() - 1, pattern, 0,
                        pattern.size() - 1) == 0;
  }
  return pattern == word;
}

bool Matches(const std::vector<std::string>& pattern,
             const std::vector<std::string>& words, size_t at) {
  if (at + pattern.size() > words.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (!WordMatches(pattern[i], words[at + i])) return false;
  }
  return true;
}

std::string Join(const std::vector<std::string>& words, size_t from,
                 size_t count) {
  std::string out;
  for (size_t i = from; i < from + count; ++i)
    out += (out.empty() ? "" : " ") + words[i];
  return out;
}

// A rule's words: as Words(), but a trailing '*' stays on its word.
std::vector<std::string> PatternWords(std::string_view phrase) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < phrase.size()) {
    size_t end = phrase.find(' ', start);
    if (end == std::string_view::npos) end = phrase.size();
    std::string_view part = phrase.substr(start, end - start);
    const bool prefix = !part.empty() && part.back() == '*';
    for (std::string& w :
         Words(prefix ? part.substr(0, part.size() - 1) : part))
      words.push_back(std::move(w));
    if (prefix && !words.empty()) words.back() += '*';
    start = end + 1;
  }
  return words;
}

}  // namespace

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words(1);
  auto flush = [&words] {
    if (!words.back().empty()) words.emplace_back();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool en_dash = c == 0xE2 && i + 2 < text.size() &&
                         static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                         static_cast<unsigned char>(text[i + 2]) == 0x93;
    const bool spaced = (i == 0 || text[i - 1] == ' ') &&
                        (i + (en_dash ? 3 : 1) >= text.size() ||
                         text[i + (en_dash ? 3 : 1)] == ' ');
    if ((c == '-' || en_dash) && spaced) {
      flush();
      // Not the char* assignment, which GCC 12 warns about falsely
      // (-Wrestrict, GCC bug 105329).
      words.back() = std::string(kDash);
      words.emplace_back();
      i += en_dash ? 2 : 0;
    } else if (std::isalnum(c)) {
      words.back() += static_cast<char>(std::tolower(c));
    } else if (c != '\'') {
      flush();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

Classifier::Classifier(const Vocabulary& vocabulary) : vocabulary_(vocabulary) {
  for (size_t t = 0; t < vocabulary.themes.size(); ++t) {
    for (const ThemeRule& rule : vocabulary.themes[t].rules) {
      patterns_.push_back({static_cast<int>(t), rule.kind, rule.phrase,
                           PatternWords(rule.phrase)});
    }
  }
  for (const std::string& phrase : vocabulary.neutral_phrases) {
    patterns_.push_back({-1, CueKind::kMention, phrase, PatternWords(phrase)});
  }
  for (const std::string& marker : vocabulary.qualifier_markers)
    markers_.push_back(Words(marker));
}

// Greedy left to right: at each word the longest pattern wins (the heavier
// on equal length), and its words cannot start another match.
std::vector<Classifier::Match> Classifier::FindMatches(
    const std::vector<std::string>& words) const {
  std::vector<Match> matches;
  for (size_t at = 0; at < words.size();) {
    const Pattern* best = nullptr;
    for (const Pattern& p : patterns_) {
      if (!Matches(p.words, words, at)) continue;
      if (best == nullptr || p.words.size() > best->words.size() ||
          (p.words.size() == best->words.size() && p.kind > best->kind)) {
        best = &p;
      }
    }
    if (best == nullptr) {
      ++at;
      continue;
    }
    matches.push_back({best, at, best->words.size()});
    at += best->words.size();
  }
  return matches;
}

size_t Classifier::HeadLength(const std::vector<std::string>& words) const {
  for (size_t at = 1; at < words.size(); ++at) {
    if (words[at] == kDash) return at;
    for (const auto& marker : markers_) {
      if (Matches(marker, words, at)) return at;
    }
  }
  return words.size();
}

Classification Classifier::Classify(std::string_view text) const {
  const std::vector<std::string> words = Words(text);
  const size_t head = HeadLength(words);
  const std::vector<Match> matches = FindMatches(words);

  // The heaviest cue in the head (earliest on a tie); failing that, in the
  // whole text. Mentions and neutral phrases never decide.
  std::optional<size_t> primary;
  for (size_t limit : {head, words.size()}) {
    for (size_t i = 0; i < matches.size(); ++i) {
      const Pattern& p = *matches[i].pattern;
      if (p.theme < 0 || p.kind == CueKind::kMention ||
          matches[i].first_word >= limit)
        continue;
      if (!primary || p.kind > matches[*primary].pattern->kind) primary = i;
    }
    if (primary) break;
  }

  Classification out;
  if (primary)
    out.primary_theme = vocabulary_.themes[matches[*primary].pattern->theme].id;
  for (const Match& m : matches) {
    if (m.pattern->theme < 0) continue;
    const std::string& id = vocabulary_.themes[m.pattern->theme].id;
    out.evidence.push_back({id, m.pattern->phrase,
                            Join(words, m.first_word, m.word_count),
                            m.pattern->kind, m.first_word < head});
    if (id != out.primary_theme &&
        std::find(out.tags.begin(), out.tags.end(), id) == out.tags.end()) {
      out.tags.push_back(id);
    }
  }
  return out;
}

}  // namespace lges::analytics
