#pragma once
// The HTTP routes of the API, read from the google.api.http option of each
// rpc in the descriptors, so that a new annotated rpc is served without a
// line of gateway code. Immutable once built; thread-safe to share.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gateway/path_template.h"

namespace google::protobuf {
class FileDescriptor;
class MethodDescriptor;
}  // namespace google::protobuf

namespace lges::gateway {

struct Route {
  std::string verb;  // "GET", "POST", "PATCH", "DELETE" or "PUT".
  PathTemplate path;
  // Where the JSON body goes: "" (no body), "*" (the whole request) or the
  // name of one request field.
  std::string body;
  const google::protobuf::MethodDescriptor* method = nullptr;
  // "/estyn.lges.v1.InspectionService/GetInspection", as gRPC names it.
  std::string grpc_method;
};

class RouteTable {
 public:
  // Every rpc of `files`' services. An rpc without an HTTP rule, or with a
  // rule the gateway cannot serve, is returned in `unroutable` (the tests
  // require it to be empty).
  static RouteTable FromFiles(
      const std::vector<const google::protobuf::FileDescriptor*>& files,
      std::vector<std::string>* unroutable = nullptr);
  // The routes of the estyn.lges.v1 API.
  static const RouteTable& Api();

  struct Match {
    const Route* route = nullptr;
    std::vector<Binding> bindings;
  };
  // The route of `verb` and `path`. When the path matches only other verbs,
  // `allowed` lists them (for 405 and its Allow header).
  std::optional<Match> Find(const std::string& verb, const std::string& path,
                            std::vector<std::string>* allowed) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace lges::gateway
