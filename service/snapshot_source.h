#pragma once
// Keeps the current analytics snapshot: rebuilds it from the store when the
// data changes and publishes it atomically. Readers get a
// shared_ptr<const Snapshot> and keep it as long as they need, while the next
// one is built.
//
// Writes do not wait for analytics: after a commit the store calls
// RequestRebuild(), which returns at once, and the source's own thread
// rebuilds. Requests that arrive during a rebuild are served by one more
// rebuild, so a burst of writes costs one or two. A read that must see
// every write acknowledged before it began calls AwaitWrites() first.
//
// Thread-safe: Current() may be called from any thread at any time; Rebuild()
// calls, and the listeners, are serialised by rebuild_mu_.

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "analytics/classifier.h"
#include "analytics/snapshot.h"
#include "storage/store.h"

namespace lges {

// How the rebuilds have gone since the source was made.
struct RebuildStats {
  int64_t successes = 0;
  int64_t failures = 0;
  double total_seconds = 0;  // Over every successful rebuild.
  double last_seconds = 0;   // The last successful rebuild.
  double last_success_unix_seconds = 0;  // 0: none yet.
  double last_failure_unix_seconds = 0;  // 0: none yet.
  // Writes committed but not yet in a snapshot or a failed rebuild.
  uint64_t pending_writes = 0;
};

class SnapshotSource {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  // `store` and `classifier` must outlive the source. `clock` gives "today"
  // for ongoing follow-up.
  SnapshotSource(Store& store, const analytics::Classifier& classifier,
                 Clock clock = std::chrono::system_clock::now);
  // Stops the rebuilding thread.
  ~SnapshotSource();
  SnapshotSource(const SnapshotSource&) = delete;
  SnapshotSource& operator=(const SnapshotSource&) = delete;

  // Reads every record and publishes a new snapshot. On error the previous
  // snapshot stays current.
  absl::Status Rebuild();
  // Asks for a rebuild after a committed write; returns at once.
  void RequestRebuild();
  // Waits until a snapshot that reflects every write requested before this
  // call is published (or a rebuild of it failed), or until `deadline`.
  // Returns at once when there is nothing to wait for; false on timeout.
  bool AwaitWrites(absl::Time deadline) const;
  // Waits until the current snapshot is of dataset version `version` or
  // later, or until `deadline`; false on timeout.
  bool AwaitVersion(int64_t version, absl::Time deadline) const;
  // The latest snapshot; never null after the first successful Rebuild().
  std::shared_ptr<const analytics::Snapshot> Current() const;
  // Increases with every published snapshot; cheap to read (one atomic
  // load), so readers can tell whether their copy of Current() is stale.
  uint64_t generation() const {
    return generation_.load(std::memory_order_acquire);
  }
  // Unique among the sources of this process.
  uint64_t id() const { return id_; }
  // Wall time of the last rebuild, in microseconds.
  int64_t last_rebuild_us() const { return last_rebuild_us_.load(); }
  RebuildStats rebuild_stats() const;
  const analytics::Classifier& classifier() const { return classifier_; }
  // Calls `listener` after each published snapshot (from the rebuilding
  // thread); returns an id for RemoveListener.
  int OnPublish(
      std::function<void(std::shared_ptr<const analytics::Snapshot>)> listener);
  // Removes a listener; when it returns, the listener is not running and
  // will not be called again.
  void RemoveListener(int id);

 private:
  // Records that the writes up to `covers` are in (or failed to make) a
  // snapshot, and wakes waiters.
  void Covered(uint64_t covers);

  Store& store_;
  const analytics::Classifier& classifier_;
  Clock clock_;
  absl::Mutex rebuild_mu_;  // Serialises Rebuild().
  std::atomic<std::shared_ptr<const analytics::Snapshot>> current_;
  std::atomic<int64_t> last_rebuild_us_{0};
  std::atomic<int64_t> total_rebuild_us_{0};
  std::atomic<int64_t> successes_{0};
  std::atomic<int64_t> failures_{0};
  // On the real clock, not clock_.
  std::atomic<int64_t> last_success_unix_ms_{0};
  std::atomic<int64_t> last_failure_unix_ms_{0};
  std::atomic<uint64_t> generation_{0};
  const uint64_t id_;
  std::map<int, std::function<void(std::shared_ptr<const analytics::Snapshot>)>>
      listeners_ ABSL_GUARDED_BY(rebuild_mu_);
  // Writes requested so far, and how many of them the last finished rebuild
  // covered (it reads requested_ before reading the store).
  std::atomic<uint64_t> requested_{0};
  std::atomic<uint64_t> covered_{0};
  mutable absl::Mutex wait_mu_;  // With changed_: waiters and the rebuilder.
  mutable absl::CondVar changed_;
  bool stopping_ ABSL_GUARDED_BY(wait_mu_) = false;
  std::thread rebuilder_;
  analytics::ClassificationMemo memo_ ABSL_GUARDED_BY(rebuild_mu_);
};

}  // namespace lges
