#include "i18n/wording.h"

#include "i18n/catalogue.h"
#include "i18n/grammar.h"

namespace lges::i18n {
namespace {

std::string NounKey(ProviderNoun noun) {
  return noun == ProviderNoun::kProvider ? "noun.provider"
                                         : "noun.local_authority";
}

struct Nouns {
  std::string singular, plural;
  Gender gender;
};

Nouns NounsOf(Language language, ProviderNoun noun) {
  const Catalogue& c = CatalogueOf(language);
  const std::string key = NounKey(noun);
  return {
      c.Text(key + ".singular"), c.Text(key + ".plural"),
      c.Text(key + ".gender") == "f" ? Gender::kFeminine : Gender::kMasculine};
}

std::string Counted(Language language, int n, const Nouns& nouns) {
  return language == Language::kWelsh
             ? WelshCountedNoun(n, nouns.gender, nouns.singular, nouns.plural)
             : EnglishCountedNoun(n, nouns.singular, nouns.plural);
}

}  // namespace

std::string ProportionKey(int count, int total) {
  // Integer comparisons: count/total against each boundary without rounding.
  const long c = count, t = total;
  if (c <= 0) return "none";
  if (c >= t) return "all";
  if (10 * c > 9 * t) return "nearly_all";
  if (10 * c == 9 * t) return "most";
  if (10 * c >= 7 * t) return "many";
  if (10 * c > 6 * t) return "a_majority";
  if (2 * c == t) return "half";
  if (10 * c >= 4 * t) return "around_half";
  if (10 * c >= 2 * t) return "a_minority";
  if (10 * c >= 1 * t) return "few";
  return "very_few";
}

std::string ProportionWord(Language language, int count, int total) {
  return Text(language, "proportion." + ProportionKey(count, total));
}

std::string CountedProviders(Language language, int n, ProviderNoun noun) {
  return Counted(language, n, NounsOf(language, noun));
}

std::string CountSubject(Language language, int count, int total,
                         ProviderNoun noun) {
  const Nouns nouns = NounsOf(language, noun);
  const Args args = {{"count", std::to_string(count)},
                     {"gender", nouns.gender == Gender::kFeminine ? "f" : "m"},
                     {"singular", nouns.singular},
                     {"plural", nouns.plural},
                     {"one_noun", Counted(language, 1, nouns)},
                     {"pair_noun", Counted(language, 2, nouns)},
                     {"total_noun", Counted(language, total, nouns)}};
  const Catalogue& c = CatalogueOf(language);
  if (total > kLargestCountedGroup)
    return c.Format("group." + ProportionKey(count, total), args);
  if (count == total && total == 1) return c.Format("count.the_only", args);
  if (count == total && total == 2) return c.Format("count.both", args);
  if (count == total) return c.Format("count.all", args);
  if (count == 1) return c.Format("count.one", args);
  return c.Format("count.some_of", args);
}

std::string RecommendationSentence(Language language, int count, int total,
                                   ProviderNoun noun,
                                   const std::string& phrase) {
  return Format(language, "sentence.recommendation",
                {{"subject", CountSubject(language, count, total, noun)},
                 {"phrase", phrase}});
}

}  // namespace lges::i18n
