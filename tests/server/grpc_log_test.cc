#include "server/grpc_log.h"

#include <grpc/support/log.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "service/log.h"

namespace lges {
namespace {

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    out.push_back(nlohmann::json::parse(line));
  return out;
}

TEST(GrpcLogTest, GrpcCoreLinesBecomeEventsInTheServersFormat) {
  log::SetFormat(log::Format::kJson);
  RouteGrpcLogs();
  testing::internal::CaptureStderr();
  gpr_log(GPR_ERROR, "bad peer said %s", "\"hello\"");
  gpr_log_message("src/core/ext/transport/chttp2/transport/hpack_parser.cc",
                  1234, GPR_LOG_SEVERITY_ERROR, std::string(2000, 'x').c_str());
  const std::vector<nlohmann::json> lines =
      JsonLines(testing::internal::GetCapturedStderr());
  log::SetFormat(log::Format::kText);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["event"], "grpc");
  EXPECT_EQ(lines[0]["level"], "warning");
  EXPECT_EQ(lines[0]["message"], "bad peer said \"hello\"");
  EXPECT_EQ(lines[0]["source"].get<std::string>().rfind("grpc_log_test.cc:", 0),
            0u);
  EXPECT_EQ(lines[1]["source"], "hpack_parser.cc:1234");
  EXPECT_EQ(lines[1]["message"].get<std::string>().size(), 500u);
}

}  // namespace
}  // namespace lges
