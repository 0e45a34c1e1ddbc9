#pragma once
// Finished analytics replies, serialised once per snapshot and request and
// then only copied out, in bounded memory:
//
// - ReplyCache holds the serialised replies of one snapshot, keyed by rpc and
//   the request's canonical bytes (cached_reply.h), in an immutable table
//   reached through an atomic shared_ptr; an insert copies the table and
//   publishes the copy. The table holds at most `budget_bytes` of keys and
//   replies and kMaxEntries entries; an insert that would pass either limit
//   starts a new table (the old one is freed when its last reader lets go),
//   so a flood of distinct requests costs at most one budget.
// - ReplyCaches hands each thread the cache of the current snapshot. A thread
//   keeps its handle until the snapshot source's generation changes, so a
//   request costs one atomic load to check it. The price: a thread's handle
//   keeps the snapshot it last served alive until that thread serves its
//   next analytics call. It also counts hits, misses and evictions for
//   /metrics.
//
// Both are thread-safe.

#include <grpcpp/support/slice.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "service/snapshot_source.h"

namespace lges {

// Counters of a ReplyCaches, across snapshots.
struct ReplyCacheStats {
  std::atomic<int64_t> hits{0};
  std::atomic<int64_t> misses{0};
  std::atomic<int64_t> evictions{0};  // Entries dropped to stay in budget.
};

class ReplyCache {
 public:
  static constexpr size_t kMaxEntries = 1024;
  static constexpr size_t kDefaultBudgetBytes = 8 * 1024 * 1024;

  // `stats` (may be null) must outlive the cache.
  explicit ReplyCache(std::shared_ptr<const analytics::Snapshot> snapshot,
                      size_t budget_bytes = kDefaultBudgetBytes,
                      ReplyCacheStats* stats = nullptr)
      : snapshot_(std::move(snapshot)),
        budget_bytes_(budget_bytes),
        stats_(stats),
        table_(std::make_shared<const Table>()) {}

  const analytics::Snapshot& snapshot() const { return *snapshot_; }

  // The serialised reply cached under `key`, if any. Takes no lock. The
  // slice is reference-counted: a reply built from it copies no bytes.
  std::optional<grpc::Slice> Find(const std::string& key) const {
    const std::shared_ptr<const Table> table =
        table_.load(std::memory_order_acquire);
    auto it = table->entries.find(key);
    if (it == table->entries.end()) return std::nullopt;
    return it->second;
  }

  // Keeps `reply` under `key` unless the key is there already or the entry
  // alone is over budget; starts a new table when the current one is full.
  void Insert(const std::string& key, const grpc::Slice& reply) {
    const size_t size = key.size() + reply.size();
    if (size > budget_bytes_) return;
    absl::MutexLock lock(&write_mu_);
    const std::shared_ptr<const Table> current =
        table_.load(std::memory_order_acquire);
    if (current->entries.count(key)) return;
    auto next = std::make_shared<Table>();
    if (current->bytes + size <= budget_bytes_ &&
        current->entries.size() < kMaxEntries) {
      *next = *current;
    } else if (stats_ != nullptr) {
      stats_->evictions += static_cast<int64_t>(current->entries.size());
    }
    next->entries.emplace(key, reply);
    next->bytes += size;
    table_.store(std::move(next), std::memory_order_release);
  }

  // Bytes of keys and replies held, and their number.
  size_t bytes() const { return table_.load()->bytes; }
  size_t entries() const { return table_.load()->entries.size(); }

 private:
  struct Table {
    std::unordered_map<std::string, grpc::Slice> entries;
    size_t bytes = 0;
  };

  const std::shared_ptr<const analytics::Snapshot> snapshot_;
  const size_t budget_bytes_;
  ReplyCacheStats* const stats_;
  absl::Mutex write_mu_;  // Serialises inserts.
  std::atomic<std::shared_ptr<const Table>> table_;
};

class ReplyCaches {
 public:
  // `source` must outlive this object.
  explicit ReplyCaches(const SnapshotSource& source,
                       size_t budget_bytes = ReplyCache::kDefaultBudgetBytes)
      : source_(source), budget_bytes_(budget_bytes), id_(NextId()) {}

  ReplyCacheStats& stats() { return stats_; }
  const ReplyCacheStats& stats() const { return stats_; }
  size_t budget_bytes() const { return budget_bytes_; }
  // The current snapshot's cache's bytes and entries (0 before the first
  // analytics call of this snapshot).
  size_t bytes() const {
    absl::MutexLock lock(&mu_);
    return cache_ ? cache_->bytes() : 0;
  }
  size_t entries() const {
    absl::MutexLock lock(&mu_);
    return cache_ ? cache_->entries() : 0;
  }

  // The cache of the current snapshot, valid for the rest of the request.
  ReplyCache& ForThisThread() {
    thread_local Handle handle;
    const uint64_t generation = source_.generation();
    if (handle.owner != id_ || handle.generation != generation) {
      handle.cache = Shared(generation);
      handle.owner = id_;
      handle.generation = generation;
    }
    return *handle.cache;
  }

 private:
  struct Handle {
    uint64_t owner = 0;
    uint64_t generation = 0;
    std::shared_ptr<ReplyCache> cache;
  };

  static uint64_t NextId() {
    static std::atomic<uint64_t> next{1};
    return next++;
  }

  std::shared_ptr<ReplyCache> Shared(uint64_t generation) {
    absl::MutexLock lock(&mu_);
    if (!cache_ || generation_ != generation) {
      cache_ = std::make_shared<ReplyCache>(source_.Current(), budget_bytes_,
                                            &stats_);
      generation_ = generation;
    }
    return cache_;
  }

  const SnapshotSource& source_;
  const size_t budget_bytes_;
  const uint64_t id_;
  ReplyCacheStats stats_;
  mutable absl::Mutex mu_;
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
  std::shared_ptr<ReplyCache> cache_ ABSL_GUARDED_BY(mu_);
};

}  // namespace lges
