#pragma once
// estyn.lges.v1.WatchService: a stream of sector snapshots, one at once and
// one after every change. Each watcher waits on a condition variable for
// the snapshot source's generation to change; publishing a snapshot only
// wakes them (OnPublish), so writers never wait for readers, however slow.
// Thread-safe.

#include <atomic>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "estyn/lges/v1/analytics.grpc.pb.h"
#include "service/authorizer.h"
#include "service/snapshot_source.h"

namespace lges {

class WatchService final : public estyn::lges::v1::WatchService::Service {
 public:
  // `snapshots` and `auth` must outlive the service. Beyond `max_streams`
  // open streams (0: no limit), a new one gets RESOURCE_EXHAUSTED.
  WatchService(SnapshotSource& snapshots, const Authorizer& auth,
               int max_streams = 0);
  ~WatchService() override;

  grpc::Status WatchSector(
      grpc::ServerContext* ctx, const estyn::lges::v1::WatchSectorRequest* req,
      grpc::ServerWriter<estyn::lges::v1::SectorSnapshot>* writer) override;

  // Ends every stream with OK and refuses new ones; called before shutdown.
  void Stop();
  // Streams open now.
  int active_streams() const { return active_.load(); }

 private:
  void Wake();
  // Authorized, within the stream limit (counting this one), valid.
  absl::Status Check(const grpc::ServerContext& ctx,
                     const estyn::lges::v1::WatchSectorRequest& req) const;
  // Waits up to kCancelCheck for a snapshot newer than generation `sent`;
  // false once the service is stopped.
  bool WaitForChange(uint64_t sent);

  SnapshotSource& snapshots_;
  const Authorizer& auth_;
  const int max_streams_;
  std::atomic<int> active_{0};
  int listener_ = 0;  // Our OnPublish registration.
  absl::Mutex mu_;
  absl::CondVar changed_;  // Signalled on publish and on Stop().
  bool stopped_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace lges
