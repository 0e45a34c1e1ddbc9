#include "bench/echo_service.h"

#include <grpcpp/grpcpp.h>

#include <chrono>

#include "lges/bench/echo.grpc.pb.h"

namespace lges::bench {
namespace {

class EchoServiceImpl final : public EchoService::CallbackService {
  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* ctx,
                                 const EchoRequest* req,
                                 EchoResponse* resp) override {
    resp->set_message(req->message());
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
};

}  // namespace

std::unique_ptr<grpc::Service> MakeEchoService() {
  return std::make_unique<EchoServiceImpl>();
}

struct EchoClient::Stub {
  std::unique_ptr<EchoService::Stub> stub;
};

EchoClient::EchoClient(const std::string& address)
    : stub_(new Stub{EchoService::NewStub(grpc::CreateChannel(
          address, grpc::InsecureChannelCredentials()))}) {}

EchoClient::~EchoClient() = default;

bool EchoClient::Echo(const std::string& message) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  EchoRequest req;
  req.set_message(message);
  EchoResponse resp;
  return stub_->stub->Echo(&context, req, &resp).ok();
}

}  // namespace lges::bench
