#include "service/watch_service.h"

#include "convert/convert_analytics.h"
#include "domain/errors.h"
#include "domain/validation.h"
#include "protos/edge_check.h"
#include "service/request_support.h"
#include "service/status_map.h"

namespace lges {

namespace pb = ::estyn::lges::v1;

// One open stream. Writes one message at a time: a change that arrives
// while a write is in flight is remembered, and the latest message is sent
// when the write completes. Owned by the service's set; OnDone removes it.
class SectorWatcher final : public grpc::ServerWriteReactor<pb::SectorSnapshot> {
 public:
  SectorWatcher(WatchService& service, int year, i18n::Language language)
      : service_(service), year_(year), language_(language) {}

  // Sends the current snapshot now, or after the write in flight.
  void Changed() {
    absl::MutexLock lock(&mu_);
    if (finished_) return;
    if (writing_) {
      pending_ = true;
      return;
    }
    SendLocked();
  }

  // Ends the stream with `status` unless it has ended.
  void End(const grpc::Status& status) {
    absl::MutexLock lock(&mu_);
    EndLocked(status);
  }

  void OnWriteDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    if (!ok) {  // The client has gone.
      EndLocked(grpc::Status::OK);
      return;
    }
    if (pending_ && !finished_) SendLocked();
  }

  void OnCancel() override {
    End(grpc::Status(grpc::StatusCode::CANCELLED,
                     "the client cancelled the watch"));
  }

  // Takes no lock of the watcher: gRPC may run it inside Finish.
  void OnDone() override { service_.Remove(this); }  // May destroy this.

 private:
  // StartWrite and Finish are called with mu_ held, so that a write never
  // starts after Finish; gRPC runs reactions on its own threads, never
  // inside these calls.
  void SendLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    pending_ = false;
    std::shared_ptr<const pb::SectorSnapshot> next = service_.MessageFor(year_, language_);
    if (next == sent_) return;  // The client has it already.
    sent_ = std::move(next);
    writing_ = true;
    StartWrite(sent_.get());
  }

  void EndLocked(const grpc::Status& status)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_) return;
    finished_ = true;
    Finish(status);
  }

  WatchService& service_;
  const int year_;
  const i18n::Language language_;
  absl::Mutex mu_;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool pending_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  // The message being written or last written; kept until the next one's
  // write starts, so that the one in flight stays valid.
  std::shared_ptr<const pb::SectorSnapshot> sent_ ABSL_GUARDED_BY(mu_);
};

namespace {

// A stream refused before it starts.
class RefusedWatch final : public grpc::ServerWriteReactor<pb::SectorSnapshot> {
 public:
  explicit RefusedWatch(const grpc::Status& status) { Finish(status); }
  void OnDone() override { delete this; }
};

}  // namespace

WatchService::WatchService(SnapshotSource& snapshots, const Authorizer& auth,
                           int max_streams)
    : snapshots_(snapshots), auth_(auth), max_streams_(max_streams) {
  listener_ = snapshots_.OnPublish(
      [this](const std::shared_ptr<const analytics::Snapshot>&) { Publish(); });
}

WatchService::~WatchService() { snapshots_.RemoveListener(listener_); }

std::vector<std::shared_ptr<SectorWatcher>> WatchService::Watchers() {
  absl::MutexLock lock(&mu_);
  std::vector<std::shared_ptr<SectorWatcher>> out;
  out.reserve(watchers_.size());
  for (const auto& [raw, owned] : watchers_) out.push_back(owned);
  return out;
}

void WatchService::Publish() {
  for (const auto& watcher : Watchers()) watcher->Changed();
}

void WatchService::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopped_ = true;
  }
  for (const auto& watcher : Watchers()) watcher->End(grpc::Status::OK);
}

std::shared_ptr<const pb::SectorSnapshot> WatchService::MessageFor(
    int year, i18n::Language language) {
  absl::MutexLock lock(&messages_mu_);
  const uint64_t generation = snapshots_.generation();
  if (generation != built_) {
    messages_.clear();
    built_ = generation;
  }
  std::shared_ptr<const pb::SectorSnapshot>& message =
      messages_[{year, language}];
  if (!message) {
    const std::shared_ptr<const analytics::Snapshot> snapshot =
        snapshots_.Current();
    auto built = std::make_shared<pb::SectorSnapshot>();
    convert::ToProto(*snapshot, year ? year : snapshot->current_year(),
                     built.get(), language);
    message = std::move(built);
  }
  return message;
}

void WatchService::Remove(SectorWatcher* watcher) {
  std::shared_ptr<SectorWatcher> last;  // Destroyed after the lock.
  absl::MutexLock lock(&mu_);
  auto it = watchers_.find(watcher);
  if (it == watchers_.end()) return;
  last = std::move(it->second);
  watchers_.erase(it);
  --active_;
}

absl::Status WatchService::Check(const grpc::CallbackServerContext& ctx,
                                 const pb::WatchSectorRequest& req) const {
  if (absl::StatusOr<Identity> who =
          auth_.Authorize(ctx, "estyn.lges.v1.WatchService/WatchSector");
      !who.ok())
    return who.status();
  if (active_ >= max_streams_ && max_streams_ > 0) {
    return WithReason(
        absl::ResourceExhaustedError(
            "more than " + std::to_string(max_streams_) +
            " watch streams are open (see --max-watch-streams)"),
        "TOO_MANY_WATCH_STREAMS", {{"limit", std::to_string(max_streams_)}});
  }
  LGES_RETURN_IF_ERROR(LanguageOf(req.language_code()).status());
  if (req.academic_year() == 0) return absl::OkStatus();
  const Violations v =
      ValidateAcademicYear(req.academic_year(), "academic_year");
  return v.empty() ? absl::OkStatus() : InvalidArgumentError(v);
}

grpc::ServerWriteReactor<pb::SectorSnapshot>* WatchService::WatchSector(
    grpc::CallbackServerContext* ctx, const pb::WatchSectorRequest* req) {
  if (std::optional<wire::Problem> problem = edge::MarkedProblem(*req))
    return new RefusedWatch(edge::InvalidArgument(*problem));
  if (absl::Status s = Check(*ctx, *req); !s.ok())
    return new RefusedWatch(
        ToGrpcStatus(InLanguage(s, req->language_code()), LanguageOfCall(*ctx)));
  // The first message reflects every write acknowledged before the call
  // (at most one rebuild's wait); later ones follow each publish.
  snapshots_.AwaitWrites(absl::Now() + absl::Seconds(5));
  auto watcher = std::make_shared<SectorWatcher>(
      *this, req->academic_year(),
      LanguageOf(req->language_code()).value_or(i18n::Language::kEnglish));
  {
    absl::MutexLock lock(&mu_);
    if (stopped_) return new RefusedWatch(grpc::Status::OK);
    watchers_.emplace(watcher.get(), watcher);
    ++active_;
  }
  watcher->Changed();  // The current snapshot, at once.
  return watcher.get();
}

}  // namespace lges
