#pragma once
// A real lges server on 127.0.0.1:0 over a real SQLite file, and a client
// of it. RestartServer() stops both and starts them again on the same file.

#include <gtest/gtest.h>

#include <memory>

#include "clients/lges_client.h"
#include "convert/convert.h"
#include "server/backend.h"
#include "server/server.h"
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
    server_ =
        std::make_unique<LgesServer>(*store_, *backend_.snapshots,
                                     ServerOptions{"127.0.0.1:0", 1024 * 1024});
    auto port = server_->Start();
    ASSERT_TRUE(port.ok()) << port.status();
    LgesClient::Options options;
    options.address = "127.0.0.1:" + std::to_string(*port);
    options.timeout = std::chrono::seconds(5);
    options.actor = "service-test";
    client_ = std::make_unique<LgesClient>(options);
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
  TempDir dir_;
  Backend backend_;
  Store* store_ = nullptr;  // The store services write through.
  std::unique_ptr<LgesServer> server_;
  std::unique_ptr<LgesClient> client_;
};

// Proto forms of domain samples, for requests.
template <typename Proto, typename Domain>
Proto ToProto(const Domain& record) {
  Proto proto;
  convert::ToProto(record, &proto);
  return proto;
}

}  // namespace lges::testing
