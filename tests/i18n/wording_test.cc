// How counts and proportions read in English and Welsh: every count from 1
// to 22 of every total, every proportion word, and the Welsh checked
// against sentences in which Estyn counts local authorities.
#include "i18n/wording.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "i18n/catalogue.h"
#include "i18n/grammar.h"

namespace lges::i18n {
namespace {

constexpr Language kEn = Language::kEnglish;
constexpr Language kCy = Language::kWelsh;
constexpr ProviderNoun kLa = ProviderNoun::kLocalAuthority;

struct WordCase {
  int count;
  int total;
  const char* en;
  const char* cy;
};

// Each word on both sides of its boundary.
TEST(ProportionWordTest, ChangesExactlyAtEachBoundaryInBothLanguages) {
  const WordCase cases[] = {
      {20, 20, "all", "pob un"},
      {0, 20, "none", "dim un"},
      {91, 100, "nearly all", "bron pob un"},
      {19, 20, "nearly all", "bron pob un"},  // Over 90%.
      {90, 100, "most", "y rhan fwyaf"},
      {18, 20, "most", "y rhan fwyaf"},  // 90%.
      {89, 100, "many", "llawer"},
      {70, 100, "many", "llawer"},  // 70% or more.
      {69, 100, "a majority", "mwyafrif"},
      {61, 100, "a majority", "mwyafrif"},  // Over 60%.
      {60, 100, "around half", "tua hanner"},
      {51, 100, "around half", "tua hanner"},
      {50, 100, "half", "hanner"},
      {49, 100, "around half", "tua hanner"},
      {40, 100, "around half", "tua hanner"},
      {39, 100, "a minority", "lleiafrif"},  // Below 40%.
      {20, 100, "a minority", "lleiafrif"},
      {19, 100, "few", "ychydig"},  // Below 20%.
      {10, 100, "few", "ychydig"},
      {9, 100, "very few", "ychydig iawn"},  // Less than 10%.
      {1, 100, "very few", "ychydig iawn"},
  };
  for (const WordCase& c : cases) {
    EXPECT_EQ(ProportionWord(kEn, c.count, c.total), c.en)
        << c.count << " of " << c.total;
    EXPECT_EQ(ProportionWord(kCy, c.count, c.total), c.cy)
        << c.count << " of " << c.total;
  }
}

TEST(CountSubjectTest, UsesCountsForSmallGroupsAndWordsForLargeOnes) {
  const WordCase cases[] = {
      {4, 4, "all four local authorities", "pob un o’r pedwar awdurdod lleol"},
      {2, 4, "two of the four local authorities",
       "dau o’r pedwar awdurdod lleol"},
      {3, 4, "three of the four local authorities",
       "tri o’r pedwar awdurdod lleol"},
      {1, 4, "one local authority", "un awdurdod lleol"},
      {2, 2, "both local authorities", "y ddau awdurdod lleol"},
      {1, 1, "the local authority", "yr awdurdod lleol"},
      {2, 3, "two of the three local authorities",
       "dau o’r tri awdurdod lleol"},
      {3, 3, "all three local authorities", "pob un o’r tri awdurdod lleol"},
      {5, 6, "five of the six local authorities",
       "pump o’r chwe awdurdod lleol"},
      {6, 9, "six of the nine local authorities",
       "chwech o’r naw awdurdod lleol"},
      {9, 10, "most local authorities", "y rhan fwyaf o awdurdodau lleol"},
      {3, 10, "a minority of local authorities",
       "lleiafrif o awdurdodau lleol"},
      {5, 10, "half of the local authorities", "hanner yr awdurdodau lleol"},
      {15, 22, "a majority of local authorities",
       "mwyafrif o awdurdodau lleol"},
      {1, 22, "very few local authorities", "ychydig iawn o awdurdodau lleol"},
      {3, 22, "a few local authorities", "ychydig o awdurdodau lleol"},
      {16, 22, "many local authorities", "llawer o awdurdodau lleol"},
      {22, 22, "all local authorities", "pob awdurdod lleol"},
  };
  for (const WordCase& c : cases) {
    EXPECT_EQ(CountSubject(kEn, c.count, c.total, kLa), c.en)
        << c.count << " of " << c.total;
    EXPECT_EQ(CountSubject(kCy, c.count, c.total, kLa), c.cy)
        << c.count << " of " << c.total;
  }
}

TEST(CountSubjectTest, ProvidersMutateAfterNumeralsAndO) {
  EXPECT_EQ(CountSubject(kCy, 2, 2, ProviderNoun::kProvider),
            "y ddau ddarparwr");
  EXPECT_EQ(CountSubject(kCy, 1, 3, ProviderNoun::kProvider), "un darparwr");
  EXPECT_EQ(CountSubject(kCy, 12, 20, ProviderNoun::kProvider),
            "tua hanner y darparwyr");  // 60%: "around half".
  EXPECT_EQ(CountSubject(kCy, 19, 20, ProviderNoun::kProvider),
            "bron pob un o’r darparwyr");
  EXPECT_EQ(CountSubject(kCy, 18, 20, ProviderNoun::kProvider),
            "y rhan fwyaf o ddarparwyr");  // d > dd after "o".
}

// Every count of every total from 1 to 22, in both languages: a sentence
// that starts right, ends with the phrase, and never uses a feminine
// numeral with "awdurdod" (a vowel hides the mistake).
TEST(RecommendationSentenceTest, EveryCountOfEveryTotalReadsWell) {
  for (int total = 1; total <= 22; ++total) {
    for (int count = 1; count <= total; ++count) {
      const std::string en =
          RecommendationSentence(kEn, count, total, kLa, "improve attendance");
      const std::string cy =
          RecommendationSentence(kCy, count, total, kLa, "gwella presenoldeb");
      SCOPED_TRACE(std::to_string(count) + " of " + std::to_string(total));
      EXPECT_TRUE(std::isupper(static_cast<unsigned char>(en[0]))) << en;
      EXPECT_NE(en.find(" received a recommendation to improve attendance."),
                std::string::npos)
          << en;
      EXPECT_EQ(cy.rfind("Cafodd ", 0), 0u) << cy;
      EXPECT_NE(cy.find(" argymhelliad i wella presenoldeb."),
                std::string::npos)
          << cy;
      for (const char* wrong :
           {"dwy awdurdod", "tair awdurdod", "pedair awdurdod", "pump awdurdod",
            "chwech awdurdod", "o’r un ", "un awdurdodau", "Tor-faen"}) {
        EXPECT_EQ(cy.find(wrong), std::string::npos) << cy;
      }
      // English never mixes into the Welsh, nor Welsh into the English.
      EXPECT_EQ(cy.find("local"), std::string::npos) << cy;
      EXPECT_EQ(en.find("awdurdod"), std::string::npos) << en;
    }
  }
  EXPECT_EQ(RecommendationSentence(kCy, 2, 4, kLa, "gwella presenoldeb"),
            "Cafodd dau o’r pedwar awdurdod lleol argymhelliad i wella "
            "presenoldeb.");
  EXPECT_EQ(RecommendationSentence(kEn, 4, 4, kLa,
                                   "strengthen self-evaluation and improvement "
                                   "planning"),
            "All four local authorities received a recommendation to "
            "strengthen self-evaluation and improvement planning.");
}

TEST(GrammarTest, NumeralsAgreeWithGenderAndMutateTheirNoun) {
  EXPECT_EQ(WelshCountedNoun(2, Gender::kMasculine, "maes", "meysydd"),
            "dau faes");
  EXPECT_EQ(WelshCountedNoun(2, Gender::kFeminine, "ysgol", "ysgolion"),
            "dwy ysgol");
  EXPECT_EQ(WelshCountedNoun(3, Gender::kFeminine, "ysgol", "ysgolion"),
            "tair ysgol");
  EXPECT_EQ(WelshCountedNoun(1, Gender::kFeminine, "blwyddyn", "blynyddoedd"),
            "un flwyddyn");
  EXPECT_EQ(WelshCountedNoun(5, Gender::kMasculine, "arolygiad", "arolygiadau"),
            "pum arolygiad");
  EXPECT_EQ(WelshCountedNoun(6, Gender::kMasculine, "cyngor", "cynghorau"),
            "chwe chyngor");
  EXPECT_EQ(WelshCountedNoun(22, Gender::kMasculine, "awdurdod lleol",
                             "awdurdodau lleol"),
            "22 o awdurdodau lleol");
  EXPECT_EQ(WelshCountedNoun(12, Gender::kMasculine, "darparwr", "darparwyr"),
            "12 o ddarparwyr");
  EXPECT_EQ(SoftMutation("Torfaen"), "Dorfaen");
  EXPECT_EQ(AspirateMutation("Torfaen"), "Thorfaen");  // "a Thorfaen"
  EXPECT_EQ(NasalMutation("Caerdydd"), "Nghaerdydd");  // "yng Nghaerdydd"
  EXPECT_EQ(SoftMutation("llawer"), "lawer");          // "i lawer o"
  EXPECT_EQ(SoftMutation("gwella"), "wella");
  EXPECT_EQ(SoftMutation("Sir Benfro"), "Sir Benfro");
  for (int n = 1; n <= 22; ++n) {
    EXPECT_FALSE(WelshNumber(n, Gender::kMasculine).empty());
    EXPECT_FALSE(EnglishNumber(n).empty());
  }
  EXPECT_EQ(EnglishNumber(20), "twenty");
  EXPECT_EQ(EnglishNumber(21), "21");
}

// Where a sentence in which Estyn (or another Welsh public body) counts
// local authorities contains "N o’r M awdurdod", the generated subject for
// N of M must appear in it word for word.
TEST(WelshAgainstSourcesTest, GeneratedCountsMatchEveryAttestedSentence) {
  std::ifstream in(LGES_WELSH_COUNT_SENTENCES);
  ASSERT_TRUE(in) << LGES_WELSH_COUNT_SENTENCES;
  const nlohmann::json doc = nlohmann::json::parse(in);
  int matched = 0;
  for (int total = 2; total <= 9; ++total) {
    for (int count = 1; count < total; ++count) {
      if (count == 1) continue;  // "un" is "un awdurdod lleol", tested above.
      const std::string subject = CountSubject(kCy, count, total, kLa);
      const std::string pattern = WelshNumber(count, Gender::kMasculine) +
                                  " o’r " +
                                  WelshNumber(total, Gender::kMasculine);
      for (const auto& s : doc.at("sentences")) {
        const std::string welsh = s.at("welsh").get<std::string>();
        const size_t at = welsh.find(pattern + " awdurdod");
        if (at == std::string::npos) continue;
        EXPECT_NE(welsh.find(subject), std::string::npos)
            << subject << " | " << welsh;
        ++matched;
      }
    }
  }
  // dau/tri o’r pedwar (2022-23 summary) and dau o’r tri (suggested).
  EXPECT_GE(matched, 6);
  // The attested "y ddau awdurdod lleol" and "pob un o’r pedwar awdurdod".
  bool both = false, all = false;
  for (const auto& s : doc.at("sentences")) {
    const std::string welsh = s.at("welsh").get<std::string>();
    both |= welsh.find(CountSubject(kCy, 2, 2, kLa)) != std::string::npos;
    all |= welsh.find("pob un o'r pedwar awdurdod") != std::string::npos ||
           welsh.find(CountSubject(kCy, 4, 4, kLa).substr(0, 28)) !=
               std::string::npos;
  }
  EXPECT_TRUE(both);
  EXPECT_TRUE(all);
}

}  // namespace
}  // namespace lges::i18n
