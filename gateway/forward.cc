#include "gateway/forward.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <condition_variable>
#include <deque>
#include <mutex>

namespace lges::gateway {
namespace {

std::string ToString(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const grpc::Slice& s : slices)
    out.append(reinterpret_cast<const char*>(s.begin()), s.size());
  return out;
}

grpc::ByteBuffer ToBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

// Writes every request, then half-closes; reads replies one at a time and
// hands them to the calling thread, which asks for the next when it has
// passed one on (so a slow HTTP client slows the stream, not memory). A
// hold keeps the call from finishing while the calling thread may still
// start a read; Finish releases it.
class Call final
    : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  explicit Call(std::vector<std::string> requests) {
    for (const std::string& r : requests) requests_.push_back(ToBuffer(r));
  }

  void Begin() {
    AddHold();
    StartRead(&reply_);
    WriteNext();
    StartCall();
  }

  // The next reply, or nullopt once there are no more.
  std::optional<std::string> Next() {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return has_reply_ || read_over_; });
    if (!has_reply_) return std::nullopt;
    has_reply_ = false;
    std::string out = ToString(reply_);
    lock.unlock();
    StartRead(&reply_);
    return out;
  }

  // Waits for the last read (which a cancelled call also ends), releases
  // the hold, and waits for the call's status.
  grpc::Status Finish() {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return read_over_; });
    lock.unlock();
    RemoveHold();
    lock.lock();
    changed_.wait(lock, [&] { return done_; });
    return status_;
  }

  void OnWriteDone(bool ok) override {
    if (!ok) return;  // The call is ending; OnDone follows.
    WriteNext();
  }
  void OnReadDone(bool ok) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (ok) has_reply_ = true;
    else read_over_ = true;
    changed_.notify_all();
  }
  void OnDone(const grpc::Status& status) override {
    std::lock_guard<std::mutex> lock(mu_);
    status_ = status;
    done_ = true;
    changed_.notify_all();
  }

  grpc::ClientContext& context() { return context_; }

 private:
  void WriteNext() {
    if (next_ < requests_.size()) {
      StartWrite(&requests_[next_++]);
    } else {
      StartWritesDone();
    }
  }

  grpc::ClientContext context_;
  std::deque<grpc::ByteBuffer> requests_;
  size_t next_ = 0;  // Touched only by Begin and OnWriteDone, in turn.
  grpc::ByteBuffer reply_;
  std::mutex mu_;
  std::condition_variable changed_;
  bool has_reply_ = false;
  bool read_over_ = false;
  bool done_ = false;
  grpc::Status status_;
};

}  // namespace

Forwarder::Forwarder(std::shared_ptr<grpc::Channel> channel)
    : channel_(std::move(channel)) {}

Forwarder::~Forwarder() = default;

Outcome Forwarder::Call(
    const std::string& method, const std::vector<std::string>& requests,
    const std::vector<std::pair<std::string, std::string>>& metadata,
    std::optional<std::chrono::system_clock::time_point> deadline,
    const std::function<bool(const std::string& reply)>& on_reply) {
  grpc::TemplatedGenericStub<grpc::ByteBuffer, grpc::ByteBuffer> stub(channel_);
  lges::gateway::Call call(requests);
  for (const auto& [key, value] : metadata)
    call.context().AddMetadata(key, value);
  if (deadline) call.context().set_deadline(*deadline);
  stub.PrepareBidiStreamingCall(&call.context(), method, grpc::StubOptions(),
                                &call);
  call.Begin();
  while (std::optional<std::string> reply = call.Next()) {
    if (!on_reply(*reply)) {
      call.context().TryCancel();
      break;
    }
  }
  const grpc::Status status = call.Finish();
  return {static_cast<int>(status.error_code()), status.error_message(),
          status.error_details()};
}

}  // namespace lges::gateway
