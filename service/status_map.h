#pragma once
// The one place where errors become gRPC statuses. absl codes map to the
// gRPC code of the same number. The status details (a google.rpc.Status,
// readable by any gRPC client) always carry a google.rpc.ErrorInfo: the
// reason the status carries (domain/errors.h; listed in docs/ERRORS.md) or
// the default for its code, and domain "lges.estyn.gov.wales". Field
// violations become a google.rpc.BadRequest. A reason naming a "resource"
// adds a PreconditionFailure (FAILED_PRECONDITION) or a ResourceInfo. What a status
// carries is bounded (message 500 bytes, 20 violations of at most 100 +
// 160 bytes, then "and N more problems"), so that it always fits gRPC's
// 8 KiB metadata limit however much of a caller's input a message quotes.

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace lges {

grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace lges
