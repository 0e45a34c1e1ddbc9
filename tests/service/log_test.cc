#include "service/log.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace lges::log {
namespace {

constexpr int64_t kNoon = 1764504000123;  // 2025-11-30T12:00:00.123Z

TEST(LogTest, JsonLinesHoldTimeLevelEventMessageAndFields) {
  const std::string line =
      FormatLine(Format::kJson, kNoon, Level::kWarning, "refused", "call refused",
                 {{"method", "estyn.lges.v1.TokenService/CreateToken"},
                  {"latency_ms", 1.5},
                  {"reply_bytes", int64_t{120}}});
  EXPECT_EQ(line,
            R"({"time":"2025-11-30T12:00:00.123Z","level":"warning",)"
            R"("event":"refused","message":"call refused",)"
            R"("method":"estyn.lges.v1.TokenService/CreateToken",)"
            R"("latency_ms":1.5,"reply_bytes":120})");
}

TEST(LogTest, JsonEscapesQuotesControlsAndBadUtf8) {
  const std::string line = FormatLine(
      Format::kJson, kNoon, Level::kInfo, "x", "",
      {{"path", "a \"b\"\\c\nd\te"}, {"name", "Ynys M\xc3\xb4n \xff end"}});
  const nlohmann::json parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["path"], "a \"b\"\\c\nd\te");
  EXPECT_EQ(parsed["name"], "Ynys M\xc3\xb4n \xef\xbf\xbd end");
  EXPECT_FALSE(parsed.contains("message"));
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(LogTest, EmptyFieldsAreLeftOutAndTextQuotesOnlyWhatNeedsIt) {
  const std::string line =
      FormatLine(Format::kText, kNoon, Level::kInfo, "rpc", "",
                 {{"request_id", "abc"}, {"identity", ""}, {"peer", "a b"}});
  EXPECT_EQ(line, R"(2025-11-30T12:00:00.123Z INFO rpc request_id=abc peer="a b")");
}

TEST(LogTest, ParsesLevelsAndFormats) {
  Level level;
  Format format;
  EXPECT_TRUE(ParseLevel("warn", &level));
  EXPECT_EQ(level, Level::kWarning);
  EXPECT_FALSE(ParseLevel("loud", &level));
  EXPECT_TRUE(ParseFormat("json", &format));
  EXPECT_EQ(format, Format::kJson);
  EXPECT_FALSE(ParseFormat("xml", &format));
}

}  // namespace
}  // namespace lges::log
