#include "service/reply_cache.h"

#include <gtest/gtest.h>

#include <thread>

#include "analytics/classifier.h"
#include "service/snapshot_source.h"
#include "storage/sqlite_store.h"

namespace lges {
namespace {

class ReplyCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(":memory:");
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
    source_ = std::make_unique<SnapshotSource>(*store_, classifier_);
    ASSERT_TRUE(source_->Rebuild().ok());
  }

  static std::string Text(const std::optional<grpc::Slice>& slice) {
    return !slice ? "(none)"
                  : std::string(reinterpret_cast<const char*>(slice->begin()),
                                slice->size());
  }

  analytics::Classifier classifier_{analytics::DefaultVocabulary()};
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<SnapshotSource> source_;
};

TEST_F(ReplyCacheTest, KeepsTheFirstReplyForAKey) {
  ReplyCache cache(source_->Current());
  EXPECT_EQ(cache.Find("summary:a"), std::nullopt);
  cache.Insert("summary:a", grpc::Slice(std::string("first")));
  cache.Insert("summary:a", grpc::Slice(std::string("second")));
  cache.Insert("trends:a", grpc::Slice(std::string("other rpc")));
  EXPECT_EQ(Text(cache.Find("summary:a")), "first");
  EXPECT_EQ(Text(cache.Find("trends:a")), "other rpc");
  EXPECT_EQ(&cache.snapshot(), source_->Current().get());
}

TEST_F(ReplyCacheTest, StaysWithinItsBudgetByStartingAfresh) {
  ReplyCacheStats stats;
  ReplyCache cache(source_->Current(), /*budget_bytes=*/1000, &stats);
  const std::string reply(90, 'r');  // 100 bytes with a 10-byte key.
  for (int i = 0; i < 25; ++i) {
    cache.Insert("key-" + std::string(6 - std::to_string(i).size(), '0') +
                     std::to_string(i),
                 grpc::Slice(reply));
    EXPECT_LE(cache.bytes(), 1000u);
  }
  // 10 fit; the 11th and 21st each started a new table.
  EXPECT_EQ(stats.evictions.load(), 20);
  EXPECT_EQ(cache.entries(), 5u);
  EXPECT_EQ(Text(cache.Find("key-000024")), reply);
  EXPECT_EQ(cache.Find("key-000000"), std::nullopt);
  // An entry bigger than the whole budget is never kept.
  cache.Insert("huge", grpc::Slice(std::string(2000, 'x')));
  EXPECT_EQ(cache.Find("huge"), std::nullopt);
}

TEST_F(ReplyCacheTest, KeepsAtMostMaxEntries) {
  ReplyCache cache(source_->Current());
  for (size_t i = 0; i < ReplyCache::kMaxEntries + 10; ++i)
    cache.Insert("k" + std::to_string(i), grpc::Slice(std::to_string(i)));
  EXPECT_LE(cache.entries(), ReplyCache::kMaxEntries);
  EXPECT_EQ(Text(cache.Find("k" + std::to_string(ReplyCache::kMaxEntries + 9))),
            std::to_string(ReplyCache::kMaxEntries + 9));
}

TEST_F(ReplyCacheTest, AThreadGetsAFreshCacheOnlyAfterANewSnapshot) {
  ReplyCaches caches(*source_);
  ReplyCache& first = caches.ForThisThread();
  first.Insert("summary:2022", grpc::Slice(std::string("reply")));
  EXPECT_EQ(&caches.ForThisThread(), &first);

  ASSERT_TRUE(source_->Rebuild().ok());
  ReplyCache& second = caches.ForThisThread();
  EXPECT_EQ(second.Find("summary:2022"), std::nullopt);
  EXPECT_EQ(&second.snapshot(), source_->Current().get());
}

TEST_F(ReplyCacheTest, ThreadsShareTheCacheOfTheCurrentSnapshot) {
  ReplyCaches caches(*source_);
  std::vector<std::thread> threads;
  std::vector<ReplyCache*> seen(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      ReplyCache& cache = caches.ForThisThread();
      for (int i = 0; i < 50; ++i) {
        const std::string key = std::to_string(t) + ":" + std::to_string(i);
        cache.Insert(key, grpc::Slice(key));
        EXPECT_EQ(Text(cache.Find(key)), key);
      }
      seen[t] = &cache;
    });
  }
  for (std::thread& t : threads) t.join();
  for (ReplyCache* cache : seen) EXPECT_EQ(cache, seen[0]);
  EXPECT_EQ(Text(seen[0]->Find("3:49")), "3:49");
}

}  // namespace
}  // namespace lges
