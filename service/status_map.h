#pragma once
// The one place where errors become gRPC statuses. absl codes map to the
// gRPC code of the same number; field violations carried by an
// INVALID_ARGUMENT status (domain/errors.h) become a google.rpc.BadRequest
// in the status details, readable by any gRPC client. What a status
// carries is bounded (message 500 bytes, 20 violations of at most 100 +
// 160 bytes, then "and N more problems"), so that it always fits gRPC's
// 8 KiB metadata limit however much of a caller's input a message quotes.

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace lges {

grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace lges
