#include "analytics/wording.h"

#include <cctype>

namespace lges::analytics {
namespace {

std::string Capitalised(std::string s) {
  if (!s.empty())
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// The words before the plural noun for a large group, e.g. "a minority of".
std::string LargeGroupDeterminer(const std::string& word) {
  if (word == "a majority" || word == "a minority") return word + " of";
  if (word == "half" || word == "around half") return word + " of the";
  if (word == "few") return "a few";
  return word;
}

}  // namespace

std::string ProportionWord(int count, int total) {
  // Integer comparisons: count/total against each boundary without rounding.
  const long c = count, t = total;
  if (c <= 0) return "none";
  if (c >= t) return "all";
  if (10 * c > 9 * t) return "nearly all";
  if (10 * c == 9 * t) return "most";
  if (10 * c >= 7 * t) return "many";
  if (10 * c > 6 * t) return "a majority";
  if (2 * c == t) return "half";
  if (10 * c >= 4 * t) return "around half";
  if (10 * c >= 2 * t) return "a minority";
  if (10 * c >= 1 * t) return "few";
  return "very few";
}

std::string NumberWord(int n) {
  static const char* kWords[] = {
      "none",     "one",      "two",      "three",   "four",    "five",
      "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
      "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
      "eighteen", "nineteen", "twenty"};
  return n >= 0 && n <= 20 ? kWords[n] : std::to_string(n);
}

std::string CountSubject(int count, int total, const std::string& singular,
                         const std::string& plural) {
  if (total <= kLargestCountedGroup) {
    if (count == total && total == 1) return "The " + singular;
    if (count == total && total == 2) return "Both " + plural;
    if (count == total) return "All " + NumberWord(total) + " " + plural;
    if (count == 1) return "One " + singular;
    return Capitalised(NumberWord(count)) + " of the " + NumberWord(total) +
           " " + plural;
  }
  return Capitalised(LargeGroupDeterminer(ProportionWord(count, total))) + " " +
         plural;
}

std::string RecommendationSentence(int count, int total,
                                   const std::string& singular,
                                   const std::string& plural,
                                   const std::string& phrase) {
  return CountSubject(count, total, singular, plural) +
         " received a recommendation to " + phrase + ".";
}

}  // namespace lges::analytics
