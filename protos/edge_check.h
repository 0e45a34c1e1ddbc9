#pragma once
// The server's first look at a request. grpc_cpp_plugin includes this
// header in every generated *.grpc.pb.h (protos/CMakeLists.txt), so the
// specialisations below are seen wherever gRPC turns bytes into messages.
// Instead of protobuf's parse, which fails without saying why (and which
// gRPC answers with INTERNAL, or UNIMPLEMENTED for callback methods), the
// bytes of each API request first pass wire::CheckWire: invalid UTF-8 in
// any string, nesting deeper than 32 levels or malformed bytes get
// INVALID_ARGUMENT with a google.rpc.BadRequest naming the field, before
// the authorizer, the handler or the store see anything.
//
// gRPC reaches the parse three ways, and each is covered:
//  - sync unary handlers parse through SerializationTraits<MessageLite>;
//    its specialisation checks the API's request types and leaves every
//    other message to gRPC's own code;
//  - sync streaming handlers parse through SerializationTraits<Request>;
//  - callback handlers also use SerializationTraits<Request>, but answer any
//    failed parse with a bare UNIMPLEMENTED, so for them the parse succeeds
//    with the problem marked in the message, and the handler asks
//    MarkedProblem() first (service/analytics_service.cc,
//    service/watch_service.cc).
// Serialisation (the client's side) is gRPC's own throughout.
//
// tests/service/edge_check_test.cc checks that every rpc's input type is
// covered.

#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/support/byte_buffer.h>

#include <optional>
#include <string_view>
#include <vector>

#include "estyn/lges/v1/analytics.pb.h"
#include "estyn/lges/v1/dataset.pb.h"
#include "estyn/lges/v1/follow_up.pb.h"
#include "estyn/lges/v1/inspections.pb.h"
#include "estyn/lges/v1/key_messages.pb.h"
#include "estyn/lges/v1/providers.pb.h"
#include "estyn/lges/v1/tokens.pb.h"
#include "protos/wire_check.h"

namespace lges::edge {

// The domain of every google.rpc.ErrorInfo the server sends.
inline constexpr char kErrorDomain[] = "lges.estyn.gov.wales";

// Checks and parses a received request into `message`; clears the buffer.
// INVALID_ARGUMENT with BadRequest details on any problem.
grpc::Status ParseRequest(grpc::ByteBuffer* buffer,
                          google::protobuf::Message* message);
// The same, but a problem leaves `message` empty except for a mark that
// MarkedProblem finds, and the result is OK.
grpc::Status ParseOrMark(grpc::ByteBuffer* buffer,
                         google::protobuf::Message* message);
// The problem ParseOrMark marked in `message`, if any.
std::optional<wire::Problem> MarkedProblem(
    const google::protobuf::Message& message);
// SerializationTraits<MessageLite>::Deserialize: ParseRequest for the API's
// request types, gRPC's GenericDeserialize for everything else.
grpc::Status DeserializeAny(grpc::ByteBuffer* buffer,
                            grpc::protobuf::MessageLite* message);
// The INVALID_ARGUMENT of `problem`, with its BadRequest.
grpc::Status InvalidArgument(const wire::Problem& problem);

// The .proto files of the API (those with its services).
const std::vector<const google::protobuf::FileDescriptor*>& ApiFiles();
// True if `full_name` (e.g. "estyn.lges.v1.GetProviderRequest") is the
// input type of an rpc of the API.
bool IsApiRequest(std::string_view full_name);

}  // namespace lges::edge

namespace grpc {

template <>
class SerializationTraits<protobuf::MessageLite, void> {
 public:
  static Status Serialize(const protobuf::MessageLite& message,
                          ByteBuffer* buffer, bool* own_buffer) {
    return GenericSerialize<ProtoBufferWriter, protobuf::MessageLite>(
        message, buffer, own_buffer);
  }
  static Status Deserialize(ByteBuffer* buffer,
                            protobuf::MessageLite* message) {
    return ::lges::edge::DeserializeAny(buffer, message);
  }
};

}  // namespace grpc

// SerializationTraits of a request type that gRPC parses by its own type;
// `Parse` is ParseRequest or ParseOrMark.
#define LGES_EDGE_TRAITS(Type, Parse)                                         \
  namespace grpc {                                                            \
  template <>                                                                 \
  class SerializationTraits<::estyn::lges::v1::Type, void> {                  \
   public:                                                                    \
    static Status Serialize(const ::estyn::lges::v1::Type& message,           \
                            ByteBuffer* buffer, bool* own_buffer) {           \
      return GenericSerialize<ProtoBufferWriter, ::estyn::lges::v1::Type>(    \
          message, buffer, own_buffer);                                       \
    }                                                                         \
    static Status Deserialize(ByteBuffer* buffer,                             \
                              ::estyn::lges::v1::Type* message) {             \
      return ::lges::edge::Parse(buffer, message);                            \
    }                                                                         \
  };                                                                          \
  }

// Sync server-streaming rpcs.
LGES_EDGE_TRAITS(BackupDatabaseRequest, ParseRequest)
LGES_EDGE_TRAITS(ExportRecordsRequest, ParseRequest)
// The sync client-streaming rpc (ImportRecordsStream): gRPC's reader would
// take a failed parse for the end of the stream, so the problem is marked
// and the handler refuses it.
LGES_EDGE_TRAITS(ImportRecordsRequest, ParseOrMark)
// The callback rpcs: WatchSector, and AnalyticsService's (GetSectorSummary
// and GetThemeTrends are raw and check their bytes themselves).
LGES_EDGE_TRAITS(WatchSectorRequest, ParseOrMark)
LGES_EDGE_TRAITS(ListThemesRequest, ParseOrMark)
LGES_EDGE_TRAITS(ClassifyRecommendationRequest, ParseOrMark)
LGES_EDGE_TRAITS(SetRecommendationThemeRequest, ParseOrMark)
LGES_EDGE_TRAITS(ListThemeOverridesRequest, ParseOrMark)
LGES_EDGE_TRAITS(ListThemeOverrideHistoryRequest, ParseOrMark)
LGES_EDGE_TRAITS(GetFollowUpStatusRequest, ParseOrMark)
LGES_EDGE_TRAITS(GetFollowUpAnalyticsRequest, ParseOrMark)
LGES_EDGE_TRAITS(GetAuthorityProfileRequest, ParseOrMark)
LGES_EDGE_TRAITS(CompareConsortiaRequest, ParseOrMark)
LGES_EDGE_TRAITS(ReconcileSectorSummaryRequest, ParseOrMark)

#undef LGES_EDGE_TRAITS
