#include "i18n/grammar.h"

#include <cctype>
#include <utility>

namespace lges::i18n {
namespace {

struct Rule {
  const char* from;
  const char* to;
};

bool StartsWith(const std::string& word, const char* prefix) {
  size_t i = 0;
  for (; prefix[i] != '\0'; ++i) {
    if (i >= word.size() ||
        std::tolower(static_cast<unsigned char>(word[i])) != prefix[i])
      return false;
  }
  return true;
}

// Replaces the first matching prefix by its mutation; the result starts
// upper case if the word did.
template <size_t N>
std::string Mutate(const std::string& word, const Rule (&rules)[N]) {
  for (const Rule& r : rules) {
    if (!StartsWith(word, r.from)) continue;
    const size_t len = std::char_traits<char>::length(r.from);
    std::string out = std::string(r.to) + word.substr(len);
    const bool upper = std::isupper(static_cast<unsigned char>(word[0]));
    return upper ? Capitalised(std::move(out)) : out;
  }
  return word;
}

bool StartsWithVowel(const std::string& word) {
  if (word.empty()) return false;
  const char c =
      static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
  return std::string("aeiouwyh").find(c) != std::string::npos ||
         static_cast<unsigned char>(word[0]) >=
             0x80;  // â, ô, Ŵ ... are vowels.
}

}  // namespace

std::string Capitalised(std::string text) {
  if (!text.empty())
    text[0] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

std::string SoftMutation(const std::string& word) {
  // "ll" and "rh" before "l" and "r"; "d" stays after "dd" is tried.
  static const Rule kRules[] = {
      {"ll", "l"},  {"rh", "r"}, {"dd", "dd"}, {"ch", "ch"}, {"ph", "ph"},
      {"th", "th"}, {"c", "g"},  {"p", "b"},   {"t", "d"},   {"g", ""},
      {"b", "f"},   {"d", "dd"}, {"m", "f"}};
  return Mutate(word, kRules);
}

std::string AspirateMutation(const std::string& word) {
  static const Rule kRules[] = {{"ch", "ch"}, {"ph", "ph"}, {"th", "th"},
                                {"c", "ch"},  {"p", "ph"},  {"t", "th"}};
  return Mutate(word, kRules);
}

std::string NasalMutation(const std::string& word) {
  static const Rule kRules[] = {
      {"ch", "ch"}, {"ph", "ph"}, {"th", "th"}, {"dd", "dd"}, {"c", "ngh"},
      {"p", "mh"},  {"t", "nh"},  {"g", "ng"},  {"b", "m"},   {"d", "n"}};
  return Mutate(word, kRules);
}

std::string WelshNumber(int n, Gender gender) {
  const bool f = gender == Gender::kFeminine;
  switch (n) {
    case 0:
      return "dim";
    case 1:
      return "un";
    case 2:
      return f ? "dwy" : "dau";
    case 3:
      return f ? "tair" : "tri";
    case 4:
      return f ? "pedair" : "pedwar";
    case 5:
      return "pump";
    case 6:
      return "chwech";
    case 7:
      return "saith";
    case 8:
      return "wyth";
    case 9:
      return "naw";
    case 10:
      return "deg";
    default:
      return std::to_string(n);
  }
}

std::string WelshCountedNoun(int n, Gender gender, const std::string& singular,
                             const std::string& plural) {
  if (n > 10 || n < 0) return std::to_string(n) + " o " + SoftMutation(plural);
  const bool f = gender == Gender::kFeminine;
  if (n == 0) return "dim " + singular;
  if (n == 5) return "pum " + singular;
  if (n == 6) return "chwe " + AspirateMutation(singular);
  if (n == 2) return WelshNumber(n, gender) + " " + SoftMutation(singular);
  if (n == 3 && !f) return "tri " + AspirateMutation(singular);
  if (n == 1 && f) return "un " + SoftMutation(singular);
  return WelshNumber(n, gender) + " " + singular;
}

std::string EnglishNumber(int n) {
  static const char* kWords[] = {
      "none",     "one",      "two",      "three",   "four",    "five",
      "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
      "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
      "eighteen", "nineteen", "twenty"};
  return n >= 0 && n <= 20 ? kWords[n] : std::to_string(n);
}

std::string EnglishCountedNoun(int n, const std::string& singular,
                               const std::string& plural) {
  return EnglishNumber(n) + " " + (n == 1 ? singular : plural);
}

std::string WelshArticle(const std::string& word) {
  return (StartsWithVowel(word) ? "yr " : "y ") + word;
}

}  // namespace lges::i18n
