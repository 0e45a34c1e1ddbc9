#pragma once
// Request plumbing shared by the resource services: page sizes and tokens,
// field masks and idempotency fingerprints. No gRPC; failures are
// INVALID_ARGUMENT with field violations. The caller's identity comes from
// service/write_context.h.

#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/message.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/errors.h"
#include "i18n/language.h"
#include "storage/store.h"

namespace lges {

// The language a request's `language_code` field asks for: English when
// empty; INVALID_ARGUMENT at "language_code" unless it is "en" or "cy"
// (a region such as "cy-GB" is accepted).
absl::StatusOr<i18n::Language> LanguageOf(const std::string& language_code);

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

// Validates page_size and page_token against the request's filter, encoded
// in `filter_key`. A token is only valid with the filter that produced it.
absl::StatusOr<PageRequest> ParsePage(int page_size,
                                      const std::string& page_token,
                                      const std::string& filter_key);
// The token for the page after `page`, or "" when `total` is reached.
std::string NextPageToken(const PageRequest& page, int returned, int total,
                          const std::string& filter_key);

// One page of a list held in memory: items [begin, end) of it.
struct PageSlice {
  size_t begin = 0;
  size_t end = 0;
  std::string next_page_token;  // "" on the last page.
};
// The page that `page_size` and `page_token` ask for of a list of `total`
// items, as ParsePage validates them.
absl::StatusOr<PageSlice> SliceOf(size_t total, int page_size,
                                  const std::string& page_token,
                                  const std::string& filter_key);

// A page token that carries on after `position` of an ordered log (such as
// the change log's versions), and the position it carries; INVALID_ARGUMENT
// at "page_token" if this service did not issue it.
std::string CursorToken(int64_t position);
absl::StatusOr<int64_t> CursorOf(const std::string& page_token);

// Merges the fields of `patch` named by `mask` into `target` (replacing
// repeated and message fields whole). An empty mask or "*" takes every field
// except `output_only`. Empty, repeated and unknown paths, and paths in
// `immutable` or `output_only`, are violations at "update_mask".
absl::Status ApplyFieldMask(const google::protobuf::Message& patch,
                            const google::protobuf::FieldMask& mask,
                            const std::vector<std::string>& immutable,
                            const std::vector<std::string>& output_only,
                            google::protobuf::Message* target);

// The filter part of a List request: its type and the request without
// page_size and page_token, serialised. Page tokens are bound to it, so a
// token works only with the rpc and filters that produced it.
std::string FilterKey(const google::protobuf::Message& list_request);

// A fingerprint of `request` with its request_id cleared, for idempotent
// creates.
std::string Fingerprint(const google::protobuf::Message& request);

// One page of `items` (a whole list held in memory, in order) into the
// List response `resp`: each item of the page through `add`, then
// next_page_token and total_size.
template <typename Request, typename Response, typename Item, typename Add>
absl::Status PageOfList(const std::vector<Item>& items, const Request& req,
                        Response* resp, Add add) {
  LGES_ASSIGN_OR_RETURN(PageSlice page,
                        SliceOf(items.size(), req.page_size(),
                                req.page_token(), FilterKey(req)));
  for (size_t i = page.begin; i < page.end; ++i) add(items[i]);
  resp->set_next_page_token(page.next_page_token);
  resp->set_total_size(static_cast<int>(items.size()));
  return absl::OkStatus();
}

}  // namespace lges
