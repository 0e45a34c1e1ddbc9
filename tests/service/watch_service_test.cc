// WatchService over a real server.
#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <thread>

#include "tests/testing/records.h"
#include "tests/testing/server_fixture.h"

namespace lges {
namespace {

using testing::ServerTest;
using Clock = std::chrono::steady_clock;

class WatchServiceTest : public ServerTest {
 protected:
  // Writes one key message through the API; returns how long it took.
  std::chrono::milliseconds WriteOne(int position) {
    pb::CreateKeyMessageRequest req;
    KeyMessage m = testing::SampleKeyMessage();
    m.position = position;
    *req.mutable_key_message() = testing::ToProto<pb::KeyMessage>(m);
    pb::KeyMessage out;
    const auto start = Clock::now();
    EXPECT_TRUE(client_->CreateKeyMessage(req, &out).ok());
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() -
                                                                 start);
  }

  static pb::WatchSectorRequest Year2022() {
    pb::WatchSectorRequest req;
    req.set_academic_year(2022);
    return req;
  }
};

TEST_F(WatchServiceTest,
       SendsTheSnapshotAtOnceAndAnUpdateWithinASecondOfAWrite) {
  std::unique_ptr<SectorWatch> watch = client_->WatchSector(Year2022());
  pb::SectorSnapshot first;
  ASSERT_TRUE(watch->Next(&first));
  EXPECT_EQ(first.dataset_version(), 0);
  EXPECT_EQ(first.summary().academic_year(), 2022);

  auto next = std::async(std::launch::async, [&] {
    pb::SectorSnapshot s;
    return watch->Next(&s) ? s.dataset_version() : -1;
  });
  WriteOne(1);
  const auto written = Clock::now();
  ASSERT_EQ(next.wait_for(std::chrono::seconds(1)), std::future_status::ready);
  EXPECT_EQ(next.get(), 1);
  EXPECT_LT(Clock::now() - written, std::chrono::seconds(1));
  watch->Cancel();
}

TEST_F(WatchServiceTest, ReadersThatNeverReadDoNotDelayWrites) {
  std::vector<std::unique_ptr<SectorWatch>> idle;
  for (int i = 0; i < 4; ++i)
    idle.push_back(client_->WatchSector(Year2022()));  // Never read.
  std::chrono::milliseconds slowest{0};
  for (int i = 1; i <= 40; ++i) slowest = std::max(slowest, WriteOne(i));
  EXPECT_LT(slowest, std::chrono::milliseconds(250));
  // A reader that catches up gets the latest snapshot, not a backlog.
  std::unique_ptr<SectorWatch> late = client_->WatchSector(Year2022());
  pb::SectorSnapshot s;
  ASSERT_TRUE(late->Next(&s));
  EXPECT_EQ(s.dataset_version(), 40);
  EXPECT_EQ(s.summary().key_messages_size(), 40);
  for (auto& w : idle) w->Cancel();
  late->Cancel();
}

TEST_F(WatchServiceTest, EndsCleanlyWhenTheServerShutsDown) {
  std::unique_ptr<SectorWatch> watch = client_->WatchSector(Year2022());
  pb::SectorSnapshot s;
  ASSERT_TRUE(watch->Next(&s));
  const auto start = Clock::now();
  server_->Shutdown(std::chrono::seconds(5));
  EXPECT_FALSE(watch->Next(&s));
  EXPECT_TRUE(watch->Finish().ok());
  EXPECT_LT(Clock::now() - start,
            std::chrono::seconds(2));  // Not the 5 s deadline.
}

TEST_F(WatchServiceTest, RejectsABadYear) {
  pb::WatchSectorRequest req;
  req.set_academic_year(12);
  std::unique_ptr<SectorWatch> watch = client_->WatchSector(req);
  pb::SectorSnapshot s;
  EXPECT_FALSE(watch->Next(&s));
  absl::Status status = watch->Finish();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ViolationFields(status), std::vector<std::string>{"academic_year"});
}

// Threads of this process (the test's server and client).
int ThreadCount() {
  int n = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator("/proc/self/task")) {
    (void)entry;
    ++n;
  }
  return n;
}

TEST_F(WatchServiceTest, TwoThousandStreamsOpenUpdateAndCloseOnAFewThreads) {
  server_options_.max_watch_streams = 2500;
  RestartServer();
  constexpr int kStreams = 2000;
  std::vector<std::unique_ptr<SectorWatch>> watches;
  for (int i = 0; i < kStreams; ++i) {
    watches.push_back(client_->WatchSector(Year2022()));
    pb::SectorSnapshot first;
    ASSERT_TRUE(watches.back()->Next(&first)) << i;
    ASSERT_EQ(first.dataset_version(), 0);
  }
  EXPECT_EQ(server_->watch_streams(), kStreams);
  // A stream on a thread of its own would make 2,000 of them.
  EXPECT_LT(ThreadCount(), 100);

  WriteOne(1);
  for (int i = 0; i < kStreams; ++i) {
    pb::SectorSnapshot update;
    ASSERT_TRUE(watches[i]->Next(&update)) << i;
    EXPECT_EQ(update.dataset_version(), 1) << i;
  }
  for (auto& watch : watches) watch->Cancel();
  for (auto& watch : watches) watch->Finish().IgnoreError();
  watches.clear();
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (server_->watch_streams() > 0 && Clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(server_->watch_streams(), 0);
}

}  // namespace
}  // namespace lges
