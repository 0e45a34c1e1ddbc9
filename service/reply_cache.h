#pragma once
// Finished analytics replies, serialised once per snapshot and request and
// then only copied out, with reads that take no lock:
//
// - ReplyCache holds the serialised replies of one snapshot, keyed by rpc and
//   serialised request, in an immutable map reached through an atomic
//   pointer; an insert copies the map and publishes the copy (old copies live
//   as long as the cache). Past kMaxEntries replies are no longer kept.
// - ReplyCaches hands each thread the cache of the current snapshot. A thread
//   keeps its handle until the snapshot source's generation changes, so a
//   request costs one atomic load to check it. The price: a thread's handle
//   keeps the snapshot it last served alive until that thread serves its
//   next analytics call.
//
// Both are thread-safe.

#include <grpcpp/support/slice.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "service/snapshot_source.h"

namespace lges {

class ReplyCache {
 public:
  static constexpr size_t kMaxEntries = 256;

  explicit ReplyCache(std::shared_ptr<const analytics::Snapshot> snapshot)
      : snapshot_(std::move(snapshot)), maps_(1) {
    maps_[0] = std::make_unique<Map>();
    map_.store(maps_[0].get(), std::memory_order_release);
  }

  const analytics::Snapshot& snapshot() const { return *snapshot_; }

  // The serialised reply cached under `key`, or nullptr. Takes no lock; the
  // pointer stays valid as long as the cache (entries are never removed).
  // The slice is reference-counted: a reply built from it copies no bytes.
  const grpc::Slice* Find(const std::string& key) const {
    const Map& map = *map_.load(std::memory_order_acquire);
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
  }

  // Keeps `reply` under `key`, unless the cache is full or has the key.
  void Insert(const std::string& key, const grpc::Slice& reply) {
    absl::MutexLock lock(&write_mu_);
    const Map& current = *map_.load(std::memory_order_acquire);
    if (current.size() >= kMaxEntries || current.count(key)) return;
    auto next = std::make_unique<Map>(current);
    next->emplace(key, reply);
    map_.store(next.get(), std::memory_order_release);
    maps_.push_back(std::move(next));
  }

 private:
  using Map = std::unordered_map<std::string, grpc::Slice>;

  const std::shared_ptr<const analytics::Snapshot> snapshot_;
  std::atomic<const Map*> map_;
  absl::Mutex write_mu_;
  // Every version of the map published, kept for readers still holding one.
  std::vector<std::unique_ptr<Map>> maps_ ABSL_GUARDED_BY(write_mu_);
};

class ReplyCaches {
 public:
  // `source` must outlive this object.
  explicit ReplyCaches(const SnapshotSource& source)
      : source_(source), id_(NextId()) {}

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
      cache_ = std::make_shared<ReplyCache>(source_.Current());
      generation_ = generation;
    }
    return cache_;
  }

  const SnapshotSource& source_;
  const uint64_t id_;
  absl::Mutex mu_;
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
  std::shared_ptr<ReplyCache> cache_ ABSL_GUARDED_BY(mu_);
};

}  // namespace lges
