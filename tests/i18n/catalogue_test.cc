// The catalogues: every key in both languages with the same placeholders,
// every Welsh text either sourced or marked as this team's wording, and
// every template's filters known.
#include "i18n/catalogue.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace lges::i18n {
namespace {

std::set<std::string> Keys(const Catalogue& c) {
  std::set<std::string> out;
  for (const auto& [key, entry] : c.entries()) out.insert(key);
  return out;
}

// The placeholder names of a template, without filters.
std::set<std::string> Placeholders(const std::string& text) {
  static const std::regex kPlaceholder(R"(\{([a-z_]+)(\|[a-z|]+)?\})");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kPlaceholder);
       it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

TEST(CatalogueTest, EveryKeyIsInBothLanguages) {
  const std::set<std::string> en = Keys(CatalogueOf(Language::kEnglish));
  const std::set<std::string> cy = Keys(CatalogueOf(Language::kWelsh));
  EXPECT_GT(en.size(), 100u);
  for (const std::string& k : en) EXPECT_TRUE(cy.count(k)) << "no Welsh: " << k;
  for (const std::string& k : cy)
    EXPECT_TRUE(en.count(k)) << "no English: " << k;
}

TEST(CatalogueTest, BothLanguagesFillTheSamePlaceholders) {
  for (const auto& [key, entry] : CatalogueOf(Language::kEnglish).entries()) {
    const Catalogue::Entry* cy = CatalogueOf(Language::kWelsh).Find(key);
    if (cy == nullptr) continue;  // Reported above.
    std::set<std::string> en_names = Placeholders(entry.text);
    std::set<std::string> cy_names = Placeholders(cy->text);
    // Welsh counts build their nouns from these; English may not need them.
    for (const char* grammar :
         {"one_noun", "pair_noun", "singular", "plural", "total_noun"}) {
      en_names.erase(grammar);
      cy_names.erase(grammar);
    }
    EXPECT_EQ(en_names, cy_names) << key;
  }
}

TEST(CatalogueTest, EveryWelshTextIsSourcedOrMarkedAsOurs) {
  for (const auto& [key, entry] : CatalogueOf(Language::kWelsh).entries()) {
    EXPECT_FALSE(entry.text.empty()) << key;
    EXPECT_NE(entry.source.empty(), entry.note.empty())
        << key << ": give exactly one of \"source\" and \"ours\"";
  }
}

TEST(CatalogueTest, EveryFilterIsKnownAndEveryPlaceholderFills) {
  for (Language language : {Language::kEnglish, Language::kWelsh}) {
    const Catalogue& c = CatalogueOf(language);
    for (const auto& [key, entry] : c.entries()) {
      Args args;
      for (const std::string& name : Placeholders(entry.text))
        args.push_back({name, "2"});
      const std::string filled = c.Fill(entry.text, args);
      EXPECT_EQ(filled.find('{'), std::string::npos) << key << ": " << filled;
      EXPECT_EQ(filled.find('|'), std::string::npos) << key << ": " << filled;
    }
  }
}

TEST(CatalogueTest, WelshAvoidsTheSlipsInEstynsOwnWelsh) {
  for (const auto& [key, entry] : CatalogueOf(Language::kWelsh).entries()) {
    for (const char* slip :
         {"llywodraeth lleol", "Tor-faen", "yn tri o", "maen mewn",
          "pump argymhelliad", "Ionwar", "dwy awdurdod", "tair awdurdod",
          "pedair awdurdod"})
      EXPECT_EQ(entry.text.find(slip), std::string::npos) << key;
  }
}

TEST(CatalogueTest, FormatFillsFiltersInOrder) {
  const Catalogue& cy = CatalogueOf(Language::kWelsh);
  EXPECT_EQ(cy.Fill("i {x|soft} a {y|aspirate}, yng {z|nasal}",
                    {{"x", "gwella"}, {"y", "Torfaen"}, {"z", "Caerdydd"}}),
            "i wella a Thorfaen, yng Nghaerdydd");
  EXPECT_EQ(cy.Fill("{n|num} / {n|num}", {{"n", "3"}, {"gender", "f"}}),
            "tair / tair");
  EXPECT_EQ(CatalogueOf(Language::kEnglish).Fill("{a|cap} {b}", {{"a", "x"}}),
            "X {b}");  // A missing argument stays visible.
}

TEST(LanguageTest, ParsesCodesAndAcceptLanguage) {
  EXPECT_EQ(ParseLanguage("cy"), Language::kWelsh);
  EXPECT_EQ(ParseLanguage("CY-gb"), Language::kWelsh);
  EXPECT_EQ(ParseLanguage("en"), Language::kEnglish);
  EXPECT_EQ(ParseLanguage("fr"), std::nullopt);
  EXPECT_EQ(ParseLanguage(""), std::nullopt);
  EXPECT_EQ(FromAcceptLanguage("cy-GB, en;q=0.8"), Language::kWelsh);
  EXPECT_EQ(FromAcceptLanguage("en-GB,cy;q=0.5"), Language::kEnglish);
  EXPECT_EQ(FromAcceptLanguage("fr, cy;q=0.3"), Language::kWelsh);
  EXPECT_EQ(FromAcceptLanguage("cyx, fr"), std::nullopt);
  EXPECT_EQ(FromAcceptLanguage(""), std::nullopt);
  EXPECT_STREQ(Locale(Language::kWelsh), "cy-GB");
}

}  // namespace
}  // namespace lges::i18n
