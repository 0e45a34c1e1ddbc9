#include "service/watch_service.h"

#include <google/protobuf/util/time_util.h>

#include "domain/errors.h"
#include "service/convert_analytics.h"
#include "service/status_map.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;

// How often a waiting watcher checks whether its client has gone.
constexpr auto kCancelCheck = std::chrono::milliseconds(200);

void Fill(const analytics::Snapshot& s, int year, pb::SectorSnapshot* out) {
  out->set_dataset_version(s.version());
  *out->mutable_as_of() =
      google::protobuf::util::TimeUtil::MillisecondsToTimestamp(s.as_of_ms());
  for (const auto& [authority, episode] : s.StatusAt(s.today())) {
    if (episode) out->add_in_follow_up(authority->code);
  }
  convert::ToProto(s, s.Summary(year), out->mutable_summary());
}

}  // namespace

WatchService::WatchService(SnapshotSource& snapshots) : snapshots_(snapshots) {
  listener_ = snapshots_.OnPublish(
      [this](const std::shared_ptr<const analytics::Snapshot>&) { Wake(); });
}

WatchService::~WatchService() { snapshots_.RemoveListener(listener_); }

void WatchService::Wake() {
  std::lock_guard<std::mutex> lock(mu_);
  changed_.notify_all();
}

void WatchService::Stop() {
  std::lock_guard<std::mutex> lock(mu_);
  stopped_ = true;
  changed_.notify_all();
}

grpc::Status WatchService::WatchSector(
    grpc::ServerContext* ctx, const pb::WatchSectorRequest* req,
    grpc::ServerWriter<pb::SectorSnapshot>* writer) {
  if (req->academic_year() != 0 &&
      (req->academic_year() < kMinYear || req->academic_year() >= kMaxYear)) {
    return ToGrpcStatus(
        InvalidFieldError("academic_year",
                          "must be 0 (the current year) or a start year "
                          "between 1990 and 2099"));
  }
  uint64_t sent = 0;
  bool first = true;
  while (true) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait_for(lock, kCancelCheck, [&] {
        return stopped_ || first || snapshots_.generation() != sent;
      });
      if (stopped_) return grpc::Status::OK;
    }
    if (ctx->IsCancelled())
      return grpc::Status(grpc::StatusCode::CANCELLED,
                          "the client cancelled the watch");
    const uint64_t generation = snapshots_.generation();
    if (!first && generation == sent) continue;
    const std::shared_ptr<const analytics::Snapshot> snapshot =
        snapshots_.Current();
    pb::SectorSnapshot message;
    Fill(*snapshot,
         req->academic_year()
             ? req->academic_year()
             : AcademicYear::Containing(snapshot->today()).start_year,
         &message);
    sent = generation;
    first = false;
    if (!writer->Write(message))
      return grpc::Status::OK;  // The client has gone.
  }
}

}  // namespace lges
