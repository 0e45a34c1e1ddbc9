#include "service/status_map.h"

#include "domain/errors.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace lges {

namespace {

// Bounds on what a status carries back, whatever a handler wrote into it,
// so that it always fits gRPC's metadata limit (8 KiB by default).
constexpr size_t kMaxMessageBytes = 500;
constexpr size_t kMaxFieldBytes = 100;
constexpr size_t kMaxDescriptionBytes = 160;
constexpr size_t kMaxViolations = 20;

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const auto code = static_cast<grpc::StatusCode>(status.code());
  const std::string message = Quoted(
      std::string_view(status.message().data(), status.message().size()),
      kMaxMessageBytes);
  const Violations violations = ViolationsOf(status);
  if (violations.empty()) return grpc::Status(code, message);

  google::rpc::BadRequest bad_request;
  for (size_t i = 0; i < violations.size() && i < kMaxViolations; ++i) {
    google::rpc::BadRequest::FieldViolation* fv =
        bad_request.add_field_violations();
    fv->set_field(Quoted(violations[i].field, kMaxFieldBytes));
    fv->set_description(
        Quoted(violations[i].description, kMaxDescriptionBytes));
  }
  if (violations.size() > kMaxViolations) {
    bad_request.add_field_violations()->set_description(
        "and " + std::to_string(violations.size() - kMaxViolations) +
        " more problems");
  }
  google::rpc::Status details;
  details.set_code(static_cast<int>(code));
  details.set_message(message);
  details.add_details()->PackFrom(bad_request);
  return grpc::Status(code, message, details.SerializeAsString());
}

}  // namespace lges
