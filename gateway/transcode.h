#pragma once
// HTTP/JSON to and from the API's protobuf messages, generically from the
// descriptors: a request is built from the path's bindings, the query
// string and the JSON body as google.api.http prescribes; replies and
// errors are printed with protobuf's JSON mapping. No gRPC and no HTTP
// library here; failures are INVALID_ARGUMENT with field violations, for
// service/status_map.h to carry.

#include <google/protobuf/message.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "gateway/routes.h"

namespace lges::gateway {

// "a=1&b=x%20y" as decoded pairs, in order; '+' is a space.
std::vector<std::pair<std::string, std::string>> ParseQuery(
    std::string_view query);

// The request messages of a call to `route`: one, or for a client-streaming
// rpc one per element of a JSON array body (an object body is one part).
// Query parameters name request fields by their proto or JSON names, with
// dots into nested messages ("date.year=2023"); repeated fields take one
// value per occurrence. Path bindings win over the body and the query.
// Parameters that the rule's body already carries are refused, as are
// unknown fields and malformed values.
absl::StatusOr<std::vector<std::unique_ptr<google::protobuf::Message>>>
BuildRequests(const Route& route, const std::vector<Binding>& bindings,
              const std::vector<std::pair<std::string, std::string>>& query,
              std::string_view body);

// The JSON of `message`: lowerCamelCase names, every field printed (zeros,
// empty lists) so that tables keep their columns, enums by name.
std::string ToJson(const google::protobuf::Message& message);

// The JSON google.rpc.Status of a failed call: its code, message and
// details (ErrorInfo and the rest, each with its "@type"), parsed from the
// serialised google.rpc.Status a gRPC status carries.
std::string StatusJson(int code, const std::string& message,
                       const std::string& serialized_details);

// The HTTP status Google's APIs use for a gRPC code (google/rpc/code.proto).
int HttpStatusOf(int grpc_code);

}  // namespace lges::gateway
