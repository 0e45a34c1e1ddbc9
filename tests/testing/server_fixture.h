#pragma once
// A real lges server on 127.0.0.1:0 over a real SQLite file, and a client
// of it. RestartServer() stops both and starts them again on the same file.

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <thread>

#include "clients/lges_client.h"
#include "convert/convert.h"
#include "server/backend.h"
#include "server/server.h"
#include "service/tokens.h"
#include "tests/testing/temp_dir.h"

namespace lges::testing {

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override { StartServer(); }
  void TearDown() override { StopServer(); }

  void StartServer() {
    BackendOptions backend_options;
    backend_options.clock = [] {
      return std::chrono::system_clock::time_point(
          std::chrono::seconds(kTodaySeconds));
    };
    backend_options.load_public_record = load_public_record_;
    auto backend = OpenBackend(dir_.File("lges.db"), backend_options);
    ASSERT_TRUE(backend.ok()) << backend.status();
    backend_ = std::move(*backend);
    store_ = backend_.store.get();
    server_options_.listen = "127.0.0.1:0";
    server_options_.max_message_bytes = 1024 * 1024;
    server_ = std::make_unique<LgesServer>(*store_, *backend_.snapshots,
                                           *backend_.sqlite, server_options_);
    auto port = server_->Start();
    ASSERT_TRUE(port.ok()) << port.status();
    address_ = "127.0.0.1:" + std::to_string(*port);
    client_ = ClientWith(TokenFor("service-test", Role::kAdmin));
  }

  // The token of the credential `name`, created with `role` the first time.
  std::string TokenFor(const std::string& name, Role role) {
    if (tokens_.count(name)) return tokens_[name];
    const std::string token = NewToken().value();
    EXPECT_TRUE(
        backend_.sqlite->CreateCredential(name, role, TokenHash(token)).ok());
    return tokens_[name] = token;
  }

  // A client of the running server that sends `token` ("" for none).
  // With `min_version`, its analytics reads ask for at least that dataset
  // version.
  std::unique_ptr<LgesClient> ClientWith(const std::string& token,
                                         const std::string& actor = "",
                                         int64_t min_version = 0) {
    LgesClient::Options options;
    options.address = address_;
    options.timeout = std::chrono::seconds(5);
    options.token = token;
    options.actor = actor;
    options.min_dataset_version = min_version;
    return std::make_unique<LgesClient>(options);
  }

  void StopServer() {
    client_.reset();
    if (server_) server_->Shutdown(std::chrono::milliseconds(0));
    server_.reset();
    store_ = nullptr;
    backend_ = {};
  }

  void RestartServer() {
    StopServer();
    StartServer();
  }

  // The field paths of the BadRequest violations in `status`.
  static std::vector<std::string> ViolationFields(const absl::Status& status) {
    std::vector<std::string> fields;
    for (const FieldViolation& v : ViolationsOf(status))
      fields.push_back(v.field);
    return fields;
  }

  // "Today" for analytics in service tests: 2026-11-22 00:00 UTC.
  static constexpr int64_t kTodaySeconds = 1795305600;

  // Set before SetUp to start on the public record.
  bool load_public_record_ = false;
  // Set before SetUp (or a restart) to change the server's options.
  ServerOptions server_options_;
  std::string address_;
  std::map<std::string, std::string> tokens_;  // Credential name -> token.
  TempDir dir_;
  Backend backend_;
  Store* store_ = nullptr;  // The store services write through.
  std::unique_ptr<LgesServer> server_;
  std::unique_ptr<LgesClient> client_;
};

// Polls `done` every 10 ms for up to 5 s; true once it holds.
inline bool WaitUntil(const std::function<bool()>& done) {
  for (int i = 0; i < 500; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

// Proto forms of domain samples, for requests.
template <typename Proto, typename Domain>
Proto ToProto(const Domain& record) {
  Proto proto;
  convert::ToProto(record, &proto);
  return proto;
}

}  // namespace lges::testing
