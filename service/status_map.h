#pragma once
// The one place where errors become gRPC statuses. absl codes map to the
// gRPC code of the same number; field violations carried by an
// INVALID_ARGUMENT status (domain/errors.h) become a google.rpc.BadRequest
// in the status details, readable by any gRPC client.

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace lges {

grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace lges
