#include "analytics/classifier.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace lges::analytics {
namespace {

struct Example {
  std::string text;
  std::string primary;
  std::vector<std::string> tags;
};

std::vector<Example> LoadExamples() {
  std::ifstream file(LGES_THEME_EXAMPLES);
  const nlohmann::json doc = nlohmann::json::parse(file);
  std::vector<Example> out;
  for (const auto& e : doc.at("examples")) {
    out.push_back({e.at(0).get<std::string>(), e.at(1).get<std::string>(),
                   e.at(2).get<std::vector<std::string>>()});
  }
  return out;
}

TEST(ThemesTest, TheEmbeddedVocabularyParses) {
  const Vocabulary& v = DefaultVocabulary();
  EXPECT_EQ(v.version, 1);
  ASSERT_EQ(v.themes.size(), 17u);
  for (const Theme& t : v.themes) {
    SCOPED_TRACE(t.id);
    EXPECT_FALSE(t.label_cy.empty());
    EXPECT_FALSE(t.aspects_2018.empty());
    EXPECT_FALSE(t.aspects_2024.empty());
    EXPECT_FALSE(t.rules.empty());
  }
  EXPECT_NE(v.Find("attendance"), nullptr);
  EXPECT_EQ(v.Find("nonsense"), nullptr);
}

TEST(ThemesTest, RejectsMalformedVocabularies) {
  EXPECT_FALSE(ParseVocabulary("{").ok());
  EXPECT_FALSE(ParseVocabulary(R"({"vocabulary": "x", "version": 1})").ok());
}

// The labelled examples: at least 95% primary-theme agreement. The
// confusion table is printed so that a regression shows where it is.
TEST(ClassifierTest, AgreesWithTheLabelledExamples) {
  const Classifier classifier(DefaultVocabulary());
  const std::vector<Example> examples = LoadExamples();
  std::map<std::pair<std::string, std::string>, int> confusion;
  int agree = 0;
  for (const Example& e : examples) {
    const Classification c = classifier.Classify(e.text);
    confusion[{e.primary,
               c.primary_theme.empty() ? "(none)" : c.primary_theme}]++;
    if (c.primary_theme == e.primary) {
      ++agree;
    } else {
      std::cout << "  disagree: \"" << e.text << "\" labelled " << e.primary
                << ", got " << c.primary_theme << "\n";
    }
  }
  std::cout << "Confusion table (labelled -> classified: count)\n";
  for (const auto& [pair, count] : confusion) {
    std::cout << "  " << std::left << std::setw(22) << pair.first << " -> "
              << std::setw(22) << pair.second << count
              << (pair.first == pair.second ? "" : "   <-- disagreement")
              << "\n";
  }
  const double agreement = static_cast<double>(agree) / examples.size();
  std::cout << "Primary-theme agreement: " << agree << "/" << examples.size()
            << " = " << std::fixed << std::setprecision(1) << 100 * agreement
            << "%\n";
  EXPECT_GE(agreement, 0.95);
}

struct Case {
  const char* text;
  const char* primary;
  std::vector<std::string> tags;
};

// Recommendations that are not in the examples file, one per rule of the
// method, written for this test.
TEST(ClassifierTest, FollowsTheLabellingRules) {
  const Case cases[] = {
      // The head decides; a qualifier only tags.
      {"Improve standards in key stage 4, particularly for boys",
       "secondary_schools",
       {"learner_outcomes"}},
      {"Reduce persistent absence - especially in primary schools",
       "attendance",
       {}},
      {"Strengthen support for schools causing concern, including secondary "
       "schools",
       "school_improvement",
       {"secondary_schools"}},
      // A topic beats a setting, which beats a generic aim.
      {"Improve the quality of teaching in secondary schools",
       "school_improvement",
       {"secondary_schools"}},
      {"Raise attainment in secondary schools",
       "secondary_schools",
       {"learner_outcomes"}},
      {"Improve outcomes for pupils eligible for free school meals",
       "equity_disadvantage",
       {"learner_outcomes"}},
      {"Develop a clear strategy for the ALN reform",
       "aln",
       {"strategic_leadership"}},
      // Joined aims: the first is primary.
      {"Reduce exclusions and improve attendance",
       "wellbeing_behaviour",
       {"attendance"}},
      {"Strengthen scrutiny and the vision of senior leaders",
       "scrutiny",
       {"strategic_leadership"}},
      // Longest phrase wins where phrases overlap.
      {"Strengthen leadership development for headteachers",
       "professional_learning",
       {}},
      {"Accelerate progress in the Welsh in Education Strategic Plan",
       "welsh_language",
       {}},
      {"Reduce the number of young people not in education, employment or "
       "training",
       "youth_support",
       {}},
      {"Improve provision for pupils educated otherwise than at school",
       "eotas",
       {}},
      {"Address the shortcomings in safe recruitment", "safeguarding", {}},
      {"Ensure that members of staff use data to evaluate the impact of "
       "services",
       "self_evaluation",
       {}},
      {"Improve the information provided to elected members", "scrutiny", {}},
      {"Plan school places so that surplus capacity is reduced",
       "resources",
       {"strategic_leadership"}},
      {"Work with health services to support vulnerable learners",
       "partnership_working",
       {"equity_disadvantage"}},
      {"Something about nothing in particular", "", {}},
  };
  const Classifier classifier(DefaultVocabulary());
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const Classification got = classifier.Classify(c.text);
    EXPECT_EQ(got.primary_theme, c.primary);
    EXPECT_EQ(got.tags, c.tags);
  }
}

TEST(ClassifierTest, ReportsTheEvidence) {
  const Classifier classifier(DefaultVocabulary());
  const Classification c = classifier.Classify(
      "Improve pupil attendance levels - particularly in the secondary "
      "sector.");
  ASSERT_EQ(c.evidence.size(), 2u);
  EXPECT_EQ(c.evidence[0].theme_id, "attendance");
  EXPECT_EQ(c.evidence[0].matched, "attendance");
  EXPECT_TRUE(c.evidence[0].in_head);
  EXPECT_EQ(c.evidence[1].theme_id, "secondary_schools");
  EXPECT_EQ(c.evidence[1].phrase, "secondary sector");
  EXPECT_FALSE(c.evidence[1].in_head);
  EXPECT_EQ(c.evidence[1].kind, CueKind::kSetting);
}

TEST(ClassifierTest, SplitsWordsTheWayThePhrasesAreWritten) {
  EXPECT_EQ(
      Words("Well-being of the authority's post-16 learners – ALN"),
      (std::vector<std::string>{"well", "being", "of", "the", "authoritys",
                                "post", "16", "learners", "|", "aln"}));
}

}  // namespace
}  // namespace lges::analytics
