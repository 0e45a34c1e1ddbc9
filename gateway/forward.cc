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
    : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>,
      public ForwardedCall {
 public:
  explicit Call(const std::vector<std::string>& requests) {
    for (const std::string& r : requests) requests_.push_back(ToBuffer(r));
  }
  ~Call() override {
    if (!finished_) {
      context_.TryCancel();
      Finish();
    }
  }

  void Begin() {
    AddHold();
    StartRead(&reply_);
    WriteNext();
    StartCall();
  }

  std::optional<std::string> Next() override {
    bool timed_out = false;
    return NextWithin(std::chrono::milliseconds::max(), &timed_out);
  }

  std::optional<std::string> NextWithin(std::chrono::milliseconds wait,
                                        bool* timed_out) override {
    std::unique_lock<std::mutex> lock(mu_);
    const auto ready = [&] { return has_reply_ || read_over_; };
    *timed_out = false;
    if (wait == std::chrono::milliseconds::max()) {
      changed_.wait(lock, ready);
    } else if (!changed_.wait_for(lock, wait, ready)) {
      *timed_out = true;
      return std::nullopt;
    }
    if (!has_reply_) return std::nullopt;
    has_reply_ = false;
    std::string out = ToString(reply_);
    lock.unlock();
    StartRead(&reply_);
    return out;
  }

  void Cancel() override { context_.TryCancel(); }

  // Waits for the last read (which a cancelled call also ends), releases
  // the hold, and waits for the call's status.
  Outcome Finish() override {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return read_over_; });
    lock.unlock();
    if (!finished_) RemoveHold();
    finished_ = true;
    lock.lock();
    changed_.wait(lock, [&] { return done_; });
    return {static_cast<int>(status_.error_code()), status_.error_message(),
            status_.error_details()};
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
  bool finished_ = false;  // The calling thread's own: Finish has run.
  grpc::Status status_;
};

}  // namespace

Forwarder::Forwarder(std::shared_ptr<grpc::Channel> channel)
    : channel_(std::move(channel)) {}

Forwarder::~Forwarder() = default;

std::unique_ptr<ForwardedCall> Forwarder::Start(
    const std::string& method, const std::vector<std::string>& requests,
    const Metadata& metadata,
    std::optional<std::chrono::system_clock::time_point> deadline) {
  grpc::TemplatedGenericStub<grpc::ByteBuffer, grpc::ByteBuffer> stub(channel_);
  auto call = std::make_unique<lges::gateway::Call>(requests);
  for (const auto& [key, value] : metadata)
    call->context().AddMetadata(key, value);
  if (deadline) call->context().set_deadline(*deadline);
  stub.PrepareBidiStreamingCall(&call->context(), method, grpc::StubOptions(),
                                call.get());
  call->Begin();
  return call;
}

Outcome Forwarder::Call(
    const std::string& method, const std::vector<std::string>& requests,
    const Metadata& metadata,
    std::optional<std::chrono::system_clock::time_point> deadline,
    const std::function<bool(const std::string& reply)>& on_reply) {
  std::unique_ptr<ForwardedCall> call =
      Start(method, requests, metadata, deadline);
  while (std::optional<std::string> reply = call->Next()) {
    if (!on_reply(*reply)) {
      call->Cancel();
      break;
    }
  }
  return call->Finish();
}

}  // namespace lges::gateway
