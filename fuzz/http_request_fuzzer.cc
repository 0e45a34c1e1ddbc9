// HTTP requests as a caller may send them to the gateway: the first line
// is "VERB PATH?QUERY", the rest the body. Routing, path templates, query
// decoding and JSON bodies must refuse what they cannot read without
// crashing, and a request they accept must print back to JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gateway/path_template.h"
#include "gateway/routes.h"
#include "gateway/transcode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t eol = input.find('\n');
  const std::string line = input.substr(0, eol);
  const std::string body = eol == std::string::npos ? "" : input.substr(eol + 1);
  const size_t space = line.find(' ');
  if (space == std::string::npos) return 0;
  const std::string verb = line.substr(0, space);
  const std::string target = line.substr(space + 1);
  const size_t mark = target.find('?');
  const std::string path = target.substr(0, mark);
  const std::string query =
      mark == std::string::npos ? "" : target.substr(mark + 1);
  (void)lges::gateway::PathTemplate::Parse(path);
  auto match = lges::gateway::RouteTable::Api().Find(verb, path, nullptr);
  if (!match) return 0;
  auto requests = lges::gateway::BuildRequests(
      *match->route, match->bindings, lges::gateway::ParseQuery(query), body);
  if (!requests.ok()) return 0;
  for (const auto& request : *requests) {
    if (lges::gateway::ToJson(*request).empty()) __builtin_trap();
  }
  return 0;
}
