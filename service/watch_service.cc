#include "service/watch_service.h"

#include "convert/convert_analytics.h"
#include "domain/errors.h"
#include "domain/validation.h"
#include "service/status_map.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;

// How often a waiting watcher checks whether its client has gone.
constexpr absl::Duration kCancelCheck = absl::Milliseconds(200);

}  // namespace

WatchService::WatchService(SnapshotSource& snapshots, const Authorizer& auth,
                           int max_streams)
    : snapshots_(snapshots), auth_(auth), max_streams_(max_streams) {
  listener_ = snapshots_.OnPublish(
      [this](const std::shared_ptr<const analytics::Snapshot>&) { Wake(); });
}

WatchService::~WatchService() { snapshots_.RemoveListener(listener_); }

void WatchService::Wake() {
  absl::MutexLock lock(&mu_);
  changed_.SignalAll();
}

void WatchService::Stop() {
  absl::MutexLock lock(&mu_);
  stopped_ = true;
  changed_.SignalAll();
}

absl::Status WatchService::Check(const grpc::ServerContext& ctx,
                                 const pb::WatchSectorRequest& req) const {
  if (absl::StatusOr<Identity> who =
          auth_.Authorize(ctx, "estyn.lges.v1.WatchService/WatchSector");
      !who.ok())
    return who.status();
  if (active_ > max_streams_ && max_streams_ > 0) {
    return absl::ResourceExhaustedError(
        "more than " + std::to_string(max_streams_) +
        " watch streams are open (see --max-watch-streams)");
  }
  if (req.academic_year() == 0) return absl::OkStatus();
  const Violations v =
      ValidateAcademicYear(req.academic_year(), "academic_year");
  return v.empty() ? absl::OkStatus() : InvalidArgumentError(v);
}

bool WatchService::WaitForChange(uint64_t sent) {
  absl::MutexLock lock(&mu_);
  const absl::Time deadline = absl::Now() + kCancelCheck;
  while (!stopped_ && snapshots_.generation() == sent) {
    if (changed_.WaitWithDeadline(&mu_, deadline)) break;  // Timed out.
  }
  return !stopped_;
}

grpc::Status WatchService::WatchSector(
    grpc::ServerContext* ctx, const pb::WatchSectorRequest* req,
    grpc::ServerWriter<pb::SectorSnapshot>* writer) {
  // Counts this stream while it is open.
  ++active_;
  struct Open {
    std::atomic<int>& active;
    ~Open() { --active; }
  } open{active_};
  if (absl::Status s = Check(*ctx, *req); !s.ok()) return ToGrpcStatus(s);
  for (uint64_t sent = 0;;) {
    if (sent != 0 && !WaitForChange(sent)) return grpc::Status::OK;
    if (ctx->IsCancelled())
      return grpc::Status(grpc::StatusCode::CANCELLED,
                          "the client cancelled the watch");
    const uint64_t generation = snapshots_.generation();
    if (generation == sent) continue;
    const std::shared_ptr<const analytics::Snapshot> snapshot =
        snapshots_.Current();
    pb::SectorSnapshot message;
    convert::ToProto(
        *snapshot,
        req->academic_year() ? req->academic_year() : snapshot->current_year(),
        &message);
    sent = generation;
    if (!writer->Write(message))
      return grpc::Status::OK;  // The client has gone.
  }
}

}  // namespace lges
