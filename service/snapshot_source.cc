#include "service/snapshot_source.h"

#include <ctime>

#include "service/log.h"

namespace lges {
namespace {

CivilDay UtcDay(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

int64_t UnixMillis(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             t.time_since_epoch())
      .count();
}

uint64_t NextSourceId() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

}  // namespace

SnapshotSource::SnapshotSource(Store& store,
                               const analytics::Classifier& classifier,
                               Clock clock)
    : store_(store),
      classifier_(classifier),
      clock_(std::move(clock)),
      id_(NextSourceId()) {
  rebuilder_ = std::thread([this] {
    while (true) {
      {
        absl::MutexLock lock(&wait_mu_);
        while (!stopping_ && requested_.load() == covered_.load())
          changed_.Wait(&wait_mu_);
        if (stopping_) return;
      }
      Rebuild().IgnoreError();  // Logged; readers are released either way.
    }
  });
}

SnapshotSource::~SnapshotSource() {
  {
    absl::MutexLock lock(&wait_mu_);
    stopping_ = true;
    changed_.SignalAll();
  }
  rebuilder_.join();
}

void SnapshotSource::RequestRebuild() {
  absl::MutexLock lock(&wait_mu_);
  requested_.fetch_add(1);
  changed_.SignalAll();
}

bool SnapshotSource::AwaitWrites(absl::Time deadline) const {
  const uint64_t target = requested_.load();
  if (covered_.load() >= target) return true;
  absl::MutexLock lock(&wait_mu_);
  while (covered_.load() < target) {
    if (changed_.WaitWithDeadline(&wait_mu_, deadline)) return false;
  }
  return true;
}

bool SnapshotSource::AwaitVersion(int64_t version, absl::Time deadline) const {
  auto reached = [&] {
    std::shared_ptr<const analytics::Snapshot> s = Current();
    return s && s->data().version >= version;
  };
  if (reached()) return true;
  absl::MutexLock lock(&wait_mu_);
  while (!reached()) {
    if (changed_.WaitWithDeadline(&wait_mu_, deadline)) return reached();
  }
  return true;
}

absl::Status SnapshotSource::Rebuild() {
  absl::MutexLock lock(&rebuild_mu_);
  const uint64_t covers = requested_.load();
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<Dataset> data = store_.ReadAll();
  if (!data.ok()) {
    log::Error("snapshot_rebuild_failed",
               "analytics snapshot rebuild failed; the previous one stays",
               {{"reason", data.status().message()}});
    failures_.fetch_add(1);
    last_failure_unix_ms_ = UnixMillis(std::chrono::system_clock::now());
    Covered(covers);
    return data.status();
  }
  std::shared_ptr<const analytics::Snapshot> next = analytics::Snapshot::Build(
      *std::move(data), classifier_, UtcDay(clock_()), &memo_);
  current_.store(next, std::memory_order_release);
  generation_.fetch_add(1, std::memory_order_release);
  last_rebuild_us_ = std::chrono::duration_cast<std::chrono::microseconds>(
                         std::chrono::steady_clock::now() - start)
                         .count();
  total_rebuild_us_.fetch_add(last_rebuild_us_.load());
  successes_.fetch_add(1);
  last_success_unix_ms_ = UnixMillis(std::chrono::system_clock::now());
  log::Debug("snapshot_rebuilt", "analytics snapshot rebuilt",
             {{"dataset_version", next->version()},
              {"rebuild_ms", last_rebuild_us_.load() / 1000.0}});
  for (const auto& [id, listener] : listeners_) listener(next);
  Covered(covers);
  return absl::OkStatus();
}

void SnapshotSource::Covered(uint64_t covers) {
  absl::MutexLock lock(&wait_mu_);
  if (covers > covered_.load()) covered_.store(covers);
  changed_.SignalAll();
}

std::shared_ptr<const analytics::Snapshot> SnapshotSource::Current() const {
  return current_.load(std::memory_order_acquire);
}

int SnapshotSource::OnPublish(
    std::function<void(std::shared_ptr<const analytics::Snapshot>)> listener) {
  absl::MutexLock lock(&rebuild_mu_);
  const int id = listeners_.empty() ? 1 : listeners_.rbegin()->first + 1;
  listeners_.emplace(id, std::move(listener));
  return id;
}

void SnapshotSource::RemoveListener(int id) {
  absl::MutexLock lock(&rebuild_mu_);
  listeners_.erase(id);
}

RebuildStats SnapshotSource::rebuild_stats() const {
  RebuildStats stats;
  stats.successes = successes_.load();
  stats.failures = failures_.load();
  stats.total_seconds = total_rebuild_us_.load() / 1e6;
  stats.last_seconds = last_rebuild_us_.load() / 1e6;
  stats.last_success_unix_seconds = last_success_unix_ms_.load() / 1e3;
  stats.last_failure_unix_seconds = last_failure_unix_ms_.load() / 1e3;
  const uint64_t covered = covered_.load();  // First: it never passes requested_.
  stats.pending_writes = requested_.load() - covered;
  return stats;
}

}  // namespace lges
