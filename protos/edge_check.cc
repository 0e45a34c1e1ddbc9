#include "protos/edge_check.h"

#include <google/protobuf/unknown_field_set.h>

#include <set>
#include <string>
#include <vector>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace lges::edge {
namespace {

namespace pb = ::estyn::lges::v1;
using google::protobuf::Message;

// The unknown field ParseOrMark leaves in a refused message: the field's
// place, a NUL, the description. The highest field number there is.
constexpr int kMarkField = 536870911;

std::string Bytes(grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (buffer.Dump(&slices).ok()) {
    for (const grpc::Slice& slice : slices)
      bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  buffer.Clear();
  return bytes;
}

// The problem of `bytes` as a `message`, which it fills when there is none.
std::optional<wire::Problem> Parse(const std::string& bytes,
                                   Message& message) {
  if (std::optional<wire::Problem> problem =
          wire::CheckWire(*message.GetDescriptor(), bytes))
    return problem;
  if (!message.ParseFromString(bytes))
    return wire::Problem{"", "is not a valid " + message.GetTypeName()};
  if (MarkedProblem(message))
    return wire::Problem{"", "uses the reserved field number " +
                                 std::to_string(kMarkField)};
  return std::nullopt;
}

}  // namespace

grpc::Status InvalidArgument(const wire::Problem& problem) {
  const std::string message =
      (problem.field.empty() ? std::string("the request") : problem.field) +
      " " + problem.description;
  google::rpc::BadRequest bad_request;
  google::rpc::BadRequest::FieldViolation* violation =
      bad_request.add_field_violations();
  violation->set_field(problem.field);
  violation->set_description(problem.description);
  google::rpc::ErrorInfo info;
  info.set_reason("BAD_REQUEST");
  info.set_domain(kErrorDomain);
  google::rpc::Status status;
  status.set_code(static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  status.set_message(message);
  status.add_details()->PackFrom(info);
  status.add_details()->PackFrom(bad_request);
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, message,
                      status.SerializeAsString());
}

grpc::Status ParseRequest(grpc::ByteBuffer* buffer, Message* message) {
  if (buffer == nullptr)
    return grpc::Status(grpc::StatusCode::INTERNAL, "no payload");
  if (std::optional<wire::Problem> problem = Parse(Bytes(*buffer), *message))
    return InvalidArgument(*problem);
  return grpc::Status::OK;
}

grpc::Status ParseOrMark(grpc::ByteBuffer* buffer, Message* message) {
  if (buffer == nullptr)
    return grpc::Status(grpc::StatusCode::INTERNAL, "no payload");
  if (std::optional<wire::Problem> problem = Parse(Bytes(*buffer), *message)) {
    message->Clear();
    message->GetReflection()
        ->MutableUnknownFields(message)
        ->AddLengthDelimited(kMarkField,
                             problem->field + '\0' + problem->description);
  }
  return grpc::Status::OK;
}

std::optional<wire::Problem> MarkedProblem(const Message& message) {
  const google::protobuf::UnknownFieldSet& unknown =
      message.GetReflection()->GetUnknownFields(message);
  for (int i = 0; i < unknown.field_count(); ++i) {
    const google::protobuf::UnknownField& field = unknown.field(i);
    if (field.number() != kMarkField ||
        field.type() != google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED)
      continue;
    const std::string& text = field.length_delimited();
    const size_t nul = text.find('\0');
    if (nul == std::string::npos) return wire::Problem{"", text};
    return wire::Problem{text.substr(0, nul), text.substr(nul + 1)};
  }
  return std::nullopt;
}

grpc::Status DeserializeAny(grpc::ByteBuffer* buffer,
                            grpc::protobuf::MessageLite* message) {
  auto* full = dynamic_cast<Message*>(message);
  if (full != nullptr && IsApiRequest(full->GetDescriptor()->full_name()))
    return ParseRequest(buffer, full);
  return grpc::GenericDeserialize<grpc::ProtoBufferReader,
                                  grpc::protobuf::MessageLite>(buffer, message);
}

const std::vector<const google::protobuf::FileDescriptor*>& ApiFiles() {
  // Found through one message of each.
  static const auto* files =
      new std::vector<const google::protobuf::FileDescriptor*>{
          pb::ListThemesRequest::descriptor()->file(),
          pb::ExportRecordsRequest::descriptor()->file(),
          pb::GetFollowUpEventRequest::descriptor()->file(),
          pb::GetInspectionRequest::descriptor()->file(),
          pb::GetKeyMessageRequest::descriptor()->file(),
          pb::GetProviderRequest::descriptor()->file(),
          pb::CreateTokenRequest::descriptor()->file()};
  return *files;
}

bool IsApiRequest(std::string_view full_name) {
  static const auto* names = [] {
    auto* set = new std::set<std::string, std::less<>>;
    for (const google::protobuf::FileDescriptor* file : ApiFiles()) {
      for (int s = 0; s < file->service_count(); ++s) {
        for (int m = 0; m < file->service(s)->method_count(); ++m)
          set->insert(file->service(s)->method(m)->input_type()->full_name());
      }
    }
    return set;
  }();
  return names->find(full_name) != names->end();
}

}  // namespace lges::edge
