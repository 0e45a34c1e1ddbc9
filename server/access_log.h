#pragma once
// The access log: one line per call (service/log.h event "rpc"), written as
// the call sends its status, with
//   request_id   the caller's "x-request-id" if well formed, else a new one;
//                returned to the caller in the response's initial metadata
//   method       "estyn.lges.v1.ProviderService/ListProviders"
//   code         "OK", "NOT_FOUND"...
//   latency_ms   from the call's arrival to its status
//   peer         gRPC's peer address, or "in-process" for a call the HTTP
//                gateway forwards, whose http_peer is the HTTP client's
//                address
//   identity     the credential the authorizer found ("anonymous"); absent
//                when the call was refused before it was identified
//   reply_bytes  serialized bytes of every reply message
// Never a request or reply, nor a token. Health checks and reflection log
// at debug level, the API at info, server faults (INTERNAL, UNKNOWN,
// DATA_LOSS) at error.

#include <grpcpp/support/server_interceptor.h>

#include <memory>

namespace lges {

class CallIdentities;

// Interceptors for ServerBuilder (which owns the factory); `identities`
// must outlive the server.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewAccessLogFactory(CallIdentities& identities);

}  // namespace lges
