#pragma once
// Pages for people who would rather look than read JSON, served by the
// HTTP listener: server-rendered HTML with inline CSS and SVG, readable
// without JavaScript, printable, loading nothing else. Every figure comes
// from an rpc's reply, fetched through the same in-process channel as the
// JSON API, with the visitor's credentials.
//   /                    who is in follow-up now, the latest sector summary,
//                        the sector pages by year, the authorities
//   /reports/{year}      the sector page that lgesctl report writes
//   /trends?from=&to=    recommendation themes over the years, with a chart
//   /authorities/{code}  an authority's profile

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lges::gateway {

class Forwarder;

struct PageReply {
  int http_status = 200;
  std::string html;
};

// The page at `path` with `query`, or nullopt if `path` is not a page.
// `metadata` carries the visitor's credentials to the rpcs.
std::optional<PageReply> RenderPage(
    Forwarder& forwarder, const std::string& path, const std::string& query,
    const std::vector<std::pair<std::string, std::string>>& metadata);

}  // namespace lges::gateway
