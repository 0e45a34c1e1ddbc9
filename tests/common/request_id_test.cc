#include "common/request_id.h"

#include <gtest/gtest.h>

#include <set>

namespace lges {
namespace {

TEST(RequestIdTest, KeepsWellFormedIdsAndReplacesTheRest) {
  for (const char* id : {"a", "abc-123", "caller:42", "X_Y.z", "0123456789abcdef"})
    EXPECT_EQ(RequestIdOr(id), id) << id;
  const std::string longest(128, 'a');
  EXPECT_EQ(RequestIdOr(longest), longest);
  for (const std::string& bad :
       {std::string(), std::string(129, 'a'), std::string("has space"),
        std::string("quote\""), std::string("new\nline"), std::string("caf\xc3\xa9")}) {
    const std::string replaced = RequestIdOr(bad);
    EXPECT_NE(replaced, bad);
    EXPECT_TRUE(IsRequestId(replaced)) << replaced;
  }
}

TEST(RequestIdTest, NewIdsAre32HexDigitsAndDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = NewRequestId();
    ASSERT_EQ(id.size(), 32u);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace lges
