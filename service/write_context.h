#pragma once
// Who makes a write: the WriteContext the store records, from a call's
// metadata. The only gRPC-facing part of the request plumbing.

#include <string>

#include "storage/store.h"

namespace grpc {
class ServerContextBase;
}

namespace lges {

// The "x-lges-actor" metadata value (at most 100 bytes), or "anonymous",
// with the create's `request_id` and `fingerprint` for idempotency.
WriteContext WriteContextFor(const grpc::ServerContextBase& context,
                             const std::string& request_id,
                             const std::string& fingerprint);

}  // namespace lges
