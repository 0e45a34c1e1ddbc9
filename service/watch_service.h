#pragma once
// estyn.lges.v1.WatchService: a stream of sector snapshots, one at once and
// one after every change. A callback service: each stream is a reactor
// (SectorWatcher in the .cc) that holds no thread while it waits, so
// thousands of idle watchers cost memory only. Publishing a snapshot
// (OnPublish) hands every watcher the new snapshot's message, built once
// per academic year watched; a watcher whose client is still reading the
// previous one sends only the latest when it can, so writers never wait for
// readers, however slow. Thread-safe.

#include <atomic>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "estyn/lges/v1/analytics.grpc.pb.h"
#include "i18n/language.h"
#include "service/authorizer.h"
#include "service/snapshot_source.h"

namespace lges {

class SectorWatcher;

class WatchService final
    : public estyn::lges::v1::WatchService::CallbackService {
 public:
  // `snapshots` and `auth` must outlive the service. Beyond `max_streams`
  // open streams (0: no limit), a new one gets RESOURCE_EXHAUSTED.
  WatchService(SnapshotSource& snapshots, const Authorizer& auth,
               int max_streams = 0);
  ~WatchService() override;

  grpc::ServerWriteReactor<estyn::lges::v1::SectorSnapshot>* WatchSector(
      grpc::CallbackServerContext* ctx,
      const estyn::lges::v1::WatchSectorRequest* req) override;

  // Ends every stream with OK and refuses new ones; called before shutdown.
  void Stop();
  // Streams open now.
  int active_streams() const { return active_.load(); }

  // For SectorWatcher: the message of the current snapshot for `year` (0:
  // the snapshot's current year), shared by every watcher of that year.
  std::shared_ptr<const estyn::lges::v1::SectorSnapshot> MessageFor(
      int year, i18n::Language language);
  // For SectorWatcher::OnDone: forgets a finished watcher, which may
  // destroy it.
  void Remove(SectorWatcher* watcher);

 private:
  // Sends every watcher the new snapshot.
  void Publish();
  // The open watchers, each kept alive by the copy.
  std::vector<std::shared_ptr<SectorWatcher>> Watchers();
  // Authorized, within the stream limit (counting this one), valid.
  absl::Status Check(const grpc::CallbackServerContext& ctx,
                     const estyn::lges::v1::WatchSectorRequest& req) const;

  SnapshotSource& snapshots_;
  const Authorizer& auth_;
  const int max_streams_;
  std::atomic<int> active_{0};
  int listener_ = 0;  // Our OnPublish registration.
  // Lock order: mu_, then a watcher's own mutex, then messages_mu_. Calls
  // into watchers are made without mu_, on copies of the set, because gRPC
  // may run a watcher's OnDone (and so Remove) inside Finish.
  absl::Mutex mu_;
  bool stopped_ ABSL_GUARDED_BY(mu_) = false;
  std::map<SectorWatcher*, std::shared_ptr<SectorWatcher>> watchers_
      ABSL_GUARDED_BY(mu_);
  absl::Mutex messages_mu_;
  // Messages of generation `built_` by year watched.
  uint64_t built_ ABSL_GUARDED_BY(messages_mu_) = 0;
  std::map<std::pair<int, i18n::Language>,
           std::shared_ptr<const estyn::lges::v1::SectorSnapshot>>
      messages_ ABSL_GUARDED_BY(messages_mu_);
};

}  // namespace lges
