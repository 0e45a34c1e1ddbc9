#include "gateway/routes.h"

#include <google/protobuf/descriptor.h>

#include "estyn/lges/v1/analytics.pb.h"
#include "estyn/lges/v1/dataset.pb.h"
#include "estyn/lges/v1/follow_up.pb.h"
#include "estyn/lges/v1/inspections.pb.h"
#include "estyn/lges/v1/key_messages.pb.h"
#include "estyn/lges/v1/providers.pb.h"
#include "estyn/lges/v1/tokens.pb.h"
#include "google/api/annotations.pb.h"

namespace lges::gateway {
namespace {

namespace pb = ::estyn::lges::v1;

// The verb and template of a rule; verb empty if the rule has none the
// gateway serves.
std::pair<std::string, std::string> VerbAndPath(const google::api::HttpRule& r) {
  switch (r.pattern_case()) {
    case google::api::HttpRule::kGet: return {"GET", r.get()};
    case google::api::HttpRule::kPost: return {"POST", r.post()};
    case google::api::HttpRule::kPatch: return {"PATCH", r.patch()};
    case google::api::HttpRule::kDelete: return {"DELETE", r.delete_()};
    case google::api::HttpRule::kPut: return {"PUT", r.put()};
    default: return {"", ""};
  }
}

}  // namespace

RouteTable RouteTable::FromFiles(
    const std::vector<const google::protobuf::FileDescriptor*>& files,
    std::vector<std::string>* unroutable) {
  RouteTable table;
  for (const google::protobuf::FileDescriptor* file : files) {
    for (int s = 0; s < file->service_count(); ++s) {
      const google::protobuf::ServiceDescriptor* service = file->service(s);
      for (int m = 0; m < service->method_count(); ++m) {
        const google::protobuf::MethodDescriptor* method = service->method(m);
        const google::api::HttpRule& rule =
            method->options().GetExtension(google::api::http);
        auto [verb, text] = VerbAndPath(rule);
        std::optional<PathTemplate> path = PathTemplate::Parse(text);
        if (verb.empty() || !path) {
          if (unroutable) unroutable->push_back(method->full_name());
          continue;
        }
        table.routes_.push_back(
            {verb, *std::move(path), rule.body(), method,
             "/" + service->full_name() + "/" + method->name()});
      }
    }
  }
  return table;
}

const RouteTable& RouteTable::Api() {
  static const RouteTable* api = new RouteTable(FromFiles({
      pb::ListProvidersRequest::descriptor()->file(),
      pb::ListInspectionsRequest::descriptor()->file(),
      pb::ListFollowUpEventsRequest::descriptor()->file(),
      pb::ListKeyMessagesRequest::descriptor()->file(),
      pb::ListThemesRequest::descriptor()->file(),
      pb::ExportRecordsRequest::descriptor()->file(),
      pb::ListTokensRequest::descriptor()->file(),
  }));
  return *api;
}

std::optional<RouteTable::Match> RouteTable::Find(
    const std::string& verb, const std::string& path,
    std::vector<std::string>* allowed) const {
  for (const Route& route : routes_) {
    std::optional<std::vector<Binding>> bindings = route.path.Match(path);
    if (!bindings) continue;
    if (route.verb == verb) return Match{&route, *std::move(bindings)};
    if (allowed) allowed->push_back(route.verb);
  }
  return std::nullopt;
}

}  // namespace lges::gateway
