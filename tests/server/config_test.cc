#include "server/config.h"

#include <gtest/gtest.h>

#include <map>

namespace lges {
namespace {

// ParseServerConfig with `env` as the whole environment.
absl::StatusOr<ServerConfig> Parse(
    const std::vector<std::string>& args,
    const std::map<std::string, std::string>& env = {}) {
  return ParseServerConfig(args, [&env](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
}

TEST(ServerConfigTest, DefaultsListenOnLoopbackOnly) {
  absl::StatusOr<ServerConfig> config = Parse({}, {{"HOME", "/home/u"}});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->listen, "127.0.0.1:50051");
  EXPECT_EQ(config->metrics_listen, "127.0.0.1:9464");
  EXPECT_EQ(config->db_path, "/home/u/.local/share/lges-insights/lges.db");
  EXPECT_TRUE(config->public_record);
  EXPECT_FALSE(config->today.has_value());
}

TEST(ServerConfigTest, DataDirectoryComesFromLgesThenXdgThenHome) {
  EXPECT_EQ(
      Parse({}, {{"LGES_DATA_DIR", "/d"}, {"XDG_DATA_HOME", "/x"}})->db_path,
      "/d/lges.db");
  EXPECT_EQ(Parse({}, {{"XDG_DATA_HOME", "/x"}, {"HOME", "/h"}})->db_path,
            "/x/lges-insights/lges.db");
}

TEST(ServerConfigTest, FlagsWinOverTheEnvironment) {
  absl::StatusOr<ServerConfig> config =
      Parse({"--listen=127.0.0.2:7000", "--today=2024-03-01", "--db=/tmp/a.db",
             "--public-record=false", "--log-level=debug", "--log-format=json"},
            {{"LGES_LISTEN", "127.0.0.1:6000"},
             {"LGES_METRICS_LISTEN", "127.0.0.1:6001"},
             {"LGES_TODAY", "2020-01-01"}});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->listen, "127.0.0.2:7000");
  EXPECT_EQ(config->metrics_listen, "127.0.0.1:6001");
  EXPECT_EQ(config->db_path, "/tmp/a.db");
  EXPECT_FALSE(config->public_record);
  EXPECT_EQ(config->log_level, log::Level::kDebug);
  EXPECT_EQ(config->log_format, log::Format::kJson);
  ASSERT_TRUE(config->today.has_value());
  EXPECT_EQ(*config->today, (CivilDay{2024, 3, 1}));
}

TEST(ServerConfigTest, EveryBadValueIsRefusedWithOneLineNamingIt) {
  const struct {
    std::vector<std::string> args;
    std::map<std::string, std::string> env;
    const char* names;
  } cases[] = {
      {{"--listen=127.0.0.1:99999999999999999999"}, {}, "--listen"},
      {{"--listen=127.0.0.1:65536"}, {}, "--listen"},
      {{"--listen=bad host:50051"}, {}, "--listen"},
      {{"--listen="}, {}, "--listen"},
      {{"--metrics-listen=9464"}, {}, "--metrics-listen"},
      {{"--db="}, {}, "--db"},
      {{"--log-level=loud"}, {}, "--log-level"},
      {{"--log-format=xml"}, {}, "--log-format"},
      {{"--public-record=yes"}, {}, "--public-record"},
      {{"--today=2026-02-30"}, {}, "--today"},
      {{"--today=29/11/2026"}, {}, "--today"},
      {{"--today="}, {}, "--today"},
      {{"--frobnicate=1"}, {}, "--frobnicate"},
      {{"--listen"}, {}, "--listen"},
      {{"listen=1"}, {}, "listen=1"},
      {{}, {{"LGES_LISTEN", "127.0.0.1:99999999999999999999"}}, "LGES_LISTEN"},
      {{}, {{"LGES_TODAY", "tomorrow"}}, "LGES_TODAY"},
      {{"--listen=127.0.0.1:5000", "--http-listen=127.0.0.1:5000"},
       {},
       "--listen and --http-listen both use port 5000"},
      {{"--http-listen=127.0.0.1:9464"}, {}, "--http-listen and --metrics-listen"},
  };
  for (const auto& c : cases) {
    absl::StatusOr<ServerConfig> config = Parse(c.args, c.env);
    ASSERT_FALSE(config.ok()) << c.names;
    EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
    const std::string message(config.status().message());
    EXPECT_NE(message.find(c.names), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

TEST(ServerConfigTest, PlaintextBeyondLoopbackNeedsInsecure) {
  EXPECT_FALSE(Parse({"--listen=0.0.0.0:50051"}).ok());
  EXPECT_FALSE(Parse({"--metrics-listen=[::]:9464"}).ok());
  EXPECT_TRUE(
      Parse({"--listen=0.0.0.0:50051", "--tls-cert=c.pem", "--tls-key=k.pem"})
          .ok());
  absl::StatusOr<ServerConfig> insecure =
      Parse({"--listen=0.0.0.0:50051", "--metrics-listen=0.0.0.0:9464",
             "--insecure"});
  ASSERT_TRUE(insecure.ok()) << insecure.status();
  EXPECT_TRUE(insecure->insecure);
  EXPECT_TRUE(Parse({"--listen=localhost:1", "--metrics-listen=[::1]:2"}).ok());
  EXPECT_FALSE(Parse({"--tls-key=k.pem"}).ok());
  EXPECT_FALSE(Parse({"--tls-client-ca=ca.pem"}).ok());
}

TEST(ServerConfigTest, AccessFlags) {
  absl::StatusOr<ServerConfig> config =
      Parse({"--anonymous=none", "--token-file=/t"}, {{"HOME", "/h"}});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->anonymous_role, Role::kNone);
  EXPECT_EQ(config->token_file, "/t");
  EXPECT_EQ(Parse({}, {{"HOME", "/h"}})->token_file,
            "/h/.config/lges-insights/token");
  EXPECT_EQ(Parse({}, {{"XDG_CONFIG_HOME", "/x"}})->token_file,
            "/x/lges-insights/token");
  absl::StatusOr<ServerConfig> create =
      Parse({"tokens", "create", "--name=ci", "--role=editor"});
  ASSERT_TRUE(create.ok()) << create.status();
  EXPECT_EQ(create->command, (std::vector<std::string>{"tokens", "create"}));
  EXPECT_EQ(create->credential_role, Role::kEditor);
  EXPECT_FALSE(Parse({"tokens", "create", "--name=ci"}).ok());
  EXPECT_FALSE(Parse({"tokens", "revoke"}).ok());
  EXPECT_FALSE(Parse({"--role=admin"}).ok());
}

TEST(ServerConfigTest, HelpIsAFlagOfItsOwn) {
  absl::StatusOr<ServerConfig> config = Parse({"--help"});
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(config->show_help);
  EXPECT_NE(ServerUsage().find("--listen"), std::string::npos);
}

}  // namespace
}  // namespace lges
