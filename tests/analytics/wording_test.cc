#include "analytics/wording.h"

#include <gtest/gtest.h>

namespace lges::analytics {
namespace {

struct WordCase {
  int count;
  int total;
  const char* word;
};

// Each word on both sides of its boundary.
TEST(ProportionWordTest, ChangesExactlyAtEachBoundary) {
  const WordCase cases[] = {
      {20, 20, "all"},
      {0, 20, "none"},
      {91, 100, "nearly all"},
      {19, 20, "nearly all"},  // Over 90%: very few exceptions.
      {90, 100, "most"},
      {18, 20, "most"},  // 90%.
      {89, 100, "many"},
      {70, 100, "many"},  // 70% or more.
      {69, 100, "a majority"},
      {61, 100, "a majority"},  // Over 60%.
      {60, 100, "around half"},
      {51, 100, "around half"},
      {50, 100, "half"},
      {49, 100, "around half"},
      {40, 100, "around half"},
      {39, 100, "a minority"},  // Below 40%.
      {20, 100, "a minority"},
      {19, 100, "few"},  // Below 20%.
      {10, 100, "few"},
      {9, 100, "very few"},  // Less than 10%.
      {1, 100, "very few"},
  };
  for (const WordCase& c : cases) {
    EXPECT_EQ(ProportionWord(c.count, c.total), c.word)
        << c.count << " of " << c.total;
  }
}

struct SubjectCase {
  int count;
  int total;
  const char* subject;
};

TEST(CountSubjectTest, UsesCountsForSmallGroupsAndWordsForLargeOnes) {
  const SubjectCase cases[] = {
      {4, 4, "All four local authorities"},
      {2, 4, "Two of the four local authorities"},
      {1, 4, "One local authority"},
      {2, 2, "Both local authorities"},
      {1, 1, "The local authority"},
      {3, 9,
       "Three of the nine local authorities"},  // The largest counted group.
      {9, 10, "Most local authorities"},        // Ten and more get words.
      {3, 10, "A minority of local authorities"},
      {5, 10, "Half of the local authorities"},
      {15, 22, "A majority of local authorities"},
      {1, 22, "Very few local authorities"},
      {3, 22, "A few local authorities"},
      {22, 22, "All local authorities"},
  };
  for (const SubjectCase& c : cases) {
    EXPECT_EQ(
        CountSubject(c.count, c.total, "local authority", "local authorities"),
        c.subject)
        << c.count << " of " << c.total;
  }
}

TEST(RecommendationSentenceTest, ReadsLikeTheSectorPage) {
  EXPECT_EQ(RecommendationSentence(
                4, 4, "local authority", "local authorities",
                "strengthen self-evaluation and improvement planning"),
            "All four local authorities received a recommendation to "
            "strengthen self-evaluation and improvement "
            "planning.");
  EXPECT_EQ(NumberWord(20), "twenty");
  EXPECT_EQ(NumberWord(21), "21");
}

}  // namespace
}  // namespace lges::analytics
